"""Execution plans (执行计划) without a database: the dose times of an order on one ward day.

CLINICAL.md §1-2: the frequency's default times (ward settings) between start and stop; on the
start day the 首日次数 (doses on the first day: by default the slots after the start time, or the
last N slots when the doctor set N); every_days > 1 counts days from the start (qod); the weekly
frequencies fall on set weekdays [S: qw the start's weekday, biw Mon/Thu, tiw Mon/Wed/Fri];
st/once: one item at the start; prn/sos: no schedule (each dose is recorded when given).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Optional, Sequence

ONE_SHOT = ("st", "once")
NO_SCHEDULE = ("prn", "sos")
WEEKDAYS = {"biw": (0, 3), "tiw": (0, 2, 4)}     # Monday = 0


def _slot_times(day: date, slots: Sequence[str], zone: tzinfo) -> list[datetime]:
    out: list[datetime] = []
    for slot in slots:
        try:
            hour, minute = (int(x) for x in slot.strip().split(":", 1))
        except ValueError:
            continue
        out.append(datetime.combine(day, time(hour, minute), zone).astimezone(timezone.utc))
    return sorted(out)


def plan_times(*, freq_code: Optional[str], slots: Sequence[str], every_days: int,
               start_at: datetime, stop_at: Optional[datetime], first_day_times: Optional[int],
               day: date, zone: tzinfo, term: str = "long") -> list[datetime]:
    """The planned dose times (UTC) of one order on the ward's calendar `day`."""
    start_local = start_at.astimezone(zone)
    if day < start_local.date():
        return []
    if stop_at is not None and day > stop_at.astimezone(zone).date():
        return []
    if freq_code in NO_SCHEDULE:
        return []
    if term == "temp" or freq_code in ONE_SHOT or not slots:
        return [start_at.astimezone(timezone.utc)] if day == start_local.date() else []
    offset = (day - start_local.date()).days
    if freq_code == "qw" and day.weekday() != start_local.weekday():
        return []
    if freq_code in WEEKDAYS and day.weekday() not in WEEKDAYS[freq_code]:
        return []
    if freq_code not in ("qw", *WEEKDAYS) and every_days > 1 and offset % every_days:
        return []
    times = _slot_times(day, slots, zone)
    if day == start_local.date():
        if first_day_times is None:
            times = [t for t in times if t >= start_at]
        else:
            # The doctor's count: the day's last N slots, none earlier than the start itself.
            chosen = times[len(times) - min(first_day_times, len(times)):] if first_day_times else []
            times = sorted({max(t, start_at.astimezone(timezone.utc)) for t in chosen})
    if stop_at is not None:
        times = [t for t in times if t < stop_at]
    return times


def default_first_day_times(*, slots: Sequence[str], start_at: datetime, zone: tzinfo) -> int:
    """首日次数 as order entry proposes it: the slots left on the start day after the start."""
    day = start_at.astimezone(zone).date()
    return sum(1 for t in _slot_times(day, slots, zone) if t >= start_at)


def ward_day(now: datetime, zone: tzinfo) -> date:
    return now.astimezone(zone).date()


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0, 0), zone).astimezone(timezone.utc)
    return start, start + timedelta(days=1)
