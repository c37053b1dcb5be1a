"""The 护理记录 table: one row a line (app/services/nursing_records.py NursingLine), the columns of
the paper form for its record type. A corrected or voided line stays, grey and struck through,
with its replacement right below it (留痕); the tooltip says who struck it, when and why."""
from __future__ import annotations

from typing import Any, Optional, Union

from ui.nursing.labels import consciousness_label, io_kind_label, reflex_mark
from ui.qt import (
    QAbstractTableModel,
    QColor,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    translate,
)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]

COL_TIME, COL_TEMP, COL_PULSE, COL_RESP, COL_BP, COL_SPO2 = range(6)
COL_CONSCIOUS, COL_PUPILS, COL_INTAKE, COL_OUTPUT, COL_NOTE, COL_NURSE = range(6, 12)
GENERAL_COLS = (COL_TIME, COL_TEMP, COL_PULSE, COL_RESP, COL_BP, COL_SPO2, COL_NOTE, COL_NURSE)
CRITICAL_COLS = tuple(range(12))


def header_text(col: int) -> str:
    return {
        COL_TIME: translate("Nursing", "时间"), COL_TEMP: translate("Nursing", "体温\n℃"),
        COL_PULSE: translate("Nursing", "脉搏\n次/分"), COL_RESP: translate("Nursing", "呼吸\n次/分"),
        COL_BP: translate("Nursing", "血压\nmmHg"), COL_SPO2: translate("Nursing", "SpO2\n%"),
        COL_CONSCIOUS: translate("Nursing", "意识"),
        COL_PUPILS: translate("Nursing", "瞳孔 mm\n左/右 对光"),
        COL_INTAKE: translate("Nursing", "入量\nml"), COL_OUTPUT: translate("Nursing", "出量\nml"),
        COL_NOTE: translate("Nursing", "病情观察及护理措施"), COL_NURSE: translate("Nursing", "签名"),
    }.get(col, "")


def _num(value: Any) -> str:
    return "" if value in (None, "") else str(value)


def _mm(value: Any) -> str:
    text = str(value or "-")
    return text[:-2] if text.endswith(".0") else text


def _io(items: Any) -> str:
    return "\n".join(f"{io_kind_label(str(i['kind']))} {i['ml']}" for i in items or [])


def cell_text(line: Any, col: int) -> str:
    b = line.body
    v = b.get("vitals") or {}
    if col == COL_TIME:
        return str(line.recorded_at.astimezone().strftime("%m-%d %H:%M"))
    if col in (COL_TEMP, COL_PULSE, COL_RESP, COL_SPO2):
        return _num(v.get({COL_TEMP: "temp", COL_PULSE: "pulse", COL_RESP: "resp",
                           COL_SPO2: "spo2"}[col]))
    if col == COL_BP:
        return f"{v['sbp']}/{v['dbp']}" if "sbp" in v and "dbp" in v else ""
    if col == COL_CONSCIOUS:
        return consciousness_label(b["consciousness"]) if b.get("consciousness") else ""
    if col == COL_PUPILS:
        left, right = b.get("pupil_left"), b.get("pupil_right")
        if not (left or right or b.get("light_left") or b.get("light_right")):
            return ""
        size = f"{_mm(left)}/{_mm(right)}" if left or right else ""
        marks = (f"{reflex_mark(b.get('light_left') or '') or '-'}/"
                 f"{reflex_mark(b.get('light_right') or '') or '-'}"
                 if b.get("light_left") or b.get("light_right") else "")
        return " ".join(x for x in (size, marks) if x)
    if col == COL_INTAKE:
        return _io(b.get("intake"))
    if col == COL_OUTPUT:
        return _io(b.get("output"))
    if col == COL_NOTE:
        note = str(b.get("note") or "")
        if line.replaces_id and line.reason:
            note = translate("Nursing", "【更正：{reason}】").format(reason=line.reason) + note
        return note
    if col == COL_NURSE:
        return str(line.nurse_name)
    return ""


class NursingRecordModel(QAbstractTableModel):
    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.lines: list[Any] = []
        self.columns: tuple[int, ...] = GENERAL_COLS

    def set_lines(self, lines: list[Any], rec_type: str) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.columns = CRITICAL_COLS if rec_type == "critical" else GENERAL_COLS
        self.endResetModel()

    def line(self, row: int) -> Optional[Any]:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return header_text(self.columns[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index.row()) if index.isValid() else None
        if line is None or not 0 <= index.column() < len(self.columns):
            return None
        col = self.columns[index.column()]
        try:
            if role == Qt.ItemDataRole.DisplayRole:
                return cell_text(line, col)
            if role == Qt.ItemDataRole.FontRole and not line.current:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                if not line.current:
                    return QColor("#8c959f")
                if line.replaces_id:
                    return QColor("#1a47b8")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(line)
            if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_NOTE, COL_INTAKE, COL_OUTPUT):
                return int(Qt.AlignmentFlag.AlignCenter)
        except Exception:     # data() never raises: a malformed body shows as blank
            return None
        return None

    @staticmethod
    def _tooltip(line: Any) -> Optional[str]:
        if line.state == "corrected":
            return translate("Nursing", "已更正（{who} {at}）：{reason}").format(
                who=line.struck_by, at=line.struck_at.astimezone().strftime("%m-%d %H:%M")
                if line.struck_at else "", reason=line.struck_reason or "")
        if line.state == "voided":
            return translate("Nursing", "已作废（{who} {at}）：{reason}").format(
                who=line.struck_by, at=line.struck_at.astimezone().strftime("%m-%d %H:%M")
                if line.struck_at else "", reason=line.struck_reason or "")
        if line.replaces_id:
            return translate("Nursing", "更正记录，原因：{reason}").format(reason=line.reason or "")
        return None
