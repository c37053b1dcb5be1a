"""The 长期/临时医嘱单 drawn from a SheetPlan (app/printing/sheet_layout.py) as pages of
primitives (app/printing/primitives.py): the PDF (app/printing/pdf_render.py) and the preview and
printer painter (ui/printing/) draw exactly these.

Two ways to print:
- `whole`: every page (or the pages asked for) with title, patient header, grid and lines;
- `continuation` (续打): for each page a 续打 touches, only what is new on it, at the exact row of
  the sheet already in the printer: new lines whole, stop data into the stop columns of lines
  printed before, the red 取消 on lines voided since; a page never printed before comes whole.

The form's own words (its title and column headings) are the national form's, in Chinese on
every PC; they live in FORM_TEXT, the one place that spells them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable, Optional

from app.printing.fonts import PrintError
from app.printing.pdf_render import MM, Publish, write_pdf
from app.printing.primitives import BLACK, RED, Color, Line, PageDrawing, Primitive, Rect, Text
from app.printing.sheet_layout import (
    CONTENT_PAD_MM,
    LONG,
    PlacedLine,
    SheetPlan,
    SheetSpec,
)

__all__ = ["MM", "SheetHeader", "draw_pages", "measure_mm", "write_continuation", "write_whole"]
TEXT_PT = 9.0
HEADER_PT = 10.0

FORM_TEXT = {
    "long_title": "长期医嘱单", "temp_title": "临时医嘱单",
    "name": "姓名", "dept": "科别", "ward": "病区", "bed": "床号", "mrn": "住院号",
    "page": "第 {n} 页",
    "start": "起始", "stop": "停止", "exec": "执行",
    "start_date": "日期", "start_time": "时间", "content": "医嘱内容", "doctor": "医师签名",
    "nurse": "护士签名", "stop_date": "日期", "stop_time": "时间", "stop_doctor": "医师签名",
    "stop_nurse": "护士签名", "exec_time": "执行时间", "exec_nurse": "执行护士签名",
    "cancel": "取消",
}


@dataclass(frozen=True)
class SheetHeader:
    hospital: str
    patient_name: str
    dept_name: str
    ward_name: str
    bed_no: str
    mrn: str


def measure_mm(text: str, size: float = TEXT_PT) -> float:
    """Width of `text` in the embedded font, in mm: what the layout wraps with."""
    from app.printing.pdf_render import measure_mm as width

    return width(text, size)


def draw_pages(plan: SheetPlan, header: SheetHeader, pages: Iterable[tuple[int, str]]) -> list[PageDrawing]:
    """The pages asked for, each "whole" (title, header, grid, lines) or "delta" (only what a
    continuation adds on a page already on paper)."""
    out = []
    for number, mode in pages:
        painter = _Page(plan.spec)
        if mode == "whole":
            painter.frame(header, number)
        for placed in plan.page_lines(number):
            if mode == "whole" or placed.new:
                painter.line(placed, stop=True, cancel=placed.line.cancelled)
            elif placed.add_stop or placed.add_cancel:
                painter.additions(placed)
        out.append(PageDrawing(number, plan.spec.page_w_mm, plan.spec.page_h_mm, tuple(painter.items)))
    return out


def whole_pages(plan: SheetPlan, pages: Optional[Iterable[int]] = None) -> list[tuple[int, str]]:
    wanted = sorted(set(pages)) if pages is not None else list(range(1, plan.pages + 1))
    bad = [n for n in wanted if not 1 <= n <= plan.pages]
    if bad:
        raise PrintError("print.no_such_page", page=bad[0], pages=plan.pages)
    return [(n, "whole") for n in wanted]


def continuation_pages(plan: SheetPlan, fresh: set[int]) -> list[tuple[int, str]]:
    return [(n, "whole" if n in fresh else "delta") for n in plan.continuation_pages()]


def title_of(plan: SheetPlan, header: SheetHeader) -> str:
    title = FORM_TEXT["long_title" if plan.spec.kind == LONG else "temp_title"]
    return f"{title} {header.patient_name} {header.mrn}"


def write_whole(plan: SheetPlan, header: SheetHeader, out: Path,
                pages: Optional[Iterable[int]] = None, before_publish: Publish = None) -> list[int]:
    """Every page (or `pages`) whole as a PDF; returns the pages written."""
    wanted = whole_pages(plan, pages)
    write_pdf(draw_pages(plan, header, wanted), out, title_of(plan, header), before_publish)
    return [n for n, _m in wanted]


def write_continuation(plan: SheetPlan, header: SheetHeader, out: Path, fresh: set[int],
                       before_publish: Publish = None) -> list[int]:
    """The 续打 pages as a PDF; `fresh` are pages never printed (drawn whole). [] when nothing is new."""
    pages = continuation_pages(plan, fresh)
    if not pages:
        return []
    write_pdf(draw_pages(plan, header, pages), out, title_of(plan, header), before_publish)
    return [n for n, _m in pages]


class _Page:
    """Collects one page's primitives, in mm from the top-left corner, as the layout measures."""

    def __init__(self, spec: SheetSpec) -> None:
        self.spec = spec
        self.items: list[Primitive] = []

    def text(self, x_mm: float, top_mm: float, text: str, size: float = TEXT_PT,
             color: Color = BLACK, center_w: float = 0.0) -> None:
        self.items.append(Text(x_mm, top_mm, text, size, color, center_w))

    def rule(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.4,
             color: Color = BLACK) -> None:
        self.items.append(Line(x1, y1, x2, y2, width, color))

    def frame(self, header: SheetHeader, number: int) -> None:
        s = self.spec
        width = s.width_mm
        self.text(s.left_mm, 14, header.hospital, 13, center_w=width)
        title = FORM_TEXT["long_title" if s.kind == LONG else "temp_title"]
        self.text(s.left_mm, 23, title, 16, center_w=width)
        parts = [f"{FORM_TEXT['name']}：{header.patient_name}", f"{FORM_TEXT['dept']}：{header.dept_name}",
                 f"{FORM_TEXT['ward']}：{header.ward_name}", f"{FORM_TEXT['bed']}：{header.bed_no}",
                 f"{FORM_TEXT['mrn']}：{header.mrn}"]
        x = s.left_mm
        for part in parts:
            self.text(x, 31.5, part, HEADER_PT)
            x += max(30.0, measure_mm(part, HEADER_PT) + 6)
        page = FORM_TEXT["page"].format(n=number)
        self.text(s.left_mm + width - measure_mm(page, HEADER_PT), 31.5, page, HEADER_PT)
        # column headings: two rows where a group (起始/停止/执行) spans several columns
        head_top, head_mid, head_bottom = s.top_mm - 10.0, s.top_mm - 5.0, s.top_mm
        bottom = s.row_top(s.rows_per_page)
        self.items.append(Rect(s.left_mm, head_top, width, bottom - head_top, 0.8))
        groups: dict[str, tuple[float, float]] = {}
        for col in s.columns:
            x0, w = s.column_x(col.key)
            if col.group:
                g0, gw = groups.get(col.group, (x0, 0.0))
                groups[col.group] = (g0, gw + w)
                self.text(x0, head_bottom - 1.4, FORM_TEXT[col.key], 7.5, center_w=w)
                self.rule(x0, head_mid, x0 + w, head_mid)
            else:
                self.text(x0, head_bottom - 3.6, FORM_TEXT[col.key], 8, center_w=w)
            if x0 > s.left_mm:
                starts_group = not col.group or x0 == groups[col.group][0]
                self.rule(x0, head_top if starts_group else head_mid, x0, bottom)
        for name, (g0, gw) in groups.items():
            self.text(g0, head_mid - 1.3, FORM_TEXT[name], 8, center_w=gw)
        self.rule(s.left_mm, head_bottom, s.left_mm + width, head_bottom)
        for row in range(1, s.rows_per_page):
            self.rule(s.left_mm, s.row_top(row), s.left_mm + width, s.row_top(row))

    def _cell(self, placed: PlacedLine, key: str, value: str, row_offset: int = 0,
              color: tuple[float, float, float] = BLACK) -> None:
        if not value:
            return
        x0, w = self.spec.column_x(key)
        top = self.spec.row_top(placed.row + row_offset) + self.spec.row_mm - 2.6
        size = TEXT_PT
        while size > 6 and measure_mm(value, size) > w - 1.0:
            size -= 0.5
        self.text(x0, top, value, size, color=color, center_w=w)

    def line(self, placed: PlacedLine, stop: bool, cancel: bool) -> None:
        line = placed.line
        color = RED if line.red else BLACK
        self._cell(placed, "start_date", _date(line.start), color=color)
        self._cell(placed, "start_time", _time(line.start), color=color)
        x0, _w = self.spec.column_x("content")
        for n, text in enumerate(placed.wrapped):
            top = self.spec.row_top(placed.row + n) + self.spec.row_mm - 2.6
            self.text(x0 + CONTENT_PAD_MM, top, text, TEXT_PT, color=color)
        if line.red:                                      # the red line under 重整/术后医嘱
            y = self.spec.row_top(placed.row + len(placed.wrapped)) - 0.3
            self.rule(self.spec.left_mm, y, self.spec.left_mm + self.spec.width_mm, y, 1.2, RED)
        self._cell(placed, "doctor", line.doctor, color=color)
        if self.spec.kind == LONG:
            self._cell(placed, "nurse", line.nurse, color=color)
        else:
            self._cell(placed, "exec_nurse", line.nurse, color=color)
        if stop:
            self._stop(placed)
        if cancel:
            self._cancel(placed)

    def additions(self, placed: PlacedLine) -> None:
        if placed.add_stop:
            self._stop(placed)
        if placed.add_cancel:
            self._cancel(placed)

    def _stop(self, placed: PlacedLine) -> None:
        line = placed.line
        if self.spec.kind != LONG or line.stop is None:
            return
        self._cell(placed, "stop_date", _date(line.stop))
        self._cell(placed, "stop_time", _time(line.stop))
        self._cell(placed, "stop_doctor", line.stop_doctor)
        self._cell(placed, "stop_nurse", line.stop_nurse)

    def _cancel(self, placed: PlacedLine) -> None:
        """The red 取消 written over the content's right end (CLINICAL.md §1: voided lines)."""
        x0, w = self.spec.column_x("content")
        word = FORM_TEXT["cancel"]
        top = self.spec.row_top(placed.row) + self.spec.row_mm - 2.6
        self.text(x0 + w - measure_mm(word, TEXT_PT + 1) - CONTENT_PAD_MM, top, word, TEXT_PT + 1, RED)


def _local(value: Optional[datetime]) -> Optional[datetime]:
    if value is None:
        return None
    return value.astimezone() if value.tzinfo is not None else value


def _date(value: Optional[datetime]) -> str:
    v = _local(value)
    return "" if v is None else v.strftime("%m-%d")


def _time(value: Optional[datetime]) -> str:
    v = _local(value)
    return "" if v is None else v.strftime("%H:%M")
