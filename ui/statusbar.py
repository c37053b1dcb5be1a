"""The status bar: who is signed in, which database, and the connection state (+ pending writes)."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from ui.qt import QEvent, QLabel, QProgressBar, QStatusBar, QWidget, translate

ONLINE = "online"
OFFLINE = "offline"
SYNCING = "syncing"
UNKNOWN = "unknown"

_STATE_COLORS = {ONLINE: "#2e7d32", OFFLINE: "#c62828", SYNCING: "#ef6c00", UNKNOWN: "#6e7781"}


class StatusPanel(QStatusBar):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.user_label = QLabel()
        self.profile_label = QLabel()
        self.connection_label = QLabel()
        for label in (self.user_label, self.profile_label, self.connection_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self._user_name = ""
        self._roles: tuple[str, ...] = ()
        self._profile: Optional[str] = None
        self.state = UNKNOWN
        self.pending = 0
        self.as_of: Optional[datetime] = None
        self.retranslate()

    def set_user(self, full_name: str, roles: frozenset[str]) -> None:
        self._user_name = full_name
        self._roles = tuple(sorted(roles))
        self.retranslate()

    def set_profile(self, profile_name: Optional[str]) -> None:
        self._profile = profile_name
        self.retranslate()

    def set_connection(self, state: str, pending: int = 0, as_of: Optional[datetime] = None) -> None:
        """`as_of`: offline, how old the replica's data is (shown as 数据截至 HH:MM)."""
        self.state = state
        self.pending = pending
        self.as_of = as_of
        self.retranslate()

    def set_nurse_queue(self, count: Optional[int]) -> None:
        """Orders waiting for a nurse's verification on the ward (None: not a nurse; issue 13)."""
        if not hasattr(self, "queue_label"):
            self.queue_label = QLabel()
            self.queue_label.setObjectName("status_nurse_queue")
            self.insertPermanentWidget(0, self.queue_label)
        self.queue_label.setVisible(count is not None)
        self.queue_label.setText(translate("StatusPanel", "待审核医嘱：{n}").format(n=count or 0))

    def set_replay(self, done: int, total: int) -> None:
        """The queue replaying in the background: a bar with what is left, gone when done."""
        if not hasattr(self, "replay_bar"):
            self.replay_bar = QProgressBar()
            self.replay_bar.setObjectName("status_replay")
            self.replay_bar.setMaximumWidth(220)
            self.replay_bar.setMaximumHeight(16)
            self.insertPermanentWidget(0, self.replay_bar)
        running = 0 <= done < total
        self.replay_bar.setVisible(running)
        if running:
            self.replay_bar.setRange(0, total)
            self.replay_bar.setValue(done)
            self.replay_bar.setFormat(translate("StatusPanel", "同步中：剩余 {n} 条").format(n=total - done))
            self.set_connection(SYNCING, total - done, self.as_of)
        elif self.state == SYNCING:
            self.set_connection(ONLINE, 0, self.as_of)

    def state_text(self) -> str:
        text = {
            ONLINE: translate("StatusPanel", "在线"),
            OFFLINE: translate("StatusPanel", "离线"),
            SYNCING: translate("StatusPanel", "同步中"),
            UNKNOWN: translate("StatusPanel", "连接中…"),
        }[self.state]
        if self.state == OFFLINE and self.as_of is not None:
            text = translate("StatusPanel", "离线 — 数据截至 {time}").format(
                time=self.as_of.astimezone().strftime("%H:%M"))
        if self.pending:
            text += translate("StatusPanel", "（待同步 {n}）").format(n=self.pending)
        return text

    def retranslate(self) -> None:
        if self._user_name:
            from ui.formatting import list_text  # not needed on the login page (start-up)
            from ui.messages import role_text

            roles = list_text(role_text(r) for r in self._roles)
            self.user_label.setText(translate("StatusPanel", "用户：{name}（{roles}）").format(
                name=self._user_name, roles=roles))
        else:
            self.user_label.setText(translate("StatusPanel", "未登录"))
        profile = self._profile if self._profile else translate("StatusPanel", "演示数据库")
        self.profile_label.setText(translate("StatusPanel", "数据库：{name}").format(name=profile))
        color = _STATE_COLORS[self.state]
        self.connection_label.setText(f"<span style='color:{color}'>●</span> {self.state_text()}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
