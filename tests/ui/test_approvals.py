"""Who may sign what, on the real services over a copy of the seeded demo database: an intern
drafts and cannot sign, a licensed doctor signs the intern's draft; an antibiotic signed above the
signer's grade waits, and the chief sees it in 抗菌药物审批 and approves it by keyboard; a lock
hides an open review and the unlock brings it back, while another user never sees it."""
from __future__ import annotations

from typing import Any

from tests.ui.conftest import sign_in
from tests.ui.test_orders_tab import (
    closed,
    key,
    open_by_keyboard,
    pick,
    review_dialog,
    save,
    wait_rows,
)
from ui.qt import QApplication, Qt, is_alive

INTERN, INTERN_PASSWORD = "chenxiao", "demo-intern1"
RESIDENT, CHIEF, DOCTOR_PASSWORD = "zhangwei", "wangjg", "demo-doctor1"


def switch_user(qtbot: Any, window: Any, login: str, password: str) -> None:
    window._lock_and_switch()
    sign_in(qtbot, window, login, password)


def test_an_intern_drafts_and_a_licensed_doctor_signs(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, INTERN, INTERN_PASSWORD)
    tab = open_by_keyboard(qtbot, window, "7").orders_tab
    key(qtbot, Qt.Key.Key_F2)
    pick(qtbot, tab, "dyxa", lambda i: i.name == "对乙酰氨基酚片")
    draft = save(qtbot, tab, "对乙酰氨基酚片 0.5g")
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    key(qtbot, Qt.Key.Key_Return)                                     # the intern tries to sign
    qtbot.waitUntil(lambda: not dialog.signing, timeout=5000)
    assert not closed(dialog) and "处方权" in dialog.message.text()
    assert tab.model.row_by_id(draft.id).status == "draft"            # nothing signed, row kept
    key(qtbot, Qt.Key.Key_Escape)

    switch_user(qtbot, window, RESIDENT, DOCTOR_PASSWORD)
    tab = open_by_keyboard(qtbot, window, "7").orders_tab
    assert tab.model.row_by_id(draft.id).status == "draft"            # the intern's draft is there
    tab.select_ids([draft.id], draft.id)
    dialog = review_dialog(qtbot, tab)
    assert draft.id in {r.id for r in dialog.drafts}
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(draft.id).status == "submitted")
    signed = tab.model.row_by_id(draft.id)
    assert signed.signed_by_name == "张伟" and signed.ordered_by_name == "陈晓"


def test_an_antibiotic_above_the_grade_waits_for_the_chief(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, RESIDENT, DOCTOR_PASSWORD)                 # 非限制使用级 only
    tab = open_by_keyboard(qtbot, window, "7").orders_tab
    key(qtbot, Qt.Key.Key_F2)
    pick(qtbot, tab, "mlpn", lambda i: i.name == "注射用美罗培南" and i.detail.startswith("1g"))
    mero = save(qtbot, tab, "注射用美罗培南 1g")
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(mero.id).status == "pending_approval")
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)

    window.show_approvals()                                           # the resident may approve none
    approvals = window._approvals
    qtbot.waitUntil(lambda: not approvals.loading and approvals.model.rowCount() == 0
                    and approvals.message.text() != "", timeout=5000)
    approvals.hide()

    switch_user(qtbot, window, CHIEF, DOCTOR_PASSWORD)
    assert window._approvals is None                                  # not the resident's window
    window.show_approvals()
    approvals = window._approvals
    qtbot.waitUntil(lambda: any(r.order_id == mero.id for r in approvals.model.rows()), timeout=5000)
    waiting = approvals.model.rows()
    assert {r.bed_no for r in waiting} >= {"7", "12"}                 # ours and the seeded one
    at = next(n for n, r in enumerate(waiting) if r.order_id == mero.id)
    approvals.table.setFocus()
    approvals.table.selectRow(at)
    assert [r.order_id for r in approvals.selected()] == [mero.id]
    qtbot.keyClick(approvals.table, Qt.Key.Key_Return)                # Enter approves
    qtbot.waitUntil(lambda: all(r.order_id != mero.id for r in approvals.model.rows()), timeout=5000)
    assert len(approvals.model.rows()) == len(waiting) - 1
    qtbot.keyClick(approvals.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() > 0, timeout=5000)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.orders_tab is not None and page.orders_tab.loaded, timeout=10_000)
    assert page.header_widget.header.bed_no == approvals.selected()[0].bed_no


def test_a_lock_hides_the_open_review_and_only_its_user_gets_it_back(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, RESIDENT, DOCTOR_PASSWORD)
    tab = open_by_keyboard(qtbot, window, "7").orders_tab
    key(qtbot, Qt.Key.Key_F2)
    pick(qtbot, tab, "dyxa", lambda i: i.name == "对乙酰氨基酚片")
    save(qtbot, tab, "对乙酰氨基酚片 0.5g")
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    window.lock()
    assert not dialog.isVisible()                                     # nothing over the lock page
    page = window.lock_page
    qtbot.waitUntil(lambda: page.password_edit.isVisible(), timeout=3000)
    page.password_edit.setFocus()
    qtbot.keyClicks(page.password_edit, DOCTOR_PASSWORD)
    qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)         # back where she left off

    window.lock()
    window._switch_requested()
    sign_in(qtbot, window, "liming", DOCTOR_PASSWORD)
    qtbot.wait(100)
    assert not is_alive(dialog) or not dialog.isVisible()
    assert QApplication.activeModalWidget() is None
