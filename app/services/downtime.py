"""The downtime packet's data: for every current patient of a ward, in bed order, what a ward
needs on paper when the system is away (the patient, allergies, the orders in force, the last
three days' vital signs and the week's 体温单), read from the server or from the offline replica
(the same tables, so the same reads).

Everything is read once for the whole ward, one statement each whatever the number of
patients (the stays, allergies, diagnoses, orders, vital signs), the 体温单's weeks by the
chart's own read (app.services.vitals.chart_weeks, what patient_week runs for one stay), so the
packet's chart is the chart. A print is audited per patient (`packet_audit`), on the server
in a unit of work or, from the replica, through the local audit queue
(app/services/audit_spool.py) that the workstation writes to the server once it is back.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Optional

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from app.clock import as_utc, utcnow
from app.domain import orders as od
from app.domain.ward import PatientHeader
from app.errors import ValidationError
from app.services.audit import AuditEntry
from app.services.orders import OrderRow, _order_row, _orders_base, arrange
from app.services.vitals import ChartWeek, Obs, _obs, _obs_query, chart_weeks
from app.services.ward import age_years, days_in_hospital, local_date
from app.store.schema import (
    allergy,
    app_setting,
    bed,
    dept,
    diagnosis,
    encounter,
    med_order,
    patient,
    route,
    staff,
    vital_obs,
    ward,
)

ADMITTED = "admitted"
SERVER, REPLICA = "server", "replica"
VITAL_DAYS = 3
_KIND_RANK = {"primary": 0, "admission": 1, "discharge": 2, "secondary": 3}


@dataclass(frozen=True)
class PacketAllergy:
    substance: str
    reaction: str
    severity: str                          # mild / moderate / severe / ""


@dataclass(frozen=True)
class PacketOrder:
    """An order in force as the packet lists it: the sheet's content with its group mark, and
    the structured dose, route and frequency a nurse gives it by."""

    term: str                              # long / temp
    start_at: datetime
    mark: str                              # ┌ │ └ of an infusion group, or ""
    content: str
    dose: str                              # "20 mg", or ""
    route: str                             # the route's name (静脉滴注), or its code
    freq: str                              # qd, bid ...
    rate: str                              # 40 gtt/min
    status: str
    use_kind: str                          # regular / prn / sos / discharge
    high_alert: bool
    stop_at: Optional[datetime]
    instruction: str


@dataclass(frozen=True)
class PacketPatient:
    header: PatientHeader
    diet: str
    allergies: tuple[PacketAllergy, ...]
    orders: tuple[PacketOrder, ...]
    vitals: tuple[Obs, ...]                # the last VITAL_DAYS days, oldest first
    week: ChartWeek                        # the 体温单's current week

    def of_term(self, term: str) -> tuple[PacketOrder, ...]:
        return tuple(o for o in self.orders if o.term == term)


@dataclass(frozen=True)
class DowntimePacket:
    ward_code: str
    ward_name: str
    dept_name: str
    hospital: str
    printed_at: datetime                   # this PC's clock, when the packet was read
    source: str                            # SERVER or REPLICA
    as_of: Optional[datetime]              # the replica's data as of (the server's clock then)
    zone_offset_minutes: int
    patients: tuple[PacketPatient, ...] = field(default_factory=tuple)


def _zone(zone: Optional[tzinfo]) -> tzinfo:
    return zone or datetime.now().astimezone().tzinfo or timezone.utc


def ward_packet(conn: Connection, ward_code: str, *, source: str = SERVER,
                as_of: Optional[datetime] = None, now: Optional[datetime] = None,
                zone: Optional[tzinfo] = None) -> DowntimePacket:
    """Everything the packet prints for the ward `ward_code`, in a fixed number of statements
    (ten, and the ward's weeks of the 体温单 in four: app.services.vitals.chart_weeks)."""
    zone = _zone(zone)
    now = as_utc(now) if now is not None else utcnow()
    w = conn.execute(select(ward.c.id, ward.c.name, dept.c.name.label("dept"))
                     .join(dept, dept.c.id == ward.c.dept_id).where(ward.c.code == ward_code)).first()
    if w is None:
        raise ValidationError("print.unknown_ward", ward=ward_code)
    stays = conn.execute(
        select(encounter.c.id, encounter.c.patient_id, encounter.c.admitted_at,
               encounter.c.nursing_grade, encounter.c.acuity, encounter.c.diet, patient.c.name,
               patient.c.sex, patient.c.birth_date, patient.c.mrn, bed.c.bed_no,
               staff.c.full_name.label("attending"))
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .outerjoin(staff, staff.c.id == encounter.c.attending_id)
        .where(encounter.c.ward_id == w.id).where(encounter.c.status == ADMITTED)
        .order_by(bed.c.sort_key.is_(None), bed.c.sort_key, encounter.c.admitted_at)).all()
    if not stays:
        raise ValidationError("print.empty_ward", ward=ward_code)
    in_ward = and_(encounter.c.ward_id == w.id, encounter.c.status == ADMITTED)
    allergies = _allergies(conn, in_ward)
    diagnoses = _diagnoses(conn, in_ward)
    orders = _orders(conn, in_ward)
    vitals = _vitals(conn, in_ward, now - timedelta(days=VITAL_DAYS), now, zone)
    hospital = conn.execute(select(app_setting.c.svalue)
                            .where(app_setting.c.skey == "hospital_name")).scalar()
    weeks = chart_weeks(conn, {s.id: 0 for s in stays}, zone=zone, now=now)
    today = local_date(now)
    patients: list[PacketPatient] = []
    for s in stays:
        diags = diagnoses.get(s.id, [])
        found = allergies.get(s.patient_id, [])
        header = PatientHeader(
            patient_id=s.patient_id, encounter_id=s.id, name=s.name, sex=s.sex or "",
            age_years=age_years(s.birth_date, today), mrn=s.mrn, bed_no=s.bed_no or "",
            ward_name=w.name, dept_name=w.dept, admitted_at=s.admitted_at,
            days_in_hospital=days_in_hospital(s.admitted_at, now),
            diagnosis=diags[0] if diags else "", allergies=tuple(a.substance for a in found),
            attending_name=s.attending or "", resident_name="", nursing_grade=int(s.nursing_grade),
            acuity=s.acuity, diagnoses=tuple(diags))
        patients.append(PacketPatient(header, s.diet or "", tuple(found), tuple(orders.get(s.id, [])),
                                      tuple(vitals.get(s.id, [])), weeks[s.id]))
    offset = now.astimezone(zone).utcoffset() or timedelta(0)
    return DowntimePacket(ward_code, w.name, w.dept, str(hospital or ""), now, source, as_of,
                          int(offset.total_seconds() // 60), tuple(patients))


def _allergies(conn: Connection, in_ward: Any) -> dict[str, list[PacketAllergy]]:
    rows = conn.execute(select(allergy.c.patient_id, allergy.c.substance, allergy.c.reaction,
                               allergy.c.severity)
                        .where(allergy.c.status == "active")
                        .where(allergy.c.patient_id.in_(select(encounter.c.patient_id).where(in_ward)))
                        .order_by(allergy.c.patient_id, allergy.c.recorded_at, allergy.c.id)).all()
    out: dict[str, list[PacketAllergy]] = defaultdict(list)
    for r in rows:
        out[r.patient_id].append(PacketAllergy(r.substance, r.reaction or "", r.severity or ""))
    return out


def _diagnoses(conn: Connection, in_ward: Any) -> dict[str, list[str]]:
    rows = conn.execute(select(diagnosis.c.encounter_id, diagnosis.c.kind, diagnosis.c.seq_no,
                               diagnosis.c.name)
                        .where(diagnosis.c.status == "active")
                        .where(diagnosis.c.encounter_id.in_(select(encounter.c.id).where(in_ward)))).all()
    ranked: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in rows:
        ranked[r.encounter_id].append((_KIND_RANK.get(r.kind, 9), int(r.seq_no or 0), r.name))
    return {ref: list(dict.fromkeys(t for _, _, t in sorted(items))) for ref, items in ranked.items()}


def _orders(conn: Connection, in_ward: Any) -> dict[str, list[PacketOrder]]:
    """The signed orders in force (red lines and drafts left out), in sheet order per stay."""
    names: dict[str, str] = {str(r.code): str(r.name)
                             for r in conn.execute(select(route.c.code, route.c.name))}
    rows = conn.execute(_orders_base().where(med_order.c.encounter_id.in_(
        select(encounter.c.id).where(in_ward))).where(med_order.c.status.in_(od.LIVE))
        .where(med_order.c.category != "line")).mappings().all()
    by_stay: dict[str, list[OrderRow]] = defaultdict(list)
    for r in rows:
        by_stay[r["encounter_id"]].append(_order_row(r))
    return {stay: [_packet_order(o, names) for o in arrange(items)] for stay, items in by_stay.items()}


def _packet_order(o: OrderRow, routes: dict[str, str]) -> PacketOrder:
    dose = ""
    if o.dose is not None:
        value = o.dose.normalize()
        dose = f"{format(value, 'f')}{o.dose_unit or ''}"
    return PacketOrder(o.term, o.start_at, o.group_mark, o.content, dose,
                       routes.get(o.route_code or "", o.route_code or ""), o.freq_code or "", o.rate or "",
                       o.status, o.use_kind, o.high_alert,
                       o.stop_at if o.status == od.STOP_PENDING else None, o.instruction or "")


def _vitals(conn: Connection, in_ward: Any, since: datetime, until: datetime,
            zone: tzinfo) -> dict[str, list[Obs]]:
    rows = conn.execute(_obs_query().add_columns(vital_obs.c.encounter_id.label("stay"))
                        .where(vital_obs.c.encounter_id.in_(select(encounter.c.id).where(in_ward)))
                        .where(vital_obs.c.measured_at >= since).where(vital_obs.c.measured_at <= until)
                        .order_by(vital_obs.c.measured_at, vital_obs.c.created_at)).all()
    out: dict[str, list[Obs]] = defaultdict(list)
    for r in rows:
        out[r.stay].append(_obs(r, zone))
    return out


def vital_days(packet_zone_minutes: int, obs: tuple[Obs, ...]) -> list[date]:
    """The local dates the vital rows fall on (for the daily totals row)."""
    zone = timezone(timedelta(minutes=packet_zone_minutes))
    return sorted({o.measured_at.astimezone(zone).date() for o in obs})


def packet_audit(packet: DowntimePacket, staff_id: Optional[str], op_id: Optional[str] = None,
                 at: Optional[datetime] = None) -> list[AuditEntry]:
    """One print record per patient: what the packet put on paper of them, and from where."""
    out = []
    for p in packet.patients:
        after = {"sheet": "downtime_packet", "ward": packet.ward_code, "source": packet.source,
                 "weeks": [p.week.week_no], "orders": len(p.orders)}
        if packet.as_of is not None:
            after["as_of"] = as_utc(packet.as_of).isoformat()
        out.append(AuditEntry("print", "downtime_packet", p.header.encounter_id, staff_id,
                              p.header.patient_id, None, after, op_id, at))
    return out
