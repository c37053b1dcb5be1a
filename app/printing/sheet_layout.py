"""Where each line of a 长期/临时医嘱单 goes on paper, and what a 续打 (continuation print) adds.

Pure layout, no PDF and no Qt: the sheet's columns in millimetres, rows per page, long content
wrapped onto as many rows as it needs (never split across pages), and the placement rule of
CLINICAL.md §1 "Printed sheets": a line printed once keeps its page and row for ever; a new line
goes to the next free row after everything printed; a stop printed later goes into the stop
columns of the line already on paper; a voided line gets its red 取消 there too.

`measure(text) -> width in mm` comes from the painter (the PDF font's metrics), so the layout
wraps exactly as the page will be drawn.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable, Optional

LONG = "long"
TEMP = "temp"

Measure = Callable[[str], float]

# What a print record says was put on paper for an order (app/services/print_cmds.py).
PRINTED_LINE = "line"
PRINTED_STOP = "stop"
PRINTED_CANCEL = "cancel"


@dataclass(frozen=True)
class Column:
    key: str                  # start_date, start_time, content, doctor, nurse, stop_date ...
    width_mm: float
    group: str = ""           # a heading over several columns (起始 / 停止 / 执行)


@dataclass(frozen=True)
class SheetSpec:
    kind: str
    columns: tuple[Column, ...]
    rows_per_page: int = 24
    row_mm: float = 8.6
    left_mm: float = 15.0
    top_mm: float = 44.0             # the first row's top edge, below the title and the header
    page_w_mm: float = 210.0
    page_h_mm: float = 297.0

    def column_x(self, key: str) -> tuple[float, float]:
        """Left edge and width (mm) of a column."""
        x = self.left_mm
        for c in self.columns:
            if c.key == key:
                return x, c.width_mm
            x += c.width_mm
        raise KeyError(key)

    @property
    def width_mm(self) -> float:
        return sum(c.width_mm for c in self.columns)

    def row_top(self, row: int) -> float:
        return self.top_mm + row * self.row_mm


LONG_SHEET = SheetSpec(LONG, (
    Column("start_date", 15, "start"), Column("start_time", 11, "start"),
    Column("content", 70), Column("doctor", 16), Column("nurse", 16),
    Column("stop_date", 15, "stop"), Column("stop_time", 11, "stop"),
    Column("stop_doctor", 13, "stop"), Column("stop_nurse", 13, "stop"),
))
TEMP_SHEET = SheetSpec(TEMP, (
    Column("start_date", 15), Column("start_time", 11),
    Column("content", 86), Column("doctor", 18),
    Column("exec_time", 27, "exec"), Column("exec_nurse", 18, "exec"),
))
SHEETS = {LONG: LONG_SHEET, TEMP: TEMP_SHEET}
CONTENT_PAD_MM = 1.2


@dataclass(frozen=True)
class PrintLine:
    """One order's line as the sheet shows it now (from app.services.orders.sheet_lines)."""

    order_id: str
    start: Optional[datetime]
    content: str
    doctor: str
    nurse: str
    stop: Optional[datetime] = None
    stop_doctor: str = ""
    stop_nurse: str = ""
    red: bool = False
    cancelled: bool = False


@dataclass(frozen=True)
class Placement:
    """Where an order's line is on paper (recorded when it was printed)."""

    order_id: str
    page: int                        # 1-based, the sheet's page number
    row: int                         # 0-based row on that page
    span: int                        # rows it takes (wrapped content)
    stop_printed: bool = False
    cancel_printed: bool = False


@dataclass(frozen=True)
class PlacedLine:
    line: PrintLine
    page: int
    row: int
    wrapped: tuple[str, ...]         # the content, one string per row
    new: bool                        # not on paper yet: print it all
    add_stop: bool                   # on paper without its stop: print the stop columns
    add_cancel: bool                 # on paper, voided since: print the red 取消


@dataclass(frozen=True)
class SheetPlan:
    spec: SheetSpec
    lines: tuple[PlacedLine, ...]
    pages: int

    def page_lines(self, page: int) -> list[PlacedLine]:
        return [p for p in self.lines if p.page == page]

    def continuation_pages(self) -> list[int]:
        """Pages a 续打 touches: where a new line, a stop or a 取消 lands."""
        return sorted({p.page for p in self.lines if p.new or p.add_stop or p.add_cancel})

    def fresh_pages(self, printed: Iterable[Placement]) -> set[int]:
        """Pages never printed before: a 续打 prints them whole (header, grid and lines)."""
        return set(range(1, self.pages + 1)) - {p.page for p in printed}


def wrap(text: str, width_mm: float, measure: Measure) -> tuple[str, ...]:
    """Break `text` into rows no wider than `width_mm`; Chinese breaks anywhere, an ASCII word
    (a dose like 250ml, a drug's English name) stays whole when it fits a row."""
    if not text:
        return ("",)
    rows: list[str] = []
    current = ""
    tokens = _tokens(text)
    for token in tokens:
        if measure(current + token) <= width_mm:
            current += token
            continue
        if current:
            rows.append(current.rstrip())
            current = token.lstrip()
        else:
            current = token
        while measure(current) > width_mm and len(current) > 1:     # one token too wide: cut it
            cut = len(current) - 1
            while cut > 1 and measure(current[:cut]) > width_mm:
                cut -= 1
            rows.append(current[:cut])
            current = current[cut:]
    if current or not rows:
        rows.append(current.rstrip())
    return tuple(rows)


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            out.append(word)
            word = ""
        out.append(ch)
    if word:
        out.append(word)
    return out


def plan_sheet(spec: SheetSpec, lines: Iterable[PrintLine], printed: Iterable[Placement],
               measure: Measure) -> SheetPlan:
    """Every line at its page and row: printed ones where they are, new ones at the next free rows."""
    _x, content_w = spec.column_x("content")
    width = content_w - 2 * CONTENT_PAD_MM
    done = {p.order_id: p for p in printed}
    placed: list[PlacedLine] = []
    page, row = 1, 0
    for p in done.values():                                   # the next free row after the paper
        end_page, end_row = p.page, p.row + p.span
        if (end_page, end_row) > (page, row):
            page, row = end_page, end_row
    for line in lines:
        rows = wrap(line.content, width, measure)[: spec.rows_per_page]
        before = done.get(line.order_id)
        if before is not None:
            placed.append(PlacedLine(
                line, before.page, before.row, rows, new=False,
                add_stop=line.stop is not None and not before.stop_printed,
                add_cancel=line.cancelled and not before.cancel_printed))
            continue
        if row + len(rows) > spec.rows_per_page:              # a line is never cut by a page end
            page, row = page + 1, 0
        placed.append(PlacedLine(line, page, row, rows, new=True, add_stop=line.stop is not None,
                                 add_cancel=line.cancelled))
        row += len(rows)
    pages = max([p.page for p in placed] + [1])
    placed.sort(key=lambda p: (p.page, p.row))
    return SheetPlan(spec, tuple(placed), pages)


def placements_after(plan: SheetPlan, pages: Optional[set[int]] = None) -> list[Placement]:
    """What the paper holds after printing `plan` (the pages given, or all): to record."""
    out = []
    for p in plan.lines:
        if pages is not None and p.page not in pages:
            continue
        out.append(Placement(p.line.order_id, p.page, p.row, len(p.wrapped),
                             stop_printed=p.line.stop is not None,
                             cancel_printed=p.line.cancelled))
    return out
