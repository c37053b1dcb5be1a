"""医生交接班 (doctors' shift handover): the ward's list built from the data, I-PASS per patient
(Illness severity, Patient summary, Action list, Situation awareness), written by the handing
doctor and acknowledged by the receiving doctor.

Who is on the list: new admissions (24 h), 病危/病重, post-operative patients (48 h), abnormal
results of the last 24 h and patients with overdue records. `handover_candidates` reads it in a
fixed number of statements for the whole ward (stays, abnormal results, surgery, the time limits).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.domain import roles
from app.errors import PermissionDenied, ValidationError
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import bed, diagnosis, doc_handover, encounter, lab_result, lab_test, med_order, patient

HANDOVER = "handover"
WRITTEN, ACKNOWLEDGED = "written", "acknowledged"
NEW_HOURS = 24
POSTOP_HOURS = 48
LAB_HOURS = 24
# Reasons (ids; ui/ words them) and the I-PASS severity they suggest.
NEW, CRITICAL, SERIOUS, POSTOP, ABNORMAL, OVERDUE = ("new", "critical", "serious", "postop",
                                                      "abnormal", "overdue")
SEVERITIES = ("critical", "watcher", "stable")


@dataclass(frozen=True)
class HandoverEntry:
    """One patient's I-PASS, as the handing doctor wrote it."""

    encounter_id: str
    severity: str                          # critical (不稳定), watcher (需关注), stable
    summary: str                           # P: patient summary
    actions: str = ""                      # A: action list (to do, by when)
    awareness: str = ""                    # S: situation awareness and contingency (if ... then ...)
    takes_over: bool = False               # 经治医师变更: the receiving doctor becomes the patient's
                                           # resident (交班记录 due before, 接班记录 24 h after)


@dataclass(frozen=True)
class WriteHandover(Command):
    handover_id: str                       # client-made
    ward_id: str
    entries: tuple[HandoverEntry, ...]
    to_staff_id: Optional[str] = None


@dataclass(frozen=True)
class AcknowledgeHandover(Command):
    handover_id: str
    base_version: int


register_values(HandoverEntry)
register(WriteHandover, AcknowledgeHandover)


@dataclass(frozen=True)
class Candidate:
    encounter_id: str
    bed_no: str
    patient_name: str
    mrn: str
    reasons: tuple[str, ...]
    severity: str
    diagnosis: str
    labs: tuple[str, ...]                  # "K 2.9 mmol/L L"
    overdue_docs: tuple[str, ...]          # document type codes


def handover_candidates(conn: Connection, ward_id: str, now: datetime) -> list[Candidate]:
    from app.services import doc_deadlines as dl

    stays = conn.execute(select(encounter.c.id, encounter.c.admitted_at, encounter.c.acuity,
                                bed.c.bed_no, bed.c.sort_key, patient.c.name, patient.c.mrn)
                         .join(patient, patient.c.id == encounter.c.patient_id)
                         .outerjoin(bed, bed.c.id == encounter.c.bed_id)
                         .where(encounter.c.ward_id == ward_id)
                         .where(encounter.c.status == "admitted")).all()
    ids = [s.id for s in stays]
    if not ids:
        return []
    labs: dict[str, list[str]] = {}
    for r in conn.execute(select(lab_result.c.encounter_id, lab_test.c.name, lab_result.c.num_value,
                                 lab_result.c.text_value, lab_result.c.unit, lab_result.c.abnormal)
                          .join(lab_test, lab_test.c.code == lab_result.c.test_code)
                          .where(lab_result.c.encounter_id.in_(ids))
                          .where(lab_result.c.abnormal.isnot(None))
                          .where(lab_result.c.taken_at >= now - timedelta(hours=LAB_HOURS))):
        value = r.text_value if r.num_value is None else format(r.num_value.normalize(), "f")
        labs.setdefault(r.encounter_id, []).append(f"{r.name} {value}{r.unit or ''} {r.abnormal}")
    postop = set(conn.execute(select(med_order.c.encounter_id).where(med_order.c.encounter_id.in_(ids))
                              .where(med_order.c.category == "surgery")
                              .where(med_order.c.start_at >= now - timedelta(hours=POSTOP_HOURS))
                              .where(med_order.c.start_at <= now)).scalars())
    dx: dict[str, str] = {}
    for r in conn.execute(select(diagnosis.c.encounter_id, diagnosis.c.name, diagnosis.c.kind,
                                 diagnosis.c.seq_no)
                          .where(diagnosis.c.encounter_id.in_(ids)).where(diagnosis.c.status == "active")
                          .order_by(diagnosis.c.seq_no)):
        dx.setdefault(r.encounter_id, r.name)
    overdue: dict[str, list[str]] = {}
    for item in dl.due_items(conn, now, ward_id=ward_id):
        if item.overdue:
            overdue.setdefault(item.encounter_id, []).append(item.doc_type)
    out = []
    for s in sorted(stays, key=lambda s: s.sort_key or 0):
        reasons: list[str] = []
        if s.admitted_at >= now - timedelta(hours=NEW_HOURS):
            reasons.append(NEW)
        if s.acuity in (CRITICAL, SERIOUS):
            reasons.append(s.acuity)
        if s.id in postop:
            reasons.append(POSTOP)
        if s.id in labs:
            reasons.append(ABNORMAL)
        if s.id in overdue:
            reasons.append(OVERDUE)
        if not reasons:
            continue
        severity = "critical" if s.acuity == CRITICAL else "watcher" if set(reasons) - {OVERDUE} else "stable"
        out.append(Candidate(s.id, s.bed_no or "", s.name, s.mrn, tuple(reasons), severity,
                             dx.get(s.id, ""), tuple(labs.get(s.id, ())), tuple(overdue.get(s.id, ()))))
    return out


