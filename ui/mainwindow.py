"""The main window: login -> ward workspace -> lock, with role menus and the status bar.

It orchestrates; it never touches a connection. Every database call goes through
ui/operations/* and comes back as a callback on the GUI thread.

The first frame needs only the login page (and the status bar under it): the workspace (ward
view and tabs, lock page, toolbar, actions and menus, idle watcher) is built right after the
login page has become ready (queued behind the ready callback: a sign-in needs the database
anyway, and the build does not delay the login's readiness), or on first use of any of its
attributes, whichever comes first (`_workspace()`; start-up time: bench/startup.py).
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Optional

from ui import i18n
from ui.login import LoginPage
from ui.operations import OpContext, session
from ui.operations import ward as ward_ops
from ui.operations.runner import Failure
from ui.operations.session import ProgressRelay
from ui.outage import OutageFollower
from ui.qt import (
    QByteArray,
    QEvent,
    QMainWindow,
    QSize,
    QStackedWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)
from ui.settings import Settings
from ui.statusbar import OFFLINE, StatusPanel
from ui.ward_tabs import WardTabs

if TYPE_CHECKING:
    from ui.actions import ActionSet
    from ui.idle import IdleWatcher
    from ui.lock import LockPage
    from ui.patient_header import PatientPage
    from ui.qt import QTabWidget, QToolBar
    from ui.ward_view import WardView

# Not needed for the first frame, so imported where used (start-up time, bench/startup.py):
# the workspace's modules (ui.ward_view, ui.lock, ui.actions, ui.idle: _Workspace), ui.patient_header
# (a chart tab), ui.errorbox, ui.settings_dialog, ui.operations.health.

log = logging.getLogger(__name__)


class _Workspace:
    """The parts of the window that the login page does not show; built by `_workspace()`."""

    def __init__(self, window: MainWindow) -> None:
        from ui.actions import ActionSet
        from ui.idle import IdleWatcher
        from ui.lock import LockPage
        from ui.qt import Qt, QTabWidget, QToolBar
        from ui.ward_view import WardView

        self.lock_page = LockPage()
        self.ward_view = WardView()
        self.ward_view.set_mode(window.settings.snapshot().ward_view_mode)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.ward_view, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_set = ActionSet(window, self.toolbar)
        self.idle = IdleWatcher(window)
        self.idle.set_timeout_minutes(window.settings.snapshot().idle_lock_minutes)
        self.critical: Any = None          # ui/critical.CriticalAlerts, attached by the window


# What the bed cards' flags show (app/services/ward_marks.py): orders, documents, scores.
MARK_KINDS = ("order", "document", "vitals", "execution", "skin_test")
MARKS_REFRESH_MS = 60_000


class MainWindow(WardTabs, QMainWindow):
    database_ready = Signal()
    database_failed = Signal(str)
    user_changed = Signal(object)        # StaffUser or None
    ward_loaded = Signal(str)            # ward_id
    patient_opened = Signal(str)         # encounter_id

    def __init__(self, ctx: OpContext, settings: Settings, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.user: Any = None
        self.locked = False
        self._hidden_on_lock: list[Any] = []       # dialogs hidden behind the lock page
        self._approvals: Any = None
        self.db_ready = False
        self._switching = False
        self._ward_request = 0
        # Deadlines pass and other PCs verify or sign: the flags are read again every minute.
        self._marks_timer = QTimer(self)
        self._marks_timer.setInterval(MARKS_REFRESH_MS)
        self._marks_timer.timeout.connect(self._marks_tick)
        self._health_pending = False
        self._error_boxes: list[QWidget] = []
        self._ws: Optional[_Workspace] = None

        self.login_page = LoginPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login_page)
        central = QWidget()                    # the 危急值 banner goes above the pages (ui/critical.py)
        pages = QVBoxLayout(central)
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.stack)
        self.setCentralWidget(central)
        self.status = StatusPanel()
        self.status.set_profile(ctx.backend.profile_name)
        self.outage = OutageFollower(ctx, self.status, self._read_again)
        self.setStatusBar(self.status)

        self.health_timer = QTimer(self)
        self.health_timer.timeout.connect(self.check_health)
        self.progress_relay = ProgressRelay(self)
        self.replay_relay = ProgressRelay(self)        # the offline queue's replay, batch by batch
        self.replay_relay.progress.connect(lambda done, total, _label: self.status.set_replay(done, total))
        self.progress_relay.progress.connect(self.login_page.set_progress)

        self.login_page.login_requested.connect(self._login_requested)
        self.login_page.cancel_requested.connect(self._cancel_switch)
        ctx.runner.failed.connect(self.show_failure)
        ctx.runner.changes.connect(self.apply_changes)

        self.stack.setCurrentWidget(self.login_page)
        self.resize(QSize(1280, 720))
        geometry = settings.snapshot().window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
        self.retranslate()

    # ---- the workspace: built after the first frame, or when first used
    def _workspace(self) -> _Workspace:
        if self._ws is None:
            from ui.critical import CriticalAlerts

            ws = _Workspace(self)
            self._ws = ws
            ws.critical = CriticalAlerts.attach(self)
            self.stack.addWidget(ws.tabs)
            self.stack.addWidget(ws.lock_page)
            self.addToolBar(ws.toolbar)
            ws.toolbar.setVisible(False)           # shown with the workspace, after a sign-in
            self.menuBar().setEnabled(False)
            ws.tabs.tabCloseRequested.connect(self._close_tab)
            ws.idle.idle.connect(self.lock)
            ws.lock_page.unlock_requested.connect(self._unlock_requested)
            ws.lock_page.switch_requested.connect(self._switch_requested)
            ws.ward_view.ward_selected.connect(self.load_ward)
            ws.ward_view.patient_requested.connect(self.open_patient)
            ws.ward_view.mode_changed.connect(lambda m: self.settings.update(ward_view_mode=m))
            self._retranslate_workspace(ws)
        return self._ws

    def build_workspace(self) -> None:
        """Build the workspace now if it is not built yet (queued once the login is ready)."""
        self._workspace()

    @property
    def lock_page(self) -> LockPage:
        return self._workspace().lock_page

    @property
    def ward_view(self) -> WardView:
        return self._workspace().ward_view

    @property
    def tabs(self) -> QTabWidget:
        return self._workspace().tabs

    @property
    def toolbar(self) -> QToolBar:
        return self._workspace().toolbar

    @property
    def action_set(self) -> ActionSet:
        return self._workspace().action_set

    @property
    def idle(self) -> IdleWatcher:
        return self._workspace().idle

    # ---- start-up
    def start(self) -> None:
        """Prepare the database in the background; the window is already on screen."""
        session.prepare_database(self.ctx, self.progress_relay, self._database_ready, self._database_failed)

    def _database_ready(self, demo_accounts: Any) -> None:
        self.db_ready = True
        self.login_page.set_demo_accounts(demo_accounts if self.ctx.backend.profile_name is None else None)
        self.login_page.set_ready(True)
        self.login_page.reset(self.settings.snapshot().last_login)
        self.health_timer.start(self.ctx.settings().health_check_seconds * 1000)
        self.check_health()
        self.database_ready.emit()
        QTimer.singleShot(0, self, self.build_workspace)   # not after the window is gone

    def _database_failed(self, failure: Failure) -> None:
        from ui.messages import error_text, message_text

        key = "profile.unavailable" if self.ctx.backend.profile_name else "demo.unavailable"
        detail = error_text(failure.error)
        self.database_failed.emit(detail)
        self.login_page.show_message(message_text(key, {"name": self.ctx.backend.profile_name or "",
                                                        "detail": detail}))
        self.login_page.progress.setVisible(False)
        self.status.set_connection(OFFLINE)
        if not hasattr(failure.error, "message_id"):     # an expected error is the message above
            self.show_failure(failure)

    # ---- sign in, lock, switch user
    def _login_requested(self, login: str, password: str) -> None:
        from ui.messages import message_text

        if not login or not password:
            self.login_page.show_message(message_text("auth.empty"))
            return
        self.login_page.set_busy(True)
        self.login_page.show_message("")
        session.authenticate(self.ctx, login, password, self._login_ok, self._login_failed)

    def _login_failed(self, failure: Failure) -> None:
        from ui.messages import error_text

        self.login_page.set_busy(False)
        self.login_page.show_message(error_text(failure.error))
        self.login_page.password_edit.clear()
        self.login_page.password_edit.setFocus()
        if not hasattr(failure.error, "message_id"):
            self.show_failure(failure)

    def _login_ok(self, user: Any) -> None:
        self.login_page.set_busy(False)
        previous = self.user
        same_user = previous is not None and previous.id == user.id
        self.user = user
        self.settings.update(last_login=user.login_name)
        if not same_user:
            self._close_hidden_windows()
            self._close_patient_tabs()
            self.action_set.build(frozenset(user.roles))
            self._wire_actions()
        self.status.set_user(user.full_name, frozenset(user.roles))
        self._switching = False
        self.login_page.set_switch_mode(False)
        self._enter_workspace()
        from ui.nurse.page import attach  # a nurse sees her workstation first (issue 13)
        attach(self, user)
        if not same_user or self.ward_view.model.rowCount() == 0:
            ward_ops.list_wards(self.ctx, self._wards_loaded)
        self.user_changed.emit(user)

    def _enter_workspace(self) -> None:
        from ui import heap

        heap.settle()                          # what the signed-in window holds: out of GC walks
        self.locked = False
        self.stack.setCurrentWidget(self.tabs)
        self.menuBar().setEnabled(True)
        self.toolbar.setVisible(True)
        self.idle.start()
        self.ward_view.stack.currentWidget().setFocus()
        hidden, self._hidden_on_lock = self._hidden_on_lock, []
        for window in hidden:                  # the same user unlocked: where they left off
            if is_alive(window):
                window.show()
                window.raise_()

    def _hide_windows(self) -> None:
        """A review, an approval list, a stop dialog would stay over the lock page, showing the
        patient and (window-modal) blocking the password field: hidden while locked."""
        from ui.qt import QDialog

        self._hidden_on_lock = [w for w in self.findChildren(QDialog) if w.isVisible()]
        for window in self._hidden_on_lock:
            window.hide()

    def _close_hidden_windows(self) -> None:
        """Another user signed in: the previous user's dialogs are dropped, never shown to them."""
        hidden, self._hidden_on_lock = self._hidden_on_lock, []
        for window in hidden:
            if is_alive(window):
                window.reject()
        approvals = getattr(self, "_approvals", None)
        if approvals is not None and is_alive(approvals):
            approvals.deleteLater()
        self._approvals = None

    def lock(self) -> None:
        """Lock now (idle timeout or Ctrl+L): the workspace stays as it is behind the lock page."""
        if self.user is None or self.locked:
            return
        self.locked = True
        self.idle.stop()
        self.menuBar().setEnabled(False)
        self.toolbar.setVisible(False)
        self._hide_windows()
        self.lock_page.lock_for(self.user.full_name)
        self.stack.setCurrentWidget(self.lock_page)

    def _unlock_requested(self, password: str) -> None:
        from ui.messages import message_text

        if self.user is None:
            return
        if not password:
            self.lock_page.show_message(message_text("auth.empty"))
            return
        self.lock_page.set_busy(True)
        session.authenticate(self.ctx, self.user.login_name, password, self._unlock_ok, self._unlock_failed)

    def _unlock_ok(self, user: Any) -> None:
        self.lock_page.set_busy(False)
        if self.user is not None and user.id == self.user.id:
            self._enter_workspace()

    def _unlock_failed(self, failure: Failure) -> None:
        from ui.messages import error_text

        self.lock_page.set_busy(False)
        self.lock_page.show_message(error_text(failure.error))
        self.lock_page.password_edit.clear()

    def _switch_requested(self) -> None:
        self._switching = True
        self.login_page.set_switch_mode(True)
        self.login_page.reset("")
        self.stack.setCurrentWidget(self.login_page)

    def _lock_and_switch(self) -> None:
        self.lock()
        self._switch_requested()

    def _cancel_switch(self) -> None:
        self._switching = False
        self.login_page.set_switch_mode(False)
        if self.user is not None:
            self.locked = False
            self.lock()

    # ---- ward and patients
    def _wards_loaded(self, wards: Any) -> None:
        preferred = (getattr(self.user, "ward_id", None) or self.settings.snapshot().last_ward_id or "")
        self.ward_view.set_wards(list(wards), preferred)

    def load_ward(self, ward_id: str) -> None:
        self._ward_request += 1
        request = self._ward_request

        def done(rows: Any) -> None:
            if request == self._ward_request:
                self.ward_view.set_rows(list(rows))
                self.settings.update(last_ward_id=ward_id)
                self.ward_loaded.emit(ward_id)
                self.load_marks()
                self._marks_timer.start()

        ward_ops.load_ward(self.ctx, ward_id, done)

    def _marks_tick(self) -> None:
        if self.user is not None and not self.locked and self.isVisible():
            self.load_marks()

    def load_marks(self) -> None:
        """The bed cards' flags, after the board is on screen (its own read, so the board never
        waits for the time-limit and verification queries)."""
        ward_id = self.ward_view.current_ward_id()
        if not ward_id:
            return
        request = self._ward_request

        def done(marks: Any) -> None:
            if request == self._ward_request and is_alive(self.ward_view):
                self.ward_view.set_marks(dict(marks))

        ward_ops.load_marks(self.ctx, ward_id, done, lambda _error: None)   # flags only: never a box

    def refresh_ward(self) -> None:
        if self.ward_view.current_ward_id():
            self.load_ward(self.ward_view.current_ward_id())

    def open_patient(self, encounter_id: str) -> None:
        from ui.patient_header import PatientPage

        for i in range(1, self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, PatientPage) and page.encounter_id == encounter_id:
                self.tabs.setCurrentIndex(i)
                page.show_orders()                      # Ctrl+F/Enter: always on its 医嘱 tab
                return
        page = PatientPage(encounter_id, ctx=self.ctx, user=self.user)
        index = self.tabs.addTab(page, page.title())
        self.tabs.setCurrentIndex(index)
        if page.orders_tab is not None:
            page.open(lambda _header: self._header_shown(page))   # header + orders: one read
        else:
            self._reload_header(page)                  # a backend without the orders API

    def apply_changes(self, changes: Any) -> None:
        """Refresh only what shows the changed things (STYLE.md rule 5: no global reload)."""
        if self._ws is None:
            return                         # nothing is shown yet
        self.outage.after_write()
        for i in range(1, self.tabs.count()):
            tab = self.tabs.widget(i)
            for view in (tab, getattr(tab, "vitals_tab", None)):   # the grid, a chart's 体温单
                if view is not None and hasattr(view, "apply_changes"):
                    view.apply_changes(changes)
        if any(changes.touches(k) for k in ("bed", "encounter", "patient", "allergy", "diagnosis")):
            self.refresh_ward()                        # the board, then its flags
        elif any(changes.touches(k) for k in MARK_KINDS):
            self.load_marks()
        for i in range(1, self.tabs.count()):
            from ui.patient_header import PatientPage

            page = self.tabs.widget(i)
            if not isinstance(page, PatientPage):
                continue
            shown = page.header_widget.header
            if shown is not None and shown.patient_id in changes.patient_ids and any(
                    changes.touches(k) for k in ("patient", "encounter", "allergy", "bed", "diagnosis")):
                self._reload_header(page)              # an order change: the 医嘱 tab reloads itself

    def _reload_header(self, page: PatientPage) -> None:
        encounter_id = page.encounter_id

        def done(header: Any) -> None:
            if not is_alive(page) or self.tabs.indexOf(page) < 0:
                return                     # the tab was closed (or the user switched) meanwhile
            page.set_header(header)
            self._header_shown(page)

        ward_ops.open_chart(self.ctx, encounter_id, self.user.id if self.user else "", done)

    def _header_shown(self, page: PatientPage) -> None:
        if not is_alive(page) or self.tabs.indexOf(page) < 0:
            return                         # the tab was closed (or the user switched) meanwhile
        self.tabs.setTabText(self.tabs.indexOf(page), page.title())
        self.patient_opened.emit(page.encounter_id)

    def _close_tab(self, index: int) -> None:
        if index > 0:
            page = self.tabs.widget(index)
            self.tabs.removeTab(index)
            page.deleteLater()

    def _close_patient_tabs(self) -> None:
        """Another clinician signs in: the previous user's open charts close (privacy on a shared PC)."""
        while self.tabs.count() > 1:
            self._close_tab(self.tabs.count() - 1)
        self.tabs.setCurrentIndex(0)

    # ---- actions
    def _wire_actions(self) -> None:
        from ui.qt import QActionGroup

        a = self.action_set.actions
        handlers = {
            "lock": self.lock,
            "switch_user": self._lock_and_switch,
            "settings": self.edit_settings,
            "quit": self.close,
            "refresh": self.refresh_ward,
            "critical_ack": lambda: self._workspace().critical.acknowledge_first(),
            "toggle_view": self.ward_view.toggle_mode,
            "check_connection": self.check_health,
            "ward_settings": self.show_ward_settings,
            "offline_conflicts": self.show_conflicts,
            "order_approvals": self.show_approvals,
            "order_verify": lambda: self.show_nurse_station(0),
            "order_execute": lambda: self.show_nurse_station(1),
            "record_write": lambda: self._show_chart_tab("records"),
            "vitals_view": lambda: self._show_chart_tab("vitals"),
            "nursing_record": lambda: self._show_chart_tab("nursing"),
            "about": self.about,
            "record_todo": self.show_record_todo,
            "consult_queue": self.show_consults,
            "referral_queue": self.show_referral_queue,
            "doctor_handover": self.show_handover,
            "handover": self.show_nurse_handover,
            "template_manage": self.show_templates,
            "vitals_entry": self.open_vitals_grid,
        }
        for key, handler in handlers.items():
            if key in a:
                a[key].triggered.connect(handler)
        group = QActionGroup(self)
        current = self.settings.snapshot().language
        for lang in ("zh_CN", "en"):
            action = a.get("lang_" + lang)
            if action is None:
                continue
            action.setCheckable(True)
            action.setChecked(lang == current)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=lang: self.set_language(code))

    def set_language(self, language: str) -> None:
        """Switch live: new translators, then every widget retranslates on LanguageChange."""
        self.settings.update(language=language)
        i18n.install_language(language)

    def edit_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings.snapshot(), self)
        if dialog.exec():
            snap = self.settings.update(**dialog.values())
            self.idle.set_timeout_minutes(snap.idle_lock_minutes)
            if self.health_timer.isActive():
                self.health_timer.start(snap.health_check_seconds * 1000)

    def about(self) -> None:
        from ui.qt import QMessageBox

        QMessageBox.about(self, translate("MainWindow", "关于病区工作站"),
                          translate("MainWindow", "病区工作站 WardStation 0.1\n住院医生工作站与护士工作站"))

    # ---- connection state and failures
    def check_health(self) -> None:
        from ui.operations.health import check_connection

        if not self.db_ready or self._health_pending:
            return
        self._health_pending = True

        def settled(ok: bool) -> None:
            self._health_pending = False
            self.outage.checked(ok, self.ward_view.current_ward_id() or None, self.replay_relay)
            if ok:
                from ui.operations.referrals import send_in_background

                send_in_background(self.ctx)

        check_connection(self.ctx, settled)

    def _read_again(self) -> None:
        """Back from an outage: the board and every open tab read again from the server."""
        if self._ws is None:
            return
        self.refresh_ward()
        for i in range(1, self.tabs.count()):
            page = self.tabs.widget(i)
            for name in ("reload_all", "reload"):
                if hasattr(page, name):
                    getattr(page, name)()
                    break

    def show_failure(self, failure: Failure) -> None:
        from ui.errorbox import show_error

        box = show_error(failure, self)
        self._error_boxes = [b for b in self._error_boxes if b.isVisible()] + [box]

    # ---- window
    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "病区工作站"))
        if self._ws is not None:
            self._retranslate_workspace(self._ws)

    def _retranslate_workspace(self, ws: _Workspace) -> None:
        ws.tabs.setTabText(0, translate("MainWindow", "病区一览"))
        for i in range(1, ws.tabs.count()):
            from ui.patient_header import PatientPage

            page = ws.tabs.widget(i)
            if isinstance(page, PatientPage):
                ws.tabs.setTabText(i, page.title())
        ws.action_set.retranslate()
        ws.toolbar.setWindowTitle(translate("MainWindow", "工具栏"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.settings.update(window_geometry=bytes(self.saveGeometry().toHex().data()).decode("ascii"))
        self.health_timer.stop()
        if self._ws is not None:
            self._ws.idle.stop()
        super().closeEvent(event)
