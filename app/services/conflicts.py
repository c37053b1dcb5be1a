"""离线冲突: what a ward PC typed through an outage and the server refused on replay (a version
clash: someone changed the same thing meanwhile; or a refusal: the order was stopped, a right was
removed), kept for a licensed user to resolve. Nothing is dropped and nothing is overwritten
silently (DESIGN.md "Offline fallback").

The replay audits each refusal with the command as it was typed (app/offline/batching.py,
actions replay_conflict / replay_rejected). `open_conflicts` lists the ward's unresolved ones with
the server's current version of what they were about; `ResolveConflict` settles one with a
reason, either keeping the server's version (the offline change is set aside, still on record) or
applying the offline change again on top of the current version, through the same handler and its
checks, as a new op of the resolving user. Each resolution is one audit record.
"""
from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.errors import ConflictError, ValidationError
from app.services import audit
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, from_payload, register
from app.services.handlers import HANDLERS, _load_handlers, current_row, execute, handles, require
from app.services.uow import UnitOfWork
from app.store.schema import audit_rec, bed, encounter, metadata, patient, staff

REPLAY_CONFLICT, REPLAY_REJECTED, RESOLVE = "replay_conflict", "replay_rejected", "resolve"
DISCARD, REAPPLY = "discard", "reapply"
ENVELOPE = ("op_id", "actor_id", "device_time")       # every command's stamp, not its content
SERVER_CONTEXT = ("status", "version", "updated_at")   # shown beside the fields the change set


@dataclass(frozen=True)
class ConflictItem:
    op_id: str
    kind: str                                  # conflict / rejected
    command_type: str
    reason: str                                # the refusal's message id
    reason_params: dict[str, Any]
    actor_name: str
    device_time: Optional[datetime]
    refused_at: datetime
    encounter_id: Optional[str]
    bed_no: str
    patient_name: str
    mrn: str
    mine: tuple[tuple[str, str], ...]          # what was typed offline: (field, value)
    theirs: tuple[tuple[str, str], ...]        # the server's current row: (column, value)
    can_reapply: bool


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={_text(v)}" for k, v in value.items())
    return str(value)


def _refusals(conn: Connection) -> list[Any]:
    """Replayed refusals without a resolution (few: they are the exception)."""
    resolved = set(conn.execute(select(audit_rec.c.entity_id).where(audit_rec.c.entity == "op")
                                .where(audit_rec.c.action == RESOLVE)).scalars())
    rows = conn.execute(select(audit_rec.c.entity_id, audit_rec.c.action, audit_rec.c.after_data,
                               audit_rec.c.at, staff.c.full_name)
                        .outerjoin(staff, staff.c.id == audit_rec.c.staff_id)
                        .where(audit_rec.c.entity == "op")
                        .where(audit_rec.c.action.in_((REPLAY_CONFLICT, REPLAY_REJECTED)))
                        .order_by(audit_rec.c.at)).all()
    return [r for r in rows if r.entity_id not in resolved]


def _stay(conn: Connection, payload: dict[str, Any]) -> Optional[Any]:
    q = (select(encounter.c.id, encounter.c.ward_id, bed.c.bed_no, patient.c.name, patient.c.mrn)
         .join(patient, patient.c.id == encounter.c.patient_id)
         .outerjoin(bed, bed.c.id == encounter.c.bed_id))
    if isinstance(payload.get("encounter_id"), str):
        return conn.execute(q.where(encounter.c.id == payload["encounter_id"])).first()
    if isinstance(payload.get("patient_id"), str):
        return conn.execute(q.where(encounter.c.patient_id == payload["patient_id"])
                            .order_by(encounter.c.admitted_at.desc())).first()
    return None


def _current(conn: Connection, params: dict[str, Any]) -> Optional[dict[str, Any]]:
    table = metadata.tables.get(str(params.get("entity", "")))
    row_id = params.get("id")
    if table is None or not isinstance(row_id, str) or "id" not in table.c:
        return None
    return current_row(conn, table, row_id)


