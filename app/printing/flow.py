"""Flowing text onto pages: the 病历, 护理记录 and 交接班 prints (app/printing/record_pdf.py,
nursing_pdf.py, handover_pdf.py) are made of blocks, each a line of text or a table row, that
this module lays on as many A4 pages as they need.

A block is never split (a line of text or a table row is on one page, whole); a block marked
`keep_with_next` goes to the next page with what follows it (a heading with its first line, a
signature with the lines it signs). Every page carries the same frame: the hospital, the running
title (the title of the first block on it), the header (the patient, or the ward and shift), and
"第 n 页 共 m 页" at the foot. A table's heading row (`heads[group]`) is drawn again at the top
of every page the table continues on.

Positions are millimetres from the page's top-left corner, sizes points (as primitives.py);
`measure_mm` is the embedded font's, so text wraps exactly as the PDF draws it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Mapping, Optional, Sequence

from app.printing.pdf_render import measure_mm
from app.printing.primitives import BLACK, Color, Line, PageDrawing, Primitive, Rect, Text
from app.printing.sheet_layout import Measure

PT_MM = 25.4 / 72.0
GREY: Color = (0.45, 0.45, 0.45)
BLUE: Color = (0.10, 0.28, 0.72)
LINE_FACTOR = 1.6               # a text line's height: 1.6 times the font size
CELL_PAD = 1.2                  # mm inside a table cell


@dataclass(frozen=True)
class Block:
    """One unsplittable piece of the flow; its items' y are from the block's top."""

    height: float
    items: tuple[Primitive, ...]
    title: str = ""             # the running title of a page it opens
    group: str = ""             # the table it belongs to (its heading row repeats per page)
    keep_with_next: bool = False
    page_break: bool = False    # begins a new page (unless the page is still empty)


@dataclass(frozen=True)
class Frame:
    hospital: str
    header: tuple[str, ...]     # "姓名：张三", "床号：7" ... in the order they are read
    width_mm: float = 210.0
    height_mm: float = 297.0
    left_mm: float = 15.0
    body_top_mm: float = 36.0
    bottom_mm: float = 14.0     # below the body: the page number

    @property
    def body_width(self) -> float:
        return self.width_mm - 2 * self.left_mm

    @property
    def body_bottom(self) -> float:
        return self.height_mm - self.bottom_mm

    def landscape(self) -> Frame:
        return replace(self, width_mm=max(self.width_mm, self.height_mm),
                       height_mm=min(self.width_mm, self.height_mm))


PAGE_TEXT = "第 {n} 页  共 {m} 页"
# Characters the embedded font has no glyph for, and the ones drawn instead (typed text may hold them).
SUBSTITUTES = str.maketrans({"\u2212": "\uff0d", "\u2022": "\u00b7"})


def printable(text: str) -> str:
    return text.translate(SUBSTITUTES)


def line_height(size: float) -> float:
    return size * PT_MM * LINE_FACTOR


def shifted(item: Primitive, dy: float) -> Primitive:
    if isinstance(item, Text):
        return replace(item, baseline=item.baseline + dy)
    if isinstance(item, Line):
        return replace(item, y1=item.y1 + dy, y2=item.y2 + dy)
    return replace(item, y=item.y + dy)


def paginate(blocks: Sequence[Block], frame: Frame,
             heads: Optional[Mapping[str, Block]] = None) -> list[list[tuple[float, Block]]]:
    """Each page's blocks with the y (mm) of their tops."""
    heads = heads or {}
    pages: list[list[tuple[float, Block]]] = []
    page: list[tuple[float, Block]] = []
    y = frame.body_top_mm
    group = ""
    room = frame.body_bottom - frame.body_top_mm

    def head_of(b: Block, current: str) -> Optional[Block]:
        return heads.get(b.group) if b.group and b.group != current else None

    i = 0
    while i < len(blocks):
        b = blocks[i]
        need = b.height
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            need += blocks[j].height
        if need > room:                                  # a chain longer than a page: alone
            need = b.height
        head = head_of(b, group)
        extra = head.height if head is not None else 0.0
        if page and (b.page_break or y + extra + need > frame.body_bottom):
            pages.append(page)
            page, y, group = [], frame.body_top_mm, ""
            head = head_of(b, group)
        if head is not None:
            page.append((y, head))
            y += head.height
        page.append((y, b))
        y += b.height
        group = b.group
        i += 1
    if page:
        pages.append(page)
    return pages


