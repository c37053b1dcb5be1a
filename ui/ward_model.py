"""The ward's beds as a table model, shared by the card view and the list view.

Both views sit on the same `BedFilterProxy`, so filtering and sorting can never make the cards and
the list disagree. Column constants and translated headers at the top (STYLE.md rule 10);
`data()` and `rowCount()` never raise.
"""
from __future__ import annotations

from typing import Any, Optional, Union

from ui.formatting import (
    ALLERGY_COLOR,
    GRADE_COLORS,
    acuity_color,
    acuity_text,
    age_text,
    grade_short,
    list_text,
    local_date,
    sex_text,
)
from ui.operations.ward import BedRow
from ui.qt import (
    QBrush,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    translate,
)
from ui.table_model import RowsTableModel

COL_BED = 0
COL_NAME = 1
COL_SEX = 2
COL_AGE = 3
COL_DAYS = 4
COL_GRADE = 5
COL_ACUITY = 6
COL_ALLERGY = 7
COL_DIAGNOSIS = 8
COL_ATTENDING = 9
COL_MRN = 10
COL_ADMITTED = 11
COL_MARKS = 12
COLUMN_COUNT = 13

ROW_ROLE = Qt.ItemDataRole.UserRole + 1       # the BedRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 2      # numbers sort as numbers (bed 2 before 10)
MARK_ROLE = Qt.ItemDataRole.UserRole + 3      # the stay's WardMark (or None)
CRITICAL_ROLE = Qt.ItemDataRole.UserRole + 4  # open critical values (危急值) of the stay, 0 if none

AnyIndex = Union[QModelIndex, QPersistentModelIndex]


def header_text(column: int) -> str:
    headers = {
        COL_BED: translate("BedTableModel", "床号"),
        COL_NAME: translate("BedTableModel", "姓名"),
        COL_SEX: translate("BedTableModel", "性别"),
        COL_AGE: translate("BedTableModel", "年龄"),
        COL_DAYS: translate("BedTableModel", "住院天数"),
        COL_GRADE: translate("BedTableModel", "护理级别"),
        COL_ACUITY: translate("BedTableModel", "病情"),
        COL_ALLERGY: translate("BedTableModel", "过敏"),
        COL_DIAGNOSIS: translate("BedTableModel", "诊断"),
        COL_ATTENDING: translate("BedTableModel", "主治医师"),
        COL_MRN: translate("BedTableModel", "住院号"),
        COL_ADMITTED: translate("BedTableModel", "入院日期"),
        COL_MARKS: translate("BedTableModel", "提醒"),
    }
    return headers.get(column, "")


def mark_chips(mark: Any) -> list[tuple[str, str]]:
    """The short chips a bed card shows for a WardMark, in order: (text, kind) with kind one of
    verify, overdue, due, risk, reassess (the delegate colours by kind)."""
    if mark is None:
        return []
    chips: list[tuple[str, str]] = []
    if mark.verify:
        chips.append((translate("BedCard", "核{n}").format(n=mark.verify), "verify"))
    if mark.docs_overdue:
        chips.append((translate("BedCard", "超时{n}").format(n=mark.docs_overdue), "overdue"))
    elif mark.docs_due:
        chips.append((translate("BedCard", "病历{n}").format(n=mark.docs_due), "due"))
    short = {"morse": translate("BedCard", "跌"), "braden": translate("BedCard", "压"),
             "barthel": translate("BedCard", "理"), "pain": translate("BedCard", "痛")}
    for scale in mark.risks:
        chips.append((short.get(scale, scale), "risk"))
    if mark.reassess_due:
        chips.append((translate("BedCard", "评"), "reassess"))
    return chips


def mark_text(mark: Any) -> str:
    """The whole sentence behind the chips: the card's tooltip and the list's 提醒 column."""
    if mark is None:
        return ""
    parts: list[str] = []
    if mark.verify:
        parts.append(translate("BedCard", "待核对医嘱 {n} 条").format(n=mark.verify))
    if mark.docs_due:
        text = translate("BedCard", "病历待完成 {n} 份").format(n=mark.docs_due)
        if mark.docs_overdue:
            text += translate("BedCard", "（超时 {n} 份）").format(n=mark.docs_overdue)
        parts.append(text)
    names = {"morse": translate("BedCard", "跌倒高危"), "braden": translate("BedCard", "压疮高危"),
             "barthel": translate("BedCard", "重度依赖"), "pain": translate("BedCard", "疼痛≥4分")}
    parts.extend(names.get(s, s) for s in mark.risks)
    scales = {"morse": "Morse", "braden": "Braden", "barthel": "Barthel",
              "pain": translate("BedCard", "疼痛")}
    if mark.reassess_due:
        parts.append(translate("BedCard", "{scales} 需再评估").format(
            scales="、".join(scales.get(s, s) for s in mark.reassess_due)))
    return translate("BedCard", "；").join(parts)


