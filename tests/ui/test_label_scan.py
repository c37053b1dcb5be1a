"""A 瓶签 scanned into the execution screen (pytest-qt, the real services on a copy of the demo
ward): the label is printed by the real print path, rendered by pdftoppm and decoded by
zxing-cpp, and the decoded code typed into the search field the way a USB scanner types it
(then Enter). The label selects its infusion on its patient's list but identifies no one: the
wristband must be the same patient's (a different one is a warning, nothing selected); then the
nurse may start it. A label of another ward, of a stopped order and of an item already given is
told in Chinese."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from tests.ui.test_nurse_station import NURSE, _doctor_signs, _exec_panel, _station, _verified

zxingcpp = pytest.importorskip("zxingcpp")
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")


def _saline(ml: int) -> Any:
    from app.clock import utcnow
    from app.services import order_commands as oc

    return oc.OrderFields(term="temp", category="drug", content=f"0.9%氯化钠注射液 {ml}ml",
                          drug_code="B05XA03.01", dose=Decimal(ml), dose_unit="ml", route_code="ivgtt",
                          freq_code="st", start_at=utcnow())


def _on_another_ward(path: Path, bed: int) -> str:
    """Bed `bed`'s patient, with an infusion planned today, moves to a second ward (内科二病区):
    the plan item of the order signed for her, which is not on this ward's list any more."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.plan_cmds import GeneratePlans
    from app.services.write import run_command
    from app.store.db import open_database
    from app.store.schema import encounter, order_exec_plan, ward
    from ui.operations.nurse import utc_offset_minutes

    order_id = _doctor_signs(path, bed, _saline(250))
    _verified(path, order_id)
    db = open_database(f"sqlite:///{path}")
    try:
        run_command(db, "pc-n", GeneratePlans(op_id=new_id(), actor_id=demo_id("staff", NURSE),
                                              device_time=utcnow(), ward_id=demo_id("ward"),
                                              day=datetime.now().astimezone().date(),
                                              utc_offset_minutes=utc_offset_minutes()))
        with db.begin() as conn:
            dept_id = conn.execute(select(ward.c.dept_id).where(ward.c.id == demo_id("ward"))).scalar_one()
            other = new_id()
            conn.execute(insert(ward).values(id=other, code="NK02", name="内科二病区", dept_id=dept_id))
            conn.execute(update(encounter).where(encounter.c.id == demo_id("encounter", bed))
                         .values(ward_id=other))
            return str(conn.execute(select(order_exec_plan.c.id)
                                    .where(order_exec_plan.c.order_id == order_id)).scalar_one())
    finally:
        db.dispose()


def _scanned_labels(path: Path, mrn: str, tmp_path: Path) -> list[str]:
    """The patient's 瓶签 for today, printed and read back by a barcode decoder, page by page."""
    from PIL import Image

    from app.clock import utcnow
    from app.printing.labels import write_labels
    from app.services import exec_printing as ep
    from app.store.db import open_database

    db = open_database(f"sqlite:///{path}")
    try:
        with db.connect() as conn:
            day = datetime.now().astimezone().date()
            job = ep.label_job(conn, ep.patient_scope(conn, mrn), day, utcnow())
    finally:
        db.dispose()
    pdf = tmp_path / f"labels-{mrn}.pdf"
    write_labels(job.labels, job.size_mm, pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / f"label-{mrn}")], check=True)
    codes = []
    for png in sorted(tmp_path.glob(f"label-{mrn}-*.png")):
        with Image.open(png) as image:
            codes += [r.text for r in zxingcpp.read_barcodes(image)
                      if r.format == zxingcpp.BarcodeFormat.Code128]
    return codes


def _scan(qtbot: Any, widget: Any, panel: Any, text: str) -> None:
    """The scanner types the code and presses Enter (into whatever has the focus)."""
    from ui.qt import Qt

    if widget is panel.search:
        panel.search.clear()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)


