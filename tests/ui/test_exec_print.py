"""The day's 瓶签 and 执行单 printed from the 执行 screen on the real services: Ctrl+P previews the
ward's infusion labels (a label a page, at the label's size, its barcode the execution id) and
prints them on paper of that size; Ctrl+Alt+P previews the 执行单 and saves it as PDF; both prints
are audited, one entry a patient (RecordExecPrint)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.ui.test_nurse_station import _exec_panel, _station
from tests.ui.test_printing import pdf_printer, text_of
from ui.qt import Qt

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _prints(window: Any, entity: str) -> list[Any]:
    from app.store.schema import audit_rec

    return list(window.ctx.backend.read(lambda conn: conn.execute(
        select(audit_rec.c.entity_id, audit_rec.c.after_data).where(audit_rec.c.action == "print")
        .where(audit_rec.c.entity == entity)).all()))


def _preview(qtbot: Any, panel: Any, keys: Any) -> Any:
    from ui.printing.exec_preview import ExecPrintPreview

    panel.print_dialog = None
    panel.window().activateWindow()                 # back from a closed preview
    qtbot.waitUntil(lambda: panel.window().isActiveWindow(), timeout=3000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_P, keys)
    qtbot.waitUntil(lambda: isinstance(panel.print_dialog, ExecPrintPreview)
                    and panel.print_dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: not panel.print_dialog.loading, timeout=15_000)
    return panel.print_dialog


def _infusion_due_now(backend: Any) -> None:
    """A 临时 infusion signed and verified a moment ago, planned for now: late in the day the demo's
    own infusions have all been given, and the day's labels are for what is still to give."""
    from dataclasses import replace
    from datetime import datetime

    from app.clock import utcnow
    from app.ids import new_id
    from app.services import order_commands as oc
    from app.services.demo_ids import demo_id
    from app.services.plan_cmds import GeneratePlans
    from app.services.write import run_command
    from tests.unit.services import test_orders as t

    backend.prepare(lambda *_a: None)
    db, now = backend._require(), utcnow()
    enc, doctor, nurse = demo_id("encounter", 7), demo_id("staff", "liming"), demo_id("staff", "liufang")
    oid = new_id()
    infusion = replace(t.SALINE, term="temp", freq_code="st", start_at=now)
    run_command(db, "pc-doc", oc.SaveDraft(op_id=new_id(), actor_id=doctor, device_time=now, encounter_id=enc,
                                          order_id=oid, base_version=0, fields=infusion))
    t.sign(db, enc, [oid])
    t.act(db, oc.VerifyOrder, oid, nurse)
    local = datetime.now().astimezone()
    offset = int(local.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    plans = GeneratePlans(op_id=new_id(), actor_id=nurse, device_time=now, ward_id=demo_id("ward"),
                          day=local.date(), utc_offset_minutes=offset)
    run_command(db, "pc-n", plans)


def test_the_days_labels_and_sheet_print_from_the_execution_screen(
        qtbot: Any, real_backend: Any, make_window: Any, tmp_path: Path) -> None:
    _infusion_due_now(real_backend)
    window = make_window(real_backend)
    panel = _exec_panel(qtbot, _station(qtbot, window))
    infusions = {i.plan_id for i in panel.all_items
                 if i.sheet == "infusion" and i.state in ("planned", "running")}
    assert infusions
    labels = _preview(qtbot, panel, Qt.KeyboardModifier.ControlModifier)
    assert len(labels.pages) >= len(infusions)                  # a label each (a big group: more)
    first = labels.pages[0]
    assert (round(first.width_mm), round(first.height_mm)) == (80, 50)
    assert not labels.image_label.pixmap().isNull()
    out = tmp_path / "labels.pdf"
    labels.print_to(pdf_printer(out))
    qtbot.waitUntil(lambda: "已打印并记录" in labels.message.text(), timeout=5000)
    size = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert "227 x 142 pts" in size                               # 80 x 50 mm paper, not A4
    assert "住院号" in text_of(out)
    printed = _prints(window, "infusion_label")
    assert printed and {p for row in printed for p in row.after_data["items"]} == infusions
    labels.close()

    sheet = _preview(qtbot, panel, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    words = " ".join(t for p in sheet.pages for t in p.texts())
    assert "执行单" in words
    saved = tmp_path / "sheet.pdf"
    sheet.save_to(str(saved))
    qtbot.waitUntil(lambda: "已打印并记录" in sheet.message.text(), timeout=10_000)
    assert "执行单" in text_of(saved)
    assert _prints(window, "exec_sheet")
    sheet.grab().save(str(tmp_path / "exec_preview.png"))