def _theirs(current: Optional[dict[str, Any]], typed: set[str]) -> tuple[tuple[str, str], ...]:
    """The server's row as far as the offline change is about it: the fields it set, then the
    row's version, state and last change (not every key and id of the row)."""
    if current is None:
        return ()
    wanted = [k for k in current if k in typed] + [k for k in SERVER_CONTEXT if k in current]
    return tuple((k, _text(audit.jsonable(current[k]))) for k in dict.fromkeys(wanted))


def open_conflicts(conn: Connection, ward_id: str) -> list[ConflictItem]:
    """The ward's unresolved replay refusals, oldest first, each with both versions."""
    _load_handlers()
    items: list[ConflictItem] = []
    for r in _refusals(conn):
        after: Any = r.after_data or {}
        payload = after.get("command") or {}
        stay = _stay(conn, payload)
        if stay is None or stay.ward_id != ward_id:
            continue
        params = after.get("params") or {}
        current = _current(conn, params)
        try:
            typed: Optional[Command] = from_payload(payload)
        except (ValueError, TypeError):                   # a type this client no longer knows
            typed = None
        values = ({f.name: getattr(typed, f.name) for f in dataclasses.fields(typed)} if typed
                  else {k: v for k, v in payload.items() if k not in ("type", "v")})
        mine = tuple((k, _text(v)) for k, v in values.items()
                     if k not in ENVELOPE and not k.endswith("_id"))
        items.append(ConflictItem(
            op_id=str(r.entity_id), kind="conflict" if r.action == REPLAY_CONFLICT else "rejected",
            command_type=str(after.get("type", "")), reason=str(after.get("reason", "")),
            reason_params=dict(params), actor_name=r.full_name or "",
            device_time=typed.device_time if typed is not None else None,
            refused_at=r.at, encounter_id=stay.id, bed_no=stay.bed_no or "", patient_name=stay.name,
            mrn=stay.mrn, mine=mine, theirs=_theirs(current, {k for k, _ in mine}),
            can_reapply=typed is not None))
    return items


@dataclass(frozen=True)
class ResolveConflict(Command):
    """Settle one replayed refusal: keep the server's version, or apply the offline change again."""

    refused_op_id: str
    resolution: str                 # discard / reapply
    reason: str


register(ResolveConflict)


def _again(original: Command, cmd: ResolveConflict, current: Optional[dict[str, Any]]) -> Command:
    """The offline change as a new op of the resolving user, on the current version."""
    changes: dict[str, Any] = {
        "op_id": str(uuid.uuid5(uuid.NAMESPACE_OID, f"resolve:{cmd.op_id}")),   # replay-safe
        "actor_id": cmd.actor_id, "device_time": cmd.device_time}
    names = {f.name for f in dataclasses.fields(original)}
    if "base_version" in names and current is not None and "version" in current:
        changes["base_version"] = int(current["version"])
    return dataclasses.replace(original, **changes)


@handles(ResolveConflict, None)
def resolve_conflict(uow: UnitOfWork, cmd: ResolveConflict) -> Changes:
    conn = uow.conn
    if cmd.resolution not in (DISCARD, REAPPLY):
        raise ValidationError("conflicts.bad_resolution", field="resolution")
    if len(cmd.reason.strip()) < 2:
        raise ValidationError("conflicts.reason_required", field="reason")
    row = next((r for r in _refusals(conn) if r.entity_id == cmd.refused_op_id), None)
    if row is None:
        raise ConflictError("conflicts.already_resolved", op_id=cmd.refused_op_id)
    after: Any = row.after_data or {}
    original = from_payload(after["command"])
    entry = HANDLERS.get(type(original))
    if entry is not None and entry.permission is not None:
        require(conn, cmd.actor_id, entry.permission)     # licensed for what is being settled
    changes = Changes.of("op", [cmd.refused_op_id])
    new_op: Optional[str] = None
    if cmd.resolution == REAPPLY:
        again = _again(original, cmd, _current(conn, after.get("params") or {}))
        changes = changes.merge(execute(uow, again))     # the same handler and checks
        new_op = again.op_id
    uow.audit(AuditEntry(RESOLVE, "op", cmd.refused_op_id, cmd.actor_id, None,
                         {"reason": after.get("reason"), "type": after.get("type")},
                         {"resolution": cmd.resolution, "reason": cmd.reason.strip(), "new_op": new_op},
                         cmd.op_id))
    return changes