def test_a_scanned_label_opens_its_infusion_and_the_wristband_must_match(
        qtbot: Any, real_backend: Any, make_window: Any, tmp_path: Path) -> None:
    from app.domain.execution import label_code, plan_id_of_label, wristband_code
    from app.store.db import open_database
    from app.store.schema import med_order
    from ui.qt import Qt

    path = real_backend._demo_path
    mine = {bed: _doctor_signs(path, bed, _saline(100)) for bed in (3, 11)}
    for order_id in mine.values():
        _verified(path, order_id)
    elsewhere = _on_another_ward(path, 28)
    window = make_window(real_backend)
    panel = _exec_panel(qtbot, _station(qtbot, window))
    qtbot.waitUntil(lambda: set(mine.values()) <= {i.order_id for i in panel.all_items}, timeout=15_000)
    item = next(i for i in panel.all_items if i.order_id == mine[3])
    other = next(i for i in panel.all_items if i.order_id == mine[11])
    assert item.sheet == "infusion" and item.state == "planned"
    panel.sheet_combo.setCurrentIndex(panel.sheet_combo.findData("oral"))      # she was on 口服

    codes = _scanned_labels(path, item.mrn, tmp_path)
    code = next(c for c in codes if plan_id_of_label(c) == item.plan_id)        # the label decodes
    _scan(qtbot, panel.search, panel, code)
    assert panel.current() is not None and panel.current().plan_id == item.plan_id
    assert panel.sheet_combo.currentData() == "infusion"
    assert {r.encounter_id for r in panel.model.rows()} == {item.encounter_id}
    assert panel.identified is None and "扫描该患者腕带" in panel.status_label.text()
    qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "核对患者" in panel.status_label.text()                               # not without the band

    _scan(qtbot, panel.search, panel, wristband_code(other.mrn))                # the wrong patient's band
    assert "腕带与瓶签不是同一患者" in panel.status_label.text()
    assert all(r.encounter_id == other.encounter_id for r in panel.model.rows())
    _scan(qtbot, panel.search, panel, code)                                     # band first, then the label
    assert "瓶签与已核对的患者不符" in panel.status_label.text()
    assert panel.identified is None and panel.label_plan is None

    _scan(qtbot, panel.search, panel, code)
    _scan(qtbot, panel.table, panel, wristband_code(item.mrn))                  # typed into the list
    assert panel.identified is not None and panel.identified.mrn == item.mrn
    assert panel.current().plan_id == item.plan_id and "核对一致" in panel.status_label.text()
    qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: next(i for i in panel.all_items if i.plan_id == item.plan_id).state == "running",
                    timeout=10_000)
    _scan(qtbot, panel.search, panel, wristband_code(item.mrn))                 # band, then the bottle
    _scan(qtbot, panel.search, panel, code)
    assert panel.identified is not None and panel.current().plan_id == item.plan_id
    qtbot.keyClick(panel.table, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: next(i for i in panel.all_items if i.plan_id == item.plan_id).state == "finished",
                    timeout=10_000)
    _scan(qtbot, panel.search, panel, code)                                     # given already
    assert "已记录" in panel.status_label.text() and "请勿重复执行" in panel.status_label.text()

    db = open_database(f"sqlite:///{path}")                                     # the doctor stops it
    try:
        with db.begin() as conn:
            conn.execute(update(med_order).where(med_order.c.id == other.order_id).values(status="stopped"))
    finally:
        db.dispose()
    panel.reload()
    qtbot.waitUntil(lambda: other.plan_id not in {i.plan_id for i in panel.all_items}, timeout=10_000)
    _scan(qtbot, panel.search, panel, label_code(other.plan_id))
    qtbot.waitUntil(lambda: "此医嘱已停止" in panel.status_label.text(), timeout=10_000)
    assert panel.identified is None and panel.label_plan is None
    _scan(qtbot, panel.search, panel, label_code(elsewhere))
    qtbot.waitUntil(lambda: "不是本病区的患者" in panel.status_label.text(), timeout=10_000)
    assert "内科二病区" in panel.status_label.text()
