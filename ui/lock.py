"""The lock screen of a shared ward PC: the window and its state stay behind it.

"解锁" asks the same user's password; "切换用户" lets another clinician sign in without closing
anything (DESIGN.md "Security on a shared ward PC").
"""
from __future__ import annotations

from typing import Optional

from ui.panel import centred_panel
from ui.qt import (
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QWidget,
    Signal,
    translate,
)


class LockPage(QWidget):
    unlock_requested = Signal(str)      # password of the locked user
    switch_requested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._user_name = ""
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user_label = QLabel()
        self.user_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(34)
        self.unlock_button.clicked.connect(self._unlock)
        self.switch_button = QPushButton()
        self.switch_button.setMinimumHeight(34)
        self.switch_button.clicked.connect(self.switch_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setMinimumHeight(40)
        # 危急值 (ui/critical.py): how many wait, never whose (the screen is locked).
        self.critical_label = QLabel()
        self.critical_label.setObjectName("lockCritical")
        self.critical_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.critical_label.setStyleSheet("background: #c62828; color: #ffffff; font-weight: bold;"
                                          " padding: 6px; border-radius: 3px;")
        self.critical_label.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button, 1)
        buttons.addWidget(self.switch_button, 1)
        inner = centred_panel(self, "lockPanel", width=420, spacing=10)
        inner.addWidget(self.critical_label)
        inner.addWidget(self.title)
        inner.addWidget(self.user_label)
        inner.addWidget(self.password_edit)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        self.setStyleSheet("LockPage { background: #dfe4ea; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.retranslate()

    def lock_for(self, user_name: str) -> None:
        self._user_name = user_name
        self.password_edit.clear()
        self.message.clear()
        self.set_busy(False)
        self.retranslate()
        self.password_edit.setFocus()

    def set_critical_count(self, count: int) -> None:
        """The ward's critical values waiting for acknowledgement, as a count only."""
        text = translate("LockPage", "本病区有 {n} 条危急值未确认，请解锁后处理")
        self.critical_label.setText(text.format(n=count))
        self.critical_label.setVisible(count > 0)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _unlock(self) -> None:
        if self.unlock_button.isEnabled():
            self.unlock_requested.emit(self.password_edit.text())

    def retranslate(self) -> None:
        self.title.setText(translate("LockPage", "工作站已锁定"))
        self.user_label.setText(translate("LockPage", "当前用户：{name}").format(name=self._user_name))
        self.password_edit.setPlaceholderText(translate("LockPage", "输入密码解锁"))
        self.unlock_button.setText(translate("LockPage", "解锁"))
        self.switch_button.setText(translate("LockPage", "切换用户"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
