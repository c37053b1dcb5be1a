"""The match list of the order entry: what the typed 医嘱内容 finds (pinyin initials, Chinese,
English), as a small table floating over the order table under the field.

It never takes the focus: the entry keeps the keyboard and moves the highlight (Up/Down,
PageUp/PageDown), and picks with Enter, Tab or a click (ui/orders/entry.py).
"""
from __future__ import annotations

import logging
from typing import Any, Optional, Union

from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QHeaderView,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTableView,
    QWidget,
    translate,
)

log = logging.getLogger(__name__)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]
VISIBLE_ROWS = 10                     # the list grows to this many rows, then scrolls
STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}


class MatchModel(QAbstractTableModel):
    """The matches shown under 医嘱内容: name, package, code."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Optional[Any]:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {0: translate("OrderEntry", "名称"), 1: translate("OrderEntry", "规格"),
                    2: translate("OrderEntry", "编码")}.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            item = self.item(index.row()) if index.isValid() else None
            if item is None or role != Qt.ItemDataRole.DisplayRole:
                return None
            return {0: item.name, 1: item.detail, 2: item.code}.get(index.column())
        except Exception:  # data() must never raise into Qt's paint loop
            log.exception("MatchModel.data failed")
            return None


class MatchList(QTableView):
    """The matches over `overlay_parent` (the order table's tab), hidden until there are some."""

    def __init__(self, overlay_parent: QWidget) -> None:
        super().__init__(overlay_parent)
        self.matches = MatchModel(self)
        self.setObjectName("orderMatches")
        self.setModel(self.matches)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setStyleSheet("QTableView { border: 1px solid #0969da; background: white; }")
        self.hide()

    def show_items(self, items: list[Any], edit: QLineEdit) -> None:
        """The items under (or above) `edit`, the first highlighted; none: the list hides."""
        self.matches.set_items(items)
        if not items:
            self.hide()
            return
        self.setCurrentIndex(self.matches.index(0, 0))
        self._place(edit)
        self.show()
        self.raise_()

    def _place(self, edit: QLineEdit) -> None:
        """Under 医嘱内容, or above it when the row sits at the bottom (it usually does)."""
        parent = self.parentWidget()
        if parent is None:
            return
        below = edit.mapTo(parent, QPoint(0, edit.height()))
        rows = min(self.matches.rowCount(), VISIBLE_ROWS)
        height = self.horizontalHeader().sizeHint().height() + rows * \
            self.verticalHeader().defaultSectionSize() + 4
        width = min(max(edit.width() + 220, 560), parent.width() - below.x() - 4)
        y = below.y() + 1
        if y + height > parent.height():
            y = max(0, edit.mapTo(parent, QPoint(0, 0)).y() - height - 1)
        self.setGeometry(below.x(), y, width, height)

    def move_current(self, key: int) -> None:
        """Up/Down one, PageUp/PageDown eight, kept inside the list."""
        count = self.matches.rowCount()
        if count == 0:
            return
        row = self.currentIndex().row()
        row = max(0, min(count - 1, (row if row >= 0 else 0) + STEPS[Qt.Key(key)]))
        self.setCurrentIndex(self.matches.index(row, 0))
