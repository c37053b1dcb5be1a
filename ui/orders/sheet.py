"""The 长期医嘱单 and 临时医嘱单 on screen, laid out as the printed sheet (CLINICAL.md §1).

Lines come from app.services.orders.sheet_lines (signed orders only, group marks, red lines,
取消 for voided ones); a group's route and frequency are printed once, on its last line; prn/sos
follows the usage ("… ivgtt q6h prn"); 出院带药 orders stand under their own heading line; a
red-line order (术后/分娩/转入/转出/重整医嘱) is drawn under a red rule across the sheet
(`RedLineDelegate`), its heading in red.
"""
from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from typing import Any, Optional, Union

from ui.orders.texts import DISCHARGE_HEADING, HIGH_ALERT_COLOR
from ui.qt import (
    QAbstractTableModel,
    QBrush,
    QFont,
    QModelIndex,
    QObject,
    QPainter,
    QPen,
    QPersistentModelIndex,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    translate,
)

log = logging.getLogger(__name__)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]

# 长期医嘱单: 起始日期 | 时间 | 医嘱内容 | 医师签名 | 护士签名 | 停止日期 | 时间 | 医师签名 | 护士签名
LONG_COLUMNS = ("start_date", "start_time", "content", "doctor", "nurse", "stop_date", "stop_time",
                "stop_doctor", "stop_nurse")
# 临时医嘱单: 日期 | 时间 | 医嘱内容 | 医师签名 | 执行时间 | 执行护士签名
TEMP_COLUMNS = ("date", "start_time", "content", "doctor", "exec_time", "nurse")
COL_CONTENT = 2


def column_title(key: str) -> str:
    return {
        "start_date": translate("OrderSheet", "起始日期"),
        "date": translate("OrderSheet", "日期"),
        "start_time": translate("OrderSheet", "时间"),
        "content": translate("OrderSheet", "医嘱内容"),
        "doctor": translate("OrderSheet", "医师签名"),
        "nurse": translate("OrderSheet", "护士签名"),
        "stop_date": translate("OrderSheet", "停止日期"),
        "stop_time": translate("OrderSheet", "时间"),
        "stop_doctor": translate("OrderSheet", "医师签名"),
        "stop_nurse": translate("OrderSheet", "护士签名"),
        "exec_time": translate("OrderSheet", "执行时间"),
    }.get(key, key)


def _local(value: Optional[datetime]) -> Optional[datetime]:
    if value is None:
        return None
    return value.astimezone() if value.tzinfo is not None else value


ROW_PLAIN, ROW_HEADING = "", "heading"


def sheet_layout(rows: list[Any], term: str) -> list[tuple[Any, str, str]]:
    """(SheetLine, usage, kind) per printed line; usage is the route and frequency written after
    a single order or a group's last member (then prn/sos), unless the content already says it;
    kind is ROW_HEADING for the 出院带药 heading put above a run of discharge orders."""
    from app.services.orders import sheet_lines

    lines = sheet_lines(rows, term)
    kept = [r for r in rows if r.term == term and r.status not in ("draft", "pending_approval")]
    if len(kept) != len(lines):                     # another layout: no usage column then
        return [(line, "", ROW_PLAIN) for line in lines]
    out: list[tuple[Any, str, str]] = []
    in_discharge = False
    for line, row in zip(lines, kept):
        usage = ""
        if row.category == "drug" and row.group_mark in ("", "└"):
            parts = [p for p in (row.route_code, row.freq_code) if p]
            usage = " ".join(parts)
            if usage and str(row.content).endswith(usage):
                usage = ""
        use_kind = getattr(row, "use_kind", "regular")
        if use_kind in ("prn", "sos") and str(line.content).endswith(" " + use_kind):
            line = dataclasses.replace(line, content=str(line.content)[: -len(use_kind) - 1])
            usage = f"{usage} {use_kind}".strip() if row.group_mark in ("", "└") else usage
        discharge = use_kind == "discharge" and row.category != "line"
        if discharge and not in_discharge:
            out.append((type(line)(line.start, DISCHARGE_HEADING, "", ""), "", ROW_HEADING))
        in_discharge = discharge
        out.append((line, usage, ROW_PLAIN))
    return out


def sheet_rows(rows: list[Any], term: str) -> list[tuple[Any, str]]:
    """(SheetLine, usage) per printed line (sheet_layout without the kinds)."""
    return [(line, usage) for line, usage, _kind in sheet_layout(rows, term)]


class RedLineDelegate(QStyledItemDelegate):
    """The red rule above a red-line order (术后/转科/重整医嘱), across every column."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        super().paint(painter, option, index)
        model = index.model()
        if isinstance(model, SheetModel) and model.is_red_line(index.row()):
            painter.save()
            painter.setPen(QPen(HIGH_ALERT_COLOR, 2))
            rect = option.rect  # type: ignore[attr-defined]
            painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
            painter.restore()


class SheetModel(QAbstractTableModel):
    def __init__(self, term: str, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.term = term
        self.columns = LONG_COLUMNS if term == "long" else TEMP_COLUMNS
        self._lines: list[tuple[Any, str]] = []
        self._kinds: list[str] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        try:
            layout = sheet_layout(rows, self.term)
        except Exception:
            log.exception("sheet layout failed")
            layout = []
        self._lines = [(line, usage) for line, usage, _k in layout]
        self._kinds = [kind for _l, _u, kind in layout]
        self.endResetModel()

    def lines(self) -> list[tuple[Any, str]]:
        return list(self._lines)

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._kinds) and self._kinds[row] == ROW_HEADING

    def is_red_line(self, row: int) -> bool:
        return 0 <= row < len(self._lines) and bool(self._lines[row][0].red) and not self.is_heading(row)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return column_title(self.columns[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._lines) \
                    or not 0 <= index.column() < len(self.columns):
                return None
            line, usage = self._lines[index.row()]
            key = self.columns[index.column()]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._display(line, usage, key, self.is_heading(index.row()))
            if role == Qt.ItemDataRole.ForegroundRole and (line.red or (line.cancelled and key == "content")):
                return QBrush(HIGH_ALERT_COLOR)
            if role == Qt.ItemDataRole.FontRole and (line.red or self.is_heading(index.row())):
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole and key != "content":
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        except Exception:  # data() must never raise into Qt's paint loop
            log.exception("SheetModel.data failed at row %s col %s", index.row(), index.column())
            return None

    def _display(self, line: Any, usage: str, key: str, heading: bool = False) -> str:
        if heading:
            return str(line.content) if key == "content" else ""
        start, stop = _local(line.start), _local(line.stop)
        if key in ("start_date", "date"):
            return start.strftime("%Y-%m-%d") if start else ""
        if key == "start_time":
            return start.strftime("%H:%M") if start else ""
        if key == "content":
            text = f"{line.content} {usage}".strip()
            if line.cancelled:
                text = translate("OrderSheet", "{content}  取消").format(content=text)
            return text
        if key == "doctor":
            return str(line.doctor or "")
        if key == "nurse":
            return str(line.nurse or "")
        if key == "stop_date":
            return stop.strftime("%Y-%m-%d") if stop else ""
        if key == "stop_time":
            return stop.strftime("%H:%M") if stop else ""
        if key == "stop_doctor":
            return str(line.stop_doctor or "") if stop else ""
        if key == "stop_nurse":
            return str(line.stop_nurse or "") if stop else ""
        return ""
