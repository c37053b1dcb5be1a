"""Infusion labels (瓶签): one label a page, the label printer's stock size (a ward setting,
80 x 50 mm by default), for each infusion item of the day (a group: one label, every drug).

A label shows the bed, name and 住院号 at the top, the drugs with their doses, the route, the
frequency and the planned time, and at the bottom a Code 128 barcode of the execution id
(app/domain/execution.py label_code) with its text under it: the execution screen takes the scan
like a wristband's. The bars are filled rectangles among the page's primitives, from reportlab's
own Code 128 encoder (its checksum and code-set choice), so the PDF, the preview and the printer
draw the same bars; each bar's edges are on whole modules, at least 10 modules of quiet zone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Sequence

from app.printing.exec_sheet import drug_lines
from app.printing.pdf_render import Publish, measure_mm, write_pdf
from app.printing.primitives import Line, PageDrawing, Primitive, Rect, Text

MARGIN = 2.5
QUIET_MODULES = 10
MAX_MODULE_MM = 0.5
DRUG_PT, MIN_DRUG_PT = 9.5, 6.5
WORDS = {"bed": "{bed}床", "mrn": "住院号 {mrn}", "rate": "滴速 {rate}"}


@dataclass(frozen=True)
class LabelData:
    code: str                                   # what the barcode holds
    bed_no: str
    name: str
    mrn: str
    ward_name: str
    drugs: tuple[tuple[str, str], ...]          # (the drug as ordered, with its group mark; the dose)
    route: str
    freq: str
    planned: str                                # HH:MM
    day: date
    rate: str = ""


def code128_modules(value: str) -> list[int]:
    """The barcode's elements in modules, bar first, bars and spaces alternating (with the
    start, checksum and stop patterns). reportlab spells a bar of n modules as the n-th capital
    letter and a space as the n-th small one."""
    from reportlab.graphics.barcode.code128 import Code128

    symbol = Code128(value, quiet=0)
    symbol.validate()
    symbol.encode()
    pattern = symbol.decompose()
    elements = [ord(ch.lower()) - ord("a") + 1 for ch in pattern]
    if not pattern or any(ch.isupper() != (n % 2 == 0) for n, ch in enumerate(pattern)):
        raise ValueError(f"unexpected Code 128 pattern for {value!r}")
    return elements


def barcode_bars(value: str, x: float, top: float, width: float, height: float) -> list[Primitive]:
    """`value`'s bars centred in the box, the widest module that leaves the quiet zones."""
    elements = code128_modules(value)
    total = sum(elements)
    module = min(MAX_MODULE_MM, width / (total + 2 * QUIET_MODULES))
    left = x + (width - total * module) / 2
    bars: list[Primitive] = []
    at = 0
    for n, w in enumerate(elements):
        if n % 2 == 0:
            bars.append(Rect(left + at * module, top, w * module, height, 0.0, fill=True))
        at += w
    return bars


def draw_label(label: LabelData, size: tuple[float, float], number: int = 1) -> list[PageDrawing]:
    """The label's page; a group whose drugs do not all fit even at the smallest size goes on
    as many labels as it needs, each whole (patient, barcode, time) and marked 1/2, 2/2: no drug
    is ever left off a label."""
    width, height = size
    inner = width - 2 * MARGIN
    frame: list[Primitive] = []
    # top: bed and name large, 住院号 at the right
    bed = WORDS["bed"].format(bed=label.bed_no) if label.bed_no else ""
    top_base = MARGIN + 4.6
    x = MARGIN
    if bed:
        frame.append(Text(x, top_base, bed, 13))
        x += measure_mm(bed, 13) + 2.5
    mrn = WORDS["mrn"].format(mrn=label.mrn)
    mrn_pt = 8.5 if width >= 70 else 7.0
    mrn_x = width - MARGIN - measure_mm(mrn, mrn_pt)
    name_pt = 12.0                          # the name shrinks rather than run into the 住院号
    while name_pt > 7 and x + measure_mm(label.name, name_pt) > mrn_x - 1.5:
        name_pt -= 0.5
    frame.append(Text(x, top_base, label.name, name_pt))
    frame.append(Text(mrn_x, top_base, mrn, mrn_pt))
    rule_y = top_base + 1.8
    frame.append(Line(MARGIN, rule_y, width - MARGIN, rule_y, 0.6))
    # bottom: the barcode, its text under it; the route, frequency and time above it
    code_base = height - MARGIN + 0.3
    bar_h = max(7.0, min(12.0, height * 0.2))
    bar_top = code_base - 2.6 - bar_h
    frame += barcode_bars(label.code, MARGIN, bar_top, inner, bar_h)
    frame.append(Text(MARGIN, code_base, label.code, 6.0, center_w=inner))
    info_base = bar_top - 1.6
    size_info = 9.0
    line_y = info_base - size_info * 0.3528 - 0.9
    frame.append(Line(MARGIN, line_y, width - MARGIN, line_y, 0.3))
    drug_pt, chunks = _drug_chunks(label, rule_y + 0.8, inner, line_y - 0.6)
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        when = f"{label.day.strftime('%m-%d')} {label.planned}"
        info = "  ".join(p for p in (label.route, label.freq, when,
                                     WORDS["rate"].format(rate=label.rate) if label.rate else "",
                                     f"{n}/{len(chunks)}" if len(chunks) > 1 else "") if p)
        fit = size_info
        while fit > 6 and measure_mm(info, fit) > inner:
            fit -= 0.5
        items = [*frame, Text(MARGIN, info_base, info, fit)]
        for row, (text, dose, indent) in enumerate(chunk):
            baseline = rule_y + 0.8 + (row + 1) * drug_pt * LINE - 0.4
            items.append(Text(MARGIN + indent, baseline, text, drug_pt))
            if dose:
                items.append(Text(MARGIN + inner - measure_mm(dose, drug_pt), baseline, dose, drug_pt))
        pages.append(PageDrawing(number + n - 1, width, height, tuple(items)))
    return pages


LINE = 0.3528 * 1.25           # a line of drugs: 1.25 times the size (points to mm)


def _drug_chunks(label: LabelData, top: float, width: float,
                 bottom: float) -> tuple[float, list[list[tuple[str, str, float]]]]:
    """The drugs' lines (wrapped, the dose at the right of each drug's first line) at the
    largest size that fits the room, cut into one label's worth each."""
    size = DRUG_PT
    while True:
        dose_w = max((measure_mm(d, size) for _t, d in label.drugs), default=0.0)
        lines: list[tuple[str, str, float]] = []
        for text, dose in label.drugs:
            lines += drug_lines(text, dose, width - dose_w - 2.0, partial(_measure, size=size))
        room = max(1, int((bottom - top) // (size * LINE)))
        if len(lines) <= room or size <= MIN_DRUG_PT:
            break
        size -= 0.5
    return size, [lines[i:i + room] for i in range(0, len(lines), room)] or [[]]


def _measure(text: str, size: float) -> float:
    return measure_mm(text, size)


def write_labels(labels: Sequence[LabelData], size: tuple[float, float], out: Path,
                 before_publish: Publish = None) -> int:
    """A page a label, the page the label's size, atomically; returns the pages written."""
    pages: list[PageDrawing] = []
    for label in labels:
        pages += draw_label(label, size, len(pages) + 1)
    write_pdf(pages, out, f"瓶签 {labels[0].ward_name} {labels[0].day.isoformat()}", before_publish)
    return len(pages)
