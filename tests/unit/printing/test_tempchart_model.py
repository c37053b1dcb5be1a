"""The 体温单 model's geometry is what any painter (Qt now, reportlab for the PDF) must draw:
known values land on known millimetres, every symbol and rule of CLINICAL.md §3 is a primitive."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.printing import tempchart_model as tm
from tests.unit.printing.chart_week import ZONE, febrile_week


@pytest.fixture(scope="module")
def page() -> tm.Page:
    return tm.build_page(febrile_week(), ZONE)


def test_scales_are_aligned_37_degrees_is_80_a_minute() -> None:
    assert tm.temp_y(42) == tm.GRID_TOP and tm.temp_y(35) == tm.GRID_BOTTOM
    assert tm.pulse_y(80) == tm.temp_y(37)
    assert tm.pulse_y(180) == tm.temp_y(42)
    assert tm.temp_y(Decimal("37.2")) - tm.temp_y(Decimal("37.4")) == pytest.approx(tm.BOX_H)
    assert tm.pulse_y(84) == pytest.approx(tm.pulse_y(80) - tm.BOX_H)       # 4 beats a box
    assert tm.slot_x(0, 0) == pytest.approx(tm.X0 + tm.SLOT_W / 2)
    assert tm.slot_x(6, 5) == pytest.approx(tm.RIGHT - tm.SLOT_W / 2)


def symbols_at(page: tm.Page, x: float) -> list[tm.Symbol]:
    return [s for s in page.of(tm.Symbol) if s.x == pytest.approx(x)]


def test_temperature_sites_and_pulse_symbols(page: tm.Page) -> None:
    # day 1, 10:00: axillary 37.2 -> blue ×, pulse -> red ●
    x = tm.slot_x(0, 2)
    kinds = {(s.kind, s.color) for s in symbols_at(page, x)}
    assert (tm.CROSS, tm.BLUE) in kinds and (tm.DOT, tm.RED) in kinds
    cross = next(s for s in symbols_at(page, x) if s.kind == tm.CROSS)
    assert cross.y == pytest.approx(tm.temp_y(Decimal("37.2")))
    assert any(s.kind == tm.DOT and s.color == tm.BLUE for s in symbols_at(page, tm.slot_x(4, 0)))  # oral
    rectal = symbols_at(page, tm.slot_x(6, 0))
    assert any(s.kind == tm.CIRCLE and s.color == tm.BLUE for s in rectal)


def test_pulse_on_a_temperature_point_is_a_red_ring_around_it(page: tm.Page) -> None:
    ring = [s for s in symbols_at(page, tm.slot_x(5, 2)) if s.kind == tm.RING]
    assert ring and ring[0].color == tm.RED and ring[0].y == pytest.approx(tm.temp_y(Decimal("36.9")))


def test_cooling_red_circle_with_a_dashed_line(page: tm.Page) -> None:
    x = tm.slot_x(1, 3)                                   # day 2, 14:00: 39.4, cooled to 38.5
    cooled = [s for s in symbols_at(page, x) if s.kind == tm.CIRCLE and s.color == tm.RED
              and s.y == pytest.approx(tm.temp_y(Decimal("38.5")))]
    assert cooled
    dashed = [ln for ln in page.of(tm.Line) if ln.dash and ln.x1 == pytest.approx(x)]
    assert dashed and dashed[0].y1 == pytest.approx(tm.temp_y(Decimal("39.4")))
    # the next reading joins the pre-cooling point, not the cooled one
    blue = [pl for pl in page.of(tm.Polyline) if pl.color == tm.BLUE]
    joined = [pl for pl in blue if (x, tm.temp_y(Decimal("39.4"))) in
              [(pytest.approx(px), pytest.approx(py)) for px, py in pl.points]]
    assert joined


def test_refused_breaks_the_line_and_is_written_in_the_top_band(page: tm.Page) -> None:
    x = tm.slot_x(3, 2)
    texts = [t for t in page.of(tm.Text) if t.key == "code" and t.x == pytest.approx(x)]
    assert texts and texts[0].params["code"] == "refused" and texts[0].color == tm.RED
    assert tm.temp_y(42) <= texts[0].y <= tm.temp_y(40)
    blue_runs = [pl for pl in page.of(tm.Polyline) if pl.color == tm.BLUE]
    assert len(blue_runs) == 2                              # broken at 拒测 (and ends at 不升)
    for pl in blue_runs:
        xs = [px for px, _ in pl.points]
        assert not min(xs) < x < max(xs)                    # no segment bridges the refusal


def test_below_35_is_written_not_plotted(page: tm.Page) -> None:
    x = tm.slot_x(6, 5)
    assert any(t.key == "code" and t.params["code"] == "below" for t in page.of(tm.Text)
               if t.x == pytest.approx(x))
    assert not [s for s in symbols_at(page, x) if s.color == tm.BLUE]


def test_pulse_deficit_hatched(page: tm.Page) -> None:
    hatches = page.of(tm.Hatch)
    assert len(hatches) == 2 and all(h.color == tm.RED for h in hatches)
    xs = sorted({round(x, 3) for h in hatches for x, _ in h.points})
    assert xs == [round(tm.slot_x(1, s), 3) for s in (3, 4, 5)]


def test_events_in_words_and_days_after_operations(page: tm.Page) -> None:
    events = [t for t in page.of(tm.Text) if t.key == "event"]
    admit = next(t for t in events if t.params["code"] == "admit")
    assert (admit.params["hour"], admit.params["minute"]) == (10, 20) and admit.vertical
    assert admit.x == pytest.approx(tm.slot_x(0, 2)) and admit.color == tm.RED
    surgery = [t for t in events if t.params["code"] == "surgery"]
    assert len(surgery) == 2 and not surgery[0].params["with_time"]
    op_row = [t.params["text"] for t in page.of(tm.Text)
              if t.key == "text" and tm.OP_Y < t.y < tm.TIME_Y]
    assert op_row == ["0", "1", "0/2", "1/3", "2/4"]


def test_date_row_full_at_start_and_month_change(page: tm.Page) -> None:
    dates = [t.params["text"] for t in page.of(tm.Text) if t.key == "text" and tm.DATE_Y < t.y < tm.STAY_Y]
    assert dates == ["2026-11-28", "29", "30", "2026-12-01", "2", "3", "4"]
    stay = [t.params["text"] for t in page.of(tm.Text) if t.key == "text" and tm.STAY_Y < t.y < tm.OP_Y]
    assert stay == [str(n) for n in range(1, 8)]


def test_bottom_rows(page: tm.Page) -> None:
    def row(name: str) -> list[str]:
        y0 = tm.bottom_y(name)
        return [t.params.get("text", t.params.get("code", "")) for t in page.of(tm.Text)
                if t.key in ("text", "code") and y0 < t.y < y0 + tm.ROW_H and t.x > tm.X0]

    assert row("bp")[:2] == ["129/78", "132/80"]
    assert row("intake")[0] == "1850"
    assert "1490/C" in row("urine")
    assert "1/E" in row("stool")
    assert row("weight") == ["68.5", "bedrest"]
    assert len(row("resp")) == 39              # 42 slots, 2 before admission, 1 refused


def test_intake_before_seven_belongs_to_the_previous_chart_day() -> None:
    import dataclasses

    from app.domain import vitals_due as due
    from app.services.vitals import Obs
    from tests.unit.printing.chart_week import at

    week = febrile_week()
    early = at(3, 6, 50)                              # day 3, 06:50: still day 2's 24 hours
    extra = Obs("early", "intake", Decimal(500), None, None, None, early, due.slot_of(early, ZONE),
                "n", "n", early)
    page = tm.build_page(dataclasses.replace(week, obs=(*week.obs, extra)), ZONE)
    y0 = tm.bottom_y("intake")
    by_x = {round(t.x, 2): t.params["text"] for t in page.of(tm.Text)
            if t.key == "text" and y0 < t.y < y0 + tm.ROW_H and t.x > tm.X0}
    day2 = round(tm.X0 + 1.5 * tm.DAY_W, 2)
    day3 = round(tm.X0 + 2.5 * tm.DAY_W, 2)
    assert by_x[day2] == "2400" and by_x[day3] == "1950"   # 1900 + 500 on day 2; day 3 unchanged
