"""The nurse's workstation on the real services and a copy of the seeded demo ward (pytest-qt):
she signs in and sees it first; the ward's new orders are verified by keyboard (the batch stops on
a high-alert drug until its second look); one goes back to the doctor with a reason."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import sign_in

NURSE, NURSE_PASSWORD = "liufang", "demo-nurse1"


def _doctor_signs(backend_path: Path, bed: int, fields: Any) -> str:
    """A doctor on another PC signs an order for `bed` (the same database file)."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services import order_commands as oc
    from app.services.demo_ids import demo_id
    from app.services.write import run_command
    from app.store.db import open_database

    db = open_database(f"sqlite:///{backend_path}")
    try:
        oid, doctor, enc = new_id(), demo_id("staff", "liming"), demo_id("encounter", bed)
        run_command(db, "pc-doc", oc.SaveDraft(op_id=new_id(), actor_id=doctor, device_time=utcnow(),
                                               encounter_id=enc, order_id=oid, base_version=0,
                                               fields=fields))
        run_command(db, "pc-doc", oc.SignOrders(op_id=new_id(), actor_id=doctor, device_time=utcnow(),
                                                encounter_id=enc, order_ids=(oid,), base_versions=(1,)))
        return oid
    finally:
        db.dispose()


def _heparin() -> Any:
    from decimal import Decimal

    from app.clock import utcnow
    from app.services import order_commands as oc

    return oc.OrderFields(term="long", category="drug", content="肝素钠注射液 5000U",
                          drug_code="B01AB01.01", dose=Decimal(5000), dose_unit="U", route_code="ivvp",
                          freq_code="q12h", start_at=utcnow())


def _station(qtbot: Any, window: Any) -> Any:
    from ui.nurse.page import NursePage

    sign_in(qtbot, window, NURSE, NURSE_PASSWORD)
    page = window.tabs.currentWidget()
    assert isinstance(page, NursePage) and window.tabs.indexOf(page) == 1
    qtbot.waitUntil(lambda: page.queue.model.rowCount() > 0, timeout=10_000)
    return page


def test_the_ward_queue_is_verified_by_keyboard_and_stops_on_a_high_alert(
        qtbot: Any, real_backend: Any, make_window: Any) -> None:
    from ui.qt import Qt

    heparin = _doctor_signs(real_backend._demo_path, 28, _heparin())
    window = make_window(real_backend)
    page = _station(qtbot, window)
    queue = page.queue
    rows = queue.model.rows()
    assert f"待审核医嘱：{len(rows)}" in window.status.queue_label.text()
    bed28 = [n for n, r in enumerate(rows) if r.bed_no == "28" and r.kind == "new"]
    assert any(rows[n].order_id == heparin and rows[n].high_alert for n in bed28)
    table = queue.table
    table.setFocus()
    table.selectRow(bed28[0])
    for _n in bed28:                                  # Space ticks, ↓ moves
        qtbot.keyClick(table, Qt.Key.Key_Space)
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert len(queue.model.ticked) == len(bed28)
    ids = [rows[n].order_id for n in bed28]
    expected_left = set(ids[ids.index(heparin):])          # the heparin and what follows it
    qtbot.keyClick(table, Qt.Key.Key_F9)
    # The batch stopped on the heparin: what came before it is verified, it waits in red.
    def bed28_left() -> set[str]:
        return {r.order_id for r in queue.model.rows() if r.bed_no == "28" and r.kind == "new"}

    qtbot.waitUntil(lambda: queue.model.awaiting == heparin and "高警示" in queue.status_label.text()
                    and not queue.busy and bed28_left() == expected_left, timeout=10_000)
    qtbot.waitUntil(lambda: queue.current() is not None and queue.current().order_id == heparin,
                    timeout=10_000)
    assert queue.model.data(queue.model.index(queue.table.currentIndex().row(), 6),
                            Qt.ItemDataRole.ForegroundRole) is not None        # red
    qtbot.keyClick(table, Qt.Key.Key_F9)             # the second look
    qtbot.waitUntil(lambda: not [r for r in queue.model.rows() if r.bed_no == "28" and r.kind == "new"],
                    timeout=10_000)
    status = window.status.queue_label
    qtbot.waitUntil(lambda: f"待审核医嘱：{queue.model.rowCount()}" in status.text(), timeout=10_000)


