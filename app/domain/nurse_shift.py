"""Nursing shifts and the handover census (CLINICAL.md §6) without Qt or a database.

Shifts are a ward setting [S]: 白班 / 小夜 / 大夜 (default 08:00-16:00, 16:00-24:00, 00:00-08:00)
or 日 / 夜 (e.g. 08:00-20:00, 20:00-08:00, the night running past midnight). A shift is named by
the local date it starts on and its code. Its window is (start, end]: an event exactly at a
boundary belongs to the shift that ends there, and a patient present at the boundary is in the
next shift's 原有, so every arrival and departure is counted exactly once.

The census: who is on the ward at an instant, from the stay (admitted_at, its end) and the ward
changes of its bed moves (转科). 现有 = 原有 + 入院 + 转入 − 出院 − 转出 − 死亡 is then checked
against 现有 counted on its own; a difference means the data (or the last report) disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Optional, Sequence

DAY, EVENING, NIGHT = "day", "evening", "night"
SHIFT_CODES = (DAY, EVENING, NIGHT)

# The count keys, in the report's order (CLINICAL.md §6).
ORIGINAL, ADMITTED, DISCHARGED, TRANSFER_IN, TRANSFER_OUT, DIED = (
    "original", "admitted", "discharged", "transfer_in", "transfer_out", "died")
CRITICAL, SERIOUS, SURGERY, DELIVERY, CURRENT = "critical", "serious", "surgery", "delivery", "current"
COUNT_KEYS = (ORIGINAL, ADMITTED, DISCHARGED, TRANSFER_IN, TRANSFER_OUT, DIED, CRITICAL, SERIOUS,
              SURGERY, DELIVERY, CURRENT)

# Per-patient notes: groups in the order they are handed over, and the reasons behind them.
LEAVING, ARRIVING, OPERATED, DELIVERED, ACUTE, ABNORMAL = (
    "leaving", "arriving", "surgery", "delivery", "acute", "abnormal")
GROUPS = (LEAVING, ARRIVING, OPERATED, DELIVERED, ACUTE, ABNORMAL)
REASON_GROUP = {"discharged": LEAVING, "transfer_out": LEAVING, "died": LEAVING,
                "admitted": ARRIVING, "transfer_in": ARRIVING, "surgery": OPERATED,
                "delivery": DELIVERED, "critical": ACUTE, "serious": ACUTE, "abnormal": ABNORMAL}
REASONS = tuple(REASON_GROUP)


@dataclass(frozen=True)
class ShiftDef:
    code: str
    start: time
    end: time               # time(0) with start > 0: midnight (24:00); end <= start: past midnight

    @property
    def wraps(self) -> bool:
        return self.end <= self.start

    def minutes(self) -> int:
        s = self.start.hour * 60 + self.start.minute
        e = self.end.hour * 60 + self.end.minute
        return (e - s) % (24 * 60) or 24 * 60


DEFAULT_SHIFTS: tuple[ShiftDef, ...] = (
    ShiftDef(NIGHT, time(0), time(8)), ShiftDef(DAY, time(8), time(16)),
    ShiftDef(EVENING, time(16), time(0)))
DEFAULT_SETTING = "day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00"


def _clock(text: str) -> time:
    h, m = text.strip().split(":")
    hour, minute = int(h), int(m)
    if hour == 24 and minute == 0:
        return time(0)
    return time(hour, minute)


def parse_shifts(value: Optional[str]) -> tuple[ShiftDef, ...]:
    """The ward setting "day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00" as shifts
    sorted by start; the default when the value is empty or does not tile the day."""
    if not value or not value.strip():
        return DEFAULT_SHIFTS
    try:
        shifts = []
        for part in value.split(","):
            code, _, span = part.partition("=")
            begin, _, finish = span.partition("-")
            shifts.append(ShiftDef(code.strip(), _clock(begin), _clock(finish)))
    except ValueError:
        return DEFAULT_SHIFTS
    codes = [s.code for s in shifts]
    if not 2 <= len(shifts) <= 3 or len(set(codes)) != len(codes) or set(codes) - set(SHIFT_CODES):
        return DEFAULT_SHIFTS
    starts = {s.start for s in shifts}
    if sum(s.minutes() for s in shifts) != 24 * 60 or any(s.end not in starts for s in shifts):
        return DEFAULT_SHIFTS
    return tuple(sorted(shifts, key=lambda s: s.start))


@dataclass(frozen=True)
class Shift:
    """One concrete shift: its date and code, and its window in UTC."""

    shift_date: date
    code: str
    start: datetime
    end: datetime


def _local(day: date, at: time, zone: tzinfo) -> datetime:
    from datetime import timezone

    return datetime.combine(day, at, zone).astimezone(timezone.utc)


def shift_window(shifts: Sequence[ShiftDef], shift_date: date, code: str, zone: tzinfo) -> Shift:
    d = next((s for s in shifts if s.code == code), None)
    if d is None:
        from app.errors import ValidationError

        raise ValidationError("nurse_handover.unknown_shift", shift=code)
    start = _local(shift_date, d.start, zone)
    end = _local(shift_date + timedelta(days=1) if d.wraps else shift_date, d.end, zone)
    return Shift(shift_date, code, start, end)


def shift_at(shifts: Sequence[ShiftDef], at: datetime, zone: tzinfo) -> Shift:
    """The shift whose window (start, end] holds `at` (at a boundary: the one ending there)."""
    local_day = at.astimezone(zone).date()
    for day in (local_day - timedelta(days=1), local_day):
        for d in shifts:
            w = shift_window(shifts, day, d.code, zone)
            if w.start < at <= w.end:
                return w
    return shift_window(shifts, local_day, shifts[0].code, zone)   # unreachable when tiled


def previous_shift(shifts: Sequence[ShiftDef], shift: Shift, zone: tzinfo) -> Shift:
    return shift_at(shifts, shift.start, zone)


def next_shift(shifts: Sequence[ShiftDef], shift: Shift, zone: tzinfo) -> Shift:
    return shift_at(shifts, shift.end + timedelta(minutes=1), zone)


# --- the census -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Move:
    at: datetime
    from_ward: Optional[str]
    to_ward: str


@dataclass(frozen=True)
class Stay:
    """A stay as the census sees it: when it began and ended, and its ward changes in order."""

    encounter_id: str
    admitted_at: datetime
    ended_at: Optional[datetime]          # discharge, transfer out of the hospital, death
    end_kind: Optional[str]               # discharged / transferred / deceased
    ward_id: str                          # the ward now (after the last move)
    moves: tuple[Move, ...] = ()          # ward changes only (from != to), by time

    def first_ward(self) -> str:
        if self.moves and self.moves[0].from_ward:
            return self.moves[0].from_ward
        return self.ward_id

    def ward_at(self, at: datetime) -> Optional[str]:
        """The ward the patient is on at `at`, None outside the stay [admitted_at, ended_at)."""
        if at < self.admitted_at or (self.ended_at is not None and at >= self.ended_at):
            return None
        ward = self.first_ward()
        for m in self.moves:
            if m.at <= at:
                ward = m.to_ward
        return ward

    def ward_leaving(self) -> Optional[str]:
        """The ward the stay ended on."""
        if self.ended_at is None:
            return None
        ward = self.first_ward()
        for m in self.moves:
            if m.at <= self.ended_at:
                ward = m.to_ward
        return ward


def on_ward(stays: Sequence[Stay], ward_id: str, at: datetime) -> list[Stay]:
    return [s for s in stays if s.ward_at(at) == ward_id]


@dataclass(frozen=True)
class Flows:
    """Who came and went in the window (start, end]: encounter ids per count key."""

    admitted: tuple[str, ...]
    transfer_in: tuple[str, ...]
    discharged: tuple[str, ...]
    transfer_out: tuple[str, ...]
    died: tuple[str, ...]


def flows(stays: Sequence[Stay], ward_id: str, start: datetime, end: datetime) -> Flows:
    def inside(t: Optional[datetime]) -> bool:
        return t is not None and start < t <= end

    adm: list[str] = []
    t_in: list[str] = []
    dis: list[str] = []
    t_out: list[str] = []
    died: list[str] = []
    for s in stays:
        if inside(s.admitted_at) and s.first_ward() == ward_id:
            adm.append(s.encounter_id)
        for m in s.moves:
            if inside(m.at) and m.to_ward == ward_id and m.from_ward != ward_id:
                t_in.append(s.encounter_id)
            if inside(m.at) and m.from_ward == ward_id and m.to_ward != ward_id:
                t_out.append(s.encounter_id)
        if inside(s.ended_at) and s.ward_leaving() == ward_id:
            {"discharged": dis, "transferred": t_out, "deceased": died}.get(
                s.end_kind or "", dis).append(s.encounter_id)
    return Flows(tuple(adm), tuple(t_in), tuple(dis), tuple(t_out), tuple(died))


def expected_current(counts: dict[str, int]) -> int:
    """原有 + 入院 + 转入 − 出院 − 转出 − 死亡."""
    return (counts[ORIGINAL] + counts[ADMITTED] + counts[TRANSFER_IN] - counts[DISCHARGED]
            - counts[TRANSFER_OUT] - counts[DIED])


def identity_holds(counts: dict[str, int]) -> bool:
    return expected_current(counts) == counts[CURRENT]


def group_of(reasons: Sequence[str]) -> str:
    """The first group, in the handover's order, that one of the reasons puts the patient in."""
    groups = {REASON_GROUP[r] for r in reasons if r in REASON_GROUP}
    return next((g for g in GROUPS if g in groups), ABNORMAL)
