"""Flowing tables onto A4 pages of primitives (app/printing/primitives.py), for the downtime
packet: a page header drawn again on every page, section headings, tables whose column headings
repeat on a continued page, rows that wrap and are never split across pages. Page numbers are
added at the end (`finish`), when the total is known.

Pure layout: `measure(text, size_pt) -> mm` comes from the PDF font (pdf_render.measure_mm), so
the text wraps as it will be drawn.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from app.printing.primitives import BLACK, Color, Line, Primitive, Text
from app.printing.sheet_layout import wrap

Measure = Callable[[str, float], float]
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT = 12.0, 198.0
BODY_BOTTOM = 282.0                       # the footer lives below
GREY: Color = (0.45, 0.45, 0.45)
LIGHT: Color = (0.7, 0.7, 0.7)
LINE_FACTOR = 1.3                         # a wrapped line's height, in character heights
PT_MM = 25.4 / 72.0


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: float                          # mm


@dataclass(frozen=True)
class Cell:
    text: str
    color: Color = BLACK


def line_h(size: float) -> float:
    return size * PT_MM * LINE_FACTOR


class Flow:
    """Pages of items; `header(items) -> y` draws a page's header and says where the body starts."""

    def __init__(self, measure: Measure, header: Callable[[list[Primitive]], float]) -> None:
        self.measure = measure
        self.header = header
        self.pages: list[list[Primitive]] = []
        self.y = 0.0
        self.continued: Optional[Callable[[], None]] = None     # repeats a table's headings
        self.new_page()

    @property
    def items(self) -> list[Primitive]:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.header(self.items)
        if self.continued is not None:
            self.continued()

    def need(self, height: float) -> None:
        if self.y + height > BODY_BOTTOM:
            self.new_page()

    def wrap(self, text: str, size: float, width: float) -> tuple[str, ...]:
        return wrap(text, width, lambda t: self.measure(t, size))

    def text(self, x: float, text: str, size: float, color: Color = BLACK, width: float = RIGHT - LEFT,
             gap: float = 1.0) -> None:
        """A paragraph from `x`, wrapped to `width`, after a page break if it does not fit."""
        rows = self.wrap(text, size, width)
        self.need(len(rows) * line_h(size))
        for row in rows:
            self.y += line_h(size)
            self.items.append(Text(x, self.y - line_h(size) * 0.25, row, size, color))
        self.y += gap

    def heading(self, text: str, size: float = 10.5, keep: float = 14.0) -> None:
        """A section's heading, kept on the page with at least `keep` mm of what follows."""
        self.need(line_h(size) + keep)
        self.y += 1.5
        self.text(LEFT, text, size, gap=1.0)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], size: float = 8.0,
              title: str = "", title_more: str = "") -> None:
        """Column headings, then the rows; a page break repeats the headings (and `title` with
        `title_more`, e.g. "（续）")."""
        pad = 1.0

        def headings(again: bool = False) -> None:
            if title and again:
                self.y += 1.0
                self.text(LEFT, title + title_more, 9.0, GREY, gap=0.5)
            top = self.y
            h = line_h(size) + 2 * pad
            x = LEFT
            for col in columns:
                self.items.append(Text(x + pad, top + pad + line_h(size) * 0.75, col.title, size, GREY))
                x += col.width
            self.items.append(Line(LEFT, top, RIGHT, top, 0.8))
            self.items.append(Line(LEFT, top + h, RIGHT, top + h, 0.5))
            self.y = top + h

        self.need(line_h(size) * 2 + 4 * pad)
        headings()
        self.continued = lambda: headings(again=True)
        try:
            for row in rows:
                wrapped = [self.wrap(cell.text, size, col.width - 2 * pad) for col, cell in zip(columns, row)]
                h = max(len(w) for w in wrapped) * line_h(size) + 2 * pad
                self.need(h)
                top = self.y
                x = LEFT
                for col, cell, lines in zip(columns, row, wrapped):
                    for n, part in enumerate(lines):
                        if part:
                            self.items.append(Text(x + pad, top + pad + (n + 0.75) * line_h(size), part,
                                                   size, cell.color))
                    x += col.width
                self.items.append(Line(LEFT, top + h, RIGHT, top + h, 0.25, LIGHT))
                self.y = top + h
        finally:
            self.continued = None
        self.y += 2.0

    def rule(self, width: float = 0.6) -> None:
        self.items.append(Line(LEFT, self.y, RIGHT, self.y, width))
        self.y += 1.5

