"""The shell: role menus, language switch, connection state, error box, a GUI thread that never waits."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from tests.ui.conftest import sign_in
from tests.ui.fakes import FakeBackend
from ui.qt import QApplication, QMenu, Qt, QTimer

UI_DIR = Path(__file__).resolve().parents[2] / "ui"


def menu_texts(window: Any) -> dict[str, list[str]]:
    """What the user sees in the menu bar: menu title -> item texts (enabled or not).

    (Not through QAction.menu(): on PySide6 6.9.3 that wrapper crashes the interpreter at teardown.)
    """
    shown = window.menuBar().actions()
    return {m.title(): [a.text() for a in m.actions() if not a.isSeparator()]
            for m in window.findChildren(QMenu) if m.menuAction() in shown}


def all_items(window: Any) -> list[str]:
    return [t for items in menu_texts(window).values() for t in items]


def test_nurse_has_verification_but_no_order_entry(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "nurse")
    items = all_items(window)
    assert "医嘱核对" in items and "医嘱执行" in items and "体征录入" in items
    assert "医嘱录入" not in items and "病历书写" not in items
    verify = window.action_set.actions["order_verify"]
    assert verify.isEnabled() and verify.toolTip() != "后续版本提供"      # the 护士工作站 exists
    toolbar = [a.text() for a in window.toolbar.actions() if not a.isSeparator()]
    assert "医嘱核对" in toolbar and "医嘱录入" not in toolbar


def test_doctor_and_intern_enter_orders_but_do_not_verify(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "doctor")
    items = all_items(window)
    assert "医嘱录入" in items and "医嘱签署" in items and "病历审签" in items
    assert "医嘱核对" not in items and "体征录入" not in items
    window.lock()
    window._switch_requested()
    sign_in(qtbot, window, "intern")
    items = all_items(window)
    assert "医嘱录入" in items and "医嘱签署" not in items and "医嘱核对" not in items


def test_admin_sees_no_clinical_menus(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "admin")
    menus = menu_texts(window)
    assert "医嘱(&O)" not in menus and "护理(&N)" not in menus
    assert menus.get("病历(&R)", ["模板管理…"]) == ["模板管理…"]    # the hospital's templates only
    assert "检查数据库连接" in menus["管理(&A)"]
    assert window.action_set.actions["check_connection"].isEnabled()


def test_everything_for_now_is_enabled_except_later_issues(qtbot: Any, window: Any) -> None:
    from ui.actions import ACTIONS

    sign_in(qtbot, window, "headnurse")
    later = {s.key for s in ACTIONS if s.later}
    assert later <= {"sync_now", "order_entry", "order_sign", "order_verify", "order_execute",
                     "record_write", "record_cosign", "vitals_entry", "vitals_view", "nursing_record",
                     "handover", "print_orders", "print_vitals"}
    for key, action in window.action_set.actions.items():
        assert action.isEnabled() == (key not in later), key


def test_language_switch_is_live(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "nurse")
    assert window.tabs.tabText(0) == "病区一览"
    window.action_set.actions["lang_en"].trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Ward overview", timeout=2000)
    assert window.ward_view.cards_button.text() == "Cards"
    assert window.ward_view.proxy.headerData(0, Qt.Orientation.Horizontal) == "Bed"
    assert "Verify orders" in all_items(window)
    assert "Inpatients 10" in window.ward_view.counts_label.text()
    assert "User: 李秀英 (Nurse)" in window.status.user_label.text()
    assert window.settings.snapshot().language == "en"
    window.action_set.actions["lang_zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "病区一览", timeout=2000)
    assert "医嘱核对" in all_items(window)


def test_no_qtablewidget_anywhere(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QTableWidget

    for path in UI_DIR.rglob("*.py"):
        assert "QTableWidget" not in path.read_text(encoding="utf-8"), path
    sign_in(qtbot, window, "doctor")
    assert window.findChildren(QTableWidget) == []


def test_gui_thread_keeps_running_during_a_slow_operation(qtbot: Any, make_window: Any) -> None:
    backend = FakeBackend()
    window = make_window(backend)
    backend.delay = 1.2                                  # every service call now takes 1.2 s
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    sign_in(qtbot, window, "doctor", wait=False)
    assert time.monotonic() - started < 0.5              # the click returned at once
    assert not window.login_page.login_button.isEnabled()   # busy, not frozen
    qtbot.waitUntil(lambda: window.ward_view.model.rowCount() == 13, timeout=10000)
    timer.stop()
    assert time.monotonic() - started > 3.0              # authenticate + wards + beds ran (3 x 1.2 s)
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 100
    assert max(gaps) < 0.25, max(gaps)
    assert threading.main_thread().name not in backend.threads


def test_writes_are_serialized(qtbot: Any, window: Any, backend: FakeBackend) -> None:
    runner = window.ctx.runner
    active = []
    peak = []

    def job() -> None:
        active.append(1)
        peak.append(len(active))
        time.sleep(0.05)
        active.pop()

    done = []
    for _ in range(4):
        runner.write(job, lambda _r: done.append(1))
    qtbot.waitUntil(lambda: len(done) == 4, timeout=3000)
    assert max(peak) == 1


def test_connection_state_follows_the_health_check(qtbot: Any, window: Any, backend: FakeBackend) -> None:
    qtbot.waitUntil(lambda: "在线" in window.status.connection_label.text(), timeout=3000)
    backend.healthy = False
    window.check_health()
    qtbot.waitUntil(lambda: "离线" in window.status.connection_label.text(), timeout=3000)
    backend.healthy = True
    window.check_health()
    qtbot.waitUntil(lambda: "在线" in window.status.connection_label.text(), timeout=3000)


def test_a_hung_health_check_turns_offline_at_the_deadline(qtbot: Any, make_window: Any) -> None:
    backend = FakeBackend()
    window = make_window(backend, health_check_timeout_seconds=0.5)
    qtbot.waitUntil(lambda: "在线" in window.status.connection_label.text(), timeout=3000)
    backend.delay = 3.0                                    # the server never answers in time
    window.check_health()
    qtbot.waitUntil(lambda: "离线" in window.status.connection_label.text(), timeout=2500)


def test_unexpected_failure_opens_a_non_modal_box_with_copyable_details(qtbot: Any, window: Any,
                                                                        backend: FakeBackend) -> None:
    from ui.errorbox import ErrorBox

    sign_in(qtbot, window, "doctor")

    def broken(_ward_id: str) -> Any:
        raise RuntimeError("column bed.sort_key does not exist")

    backend.ward_overview = broken  # type: ignore[method-assign,assignment]
    window.refresh_ward()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(ErrorBox)), timeout=3000)
    box = next(b for b in window.findChildren(ErrorBox) if b.isVisible())
    assert not box.isModal()
    assert box.copy_button.text() == "复制详细信息"
    box.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "column bed.sort_key does not exist" in copied and "Traceback" in copied
    assert window.ward_view.model.rowCount() == 13       # the ward view kept what it showed


def test_a_change_refreshes_the_ward_and_the_open_chart(qtbot: Any, window: Any,
                                                        backend: FakeBackend) -> None:
    from app.services.changes import Changes

    sign_in(qtbot, window, "nurse")
    window.open_patient("e2")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "2床 李娜", timeout=3000)
    before_ward = backend.calls.count("ward_overview")
    before_chart = backend.calls.count("open_chart")
    window.ctx.runner.mutate(lambda: Changes.of("allergy", ["a1"], ["p2"]))
    qtbot.waitUntil(lambda: backend.calls.count("open_chart") == before_chart + 1, timeout=3000)
    qtbot.waitUntil(lambda: backend.calls.count("ward_overview") == before_ward + 1, timeout=3000)
    # a change to something no open view shows reloads nothing
    window.ctx.runner.mutate(lambda: Changes.of("order", ["o1"], ["p9"]))
    qtbot.wait(300)
    assert backend.calls.count("ward_overview") == before_ward + 1
    assert backend.calls.count("open_chart") == before_chart + 1


def test_closing_a_chart_while_it_loads_is_harmless(qtbot: Any, window: Any, backend: FakeBackend) -> None:
    sign_in(qtbot, window, "doctor")
    backend.delay = 0.5
    window.open_patient("e5")
    window._close_tab(1)
    qtbot.waitUntil(lambda: "open_chart" in backend.calls, timeout=3000)
    qtbot.wait(700)
    assert window.tabs.count() == 1


def test_qt_is_imported_in_one_place_only() -> None:
    offenders = [p.name for p in UI_DIR.rglob("*.py")
                 if p.name != "qt.py" and any(w in p.read_text(encoding="utf-8")
                                              for w in ("import PySide6", "from PySide6", "shiboken6"))]
    assert offenders == []
