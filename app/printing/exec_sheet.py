"""The day's execution sheets (执行单, CLINICAL.md §2) as A4 pages of primitives
(app/printing/primitives.py): one sheet per kind (输液, 口服, 注射 ...), each from its own page 1,
every page with the hospital, the title, the ward, the day (and the patient, for one patient's
print), its page number and the column headings. A row is one execution item: bed, name,
住院号, the order (a group's every drug, wrapped in its column), dose, route, frequency, planned
time, and the execution time and nurse's signature (blank to sign, or what is already recorded).
A row is never cut by a page break: a row that does not fit goes whole to the next page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from app.printing.pdf_render import Publish, measure_mm, write_pdf
from app.printing.primitives import Line, PageDrawing, Primitive, Rect, Text
from app.printing.sheet_layout import wrap

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP_TABLE, BOTTOM = 10.0, 200.0, 33.0, 285.0
HEAD_H = 8.0                 # the column headings' row
TEXT_PT, LINE_MM, PAD_MM = 9.0, 4.2, 1.3
MIN_ROW_MM = 7.5             # room for a signature

# The form's words: the same on every PC (a printed form, as the 医嘱单's FORM_TEXT).
KIND_TITLES = {"infusion": "输液执行单", "oral": "口服药执行单", "injection": "注射执行单",
               "treatment": "治疗执行单", "care": "护理执行单", "skin_test": "皮试执行单",
               "specimen": "标本采集执行单", "diet": "饮食执行单"}
WORDS = {"ward": "病区", "day": "日期", "patient": "患者", "page": "第 {n} 页 / 共 {of} 页",
         "rate": "滴速"}
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("bed", "床号", 10.0), ("name", "姓名", 16.0), ("mrn", "住院号", 20.0), ("content", "医嘱内容", 55.0),
    ("dose", "剂量", 14.5), ("route", "途径", 13.5), ("freq", "频次", 11.0), ("planned", "计划时间", 15.0),
    ("done_at", "执行时间", 15.0), ("signed", "执行护士签名", 20.0))


@dataclass(frozen=True)
class ExecSheetHeader:
    hospital: str
    ward_name: str
    day: date
    patient_text: str = ""           # one patient's print: "12床 张三 住院号 ..."


@dataclass(frozen=True)
class SheetRow:
    bed_no: str
    name: str
    mrn: str
    drugs: tuple[tuple[str, str], ...]     # (the drug as ordered, with its group mark; the dose)
    route: str
    freq: str
    planned: str                           # HH:MM
    rate: str = ""
    done_at: str = ""
    signed: str = ""


@dataclass(frozen=True)
class SheetSection:
    kind: str
    rows: tuple[SheetRow, ...]


def column_x(key: str) -> tuple[float, float]:
    x = LEFT
    for k, _title, w in COLUMNS:
        if k == key:
            return x, w
        x += w
    raise KeyError(key)


@dataclass(frozen=True)
class _Laid:
    """A row's lines: the content's wrapped lines, each with the dose it starts (or '') and its
    indent (a drug's wrapped lines start under its name, not under the group mark)."""

    row: SheetRow
    lines: tuple[tuple[str, str, float], ...]

    @property
    def height(self) -> float:
        return max(MIN_ROW_MM, len(self.lines) * LINE_MM + 2 * PAD_MM)


def _lay(row: SheetRow, measure: Callable[[str], float]) -> _Laid:
    _x, w = column_x("content")
    lines: list[tuple[str, str, float]] = []
    for text, dose in row.drugs:
        lines += drug_lines(text, dose, w - 2 * PAD_MM, measure)
    if row.rate:
        lines += [(part, "", 0.0) for part in wrap(f"{WORDS['rate']}：{row.rate}", w - 2 * PAD_MM, measure)]
    return _Laid(row, tuple(lines or [("", "", 0.0)]))


GROUP_MARKS = "┌│└"


def drug_lines(text: str, dose: str, width: float,
               measure: Callable[[str], float]) -> list[tuple[str, str, float]]:
    """A drug's text wrapped to `width`: (line, the dose on its first line, indent in mm); the
    lines after the first start under the drug's name, clear of its group mark."""
    mark = text[0] if text[:1] and text[0] in GROUP_MARKS else ""
    indent = measure(mark) if mark else 0.0
    parts = wrap(text[len(mark):], width - indent, measure)
    return [((mark if n == 0 else "") + part, dose if n == 0 else "", 0.0 if n == 0 else indent)
            for n, part in enumerate(parts)]


def paginate(rows: Sequence[SheetRow], measure: Callable[[str], float]) -> list[list[_Laid]]:
    """Rows onto pages: a row goes whole onto the page it fits, else onto the next (a row taller
    than a whole page, which no order is, gets a page of its own)."""
    pages: list[list[_Laid]] = [[]]
    used = 0.0
    room = BOTTOM - TOP_TABLE - HEAD_H
    for row in rows:
        laid = _lay(row, measure)
        if pages[-1] and used + laid.height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(laid)
        used += laid.height
    return pages


def draw_sections(header: ExecSheetHeader, sections: Sequence[SheetSection]) -> list[PageDrawing]:
    """Every section's pages, each section numbered from its own page 1."""
    def measure(text: str) -> float:
        return measure_mm(text, TEXT_PT)

    out: list[PageDrawing] = []
    for section in sections:
        pages = paginate(section.rows, measure)
        for n, laid in enumerate(pages, start=1):
            items = _page(header, section.kind, n, len(pages), laid)
            out.append(PageDrawing(n, PAGE_W, PAGE_H, tuple(items)))
    return out


def write_exec_sheets(header: ExecSheetHeader, sections: Sequence[SheetSection], out: Path,
                      before_publish: Publish = None) -> int:
    """The sheets as one PDF (atomically, as pdf_render writes); returns the pages written."""
    pages = draw_sections(header, sections)
    kinds = "、".join(KIND_TITLES.get(s.kind, s.kind) for s in sections)
    who = header.patient_text or header.ward_name
    write_pdf(pages, out, f"{kinds} {who} {header.day.isoformat()}", before_publish)
    return len(pages)


def _fit(text: str, width: float, size: float = TEXT_PT) -> float:
    """The size `text` fits `width` at (down to 6 pt)."""
    while size > 6 and measure_mm(text, size) > width:
        size -= 0.5
    return size


def _page(header: ExecSheetHeader, kind: str, number: int, pages: int,
          rows: Sequence[_Laid]) -> list[Primitive]:
    items: list[Primitive] = []
    width = RIGHT - LEFT
    items.append(Text(LEFT, 12.0, header.hospital, 12, center_w=width))
    items.append(Text(LEFT, 20.5, KIND_TITLES.get(kind, kind), 16, center_w=width))
    parts = [f"{WORDS['ward']}：{header.ward_name}", f"{WORDS['day']}：{header.day.isoformat()}"]
    if header.patient_text:
        parts.append(f"{WORDS['patient']}：{header.patient_text}")
    x = LEFT
    for part in parts:
        items.append(Text(x, 29.0, part, 10))
        x += measure_mm(part, 10) + 7
    page = WORDS["page"].format(n=number, of=pages)
    items.append(Text(RIGHT - measure_mm(page, 10), 29.0, page, 10))
    table_bottom = TOP_TABLE + HEAD_H + sum(r.height for r in rows)
    items.append(Rect(LEFT, TOP_TABLE, width, table_bottom - TOP_TABLE, 0.8))
    for key, title, w in COLUMNS:
        x0, _w = column_x(key)
        if x0 > LEFT:
            items.append(Line(x0, TOP_TABLE, x0, table_bottom))
        items.append(Text(x0, TOP_TABLE + HEAD_H / 2 + 1.2, title, _fit(title, w - 1.0, 8.5), center_w=w))
    top = TOP_TABLE + HEAD_H
    items.append(Line(LEFT, top, RIGHT, top, 0.6))
    for laid in rows:
        items += _row(laid, top)
        top += laid.height
        items.append(Line(LEFT, top, RIGHT, top))
    return items


def _row(laid: _Laid, top: float) -> list[Primitive]:
    row = laid.row
    first = top + PAD_MM + LINE_MM - 1.0             # the first line's baseline
    out: list[Primitive] = []
    for key, value in (("bed", row.bed_no), ("name", row.name), ("mrn", row.mrn), ("route", row.route),
                       ("freq", row.freq), ("planned", row.planned), ("done_at", row.done_at),
                       ("signed", row.signed)):
        if value:
            x0, w = column_x(key)
            out.append(Text(x0, first, value, _fit(value, w - 1.0), center_w=w))
    cx, _cw = column_x("content")
    dx, dw = column_x("dose")
    for n, (text, dose, indent) in enumerate(laid.lines):
        baseline = first + n * LINE_MM
        if text:
            out.append(Text(cx + PAD_MM + indent, baseline, text, TEXT_PT))
        if dose:
            out.append(Text(dx, baseline, dose, _fit(dose, dw - 1.0), center_w=dw))
    return out
