"""Risk assessments (Braden, Morse, Barthel, pain; CLINICAL.md §6) recorded as signed nursing
records (nursing_rec, rec_type "assessment"): facts, one row per assessment, never updated; the
score is computed again here from the answers (the client's total is not trusted).

`latest_assessments` reads the ward's last assessment per patient and scale in one statement,
for the bed card and the header (risk level, alert, next assessment due).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.domain import nursing_scores as ns
from app.domain import roles
from app.errors import ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.store.schema import encounter, nursing_rec

ASSESSMENT = "assessment"


@dataclass(frozen=True)
class RecordAssessment(Command):
    encounter_id: str
    record_id: str                        # client-made key of the nursing_rec row
    scale: str                            # braden / morse / barthel / pain
    answers: dict[str, int]
    assessed_at: datetime


register(RecordAssessment)


@handles(RecordAssessment, roles.NURSING_WRITE)
def record_assessment(uow: UnitOfWork, cmd: RecordAssessment) -> Changes:
    result = ns.score(cmd.scale, cmd.answers)
    enc = uow.conn.execute(select(encounter.c.patient_id, encounter.c.admitted_at)
                           .where(encounter.c.id == cmd.encounter_id)).first()
    if enc is None:
        raise ValidationError("not_found", entity="encounter", id=cmd.encounter_id)
    if cmd.assessed_at > uow.now + timedelta(minutes=5):
        raise ValidationError("vitals.in_future", at=cmd.assessed_at)
    if cmd.assessed_at < enc.admitted_at - timedelta(minutes=5):
        raise ValidationError("vitals.before_admission", at=cmd.assessed_at)
    body = {"scale": cmd.scale, "answers": dict(cmd.answers), "total": result.total,
            "level": result.level, "alert": result.alert}
    uow.conn.execute(insert(nursing_rec).values(
        id=cmd.record_id, encounter_id=cmd.encounter_id, rec_type=ASSESSMENT,
        recorded_at=cmd.assessed_at, body=body, nurse_id=cmd.actor_id, status="signed",
        device_time=cmd.device_time, received_at=uow.now, version=1, created_at=uow.now,
        updated_at=uow.now))
    uow.audit(AuditEntry("create", kinds.VITALS, cmd.encounter_id, cmd.actor_id, enc.patient_id,
                         None, {"assessment": cmd.record_id, **body}, cmd.op_id))
    return Changes.of(kinds.VITALS, [cmd.encounter_id], [enc.patient_id])


@dataclass(frozen=True)
class Assessment:
    encounter_id: str
    scale: str
    total: int
    level: str
    alert: bool
    assessed_at: datetime
    due_at: Optional[datetime]


def latest_assessments(conn: Connection, ward_id: str) -> dict[tuple[str, str], Assessment]:
    """(encounter_id, scale) -> the last assessment, for the ward's admitted patients."""
    rows = conn.execute(
        select(nursing_rec.c.encounter_id, nursing_rec.c.body, nursing_rec.c.recorded_at)
        .join(encounter, encounter.c.id == nursing_rec.c.encounter_id)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        .where(nursing_rec.c.rec_type == ASSESSMENT).where(nursing_rec.c.status == "signed")
        .order_by(nursing_rec.c.recorded_at)).all()
    out: dict[tuple[str, str], Assessment] = {}
    for r in rows:
        body: Any = r.body
        result = ns.Score(body["scale"], int(body["total"]), body["level"], bool(body["alert"]))
        days = ns.reassess_days(result)
        out[(r.encounter_id, result.scale)] = Assessment(
            r.encounter_id, result.scale, result.total, result.level, result.alert, r.recorded_at,
            r.recorded_at + timedelta(days=days) if days else None)
    return out
