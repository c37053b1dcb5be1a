"""Printing a ward's shift handover: the nurses' 交接班报告 (app/services/nurse_handover.py) and the
doctors' 交接班记录 (app/services/handover.py), read as printed, and the audit of a print.

Which report: the nurses' of a named shift (date and code), the last of a date, or the ward's
latest handed over (a draft only when nothing was handed over yet, printed marked as a draft,
its counts as the data give them now); the doctors' latest, or the last of a date. A handed
report prints its counts as the nurse signed them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.domain import roles
from app.errors import ValidationError
from app.printing.handover_pdf import DoctorEntry, DoctorReport, NurseReport
from app.services import audit
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.record_printing import hospital_name
from app.services.uow import UnitOfWork
from app.services.ward_settings import nurse_settings
from app.store.schema import bed, diagnosis, doc_handover, encounter, nurse_handover, patient, staff, ward

NURSE_KIND, DOCTOR_KIND = "nurse_handover", "handover"


def ward_of(conn: Connection, ward_code: str) -> tuple[str, str]:
    """(id, name) of the ward with code `ward_code`."""
    row = conn.execute(select(ward.c.id, ward.c.name).where(ward.c.code == ward_code)).first()
    if row is None:
        raise ValidationError("print.unknown_ward", ward=ward_code)
    return str(row.id), str(row.name)


def _day_window(day: date) -> tuple[datetime, datetime]:
    zone = datetime.now().astimezone().tzinfo
    start = datetime.combine(day, time(0), zone)
    return start, start + timedelta(days=1)


def nurse_report(conn: Connection, ward_code: str, shift_date: Optional[date] = None,
                 shift_code: Optional[str] = None, now: Optional[datetime] = None) -> tuple[str, NurseReport]:
    """(report id, the report as printed)."""
    from app.services import nurse_handover as nh

    ward_id, ward_name = ward_of(conn, ward_code)
    giver, taker = aliased(staff, name="giver"), aliased(staff, name="taker")
    query = (select(nurse_handover, giver.c.full_name.label("giver"), taker.c.full_name.label("taker"))
             .outerjoin(giver, giver.c.id == nurse_handover.c.handed_by)
             .outerjoin(taker, taker.c.id == nurse_handover.c.received_by)
             .where(nurse_handover.c.ward_id == ward_id))
    if shift_date is not None:
        query = query.where(nurse_handover.c.shift_date == shift_date)
    if shift_code is not None:
        query = query.where(nurse_handover.c.shift_code == shift_code)
    rows = conn.execute(query.order_by(nurse_handover.c.shift_start.desc())).mappings().all()
    signed = [r for r in rows if r["status"] in nh.SIGNED]
    if not rows:
        raise ValidationError("print.no_handover", ward=ward_code)
    r: Any = signed[0] if signed and shift_code is None else rows[0]
    counts = r["counts"]
    if not isinstance(counts, dict):                     # a draft: the counts as the data give them
        from app.clock import utcnow

        report = nh.shift_report(conn, ward_id, now or utcnow(), r["shift_date"], r["shift_code"])
        counts = dict(report.counts)
    notes = r["notes"] or {}
    shifts = nurse_settings(conn, ward_id).shifts
    hospital = hospital_name(conn)
    return str(r["id"]), NurseReport(
        hospital, ward_name, r["shift_date"], r["shift_code"], tuple(s.code for s in shifts),
        r["shift_start"], r["shift_end"], r["status"], counts, str(notes.get("explanation") or ""),
        tuple(notes.get("entries") or ()), r["giver"] or "", r["handed_at"], r["taker"] or "",
        r["received_at"])


def doctor_report(conn: Connection, ward_code: str, day: Optional[date] = None) -> tuple[str, DoctorReport]:
    ward_id, ward_name = ward_of(conn, ward_code)
    giver, taker = aliased(staff, name="giver"), aliased(staff, name="taker")
    query = (select(doc_handover, giver.c.full_name.label("giver"), taker.c.full_name.label("taker"))
             .join(giver, giver.c.id == doc_handover.c.from_staff)
             .outerjoin(taker, taker.c.id == doc_handover.c.ack_by)
             .where(doc_handover.c.ward_id == ward_id))
    if day is not None:
        start, end = _day_window(day)
        query = query.where(doc_handover.c.handed_at >= start).where(doc_handover.c.handed_at < end)
    r: Any = conn.execute(query.order_by(doc_handover.c.handed_at.desc()).limit(1)).mappings().first()
    if r is None:
        raise ValidationError("print.no_handover", ward=ward_code)
    entries = list((r["body"] or {}).get("entries", []))
    ids = [str(e["encounter_id"]) for e in entries]
    stays = {str(s.id): s for s in conn.execute(
        select(encounter.c.id, bed.c.bed_no, patient.c.name, patient.c.mrn)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id).where(encounter.c.id.in_(ids)))}
    dx: dict[str, str] = {}
    for d in conn.execute(select(diagnosis.c.encounter_id, diagnosis.c.name)
                          .where(diagnosis.c.encounter_id.in_(ids)).where(diagnosis.c.status == "active")
                          .order_by(diagnosis.c.seq_no)):
        dx.setdefault(str(d.encounter_id), str(d.name))
    out = []
    for e in entries:
        s = stays.get(str(e["encounter_id"]))
        out.append(DoctorEntry(str(s.bed_no or "") if s else "", str(s.name) if s else "",
                               str(s.mrn) if s else "", dx.get(str(e["encounter_id"]), ""),
                               str(e.get("severity", "")), str(e.get("summary", "")),
                               str(e.get("actions", "")), str(e.get("awareness", "")),
                               bool(e.get("takes_over", False))))
    return str(r["id"]), DoctorReport(hospital_name(conn), ward_name, r["handed_at"], r["giver"] or "",
                                      r["taker"] or "", r["ack_at"], tuple(out))


def audit_handover_print(uow: UnitOfWork, kind: str, handover_id: str, pages: int,
                         staff_id: Optional[str], op_id: Optional[str]) -> Changes:
    """Audit a print of a nurses' (`kind` nurse_handover) or doctors' (handover) report."""
    table = nurse_handover if kind == NURSE_KIND else doc_handover
    if kind not in (NURSE_KIND, DOCTOR_KIND) or uow.conn.execute(
            select(table.c.id).where(table.c.id == handover_id)).first() is None:
        raise ValidationError("print.no_handover", ward="")
    uow.audit(audit.AuditEntry("print", kind, handover_id, staff_id, None, None,
                               {"sheet": kind, "pages": pages}, op_id))
    return Changes()


@dataclass(frozen=True)
class RecordHandoverPrint(Command):
    """A print of a nurses' (`kind` nurse_handover) or doctors' (handover) report from its screen."""

    kind: str
    handover_id: str
    pages: int = 0


register(RecordHandoverPrint)


@handles(RecordHandoverPrint, roles.PRINT)
def record_handover_print(uow: UnitOfWork, cmd: RecordHandoverPrint) -> Changes:
    return audit_handover_print(uow, cmd.kind, cmd.handover_id, cmd.pages, cmd.actor_id, cmd.op_id)


def ward_code_of(conn: Connection, ward_id: str) -> str:
    code = conn.execute(select(ward.c.code).where(ward.c.id == ward_id)).scalar()
    if code is None:
        raise ValidationError("not_found", entity="ward", id=ward_id)
    return str(code)

