"""The ward grid's table model: one line per patient, the slot's saved values and what the nurse
is typing (drafts), checked as she types with app/domain/vitals.py's ranges.

A refused value stays in its cell, red with the allowed range in the row's message; a value
outside the confirm range is held until it is typed a second time (the re-entry §4 asks for);
an abnormal value shows red with ↑/↓. A line that could not be saved keeps its drafts, marked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from typing import Any, Optional

from app.domain import vitals as dv
from app.errors import ValidationError
from ui.qt import QBrush, QColor, Qt, Signal, translate
from ui.table_model import RowsTableModel
from ui.vitals.labels import code_label, due_label, event_label, site_label

(COL_BED, COL_NAME, COL_DUE, COL_TEMP, COL_SITE, COL_PULSE, COL_HR, COL_RESP, COL_BP, COL_SPO2,
 COL_PAIN, COL_COOLED, COL_EVENT, COL_STATE) = range(14)
EDITABLE = (COL_TEMP, COL_SITE, COL_PULSE, COL_HR, COL_RESP, COL_BP, COL_SPO2, COL_PAIN, COL_COOLED,
            COL_EVENT)
SINGLE = {COL_TEMP: dv.TEMP, COL_PULSE: dv.PULSE, COL_HR: dv.HR, COL_RESP: dv.RESP,
          COL_SPO2: dv.SPO2, COL_PAIN: dv.PAIN}
SITE_KEYS = {"o": dv.ORAL, "a": dv.AXILLARY, "r": dv.RECTAL}
DEFAULT_SITE = dv.AXILLARY               # 腋温, the ward's usual site [S]
RED = QColor("#c62828")
MARK = QColor("#fff3e0")
ERROR_BG = QColor("#ffebee")

# Line states.
CLEAN, DIRTY, SAVING, SAVED, UNSAVED, REFUSED = "clean", "dirty", "saving", "saved", "unsaved", "refused"


@dataclass(frozen=True)
class CellCheck:
    items: tuple[str, ...]
    flag: str = ""
    needs_confirm: bool = False


def _codes() -> dict[str, str]:
    """Typed words for codes: the label in the user's language, or the code itself."""
    out = {c: c for c in dv.CODES[dv.TEMP] + dv.CODES[dv.SBP] + dv.CODES[dv.WEIGHT] + (dv.VENTILATOR,)}
    out.update({code_label(c): c for c in list(out)})
    return out


def parse_code(text: str) -> Optional[str]:
    return _codes().get(text.strip())


def check_cell(col: int, text: str) -> CellCheck:
    """The typed text's check: ValidationError when refused (message id + the allowed range)."""
    t = text.strip()
    if col in SINGLE:
        item = SINGLE[col]
        code = parse_code(t)
        if code is not None:
            dv.check_code(item, code)
            return CellCheck((item,))
        a = dv.assess(item, t)
        return CellCheck((item,), a.flag, a.needs_confirm)
    if col == COL_BP:
        code = parse_code(t)
        if code is not None:
            dv.check_code(dv.SBP, code)
            return CellCheck((dv.SBP, dv.DBP))
        m = re.fullmatch(r"(\d+)\s*/\s*(\d+)", t)
        if m is None:
            raise ValidationError("vitals.not_a_number", item=dv.SBP, text=t)
        s = dv.assess(dv.SBP, m.group(1))
        d = dv.assess(dv.DBP, m.group(2), sbp=s.value)
        flag = s.flag or d.flag
        return CellCheck((dv.SBP, dv.DBP), flag, s.needs_confirm or d.needs_confirm)
    if col == COL_SITE:
        parse_site(t)
        return CellCheck(())
    if col == COL_COOLED:                       # 物理降温 retake: a temperature, 30 min later
        a = dv.assess(dv.TEMP, t)
        return CellCheck((dv.TEMP,), a.flag, a.needs_confirm)
    if col == COL_EVENT:
        parse_event(t)
        return CellCheck((dv.EVENT,))
    return CellCheck(())


