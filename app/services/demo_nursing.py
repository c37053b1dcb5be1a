"""The 护理记录 of the demo ward (issue 14): the 危重护理记录 of the 病危 patient (bed 12, GI bleed)
hour by hour since this morning's 07:00 boundary (vitals, consciousness, pupils, IV intake,
catheter urine, what was done), so its 24 h I/O runs into today's 体温单 column; and a few
一般护理记录 lines of the febrile patient (bed 8) and a stable one (bed 3).

Rows are signed facts like any nurse's (nursing_rec, insert only); keys are demo_id()s, so a
reseed writes the same rows.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Iterator

from app.domain import vitals_due as due
from app.services.demo_ids import demo_id, local_at, local_today, rng_for

Rows = list[dict[str, Any]]
CRITICAL_BED = 12
NOTES_12 = ("禁食，持续心电监护、吸氧 3 L/min，予止血、补液治疗", "解柏油样便约 100 g，已报告医生",
            "神志清，诉头晕，予卧床、防跌倒", "")
GENERAL = {8: (("体温 39.2℃，予温水擦浴物理降温，30 分钟后复测 38.5℃", "39.2", 108, 24),
               ("体温下降，出汗较多，协助更衣、饮水 300 ml", "37.9", 96, 20)),
           3: (("病情平稳，饮食、睡眠可，已行入院宣教", "36.6", 78, 18),)}


def _row(bed_no: int, n: int, at: datetime, rec_type: str, body: dict[str, Any],
         nurse: str) -> dict[str, Any]:
    return {"id": demo_id("nursing14", bed_no, n), "encounter_id": demo_id("encounter", bed_no),
            "rec_type": rec_type, "recorded_at": at, "body": body, "nurse_id": nurse,
            "status": "signed", "device_time": at, "received_at": at, "version": 1,
            "created_at": at, "updated_at": at, "replaces_id": None, "reason": None, "op_id": None}


def _body(vitals: dict[str, str], note: str, **more: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"vitals": vitals, "consciousness": None, "pupil_left": None,
                            "pupil_right": None, "light_left": None, "light_right": None,
                            "intake": [], "output": [], "note": note}
    body.update(more)
    return body


def build(spec: dict[str, Any], now: datetime) -> Iterator[tuple[str, Rows]]:
    rows: Rows = []
    zone = now.astimezone().tzinfo
    assert zone is not None
    patients = {int(p["bed"]): p for p in spec["patients"]}
    p = patients.get(CRITICAL_BED)
    if p is not None:
        nurse = demo_id("staff", "liufang" if p["team"] == "A" else "zhaoli")
        rng = rng_for("nursing14", CRITICAL_BED)
        start = due.io_window(due.io_day(now, zone), zone)[0]
        at = max(start, p["_admitted_at"]) + timedelta(minutes=30)
        n = 0
        while at <= now - timedelta(minutes=15):
            vitals = {"pulse": str(rng.randint(98, 116)), "resp": str(rng.randint(18, 24)),
                      "sbp": str(rng.randint(92, 108)), "dbp": str(rng.randint(55, 66)),
                      "spo2": str(rng.randint(94, 98))}
            if n % 4 == 0:
                vitals["temp"] = f"{rng.randint(368, 378) / 10:.1f}"
            pupils = {"pupil_left": "3.0", "pupil_right": "3.0", "light_left": "brisk",
                      "light_right": "brisk"} if n % 2 == 0 else {}
            intake = [{"kind": "iv", "ml": rng.choice((100, 120, 150))}]
            if n == 2:
                intake.append({"kind": "blood", "ml": 200})
            output = [{"kind": "urine", "ml": rng.randint(4, 9) * 10}]
            rows.append(_row(CRITICAL_BED, n, at, "critical", _body(
                vitals, NOTES_12[n % len(NOTES_12)], consciousness="alert", intake=intake,
                output=output, **pupils), nurse))
            at += timedelta(hours=1)
            n += 1
    today = local_today(now)
    for bed_no, lines in GENERAL.items():
        q = patients.get(bed_no)
        if q is None:
            continue
        nurse = demo_id("staff", "liufang" if q["team"] == "A" else "zhaoli")
        for n, (note, temp, pulse, resp) in enumerate(lines):
            at = local_at(today - timedelta(days=1), 15 + 4 * n, 10)
            if at > q["_admitted_at"] and at < now:
                rows.append(_row(bed_no, n, at, "general", _body(
                    {"temp": temp, "pulse": str(pulse), "resp": str(resp)}, note), nurse))
    yield "nursing_rec", rows
