"""护理记录 lines (一般护理记录, 危重护理记录; CLINICAL.md §6) through the write path: facts, signed
on save, insert only (DESIGN.md "Facts and states").

`RecordNursingLine` writes one line (nursing_rec, rec_type general / critical, status signed):
checked by app/domain/nursing_records.py (vitals with app/domain/vitals.py's bands: impossible
refused, unusual refused once as NeedsAcknowledgement until `confirmed` names it), timed to the
minute, never in the future nor before the admission. With `replaces_id` it is a correction:
the reason is required, the old line stays as it was (the read shows it struck through, the new
one below it, 留痕), and the unique index on replaces_id lets only one of two racing
corrections win (the other gets ConflictError). `VoidNursingLine` strikes a line without a
replacement (entered for the wrong patient): a row with status "voided", no content, naming it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import nursing_records as nr
from app.domain import roles
from app.domain.nursing_records import IOItem
from app.errors import ConflictError, NeedsAcknowledgement, ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.store.schema import encounter, nursing_rec

CLOCK_SKEW = timedelta(minutes=5)
SIGNED, VOIDED = "signed", "voided"


@dataclass(frozen=True)
class RecordNursingLine(Command):
    encounter_id: str
    record_id: str                          # client-made key of the nursing_rec row
    rec_type: str                           # general / critical
    recorded_at: datetime                   # to the minute
    vitals: dict[str, Decimal]              # temp, pulse, resp, sbp, dbp, spo2
    consciousness: Optional[str] = None
    pupil_left: Optional[Decimal] = None
    pupil_right: Optional[Decimal] = None
    light_left: Optional[str] = None
    light_right: Optional[str] = None
    intake: tuple[IOItem, ...] = ()
    output: tuple[IOItem, ...] = ()
    note: str = ""                          # 病情观察及护理措施
    confirmed: tuple[str, ...] = ()         # vitals outside the confirm range typed twice
    replaces_id: Optional[str] = None       # the line this one corrects
    reason: Optional[str] = None            # why (required for a correction)


@dataclass(frozen=True)
class VoidNursingLine(Command):
    record_id: str                          # the line to strike
    void_id: str                            # client-made key of the void row
    reason: str


register_values(IOItem)
register(RecordNursingLine, VoidNursingLine)


def _encounter(uow: UnitOfWork, encounter_id: str) -> Any:
    row = uow.conn.execute(select(encounter.c.patient_id, encounter.c.admitted_at)
                           .where(encounter.c.id == encounter_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    return row


def _reason(text: Optional[str]) -> str:
    reason = (text or "").strip()
    if not reason:
        raise ValidationError("nursing.reason_required", field="reason")
    if len(reason) > nr.REASON_MAX:
        raise ValidationError("nursing.note_too_long", field="reason", max=nr.REASON_MAX)
    return reason


def _replaceable(uow: UnitOfWork, record_id: str, encounter_id: Optional[str]) -> Any:
    """The line to correct or void: a signed 护理记录 line nobody has corrected yet."""
    old = uow.conn.execute(select(nursing_rec).where(nursing_rec.c.id == record_id)).mappings().first()
    if old is None or old["rec_type"] not in nr.REC_TYPES or old["status"] != SIGNED or (
            encounter_id is not None and old["encounter_id"] != encounter_id):
        raise ValidationError("not_found", entity="nursing_rec", id=record_id)
    later = uow.conn.execute(select(nursing_rec.c.id)
                             .where(nursing_rec.c.replaces_id == record_id)).first()
    if later is not None:
        raise ConflictError("nursing.already_corrected", id=record_id)
    return old


def _insert(uow: UnitOfWork, row: dict[str, Any]) -> None:
    try:
        with uow.conn.begin_nested():
            uow.conn.execute(insert(nursing_rec).values(**row))
    except IntegrityError:
        # uq_nursing_rec_replaces: someone corrected this line first (or the key is reused).
        raise ConflictError("nursing.already_corrected", id=row.get("replaces_id")) from None


def _row(cmd: Command, uow: UnitOfWork, **values: Any) -> dict[str, Any]:
    base = {"nurse_id": cmd.actor_id, "device_time": cmd.device_time, "received_at": uow.now,
            "version": 1, "created_at": uow.now, "updated_at": uow.now, "op_id": cmd.op_id,
            "replaces_id": None, "reason": None, "status": SIGNED}
    base.update(values)
    return base


@handles(RecordNursingLine, roles.NURSING_WRITE)
def record_line(uow: UnitOfWork, cmd: RecordNursingLine) -> Changes:
    enc = _encounter(uow, cmd.encounter_id)
    at = cmd.recorded_at.replace(second=0, microsecond=0)
    if at > uow.now + CLOCK_SKEW:
        raise ValidationError("nursing.in_future", at=at, field="recorded_at")
    if at < enc.admitted_at.replace(second=0, microsecond=0):
        raise ValidationError("nursing.before_admission", at=at, admitted_at=enc.admitted_at,
                              field="recorded_at")
    body, unconfirmed = nr.check_line(cmd.rec_type, nr.LineInput(
        cmd.vitals, cmd.consciousness, cmd.pupil_left, cmd.pupil_right, cmd.light_left,
        cmd.light_right, cmd.intake, cmd.output, cmd.note), cmd.confirmed)
    if unconfirmed:
        raise NeedsAcknowledgement("vitals.confirm", items=unconfirmed, item=unconfirmed[0]["item"],
                                   value=unconfirmed[0]["value"], field=unconfirmed[0]["item"])
    reason: Optional[str] = None
    before: Optional[dict[str, Any]] = None
    if cmd.replaces_id is not None:
        reason = _reason(cmd.reason)
        old = _replaceable(uow, cmd.replaces_id, cmd.encounter_id)
        if old["rec_type"] != cmd.rec_type:
            raise ValidationError("nursing.bad_type", field="rec_type", value=cmd.rec_type)
        before = jsonable(dict(old))
    _insert(uow, _row(cmd, uow, id=cmd.record_id, encounter_id=cmd.encounter_id,
                      rec_type=cmd.rec_type, recorded_at=at, body=body,
                      replaces_id=cmd.replaces_id, reason=reason))
    uow.audit(AuditEntry("correct" if before else "create", kinds.VITALS, cmd.encounter_id,
                         cmd.actor_id, enc.patient_id, before,
                         {"nursing_rec": cmd.record_id, "rec_type": cmd.rec_type,
                          "recorded_at": jsonable(at), "replaces": cmd.replaces_id,
                          "reason": reason, "confirmed": list(cmd.confirmed), **body}, cmd.op_id))
    return Changes.of(kinds.VITALS, [cmd.encounter_id], [enc.patient_id])


@handles(VoidNursingLine, roles.NURSING_WRITE)
def void_line(uow: UnitOfWork, cmd: VoidNursingLine) -> Changes:
    reason = _reason(cmd.reason)
    old = _replaceable(uow, cmd.record_id, None)
    enc = _encounter(uow, old["encounter_id"])
    _insert(uow, _row(cmd, uow, id=cmd.void_id, encounter_id=old["encounter_id"],
                      rec_type=old["rec_type"], recorded_at=old["recorded_at"], body={},
                      status=VOIDED, replaces_id=cmd.record_id, reason=reason))
    uow.audit(AuditEntry("void", kinds.VITALS, old["encounter_id"], cmd.actor_id, enc.patient_id,
                         jsonable(dict(old)), {"void_id": cmd.void_id, "reason": reason},
                         cmd.op_id))
    return Changes.of(kinds.VITALS, [old["encounter_id"]], [enc.patient_id])