def parse_site(text: str) -> str:
    t = text.strip().lower()
    for site in dv.TEMP_SITES:
        if t in (site, site[0], site_label(site).lower()):
            return site
    raise ValidationError("vitals.bad_site", method=text)


def parse_event(text: str) -> tuple[str, Optional[time]]:
    """"手术", "入院 10:20", "admit 1020" -> (code, time or None)."""
    m = re.fullmatch(r"\s*(\S+?)\s*(?:(\d{1,2})[:：]?(\d{2}))?\s*", text)
    if m is not None:
        word = m.group(1)
        for code in dv.EVENTS:
            if word in (code, event_label(code)):
                at = time(int(m.group(2)), int(m.group(3))) if m.group(2) else None
                if at is not None and (at.hour > 23 or at.minute > 59):
                    break
                return code, at
    raise ValidationError("vitals.bad_event", code=text)


@dataclass
class GridLine:
    row: Any                                  # app.services.vitals.GridRow
    drafts: dict[int, str] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)
    pending: dict[int, str] = field(default_factory=dict)    # typed once, outside the confirm range
    confirmed: set[str] = field(default_factory=set)
    state: str = CLEAN
    message: str = ""

    @property
    def encounter_id(self) -> str:
        return str(self.row.encounter_id)

    @property
    def dirty(self) -> bool:
        return bool(self.drafts)

    def ready(self) -> bool:
        return bool(self.drafts) and not self.errors and not self.pending


def saved_text(row: Any, col: int) -> str:
    cells = row.cells

    def one(item: str) -> str:
        cell = cells.get(item)
        if cell is None:
            return ""
        o = cell.current
        text = code_label(o.code) if o.value is None and o.code else _number(o.value)
        if o.value is not None and o.code == dv.BELOW:
            text = f"{code_label(dv.BELOW)} {text}"
        return text + dv.arrow(o.flag) + ("*" if cell.contested else "")

    if col in SINGLE:
        return one(SINGLE[col])
    if col == COL_COOLED:
        return one("cooled")
    if col == COL_SITE:
        cell = cells.get(dv.TEMP)
        return site_label(cell.current.method) if cell and cell.current.method else ""
    if col == COL_BP:
        s, d = one(dv.SBP), one(dv.DBP)
        return f"{s}/{d}" if s or d else ""
    if col == COL_EVENT:
        return "、".join(event_label(e.code or "") for e in row.events)
    return ""


def _number(value: Optional[Decimal]) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


