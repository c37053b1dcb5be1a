"""护士交接班 (the nurses' shift report, CLINICAL.md §6): the counts and the patient list of one
shift, read from the data; the commands are in nurse_handover_cmds.py.

Counts: 入院, 转入, 出院, 转出, 死亡 from the stays (admitted_at, the end and its kind) and their
ward-changing bed moves in the shift's window (start, as_of]; 手术 and 分娩 from the 体温单's
events; 病危 and 病重 among the patients on the ward at as_of. 原有 is the previous shift's 现有
as its nurse handed it over (the paper practice), or the census at the start when there is no
such report; 现有 is counted on its own (the ward's admitted patients for the running shift, the
census at the end for a past one). So 现有 = 原有 + 入院 + 转入 − 出院 − 转出 − 死亡 is a real
check: it fails when a report and the data disagree (a late admission, a missed discharge).

The patient list follows CLINICAL.md's order: leaving (出院, 转出, 死亡), arriving (入院, 转入),
手术, 分娩, 病危/病重, abnormal vital signs; each with the shift's events, the abnormal values
(CLINICAL.md §4 flags) and the doses due in the shift not yet recorded. One statement per kind
for the whole ward: stays, moves, values, diagnoses, open doses, the reports.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.domain import nurse_shift as ns
from app.domain import vitals as dv
from app.services.ward_settings import nurse_settings
from app.store.schema import (
    bed,
    bed_move,
    diagnosis,
    encounter,
    med_order,
    nurse_handover,
    order_exec,
    order_exec_plan,
    patient,
    staff,
    vital_obs,
    ward,
)

DRAFT, HANDED, RECEIVED = "draft", "handed", "received"
SIGNED = (HANDED, RECEIVED)
LIVE_SLACK = timedelta(minutes=2)          # as_of this close to now: 现有 is the ward's live count
RECENT_SHIFTS = 9                          # the picker: three days of three shifts
ABNORMAL_ITEMS = (dv.TEMP, dv.PULSE, dv.HR, dv.RESP, dv.SBP, dv.DBP, dv.SPO2, dv.PAIN)
ENDED = {"discharged", "transferred", "deceased"}
OPEN_ORDER = ("verified", "active", "stop_pending")


@dataclass(frozen=True)
class Reading:
    item: str
    value: Decimal
    flag: str                              # high / low; "" within the normal range
    at: datetime


Abnormal = Reading


@dataclass(frozen=True)
class PatientLine:
    """One patient of the report, as the data give it (the nurse's text is the note entry)."""

    encounter_id: str
    bed_no: str
    sort_key: int
    name: str
    mrn: str
    diagnosis: str
    group: str                             # ns.GROUPS
    reasons: tuple[str, ...]               # ns.REASONS
    events: tuple[tuple[str, datetime], ...]   # (reason code, when) in the shift
    abnormal: tuple[Reading, ...]          # the worst flagged value per item in the shift
    open_doses: int                        # due in the shift, nothing recorded yet
    latest: tuple[Reading, ...] = ()       # the last value per item in the shift
    other_ward: str = ""                   # the ward it was transferred from / to in the shift


@dataclass(frozen=True)
class SavedHandover:
    id: str
    status: str
    version: int
    counts: Optional[dict[str, Any]]       # as signed
    entries: tuple[dict[str, Any], ...]
    explanation: str
    drafted_name: str
    handed_by: Optional[str]
    handed_name: str
    handed_at: Optional[datetime]
    received_name: str
    received_at: Optional[datetime]


@dataclass(frozen=True)
class ShiftReport:
    ward_id: str
    shift: ns.Shift
    shift_codes: tuple[str, ...]           # the ward's shifts, in the day's order
    as_of: datetime
    counts: dict[str, int]                 # ns.COUNT_KEYS
    expected_current: int                  # 原有 + 入院 + 转入 − 出院 − 转出 − 死亡
    original_source: str                   # "report" (the last shift's 现有) or "data"
    census_original: int                   # 原有 by the data, whatever the source
    patients: tuple[PatientLine, ...]
    saved: Optional[SavedHandover]
    recent: tuple[ns.Shift, ...] = ()      # the running shift and those before it, newest first

    @property
    def holds(self) -> bool:
        return self.expected_current == self.counts[ns.CURRENT]


def local_zone(zone: Optional[tzinfo] = None) -> tzinfo:
    return zone or datetime.now().astimezone().tzinfo or timezone.utc


def pick_shift(conn: Connection, ward_id: str, now: datetime, shift_date: Optional[date] = None,
               shift_code: Optional[str] = None,
               zone: Optional[tzinfo] = None) -> tuple[ns.Shift, tuple[ns.ShiftDef, ...]]:
    """The named shift (default: the one running now) with the ward's shift definitions."""
    zone = local_zone(zone)
    shifts = nurse_settings(conn, ward_id).shifts
    if shift_date is None or shift_code is None:
        return ns.shift_at(shifts, now, zone), shifts
    return ns.shift_window(shifts, shift_date, shift_code, zone), shifts


def _stays(conn: Connection, ward_id: str, start: datetime,
           as_of: datetime) -> tuple[list[ns.Stay], dict[str, Any]]:
    moved = select(bed_move.c.encounter_id).where(or_(bed_move.c.from_ward_id == ward_id,
                                                      bed_move.c.to_ward_id == ward_id))
    rows = conn.execute(
        select(encounter.c.id, encounter.c.admitted_at, encounter.c.discharged_at, encounter.c.status,
               encounter.c.ward_id, encounter.c.acuity, bed.c.bed_no, bed.c.sort_key, patient.c.name,
               patient.c.mrn)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .where(or_(encounter.c.ward_id == ward_id, encounter.c.id.in_(moved)))
        .where(encounter.c.admitted_at <= as_of)
        .where(or_(encounter.c.discharged_at.is_(None), encounter.c.discharged_at > start))).all()
    info: dict[str, Any] = {r.id: r for r in rows}
    if not rows:
        return [], info
    from_bed = aliased(bed, name="from_bed")
    moves: dict[str, list[Any]] = defaultdict(list)
    for m in conn.execute(select(bed_move.c.encounter_id, bed_move.c.moved_at, bed_move.c.from_ward_id,
                                 bed_move.c.to_ward_id, from_bed.c.bed_no, from_bed.c.sort_key)
                          .outerjoin(from_bed, from_bed.c.id == bed_move.c.from_bed_id)
                          .where(bed_move.c.encounter_id.in_(list(info)))
                          .order_by(bed_move.c.moved_at)):
        if m.from_ward_id is not None and m.from_ward_id != m.to_ward_id:
            moves[m.encounter_id].append(m)
    stays = []
    for r in rows:
        ended = r.status in ENDED and r.discharged_at is not None
        stays.append(ns.Stay(r.id, r.admitted_at, r.discharged_at if ended else None,
                             r.status if ended else None, r.ward_id,
                             tuple(ns.Move(m.moved_at, m.from_ward_id, m.to_ward_id) for m in moves[r.id])))
    info["_moves"] = moves
    return stays, info


def _current_obs() -> Any:
    later = vital_obs.alias("later")
    return and_(~exists().where(later.c.voids == vital_obs.c.id), vital_obs.c.voided == False,  # noqa: E712
                or_(vital_obs.c.code.is_(None), vital_obs.c.code != "void"))


def _values(conn: Connection, ids: list[str], start: datetime, as_of: datetime) -> list[Any]:
    if not ids:
        return []
    return list(conn.execute(
        select(vital_obs.c.encounter_id, vital_obs.c.item, vital_obs.c.num_value, vital_obs.c.code,
               vital_obs.c.measured_at)
        .where(vital_obs.c.encounter_id.in_(ids)).where(_current_obs())
        .where(vital_obs.c.measured_at > start).where(vital_obs.c.measured_at <= as_of)
        .where(or_(vital_obs.c.item.in_(ABNORMAL_ITEMS),
                   and_(vital_obs.c.item == dv.EVENT, vital_obs.c.code.in_(dv.OPERATIONS))))
        .order_by(vital_obs.c.measured_at)).all())


def _readings(rows: list[Any]) -> tuple[dict[str, list[Reading]], dict[str, list[Reading]]]:
    """Per patient: the worst flagged value per item in the shift, and the last value per item
    (rows come in time order)."""
    worst: dict[tuple[str, str], Reading] = {}
    last: dict[tuple[str, str], Reading] = {}
    for r in rows:
        if r.item == dv.EVENT or r.num_value is None:
            continue
        value = Decimal(str(r.num_value)).quantize(dv.LIMITS[r.item].step)
        try:
            flag = dv.assess(r.item, value).flag
        except Exception:   # a legacy value outside today's reject range: not a flag
            flag = ""
        key = (r.encounter_id, r.item)
        last[key] = Reading(r.item, value, flag, r.measured_at)
        if not flag:
            continue
        old = worst.get(key)
        if old is None or (flag == dv.HIGH and value > old.value) or (flag == dv.LOW and value < old.value):
            worst[key] = Reading(r.item, value, flag, r.measured_at)

    def by_patient(found: dict[tuple[str, str], Reading]) -> dict[str, list[Reading]]:
        out: dict[str, list[Reading]] = defaultdict(list)
        for (enc, _item), a in found.items():
            out[enc].append(a)
        for items in out.values():
            items.sort(key=lambda a: ABNORMAL_ITEMS.index(a.item))
        return out

    return by_patient(worst), by_patient(last)


def _diagnoses(conn: Connection, ids: list[str]) -> dict[str, str]:
    dx: dict[str, str] = {}
    if ids:
        for r in conn.execute(select(diagnosis.c.encounter_id, diagnosis.c.name)
                              .where(diagnosis.c.encounter_id.in_(ids))
                              .where(diagnosis.c.status == "active")
                              .order_by(diagnosis.c.seq_no)):
            dx.setdefault(r.encounter_id, r.name)
    return dx


def _open_doses(conn: Connection, ids: list[str], start: datetime, as_of: datetime) -> dict[str, int]:
    """Plan items of the shift (planned_at in the window) with no execution fact yet."""
    if not ids:
        return {}
    rows = conn.execute(
        select(med_order.c.encounter_id, func.count())
        .select_from(order_exec_plan.join(med_order, med_order.c.id == order_exec_plan.c.order_id))
        .where(med_order.c.encounter_id.in_(ids)).where(med_order.c.status.in_(OPEN_ORDER))
        .where(order_exec_plan.c.status == "planned")
        .where(order_exec_plan.c.planned_at > start).where(order_exec_plan.c.planned_at <= as_of)
        .where(~exists().where(order_exec.c.plan_id == order_exec_plan.c.id))
        .group_by(med_order.c.encounter_id)).all()
    return {str(r[0]): int(r[1]) for r in rows}


def _saved(conn: Connection, ward_id: str, shift: ns.Shift) -> Optional[SavedHandover]:
    drafter, giver, taker = (aliased(staff, name=n) for n in ("drafter", "giver", "taker"))
    r: Any = conn.execute(
        select(nurse_handover, drafter.c.full_name.label("drafter"), giver.c.full_name.label("giver"),
               taker.c.full_name.label("taker"))
        .join(drafter, drafter.c.id == nurse_handover.c.drafted_by)
        .outerjoin(giver, giver.c.id == nurse_handover.c.handed_by)
        .outerjoin(taker, taker.c.id == nurse_handover.c.received_by)
        .where(nurse_handover.c.ward_id == ward_id)
        .where(nurse_handover.c.shift_date == shift.shift_date)
        .where(nurse_handover.c.shift_code == shift.code)).mappings().first()
    if r is None:
        return None
    notes = r["notes"] or {}
    return SavedHandover(r["id"], r["status"], int(r["version"]), r["counts"],
                         tuple(notes.get("entries", [])), str(notes.get("explanation", "")),
                         r["drafter"] or "", r["handed_by"], r["giver"] or "", r["handed_at"],
                         r["taker"] or "", r["received_at"])


def _reported_current(conn: Connection, ward_id: str, previous: ns.Shift) -> Optional[int]:
    counts = conn.execute(select(nurse_handover.c.counts).where(nurse_handover.c.ward_id == ward_id)
                          .where(nurse_handover.c.shift_date == previous.shift_date)
                          .where(nurse_handover.c.shift_code == previous.code)
                          .where(nurse_handover.c.status.in_(SIGNED))).scalar()
    if isinstance(counts, dict) and isinstance(counts.get(ns.CURRENT), int):
        return int(counts[ns.CURRENT])
    return None


def shift_report(conn: Connection, ward_id: str, now: datetime, shift_date: Optional[date] = None,
                 shift_code: Optional[str] = None, *, as_of: Optional[datetime] = None,
                 zone: Optional[tzinfo] = None) -> ShiftReport:
    """The shift's report as the data give it now (and the saved one, if any)."""
    zone = local_zone(zone)
    shift, shifts = pick_shift(conn, ward_id, now, shift_date, shift_code, zone)
    end = min(shift.end, as_of or now)
    end = max(end, shift.start)
    stays, info = _stays(conn, ward_id, shift.start, end)
    moves: dict[str, list[Any]] = info.pop("_moves", {})
    f = ns.flows(stays, ward_id, shift.start, end)
    census_start = len(ns.on_ward(stays, ward_id, shift.start))
    present = ns.on_ward(stays, ward_id, end)
    if end >= now - LIVE_SLACK:     # the running shift: the ward's admitted patients, counted apart
        current = sum(1 for s in stays if info[s.encounter_id].status == "admitted"
                      and s.ward_id == ward_id)
    else:
        current = len(present)
    reported = _reported_current(conn, ward_id, ns.previous_shift(shifts, shift, zone))
    ids = [s.encounter_id for s in stays]
    values = _values(conn, ids, shift.start, end)
    on_ward_at = {s.encounter_id: s for s in stays}
    operated: dict[str, list[tuple[str, datetime]]] = defaultdict(list)
    for v in values:
        if v.item == dv.EVENT and on_ward_at[v.encounter_id].ward_at(v.measured_at) == ward_id:
            operated[v.encounter_id].append((v.code, v.measured_at))
    present_ids = {s.encounter_id for s in present}
    acuity = {e: info[e].acuity for e in present_ids}
    counts = {
        ns.ORIGINAL: census_start if reported is None else reported,
        ns.ADMITTED: len(f.admitted), ns.DISCHARGED: len(f.discharged),
        ns.TRANSFER_IN: len(f.transfer_in), ns.TRANSFER_OUT: len(f.transfer_out), ns.DIED: len(f.died),
        ns.CRITICAL: sum(1 for a in acuity.values() if a == ns.CRITICAL),
        ns.SERIOUS: sum(1 for a in acuity.values() if a == ns.SERIOUS),
        ns.SURGERY: sum(1 for e in operated if any(c == dv.SURGERY for c, _ in operated[e])),
        ns.DELIVERY: sum(1 for e in operated if any(c == dv.DELIVERY for c, _ in operated[e])),
        ns.CURRENT: current}
    # The patient list.
    reasons: dict[str, list[str]] = defaultdict(list)
    events: dict[str, list[tuple[str, datetime]]] = defaultdict(list)
    other: dict[str, str] = {}
    for key, enc_ids in (("discharged", f.discharged), ("transfer_out", f.transfer_out), ("died", f.died),
                         ("admitted", f.admitted), ("transfer_in", f.transfer_in)):
        for e in enc_ids:
            if key not in reasons[e]:
                reasons[e].append(key)
    for s in stays:
        e = s.encounter_id
        if e in f.admitted:
            events[e].append(("admitted", s.admitted_at))
        for m in s.moves:
            if shift.start < m.at <= end and ward_id in (m.from_ward, m.to_ward):
                events[e].append(("transfer_in" if m.to_ward == ward_id else "transfer_out", m.at))
                other[e] = str(m.from_ward if m.to_ward == ward_id else m.to_ward)
        if s.ended_at is not None and e in (*f.discharged, *f.transfer_out, *f.died) \
                and shift.start < s.ended_at <= end:
            kind = {"discharged": "discharged", "transferred": "transfer_out", "deceased": "died"}
            events[e].append((kind.get(s.end_kind or "", "discharged"), s.ended_at))
    for e, items in operated.items():
        for code, at in items:
            if code not in reasons[e]:
                reasons[e].append(code)
            events[e].append((code, at))
    for e in present_ids:
        if acuity[e] in (ns.CRITICAL, ns.SERIOUS):
            reasons[e].append(acuity[e])
    abnormal, latest = _readings(values)
    for e in abnormal:
        if e in present_ids or e in reasons:
            reasons[e].append("abnormal")
    listed = [e for e in reasons if reasons[e]]
    dx = _diagnoses(conn, listed)
    doses = _open_doses(conn, [e for e in listed if e in present_ids], shift.start, end)
    names: dict[str, str] = {}
    if other:
        names = {str(r.id): str(r.name) for r in conn.execute(
            select(ward.c.id, ward.c.name).where(ward.c.id.in_(set(other.values()))))}
    lines = []
    for e in listed:
        r = info[e]
        bed_no, sort_key = r.bed_no or "", r.sort_key or 0
        out = [m for m in moves.get(e, []) if m.from_ward_id == ward_id]
        if out and r.ward_id != ward_id:          # moved away: the bed it left here
            bed_no, sort_key = out[-1].bed_no or bed_no, out[-1].sort_key or sort_key
        lines.append(PatientLine(e, bed_no, int(sort_key), r.name, r.mrn, dx.get(e, ""),
                                 ns.group_of(reasons[e]), tuple(reasons[e]),
                                 tuple(sorted(events[e], key=lambda x: x[1])), tuple(abnormal.get(e, ())),
                                 doses.get(e, 0), tuple(latest.get(e, ())),
                                 str(names.get(other.get(e, ""), ""))))
    lines.sort(key=lambda p: (ns.GROUPS.index(p.group), p.sort_key, p.bed_no))
    recent = [ns.shift_at(shifts, now, zone)]
    while len(recent) < RECENT_SHIFTS:
        recent.append(ns.previous_shift(shifts, recent[-1], zone))
    return ShiftReport(ward_id, shift, tuple(d.code for d in shifts), end, counts,
                       ns.expected_current(counts), "data" if reported is None else "report",
                       census_start, tuple(lines), _saved(conn, ward_id, shift), tuple(recent))
