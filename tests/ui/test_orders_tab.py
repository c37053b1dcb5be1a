"""The 医嘱 tab driven by the keys of the contract (ui/README.md "快捷键"), on the real services
over a copy of the seeded demo database: a grouped infusion entered by keyboard only, signing
with a high alert overridden, stop and void, a conflict between two users, bad input shown
at its field with the row kept, an order set applied with an item unticked and ungrouped, the
selection saved as a set, prn and 出院带药 orders, and a 术后医嘱 red line that stops the long
orders above it."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from tests.ui.conftest import commit_text, sign_in
from ui.qt import QApplication, Qt, is_alive

DOCTOR, DOCTOR_PASSWORD = "liming", "demo-doctor1"          # resources/demo/ward.json
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def card_of(window: Any, test: Callable[[Any], bool]) -> Any:
    return next(r.card for r in window.ward_view.model.rows() if r.card.occupied and test(r.card))


def open_by_keyboard(qtbot: Any, window: Any, text: str) -> Any:
    """Ctrl+F, the bed number (or 住院号), Enter: the chart opens on its 医嘱 tab."""
    window.tabs.setCurrentIndex(0)
    window.ward_view.card_view.setFocus()
    qtbot.keyClick(window.ward_view.card_view, Qt.Key.Key_F, CTRL)
    edit = window.ward_view.filter_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() > 0, timeout=5000)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None and page.orders_tab is not None
                    and page.orders_tab.loaded, timeout=10_000)
    assert page.chart_tabs.currentWidget() is page.orders_holder
    qtbot.waitUntil(lambda: page.orders_tab.table.hasFocus(), timeout=3000)
    return page


def doctor_chart(qtbot: Any, window: Any, bed: str) -> Any:
    sign_in(qtbot, window, DOCTOR, DOCTOR_PASSWORD)
    page = open_by_keyboard(qtbot, window, bed)
    assert page.header_widget.header.bed_no == bed
    return page.orders_tab


def key(qtbot: Any, k: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the keyboard focus is, as the user presses it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k, modifier)


def pick(qtbot: Any, tab: Any, query: str, wanted: Callable[[Any], bool]) -> None:
    """Type the search, walk down the matches to the wanted one, Enter; wait for the defaults."""
    entry = tab.entry
    search = entry.edits["content"]
    assert search.hasFocus()
    qtbot.keyClicks(search, query)
    qtbot.waitUntil(lambda: entry.match_view.isVisible() and entry.matches.rowCount() > 0, timeout=3000)
    rows = [entry.matches.item(r) for r in range(entry.matches.rowCount())]
    target = next(i for i, item in enumerate(rows) if wanted(item))
    for _ in range(target):
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert entry.edits["dose"].hasFocus()
    qtbot.waitUntil(lambda: entry.edits["route_code"].text() != "" or entry.category not in ("", "drug"),
                    timeout=3000)


def wait_rows(qtbot: Any, tab: Any, test: Callable[[list[Any]], bool], timeout: int = 10_000) -> list[Any]:
    qtbot.waitUntil(lambda: test(tab.rows()), timeout=timeout)
    return tab.rows()


def save(qtbot: Any, tab: Any, content: str) -> Any:
    key(qtbot, Qt.Key.Key_Return, CTRL)
    rows = wait_rows(qtbot, tab, lambda rs: any(r.content == content and r.status == "draft" for r in rs))
    qtbot.waitUntil(lambda: not tab.entry.busy and tab.entry.edits["content"].hasFocus(), timeout=3000)
    return next(r for r in rows if r.content == content)


def closed(dialog: Any) -> bool:
    return not is_alive(dialog) or not dialog.isVisible()


def review_dialog(qtbot: Any, tab: Any) -> Any:
    from ui.orders.review import ReviewDialog

    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: any(isinstance(d, ReviewDialog) and d.isVisible() for d in tab._dialogs),
                    timeout=3000)
    dialog = next(d for d in tab._dialogs if isinstance(d, ReviewDialog))
    qtbot.waitUntil(lambda: not dialog.loading and QApplication.activeWindow() is dialog, timeout=10_000)
    return dialog


def test_a_grouped_infusion_entered_by_keyboard_only(qtbot: Any, real_window: Any) -> None:
    from datetime import datetime

    from ui.orders.defaults import first_day_times

    window = real_window
    tab = doctor_chart(qtbot, window, "7")
    key(qtbot, Qt.Key.Key_F2)                                         # a new 长期 order
    entry = tab.entry
    assert entry.edits["content"].hasFocus() and entry.term == "long"
    pick(qtbot, tab, "lhn", lambda i: i.name == "0.9%氯化钠注射液" and i.detail.startswith("250ml"))
    assert [entry.edits[k].text() for k in ("dose", "dose_unit", "route_code", "freq_code")] == [
        "250", "ml", "ivgtt", "qd"]
    qtbot.waitUntil(lambda: bool(entry.freq_slots), timeout=3000)   # the backend's dictionary
    assert entry.freq_slots.get("qd") == ("08:00",)
    expected_first = first_day_times("qd", datetime.now().astimezone(), entry.freq_slots)
    assert entry.edits["first_day_times"].text() == str(expected_first)
    for field in ("dose_unit", "route_code", "freq_code", "first_day_times", "rate"):
        key(qtbot, Qt.Key.Key_Return)                                 # Enter moves to the next field
        assert entry.edits[field].hasFocus()
    qtbot.keyClicks(entry.edits["rate"], "40 gtt/min")
    saline = save(qtbot, tab, "0.9%氯化钠注射液 250ml")
    assert saline.rate == "40 gtt/min"

    pick(qtbot, tab, "tbqs", lambda i: i.name == "注射用头孢曲松钠" and i.detail.startswith("2g"))
    assert [entry.edits[k].text() for k in ("dose", "dose_unit", "route_code")] == ["2", "g", "ivgtt"]
    key(qtbot, Qt.Key.Key_Tab)                                        # Tab moves on too
    assert entry.edits["dose_unit"].hasFocus()
    ceftriaxone = save(qtbot, tab, "注射用头孢曲松钠 2g")

    key(qtbot, Qt.Key.Key_Escape)                                     # back to the orders
    assert tab.table.hasFocus()
    assert [r.id for r in tab.selected_rows()] == [ceftriaxone.id]
    key(qtbot, Qt.Key.Key_Up, SHIFT)                                  # select both drafts
    assert {r.id for r in tab.selected_rows()} == {saline.id, ceftriaxone.id}
    reads = tab.reads
    key(qtbot, Qt.Key.Key_G, CTRL)
    rows = wait_rows(qtbot, tab, lambda rs: {r.group_mark for r in rs if r.id in (saline.id, ceftriaxone.id)}
                     == {"┌", "└"})
    assert tab.reads == reads + 1                                     # one read for one change
    by_id = {r.id: r for r in rows}
    assert (by_id[saline.id].group_mark, by_id[ceftriaxone.id].group_mark) == ("┌", "└")
    assert by_id[ceftriaxone.id].route_code == "ivgtt" and by_id[ceftriaxone.id].rate == "40 gtt/min"

    dialog = review_dialog(qtbot, tab)
    assert {r.id for r in dialog.drafts} >= {saline.id, ceftriaxone.id}
    assert not dialog.high_alerts()
    key(qtbot, Qt.Key.Key_Return)                                     # Enter signs
    rows = wait_rows(qtbot, tab, lambda rs: all(r.status == "submitted" for r in rs
                                                if r.id in (saline.id, ceftriaxone.id)))
    assert closed(dialog)
    shown = [(tab.proxy.index(r, 0).data(), tab.proxy.index(r, 8).data()) for r in range(tab.proxy.rowCount())
             if tab.proxy.row_at(r).id in (saline.id, ceftriaxone.id)]
    assert shown == [("┌", "已签署"), ("└", "已签署")]
    lines = [line.content for line, _usage in tab.long_sheet.lines()]
    assert "┌0.9%氯化钠注射液 250ml" in lines and "└注射用头孢曲松钠 2g" in lines


def test_a_high_alert_is_signed_only_with_a_reason(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, DOCTOR, DOCTOR_PASSWORD)
    bed = card_of(window, lambda c: "青霉素" in c.allergies).bed_no
    page = open_by_keyboard(qtbot, window, bed)
    tab = page.orders_tab
    assert "青霉素" in page.header_widget.allergy_label.text()
    key(qtbot, Qt.Key.Key_F2)
    pick(qtbot, tab, "qms", lambda i: i.name == "注射用青霉素钠")
    assert "需皮试" in tab.entry.flag_label.text()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    rows = wait_rows(qtbot, tab, lambda rs: any(r.content.startswith("注射用青霉素钠") and r.status == "draft"
                                                for r in rs))
    penicillin = next(r for r in rows if r.content.startswith("注射用青霉素钠") and r.status == "draft")
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    high = dialog.high_alerts()
    assert any(a.category == "allergy" and a.order_id == penicillin.id for a in high)
    lines = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert "严重" in lines
    key(qtbot, Qt.Key.Key_Return)                                     # refused: no reason yet
    assert dialog.isVisible() and "严重警示" in dialog.message.text()
    assert tab.model.row_by_id(penicillin.id).status == "draft"

    first = dialog.reasons[0]
    assert first.combo.hasFocus()
    key(qtbot, Qt.Key.Key_End)                                        # 其他: needs its text
    assert first.reason() == "other"
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and first.text.hasFocus()
    commit_text(first.text, "过敏史核实为误记")
    for row in dialog.reasons[1:]:
        row.combo.setFocus()
        key(qtbot, Qt.Key.Key_Down)                                   # 临床获益大于风险
        assert row.reason() == "clinical_benefit"
    first.text.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    rows = wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(penicillin.id).status == "submitted")
    assert closed(dialog)
    skin = [r for r in rows if r.content == "青霉素皮试"]
    assert len(skin) == 1 and skin[0].term == "temp" and skin[0].status == "submitted"
    assert "警示已确认" in tab.proxy.index(
        next(r for r in range(tab.proxy.rowCount()) if tab.proxy.row_at(r).id == penicillin.id), 11).data()


def select_row(qtbot: Any, tab: Any, order_id: str) -> None:
    """Walk the table with the arrow keys to the order (as a user would)."""
    tab.table.setFocus()
    key(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(tab.proxy.rowCount()):
        current = tab.proxy.row_at(tab.table.currentIndex().row())
        if current is not None and current.id == order_id:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert [r.id for r in tab.selected_rows()] == [order_id]


def action_dialog(qtbot: Any, tab: Any, k: Any) -> Any:
    from ui.orders.dialogs import ActionDialog

    key(qtbot, k)
    qtbot.waitUntil(lambda: any(isinstance(d, ActionDialog) and d.isVisible() for d in tab._dialogs),
                    timeout=3000)
    dialog = next(d for d in tab._dialogs if isinstance(d, ActionDialog) and d.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def test_stop_with_a_time_and_void_with_a_reason(qtbot: Any, real_window: Any) -> None:
    tab = doctor_chart(qtbot, real_window, "7")
    target = next(r for r in tab.rows() if r.term == "long" and r.status == "active" and r.category == "drug"
                  and not r.group_id)
    select_row(qtbot, tab, target.id)
    dialog = action_dialog(qtbot, tab, Qt.Key.Key_F6)                 # 停止
    assert dialog.edit.hasFocus() and dialog.edit.text()              # now, ready to confirm
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "2000-01-01 08:00")                  # before the start
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() != "" and not dialog.busy, timeout=5000)
    assert dialog.isVisible() and dialog.message.text() == "停止时间须晚于开始时间"
    assert dialog.edit.text() == "2000-01-01 08:00"                   # the value is kept
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "23:59")
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(target.id).status == "stop_pending")
    assert closed(dialog)
    assert tab.model.row_by_id(target.id).stop_at.astimezone().strftime("%H:%M") == "23:59"

    # 作废 a freshly signed order (nothing executed yet), with a reason typed in Chinese
    key(qtbot, Qt.Key.Key_F3)
    pick(qtbot, tab, "tbqs", lambda i: i.detail.startswith("1g"))
    temp = save(qtbot, tab, "注射用头孢曲松钠 1g")
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(temp.id).status == "submitted")
    tab.proxy.set_filter(show="all")
    select_row(qtbot, tab, temp.id)
    dialog = action_dialog(qtbot, tab, Qt.Key.Key_F7)                 # 作废
    key(qtbot, Qt.Key.Key_Return)                                     # no reason: refused
    assert dialog.isVisible() and dialog.message.text() == "请填写理由"
    commit_text(dialog.edit, "重复开立")
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(temp.id).status == "voided")
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.row_at(r).id == temp.id)
    assert tab.proxy.index(row, 8).data() == "已作废"
    assert "作废：重复开立" in tab.proxy.index(row, 11).data()
    lines = [line for line, _u in tab.temp_sheet.lines() if "1g" in line.content]
    assert lines and lines[-1].cancelled


def test_two_users_one_order_the_second_sees_both_versions(qtbot: Any, real_window: Any,
                                                           real_backend: Any) -> None:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.order_commands import StopOrder
    from ui.operations.backend import AppBackend
    from ui.orders.dialogs import ConflictDialog

    tab = doctor_chart(qtbot, real_window, "7")
    target = next(r for r in tab.rows() if r.term == "long" and r.status == "active" and r.category == "drug")
    select_row(qtbot, tab, target.id)
    # Another workstation on the same database stops it first (this screen does not know).
    other = AppBackend(demo_path=Path(real_backend._demo_path))
    other.prepare(lambda *_a: None)
    try:
        other.execute(StopOrder(op_id=new_id(), actor_id=demo_id("staff", "wangjg"), device_time=utcnow(),
                                order_id=target.id, base_version=target.version))
    finally:
        other.close()
    assert tab.model.row_by_id(target.id).status == "active"        # still what this user saw
    dialog = action_dialog(qtbot, tab, Qt.Key.Key_F6)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(d, ConflictDialog) and d.isVisible() for d in tab._dialogs),
                    timeout=5000)
    conflict = next(d for d in tab._dialogs if isinstance(d, ConflictDialog))
    assert closed(dialog)
    cells = {conflict.model.cell(r, 0): (conflict.model.cell(r, 1), conflict.model.cell(r, 2))
             for r in range(conflict.model.rowCount())}
    assert cells["状态"] == ("执行中", "停止待确认")
    assert cells["版本"] == (str(target.version), str(target.version + 1))
    assert "已被他人修改" in conflict.message.text()
    rows = wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(target.id).status == "stop_pending")
    stopped = next(r for r in rows if r.id == target.id)
    assert stopped.stopped_by_name == "王建国"                          # the first change stands


def test_bad_input_is_shown_at_its_field_and_the_row_is_kept(qtbot: Any, real_window: Any) -> None:
    tab = doctor_chart(qtbot, real_window, "7")
    before = len(tab.rows())
    entry = tab.entry
    key(qtbot, Qt.Key.Key_F2)
    pick(qtbot, tab, "tbqs", lambda i: i.detail.startswith("1g"))
    qtbot.keyClicks(entry.edits["dose"], "0")                        # the dose is selected: replaced
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: entry.error_field() == "dose", timeout=5000)
    assert "剂量无效" in entry.message.text() and entry.edits["dose"].hasFocus()
    assert entry.edits["content"].text() == "注射用头孢曲松钠" and entry.edits["dose"].text() == "0"

    qtbot.keyClicks(entry.edits["dose"], "1")
    key(qtbot, Qt.Key.Key_Return)
    assert entry.edits["dose_unit"].hasFocus()
    entry.edits["dose_unit"].selectAll()
    commit_text(entry.edits["dose_unit"], "斤")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: entry.error_field() == "dose_unit", timeout=5000)
    assert "斤" in entry.message.text() and entry.edits["dose_unit"].text() == "斤"

    entry.edits["dose_unit"].selectAll()
    qtbot.keyClicks(entry.edits["dose_unit"], "g")
    entry.focus_field("stop_at")
    qtbot.keyClicks(entry.edits["stop_at"], "2000-01-01 08:00")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: entry.error_field() == "stop_at", timeout=5000)
    assert "停止时间须晚于开始时间" in entry.message.text()
    entry.edits["stop_at"].selectAll()
    qtbot.keyClicks(entry.edits["stop_at"], "13:6x")
    key(qtbot, Qt.Key.Key_Return, CTRL)                               # not a time: said at once
    assert entry.error_field() == "stop_at" and "时间格式" in entry.message.text()
    assert len(tab.rows()) == before                                  # nothing was saved
    assert [entry.edits[k].text() for k in ("content", "dose", "dose_unit", "route_code")] == [
        "注射用头孢曲松钠", "1", "g", "ivgtt"]

    entry.edits["stop_at"].clear()
    save(qtbot, tab, "注射用头孢曲松钠 1g")
    assert len(tab.rows()) == before + 1


def test_a_chart_opened_with_its_context_reads_header_and_orders_once(qtbot: Any, real_window: Any) -> None:
    """The main window's intended call (see the report's patch): PatientPage(ctx, user).open()."""
    from ui.patient_header import PatientPage

    window = real_window
    sign_in(qtbot, window, DOCTOR, DOCTOR_PASSWORD)
    card = card_of(window, lambda c: c.bed_no == "7")
    page = PatientPage(card.encounter_id, ctx=window.ctx, user=window.user)
    qtbot.addWidget(page)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.header_widget.header is not None and page.orders_tab.loaded, timeout=10_000)
    qtbot.wait(100)
    assert page.orders_tab.reads == 1 and page.header_widget.name_label.text() == card.name
    assert len(page.orders_tab.rows()) > 0 and page.chart_tabs.currentWidget() is page.orders_holder


def dialog_of(qtbot: Any, tab: Any, cls: type) -> Any:
    qtbot.waitUntil(lambda: any(isinstance(d, cls) and is_alive(d) and d.isVisible() for d in tab._dialogs),
                    timeout=3000)
    dialog = next(d for d in tab._dialogs if isinstance(d, cls) and is_alive(d) and d.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def set_dialog(qtbot: Any, tab: Any) -> Any:
    from ui.orders.sets import ApplySetDialog

    key(qtbot, Qt.Key.Key_F4)
    dialog = dialog_of(qtbot, tab, ApplySetDialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    assert dialog.filter_edit.hasFocus()
    return dialog


def test_an_order_set_applied_with_an_item_unticked_then_ungrouped(qtbot: Any, real_window: Any) -> None:
    tab = doctor_chart(qtbot, real_window, "7")
    before = {r.id for r in tab.rows()}
    dialog = set_dialog(qtbot, tab)                                   # F4
    scopes = {s.name: s.scope for s in dialog.visible_sets()}
    assert scopes["社区获得性肺炎抗感染"] == "personal" and scopes["慢性心衰常规"] == "dept" \
        and scopes["入院常规检查"] == "hospital"
    qtbot.keyClicks(dialog.filter_edit, "sqh")                        # pinyin initials
    assert [s.name for s in dialog.visible_sets()] == ["社区获得性肺炎抗感染"]
    key(qtbot, Qt.Key.Key_Return)                                     # its items, all ticked
    assert dialog.on_items() and dialog.items_view.hasFocus()
    items = dialog.items
    assert [items.index(r, 3).data() for r in range(items.rowCount())] == [
        "0.9%氯化钠注射液 100ml", "注射用头孢曲松钠 2g", "血常规", "C反应蛋白"]
    assert [items.index(r, 2).data() for r in range(2)] == ["┌", "└"]
    assert all(items.is_ticked(r) for r in range(items.rowCount()))
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)                                      # untick C反应蛋白
    assert not items.is_ticked(3) and items.is_ticked(2)
    key(qtbot, Qt.Key.Key_Return)                                     # apply
    rows = wait_rows(qtbot, tab, lambda rs: len([r for r in rs if r.id not in before]) == 3)
    new = [r for r in rows if r.id not in before]
    assert closed(dialog)
    assert all(r.status == "draft" for r in new)
    assert sorted(r.content for r in new) == sorted(["0.9%氯化钠注射液 100ml", "注射用头孢曲松钠 2g",
                                                     "血常规"])
    drugs = [r for r in new if r.category == "drug"]
    assert [r.group_mark for r in drugs] == ["┌", "└"] and drugs[0].group_id == drugs[1].group_id
    qtbot.waitUntil(lambda: {r.id for r in tab.selected_rows()} == {r.id for r in new}, timeout=3000)

    review = review_dialog(qtbot, tab)                                # F9 takes them like any draft
    assert {r.id for r in new} <= {r.id for r in review.drafts}
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(review) and tab.table.hasFocus(), timeout=3000)

    select_row(qtbot, tab, drugs[0].id)
    key(qtbot, Qt.Key.Key_G, CTRL | SHIFT)                            # ungroup
    rows = wait_rows(qtbot, tab, lambda rs: all(not tab.model.row_by_id(d.id).group_id for d in drugs))
    assert [tab.model.row_by_id(d.id).group_mark for d in drugs] == ["", ""]
    assert "拆组" in tab.status_label.text()


def test_the_selection_saved_as_a_set_is_found_in_the_list(qtbot: Any, real_window: Any) -> None:
    from ui.orders.sets import SaveSetDialog

    tab = doctor_chart(qtbot, real_window, "7")
    chosen = [r for r in tab.rows() if r.term == "long" and r.status == "active"][:2]
    assert len(chosen) == 2
    tab.select_ids([r.id for r in chosen], chosen[-1].id)
    tab.table.setFocus()
    key(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = dialog_of(qtbot, tab, SaveSetDialog)
    assert dialog.name_edit.hasFocus() and dialog.count == 2
    commit_text(dialog.name_edit, "测试常规")
    dialog.scope_combo.setFocus()
    key(qtbot, Qt.Key.Key_End)                                        # 全院: only for admins
    assert dialog.scope() == "hospital"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and "管理员" in dialog.message.text(), timeout=5000)
    assert dialog.isVisible() and dialog.name_edit.text() == "测试常规"
    dialog.scope_combo.setFocus()
    key(qtbot, Qt.Key.Key_Home)                                       # 个人
    assert dialog.scope() == "personal"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    assert "测试常规" in tab.status_label.text()

    qtbot.waitUntil(lambda: tab.table.hasFocus(), timeout=3000)
    sets = set_dialog(qtbot, tab)
    qtbot.keyClicks(sets.filter_edit, "cscg")
    found = sets.visible_sets()
    assert [(s.name, s.scope) for s in found] == [("测试常规", "personal")]
    assert [i.content for i in found[0].items] == [r.content for r in chosen]
    key(qtbot, Qt.Key.Key_Return)
    assert sets.on_items()
    key(qtbot, Qt.Key.Key_Escape)                                     # back to the list
    assert not sets.on_items() and sets.isVisible()
    key(qtbot, Qt.Key.Key_Escape)                                     # closed
    qtbot.waitUntil(lambda: closed(sets), timeout=3000)


def test_prn_verbal_and_discharge_orders_are_entered_and_shown(qtbot: Any, real_window: Any,
                                                                real_backend: Any) -> None:
    from app.store.schema import med_order
    from ui.orders.model import COL_CONTENT, COL_NOTE

    tab = doctor_chart(qtbot, real_window, "7")
    entry = tab.entry
    key(qtbot, Qt.Key.Key_F2)
    pick(qtbot, tab, "dyxa", lambda i: i.name == "对乙酰氨基酚片")
    key(qtbot, Qt.Key.Key_B, CTRL)                                    # 备用: prn on a 长期 order
    key(qtbot, Qt.Key.Key_K, CTRL)                                    # 口头医嘱
    assert entry.use_kind == "prn" and entry.verbal
    assert "prn" in entry.kind_label.text() and "口头医嘱" in entry.kind_label.text()
    prn = save(qtbot, tab, "对乙酰氨基酚片 0.5g")
    assert prn.use_kind == "prn" and entry.use_kind == "regular" and not entry.verbal
    verbal = real_backend._require().run_read(lambda conn: conn.execute(
        med_order.select().where(med_order.c.id == prn.id)).mappings().one()["verbal"])
    assert verbal

    key(qtbot, Qt.Key.Key_F3)
    key(qtbot, Qt.Key.Key_D, CTRL)                                    # 出院带药 (a 临时 order)
    assert entry.use_kind == "discharge" and entry.term == "temp" and "出院带药" in entry.kind_label.text()
    pick(qtbot, tab, "yms", lambda i: i.name == "氢溴酸右美沙芬片")
    discharge = save(qtbot, tab, "氢溴酸右美沙芬片 15mg")
    assert discharge.use_kind == "discharge" and discharge.term == "temp"

    def shown(order_id: str, col: int) -> str:
        return str(next(tab.proxy.index(r, col).data() for r in range(tab.proxy.rowCount())
                        if tab.proxy.row_at(r).id == order_id))

    assert shown(prn.id, COL_CONTENT) == "对乙酰氨基酚片 0.5g prn"
    assert shown(discharge.id, COL_CONTENT) == "出院带药：氢溴酸右美沙芬片 15mg"
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    assert not dialog.high_alerts()
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: all(tab.model.row_by_id(i).status == "submitted"
                                         for i in (prn.id, discharge.id)))
    assert "口头医嘱" in shown(prn.id, COL_NOTE) or not hasattr(prn, "verbal")   # OrderRow may lack it
    long_text = [f"{line.content} {usage}".strip() for line, usage in tab.long_sheet.lines()]
    assert any(t.startswith("对乙酰氨基酚片 0.5g") and t.endswith(" prn") for t in long_text)
    temp = [line.content for line, _u in tab.temp_sheet.lines()]
    at = temp.index("出院带药")                                        # the heading, then the order
    assert temp[at + 1] == "氢溴酸右美沙芬片 15mg" and tab.temp_sheet.is_heading(at)


def test_a_postop_red_line_signed_stops_the_long_orders_above_it(qtbot: Any, real_window: Any) -> None:
    tab = doctor_chart(qtbot, real_window, "7")
    above = [r for r in tab.rows() if r.term == "long" and r.status in ("submitted", "verified", "active")]
    assert len(above) >= 2
    key(qtbot, Qt.Key.Key_F11)                                        # the red-line menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    menu = QApplication.activePopupWidget()
    qtbot.keyClick(menu, Qt.Key.Key_Return)                           # 1 术后医嘱 (highlighted)
    rows = wait_rows(qtbot, tab, lambda rs: any(r.category == "line" and r.status == "draft" for r in rs))
    line = next(r for r in rows if r.category == "line")
    assert line.content == "术后医嘱" and line.term == "long"
    qtbot.waitUntil(lambda: tab.table.hasFocus(), timeout=3000)
    dialog = review_dialog(qtbot, tab)
    assert dialog.line_note.isVisible()
    assert f"签署后将停止其上的 {len(above)} 条长期医嘱" in dialog.line_note.text()
    key(qtbot, Qt.Key.Key_Return)                                     # sign
    wait_rows(qtbot, tab, lambda rs: all(tab.model.row_by_id(r.id).status == "stop_pending" for r in above))
    assert closed(dialog) and tab.model.row_by_id(line.id).status == "submitted"
    statuses = {tab.proxy.row_at(r).id: tab.proxy.index(r, 8).data() for r in range(tab.proxy.rowCount())}
    assert {statuses[r.id] for r in above} == {"停止待确认"}
    sheet = tab.long_sheet
    red = [n for n in range(sheet.rowCount()) if sheet.is_red_line(n)]
    assert [sheet.lines()[n][0].content for n in red] == ["术后医嘱"]


def test_the_tab_refreshes_just_what_its_own_command_changed(qtbot: Any, real_window: Any) -> None:
    """Its own red line and signing come back marked as its own: the tab re-reads only those
    orders (and their groups) and still shows exactly what a full read of the chart shows."""
    tab = doctor_chart(qtbot, real_window, "7")

    def as_shown(rows: list[Any]) -> list[tuple[Any, ...]]:
        return [(r.id, r.status, r.version, r.group_mark, r.stop_at) for r in rows]

    reads, partial = tab.reads, tab.partial_reads
    key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: any(r.category == "line" for r in rs))
    qtbot.waitUntil(lambda: not tab._loading, timeout=5000)
    assert (tab.reads - reads, tab.partial_reads - partial) == (1, 1)
    assert as_shown(tab.rows()) == as_shown(tab.ctx.backend.chart_orders(tab.encounter_id))
    qtbot.waitUntil(lambda: tab.table.hasFocus(), timeout=3000)
    dialog = review_dialog(qtbot, tab)
    key(qtbot, Qt.Key.Key_Return)                                     # sign: stops the orders above
    wait_rows(qtbot, tab, lambda rs: any(r.status == "stop_pending" for r in rs))
    qtbot.waitUntil(lambda: closed(dialog) and not tab._loading, timeout=5000)
    assert tab.partial_reads - partial == 2
    assert as_shown(tab.rows()) == as_shown(tab.ctx.backend.chart_orders(tab.encounter_id))
