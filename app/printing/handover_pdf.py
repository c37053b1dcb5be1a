"""The shift handover reports on paper: the nurses' 交接班报告 (the shift's counts, the check
现有 = 原有 + 入院 + 转入 − 出院 − 转出 − 死亡, the patients in CLINICAL.md's order, the handing and
the receiving nurse) and the doctors' 交接班记录 (I-PASS per patient, the handing and the
acknowledging doctor). A ward's report: the header of every page is the ward and the shift; each
patient row carries its bed, name and diagnosis. The form's words live in FORM_TEXT.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

from app.printing import flow
from app.printing.pdf_render import Publish, write_pdf
from app.printing.primitives import BLACK, RED, PageDrawing
from app.printing.record_pdf import stamp

NURSE, DOCTOR = "nurse", "doctor"
COUNT_KEYS = ("original", "admitted", "discharged", "transfer_in", "transfer_out", "died", "critical",
              "serious", "surgery", "delivery", "current")
FORM_TEXT = {
    "nurse_title": "护士交接班报告", "doctor_title": "医生交接班记录",
    "ward": "病区：{name}", "date": "日期：{day}", "shift": "班次：{label}", "handed_at": "交班时间：{at}",
    "original": "原有", "admitted": "入院", "discharged": "出院", "transfer_in": "转入",
    "transfer_out": "转出", "died": "死亡", "critical": "病危", "serious": "病重", "surgery": "手术",
    "delivery": "分娩", "current": "现有",
    "check": "核对：原有 {original} + 入院 {admitted} + 转入 {transfer_in} － 出院 {discharged} － 转出 "
             "{transfer_out} － 死亡 {died} ＝ {expected}，现有 {current}",
    "holds": "（相符）", "differs": "（不符，说明：{why}）",
    "bed": "床号", "name": "姓名", "diagnosis": "诊断", "content": "交班内容", "severity": "病情",
    "vitals": "生命体征：{text}", "pending": "待办：{text}",
    "summary": "病情摘要：{text}", "actions": "待办事项：{text}", "awareness": "应对预案：{text}",
    "takes_over": "（接班医师接管为经治医师）",
    "nurse_from": "交班护士：{name}　{at}", "nurse_to": "接班护士：{name}　{at}",
    "doctor_from": "交班医师：{name}　{at}", "doctor_to": "接班医师：{name}　{at}",
    "not_received": "（未接班）", "draft": "（草稿，尚未交班）",
}
SHIFT_NAMES = {"day": "白班", "evening": "小夜班", "night": "大夜班"}
TWO_SHIFT_NAMES = {"day": "白班", "night": "夜班"}
GROUP_NAMES = {"leaving": "出院 / 转出 / 死亡", "arriving": "入院 / 转入", "surgery": "手术",
               "delivery": "分娩", "acute": "病危 / 病重", "abnormal": "生命体征异常"}
SEVERITY = {"critical": "不稳定", "watcher": "需关注", "stable": "稳定"}
NURSE_COLUMNS = (("bed", 12), ("name", 18), ("diagnosis", 34), ("content", 116))
DOCTOR_COLUMNS = (("bed", 12), ("name", 16), ("diagnosis", 32), ("severity", 16), ("content", 104))
CELL_PT = 8.5


@dataclass(frozen=True)
class NurseReport:
    hospital: str
    ward_name: str
    shift_date: date
    shift_code: str
    shift_codes: tuple[str, ...]           # the ward's shifts (白/小夜/大夜 or 日/夜)
    start: datetime
    end: datetime
    status: str                            # draft / handed / received
    counts: Mapping[str, Any]
    explanation: str
    entries: tuple[Mapping[str, Any], ...]
    handed_by: str
    handed_at: Optional[datetime]
    received_by: str
    received_at: Optional[datetime]

    def shift_label(self) -> str:
        names = SHIFT_NAMES if "evening" in self.shift_codes else TWO_SHIFT_NAMES
        def hm(v: datetime) -> str:
            return (v.astimezone() if v.tzinfo is not None else v).strftime("%H:%M")
        return f"{names.get(self.shift_code, self.shift_code)} {hm(self.start)}–{hm(self.end)}"


@dataclass(frozen=True)
class DoctorEntry:
    bed_no: str
    name: str
    mrn: str
    diagnosis: str
    severity: str
    summary: str
    actions: str
    awareness: str
    takes_over: bool = False


@dataclass(frozen=True)
class DoctorReport:
    hospital: str
    ward_name: str
    handed_at: datetime
    from_name: str
    ack_name: str
    ack_at: Optional[datetime]
    entries: tuple[DoctorEntry, ...]


def _cells(columns: Sequence[tuple[str, int]], left: float, texts: Mapping[str, str],
           size: float = CELL_PT, center: Sequence[str] = ()) -> list[flow.Cell]:
    out, x = [], left
    for key, width in columns:
        out.append(flow.Cell(x, float(width), texts.get(key, ""), size, center=key in center))
        x += width
    return out


def _sign_line(left: str, right: str, right_color: Any, x: float, width: float,
               title: str) -> list[flow.Block]:
    half = width / 2
    blocks = flow.paragraph(left, x, half, 10, title=title)
    other = flow.paragraph(right, x + half, half, 10, color=right_color, title=title)
    return [flow.spacer(3.0, title=title, keep_with_next=True),
            flow.Block(max(b.height for b in blocks[:1] + other[:1]),
                       blocks[0].items + other[0].items, title=title)]


def nurse_blocks(report: NurseReport, frame: flow.Frame) -> tuple[list[flow.Block], dict[str, flow.Block]]:
    t = FORM_TEXT
    title = t["nurse_title"]
    x, width = frame.left_mm, frame.body_width
    w = width / len(COUNT_KEYS)
    labels = [flow.Cell(x + i * w, w, t[k], 9, center=True) for i, k in enumerate(COUNT_KEYS)]
    values = [flow.Cell(x + i * w, w, str(report.counts.get(k, "")), 10, center=True)
              for i, k in enumerate(COUNT_KEYS)]
    blocks = [flow.row(labels, title=title, rule_top=True, keep_with_next=True),
              flow.row(values, title=title, min_height=7.0)]
    c = {k: report.counts.get(k, 0) for k in COUNT_KEYS}
    expected = (c["original"] + c["admitted"] + c["transfer_in"]
                - c["discharged"] - c["transfer_out"] - c["died"])
    check = t["check"].format(expected=expected, **c)
    holds = expected == c["current"]
    mark = t["holds"] if holds else t["differs"].format(why=report.explanation or "—")
    blocks.append(flow.spacer(2.0, title=title))
    blocks += flow.paragraph(check + mark, x, width, 9.5, color=BLACK if holds else RED, title=title)
    blocks.append(flow.spacer(3.0, title=title))
    head = flow.row(_cells(NURSE_COLUMNS, x, {k: t[k] for k, _w in NURSE_COLUMNS}, 9, ("bed", "name")),
                    group="patients", title=title, rule_top=True, bold_rule=True)
    group = ""
    for e in report.entries:
        if e.get("group") != group:
            group = str(e.get("group") or "")
            blocks.append(flow.row([flow.Cell(x, width, GROUP_NAMES.get(group, group), 9)],
                                   group="patients", title=title, keep_with_next=True))
        parts = [str(e.get("events") or "")]
        if e.get("vitals"):
            parts.append(t["vitals"].format(text=e["vitals"]))
        if e.get("pending"):
            parts.append(t["pending"].format(text=e["pending"]))
        texts = {"bed": str(e.get("bed_no") or ""), "name": str(e.get("patient_name") or ""),
                 "diagnosis": str(e.get("diagnosis") or ""), "content": "\n".join(p for p in parts if p)}
        blocks.append(flow.row(_cells(NURSE_COLUMNS, x, texts, center=("bed", "name")), group="patients",
                               title=title, min_height=8.0))
    if report.status == "draft":
        blocks.append(flow.spacer(3.0, title=title, keep_with_next=True))
        blocks += flow.paragraph(t["draft"], x, width, 10, color=RED, title=title)
    else:
        received = t["nurse_to"].format(name=report.received_by, at=stamp(report.received_at)) \
            if report.received_by else t["nurse_to"].format(name=t["not_received"], at="")
        blocks += _sign_line(t["nurse_from"].format(name=report.handed_by, at=stamp(report.handed_at)),
                             received, BLACK if report.received_by else RED, x, width, title)
    return blocks, {"patients": head}


def doctor_blocks(report: DoctorReport, frame: flow.Frame) -> tuple[list[flow.Block], dict[str, flow.Block]]:
    t = FORM_TEXT
    title = t["doctor_title"]
    x, width = frame.left_mm, frame.body_width
    head = flow.row(_cells(DOCTOR_COLUMNS, x, {k: t[k] for k, _w in DOCTOR_COLUMNS}, 9,
                           ("bed", "name", "severity")), group="patients", title=title, rule_top=True,
                    bold_rule=True)
    blocks: list[flow.Block] = []
    for e in report.entries:
        parts = [t["summary"].format(text=e.summary)]
        if e.actions:
            parts.append(t["actions"].format(text=e.actions))
        if e.awareness:
            parts.append(t["awareness"].format(text=e.awareness))
        if e.takes_over:
            parts.append(t["takes_over"])
        texts = {"bed": e.bed_no, "name": e.name, "diagnosis": e.diagnosis,
                 "severity": SEVERITY.get(e.severity, e.severity), "content": "\n".join(parts)}
        blocks.append(flow.row(_cells(DOCTOR_COLUMNS, x, texts, center=("bed", "name", "severity")),
                               group="patients", title=title, min_height=8.0))
    received = t["doctor_to"].format(name=report.ack_name, at=stamp(report.ack_at)) if report.ack_name \
        else t["doctor_to"].format(name=t["not_received"], at="")
    blocks += _sign_line(t["doctor_from"].format(name=report.from_name, at=stamp(report.handed_at)),
                         received, BLACK if report.ack_name else RED, x, width, title)
    return blocks, {"patients": head}


def draw_nurse_report(report: NurseReport) -> list[PageDrawing]:
    t = FORM_TEXT
    frame = flow.Frame(report.hospital, (t["ward"].format(name=report.ward_name),
                                         t["date"].format(day=report.shift_date.isoformat()),
                                         t["shift"].format(label=report.shift_label())))
    blocks, heads = nurse_blocks(report, frame)
    return flow.draw(blocks, frame, heads, t["nurse_title"])


def draw_doctor_report(report: DoctorReport) -> list[PageDrawing]:
    t = FORM_TEXT
    frame = flow.Frame(report.hospital, (t["ward"].format(name=report.ward_name),
                                         t["handed_at"].format(at=stamp(report.handed_at))))
    blocks, heads = doctor_blocks(report, frame)
    return flow.draw(blocks, frame, heads, t["doctor_title"])


def report_title(report: Any) -> str:
    """The PDF's title: the report's kind, the ward and the shift (or the time handed over)."""
    if isinstance(report, NurseReport):
        return f"{FORM_TEXT['nurse_title']} {report.ward_name} {report.shift_date} {report.shift_label()}"
    return f"{FORM_TEXT['doctor_title']} {report.ward_name} {stamp(report.handed_at)}"


def write_report(report: Any, out: Path, before_publish: Publish = None) -> int:
    """A NurseReport or a DoctorReport as a PDF (atomically); returns the page count."""
    pages = draw_nurse_report(report) if isinstance(report, NurseReport) else draw_doctor_report(report)
    write_pdf(pages, out, report_title(report), before_publish)
    return len(pages)