class VitalsGridModel(RowsTableModel[GridLine]):
    column_count = 14
    problem = Signal(int, int, object)        # row, column, the refusal (ValidationError / ack)
    stay = False

    def header_text(self, column: int) -> str:
        return {
            COL_BED: translate("VitalsGrid", "床号"), COL_NAME: translate("VitalsGrid", "姓名"),
            COL_DUE: translate("VitalsGrid", "应测"), COL_TEMP: translate("VitalsGrid", "体温 ℃"),
            COL_SITE: translate("VitalsGrid", "部位"), COL_PULSE: translate("VitalsGrid", "脉搏"),
            COL_HR: translate("VitalsGrid", "心率"), COL_RESP: translate("VitalsGrid", "呼吸"),
            COL_BP: translate("VitalsGrid", "血压"), COL_SPO2: translate("VitalsGrid", "SpO2 %"),
            COL_PAIN: translate("VitalsGrid", "疼痛"),
            COL_COOLED: translate("VitalsGrid", "降温后 ℃"), COL_EVENT: translate("VitalsGrid", "事件"),
            COL_STATE: translate("VitalsGrid", "状态"),
        }.get(column, "")

    def update_rows(self, lines: list[GridLine], editing_row: int = -1) -> None:
        """The same patients re-read: swap the lines without a reset. The row being typed in is
        not announced: Qt would put the saved value back into the open editor."""
        self._rows = list(lines)
        last = self.column_count - 1
        for start, end in ((0, editing_row - 1), (editing_row + 1, len(lines) - 1)) \
                if editing_row >= 0 else ((0, len(lines) - 1),):
            if start <= end:
                self.dataChanged.emit(self.index(start, 0), self.index(end, last))

    def line(self, row: int) -> Optional[GridLine]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, line: GridLine) -> int:
        for i, x in enumerate(self._rows):
            if x is line:
                return i
        return -1

    def refresh_line(self, line: GridLine) -> None:
        r = self.row_of(line)
        if r >= 0:
            self.dataChanged.emit(self.index(r, 0), self.index(r, self.column_count - 1))

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _text(self, line: GridLine, col: int) -> str:
        row = line.row
        if col == COL_BED:
            return str(row.bed_no)
        if col == COL_NAME:
            return str(row.name)
        if col == COL_DUE:
            return "、".join(due_label(r) for r in row.due.reasons) + f" ×{row.due.times}"
        if col == COL_STATE:
            return {CLEAN: "", DIRTY: translate("VitalsGrid", "未保存"),
                    SAVING: translate("VitalsGrid", "保存中…"), SAVED: translate("VitalsGrid", "已保存"),
                    UNSAVED: translate("VitalsGrid", "未保存（网络中断）"),
                    REFUSED: translate("VitalsGrid", "需更正")}.get(line.state, "") + (
                        f"：{line.message}" if line.message else "")
        if col in line.errors:
            return f"✕ {line.drafts.get(col, '')}"
        if col in line.pending:
            return f"? {line.pending[col]}"
        if col in line.drafts:
            if col == COL_SITE:
                try:
                    return site_label(parse_site(line.drafts[col]))
                except ValidationError:
                    return line.drafts[col]
            return line.drafts[col]
        return saved_text(row, col)

    def _flag(self, line: GridLine, col: int) -> str:
        text = line.drafts.get(col)
        if text is None:
            shown = saved_text(line.row, col)
            return dv.HIGH if "↑" in shown else dv.LOW if "↓" in shown else ""
        try:
            return check_cell(col, text).flag
        except ValidationError:
            return ""

    def _data(self, line: GridLine, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole:       # a refused value is typed anew
                return "" if col in line.errors else line.drafts.get(col, "")
            text = self._text(line, col)
            if col in line.drafts and col not in line.errors:
                text += dv.arrow(self._flag(line, col))
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in line.errors or (col in EDITABLE and self._flag(line, col)) \
                    or (col == COL_STATE and line.state in (UNSAVED, REFUSED)):
                return QBrush(RED)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col in line.errors:
                return QBrush(ERROR_BG)
            if line.state == UNSAVED or col in line.pending:
                return QBrush(MARK)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, col)
        return None

    def _tooltip(self, line: GridLine, col: int) -> Optional[str]:
        if col == COL_STATE and line.message:
            return line.message
        items = SINGLE.get(col)
        cell = line.row.cells.get(items) if items else None
        if cell is not None and cell.contested:
            parts = [f"{o.recorder_name} {_number(o.value) or code_label(o.code or '')} "
                     f"{o.created_at.astimezone():%H:%M}" for o in (*cell.others, cell.current)]
            return translate("VitalsGrid", "本时段有多次录入：{list}").format(list="；".join(parts))
        return None

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        line = self.line(index.row()) if index.isValid() else None
        col = index.column() if index.isValid() else -1
        if line is None or col not in EDITABLE or role != Qt.ItemDataRole.EditRole:
            return False
        problem: Optional[Exception] = None
        text = str(value or "").strip()
        line.errors.pop(col, None)
        if not text:
            line.drafts.pop(col, None)
            line.pending.pop(col, None)
        else:
            try:
                check = check_cell(col, text)
            except ValidationError as err:
                line.drafts[col] = text
                line.errors[col] = err.message_id
                problem = err
            else:
                if check.needs_confirm and text not in (line.pending.get(col), *_confirmed_texts(line, col)):
                    line.pending[col] = text
                    line.drafts.pop(col, None)
                    from app.errors import NeedsAcknowledgement

                    item = check.items[0] if check.items else ""
                    problem = NeedsAcknowledgement("vitals.confirm", item=item, value=text)
                else:
                    if check.needs_confirm:
                        line.confirmed.update(check.items)
                        line.pending.pop(col, None)
                    line.drafts[col] = text
        line.state = REFUSED if line.errors or line.pending else (DIRTY if line.drafts else CLEAN)
        if not line.errors and not line.pending:
            line.message = ""
        self.refresh_line(line)
        if problem is not None:
            self.stay = True                   # GridView keeps the cursor in this cell
            self.problem.emit(index.row(), col, problem)
        return True


