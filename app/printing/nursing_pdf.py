"""The 护理记录单 on paper: the 一般护理记录单 (A4 portrait) and the 危重护理记录单 (A4 landscape,
with consciousness, pupils and intake/output), a table row per line, the heading row again on
every page, each form numbered on its own.

A corrected or voided line stays on paper struck through in grey with who struck it, when and
why; the line that corrects it follows at once, its note led by 【更正：why】 (留痕, as the
screen shows it). The form's words live in FORM_TEXT.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

from app.printing import flow
from app.printing.pdf_render import Publish, write_pdf
from app.printing.primitives import BLACK, RED, PageDrawing
from app.printing.record_pdf import RecordHeader

GENERAL, CRITICAL = "general", "critical"
FORM_TEXT = {
    "general": "一般护理记录单", "critical": "危重护理记录单",
    "time": "日期\n时间", "temp": "体温\n℃", "pulse": "脉搏\n次/分", "resp": "呼吸\n次/分",
    "bp": "血压\nmmHg", "spo2": "SpO2\n%", "consciousness": "意识", "pupils": "瞳孔mm\n左/右 对光",
    "intake": "入量\nml", "output": "出量\nml", "note": "病情观察及护理措施", "nurse": "签名",
    "corrected": "已更正（{who} {at}）：{reason}", "voided": "已作废（{who} {at}）：{reason}",
    "correction": "【更正：{reason}】",
}
CONSCIOUSNESS = {"alert": "清醒", "drowsy": "嗜睡", "confused": "意识模糊", "stupor": "昏睡",
                 "light_coma": "浅昏迷", "deep_coma": "深昏迷", "delirium": "谵妄", "sedated": "镇静"}
REFLEX = {"brisk": "+", "sluggish": "±", "absent": "－"}
IO_KINDS = {"iv": "静脉", "oral": "口服", "tube": "鼻饲", "blood": "输血", "urine": "尿", "stool": "大便",
            "vomit": "呕吐", "drainage": "引流", "gastric": "胃肠减压", "other": "其他"}
COLUMNS = {
    GENERAL: (("time", 22), ("temp", 12), ("pulse", 12), ("resp", 12), ("bp", 19), ("spo2", 11),
              ("note", 76), ("nurse", 16)),
    CRITICAL: (("time", 22), ("temp", 11), ("pulse", 11), ("resp", 11), ("bp", 18), ("spo2", 11),
               ("consciousness", 14), ("pupils", 20), ("intake", 22), ("output", 22), ("note", 89),
               ("nurse", 16)),
}
LEFT_COLUMNS = ("note", "intake", "output")
CELL_PT = 8.5


@dataclass(frozen=True)
class NursingRow:
    """One line of the record as app/services/nursing_records.py reads it."""

    recorded_at: datetime
    body: Mapping[str, Any]
    nurse: str
    state: str                          # current / corrected / voided
    correction_reason: Optional[str] = None     # this line corrects another, because ...
    struck_reason: Optional[str] = None         # this line was corrected or voided, because ...
    struck_by: str = ""
    struck_at: Optional[datetime] = None


def _local(value: datetime) -> datetime:
    return value.astimezone() if value.tzinfo is not None else value


def _mm(value: Any) -> str:
    text = str(value or "-")
    return text[:-2] if text.endswith(".0") else text


def cell_text(row: NursingRow, key: str) -> str:
    b = row.body
    v = b.get("vitals") or {}
    if key == "time":
        return _local(row.recorded_at).strftime("%m-%d\n%H:%M")
    if key in ("temp", "pulse", "resp", "spo2"):
        value = v.get(key)
        return "" if value in (None, "") else str(value)
    if key == "bp":
        return f"{v['sbp']}/{v['dbp']}" if "sbp" in v and "dbp" in v else ""
    if key == "consciousness":
        code = b.get("consciousness")
        return CONSCIOUSNESS.get(str(code), str(code)) if code else ""
    if key == "pupils":
        left, right = b.get("pupil_left"), b.get("pupil_right")
        ll, lr = b.get("light_left"), b.get("light_right")
        size = f"{_mm(left)}/{_mm(right)}" if left or right else ""
        marks = f"{REFLEX.get(str(ll), '-') if ll else '-'}/{REFLEX.get(str(lr), '-') if lr else '-'}" \
            if ll or lr else ""
        return "\n".join(x for x in (size, marks) if x)
    if key in ("intake", "output"):
        items = b.get(key) or []
        return "\n".join(f"{IO_KINDS.get(str(i['kind']), str(i['kind']))} {i['ml']}" for i in items)
    if key == "note":
        note = str(b.get("note") or "")
        if row.correction_reason:
            note = FORM_TEXT["correction"].format(reason=row.correction_reason) + note
        return note
    if key == "nurse":
        return row.nurse
    return ""


def _xs(rec_type: str, left: float) -> list[tuple[str, float, float]]:
    out, x = [], left
    for key, width in COLUMNS[rec_type]:
        out.append((key, x, float(width)))
        x += width
    return out


def head_row(rec_type: str, left: float) -> flow.Block:
    cells = [flow.Cell(x, w, FORM_TEXT[key], 8.0, center=True) for key, x, w in _xs(rec_type, left)]
    return flow.row(cells, group=rec_type, title=FORM_TEXT[rec_type], rule_top=True, bold_rule=True)


def line_row(rec_type: str, row: NursingRow, left: float) -> flow.Block:
    struck = row.state != "current"
    color = flow.GREY if struck else (flow.BLUE if row.correction_reason else BLACK)
    cells = []
    for key, x, w in _xs(rec_type, left):
        after = ""
        if key == "note" and struck:
            at = _local(row.struck_at).strftime("%m-%d %H:%M") if row.struck_at else ""
            after = FORM_TEXT["corrected" if row.state == "corrected" else "voided"].format(
                who=row.struck_by, at=at, reason=row.struck_reason or "")
        cells.append(flow.Cell(x, w, cell_text(row, key), CELL_PT, color, center=key not in LEFT_COLUMNS,
                               strike=struck, after=after, after_color=RED))
    return flow.row(cells, group=rec_type, title=FORM_TEXT[rec_type], min_height=9.0)


def frame_for(rec_type: str, header: RecordHeader) -> flow.Frame:
    frame = header.frame()
    return frame.landscape() if rec_type == CRITICAL else frame


def draw_record(rows_by_type: Mapping[str, Sequence[NursingRow]], header: RecordHeader) -> list[PageDrawing]:
    """Each record type present as its own form (its own page numbers), 一般 then 危重."""
    pages: list[PageDrawing] = []
    for rec_type in (GENERAL, CRITICAL):
        rows = rows_by_type.get(rec_type)
        if not rows:
            continue
        frame = frame_for(rec_type, header)
        blocks = [line_row(rec_type, r, frame.left_mm) for r in rows]
        pages += flow.draw(blocks, frame, {rec_type: head_row(rec_type, frame.left_mm)}, FORM_TEXT[rec_type])
    return pages


def title_of(header: RecordHeader) -> str:
    return f"护理记录单 {header.patient_name} {header.mrn}"


def write_record(rows_by_type: Mapping[str, Sequence[NursingRow]], header: RecordHeader, out: Path,
                 before_publish: Publish = None) -> int:
    pages = draw_record(rows_by_type, header)
    write_pdf(pages, out, title_of(header), before_publish)
    return len(pages)
