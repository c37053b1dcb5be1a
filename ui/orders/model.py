"""The chart's orders as a table model, and the 长期/临时, 在用/已停/全部 filter over it.

One read (`chart_orders`, every status) fills the model; the filters never read again. Column
constants and translated headers at the top (STYLE.md rule 10); `data()` never raises.
"""
from __future__ import annotations

from typing import Any, Optional, Union

from ui.orders.texts import (
    DONE_COLOR,
    DRAFT_BACKGROUND,
    HIGH_ALERT_COLOR,
    RETURNED_BACKGROUND,
    RETURNED_COLOR,
    dose_text,
    status_text,
    term_text,
    time_text,
)
from ui.qt import (
    QBrush,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    translate,
)
from ui.table_model import RowsTableModel

COL_MARK = 0
COL_TERM = 1
COL_START = 2
COL_CONTENT = 3
COL_DOSE = 4
COL_ROUTE = 5
COL_FREQ = 6
COL_FIRST = 7
COL_STATUS = 8
COL_DOCTOR = 9
COL_STOP = 10
COL_NOTE = 11
COLUMN_COUNT = 12

ROW_ROLE = Qt.ItemDataRole.UserRole + 1       # the OrderRow

AnyIndex = Union[QModelIndex, QPersistentModelIndex]

TERM_ALL, TERM_LONG, TERM_TEMP = "all", "long", "temp"
SHOW_ACTIVE, SHOW_STOPPED, SHOW_ALL = "active", "stopped", "all"
# The same partition as app.services.orders.SHOWN (kept here so filtering needs no read).
ACTIVE_STATUSES = frozenset({"draft", "returned", "submitted", "pending_approval", "verified",
                             "active", "stop_pending"})
STOPPED_STATUSES = frozenset({"stopped", "executed", "voided"})
SIGNABLE = frozenset({"draft", "returned"})


def header_text(column: int) -> str:
    return {
        COL_MARK: translate("OrdersModel", "组"),
        COL_TERM: translate("OrdersModel", "类"),
        COL_START: translate("OrdersModel", "开始时间"),
        COL_CONTENT: translate("OrdersModel", "医嘱内容"),
        COL_DOSE: translate("OrdersModel", "剂量"),
        COL_ROUTE: translate("OrdersModel", "途径"),
        COL_FREQ: translate("OrdersModel", "频次"),
        COL_FIRST: translate("OrdersModel", "首日"),
        COL_STATUS: translate("OrdersModel", "状态"),
        COL_DOCTOR: translate("OrdersModel", "开嘱医生"),
        COL_STOP: translate("OrdersModel", "停止时间"),
        COL_NOTE: translate("OrdersModel", "备注"),
    }.get(column, "")


def note_text(row: Any) -> str:
    """What a reader must see beside the order: returned with why, voided with why, flags."""
    parts = []
    if row.status == "returned" and row.return_reason:
        parts.append(translate("OrdersModel", "护士退回：{reason}").format(reason=row.return_reason))
    if row.status == "voided" and row.void_reason:
        parts.append(translate("OrdersModel", "作废：{reason}").format(reason=row.void_reason))
    if row.high_alert:
        parts.append(translate("OrdersModel", "高警示"))
    if row.skin_test_req and row.route_code != "id":
        parts.append(translate("OrdersModel", "需皮试"))
    if row.override_reason:
        parts.append(translate("OrdersModel", "警示已确认"))
    if getattr(row, "verbal", False):
        parts.append(translate("OrdersModel", "口头医嘱"))
    if row.category == "line":
        parts.append(translate("OrdersModel", "红线：签署后停止其上的长期医嘱"))
    return "；".join(parts)


def content_text(row: Any) -> str:
    """医嘱内容 as the table shows it: prn/sos after the order (as the sheet prints it), 出院带药
    before it, a red-line order as its heading."""
    content = str(row.content)
    use_kind = getattr(row, "use_kind", "regular")
    if row.category == "line":
        return content
    if use_kind in ("prn", "sos"):
        return f"{content} {use_kind}"
    if use_kind == "discharge":
        return translate("OrdersModel", "出院带药：{content}").format(content=content)
    return content


class OrdersTableModel(RowsTableModel[Any]):
    column_count = COLUMN_COUNT

    def row_by_id(self, order_id: str) -> Optional[Any]:
        return next((r for r in self._rows if r.id == order_id), None)

    def header_text(self, column: int) -> str:
        return header_text(column)

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.status == "draft":
                return QBrush(DRAFT_BACKGROUND)
            if row.status == "returned":
                return QBrush(RETURNED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if row.status == "draft":
                font.setItalic(True)
            if row.status == "voided":
                font.setStrikeOut(col == COL_CONTENT)
            if col == COL_MARK or row.category == "line":
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_MARK, COL_TERM, COL_FIRST):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        return None

    @staticmethod
    def _display(row: Any, col: int) -> str:
        if col == COL_MARK:
            return str(row.group_mark or "")
        if col == COL_TERM:
            return term_text(row.term, short=True)
        if col == COL_START:
            return time_text(row.start_at)
        if col == COL_CONTENT:
            return content_text(row)
        if col == COL_DOSE:
            return dose_text(row.dose, row.dose_unit)
        if col == COL_ROUTE:
            return str(row.route_code or "")
        if col == COL_FREQ:
            return str(row.freq_code or "")
        if col == COL_FIRST:
            return "" if row.first_day_times is None else str(row.first_day_times)
        if col == COL_STATUS:
            return status_text(row.status)
        if col == COL_DOCTOR:
            return str(row.signed_by_name or row.ordered_by_name or "")
        if col == COL_STOP:
            return time_text(row.stop_at)
        if col == COL_NOTE:
            return note_text(row)
        return ""

    @staticmethod
    def _foreground(row: Any, col: int) -> Optional[QBrush]:
        if row.category == "line" and col in (COL_CONTENT, COL_NOTE) and row.status not in STOPPED_STATUSES:
            return QBrush(HIGH_ALERT_COLOR)
        if row.high_alert and col in (COL_CONTENT, COL_NOTE):
            return QBrush(HIGH_ALERT_COLOR)
        if row.status == "returned" and col in (COL_STATUS, COL_NOTE):
            return QBrush(RETURNED_COLOR)
        if row.status == "voided" and col == COL_NOTE:
            return QBrush(HIGH_ALERT_COLOR)
        if row.status in STOPPED_STATUSES:
            return QBrush(DONE_COLOR)
        return None

    @staticmethod
    def _tooltip(row: Any, col: int) -> Optional[str]:
        if col == COL_CONTENT and row.high_alert:
            return translate("OrdersModel", "高警示药品：双人核对")
        if col == COL_NOTE:
            return note_text(row) or None
        if col == COL_CONTENT:
            return content_text(row)
        return None


class OrdersFilterProxy(QSortFilterProxyModel):
    """长期/临时/全部 × 在用/已停/全部; keeps the sheet order of the source (no sorting)."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.term = TERM_ALL
        self.show = SHOW_ACTIVE

    def set_filter(self, term: Optional[str] = None, show: Optional[str] = None) -> None:
        self.term = term or self.term
        self.show = show or self.show
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if row is None:
            return False
        if self.term != TERM_ALL and row.term != self.term:
            return False
        if self.show == SHOW_ACTIVE:
            return row.status in ACTIVE_STATUSES
        if self.show == SHOW_STOPPED:
            return row.status in STOPPED_STATUSES
        return True

    def row_at(self, proxy_row: int) -> Optional[Any]:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)
