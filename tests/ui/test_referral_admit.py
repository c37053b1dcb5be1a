"""A referral round trip between two hospitals, the receiving end through the real widgets:
hospital A (its own demo database) refers a patient up; the Bundle it queued is what the platform
delivers to hospital B (the app's database). In B's 转入申请 the doctor reads it, Enter accepts,
Ctrl+Enter admits into an empty bed typing only the 住院号; the ward board then shows the patient
in that bed, the chart header names the referral's diagnosis and allergy, and the chart's 转诊
dialog (Ctrl+Shift+F) shows what A wrote, marked with where it came from."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.services.demo_ids import demo_id
from tests.ui.conftest import commit_text, sign_in
from tests.ui.test_records_tab import PASSWORDS, key
from ui.qt import QApplication, Qt, is_alive

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_referral_from_hospital_a_is_admitted_at_hospital_b_by_keyboard(
        qtbot: Any, real_window: Any, real_backend: Any, seeded_demo_file: Path, tmp_path: Path) -> None:
    from app.exchange.inbound import receive_referral
    from app.services.write import run_unit
    from app.store.schema import encounter, patient
    from tests.unit.exchange.test_referral_admit import _bundle_from_a
    from tests.unit.services.conftest import make_engine
    from ui.records.referral_admit import AdmitDialog
    from ui.records.referral_queue import ReferralQueue

    shutil.copy(seeded_demo_file, tmp_path / "hospital-a.sqlite")
    hospital_a = make_engine(tmp_path / "hospital-a.sqlite")
    try:
        bundle = _bundle_from_a(hospital_a, 3, "330102195001011234")
    finally:
        hospital_a.dispose()
    real_backend.prepare(lambda *_a: None)
    run_unit(real_backend._require(), "platform", lambda uow: receive_referral(
        uow, bundle, inst_id=demo_id("member_inst", "CCH-2A-0107"), dept_id=demo_id("dept")))

    sign_in(qtbot, real_window, "zhangwei", PASSWORDS["zhangwei"])
    key(qtbot, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(real_window.tabs.currentWidget(), ReferralQueue), timeout=5000)
    queue = real_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: queue.loaded and queue.model.rowCount() == 2, timeout=5000)
    row = next(i for i, r in enumerate(queue.model.rows()) if r.patient_name == "赵德明")
    queue.table.selectRow(row)
    assert queue.detail.toPlainText().startswith("来自：城关县人民医院（上转）")
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)                 # 接收
    qtbot.waitUntil(lambda: any(r.patient_name == "赵德明" and r.status == "accepted"
                                for r in queue.model.rows()), timeout=5000)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return, CTRL)            # 收入院
    qtbot.waitUntil(lambda: isinstance(queue.dialog, AdmitDialog) and queue.dialog.loaded, timeout=5000)
    dialog = queue.dialog
    assert "赵德明" in dialog.summary.toPlainText()
    bed_text = dialog.bed.currentText()
    assert bed_text.endswith("床")
    if os.environ.get("WS_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["WS_SHOTS"], "referral_admit.png"))
    qtbot.keyClick(dialog.bed, Qt.Key.Key_Return, CTRL)             # no 住院号 for a new patient
    qtbot.waitUntil(lambda: "住院号" in dialog.error.text(), timeout=5000)
    dialog.mrn.setFocus()
    commit_text(dialog.mrn, "2612040001")
    qtbot.keyClick(dialog.mrn, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: f"已收入 {bed_text}" in queue.hint.text(), timeout=5000)

    enc_id = real_backend.read(lambda conn: conn.execute(
        select(encounter.c.id).join(patient, patient.c.id == encounter.c.patient_id)
        .where(patient.c.mrn == "2612040001")).scalar_one())
    real_window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: any(r.card.occupied and r.card.encounter_id == enc_id
                                and r.card.name == "赵德明" for r in real_window.ward_view.model.rows()),
                    timeout=10_000)
    real_window.open_patient(enc_id)
    page = real_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    header = page.header_widget.header
    with real_backend._require().read() as conn:
        a_dx = conn.execute(select(patient.c.name).where(patient.c.mrn == "2612040001")).scalar_one()
    assert a_dx == "赵德明" and header.name == "赵德明"
    page.show_records()
    qtbot.waitUntil(lambda: page.records_tab is not None and page.records_tab.loaded, timeout=10_000)
    tab = page.records_tab
    tab.table.setFocus()
    from ui.records.referrals import ReferralDialog

    tab.dialog = None
    real_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is real_window, timeout=3000)
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus, timeout=3000)
    key(qtbot, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, ReferralDialog) and tab.dialog.loaded, timeout=5000)
    shown = tab.dialog
    assert shown.received.isVisible()
    assert shown.received.toPlainText().startswith("来自：城关县人民医院（上转）")
    assert shown.model.data(shown.model.index(0, 5)) == "已收入院"
