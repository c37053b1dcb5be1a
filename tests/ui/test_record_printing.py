"""The 病历 and the 护理记录单 printed from their tabs on the real services: Ctrl+P on the 病历 tab
previews the signed document shown (its signature and revision mark on the page) and prints it
(a PDF printer here); Ctrl+P on the 护理记录 tab previews the form in front (危重: landscape) and
saves it as PDF; both prints are audited (RecordDocumentPrint)."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.ui.test_nursing_records import nursing_of
from tests.ui.test_printing import pdf_printer, text_of
from tests.ui.test_records_tab import key, records_of
from ui.qt import Qt

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
CTRL = Qt.KeyboardModifier.ControlModifier


def prints(window: Any, entity: str) -> list[Any]:
    from app.store.schema import audit_rec

    return list(window.ctx.backend.read(lambda conn: conn.execute(
        select(audit_rec.c.entity_id, audit_rec.c.after_data).where(audit_rec.c.action == "print")
        .where(audit_rec.c.entity == entity)).all()))


def preview_of(qtbot: Any, tab: Any) -> Any:
    from ui.printing.record_preview import RecordPrintPreview

    qtbot.waitUntil(lambda: isinstance(tab.dialog, RecordPrintPreview) and tab.dialog.isVisible(),
                    timeout=3000)
    qtbot.waitUntil(lambda: not tab.dialog.loading, timeout=10_000)
    return tab.dialog


def test_ctrl_p_prints_the_signed_document_shown(qtbot: Any, real_window: Any, tmp_path: Path) -> None:
    tab = records_of(qtbot, real_window, "zhangwei", 1)
    amended = next(r for r in tab.model.rows() if r.title == "入院记录" and r.rev_no == 2)
    tab.table.selectRow(tab.model.row_of(amended.id))
    qtbot.waitUntil(lambda: tab.view_doc is not None and tab.view_doc.doc.id == amended.id, timeout=5000)
    assert tab.actions_by_key["print"].isEnabled()
    tab.table.setFocus()
    tab.dialog = None
    key(qtbot, Qt.Key.Key_P, CTRL)
    preview = preview_of(qtbot, tab)
    words = " ".join(t for p in preview.pages for t in p.texts())
    assert "入院记录" in words and "医师签名：张伟" in words and "（已修订，第2版）" in words
    assert not preview.image_label.pixmap().isNull()
    out = tmp_path / "record.pdf"
    preview.print_to(pdf_printer(out))
    qtbot.waitUntil(lambda: "已打印并记录" in preview.message.text(), timeout=5000)
    assert "入院记录" in text_of(out) and "修订记录" in text_of(out)
    done = prints(real_window, "clin_doc")
    assert [(p.entity_id, p.after_data["rev_no"]) for p in done] == [(amended.id, 2)]
    preview.grab().save(str(tmp_path / "record_preview.png"))


def test_ctrl_p_saves_the_critical_nursing_record(qtbot: Any, real_window: Any, tmp_path: Path) -> None:
    page = nursing_of(qtbot, real_window, 12)
    tab = page.nursing_tab
    qtbot.waitUntil(lambda: tab.rec_type == "critical" and tab.model.rowCount() > 0, timeout=10_000)
    tab.table.setFocus()
    key(qtbot, Qt.Key.Key_P, CTRL)
    preview = preview_of(qtbot, tab)
    assert preview.pages and all(p.width_mm > p.height_mm for p in preview.pages)
    assert "危重护理记录单" in preview.pages[0].texts()
    out = tmp_path / "nursing.pdf"
    preview.save_to(str(out))
    qtbot.waitUntil(lambda: "已打印并记录" in preview.message.text(), timeout=10_000)
    assert "危重护理记录单" in text_of(out)
    done = prints(real_window, "nursing_record")
    assert len(done) == 1 and done[0].after_data["rec_types"] == ["critical"]
