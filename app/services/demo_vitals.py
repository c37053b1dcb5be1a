"""The charting side of the demo ward (issue 14): what demo_charts.py's vital signs lack for a
full 体温单: the daily intake/output of the critical and the febrile patient (24 h on the ward's
07:00 boundary, one total a day) and the height on admission.

Rows are facts like any nurse's (vital_obs, insert only); keys are demo_id()s, so a reseed
writes the same rows.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Iterator

from app.domain import vitals as dv
from app.domain import vitals_due as due
from app.services.demo_ids import demo_id, local_at, local_today, rng_for

Rows = list[dict[str, Any]]
IO_BEDS = (8, 12)                  # 郑国庆 (fever), 褚卫东 (病危, GI bleed)


def _row(bed_no: int, at: datetime, item: str, value: Any, nurse: str, **kw: Any) -> dict[str, Any]:
    return {"id": demo_id("vital14", bed_no, at.isoformat(), item),
            "encounter_id": demo_id("encounter", bed_no), "measured_at": at, "item": item,
            "num_value": None if value is None else Decimal(str(value)),
            "code": kw.get("code"), "method": kw.get("method"), "note": None, "recorded_by": nurse,
            "device_time": at, "received_at": at, "voided": False, "void_reason": None,
            "created_at": at, "voids": None, "slot_at": None, "op_id": None}


def build(spec: dict[str, Any], now: datetime) -> Iterator[tuple[str, Rows]]:
    rows: Rows = []
    for p in spec["patients"]:
        bed_no = int(p["bed"])
        adm: datetime = p["_admitted_at"]
        nurse = demo_id("staff", "liufang" if p["team"] == "A" else "zhaoli")
        rng = rng_for("vitals14", bed_no)
        rows.append(_row(bed_no, adm + timedelta(minutes=12), dv.HEIGHT, rng.randint(150, 182), nurse))
        if bed_no not in IO_BEDS:
            continue
        zone = now.astimezone().tzinfo
        assert zone is not None
        day = due.io_day(adm, zone)
        while True:
            end = local_at(day + timedelta(days=1), 6, 50)   # totals written before the 07:00 boundary
            if end > now:
                break
            if end > adm:
                rows.append(_row(bed_no, end, dv.INTAKE, rng.randint(16, 26) * 100, nurse))
                rows.append(_row(bed_no, end, dv.URINE, rng.randint(12, 20) * 100, nurse,
                                 method=dv.CATHETER if bed_no == 12 else None))
                rows.append(_row(bed_no, end, dv.OUTPUT, rng.randint(14, 24) * 100, nurse))
            day += timedelta(days=1)
            if day > local_today(now):
                break
    yield "vital_obs", rows