@handles(WriteHandover, roles.DOC_WRITE)
def write_handover(uow: UnitOfWork, cmd: WriteHandover) -> Changes:
    if not cmd.entries:
        raise ValidationError("handover.empty")
    for e in cmd.entries:
        if e.severity not in SEVERITIES or not e.summary.strip():
            raise ValidationError("handover.entry_incomplete", encounter_id=e.encounter_id)
    body = [{"encounter_id": e.encounter_id, "severity": e.severity, "summary": e.summary.strip(),
             "actions": e.actions.strip(), "awareness": e.awareness.strip(),
             "takes_over": bool(e.takes_over)} for e in cmd.entries]
    row = {"id": cmd.handover_id, "ward_id": cmd.ward_id, "from_staff": cmd.actor_id,
           "to_staff": cmd.to_staff_id, "handed_at": uow.now, "body": {"entries": body},
           "status": WRITTEN, "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(doc_handover).values(**row))
    uow.audit(AuditEntry("create", HANDOVER, cmd.handover_id, cmd.actor_id, None, None, row, cmd.op_id))
    return Changes.of(HANDOVER, [cmd.handover_id])


@handles(AcknowledgeHandover, roles.DOC_WRITE)
def acknowledge_handover(uow: UnitOfWork, cmd: AcknowledgeHandover) -> Changes:
    row = uow.conn.execute(select(doc_handover)
                           .where(doc_handover.c.id == cmd.handover_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="doc_handover", id=cmd.handover_id)
    if row["status"] != WRITTEN:
        raise ValidationError("handover.already_acknowledged")
    if row["from_staff"] == cmd.actor_id or (row["to_staff"] and row["to_staff"] != cmd.actor_id):
        raise PermissionDenied("handover.not_receiver")
    update_versioned(uow, doc_handover, cmd.handover_id, cmd.base_version,
                     {"status": ACKNOWLEDGED, "ack_by": cmd.actor_id, "ack_at": uow.now})
    uow.audit(AuditEntry("acknowledge", HANDOVER, cmd.handover_id, cmd.actor_id, None,
                         {"status": WRITTEN}, {"status": ACKNOWLEDGED}, cmd.op_id))
    changes = Changes.of(HANDOVER, [cmd.handover_id])
    for e in (row["body"] or {}).get("entries", []):       # 经治医师变更: the receiver takes over
        if not e.get("takes_over"):
            continue
        stay = uow.conn.execute(select(encounter.c.version, encounter.c.resident_id, encounter.c.patient_id)
                                .where(encounter.c.id == e["encounter_id"])).first()
        if stay is None or stay.resident_id == cmd.actor_id:
            continue
        update_versioned(uow, encounter, e["encounter_id"], int(stay.version), {"resident_id": cmd.actor_id})
        uow.audit(AuditEntry("update", "encounter", e["encounter_id"], cmd.actor_id, stay.patient_id,
                             {"resident_id": stay.resident_id}, {"resident_id": cmd.actor_id}, cmd.op_id))
        changes = changes.merge(Changes.of("encounter", [e["encounter_id"]], [stay.patient_id]))
    return changes


@dataclass(frozen=True)
class Handover:
    id: str
    from_name: str
    handed_at: datetime
    status: str
    ack_name: str
    ack_at: Optional[datetime]
    entries: tuple[HandoverEntry, ...]
    version: int


def latest_handover(conn: Connection, ward_id: str) -> Optional[Handover]:
    """The ward's newest handover, with who wrote and who acknowledged it (one statement)."""
    from sqlalchemy.orm import aliased

    from app.store.schema import staff

    giver, taker = aliased(staff, name="giver"), aliased(staff, name="taker")
    r: Any = conn.execute(select(doc_handover, giver.c.full_name.label("giver"),
                                 taker.c.full_name.label("taker"))
                          .join(giver, giver.c.id == doc_handover.c.from_staff)
                          .outerjoin(taker, taker.c.id == doc_handover.c.ack_by)
                          .where(doc_handover.c.ward_id == ward_id)
                          .order_by(doc_handover.c.handed_at.desc()).limit(1)).mappings().first()
    if r is None:
        return None
    entries = tuple(HandoverEntry(str(e["encounter_id"]), str(e["severity"]), str(e["summary"]),
                                  str(e.get("actions", "")), str(e.get("awareness", "")),
                                  bool(e.get("takes_over", False)))
                    for e in (r["body"] or {}).get("entries", []))
    return Handover(r["id"], r["giver"] or "", r["handed_at"], r["status"], r["taker"] or "",
                    r["ack_at"], entries, int(r["version"]))
