"""会诊 (consultation, CLINICAL.md §5): a doctor requests one (department or person, routine or
urgent, the question); the consulted department sees it in its queue, accepts it and answers
with a signed 会诊记录 in the patient's record. Routine: recorded within 48 h of the request;
urgent: arrive within 10 minutes and record at once. Overdue requests show in the consulted
department's queue and in the requesting doctor's time-limit list (app/services/doc_deadlines.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.domain import documents as dd
from app.domain import roles
from app.errors import PermissionDenied, ValidationError
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import bed, clin_doc, consult_req, dept, doc_rev, encounter, patient, staff

REQUESTED, ACCEPTED, ANSWERED = "requested", "accepted", "answered"
ROUTINE_HOURS = 48
URGENT_MINUTES = 10
QUESTION_MAX = 500


def due_at(requested_at: datetime, urgent: bool) -> datetime:
    return requested_at + (timedelta(minutes=URGENT_MINUTES) if urgent else timedelta(hours=ROUTINE_HOURS))


@dataclass(frozen=True)
class RequestConsult(Command):
    consult_id: str                        # client-made
    encounter_id: str
    to_dept_id: str
    question: str
    urgent: bool = False
    to_staff_id: Optional[str] = None


@dataclass(frozen=True)
class AcceptConsult(Command):
    consult_id: str
    base_version: int


@dataclass(frozen=True)
class AnswerConsult(Command):
    """The consultant's 会诊记录, signed as it is written; the request is answered by it."""

    consult_id: str
    base_version: int
    doc_id: str                            # client-made
    sections: tuple[dd.Section, ...]


register(RequestConsult, AcceptConsult, AnswerConsult)


