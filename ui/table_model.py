"""The part every row-list table model here shares: a list of rows replaced in one reset, a fixed
column count, translated horizontal headers, and a `data()` that cannot raise (STYLE.md rule 10).

A model names its columns (`column_count`), its headers (`header_text`) and what a cell shows
(`_data(row, col, role)`); the ward's beds (ui/ward_model.py) and the chart's orders
(ui/orders/model.py) are two.
"""
from __future__ import annotations

import logging
from typing import Any, Generic, Optional, TypeVar, Union

from ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = Union[QModelIndex, QPersistentModelIndex]
RowT = TypeVar("RowT")


class RowsTableModel(QAbstractTableModel, Generic[RowT]):
    column_count = 0

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: list[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.column_count - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.column_count - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.column_count

    def header_text(self, column: int) -> str:
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._rows):
                return None
            return self._data(self._rows[index.row()], index.column(), role)
        except Exception:  # data() must never raise into Qt's paint loop
            # logged under the concrete model's module and name, as before the split
            logging.getLogger(type(self).__module__).exception(
                "%s.data failed at row %s col %s", type(self).__name__, index.row(), index.column())
            return None

    def _data(self, row: RowT, col: int, role: int) -> Any:
        return None
