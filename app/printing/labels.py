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

from app.printing.pdf_render import Publish, measure_mm, write_pdf
from app.printing.primitives import Line, PageDrawing, Primitive, Rect, Text
from app.printing.sheet_layout import wrap

MARGIN = 2.5
QUIET_MODULES = 10
MAX_MODULE_MM = 0.5
DRUG_PT, MIN_DRUG_PT = 9.5, 6.5
WORDS = {"bed": "{bed}床", "mrn": "住院号 {mrn}", "rate": "滴速 {rate}", "more": "…（共 {n} 种）"}


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


def draw_label(label: LabelData, size: tuple[float, float], number: int = 1) -> PageDrawing:
    width, height = size
    inner = width - 2 * MARGIN
    items: list[Primitive] = []
    # top: bed and name large, 住院号 at the right
    bed = WORDS["bed"].format(bed=label.bed_no) if label.bed_no else ""
    top_base = MARGIN + 4.6
    x = MARGIN
    if bed:
        items.append(Text(x, top_base, bed, 13))
        x += measure_mm(bed, 13) + 2.5
    items.append(Text(x, top_base, label.name, 12))
    mrn = WORDS["mrn"].format(mrn=label.mrn)
    items.append(Text(width - MARGIN - measure_mm(mrn, 8.5), top_base, mrn, 8.5))
    rule_y = top_base + 1.8
    items.append(Line(MARGIN, rule_y, width - MARGIN, rule_y, 0.6))
    # bottom: the barcode, its text under it; the route, frequency and time above it
    code_pt = 6.0
    code_base = height - MARGIN + 0.3
    bar_bottom = code_base - 2.6
    bar_h = max(7.0, min(12.0, height * 0.2))
    bar_top = bar_bottom - bar_h
    items += barcode_bars(label.code, MARGIN, bar_top, inner, bar_h)
    items.append(Text(MARGIN, code_base, label.code, code_pt, center_w=inner))
    info_base = bar_top - 1.6
    info = "  ".join(p for p in (label.route, label.freq, f"{label.day.strftime('%m-%d')} {label.planned}",
                                 WORDS["rate"].format(rate=label.rate) if label.rate else "") if p)
    size_info = 9.0
    while size_info > 6 and measure_mm(info, size_info) > inner:
        size_info -= 0.5
    items.append(Text(MARGIN, info_base, info, size_info))
    line_y = info_base - size_info * 0.3528 - 0.9
    items.append(Line(MARGIN, line_y, width - MARGIN, line_y, 0.3))
    items += _drugs(label, MARGIN, rule_y + 0.8, inner, line_y - 0.6)
    return PageDrawing(number, width, height, tuple(items))


def _drugs(label: LabelData, x: float, top: float, width: float, bottom: float) -> list[Primitive]:
    """The drugs (wrapped, the dose at the right of each drug's first line), at the largest size
    that fits the room; what still does not fit ends in "…（共 N 种）"."""
    size = DRUG_PT
    while True:
        line_mm = size * 0.3528 * 1.25
        dose_w = max((measure_mm(d, size) for _t, d in label.drugs), default=0.0)
        lines: list[tuple[str, str]] = []
        for text, dose in label.drugs:
            for n, part in enumerate(wrap(text, width - dose_w - 2.0, partial(_measure, size=size))):
                lines.append((part, dose if n == 0 else ""))
        room = int((bottom - top) // line_mm)
        if len(lines) <= room or size <= MIN_DRUG_PT:
            break
        size -= 0.5
    if len(lines) > room:
        lines = [*lines[:max(0, room - 1)], (WORDS["more"].format(n=len(label.drugs)), "")]
    out: list[Primitive] = []
    for n, (text, dose) in enumerate(lines):
        baseline = top + (n + 1) * line_mm - 0.4
        out.append(Text(x, baseline, text, size))
        if dose:
            out.append(Text(x + width - measure_mm(dose, size), baseline, dose, size))
    return out


def _measure(text: str, size: float) -> float:
    return measure_mm(text, size)


def write_labels(labels: Sequence[LabelData], size: tuple[float, float], out: Path,
                 before_publish: Publish = None) -> int:
    """A page a label, the page the label's size, atomically; returns the labels written."""
    pages = [draw_label(label, size, n) for n, label in enumerate(labels, start=1)]
    write_pdf(pages, out, f"瓶签 {labels[0].ward_name} {labels[0].day.isoformat()}", before_publish)
    return len(pages)
