"""Who is due a TPR measurement in a slot (CLINICAL.md §3), the slots, and the 24-hour I/O day.

The frequency rules are the common ones, all [S] (ward settings may change the numbers):
routine once a day; a new admission twice a day for 3 days; post-op four times a day for 3
days; T ≥37.5 °C four times a day until it has been normal for 3 days; T ≥39 °C every 4 hours
(with the 30-minute retake after cooling); 病危 as the order says (every 4 hours without one).
The highest frequency that applies wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Optional, Sequence

SLOTS = (2, 6, 10, 14, 18, 22)
SLOTS_FOR_TIMES: dict[int, tuple[int, ...]] = {   # times a day -> slot hours [S]
    1: (14,), 2: (6, 14), 3: (6, 14, 18), 4: (6, 10, 14, 18), 6: SLOTS}
ROUTINE_TIMES = 1
NEW_ADMISSION_TIMES, NEW_ADMISSION_DAYS = 2, 3
POSTOP_TIMES, POSTOP_DAYS = 4, 3
FEVER_TIMES, FEVER_FROM, FEVER_NORMAL_DAYS = 4, Decimal("37.5"), 3
HIGH_FEVER_TIMES, HIGH_FEVER_FROM = 6, Decimal("39.0")
CRITICAL_TIMES = 6
COOLING_RETAKE = timedelta(minutes=30)
IO_BOUNDARY = time(7, 0)                   # the ward's 24 h intake/output day starts here

# Reasons (message ids' last part; ui/ translates vitals.due.<reason>).
ROUTINE, NEW_ADMISSION, POSTOP, FEVER, HIGH_FEVER, CRITICAL = (
    "routine", "new_admission", "postop", "fever", "high_fever", "critical")


@dataclass(frozen=True)
class DueInput:
    """What the rules look at for one patient (times aware)."""

    admitted_at: datetime
    operations: Sequence[datetime] = ()     # 手术 / 分娩 times
    temps: Sequence[tuple[datetime, Decimal]] = ()   # recent temperatures, any order
    critical: bool = False                  # 病危
    ordered_times: Optional[int] = None     # times a day from a TPR order (病危 per order)


@dataclass(frozen=True)
class Due:
    times: int                              # a day
    reasons: tuple[str, ...] = field(default=())
    slots: tuple[int, ...] = ()

    def due_at(self, slot_hour: int) -> bool:
        return slot_hour in self.slots


def slot_hour_of(local: datetime) -> int:
    """The slot a local time belongs to: each slot covers two hours either side (02: 00-03:59,
    06: 04-07:59 ... 22: 20-23:59), so a slot never crosses midnight."""
    return SLOTS[min(local.hour // 4, len(SLOTS) - 1)]


def slot_start(day: date, hour: int, zone: tzinfo) -> datetime:
    """The slot's nominal time (UTC) on the ward's calendar day."""
    if hour not in SLOTS:
        raise ValueError(f"not a slot hour: {hour}")
    return datetime.combine(day, time(hour, 0), zone).astimezone(timezone.utc)


def slot_of(at: datetime, zone: tzinfo) -> datetime:
    """The nominal time (UTC) of the slot a measurement at `at` belongs to."""
    local = at.astimezone(zone)
    return slot_start(local.date(), slot_hour_of(local), zone)


def current_slot(now: datetime, zone: tzinfo) -> datetime:
    return slot_of(now, zone)


def _stay_day(admitted: datetime, day: date, zone: tzinfo) -> int:
    return (day - admitted.astimezone(zone).date()).days + 1


def due(inp: DueInput, at: datetime, zone: tzinfo) -> Due:
    """The frequency in force at `at` (the slot's time), and why."""
    day = at.astimezone(zone).date()
    found: list[tuple[int, str]] = [(ROUTINE_TIMES, ROUTINE)]
    if 1 <= _stay_day(inp.admitted_at, day, zone) <= NEW_ADMISSION_DAYS:
        found.append((NEW_ADMISSION_TIMES, NEW_ADMISSION))
    for op in inp.operations:
        after = (day - op.astimezone(zone).date()).days
        if op <= at + timedelta(hours=4) and 0 <= after <= POSTOP_DAYS:
            found.append((POSTOP_TIMES, POSTOP))
            break
    past = sorted((t, v) for t, v in inp.temps if t <= at)
    if past and past[-1][1] >= HIGH_FEVER_FROM:
        found.append((HIGH_FEVER_TIMES, HIGH_FEVER))
    window = at - timedelta(days=FEVER_NORMAL_DAYS)
    if any(v >= FEVER_FROM and t >= window for t, v in past):
        found.append((FEVER_TIMES, FEVER))
    if inp.critical:
        found.append((inp.ordered_times or CRITICAL_TIMES, CRITICAL))
    elif inp.ordered_times:
        found.append((inp.ordered_times, ROUTINE))
    times = max(t for t, _ in found)
    reasons = tuple(r for t, r in sorted(found, key=lambda x: -x[0]) if t == times)
    return Due(times, reasons, slots_for(times))


def slots_for(times: int) -> tuple[int, ...]:
    if times in SLOTS_FOR_TIMES:
        return SLOTS_FOR_TIMES[times]
    return SLOTS if times > 4 else SLOTS_FOR_TIMES[max(k for k in SLOTS_FOR_TIMES if k <= times)]


def io_day(at: datetime, zone: tzinfo, boundary: time = IO_BOUNDARY) -> date:
    """The chart date a 24-hour intake/output total belongs to: from `boundary` on that day to
    `boundary` the next day (07:00-07:00 by default; the day the period starts [S])."""
    local = at.astimezone(zone)
    return local.date() if local.time() >= boundary else local.date() - timedelta(days=1)


def io_window(day: date, zone: tzinfo, boundary: time = IO_BOUNDARY) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the ward's 24-hour I/O period for the chart date `day`."""
    start = datetime.combine(day, boundary, zone).astimezone(timezone.utc)
    return start, start + timedelta(days=1)


def cooling_retake_at(measured_at: datetime) -> datetime:
    """When the temperature is taken again after 物理降温."""
    return measured_at + COOLING_RETAKE


def stay_day(admitted_at: datetime, day: date, zone: tzinfo) -> int:
    """住院天数: the admission day is 1."""
    return _stay_day(admitted_at, day, zone)


def days_after_operations(operations: Sequence[datetime], day: date, zone: tzinfo,
                          limit: int = 14) -> tuple[int, ...]:
    """手术(分娩)后天数 for `day`, newest operation first: the day after an operation is 1, through
    day `limit`; an operation on this very day gives 0 [S]. Empty when none counts. Two numbers
    are printed "new/old" (2/5)."""
    out: list[int] = []
    for op in sorted(operations, reverse=True):
        n = (day - op.astimezone(zone).date()).days
        if 0 <= n <= limit:
            out.append(n)
    return tuple(out)