def draw(blocks: Sequence[Block], frame: Frame, heads: Optional[Mapping[str, Block]] = None,
         default_title: str = "") -> list[PageDrawing]:
    """The blocks on framed pages, numbered 1..m."""
    laid = paginate(blocks, frame, heads)
    out = []
    for n, page in enumerate(laid, start=1):
        title = next((b.title for _y, b in page if b.title), default_title)
        items = frame_items(frame, title, n, len(laid))
        for top, b in page:
            items += [shifted(item, top) for item in b.items]
        out.append(PageDrawing(n, frame.width_mm, frame.height_mm, tuple(items)))
    return out


def frame_items(frame: Frame, title: str, number: int, count: int) -> list[Primitive]:
    left, width = frame.left_mm, frame.body_width
    items: list[Primitive] = [Text(left, 13, frame.hospital, 12, center_w=width)]
    if title:
        items.append(Text(left, 21.5, title, 15, center_w=width))
    x = left
    for part in frame.header:
        items.append(Text(x, 29.5, printable(part), 9.5))
        x += max(28.0, measure_mm(part, 9.5) + 6)
    items.append(Line(left, 31.5, left + width, 31.5, 0.8))
    items.append(Text(left, frame.height_mm - 7, PAGE_TEXT.format(n=number, m=count), 9, center_w=width))
    return items


def paragraph(text: str, x: float, width: float, size: float = 10.5, *, color: Color = BLACK,
              first_indent: float = 0.0, strike: bool = False, title: str = "",
              lead: str = "", lead_color: Color = BLACK, keep_first: bool = False,
              bar: Optional[tuple[Color, str]] = None) -> list[Block]:
    """`text` wrapped to `width`, a block a line; `lead` (a section title) begins the first line
    in its own colour; each "\n" starts a new line indented by two characters. `bar` draws a
    change bar left of every line (a revision mark) with its label at the first."""
    measure = _measure(size)
    blocks: list[Block] = []
    h = line_height(size)
    base = size * PT_MM * 1.15
    lead_w = measure(lead) if lead else 0.0
    indent_w = measure("　　")
    text, lead = printable(text), printable(lead)
    for p, part in enumerate(text.split("\n") if text else [""]):
        offset = (first_indent + lead_w) if p == 0 else indent_w
        first, rest = _first_and_rest(part, width - offset, width, measure)
        rows = [(offset, first)] + [(0.0, r) for r in rest]
        for k, (dx, row) in enumerate(rows):
            items: list[Primitive] = []
            if p == 0 and k == 0 and lead:
                items.append(Text(x + first_indent, base, lead, size, lead_color))
            if row:
                items.append(Text(x + dx, base, row, size, color))
                if strike:
                    y = base - size * PT_MM * 0.32
                    items.append(Line(x + dx, y, x + dx + measure(row), y, 0.5, color))
            if bar is not None:
                bar_color, label = bar
                items.append(Line(x - 2.2, 0.3, x - 2.2, h - 0.3, 1.6, bar_color))
                if p == 0 and k == 0 and label:
                    items.append(Text(x - 3.0 - measure_mm(label, 6.5), base - 0.6, label, 6.5, bar_color))
            blocks.append(Block(h, tuple(items), title=title))
    if keep_first and blocks:
        blocks[0] = replace(blocks[0], keep_with_next=True)
    return blocks


def _measure(size: float) -> Measure:
    return lambda t: measure_mm(t, size)


# Chinese line breaking (禁则): a closing mark never begins a line (it hangs at the end of the
# line before, at most two), an opening mark never ends one (it goes to the next line).
NO_START = frozenset("，。、；：？！）》」』】〕〉”’…—%,.;:!?)]}·")
NO_END = frozenset("（《「『【〔〈“‘([{")


def rows_of(text: str, first_w: float, width: float, measure: Measure, hang: bool = True) -> list[str]:
    """`text` (one paragraph) in rows: the first `first_w` wide (after a title or an indent), the
    others `width`; ASCII words kept whole as sheet_layout.wrap keeps them, with the 禁则 (in a
    table cell, `hang` False, the last character goes down with the mark instead of hanging)."""
    rows: list[str] = []
    rest, w = text, first_w
    widths: dict[str, float] = {}

    def char_w(ch: str) -> float:
        if ch not in widths:
            widths[ch] = measure(ch)
        return widths[ch]

    while rest:
        row = _first_row(rest, max(w, 5.0), char_w)
        nxt = rest[len(row):]
        row = row.rstrip()
        if not nxt.strip():
            rows.append(row)
            break
        hung = 0
        while hung < 2 and nxt[:1] in NO_START and nxt[:1]:
            if hang:
                row, nxt = row + nxt[0], nxt[1:]
            elif len(row) > 1:
                row, nxt = row[:-1], row[-1] + nxt
            hung += 1
        while len(row) > 1 and row[-1] in NO_END:
            row, nxt = row[:-1], row[-1] + nxt
        rows.append(row)
        rest, w = nxt.lstrip(), width
    return rows or [""]


