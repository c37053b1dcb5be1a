"""Unexpected failures: one non-modal box with "复制详细信息" (STYLE.md rule 8, Anki's debug box).

Non-modal so a ward never gets a storm of blocking dialogs; the details (traceback, versions)
go to the clipboard for the IT ticket.
"""
from __future__ import annotations

import platform
import sys
from typing import Optional

from ui.messages import error_text
from ui.operations.runner import Failure
from ui.qt import (
    QT_VERSION,
    QDialog,
    QEvent,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)


def debug_info(failure: Failure) -> str:
    return "\n".join([
        f"WardStation operation: {failure.operation}",
        f"Error: {type(failure.error).__name__}: {failure.error}",
        f"Python {sys.version.split()[0]}, PySide6 {QT_VERSION}, {platform.platform()}",
        "",
        failure.details,
    ])


class ErrorBox(QDialog):
    def __init__(self, failure: Failure, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.failure = failure
        self.message = QLabel(error_text(failure.error))
        self.message.setWordWrap(True)
        self.details = QPlainTextEdit(debug_info(failure))
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button = QPushButton()
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self.details.setVisible)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(520, 200)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ErrorBox", "出错了"))
        self.copy_button.setText(translate("ErrorBox", "复制详细信息"))
        self.show_button.setText(translate("ErrorBox", "详细信息"))
        self.close_button.setText(translate("ErrorBox", "关闭"))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(debug_info(self.failure))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_error(failure: Failure, parent: Optional[QWidget] = None) -> ErrorBox:
    box = ErrorBox(failure, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.show()
    return box
