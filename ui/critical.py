"""危急值 on the ward's PCs (issue 17): a red banner over every page of the main window and a mark
on the bed card while a critical value is not acknowledged, the acknowledge dialog (whom she
told), and the doctor's 病程记录 entry that documents the action.

`CriticalAlerts.attach(window)` wires it into the main window: every POLL_MS the window asks
the ward's change sequence "anything after N?" (ui/operations/critical.poll, one indexed query)
and reads the open critical values again only when one changed, so a value the lab reports shows
on every logged-in PC of the ward within seconds; every RESYNC_POLLS polls it reads them anyway.
The banner is hidden behind the lock page and the login page (names on a shared PC; the lock
page says how many wait), and shown again on unlock. Keys: ui/shortcuts.py CRITICAL_ACK
acknowledges the oldest one.
"""
from __future__ import annotations

from typing import Any, Optional

from ui import shortcuts as keys
from ui.formatting import local_datetime
from ui.operations import critical as ops
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)

POLL_MS = 3000
RESYNC_POLLS = 20                  # a full read of the open values once a minute
SHOWN_ROWS = 3
BANNER_STYLE = ("QFrame#criticalBanner { background: #c62828; border-bottom: 2px solid #8e0000; }"
                " QLabel { color: #ffffff; font-size: 14px; }"
                " QLabel#criticalTitle { font-size: 15px; font-weight: bold; }"
                " QPushButton { background: #ffffff; color: #c62828; font-weight: bold;"
                " border-radius: 3px; padding: 3px 14px; }"
                " QPushButton:disabled { color: #e0a0a0; }")


def alert_text(alert: Any) -> str:
    """床号 姓名 项目 结果 时间, as the banner and the dialog say it."""
    flag = f"（{alert.abnormal}）" if alert.abnormal else ""
    return translate("Critical", "{bed}床 {name}  {test} {value}{flag}  报告 {at}").format(
        bed=alert.bed_no, name=alert.patient_name, test=alert.test_name, value=alert.value_with_unit,
        flag=flag, at=local_datetime(alert.reported_at)[5:])


class CriticalBanner(QFrame):
    """The red banner: one line per open critical value (the oldest first), each with 确认."""

    ack_requested = Signal(object)               # the alert

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("criticalBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.alerts: list[Any] = []
        self.may_ack = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 4, 10, 4)
        self._layout.setSpacing(2)
        self.rows: list[tuple[QLabel, QPushButton]] = []
        self.more = QLabel()
        self.more.setObjectName("criticalMore")
        self.more.setContentsMargins(70, 0, 0, 0)     # under the values, not under 危急值
        self.setVisible(False)

    def set_alerts(self, alerts: list[Any], may_ack: bool) -> None:
        self.alerts, self.may_ack = list(alerts), may_ack
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.more:
                widget.deleteLater()
        self.rows = []
        for n, alert in enumerate(self.alerts[:SHOWN_ROWS]):
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            title = QLabel(translate("Critical", "危急值") if n == 0 else "")
            title.setObjectName("criticalTitle")
            title.setFixedWidth(64)
            text = QLabel(alert_text(alert))
            text.setObjectName("criticalText")
            key = f" ({keys.CRITICAL_ACK})" if n == 0 else ""
            button = QPushButton(translate("Critical", "确认") + key)
            button.setObjectName("criticalAck")
            button.setMinimumWidth(170)          # one column of buttons, the first one's width
            button.setEnabled(may_ack)
            if not may_ack:
                button.setToolTip(translate("Critical", "须由护士（或接到电话的医生）确认"))
            button.clicked.connect(lambda _c=False, a=alert: self.ack_requested.emit(a))
            row.addWidget(title)
            row.addWidget(text, 1)
            row.addWidget(button)
            self._layout.addWidget(line)
            self.rows.append((text, button))
        extra = len(self.alerts) - SHOWN_ROWS
        more = translate("Critical", "另有 {n} 条危急值未确认").format(n=extra)
        self.more.setText(more if extra > 0 else "")
        self._layout.addWidget(self.more)
        self.more.setVisible(extra > 0)

    def texts(self) -> list[str]:
        return [label.text() for label, _button in self.rows]


