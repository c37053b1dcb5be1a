"""The small dialogs of the 医嘱 tab: a time or a reason for 停止/作废/退回, an order's history,
and the conflict (both versions side by side, nothing overwritten).

Each is window-modal and opened with `open()`, never `exec()`: the GUI keeps painting and a
result arrives through signals. Esc closes it; the tab keeps whatever row was being typed.
"""
from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Optional, Union

from ui.orders.defaults import parse_time
from ui.orders.texts import (
    dose_text,
    full_time_text,
    status_text,
    value_text,
)
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

log = logging.getLogger(__name__)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]
ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff5f5; }"


class _RowsModel(QAbstractTableModel):
    """A read-only table of strings with fixed headers (history, conflict)."""

    def __init__(self, headers: list[str], rows: list[list[str]], parent: Optional[QObject] = None,
                 highlight: Optional[set[int]] = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows = rows
        self._highlight = highlight or set()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._rows):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._rows[index.row()][index.column()]
            if role == Qt.ItemDataRole.ForegroundRole and index.row() in self._highlight:
                return QBrush(QColor("#c62828"))
            return None
        except Exception:  # data() must never raise into Qt's paint loop
            log.exception("rows model data failed")
            return None

    def cell(self, row: int, column: int) -> str:
        return self._rows[row][column]


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class ActionDialog(QDialog):
    """One value for one lifecycle step: the stop time (停止) or a reason (作废, 退回).

    `submitted(value)` carries a datetime or a str; the tab sends the command and either calls
    `accept()` or `show_error()` (the dialog stays, the value kept)."""

    submitted = Signal(object)

    def __init__(self, kind: str, order_text: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.kind = kind                   # stop | void | return
        self.setModal(True)
        self.order_label = QLabel(order_text)
        self.order_label.setWordWrap(True)
        self.order_label.setStyleSheet("font-weight: bold;")
        self.field_label = QLabel()
        self.edit = QLineEdit()
        self.edit.setObjectName("action_value")
        self.edit.setMinimumWidth(320)
        self.field_label.setBuddy(self.edit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.field_label, self.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.order_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if kind == "stop":
            self.edit.setText(datetime.now().strftime("%Y-%m-%d %H:%M"))
        self.busy = False
        self.retranslate()

    def retranslate(self) -> None:
        titles = {"stop": translate("OrderDialogs", "停止医嘱"),
                  "void": translate("OrderDialogs", "作废医嘱"),
                  "return": translate("OrderDialogs", "退回医嘱")}
        fields = {"stop": translate("OrderDialogs", "停止时间："),
                  "void": translate("OrderDialogs", "作废理由："),
                  "return": translate("OrderDialogs", "退回理由：")}
        self.setWindowTitle(titles.get(self.kind, ""))
        self.field_label.setText(fields.get(self.kind, ""))
        if self.kind == "stop":
            self.edit.setPlaceholderText(translate("OrderDialogs", "如 2026-05-01 08:30 或 08:30"))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.selectAll()

    def _submit(self) -> None:
        if self.busy:
            return
        text = self.edit.text().strip()
        if self.kind == "stop":
            try:
                value: Any = parse_time(text)
            except ValueError:
                self.show_error(translate("OrderEntry", "时间格式：08:30、05-01 08:30 或 2026-05-01 08:30"))
                return
            if value is None:
                self.show_error(translate("OrderDialogs", "请填写停止时间"))
                return
        else:
            from ui.messages import message_text

            if not text:
                self.show_error(message_text("order.reason_required"))
                return
            value = text
        self.busy = True
        self.message.clear()
        self.submitted.emit(value)

    def show_error(self, message: str) -> None:
        self.busy = False
        self.message.setText(message)
        self.edit.setStyleSheet(ERROR_STYLE)
        self.edit.setFocus()
        self.edit.selectAll()


def history_rows(events: list[Any]) -> list[list[str]]:
    return [[full_time_text(e.at), status_text(e.from_status) if e.from_status else "",
             status_text(e.to_status), str(e.staff_name or ""), str(e.reason or "")] for e in events]


class HistoryDialog(QDialog):
    def __init__(self, order_text: str, events: list[Any], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OrderDialogs", "医嘱历史"))
        headers = [translate("OrderDialogs", "时间"), translate("OrderDialogs", "原状态"),
                   translate("OrderDialogs", "新状态"), translate("OrderDialogs", "操作人"),
                   translate("OrderDialogs", "理由")]
        self.model = _RowsModel(headers, history_rows(events), self)
        self.view = _table(self.model)
        title = QLabel(order_text)
        title.setStyleSheet("font-weight: bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)


CONFLICT_FIELDS = ("status", "content", "dose", "route_code", "freq_code", "start_at", "stop_at",
                   "version")


def conflict_rows(seen: Any, current: Optional[dict[str, Any]]) -> tuple[list[list[str]], set[int]]:
    """Field | what you saw | what is there now; the rows that differ."""
    names = {
        "status": translate("OrderDialogs", "状态"), "content": translate("OrderDialogs", "医嘱内容"),
        "dose": translate("OrderDialogs", "剂量"), "route_code": translate("OrderDialogs", "途径"),
        "freq_code": translate("OrderDialogs", "频次"), "start_at": translate("OrderDialogs", "开始时间"),
        "stop_at": translate("OrderDialogs", "停止时间"), "version": translate("OrderDialogs", "版本"),
    }
    now = current or {}
    rows: list[list[str]] = []
    differ: set[int] = set()
    for key in CONFLICT_FIELDS:
        if key == "status":
            mine, theirs = status_text(getattr(seen, "status", "")), status_text(str(now.get("status", "")))
        elif key == "dose":
            mine = dose_text(getattr(seen, "dose", None), getattr(seen, "dose_unit", None))
            theirs = f"{value_text(now.get('dose'))}{value_text(now.get('dose_unit'))}"
            if mine and theirs:
                with contextlib.suppress(InvalidOperation, ValueError):
                    theirs = dose_text(Decimal(str(now.get("dose"))), now.get("dose_unit"))
        elif key in ("start_at", "stop_at"):
            mine, theirs = full_time_text(getattr(seen, key, None)), value_text(now.get(key))
        else:
            mine, theirs = str(getattr(seen, key, "") or ""), value_text(now.get(key))
        if mine != theirs:
            differ.add(len(rows))
        rows.append([names[key], mine, theirs])
    return rows, differ


class ConflictDialog(QDialog):
    """Someone changed the order first: both versions, nothing overwritten; the tab reloads."""

    def __init__(self, seen: Any, current: Optional[dict[str, Any]],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        from ui.messages import message_text

        self.setWindowTitle(translate("OrderDialogs", "医嘱已被他人修改"))
        self.message = QLabel(message_text("conflict.stale") + "\n" + translate(
            "OrderDialogs", "您的操作未执行，未覆盖任何内容。下表左列是您看到的版本，右列是当前版本。"))
        self.message.setWordWrap(True)
        rows, differ = conflict_rows(seen, current)
        headers = [translate("OrderDialogs", "项目"), translate("OrderDialogs", "您看到的"),
                   translate("OrderDialogs", "当前")]
        self.model = _RowsModel(headers, rows, self, differ)
        self.view = _table(self.model)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(600, 340)
