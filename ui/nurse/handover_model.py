"""The 护士交接班 page's words and table models: the counts row (one row, CLINICAL.md's order of
columns, 现有 red when the identity fails), the patient list, and the text a patient's note is
pre-filled with (the shift's events, its abnormal vital signs, the doses still open)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from ui.formatting import list_text
from ui.qt import QBrush, QColor, QFont, Qt, translate
from ui.table_model import RowsTableModel
from ui.vitals.labels import item_label

# CLINICAL.md §6's order: 原有, 入院, 出院, 转入, 转出, 死亡, 现有, 病危, 病重, 手术, 分娩.
COUNT_COLUMNS = ("original", "admitted", "discharged", "transfer_in", "transfer_out", "died", "current",
                 "critical", "serious", "surgery", "delivery")
COL_BED, COL_NAME, COL_GROUP, COL_REASONS, COL_DX = range(5)
RED = QColor("#c62828")
GREEN = QColor("#2e7d32")


def unit_text(item: str) -> str:
    per_minute = translate("NurseHandover", "次/分")
    return {"temp": "℃", "pulse": per_minute, "hr": per_minute, "resp": per_minute, "sbp": "mmHg",
            "dbp": "mmHg", "spo2": "%"}.get(item, "")


def count_text(key: str) -> str:
    return {"original": translate("NurseHandover", "原有"), "admitted": translate("NurseHandover", "入院"),
            "discharged": translate("NurseHandover", "出院"),
            "transfer_in": translate("NurseHandover", "转入"),
            "transfer_out": translate("NurseHandover", "转出"), "died": translate("NurseHandover", "死亡"),
            "current": translate("NurseHandover", "现有"), "critical": translate("NurseHandover", "病危"),
            "serious": translate("NurseHandover", "病重"), "surgery": translate("NurseHandover", "手术"),
            "delivery": translate("NurseHandover", "分娩")}.get(key, key)


def shift_text(code: str, codes: tuple[str, ...] = ()) -> str:
    if code == "night" and len(codes) == 2:
        return translate("NurseHandover", "夜班")
    return {"day": translate("NurseHandover", "白班"), "evening": translate("NurseHandover", "小夜班"),
            "night": translate("NurseHandover", "大夜班")}.get(code, code)


def group_text(group: str) -> str:
    return {"leaving": translate("NurseHandover", "出院/转出/死亡"),
            "arriving": translate("NurseHandover", "新入院/转入"),
            "surgery": translate("NurseHandover", "手术"), "delivery": translate("NurseHandover", "分娩"),
            "acute": translate("NurseHandover", "病危/病重"),
            "abnormal": translate("NurseHandover", "体征异常")}.get(group, group)


def reason_text(code: str) -> str:
    return {"abnormal": translate("NurseHandover", "体征异常"),
            "admitted": translate("NurseHandover", "入院")}.get(code) or count_text(code)


def _hm(at: datetime) -> str:
    return str(at.astimezone().strftime("%H:%M"))


def _event(line: Any, code: str, at: datetime) -> str:
    ward = getattr(line, "other_ward", "")
    if code == "transfer_out" and ward:
        return translate("NurseHandover", "{time} 转出至{ward}").format(time=_hm(at), ward=ward)
    if code == "transfer_in" and ward:
        return translate("NurseHandover", "{time} 由{ward}转入").format(time=_hm(at), ward=ward)
    return f"{_hm(at)} {reason_text(code)}"


def events_text(line: Any) -> str:
    parts = [_event(line, code, at) for code, at in line.events]
    parts += [reason_text(r) for r in line.reasons if r in ("critical", "serious")]
    return translate("NurseHandover", "；").join(parts)


def _arrow(flag: str) -> str:
    return "↑" if flag == "high" else "↓" if flag == "low" else ""


def vitals_text(line: Any) -> str:
    """The last values of the shift (BP as S/D), then the worst abnormal ones not among them."""
    last = {r.item: r for r in getattr(line, "latest", ())}
    parts = []
    for item, r in last.items():
        if item == "dbp":
            continue
        if item == "sbp" and "dbp" in last:
            d = last["dbp"]
            parts.append(translate("NurseHandover", "血压 {s}/{d}mmHg{arrow}").format(
                s=r.value, d=d.value, arrow=_arrow(r.flag) or _arrow(d.flag)))
            continue
        parts.append(f"{item_label(item)} {r.value}{unit_text(item)}{_arrow(r.flag)}")
    text = ""
    if last:
        at = max(r.at for r in last.values())
        text = translate("NurseHandover", "{time} {values}").format(time=_hm(at), values=" ".join(parts))
    worse = [a for a in line.abnormal if last.get(a.item) is None or last[a.item].value != a.value]
    if worse:
        shown = [translate("NurseHandover", "{item} {value}{unit}{arrow}（{time}）").format(
            item=item_label(a.item), value=a.value, unit=unit_text(a.item), arrow=_arrow(a.flag),
            time=_hm(a.at)) for a in worse]
        text += ("\n" if text else "") + translate("NurseHandover", "本班异常：{values}").format(
            values=translate("NurseHandover", "；").join(shown))
    return text


def pending_text(line: Any) -> str:
    if not line.open_doses:
        return ""
    return translate("NurseHandover", "本班到时未执行医嘱 {n} 项，请接班护士核对").format(n=line.open_doses)


@dataclass(frozen=True)
class Row:
    """A patient of the list: from the data (a line) or from a saved report (an entry)."""

    encounter_id: str
    bed_no: str
    name: str
    group: str
    reasons: tuple[str, ...]
    diagnosis: str


def row_of_line(line: Any) -> Row:
    return Row(line.encounter_id, line.bed_no, line.name, line.group, tuple(line.reasons), line.diagnosis)


def row_of_entry(e: dict[str, Any]) -> Row:
    return Row(str(e.get("encounter_id", "")), str(e.get("bed_no", "")), str(e.get("patient_name", "")),
               str(e.get("group", "abnormal")), tuple(e.get("reasons", ())), str(e.get("diagnosis", "")))


class CountsModel(RowsTableModel[dict[str, Any]]):
    """One row: the shift's counts; 现有 red (and bold) when 原有 + 入院 + 转入 − 出院 − 转出 − 死亡
    does not give it."""

    column_count = len(COUNT_COLUMNS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.holds = True

    def header_text(self, column: int) -> str:
        return count_text(COUNT_COLUMNS[column]) if 0 <= column < len(COUNT_COLUMNS) else ""

    def _data(self, row: dict[str, Any], col: int, role: int) -> Any:
        key = COUNT_COLUMNS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.get(key, ""))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if key == "current" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(GREEN if self.holds else RED)
        if key in ("current", "original") and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if key in ("critical", "died") and role == Qt.ItemDataRole.ForegroundRole and row.get(key):
            return QBrush(RED)
        return None


class PatientModel(RowsTableModel[Row]):
    column_count = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.edited: set[str] = set()

    def header_text(self, column: int) -> str:
        return {COL_BED: translate("NurseHandover", "床号"), COL_NAME: translate("NurseHandover", "姓名"),
                COL_GROUP: translate("NurseHandover", "交班类别"),
                COL_REASONS: translate("NurseHandover", "本班情况"),
                COL_DX: translate("NurseHandover", "诊断")}.get(column, "")

    def _data(self, row: Row, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_BED: row.bed_no, COL_NAME: row.name, COL_GROUP: group_text(row.group),
                    COL_REASONS: list_text(reason_text(r) for r in row.reasons),
                    COL_DX: row.diagnosis}.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_GROUP and row.group in ("leaving", "acute"):
            return QBrush(RED)
        return None

    def row_of(self, encounter_id: str) -> Optional[int]:
        return next((i for i, r in enumerate(self.rows()) if r.encounter_id == encounter_id), None)