class BedTableModel(RowsTableModel[BedRow]):
    column_count = COLUMN_COUNT

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._marks: dict[str, Any] = {}
        self._critical: dict[str, int] = {}

    def set_critical(self, counts: dict[str, int]) -> None:
        """Open critical values per stay (ui/critical.py): repaint, rows untouched."""
        if counts == self._critical:
            return
        self._critical = dict(counts)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, COLUMN_COUNT - 1))

    def critical(self) -> dict[str, int]:
        return dict(self._critical)

    def set_marks(self, marks: dict[str, Any]) -> None:
        """The cards' flags arrived (or changed): repaint, rows untouched."""
        if marks == self._marks:
            return
        self._marks = dict(marks)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, COLUMN_COUNT - 1))

    def marks(self) -> dict[str, Any]:
        return dict(self._marks)

    def header_text(self, column: int) -> str:
        return header_text(column)

    def _data(self, row: BedRow, col: int, role: int) -> Any:
        card = row.card
        if role == ROW_ROLE:
            return row
        mark = self._marks.get(card.encounter_id) if card.encounter_id else None
        if role == MARK_ROLE:
            return mark
        critical = self._critical.get(card.encounter_id, 0) if card.encounter_id else 0
        if role == CRITICAL_ROLE:
            return critical
        if col == COL_MARKS and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = mark_text(mark)
            if critical:
                first = translate("BedCard", "危急值未确认 {n} 条").format(n=critical)
                text = translate("BedCard", "；").join([first, text]) if text else first
            return text
        if col == COL_MARKS and role == SORT_ROLE:
            urgency = (-(mark.docs_overdue + mark.verify), -len(mark.risks)) if mark else (0, 0)
            return (0 if card.occupied else 1, urgency, card.sort_key)
        if role == SORT_ROLE:
            return self._sort_value(card, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(card, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_ALLERGY and card.allergies:
                return QBrush(ALLERGY_COLOR)
            if col == COL_ACUITY:
                color = acuity_color(card.acuity)
                return QBrush(color) if color is not None else None
            if col == COL_GRADE and card.occupied:
                return QBrush(GRADE_COLORS.get(card.nursing_grade, GRADE_COLORS[3]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_BED, COL_AGE, COL_DAYS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ALLERGY and card.allergies:
            return list_text(card.allergies)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_BED and mark is not None:
            return mark_text(mark)                      # the card's tooltip (column 0)
        urgent = critical or (mark is not None and (mark.docs_overdue or mark.risks))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_MARKS and urgent:
            return QBrush(ALLERGY_COLOR)
        return None

    @staticmethod
    def _display(card: Any, col: int) -> Any:
        if col == COL_BED:
            return card.bed_no
        if not card.occupied:
            return translate("BedTableModel", "空床") if col == COL_NAME else ""
        values = {
            COL_NAME: card.name,
            COL_SEX: sex_text(card.sex),
            COL_AGE: age_text(card.age_years, card.age_text),
            COL_DAYS: str(card.days_in_hospital),
            COL_GRADE: grade_short(card.nursing_grade),
            COL_ACUITY: acuity_text(card.acuity),
            COL_ALLERGY: list_text(card.allergies),
            COL_DIAGNOSIS: card.diagnosis,
            COL_ATTENDING: card.attending_name,
            COL_MRN: card.mrn,
            COL_ADMITTED: local_date(card.admitted_at),
        }
        return values.get(col, "")

    @staticmethod
    def _sort_value(card: Any, col: int) -> Any:
        empty_last = 0 if card.occupied else 1
        if col == COL_BED:
            return (card.sort_key, card.bed_no)
        if col == COL_AGE:
            return (empty_last, card.age_years if card.age_years is not None else -1, card.sort_key)
        if col == COL_DAYS:
            return (empty_last, card.days_in_hospital, card.sort_key)
        if col == COL_GRADE:
            return (empty_last, card.nursing_grade, card.sort_key)
        if col == COL_ACUITY:
            order = {"critical": 0, "serious": 1}.get(card.acuity, 2)
            return (empty_last, order, card.sort_key)
        if col == COL_ADMITTED:
            stamp = card.admitted_at.timestamp() if card.admitted_at else 0.0
            return (empty_last, stamp, card.sort_key)
        return (empty_last, str(BedTableModel._display(card, col)), card.sort_key)


# A 住院号 matches from its start once this many characters are typed; shorter digit strings are
# bed numbers only ("26" is bed 26, never every 住院号 that starts with 26).
MRN_PREFIX_MIN = 4
RANK_BED, RANK_MRN, RANK_MRN_PREFIX, RANK_NAME, RANK_INITIALS = range(5)


def match_rank(row: BedRow, text: str) -> Optional[int]:
    """How `text` names this bed (lower is closer), or None when it does not name it at all.

    Exact meaning, never "starts with" for beds: a bed matches only its own number (or its
    label "26床"); a 住院号 matches exactly, or from its start when the query is long enough;
    then the name (substring), then its pinyin initials (prefix). A digits-only query never
    matches a bed whose number is a prefix of it (26310001 is a 住院号, not bed 26)."""
    n = text.strip().lower()
    if not n:
        return RANK_BED
    card = row.card
    bed = card.bed_no.strip().lower()
    if n == bed or (n.endswith("床") and n[:-1].strip() == bed):
        return RANK_BED
    if not card.occupied:
        return None
    mrn = (card.mrn or "").lower()
    if mrn and n == mrn:
        return RANK_MRN
    if mrn and len(n) >= MRN_PREFIX_MIN and mrn.startswith(n):
        return RANK_MRN_PREFIX
    if n.isdigit():
        return None
    if n in (card.name or "").lower():
        return RANK_NAME
    if any(i.startswith(n) for i in row.initials):
        return RANK_INITIALS
    return None


class BedFilterProxy(QSortFilterProxyModel):
    """Filters by bed number, name, pinyin initials or 住院号 (`match_rank`); sorts on SORT_ROLE
    tuples. `best_match()` is the patient Enter opens: the closest match, then the first shown."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().lower()
        if needle != self._needle:
            self._needle = needle
            self.invalidateFilter()

    def filter_text(self) -> str:
        return self._needle

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if not isinstance(row, BedRow):
            return False
        return match_rank(row, self._needle) is not None

    def best_match(self) -> Optional[int]:
        """The proxy row of the occupied bed the filter names best, or None (nothing to open)."""
        best: Optional[tuple[int, int]] = None
        for r in range(self.rowCount()):
            row = self.row_at(r)
            if row is None or not row.card.occupied or not row.card.encounter_id:
                continue
            rank = match_rank(row, self._needle)
            if rank is not None and (best is None or (rank, r) < best):
                best = (rank, r)
        return None if best is None else best[1]

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        if left.column() != COL_BED:
            # Empty beds stay at the end whichever way a patient column is sorted.
            lrow, rrow = left.data(ROW_ROLE), right.data(ROW_ROLE)
            if isinstance(lrow, BedRow) and isinstance(rrow, BedRow) and \
                    lrow.card.occupied != rrow.card.occupied:
                ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
                return lrow.card.occupied if ascending else not lrow.card.occupied
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def row_at(self, proxy_row: int) -> Optional[BedRow]:
        value = self.data(self.index(proxy_row, 0), ROW_ROLE)
        return value if isinstance(value, BedRow) else None


def ward_counts(rows: list[BedRow]) -> dict[str, int]:
    """The head-count line: 在院, 空床, 病危, 病重, 特级, 一级 (over the whole ward, not the filter)."""
    occupied = [r.card for r in rows if r.card.occupied]
    return {
        "inpatients": len(occupied),
        "empty": len(rows) - len(occupied),
        "critical": sum(1 for c in occupied if c.acuity == "critical"),
        "serious": sum(1 for c in occupied if c.acuity == "serious"),
        "grade0": sum(1 for c in occupied if c.nursing_grade == 0),
        "grade1": sum(1 for c in occupied if c.nursing_grade == 1),
        "grade2": sum(1 for c in occupied if c.nursing_grade == 2),
        "grade3": sum(1 for c in occupied if c.nursing_grade == 3),
        "allergy": sum(1 for c in occupied if c.allergies),
    }
