"""A febrile week as the 体温单 tests draw it: admitted on day 1 at 10:20, surgery on day 3, a
second operation on day 5, high fever with cooling, a refused measurement, a pulse deficit."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Optional

from app.domain import vitals_due as due
from app.services.vitals import ChartHeader, ChartWeek, Obs, SkinTest

ZONE = timezone(timedelta(hours=8))
FIRST = date(2026, 11, 28)            # the month changes on the page


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(FIRST.year, FIRST.month, FIRST.day, hour, minute, tzinfo=ZONE) + timedelta(days=day - 1)


def febrile_week() -> ChartWeek:
    obs: list[Obs] = []
    n = 0

    def add(item: str, when: datetime, value: Any = None, *, code: Optional[str] = None,
            method: Optional[str] = None) -> None:
        nonlocal n
        n += 1
        obs.append(Obs(f"o{n:04d}", item, None if value is None else Decimal(str(value)), code, method,
                       None, when, due.slot_of(when, ZONE), "nurse", "刘芳", when, None))

    add("event", at(1, 10, 20), code="admit")
    temps = {1: [None, None, 37.2, 38.1, 38.6, 38.3], 2: [38.0, 37.8, 38.4, 39.4, 39.1, 38.2],
             3: [37.9, 37.6, 37.8, 38.9, 38.5, 37.9], 4: [37.5, 37.4, "refused", 37.8, 37.6, 37.2],
             5: [37.0, 36.9, 37.4, 37.6, 37.2, 36.8], 6: [36.8, 36.6, 36.9, 37.1, 36.8, 36.6],
             7: [36.5, 36.6, 36.8, 37.0, 36.7, 34.6]}
    for day, values in temps.items():
        for s, v in enumerate(values):
            when = at(day, due.SLOTS[s])
            if v is None:
                continue
            if v == "refused":
                add("temp", when, code="refused")
                add("pulse", when, code="refused")
                continue
            method = "oral" if day in (5, 6) else "rectal" if day == 7 and s < 2 else "axillary"
            add("temp", when, v, method=method, code="below" if v < 35 else None)
            pulse = max(64, 72 + int((v - 37) * 18) + s)
            add("pulse", when, pulse)
            if day == 2 and s in (3, 4, 5):             # atrial fibrillation: a pulse deficit
                add("hr", when, pulse + 24)
            if v >= 39:
                add("temp", when + timedelta(minutes=30), round(v - 0.9, 1), method="cooled")
            add("resp", when, 18 + (s % 3))
    add("temp", at(6, 10), 36.9, method="oral")       # the pulse falls on the temperature point
    add("pulse", at(6, 10), 78)
    add("event", at(3, 9, 5), code="surgery")
    add("event", at(5, 15, 40), code="surgery")
    for day in range(1, 8):
        add("sbp", at(day, 6), 128 + day)
        add("dbp", at(day, 6), 78)
        add("sbp", at(day, 14), 132)
        add("dbp", at(day, 14), 80)
        add("intake", at(day, 12), 1800 + 50 * day)
        add("urine", at(day, 16), 1400 + 30 * day, method="catheter" if day in (3, 4) else None)
        add("output", at(day, 16), 1500 + 30 * day)
        add("stool", at(day, 14), 1 if day != 4 else None, code="1/E" if day == 4 else None)
    add("weight", at(1, 10, 30), 68.5)
    add("height", at(1, 10, 30), 172)
    add("weight", at(4, 10), code="bedrest")
    header = ChartHeader("enc", "pat", "郑国庆", "心内科", "8", "ZY2026001", at(1, 10, 20), None)
    return ChartWeek(header, 1, 2, tuple(FIRST + timedelta(days=i) for i in range(7)), tuple(obs),
                     (at(3, 9, 5), at(5, 15, 40)),
                     (SkinTest("青霉素", "negative", at(1, 11)),), 480)