def test_an_order_returned_with_a_reason_reaches_the_doctors_orders_tab(
        qtbot: Any, real_window: Any) -> None:
    from app.services.demo_ids import demo_id
    from tests.ui.conftest import commit_text
    from ui.qt import QApplication, Qt

    page = _station(qtbot, real_window)
    queue = page.queue
    rows = queue.model.rows()
    n = next(i for i, r in enumerate(rows) if r.bed_no == "11" and r.kind == "new")
    item = rows[n]
    queue.table.setFocus()
    queue.table.selectRow(n)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(queue.table, Qt.Key.Key_R, mods)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5000)
    dialog: Any = QApplication.activeModalWidget()
    commit_text(dialog.edit, "剂量请核对")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.order_id not in {r.order_id for r in queue.model.rows()}, timeout=10_000)
    # The doctor's orders tab shows it returned, with the reason.
    window = real_window
    window.open_patient(demo_id("encounter", 11))
    chart: Any = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: chart.orders_tab is not None and len(chart.orders_tab.rows()) > 0, timeout=10_000)
    returned = next(r for r in chart.orders_tab.rows() if r.id == item.order_id)
    assert returned.status == "returned" and returned.return_reason == "剂量请核对"


def _exec_panel(qtbot: Any, page: Any) -> Any:
    panel = page.execution
    page.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: len(panel.all_items) > 0, timeout=15_000)
    return panel