class CriticalAckDialog(QDialog):
    """确认危急值: the value, and whom she told (the stay's doctors offered, any name typed)."""

    def __init__(self, ctx: Any, user: Any, alert: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.alert = ctx, user, alert
        self.busy = False
        self.setObjectName("criticalAckDialog")
        self.setWindowTitle(translate("Critical", "确认危急值"))
        layout = QVBoxLayout(self)
        head = QLabel(alert_text(alert))
        head.setObjectName("criticalAckValue")
        head.setStyleSheet("color: #c62828; font-size: 15px; font-weight: bold;")
        layout.addWidget(head)
        form = QFormLayout()
        form.addRow(translate("Critical", "住院号"), QLabel(alert.mrn))
        form.addRow(translate("Critical", "接收护士"), QLabel(getattr(user, "full_name", "")))
        self.told = QComboBox()
        self.told.setObjectName("criticalTold")
        self.told.setEditable(True)
        self.told.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name, staff_id in ((alert.resident_name, alert.resident_id),
                               (alert.attending_name, alert.attending_id)):
            if name and self.told.findText(name) < 0:
                self.told.addItem(name, staff_id)
        self.told.setCurrentIndex(0 if self.told.count() else -1)
        form.addRow(translate("Critical", "已通知医生"), self.told)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Critical", "确认接收"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.told.setFocus()

    def told_value(self) -> tuple[str, Optional[str]]:
        text = " ".join(self.told.currentText().split())
        index = self.told.findText(text)
        staff_id = self.told.itemData(index) if index >= 0 else None
        return text, (str(staff_id) if staff_id else None)

    def submit(self) -> None:
        from ui.messages import error_text

        if self.busy:
            return
        name, staff_id = self.told_value()
        if not name:
            self.message.setText(translate("Critical", "请填写已通知的医生"))
            self.told.setFocus()
            return
        self.busy = True

        def done(_changes: Any) -> None:
            self.busy = False
            if is_alive(self):
                self.accept()

        def failed(failure: Any) -> None:
            self.busy = False
            if not is_alive(self):
                return
            error = getattr(failure, "error", failure)
            if getattr(error, "message_id", None) is None:
                self.ctx.runner.failed.emit(failure)
                return
            self.message.setText(error_text(error))

        ops.acknowledge(self.ctx, self.user, self.alert, name, staff_id, done, failed)


class CriticalAlerts(QObject):
    """The main window's part: poll, banner, bed-card marks, the acknowledge dialog."""

    alerts_changed = Signal(object)              # the ward's open critical values (a list)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.banner = CriticalBanner()
        self.alerts: list[Any] = []
        self.state: Any = None
        self.ward_id = ""
        self.polls = 0
        self.pending = False
        self.dialog: Optional[CriticalAckDialog] = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.banner.ack_requested.connect(self.acknowledge)

    @classmethod
    def attach(cls, window: Any) -> CriticalAlerts:
        """Put the banner above the window's pages and follow the ward on the board."""
        part = cls(window)
        window.centralWidget().layout().insertWidget(0, part.banner)
        window.ward_loaded.connect(part.follow)
        window.user_changed.connect(lambda _user: part.show_state())
        window.stack.currentChanged.connect(lambda _i: part.show_state())
        window.ctx.runner.changes.connect(part._changes)
        return part

    def follow(self, ward_id: str) -> None:
        if not ops.supported(self.window.ctx):
            return
        if ward_id != self.ward_id:
            self.ward_id, self.state = ward_id, None
            self.set_alerts([])
        self.timer.start()
        self.poll()

    def poll(self, resync: bool = False) -> None:
        from app.services.critical import PollState

        if self.pending or not self.ward_id or self.window.user is None:
            return
        self.pending = True
        self.polls += 1
        ward_id = self.ward_id

        def done(result: Any) -> None:
            self.pending = False
            if not is_alive(self.banner) or ward_id != self.ward_id:
                return
            self.state = result.state
            if result.alerts is not None:
                self.set_alerts(list(result.alerts))

        def failed(_failure: Any) -> None:    # the status bar tells the connection's state
            self.pending = False

        ops.poll(self.window.ctx, ward_id, self.state or PollState(), done, failed,
                 resync=resync or self.polls % RESYNC_POLLS == 0)

    def _changes(self, changes: Any) -> None:
        if changes.touches("critical"):      # this PC's own acknowledgement: at once
            self.poll(resync=True)

    def set_alerts(self, alerts: list[Any]) -> None:
        from app.services.critical import open_counts

        changed = [a.id for a in alerts] != [a.id for a in self.alerts]
        self.alerts = alerts
        self.show_state()
        view = self.window.ward_view
        if is_alive(view):
            view.set_critical(open_counts(alerts))
            if changed:                      # the cards' 病历 flags count the note now owed
                self.window.load_marks()
        if changed:
            self.alerts_changed.emit(list(alerts))

    def show_state(self) -> None:
        w = self.window
        user = w.user
        may_ack = bool(user is not None and user.can("critical.ack"))
        shown = [a.id for a in self.banner.alerts]
        if [a.id for a in self.alerts] != shown or may_ack != self.banner.may_ack:
            self.banner.set_alerts(self.alerts, may_ack)
        on_screen = user is not None and not w.locked and w.stack.currentWidget() is w.tabs
        self.banner.setVisible(bool(self.alerts) and on_screen)
        w.lock_page.set_critical_count(len(self.alerts) if user is not None else 0)

    def acknowledge_first(self) -> None:
        if self.alerts and self.banner.isVisible() and self.banner.may_ack:
            self.acknowledge(self.alerts[0])

    def acknowledge(self, alert: Any) -> None:
        if self.dialog is not None and is_alive(self.dialog):
            self.dialog.raise_()
            return
        dialog = CriticalAckDialog(self.window.ctx, self.window.user, alert, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _r: self.poll(resync=True))
        self.dialog = dialog
        dialog.open()


def note_sections(alert: Any, sections: tuple[Any, ...]) -> tuple[Any, ...]:
    """The template's sections with the critical value in 辅助检查结果及分析 (the first one when the
    template has no such section): what the lab said, who took it and whom she told."""
    import dataclasses

    flag = f"（{alert.abnormal}）" if alert.abnormal else ""
    text = translate("Critical", "危急值：{test} {value}{flag}，报告时间 {at}。").format(
        test=alert.test_name, value=alert.value_with_unit, flag=flag, at=local_datetime(alert.reported_at))
    if alert.ack_by_name:
        text += translate("Critical", "{when} 护士{nurse}接收，已通知{told}。").format(
            when=local_datetime(alert.ack_at), nurse=alert.ack_by_name, told=alert.told_name)
    target = next((s.id for s in sections if s.id == "results"), sections[0].id if sections else None)
    return tuple(dataclasses.replace(s, text=(text + ("\n" + s.text if s.text else ""))) if s.id == target
                 else s for s in sections)


def write_note(window: Any, encounter_id: str, critical_id: str) -> None:
    """The doctor documents the action: a new 日常病程记录 of the stay with the value filled in,
    linked to the critical value (LinkCriticalNote), opened on the chart's 病历 tab to write and
    sign. A value nobody acknowledged yet cannot be documented (the message says so)."""
    from app.ids import new_id
    from ui.operations import records as record_ops
    from ui.records.model import doc_type_text

    ctx, user = window.ctx, window.user
    if user is None:
        return
    doc_id = new_id()

    def failed(failure: Any) -> None:
        window.ctx.runner.failed.emit(failure)

    def started(found: Any) -> None:
        alert, template = found
        if alert is None or template is None:
            return
        if alert.status == "open":
            from ui.qt import QMessageBox

            QMessageBox.information(window, translate("Critical", "危急值"),
                                    translate("Critical", "该危急值尚未由护士确认接收"))
            return
        title = translate("Critical", "危急值处理记录")
        sections = note_sections(alert, template.sections)

        def opened(_changes: Any) -> None:
            window._open_record(encounter_id, doc_id)

        def created(_changes: Any) -> None:
            ops.link_note(ctx, user, alert, doc_id, opened, failed)

        record_ops.create(ctx, user, encounter_id, doc_id, template.doc_type,
                          title or doc_type_text("progress"), sections, created, failed)

    ops.load_note_start(ctx, critical_id, getattr(user, "dept_id", None), started, failed)


def link_open_note(tab: Any, doc_id: str) -> None:
    """From the 病历 tab (Ctrl+Alt+W): pick which acknowledged critical value of the stay this
    病程记录 documents; the picked one is linked (LinkCriticalNote)."""
    from ui.records.dialogs import PickerDialog

    def failed(failure: Any) -> None:
        tab._failed(failure)

    def show(alerts: Any) -> None:
        if not is_alive(tab):
            return
        done = ("signed", "cosigned", "amended")
        waiting = [a for a in alerts if a.status != "open" and a.note_status not in done]
        if not waiting:
            tab._set_hint(translate("Critical", "本次住院没有待记录的危急值（未确认的须先由护士确认）"))
            return
        rows: list[tuple[str, ...]] = [(alert_text(a), str(a.ack_by_name), str(a.told_name)) for a in waiting]
        headers = (translate("Critical", "危急值"), translate("Critical", "接收护士"),
                   translate("Critical", "已通知医生"))
        dialog = PickerDialog(translate("Critical", "关联危急值"), headers, rows, tab)

        def picked() -> None:
            if not 0 <= dialog.chosen < len(waiting):
                return
            alert = waiting[dialog.chosen]

            def linked(_changes: Any) -> None:
                if is_alive(tab):
                    text = translate("Critical", "已关联危急值：{text}")
                    tab._set_hint(text.format(text=alert_text(alert)))

            ops.link_note(tab.ctx, tab.user, alert, doc_id, linked, failed)

        dialog.accepted.connect(picked)
        tab._open_dialog(dialog)

    ops.load_for_encounter(tab.ctx, tab.encounter_id, show, failed)
