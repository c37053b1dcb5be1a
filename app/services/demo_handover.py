"""The demo ward's last nurses' shift report (护士交接班, issue 14): the shift before the one
running at `now`, handed over by the team nurse and received by the other, its counts and notes
computed from the seeded data the way the handover page computes them. So the running shift's
原有 comes from a signed report, as on a real ward, and the page opens on a history.

A state row written directly (like every demo row), key a demo_id(): a reseed writes the same.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from app.domain import nurse_shift as ns
from app.services import nurse_handover as nh
from app.services.demo_ids import demo_id
from app.store.schema import nurse_handover

BEDSIDE = "已床旁交接，病情同前"      # what the night nurse wrote (demo text, as in resources/demo)


WORDS = {"admitted": "入院", "transfer_in": "转入", "discharged": "出院", "transfer_out": "转出",
         "died": "死亡", "surgery": "手术", "delivery": "分娩", "critical": "病危", "serious": "病重"}
SHORT = {"temp": ("T", "℃"), "pulse": ("P", "次/分"), "hr": ("HR", "次/分"), "resp": ("R", "次/分"),
         "sbp": ("BP", ""), "spo2": ("SpO2", "%"), "pain": ("疼痛", "分")}


def _hm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


def _vitals(line: nh.PatientLine) -> str:
    last = {r.item: r for r in line.latest}
    parts = []
    for item, (label, unit) in SHORT.items():
        r = last.get(item)
        if r is None:
            continue
        value = f"{r.value}{unit}"
        if item == "sbp" and "dbp" in last:
            value = f"{r.value}/{last['dbp'].value}mmHg"
        parts.append(f"{label} {value}{'↑' if r.flag == 'high' else '↓' if r.flag == 'low' else ''}")
    return f"{_hm(max(r.at for r in last.values()))} {' '.join(parts)}" if parts else ""


def _entry(line: nh.PatientLine) -> dict[str, Any]:
    """The note the night nurse left, in the words she would use."""
    events = [f"{_hm(at)} {WORDS.get(code, code)}" for code, at in line.events]
    events += [WORDS[r] for r in line.reasons if r in ("critical", "serious")]
    return {"encounter_id": line.encounter_id, "group": line.group, "reasons": list(line.reasons),
            "bed_no": line.bed_no, "patient_name": line.name, "diagnosis": line.diagnosis,
            "events": "；".join([*events, BEDSIDE]), "vitals": _vitals(line), "pending": ""}


def seed(conn: Connection, now: datetime) -> dict[str, int]:
    ward_id = demo_id("ward")
    running, shifts = nh.pick_shift(conn, ward_id, now)
    zone = nh.local_zone()
    last = ns.previous_shift(shifts, running, zone)
    report = nh.shift_report(conn, ward_id, now, last.shift_date, last.code, as_of=last.end)
    counts: dict[str, Any] = dict(report.counts)
    counts.update({"expected_current": report.expected_current, "holds": report.holds,
                   "original_source": report.original_source, "census_original": report.census_original,
                   "as_of": report.as_of.isoformat()})
    giver, taker = demo_id("staff", "zhaoli"), demo_id("staff", "liufang")
    handed = last.end - timedelta(minutes=10)
    received = min(last.end + timedelta(minutes=5), now)
    conn.execute(insert(nurse_handover).values(
        id=demo_id("nurse_handover", last.shift_date.isoformat(), last.code), ward_id=ward_id,
        shift_date=last.shift_date, shift_code=last.code, shift_start=last.start, shift_end=last.end,
        counts=counts, notes={"entries": [_entry(p) for p in report.patients], "explanation": ""},
        status=nh.RECEIVED, drafted_by=giver, handed_by=giver, handed_at=handed, received_by=taker,
        received_at=received, version=3, created_at=handed - timedelta(hours=1), updated_at=received))
    return {"nurse_handover": 1}
