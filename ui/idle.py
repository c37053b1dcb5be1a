"""Idle lock: any keyboard or mouse input restarts the countdown; silence locks the workstation."""
from __future__ import annotations

from typing import Optional

from ui.qt import QApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._active = False
        self._enabled = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout_minutes(self, minutes: float) -> None:
        self._enabled = minutes > 0
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        if not self._enabled:
            self._timer.stop()
        elif self._active:
            self._timer.start()

    def start(self) -> None:
        """Watch from now (after a login or unlock); a timeout of 0 minutes means never lock."""
        self._active = True
        if self._enabled:
            self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and self._enabled and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False