def _verified(backend_path: Path, order_id: str) -> None:
    """The ward's nurse verified it (on another PC)."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services import order_commands as oc
    from app.services.demo_ids import demo_id
    from app.services.write import run_command
    from app.store.db import open_database

    db = open_database(f"sqlite:///{backend_path}")
    try:
        run_command(db, "pc-nurse", oc.VerifyOrder(op_id=new_id(), actor_id=demo_id("staff", NURSE),
                                                   device_time=utcnow(), order_id=order_id,
                                                   base_version=2))
    finally:
        db.dispose()


def test_a_days_plan_is_executed_for_three_patients_identified_by_wristband(
        qtbot: Any, real_backend: Any, make_window: Any) -> None:
    from decimal import Decimal

    from app.clock import utcnow
    from app.domain.execution import wristband_code
    from app.services import order_commands as oc
    from ui.qt import Qt

    # Three patients each get a dose by mouth now (st: due today whatever the clock says).
    vitamin_c = oc.OrderFields(term="temp", category="drug", content="维生素C片 0.1g",
                               drug_code="A11GA01.02", dose=Decimal("0.1"), dose_unit="g",
                               route_code="po", freq_code="st", start_at=utcnow())
    orders = set()
    for bed in (3, 11, 28):
        oid = _doctor_signs(real_backend._demo_path, bed, vitamin_c)
        _verified(real_backend._demo_path, oid)
        orders.add(oid)
    window = make_window(real_backend)
    page = _station(qtbot, window)
    panel = _exec_panel(qtbot, page)
    panel.sheet_combo.setCurrentIndex(panel.sheet_combo.findData("oral"))
    qtbot.waitUntil(lambda: {i.order_id for i in panel.all_items} >= orders, timeout=10_000)
    by_patient: dict[str, list[Any]] = {}
    for i in panel.all_items:
        if i.order_id in orders:
            by_patient.setdefault(i.encounter_id, []).append(i)
    chosen = list(by_patient.values())
    assert len(chosen) == 3 and all(i.state == "planned" and i.sheet == "oral" and not i.blocked
                                    for items in chosen for i in items)
    first = chosen[0][0]
    # A bed number alone only filters: nothing can be recorded.
    qtbot.keyClicks(panel.search, first.bed_no)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.identified is None
    qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "核对患者" in panel.status_label.text()
    for items in chosen:
        panel.search.clear()
        qtbot.keyClicks(panel.search, wristband_code(items[0].mrn))     # the scanner types it + Enter
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
        assert panel.identified is not None and panel.identified.mrn == items[0].mrn
        assert {r.encounter_id for r in panel.model.rows()} == {items[0].encounter_id}
        todo = {i.plan_id for i in items}
        for n in [n for n, r in enumerate(panel.model.rows()) if r.plan_id in todo]:
            plan_id = panel.model.rows()[n].plan_id
            panel.table.selectRow(n)
            qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda p=plan_id: next(i for i in panel.all_items if i.plan_id == p).state == "done",  # noqa: E501
                            timeout=10_000)
    done = {i.plan_id for i in panel.all_items if i.state == "done"}
    assert {i.plan_id for items in chosen for i in items} <= done
    assert all(i.overdue is False for i in panel.all_items if i.plan_id in done)


def test_a_positive_skin_test_is_an_allergy_and_blocks_the_drug(qtbot: Any, real_backend: Any,
                                                                 make_window: Any) -> None:
    from decimal import Decimal

    from app.clock import utcnow
    from app.services import order_commands as oc
    from ui.qt import QApplication, Qt

    # A temp order (st): its one item is today whatever the clock says.
    pen = oc.OrderFields(term="temp", category="drug", content="注射用青霉素钠 160万U",
                         drug_code="J01CE01.02", dose=Decimal(160), dose_unit="万U", route_code="ivgtt",
                         freq_code="st",
                         start_at=utcnow())
    _doctor_signs(real_backend._demo_path, 7, pen)          # signing adds its 皮试 order
    window = make_window(real_backend)
    page = _station(qtbot, window)
    queue = page.queue
    bed7 = [n for n, r in enumerate(queue.model.rows()) if r.bed_no == "7"]
    queue.table.setFocus()
    for n in bed7:
        queue.table.selectRow(n)
        qtbot.keyClick(queue.table, Qt.Key.Key_Space)
    qtbot.keyClick(queue.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not [r for r in queue.model.rows() if r.bed_no == "7"], timeout=10_000)
    skin = page.skin
    page.tabs.setCurrentWidget(skin)
    qtbot.waitUntil(lambda: any(r.kind == "due" and r.bed_no == "7" for r in skin.model.rows()), timeout=10_000)  # noqa: E501
    skin.table.setFocus()
    skin.table.selectRow(next(n for n, r in enumerate(skin.model.rows()) if r.kind == "due" and r.bed_no == "7"))  # noqa: E501
    qtbot.keyClick(skin.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5000)
    dialog: Any = QApplication.activeModalWidget()
    qtbot.keyClicks(dialog.fields["batch"], "PS2412")
    qtbot.keyClick(dialog.fields["batch"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.kind == "running" and r.bed_no == "7" for r in skin.model.rows()),
                    timeout=10_000)
    from app.services.demo_ids import demo_id

    window.open_patient(demo_id("encounter", 7))            # her chart is open meanwhile
    chart: Any = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: chart.header_widget.header is not None, timeout=10_000)
    assert "青霉素" not in chart.header_widget.allergy_label.text()
    running = next(n for n, r in enumerate(skin.model.rows()) if r.kind == "running" and r.bed_no == "7")
    assert "观察中" in skin.model.index(running, 0).data()
    skin.table.selectRow(running)
    # Offscreen, no window takes the focus back from a closed dialog: its key's action, then.
    next(a for a in skin.actions() if a.objectName() == "skin_read").trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5000)
    dialog = QApplication.activeModalWidget()
    dialog.fields["result"].setCurrentIndex(dialog.fields["result"].findData("positive"))
    qtbot.keyClicks(dialog.fields["second"], "zhaoli")
    qtbot.keyClicks(dialog.fields["password"], "not-her-password")    # typed by the second nurse
    qtbot.keyClick(dialog.fields["password"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "密码错误" in dialog.message.text(), timeout=10_000)   # nothing read yet
    assert not any(r.kind == "read" and r.bed_no == "7" for r in skin.model.rows())
    dialog.fields["password"].clear()
    qtbot.keyClicks(dialog.fields["password"], "demo-nurse1")
    qtbot.keyClick(dialog.fields["password"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.kind == "read" and r.result == "positive" and r.bed_no == "7"
                                for r in skin.model.rows()), timeout=10_000)
    # The allergy is on the bed card and in the open chart's header at once (the Changes
    # broadcast), and the drug is blocked.
    qtbot.waitUntil(lambda: "青霉素" in next(r.card.allergies for r in window.ward_view.model.rows()
                                             if r.card.bed_no == "7"), timeout=10_000)
    qtbot.waitUntil(lambda: "青霉素" in chart.header_widget.allergy_label.text(), timeout=10_000)
    window.tabs.setCurrentWidget(page)
    panel = _exec_panel(qtbot, page)
    qtbot.waitUntil(lambda: any(i.bed_no == "7" and i.blocked == "positive" for i in panel.all_items),
                    timeout=10_000)


def test_sent_to_pharmacy_with_quantities_in_dispensing_units(qtbot: Any, real_window: Any) -> None:
    from ui.qt import Qt

    page = _station(qtbot, real_window)
    panel = page.pharmacy
    page.tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.table, Qt.Key.Key_P, mods)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=15_000)
    rows = [r for r in panel.model.rows() if r.kind != "consumable"]      # 附材 lines: test_consumables
    assert all(r.kind == "send" and r.doses >= 1 and r.quantity >= r.doses and r.unit for r in rows)
    assert len({r.mrn for r in rows}) > 5                     # the ward's patients, not one
    text = panel.model.index(0, 7).data()
    assert text.endswith(rows[0].unit)
    qtbot.keyClick(panel.table, Qt.Key.Key_P, mods)           # nothing left to send
    qtbot.waitUntil(lambda: "没有待发送" in panel.status_label.text(), timeout=15_000)


def test_the_menus_verify_and_execute_open_the_station_on_that_page(qtbot: Any, real_window: Any) -> None:
    page = _station(qtbot, real_window)
    real_window.tabs.setCurrentIndex(0)                              # the ward board in front
    real_window.action_set.actions["order_execute"].trigger()         # 医嘱 ▸ 医嘱执行
    assert real_window.tabs.currentWidget() is page and page.tabs.currentIndex() == 1
    real_window.action_set.actions["order_verify"].trigger()          # 医嘱 ▸ 医嘱核对
    assert page.tabs.currentIndex() == 0
