"""Sign-in, failure and lockout messages, demo accounts, lock / unlock / switch user."""
from __future__ import annotations

from typing import Any

from tests.ui.conftest import sign_in
from tests.ui.fakes import PASSWORD, FakeBackend
from ui.qt import Qt


def test_window_is_up_before_the_database_is_ready(qtbot: Any, settings: Any) -> None:
    from ui.app import create_window

    backend = FakeBackend(prepare_delay=1.0)
    window = create_window(backend, settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.login_page.progress.value() > 0, timeout=3000)
    assert window.login_page.progress.isVisible()
    assert "药品字典" in window.login_page.progress_label.text()
    assert not window.login_page.login_button.isEnabled()
    assert not window.db_ready
    qtbot.waitUntil(lambda: window.db_ready, timeout=5000)
    assert window.login_page.login_button.isEnabled()
    assert not window.login_page.progress.isVisible()
    window.ctx.runner.shutdown()


def test_login_success_shows_the_ward_and_the_user(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "doctor")
    assert window.stack.currentWidget() is window.tabs
    assert window.ward_view.ward_combo.currentText() == "神经内科一病区"
    assert window.ward_view.model.rowCount() == 13
    assert "王建国" in window.status.user_label.text()
    assert "医生" in window.status.user_label.text()
    assert "演示数据库" in window.status.profile_label.text()
    qtbot.waitUntil(lambda: "在线" in window.status.connection_label.text(), timeout=3000)


NURSE, NURSE_PASSWORD = "liufang", "demo-nurse1"          # resources/demo/ward.json
DOCTOR, DOCTOR_PASSWORD = "liming", "demo-doctor1"


def test_wrong_password_says_so_and_stays_on_login(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, NURSE, "wrong", wait=False)
    qtbot.waitUntil(lambda: window.login_page.message.text() != "", timeout=10_000)
    assert window.login_page.message.text() == "用户名或密码错误"
    assert window.stack.currentWidget() is window.login_page
    assert window.login_page.password_edit.text() == ""
    assert window.user is None


def test_lockout_after_five_failures_shows_the_unlock_time(qtbot: Any, real_window: Any,
                                                           real_backend: Any) -> None:
    from sqlalchemy import select

    from app.store.schema import staff

    window = real_window
    for attempt in range(5):
        sign_in(qtbot, window, NURSE, f"bad{attempt}", wait=False)
        qtbot.waitUntil(lambda: window.login_page.login_button.isEnabled(), timeout=10_000)
    text = window.login_page.message.text()
    with real_backend._require().read() as conn:
        until = conn.execute(select(staff.c.locked_until)
                             .where(staff.c.login_name == NURSE)).scalar_one()
    assert "账号已锁定" in text
    assert until.astimezone().strftime("%H:%M") in text
    # even the right password is refused while locked
    sign_in(qtbot, window, NURSE, NURSE_PASSWORD, wait=False)
    qtbot.waitUntil(lambda: window.login_page.login_button.isEnabled(), timeout=10_000)
    assert "账号已锁定" in window.login_page.message.text()
    assert window.user is None


def test_demo_accounts_fill_the_form(qtbot: Any, window: Any) -> None:
    page = window.login_page
    assert page.demo_table.isVisible()
    assert page.demo_model.rowCount() == 5
    row = [a.login for a in page.demo_model.accounts].index("nurse")
    assert page.demo_model.index(row, 2).data() == "护士"
    rect = page.demo_table.visualRect(page.demo_model.index(row, 0))
    qtbot.mouseClick(page.demo_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.user_edit.text() == "nurse"
    assert page.password_edit.text() == PASSWORD


def test_a_server_profile_lists_no_demo_accounts(qtbot: Any, make_window: Any) -> None:
    window = make_window(FakeBackend(profile_name="住院部主库"))
    assert not window.login_page.demo_table.isVisible()
    assert "住院部主库" in window.status.profile_label.text()
    assert "演示数据库" not in window.status.profile_label.text()


def test_idle_lock_then_switch_user_keeps_the_window(qtbot: Any, make_window: Any,
                                                     backend: FakeBackend) -> None:
    window = make_window(backend, idle_lock_minutes=0.01)      # 0.6 s
    sign_in(qtbot, window, "doctor")
    window.ward_view.set_mode("list")
    geometry = window.geometry()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.stack.currentWidget() is window.lock_page
    assert "王建国" in window.lock_page.user_label.text()
    assert not window.menuBar().isEnabled()

    qtbot.mouseClick(window.lock_page.switch_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.login_page
    sign_in(qtbot, window, "nurse")
    assert "李秀英" in window.status.user_label.text()
    assert "order_entry" not in window.action_set.actions
    assert "order_verify" in window.action_set.actions
    # the window and the ward view stayed as they were
    assert window.geometry() == geometry
    assert window.ward_view.mode() == "list"
    assert window.ward_view.model.rowCount() == 13


def test_unlock_needs_the_same_users_password(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, DOCTOR, DOCTOR_PASSWORD)
    occupied = next(r for r in window.ward_view.model.rows() if r.card.occupied)
    window.open_patient(occupied.card.encounter_id)
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    page = window.lock_page
    qtbot.keyClicks(page.password_edit, "nope")
    qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10_000)
    assert page.message.text() == "用户名或密码错误"
    assert window.locked
    qtbot.keyClicks(page.password_edit, DOCTOR_PASSWORD)
    qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert window.tabs.count() == 2        # the open chart is still there for the same user


def test_lock_time_is_a_persisted_setting(qtbot: Any, make_window: Any, backend: FakeBackend,
                                          settings: Any) -> None:
    from ui.settings import Settings

    window = make_window(backend)
    assert window.idle._timer.interval() == 10 * 60_000            # default: 10 minutes
    window.settings.update(idle_lock_minutes=2)
    assert Settings(settings.file_name()).snapshot().idle_lock_minutes == 2.0