def _request(uow: UnitOfWork, consult_id: str) -> dict[str, object]:
    row = uow.conn.execute(select(consult_req, encounter.c.patient_id, encounter.c.admitted_at)
                           .join(encounter, encounter.c.id == consult_req.c.encounter_id)
                           .where(consult_req.c.id == consult_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="consult_req", id=consult_id)
    return dict(row)


def _consultant(uow: UnitOfWork, req: dict[str, object], actor_id: str) -> None:
    """Only the doctor asked for, or a doctor of the department asked."""
    if req["to_staff_id"] is not None:
        if req["to_staff_id"] != actor_id:
            raise PermissionDenied("consult.not_addressed")
        return
    actor_dept = uow.conn.execute(select(staff.c.dept_id).where(staff.c.id == actor_id)).scalar()
    if actor_dept != req["to_dept_id"]:
        raise PermissionDenied("consult.not_addressed")


@handles(RequestConsult, roles.DOC_WRITE)
def request_consult(uow: UnitOfWork, cmd: RequestConsult) -> Changes:
    question = cmd.question.strip()
    if not question:
        raise ValidationError("consult.question_required", field="question")
    enc = uow.conn.execute(select(encounter.c.patient_id, encounter.c.status)
                           .where(encounter.c.id == cmd.encounter_id)).first()
    if enc is None or enc.status != "admitted":
        raise ValidationError("not_found", entity="encounter", id=cmd.encounter_id)
    row = {"id": cmd.consult_id, "encounter_id": cmd.encounter_id, "requested_by": cmd.actor_id,
           "to_dept_id": cmd.to_dept_id, "to_staff_id": cmd.to_staff_id, "urgent": cmd.urgent,
           "question": question[:QUESTION_MAX], "status": REQUESTED, "requested_at": uow.now,
           "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(consult_req).values(**row))
    uow.audit(AuditEntry("create", "consult", cmd.consult_id, cmd.actor_id, enc.patient_id, None, row,
                         cmd.op_id))
    return Changes.of(kinds.DOCUMENT, [cmd.consult_id], [enc.patient_id])


@handles(AcceptConsult, roles.DOC_SIGN)
def accept_consult(uow: UnitOfWork, cmd: AcceptConsult) -> Changes:
    req = _request(uow, cmd.consult_id)
    if req["status"] != REQUESTED:
        raise ValidationError("consult.not_open", status=req["status"])
    _consultant(uow, req, cmd.actor_id)
    update_versioned(uow, consult_req, cmd.consult_id, cmd.base_version,
                     {"status": ACCEPTED, "accepted_by": cmd.actor_id, "accepted_at": uow.now})
    uow.audit(AuditEntry("accept", "consult", cmd.consult_id, cmd.actor_id, str(req["patient_id"]),
                         {"status": REQUESTED}, {"status": ACCEPTED}, cmd.op_id))
    return Changes.of(kinds.DOCUMENT, [cmd.consult_id], [str(req["patient_id"])])


@handles(AnswerConsult, roles.DOC_SIGN)
def answer_consult(uow: UnitOfWork, cmd: AnswerConsult) -> Changes:
    req = _request(uow, cmd.consult_id)
    if req["status"] not in (REQUESTED, ACCEPTED):
        raise ValidationError("consult.not_open", status=req["status"])
    _consultant(uow, req, cmd.actor_id)
    missing = dd.missing_required(cmd.sections)
    if missing:
        raise ValidationError("doc.section_required", sections=missing,
                              titles=[s.title for s in cmd.sections if s.id in missing])
    requested_at: datetime = req["requested_at"]  # type: ignore[assignment]
    uow.conn.execute(insert(clin_doc).values(
        id=cmd.doc_id, encounter_id=req["encounter_id"], doc_type="consult",
        title=dd.doc_types()["consult"].name, status=dd.SIGNED, event_at=uow.now,
        due_at=due_at(requested_at, bool(req["urgent"])),
        rev_no=1, author_id=cmd.actor_id, signed_at=uow.now, signed_by=cmd.actor_id,
        cosign_needed=False, late_entry=False, version=1, created_at=uow.now, updated_at=uow.now))
    uow.conn.execute(insert(doc_rev).values(
        id=new_id(), doc_id=cmd.doc_id, rev_no=1, body={"sections": dd.sections_to_json(cmd.sections)},
        editor_id=cmd.actor_id, edited_at=uow.now, reason=None))
    values = {"status": ANSWERED, "answered_at": uow.now, "doc_id": cmd.doc_id}
    if req["accepted_at"] is None:
        values.update(accepted_by=cmd.actor_id, accepted_at=uow.now)
    update_versioned(uow, consult_req, cmd.consult_id, cmd.base_version, values)
    patient_id = str(req["patient_id"])
    uow.audit(AuditEntry("answer", "consult", cmd.consult_id, cmd.actor_id, patient_id,
                         {"status": req["status"]}, {"status": ANSWERED, "doc_id": cmd.doc_id}, cmd.op_id))
    uow.audit(AuditEntry("sign", kinds.DOCUMENT, cmd.doc_id, cmd.actor_id, patient_id, None,
                         {"status": dd.SIGNED, "rev_no": 1, "consult_id": cmd.consult_id}, cmd.op_id))
    return Changes.of(kinds.DOCUMENT, [cmd.consult_id, cmd.doc_id], [patient_id])


@dataclass(frozen=True)
class Department:
    id: str
    code: str
    name: str


def departments(conn: Connection) -> list[Department]:
    return [Department(r.id, r.code, r.name)
            for r in conn.execute(select(dept.c.id, dept.c.code, dept.c.name).order_by(dept.c.code))]


@dataclass(frozen=True)
class ConsultItem:
    id: str
    encounter_id: str
    bed_no: str
    patient_name: str
    mrn: str
    from_dept: str
    requested_by: str
    to_staff_id: Optional[str]
    urgent: bool
    question: str
    status: str
    requested_at: datetime
    due_at: datetime
    overdue: bool
    accepted_by: str
    doc_id: Optional[str]
    version: int


_requester = aliased(staff, name="requester")
_acceptor = aliased(staff, name="acceptor")
_from_dept = aliased(dept, name="from_dept")


def consults(conn: Connection, now: datetime, *, to_dept_id: Optional[str] = None,
             encounter_id: Optional[str] = None, open_only: bool = True) -> list[ConsultItem]:
    """The consulted department's queue (to_dept_id) or one stay's requests: one statement,
    urgent and overdue first."""
    q = (select(consult_req, bed.c.bed_no, patient.c.name, patient.c.mrn,
                _from_dept.c.name.label("from_dept"), _requester.c.full_name.label("requester"),
                _acceptor.c.full_name.label("acceptor"))
         .join(encounter, encounter.c.id == consult_req.c.encounter_id)
         .join(patient, patient.c.id == encounter.c.patient_id)
         .outerjoin(bed, bed.c.id == encounter.c.bed_id)
         .join(_from_dept, _from_dept.c.id == encounter.c.dept_id)
         .join(_requester, _requester.c.id == consult_req.c.requested_by)
         .outerjoin(_acceptor, _acceptor.c.id == consult_req.c.accepted_by))
    if to_dept_id is not None:
        q = q.where(consult_req.c.to_dept_id == to_dept_id)
    if encounter_id is not None:
        q = q.where(consult_req.c.encounter_id == encounter_id)
    if open_only:
        q = q.where(consult_req.c.status.in_((REQUESTED, ACCEPTED)))
    items = []
    for r in conn.execute(q).mappings():
        due = due_at(r["requested_at"], bool(r["urgent"]))
        items.append(ConsultItem(
            r["id"], r["encounter_id"], r["bed_no"] or "", r["name"], r["mrn"], r["from_dept"],
            r["requester"] or "", r["to_staff_id"], bool(r["urgent"]), r["question"], r["status"],
            r["requested_at"], due, r["status"] != ANSWERED and due < now, r["acceptor"] or "",
            r["doc_id"], int(r["version"])))
    items.sort(key=lambda i: (not i.urgent, not i.overdue, i.requested_at))
    return items
