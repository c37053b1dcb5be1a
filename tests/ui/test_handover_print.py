"""The nurses' handover report printed from 护士交接班 on the real services: Ctrl+P previews the
shift shown (its counts, its patients, a draft marked as one) and prints it; the print is audited
(RecordHandoverPrint). A shift with nothing saved yet says so in the preview."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.ui.conftest import sign_in
from tests.ui.test_nurse_handover import NURSE_PASSWORD, _open
from tests.ui.test_printing import pdf_printer, text_of
from ui.qt import Qt

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
CTRL = Qt.KeyboardModifier.ControlModifier


def _preview(qtbot: Any, page: Any) -> Any:
    from ui.printing.handover_preview import HandoverPrintPreview

    page.print_dialog = None
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.window().isActiveWindow(), timeout=3000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: isinstance(page.print_dialog, HandoverPrintPreview), timeout=3000)
    qtbot.waitUntil(lambda: not page.print_dialog.loading, timeout=10_000)
    return page.print_dialog


def test_the_shift_shown_prints_from_the_handover_page(qtbot: Any, real_window: Any, tmp_path: Path) -> None:
    from app.store.schema import audit_rec

    sign_in(qtbot, real_window, "liufang", NURSE_PASSWORD)
    page = _open(qtbot, real_window)
    empty = _preview(qtbot, page)
    assert not empty.pages and empty.message.text()          # nothing saved for this shift yet
    empty.close()
    page.save()
    qtbot.waitUntil(lambda: "已保存" in page.status.text() or "草稿" in page.status.text(), timeout=10_000)
    preview = _preview(qtbot, page)
    words = " ".join(t for p in preview.pages for t in p.texts())
    assert "护士交接班报告" in words and "现有" in words
    assert "（草稿，尚未交班）" in words                      # saved, not handed over: marked so
    out = tmp_path / "handover.pdf"
    preview.print_to(pdf_printer(out))
    qtbot.waitUntil(lambda: "已打印并记录" in preview.message.text(), timeout=5000)
    assert "交接班" in text_of(out)
    printed = real_window.ctx.backend.read(lambda conn: conn.execute(
        select(audit_rec.c.entity).where(audit_rec.c.action == "print")
        .where(audit_rec.c.entity == "nurse_handover")).all())
    assert len(printed) == 1


def test_the_doctors_report_prints_from_the_handover_panel(
        qtbot: Any, real_window: Any, tmp_path: Path) -> None:
    from tests.ui.test_records_tab import PASSWORDS, SHIFT, key
    from ui.printing.handover_preview import HandoverPrintPreview
    from ui.records.handover import HandoverPanel

    sign_in(qtbot, real_window, "zhangwei", PASSWORDS["zhangwei"])
    key(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
    panel = real_window.tabs.currentWidget()
    assert isinstance(panel, HandoverPanel)
    qtbot.waitUntil(lambda: panel.loaded and panel.model.rowCount() > 0, timeout=5000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return, CTRL)  # 交班
    qtbot.waitUntil(lambda: panel.latest is not None and panel.latest.status == "written", timeout=5000)
    qtbot.keyClick(panel.table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: isinstance(panel.print_dialog, HandoverPrintPreview), timeout=3000)
    preview = panel.print_dialog
    qtbot.waitUntil(lambda: not preview.loading, timeout=10_000)
    words = " ".join(t for p in preview.pages for t in p.texts())
    assert "医生交接班" in words and "张伟" in words
    saved = tmp_path / "doctors.pdf"
    preview.save_to(str(saved))
    qtbot.waitUntil(lambda: "已打印并记录" in preview.message.text(), timeout=10_000)
    assert "张伟" in text_of(saved)
