"""Dose times of one ward day from frequency, start, stop and 首日次数 (CLINICAL.md §1-2)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.domain.plans import default_first_day_times, plan_times

CST = timezone(timedelta(hours=8))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CST)


def times(freq: str, slots: str, start: datetime, day: int, *, every: int = 1,
          stop: datetime | None = None, first: int | None = None, term: str = "long") -> list[str]:
    out = plan_times(freq_code=freq, slots=slots.split(",") if slots else (), every_days=every,
                     start_at=start, stop_at=stop, first_day_times=first,
                     day=date(2026, 12, day), zone=CST, term=term)
    return [t.astimezone(CST).strftime("%d %H:%M") for t in out]


@pytest.mark.parametrize("freq, slots, start, day, kw, expected", [
    ("tid", "08:00,12:00,16:00", at(2, 10), 2, {}, ["02 12:00", "02 16:00"]),          # after start
    ("tid", "08:00,12:00,16:00", at(2, 10), 3, {}, ["03 08:00", "03 12:00", "03 16:00"]),
    ("tid", "08:00,12:00,16:00", at(2, 10), 2, {"first": 1}, ["02 16:00"]),             # doctor's count
    ("tid", "08:00,12:00,16:00", at(2, 10), 2, {"first": 3}, ["02 10:00", "02 12:00", "02 16:00"]),
    ("tid", "08:00,12:00,16:00", at(2, 10), 2, {"first": 0}, []),
    ("bid", "08:00,16:00", at(1, 9), 3, {"stop": at(3, 12)}, ["03 08:00"]),            # stop day
    ("bid", "08:00,16:00", at(1, 9), 4, {"stop": at(3, 12)}, []),
    ("qod", "08:00", at(1, 7), 2, {"every": 2}, []),
    ("qod", "08:00", at(1, 7), 3, {"every": 2}, ["03 08:00"]),
    ("biw", "08:00", at(1, 7), 3, {"every": 7}, ["03 08:00"]),                          # Thursday
    ("biw", "08:00", at(1, 7), 4, {"every": 7}, []),
    ("st", "", at(2, 10, 5), 2, {"term": "temp"}, ["02 10:05"]),
    ("prn", "", at(2, 10), 2, {}, []),
    ("q8h", "00:00,08:00,16:00", at(2, 10), 1, {}, []),                                 # before start
])
def test_dose_times(freq: str, slots: str, start: datetime, day: int, kw: dict, expected: list[str]) -> None:  # type: ignore[type-arg]
    assert times(freq, slots, start, day, **kw) == expected


def test_default_first_day_count_is_the_slots_left() -> None:
    assert default_first_day_times(slots=["08:00", "12:00", "16:00"], start_at=at(2, 11), zone=CST) == 2
