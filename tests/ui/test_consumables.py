"""附材 on the nurse's workstation (pytest-qt, real services on a copy of the seeded ward): an IV
drip's execution item lists its bound consumables; the nurse removes the 留置针 with a reason
(Ctrl+M, refused without one), sends to the pharmacy and sees the drug and consumable quantities."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.ui.test_nurse_station import _doctor_signs, _exec_panel, _station, _verified


def _drip() -> Any:
    from datetime import timedelta

    from app.clock import utcnow
    from app.services import order_commands as oc

    # Due in a few minutes: inside the window 集中发送 sends (from now on).
    return oc.OrderFields(term="temp", category="drug", content="注射用头孢曲松钠 2g",
                          drug_code="J01DD04.02", dose=Decimal(2), dose_unit="g", route_code="ivgtt",
                          freq_code="st", start_at=utcnow() + timedelta(minutes=5))


def test_the_nurse_sees_removes_and_sends_the_drips_consumables(
        qtbot: Any, real_backend: Any, make_window: Any) -> None:
    from ui.nurse.dialogs import NurseDialog
    from ui.nurse.execution import COL_CONS
    from ui.qt import QApplication, Qt

    window = make_window(real_backend)
    page = _station(qtbot, window)
    panel = _exec_panel(qtbot, page)
    qtbot.waitUntil(lambda: bool(panel.model.bound), timeout=10_000)
    # A patient without any drip today: what is sent for her below is this order's alone.
    dripping = {i.encounter_id for i in panel.all_items if i.sheet == "infusion"}
    bed = next(int(i.bed_no) for i in panel.all_items
               if i.encounter_id not in dripping and i.bed_no.isdigit())
    oid = _doctor_signs(real_backend._demo_path, bed, _drip())
    _verified(real_backend._demo_path, oid)
    qtbot.keyClick(panel.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)   # plan and reload
    qtbot.waitUntil(lambda: any(i.order_id == oid for i in panel.all_items), timeout=15_000)
    item = next(i for i in panel.all_items if i.order_id == oid)
    qtbot.waitUntil(lambda: len(panel.model.bound.get(item.plan_id, [])) == 3, timeout=10_000)
    panel.sheet_combo.setCurrentIndex(panel.sheet_combo.findData("infusion"))
    row = next(n for n, r in enumerate(panel.model.rows()) if r.plan_id == item.plan_id)
    shown = panel.model.index(row, COL_CONS).data()
    assert "一次性输液器 带针×1" in shown and "静脉留置针 22G×1" in shown and "输液贴×1" in shown
    panel.table.setFocus()
    panel.table.selectRow(row)
    qtbot.keyClick(panel.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NurseDialog), timeout=10_000)
    dialog = QApplication.activeModalWidget()
    choice = dialog.fields["choice"]
    cannula = next(n for n in range(choice.count()) if "静脉留置针" in choice.itemText(n))
    assert choice.itemText(cannula).startswith("移除")
    choice.setFocus()
    for _n in range(cannula - choice.currentIndex()):
        qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentIndex() == cannula
    reason = dialog.fields["reason"]
    reason.setFocus()
    qtbot.keyClick(reason, Qt.Key.Key_Return)                     # no reason: refused at the field
    qtbot.waitUntil(lambda: "理由" in dialog.message.text(), timeout=10_000)
    reason.setText("留置针在位，未到更换时间")
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)
    qtbot.waitUntil(lambda: "静脉留置针" not in (panel.model.index(row, COL_CONS).data() or "")
                    and bool(panel.model.index(row, COL_CONS).data()), timeout=10_000)
    removed = next(b for b in panel.model.bound[item.plan_id] if b.name == "静脉留置针")
    assert removed.status == "removed" and removed.reason == "留置针在位，未到更换时间"
    pharmacy = page.pharmacy
    window.activateWindow()                                       # the dialog gone: back to the window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    page.tabs.setCurrentWidget(pharmacy)
    pharmacy.table.setFocus()
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pharmacy.table, Qt.Key.Key_P, mods)
    bed_no = item.bed_no
    qtbot.waitUntil(lambda: any(r.bed_no == bed_no for r in pharmacy.model.rows()), timeout=15_000)
    assert pharmacy.status_label.text() == "已发送至药房"
    mine = [(n, r) for n, r in enumerate(pharmacy.model.rows()) if r.bed_no == bed_no]
    texts = {pharmacy.model.index(n, 5).data(): (pharmacy.model.index(n, 1).data(),
                                                  pharmacy.model.index(n, 7).data()) for n, r in mine}
    assert texts["注射用头孢曲松钠 2g"] == ("发药", "1瓶")
    assert texts["一次性输液器 带针"] == ("附材", "1套") and texts["输液贴"] == ("附材", "1贴")
    assert not any("留置针" in t for t in texts)
    pharmacy.table.scrollTo(pharmacy.model.index(mine[0][0], 0),
                            pharmacy.table.ScrollHint.PositionAtTop)
    window.grab().save("/tmp/consumables-send.png")
    page.tabs.setCurrentWidget(panel)
    panel.table.selectRow(row)
    window.grab().save("/tmp/consumables-exec.png")
