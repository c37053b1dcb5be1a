"""Defaults order entry fills in after a pick, and the entry's time parsing.

The default times of each frequency come from the backend's frequency dictionary
(`frequencies()`, the ward's settings, CLINICAL.md §1 "Frequencies"), handed in as `slots`.
FREQ_SLOTS is the fallback for a backend that does not serve it (it mirrors the seeded
dictionary). Used only to propose 首日次数; the doctor may change it.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any, Optional

FREQ_SLOTS: dict[str, tuple[str, ...]] = {
    "qd": ("08:00",), "bid": ("08:00", "16:00"), "tid": ("08:00", "12:00", "16:00"),
    "qid": ("08:00", "12:00", "16:00", "20:00"), "q6h": ("00:00", "06:00", "12:00", "18:00"),
    "q8h": ("00:00", "08:00", "16:00"), "q12h": ("08:00", "20:00"), "qn": ("20:00",),
    "hs": ("21:00",), "qod": ("08:00",),
    "q4h": ("00:00", "04:00", "08:00", "12:00", "16:00", "20:00"),
    "q2h": tuple(f"{h:02d}:00" for h in range(0, 24, 2)), "qh": tuple(f"{h:02d}:00" for h in range(24)),
    "ac": ("06:30", "10:30", "16:30"), "pc": ("07:30", "11:30", "17:30"),
}
DEFAULT_LONG_FREQ = "qd"
DEFAULT_TEMP_FREQ = "st"


def default_freq(term: str, category: str) -> str:
    if category != "drug":
        return ""
    return DEFAULT_LONG_FREQ if term == "long" else DEFAULT_TEMP_FREQ


def slots_of(frequencies: Any) -> dict[str, tuple[str, ...]]:
    """code -> default times from the backend's Frequency rows (those without times left out)."""
    out: dict[str, tuple[str, ...]] = {}
    for f in frequencies or ():
        slots = tuple(str(s).strip() for s in getattr(f, "slots", ()) or () if str(s).strip())
        code = str(getattr(f, "code", "") or "")
        if code and slots:
            out[code] = slots
    return out


def first_day_times(freq_code: str, start: datetime,
                    slots: Optional[Mapping[str, tuple[str, ...]]] = None) -> Optional[int]:
    """The slots of the start day at or after the start time (CLINICAL.md §1 首日次数); `slots`
    from the dictionary (slots_of), FREQ_SLOTS when the backend gave none."""
    times = (slots or FREQ_SLOTS).get(freq_code)
    if not times:
        return None
    if start.tzinfo is not None:
        start = start.astimezone()
    now = start.time().replace(second=0, microsecond=0)
    count = 0
    for s in times:
        try:
            at = time.fromisoformat(s)
        except ValueError:
            continue
        if at >= now:
            count += 1
    return count


def parse_time(text: str, now: Optional[datetime] = None) -> Optional[datetime]:
    """'08:30' (today), '05-01 08:30' (this year), '2026-05-01 08:30', as local aware times.

    Returns None for an empty text; raises ValueError for one that is not a time."""
    text = text.strip().replace("/", "-").replace("：", ":")
    if not text:
        return None
    now = (now or datetime.now().astimezone()).astimezone()
    for fmt in ("%Y-%m-%d %H:%M", "%m-%d %H:%M", "%H:%M", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%H:%M":
            parsed = datetime.combine(now.date(), parsed.time())
        elif fmt == "%m-%d %H:%M":
            parsed = parsed.replace(year=now.year)
        return parsed.astimezone()          # a naive wall-clock time, read as local
    raise ValueError(text)
