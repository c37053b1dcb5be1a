"""The ward's commands on a critical value (危急值, app/services/critical.py): replay-safe data for
the one write path, queued in the outbox through an outage like every command.

- `AcknowledgeCriticalValue`: the nurse who took it, when (the server's time; her PC's in the op
  record), and whom she told (the doctor informed: a name as she typed or picked it, and his
  staff id when picked from the ward's doctors). Once: a second nurse acknowledging the same value
  is told who did it first.
- `LinkCriticalNote`: the 病程记录 entry of this stay that documents the action; the deadline is
  met once that entry is signed.
Both are audited with before and after; the change sequence carries them to every PC of the ward.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import select

from app.domain import roles
from app.errors import ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.critical import ACKED, NOTE_TYPES, NOTED, OPEN
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import clin_doc, crit_value, encounter, staff

TOLD_MAX = 40


@dataclass(frozen=True)
class AcknowledgeCriticalValue(Command):
    critical_id: str
    encounter_id: str
    base_version: int
    told_name: str                       # whom she told: the doctor informed
    told_staff_id: Optional[str] = None  # his staff id when picked from the list


@dataclass(frozen=True)
class LinkCriticalNote(Command):
    critical_id: str
    encounter_id: str
    base_version: int
    doc_id: str                          # the 病程记录 entry of this stay


register(AcknowledgeCriticalValue, LinkCriticalNote)


def _row(uow: UnitOfWork, critical_id: str) -> dict[str, Any]:
    row = uow.conn.execute(select(crit_value, encounter.c.patient_id)
                           .join(encounter, encounter.c.id == crit_value.c.encounter_id)
                           .where(crit_value.c.id == critical_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="crit_value", id=critical_id)
    return dict(row)


def _name(uow: UnitOfWork, staff_id: Optional[str]) -> str:
    if not staff_id:
        return ""
    return str(uow.conn.execute(select(staff.c.full_name).where(staff.c.id == staff_id)).scalar() or "")


@handles(AcknowledgeCriticalValue, roles.CRITICAL_ACK)
def acknowledge(uow: UnitOfWork, cmd: AcknowledgeCriticalValue) -> Changes:
    row = _row(uow, cmd.critical_id)
    if row["status"] != OPEN:
        raise ValidationError("critical.already_acknowledged", by=_name(uow, row["ack_by"]),
                              at=row["ack_at"], told=row["told_name"] or "")
    told = " ".join(cmd.told_name.split())
    if cmd.told_staff_id and not told:
        told = _name(uow, cmd.told_staff_id)
    if not told:
        raise ValidationError("critical.told_required", field="told")
    if len(told) > TOLD_MAX:
        raise ValidationError("critical.told_too_long", field="told", limit=TOLD_MAX)
    if cmd.told_staff_id and not _name(uow, cmd.told_staff_id):
        raise ValidationError("not_found", entity="staff", id=cmd.told_staff_id, field="told")
    values = {"status": ACKED, "ack_by": cmd.actor_id, "ack_at": uow.now, "told_name": told,
              "told_staff_id": cmd.told_staff_id or None}
    update_versioned(uow, crit_value, cmd.critical_id, cmd.base_version, values)
    uow.audit(AuditEntry("update", kinds.CRITICAL, cmd.critical_id, cmd.actor_id, row["patient_id"],
                         {"status": OPEN},
                         {"status": ACKED, "told_name": told, "told_staff_id": cmd.told_staff_id,
                          "ack_at": uow.now.isoformat(), "device_time": cmd.device_time.isoformat()},
                         cmd.op_id))
    return Changes.of(kinds.CRITICAL, [cmd.critical_id], [row["patient_id"]])


@handles(LinkCriticalNote, roles.DOC_WRITE)
def link_note(uow: UnitOfWork, cmd: LinkCriticalNote) -> Changes:
    row = _row(uow, cmd.critical_id)
    if row["status"] == OPEN:
        raise ValidationError("critical.not_acknowledged")
    doc = uow.conn.execute(select(clin_doc.c.encounter_id, clin_doc.c.doc_type, clin_doc.c.status)
                           .where(clin_doc.c.id == cmd.doc_id)).first()
    if doc is None:
        raise ValidationError("not_found", entity="clin_doc", id=cmd.doc_id)
    if doc.encounter_id != row["encounter_id"] or doc.doc_type not in NOTE_TYPES or doc.status == "voided":
        raise ValidationError("critical.not_a_progress_note", field="doc")
    if row["note_doc_id"] == cmd.doc_id:
        return Changes()
    values = {"status": NOTED, "note_doc_id": cmd.doc_id, "noted_by": cmd.actor_id, "noted_at": uow.now}
    update_versioned(uow, crit_value, cmd.critical_id, cmd.base_version, values)
    uow.audit(AuditEntry("update", kinds.CRITICAL, cmd.critical_id, cmd.actor_id, row["patient_id"],
                         {"status": row["status"], "note_doc_id": row["note_doc_id"]},
                         {"status": NOTED, "note_doc_id": cmd.doc_id}, cmd.op_id))
    changes = Changes.of(kinds.CRITICAL, [cmd.critical_id], [row["patient_id"]])
    return changes.merge(Changes.of(kinds.DOCUMENT, [cmd.doc_id], [row["patient_id"]]))
