"""Ward settings of the nurse side ([S] in CLINICAL.md: each hospital sets its own), kept in
app_setting under `ward:<ward id>:<name>`; anything not set has the default shown here.

  overdue_minutes     an item is overdue this long after its planned time (default 30)
  skin_read_minutes   a skin test is read this long after it was placed (default 20)
  skin_valid_hours    a negative result stays valid while the drug was given within this (72)
  retest_on_batch     a new batch number of the drug needs a new test (1 / 0, default 1)
  freq:<code>         a frequency's default times on this ward, "08:00,20:00"
  io_boundary         where the ward's 24-hour intake/output day starts, "07:00" (07:00-07:00)
  shifts              the nursing shifts (交接班, CLINICAL.md §6), default
                      "day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00" (白班, 小夜, 大夜);
                      two shifts (日/夜) e.g. "day=08:00-20:00,night=20:00-08:00"; a value that
                      does not tile the day falls back to the default
  label_size          the infusion label (瓶签) stock, width x height in mm, default "80x50"
  crit_ack_minutes    a critical value (危急值) is acknowledged within this (default 0: at once)
  crit_note_hours     ... and its action documented in a 病程记录 entry within this (default 6)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from typing import Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.domain.nurse_shift import DEFAULT_SHIFTS, ShiftDef, parse_shifts
from app.store.schema import app_setting


@dataclass(frozen=True)
class NurseSettings:
    overdue_minutes: int = 30
    skin_read_minutes: int = 20
    skin_valid_hours: int = 72
    retest_on_batch: bool = True
    freq_slots: tuple[tuple[str, tuple[str, ...]], ...] = field(default_factory=tuple)
    io_boundary: time = time(7, 0)
    shifts: tuple[ShiftDef, ...] = DEFAULT_SHIFTS
    label_size: tuple[int, int] = (80, 50)      # 瓶签 width, height (mm)
    crit_ack_minutes: int = 0
    crit_note_hours: int = 6

    def slots_for(self, code: str) -> Optional[tuple[str, ...]]:
        return dict(self.freq_slots).get(code)


def setting_key(ward_id: str, name: str) -> str:
    return f"ward:{ward_id}:{name}"[:60]


def _int(value: Optional[str], default: int, low: int, high: int) -> int:
    try:
        return min(high, max(low, int(str(value))))
    except (TypeError, ValueError):
        return default


def parse_boundary(value: Optional[str], default: time = time(7, 0)) -> time:
    """"HH:MM" on the hour or half hour (a 24 h I/O day starts there); anything else: default."""
    try:
        hh, mm = str(value).strip().split(":")
        at = time(int(hh), int(mm))
    except (TypeError, ValueError):
        return default
    return at if at.minute in (0, 30) else default


LABEL_WIDTHS, LABEL_HEIGHTS = (50, 120), (30, 100)      # what a label printer's stock can be (mm)


def parse_label_size(value: Optional[str]) -> Optional[tuple[int, int]]:
    """"80x50" (also 80×50, 80*50) within LABEL_WIDTHS x LABEL_HEIGHTS, or None."""
    parts = re.split(r"\s*[xX×*]\s*", str(value or "").strip())
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    w, h = int(parts[0]), int(parts[1])
    if not (LABEL_WIDTHS[0] <= w <= LABEL_WIDTHS[1] and LABEL_HEIGHTS[0] <= h <= LABEL_HEIGHTS[1]):
        return None
    return w, h


def nurse_settings(conn: Connection, ward_id: str) -> NurseSettings:
    """The ward's settings in one query."""
    prefix = setting_key(ward_id, "")
    rows: dict[str, Optional[str]] = {
        str(k): v for k, v in conn.execute(select(app_setting.c.skey, app_setting.c.svalue)
                                           .where(app_setting.c.skey.like(prefix + "%"))).all()}
    values = {k[len(prefix):]: v for k, v in rows.items()}
    slots = tuple(sorted((k[5:], tuple(x.strip() for x in (v or "").split(",") if x.strip()))
                         for k, v in values.items() if k.startswith("freq:")))
    d = NurseSettings()
    return NurseSettings(
        overdue_minutes=_int(values.get("overdue_minutes"), d.overdue_minutes, 0, 24 * 60),
        skin_read_minutes=_int(values.get("skin_read_minutes"), d.skin_read_minutes, 1, 120),
        skin_valid_hours=_int(values.get("skin_valid_hours"), d.skin_valid_hours, 1, 24 * 30),
        retest_on_batch=str(values.get("retest_on_batch", "1")).strip() not in ("0", "false", ""),
        freq_slots=slots, io_boundary=parse_boundary(values.get("io_boundary")),
        shifts=parse_shifts(values.get("shifts")),
        label_size=parse_label_size(values.get("label_size")) or d.label_size,
        crit_ack_minutes=_int(values.get("crit_ack_minutes"), d.crit_ack_minutes, 0, 60),
        crit_note_hours=_int(values.get("crit_note_hours"), d.crit_note_hours, 1, 24))