def _confirmed_texts(line: GridLine, col: int) -> tuple[str, ...]:
    """A value already confirmed in this cell is not asked again."""
    return (line.drafts[col],) if col in line.drafts and any(
        i in line.confirmed for i in _items_of(col)) else ()


def _items_of(col: int) -> tuple[str, ...]:
    if col in SINGLE:
        return (SINGLE[col],)
    return {COL_BP: (dv.SBP, dv.DBP), COL_EVENT: (dv.EVENT,), COL_COOLED: (dv.TEMP,)}.get(col, ())


def values_of(line: GridLine, slot_at: datetime, zone: Any) -> tuple[Any, ...]:
    """The drafts as VitalValue tuples for RecordVitals (checked already)."""
    from app.ids import new_id
    from app.services.vitals_cmds import VitalValue

    out: list[Any] = []
    d = line.drafts
    cells = line.row.cells
    for col, item in SINGLE.items():
        if col not in d:
            continue
        code = parse_code(d[col])
        method = None
        if item == dv.TEMP:
            method = parse_site(d[COL_SITE]) if COL_SITE in d else (
                cells[dv.TEMP].current.method if dv.TEMP in cells and cells[dv.TEMP].current.method
                else DEFAULT_SITE)
        prior = cells.get(item)
        out.append(VitalValue(obs_id=new_id(), item=item, value=None if code else Decimal(d[col]),
                              code=code, method=method,
                              voids=prior.current.id if prior is not None else None))
    if COL_SITE in d and COL_TEMP not in d and dv.TEMP in cells:     # the site alone corrected
        prior_temp = cells[dv.TEMP].current
        out.append(VitalValue(obs_id=new_id(), item=dv.TEMP, value=prior_temp.value,
                              code=None if prior_temp.value is not None else prior_temp.code,
                              method=parse_site(d[COL_SITE]), voids=prior_temp.id))
    if COL_BP in d:
        code = parse_code(d[COL_BP])
        parts = (None, None) if code else tuple(Decimal(x) for x in re.split(r"\s*/\s*", d[COL_BP]))
        for item, number in zip((dv.SBP, dv.DBP), parts):
            prior = cells.get(item)
            out.append(VitalValue(obs_id=new_id(), item=item, value=number, code=code,
                                  voids=prior.current.id if prior is not None else None))
    if COL_COOLED in d:
        from datetime import timedelta

        from app.domain.vitals_due import cooling_retake_at

        prior = cells.get("cooled")
        when = min(cooling_retake_at(slot_at), datetime.now(slot_at.tzinfo) + timedelta(minutes=1))
        out.append(VitalValue(obs_id=new_id(), item=dv.TEMP, value=Decimal(d[COL_COOLED]),
                              method=dv.COOLED, measured_at=when,
                              voids=prior.current.id if prior is not None else None))
    if COL_EVENT in d:
        code, at = parse_event(d[COL_EVENT])
        local = slot_at.astimezone(zone)
        when = local.replace(hour=at.hour, minute=at.minute) if at else local
        out.append(VitalValue(obs_id=new_id(), item=dv.EVENT, code=code, measured_at=when))
    return tuple(out)
