"""The 体温单 (CLINICAL.md §3) as drawing primitives: ONE model for screen and paper.

`build_page(week)` turns a week of facts (app.services.vitals.ChartWeek) into a `Page` of
primitives in millimetres on an A4 portrait sheet, origin top left, y growing downwards:

- `Line`, `Polyline` (colour, width in mm, `dash`), `Symbol` (kind DOT ● / CROSS × / CIRCLE ○ /
  RING: the red circle drawn around a temperature symbol when the pulse falls on it; centre,
  size = diameter in mm, colour), `Text` (a text id + params, resolved by the painter with
  ui/vitals/labels.py chart_text(); anchor point, size in mm, colour, align left/center/right,
  `vertical`: one character under the other, top at y), `Hatch` (a polygon filled with
  parallel lines `spacing` mm apart at 45°, the pulse deficit).

A painter (ui/vitals/tempchart.py for Qt; the printing issue's reportlab one) draws each kind
as it is, in list order, scaling mm to its device: it decides nothing about the chart. Colours
are "#rrggbb". No Qt, no reportlab, no Chinese here: texts are ids (STYLE.md rule 12).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any, Optional, Sequence, Union

from app.domain import vitals as dv
from app.domain import vitals_due as due

BLUE, RED, BLACK, GREY, LIGHT = "#1a47b8", "#d32020", "#000000", "#7a7a7a", "#c8c8c8"
DOT, CROSS, CIRCLE, RING = "dot", "cross", "circle", "ring"

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT = 10.0, 200.0
LABEL_W = 22.0                           # the label / scale column
X0 = LEFT + LABEL_W                      # first slot's left edge
DAY_W = (RIGHT - X0) / 7                 # 24 mm a day
SLOT_W = DAY_W / 6                       # 4 mm a slot
ROW_H = 6.0
TITLE_Y, HEADER_Y = 14.0, 22.0
TOP = 26.0                               # the table's top edge
DATE_Y, STAY_Y, OP_Y, TIME_Y = TOP, TOP + ROW_H, TOP + 2 * ROW_H, TOP + 3 * ROW_H
GRID_TOP = TOP + 4 * ROW_H               # 42 °C
T_MAX, T_MIN = Decimal(42), Decimal(35)
BOX_H = 3.0                              # 0.2 °C (5 boxes a degree), 4 beats a minute
DEG_H = 5 * BOX_H
GRID_BOTTOM = GRID_TOP + float(T_MAX - T_MIN) * DEG_H
BOTTOM_ROWS = ("resp", "bp", "intake", "output", "urine", "stool", "weight", "height", "skin",
               "pain", "other")
TABLE_BOTTOM = GRID_BOTTOM + len(BOTTOM_ROWS) * ROW_H
SYMBOL = 1.8                             # symbol diameter
NIGHT_SLOTS = (2, 22)                    # printed red [S]
OP_DAYS = 14


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = BLACK
    width: float = 0.15
    dash: bool = False


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    color: str
    width: float = 0.3
    dash: bool = False


@dataclass(frozen=True)
class Symbol:
    kind: str                            # DOT, CROSS, CIRCLE, RING
    x: float
    y: float
    color: str
    size: float = SYMBOL


@dataclass(frozen=True)
class Text:
    x: float
    y: float                             # baseline centre line of a horizontal text; top if vertical
    key: str                             # text id: label, text, event, code, skin
    params: dict[str, Any] = field(default_factory=dict)
    size: float = 2.6                    # character height in mm
    color: str = BLACK
    align: str = "center"                # left / center / right
    vertical: bool = False


@dataclass(frozen=True)
class Hatch:
    points: tuple[tuple[float, float], ...]
    color: str = RED
    spacing: float = 0.8


Primitive = Union[Line, Polyline, Symbol, Text, Hatch]


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    items: tuple[Primitive, ...]

    def of(self, kind: type) -> list[Any]:
        return [i for i in self.items if isinstance(i, kind)]


# --- geometry -------------------------------------------------------------------------------------

def temp_y(t: Union[Decimal, float]) -> float:
    return GRID_TOP + float(T_MAX - Decimal(str(t))) * DEG_H


def pulse_y(p: Union[Decimal, float]) -> float:
    """37 °C ↔ 80/min, 1 °C = 20/min."""
    return temp_y(Decimal(37) + (Decimal(str(p)) - 80) / 20)


def slot_x(day_index: int, slot_index: int) -> float:
    """Centre of a slot column."""
    return X0 + day_index * DAY_W + (slot_index + 0.5) * SLOT_W


def bottom_y(row: str) -> float:
    return GRID_BOTTOM + BOTTOM_ROWS.index(row) * ROW_H


def _label(x: float, y: float, name: str, **kw: Any) -> Text:
    return Text(x, y, "label", {"name": name}, **kw)


def _text(x: float, y: float, text: str, **kw: Any) -> Text:
    return Text(x, y, "text", {"text": text}, **kw)


def _num(v: Optional[Decimal]) -> str:
    if v is None:
        return ""
    return format(v.normalize(), "f") if v == v.to_integral() else str(v.normalize())


# --- the page ---------------------------------------------------------------------------------

class _Builder:
    def __init__(self, week: Any, zone: tzinfo) -> None:
        self.week = week
        self.zone = zone
        self.items: list[Primitive] = []
        self.days: tuple[date, ...] = tuple(week.days)

    def add(self, *items: Primitive) -> None:
        self.items.extend(items)

    def where(self, at: datetime) -> Optional[tuple[int, int]]:
        local = at.astimezone(self.zone)
        if local.date() not in self.days:
            return None
        return self.days.index(local.date()), due.SLOTS.index(due.slot_hour_of(local))

    def build(self) -> Page:
        self.frame()
        self.header()
        self.top_rows()
        self.grid()
        self.curves()
        self.events()
        self.bottom()
        self.add(Text(PAGE_W / 2, TABLE_BOTTOM + 7, "label", {"name": "page", "n": self.week.week_no}, 3.0))
        return Page(PAGE_W, PAGE_H, tuple(self.items))

    def frame(self) -> None:
        self.add(_label(PAGE_W / 2, TITLE_Y, "title", size=5.0))
        for y in (DATE_Y, STAY_Y, OP_Y, TIME_Y, GRID_TOP, GRID_BOTTOM, TABLE_BOTTOM):
            self.add(Line(LEFT, y, RIGHT, y, BLACK, 0.3))
        for i in range(1, len(BOTTOM_ROWS)):
            y = GRID_BOTTOM + i * ROW_H
            self.add(Line(LEFT, y, RIGHT, y, BLACK, 0.15))
        self.add(Line(LEFT, TOP, LEFT, TABLE_BOTTOM, BLACK, 0.3),
                 Line(RIGHT, TOP, RIGHT, TABLE_BOTTOM, BLACK, 0.3),
                 Line(X0, TOP, X0, TABLE_BOTTOM, BLACK, 0.3))
        for d in range(1, 7):
            x = X0 + d * DAY_W
            self.add(Line(x, TOP, x, TABLE_BOTTOM, RED, 0.3))
        labels = (("date", DATE_Y), ("stay_day", STAY_Y), ("op_day", OP_Y), ("time", TIME_Y))
        for name, y in labels:
            self.add(_label(LEFT + LABEL_W / 2, y + ROW_H * 0.7, name, size=2.5,
                            color=RED if name == "op_day" else BLACK))
        for row in BOTTOM_ROWS:
            self.add(_label(LEFT + LABEL_W / 2, bottom_y(row) + ROW_H * 0.7, row, size=2.4))

    def header(self) -> None:
        h = self.week.header
        admitted = h.admitted_at.astimezone(self.zone).date().isoformat()
        fields = (("name", h.name, LEFT), ("dept", h.dept_name, LEFT + 40), ("bed", h.bed_no, LEFT + 95),
                  ("admitted", admitted, LEFT + 120), ("mrn", h.mrn, LEFT + 160))
        for name, value, x in fields:
            self.add(_label(x, HEADER_Y, name, size=2.8, align="left"),
                     _text(x + 12, HEADER_Y, str(value), size=2.8, align="left"))

    def top_rows(self) -> None:
        admitted = self.week.header.admitted_at.astimezone(self.zone).date()
        previous: Optional[date] = None
        for i, day in enumerate(self.days):
            cx = X0 + (i + 0.5) * DAY_W
            full = previous is None or day.year != previous.year or day.month != previous.month
            self.add(_text(cx, DATE_Y + ROW_H * 0.7, day.isoformat() if full else str(day.day), size=2.5))
            previous = day
            self.add(_text(cx, STAY_Y + ROW_H * 0.7, str((day - admitted).days + 1), size=2.5))
            after = due.days_after_operations(self.week.operations, day, self.zone, OP_DAYS)
            if after:
                shown = "/".join(str(n) for n in after[:2])
                self.add(_text(cx, OP_Y + ROW_H * 0.7, shown, size=2.5, color=RED))
            for s, hour in enumerate(due.SLOTS):
                self.add(_text(slot_x(i, s), TIME_Y + ROW_H * 0.7, str(hour), size=2.0,
                               color=RED if hour in NIGHT_SLOTS else BLACK))
                if s:
                    x = X0 + i * DAY_W + s * SLOT_W
                    self.add(Line(x, TIME_Y, x, TIME_Y + ROW_H, LIGHT, 0.1))

    def grid(self) -> None:
        boxes = int((T_MAX - T_MIN) * 5)
        for b in range(1, boxes):
            y = GRID_TOP + b * BOX_H
            whole = b % 5 == 0
            self.add(Line(X0, y, RIGHT, y, BLACK if whole else LIGHT, 0.25 if whole else 0.1))
        for i in range(7):
            for s in range(1, 6):
                x = X0 + i * DAY_W + s * SLOT_W
                self.add(Line(x, GRID_TOP, x, GRID_BOTTOM, LIGHT, 0.1))
        self.add(_label(LEFT + 5, GRID_TOP + 4, "pulse_axis", size=2.2, color=RED),
                 _label(LEFT + 16, GRID_TOP + 4, "temp_axis", size=2.2, color=BLUE))
        for degree in range(int(T_MIN), int(T_MAX) + 1):
            y = temp_y(degree)
            pulse = 80 + (degree - 37) * 20
            if degree < int(T_MAX):
                base = y - 0.6 if degree == int(T_MIN) else y + 1   # 35 above the grid's bottom line
                self.add(_text(LEFT + 16, base, f"{degree}", size=2.4, color=BLUE),
                         _text(LEFT + 5, base, f"{pulse}", size=2.4, color=RED))

    # --- the curves ---
    def _current(self, item: str, method: Optional[str] = None, exclude_method: Optional[str] = None
                 ) -> dict[tuple[int, int], Any]:
        out: dict[tuple[int, int], Any] = {}
        for o in sorted(self.week.obs, key=lambda o: (o.measured_at, o.created_at)):
            if o.item != item or (method and o.method != method) or \
                    (exclude_method and o.method == exclude_method):
                continue
            pos = self.where(o.slot_at)
            if pos is not None:
                out[pos] = o          # the latest of a slot is charted
        return out

    def curves(self) -> None:
        temps = self._current(dv.TEMP, exclude_method=dv.COOLED)
        cooled = self._current(dv.TEMP, method=dv.COOLED)
        pulses = self._current(dv.PULSE)
        hrs = self._current(dv.HR)
        self._series(temps, temp_y, BLUE, break_below=True)
        pulse_pts = self._series(pulses, pulse_y, RED)
        hr_pts = self._series(hrs, pulse_y, RED)
        self._deficit(hr_pts, pulse_pts)
        for pos, o in temps.items():          # the temperature symbols, by site
            if o.value is None or o.value < dv.NOT_RISING:
                continue
            x, y = slot_x(*pos), temp_y(o.value)
            kind = {dv.ORAL: DOT, dv.RECTAL: CIRCLE}.get(o.method or "", CROSS)
            self.add(Symbol(kind, x, y, BLUE))
        for pos, o in pulses.items():
            if o.value is None:
                continue
            x, y = slot_x(*pos), pulse_y(o.value)
            t = temps.get(pos)
            if t is not None and t.value is not None and abs(temp_y(t.value) - y) < BOX_H / 2:
                self.add(Symbol(RING, x, temp_y(t.value), RED, SYMBOL * 1.7))   # pulse on the temp
            else:
                self.add(Symbol(DOT, x, y, RED))
        for pos, o in hrs.items():
            if o.value is not None:
                self.add(Symbol(CIRCLE, slot_x(*pos), pulse_y(o.value), RED))
        for pos, o in cooled.items():          # 物理降温: red ○, dashed to the pre-cooling point
            if o.value is None:
                continue
            x, y = slot_x(*pos), temp_y(o.value)
            before = temps.get(pos)
            if before is not None and before.value is not None:
                self.add(Line(x, temp_y(before.value), x, y, RED, 0.25, dash=True))
            self.add(Symbol(CIRCLE, x, y, RED))

    def _series(self, by_pos: dict[tuple[int, int], Any], y_of: Any, color: str,
                break_below: bool = False) -> list[tuple[tuple[int, int], float, float]]:
        """Joined points; a code (拒测, 外出, 请假) or 不升 breaks the line and is written."""
        runs: list[list[tuple[float, float]]] = [[]]
        points: list[tuple[tuple[int, int], float, float]] = []
        for pos in sorted(by_pos):
            o = by_pos[pos]
            x = slot_x(*pos)
            if o.value is None or (break_below and o.value < dv.NOT_RISING):
                runs.append([])
                code = o.code if o.value is None else dv.BELOW
                if code in dv.ABSENT_CODES and color == BLUE:
                    self.add(Text(x, temp_y(Decimal("41.8")), "code", {"code": code}, 2.4, RED,
                                  vertical=True))
                elif code == dv.BELOW:
                    self.add(Text(x, temp_y(Decimal("35.6")), "code", {"code": code}, 2.4, BLUE,
                                  vertical=True))
                continue
            y = y_of(o.value)
            runs[-1].append((x, y))
            points.append((pos, x, y))
        for run in runs:
            if len(run) > 1:
                self.add(Polyline(tuple(run), color, 0.3))
        return points

    def _deficit(self, hr: Sequence[tuple[tuple[int, int], float, float]],
                 pulse: Sequence[tuple[tuple[int, int], float, float]]) -> None:
        """短绌: between consecutive slots where both were counted and the heart rate is higher."""
        p = {pos: (x, y) for pos, x, y in pulse}
        h = {pos: (x, y) for pos, x, y in hr}
        both = sorted(set(p) & set(h))
        for a, b in zip(both, both[1:]):
            if (b[0] * 6 + b[1]) - (a[0] * 6 + a[1]) != 1:
                continue
            if h[a][1] >= p[a][1] and h[b][1] >= p[b][1]:
                continue                      # the heart rate is not above the pulse
            self.add(Hatch((h[a], h[b], p[b], p[a]), RED))

    def events(self) -> None:
        for o in self.week.obs:
            if o.item != dv.EVENT or o.code not in dv.EVENTS:
                continue
            pos = self.where(o.measured_at)
            if pos is None:
                continue
            local = o.measured_at.astimezone(self.zone)
            self.add(Text(slot_x(*pos), temp_y(Decimal("41.8")), "event",
                          {"code": o.code, "hour": local.hour, "minute": local.minute,
                           "with_time": o.code not in dv.TIMELESS_EVENTS}, 2.4, RED, vertical=True))

    # --- the bottom rows ---
    def bottom(self) -> None:
        resp = self._current(dv.RESP)
        for pos in sorted(resp):
            o = resp[pos]
            text = _num(o.value) if o.value is not None else ""
            if o.code == dv.VENTILATOR:
                text = "\u24c7"                  # Ⓡ: on the ventilator
            high = pos[1] % 2 == 0            # numbers alternate high / low in the row
            y = bottom_y("resp") + (ROW_H * 0.45 if high else ROW_H * 0.9)
            self.add(_text(slot_x(*pos), y, text, size=2.0))
        per_day: dict[str, dict[int, list[Any]]] = {}
        boundary = getattr(self.week, "io_boundary", due.IO_BOUNDARY)
        for o in self.week.obs:
            local = o.measured_at.astimezone(self.zone)
            if o.item in (dv.INTAKE, dv.OUTPUT, dv.URINE):
                day = due.io_day(o.measured_at, self.zone, boundary)
            else:
                day = local.date()
            if day in self.days:
                per_day.setdefault(o.item, {}).setdefault(self.days.index(day), []).append(o)
        self._bp(per_day.get(dv.SBP, {}), per_day.get(dv.DBP, {}))
        records = self._record_io(boundary)
        for item in (dv.INTAKE, dv.OUTPUT, dv.URINE):
            typed = per_day.get(item, {})
            for i in sorted(set(typed) | set(records.get(item, {}))):
                obs = typed.get(i)
                if obs:                       # a 24 h total typed on the 体温单 wins
                    total = sum((o.value for o in obs if o.value is not None), Decimal(0))
                    text = _num(total) + ("/C" if any(o.method == dv.CATHETER for o in obs) else "")
                else:                         # else the 护理记录 lines of those 24 hours, summed
                    text = _num(Decimal(records[item][i]))
                self._day_text(item, i, text)
        for i, obs in per_day.get(dv.STOOL, {}).items():
            o = obs[-1]
            text = dv.parse_stool(o.code).notation() if o.code else _num(o.value)
            self._day_text("stool", i, text)
        for item in (dv.WEIGHT, dv.HEIGHT, dv.PAIN):
            for i, obs in per_day.get(item, {}).items():
                o = obs[-1]
                if o.value is None and o.code:
                    self.add(Text(X0 + (i + 0.5) * DAY_W, bottom_y(item) + ROW_H * 0.7, "code",
                                  {"code": o.code}, 2.3))
                else:
                    self._day_text(item, i, _num(o.value))
        for t in self.week.skin_tests:
            day = t.tested_at.astimezone(self.zone).date()
            if day in self.days:
                i = self.days.index(day)
                self.add(Text(X0 + (i + 0.5) * DAY_W, bottom_y("skin") + ROW_H * 0.7, "skin",
                              {"substance": t.substance, "result": t.result}, 2.1,
                              RED if t.result == "positive" else BLACK))

    def _record_io(self, boundary: Any) -> dict[str, dict[int, int]]:
        """item -> day index -> ml from the 护理记录 lines (危重护理记录's hourly I/O)."""
        out: dict[str, dict[int, int]] = {}
        for r in getattr(self.week, "record_io", ()):
            day = due.io_day(r.at, self.zone, boundary)
            if day not in self.days:
                continue
            i = self.days.index(day)
            for item, ml in ((dv.INTAKE, r.intake), (dv.OUTPUT, r.output), (dv.URINE, r.urine)):
                if ml:
                    out.setdefault(item, {})[i] = out.get(item, {}).get(i, 0) + ml
        return out

    def _day_text(self, row: str, day_index: int, text: str) -> None:
        self.add(_text(X0 + (day_index + 0.5) * DAY_W, bottom_y(row) + ROW_H * 0.7, text, size=2.3))

    def _bp(self, sbp: dict[int, list[Any]], dbp: dict[int, list[Any]]) -> None:
        """Up to two readings a day: morning in the day's left half, afternoon in the right."""
        for i in sorted(set(sbp) | set(dbp)):
            pairs = _pairs(sbp.get(i, []), dbp.get(i, []))[-2:]
            for half, (s, d) in enumerate(pairs):
                x = X0 + i * DAY_W + (half + 0.5) * DAY_W / (2 if len(pairs) == 2 else 1)
                s_text = _num(s.value) if s.value is not None else ""
                d_text = _num(d.value) if d is not None and d.value is not None else ""
                if s.value is None and s.code:
                    self.add(Text(x, bottom_y("bp") + ROW_H * 0.7, "code", {"code": s.code}, 2.0))
                else:
                    self.add(_text(x, bottom_y("bp") + ROW_H * 0.7, f"{s_text}/{d_text}", size=2.0))
            if len(pairs) == 2:
                x = X0 + (i + 0.5) * DAY_W
                self.add(Line(x, bottom_y("bp"), x, bottom_y("bp") + ROW_H, LIGHT, 0.1))


def _pairs(sbp: list[Any], dbp: list[Any]) -> list[tuple[Any, Optional[Any]]]:
    by_slot = {o.slot_at: o for o in dbp}
    return [(s, by_slot.get(s.slot_at)) for s in sorted(sbp, key=lambda o: o.measured_at)]


def build_page(week: Any, zone: Optional[tzinfo] = None) -> Page:
    """The page of `week` (a ChartWeek) in the ward's zone (its own offset by default)."""
    zone = zone or timezone(timedelta(minutes=int(getattr(week, "zone_offset_minutes", 0))))
    return _Builder(week, zone).build()