def _first_row(text: str, width: float, char_w: Callable[[str], float]) -> str:
    """The longest start of `text` no wider than `width`, broken where sheet_layout.wrap breaks
    (anywhere in Chinese, between ASCII words; a word wider than the row cut): the widths of the
    embedded TrueType font add up, so a row is measured a character at a time."""
    used = 0.0
    end = 0
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and not text[i].isspace():
            while j < len(text) and text[j].isascii() and not text[j].isspace():
                j += 1
        token_w = sum(char_w(c) for c in text[i:j])
        if used + token_w <= width:
            used += token_w
            end = i = j
            continue
        if end == 0:                       # one token wider than the row: cut it
            k = i
            while k < j and (k == i or used + char_w(text[k]) <= width):
                used += char_w(text[k])
                k += 1
            return text[:k]
        break
    return text[:end]


def _first_and_rest(text: str, first_w: float, width: float, measure: Measure) -> tuple[str, list[str]]:
    rows = rows_of(text, first_w, width, measure)
    return rows[0], rows[1:]


@dataclass(frozen=True)
class Cell:
    x: float
    width: float
    text: str
    size: float = 8.5
    color: Color = BLACK
    center: bool = False
    strike: bool = False        # the text struck through (a corrected line: 留痕)
    after: str = ""             # lines below the text, not struck (why it was struck)
    after_color: Color = BLACK


def row(cells: Sequence[Cell], *, group: str = "", title: str = "", min_height: float = 0.0,
        rule_top: bool = False, bold_rule: bool = False, keep_with_next: bool = False) -> Block:
    """A table row: each cell's text wrapped in its column, the row as tall as its tallest cell,
    with its column rules and the rule below it (and above it: `rule_top`)."""
    wrapped: list[tuple[Cell, tuple[tuple[str, bool, Color], ...]]] = []
    height = min_height
    for c in cells:
        found: list[tuple[str, bool, Color]] = []
        inner = c.width - 2 * CELL_PAD
        measure = _measure(c.size)
        for text, struck, color in ((c.text, c.strike, c.color), (c.after, False, c.after_color)):
            text = printable(text)
            if text or not found:
                for part in (text.split("\n") if text else [""]):
                    found += [(r, struck, color) for r in rows_of(part, inner, inner, measure, False)]
        wrapped.append((c, tuple(found)))
        height = max(height, len(found) * line_height(c.size) * 0.9 + 2 * CELL_PAD)
    items: list[Primitive] = []
    for c, lines in wrapped:
        lh = line_height(c.size) * 0.9
        for k, (text, strike, color) in enumerate(lines):
            if not text:
                continue
            base = CELL_PAD + k * lh + c.size * PT_MM * 1.05
            w = measure_mm(text, c.size)
            if c.center:
                items.append(Text(c.x, base, text, c.size, color, center_w=c.width))
                x0 = c.x + (c.width - w) / 2
            else:
                items.append(Text(c.x + CELL_PAD, base, text, c.size, color))
                x0 = c.x + CELL_PAD
            if strike:
                y = base - c.size * PT_MM * 0.32
                items.append(Line(x0, y, x0 + w, y, 0.5, color))
    left = cells[0].x
    right = cells[-1].x + cells[-1].width
    for c in cells:
        items.append(Line(c.x, 0, c.x, height, 0.4))
    items.append(Line(right, 0, right, height, 0.4))
    items.append(Line(left, height, right, height, 0.8 if bold_rule else 0.4))
    if rule_top:
        items.append(Line(left, 0, right, 0, 0.8))
    return Block(height, tuple(items), title=title, group=group, keep_with_next=keep_with_next)


def box(x: float, y: float, w: float, h: float) -> Rect:
    return Rect(x, y, w, h, 0.6)


def spacer(height: float, *, title: str = "", page_break: bool = False,
           keep_with_next: bool = False) -> Block:
    return Block(height, (), title=title, page_break=page_break, keep_with_next=keep_with_next)
