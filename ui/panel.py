"""The centred white card the login and lock pages put their controls on."""
from __future__ import annotations

from ui.qt import QFrame, QHBoxLayout, QVBoxLayout, QWidget


def centred_panel(page: QWidget, name: str, width: int, spacing: int) -> QVBoxLayout:
    """Put a white card of `width` in the middle of `page`; returns the card's layout to fill."""
    panel = QFrame()
    panel.setObjectName(name)
    panel.setStyleSheet(
        f"#{name} {{ background: white; border: 1px solid #d5dbe1; border-radius: 8px; }}")
    panel.setFixedWidth(width)
    inner = QVBoxLayout(panel)
    inner.setContentsMargins(28, 24, 28, 20)
    inner.setSpacing(spacing)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return inner
