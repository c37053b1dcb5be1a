"""Where lines land on a 医嘱单 and what a 续打 adds (CLINICAL.md §1 "Printed sheets"), with a
fixed-width measure (every character 3 mm) so the arithmetic is visible."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from app.printing.sheet_layout import (
    LONG_SHEET,
    Placement,
    PrintLine,
    placements_after,
    plan_sheet,
    wrap,
)

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
SPEC = replace(LONG_SHEET, rows_per_page=5)
CONTENT_CHARS = int((SPEC.column_x("content")[1] - 2 * 1.2) // 3)     # characters per content row


def measure(text: str) -> float:
    return 3.0 * len(text)


def line(n: int, content: str = "", **kw: object) -> PrintLine:
    return PrintLine(f"o{n}", T0 + timedelta(minutes=n), content or f"医嘱{n}", "李明", "刘芳", **kw)  # type: ignore[arg-type]


def test_long_content_wraps_and_ascii_words_stay_whole() -> None:
    assert wrap("0.9%氯化钠注射液 250ml", 30, measure) == ("0.9%氯化钠注射液", "250ml")
    assert wrap("阿" * 25, 30, measure) == ("阿" * 10, "阿" * 10, "阿" * 5)
    assert wrap("", 30, measure) == ("",)
    assert wrap("x" * 25, 30, measure) == ("x" * 10, "x" * 10, "x" * 5)     # a word wider than a row


def test_lines_fill_pages_and_a_wrapped_line_is_never_cut_by_a_page_end() -> None:
    long_text = "长" * (CONTENT_CHARS * 2)                         # two rows
    lines = [line(1), line(2), line(3), line(4), line(5, long_text), line(6)]
    plan = plan_sheet(SPEC, lines, [], measure)
    where = {p.line.order_id: (p.page, p.row, len(p.wrapped)) for p in plan.lines}
    assert where["o4"] == (1, 3, 1)
    assert where["o5"] == (2, 0, 2)                  # row 4 was free, but the line takes two
    assert where["o6"] == (2, 2, 1)
    assert plan.pages == 2


def test_three_rounds_of_continuation_print_land_where_the_paper_expects() -> None:
    # Round 1: three orders printed whole.
    first = [line(1), line(2), line(3)]
    plan = plan_sheet(SPEC, first, [], measure)
    paper = placements_after(plan)
    assert [(p.page, p.row) for p in paper] == [(1, 0), (1, 1), (1, 2)]
    # Round 2: two new orders and order 2 stopped: the new lines at rows 3 and 4, the stop into
    # order 2's own row, nothing else.
    stop = T0 + timedelta(hours=5)
    second = [line(1), line(2, stop=stop, stop_doctor="李明"), line(3), line(4), line(5)]
    plan = plan_sheet(SPEC, second, paper, measure)
    assert plan.continuation_pages() == [1]
    changed = {p.line.order_id: (p.row, p.new, p.add_stop) for p in plan.lines if p.new or p.add_stop}
    assert changed == {"o2": (1, False, True), "o4": (3, True, False), "o5": (4, True, False)}
    paper = placements_after(plan, {1})
    # Round 3: a new order goes to page 2 (a fresh page, printed whole); order 4 voided gets its 取消.
    third = [*second[:3], line(4, cancelled=True), line(5), line(6)]
    plan = plan_sheet(SPEC, third, paper, measure)
    assert plan.continuation_pages() == [1, 2] and plan.fresh_pages(paper) == {2}
    marks = {p.line.order_id: (p.page, p.row, p.new, p.add_stop, p.add_cancel) for p in plan.lines
             if p.new or p.add_stop or p.add_cancel}
    assert marks == {"o4": (1, 3, False, False, True), "o6": (2, 0, True, False, False)}
    # and nothing is added twice once that is recorded
    paper = placements_after(plan)
    again = plan_sheet(SPEC, third, paper, measure)
    assert again.continuation_pages() == []


def test_a_line_printed_once_keeps_its_row_even_when_an_earlier_order_is_added() -> None:
    paper = [Placement("o5", 1, 0, 1)]
    backdated = [line(1), line(5)]                   # o1 starts earlier but comes later to paper
    plan = plan_sheet(SPEC, backdated, paper, measure)
    where = {p.line.order_id: (p.page, p.row, p.new) for p in plan.lines}
    assert where == {"o5": (1, 0, False), "o1": (1, 1, True)}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=CONTENT_CHARS * 3), min_size=1, max_size=30),
       st.integers(min_value=0, max_value=30))
def test_no_two_lines_share_a_row_and_none_leaves_its_page(lengths: list[int], printed_first: int) -> None:
    lines = [line(n, "字" * k) for n, k in enumerate(lengths)]
    paper = placements_after(plan_sheet(SPEC, lines[:printed_first], [], measure))
    plan = plan_sheet(SPEC, lines, paper, measure)
    taken: set[tuple[int, int]] = set()
    for p in plan.lines:
        rows = {(p.page, p.row + k) for k in range(len(p.wrapped))}
        assert not rows & taken
        assert p.row + len(p.wrapped) <= SPEC.rows_per_page
        taken |= rows
    assert {p.line.order_id for p in plan.lines if not p.new} == {pl.order_id for pl in paper}
