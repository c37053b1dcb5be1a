"""The handler registry and `execute`: one path for online writes and offline replay.

`execute(uow, command)` checks applied_op first (a replayed op_id returns what it changed the
first time, no second effect), checks the actor's permission, runs the handler, and records the
op in applied_op in the same transaction. Handlers update mutable rows only through
`update_versioned` (WHERE id = ? AND version = ?; zero rows -> ConflictError).
"""
from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Connection

from app.domain import roles
from app.errors import ConflictError, PermissionDenied, ValidationError, WardStationError
from app.services import audit
from app.services.changes import Changes
from app.services.commands import PAYLOAD_VERSION, Command
from app.services.uow import UnitOfWork
from app.store.schema import applied_op, audit_log, audit_rec, staff, staff_role
from app.store.sqlfunc import utc_now

C = TypeVar("C", bound=Command)
Handler = Callable[[UnitOfWork, Any], Changes]


class _Entry:
    def __init__(self, fn: Handler, permission: Optional[str]) -> None:
        self.fn = fn
        self.permission = permission


HANDLERS: dict[type[Command], _Entry] = {}
# Modules whose handlers register themselves on import; later issues append theirs.
HANDLER_MODULES: tuple[str, ...] = ("app.services.patient_cmds", "app.services.auth",
                                    "app.services.sheet_printing", "app.services.record_printing",
                                    "app.services.chart_printing", "app.services.exec_printing",
                                    "app.services.handover_printing",
                                    "app.services.order_handlers", "app.services.order_signing",
                                    "app.services.order_sets", "app.services.plan_cmds",
                                    "app.services.verification", "app.services.execution",
                                    "app.services.skin_tests", "app.services.pharmacy",
                                    "app.services.doc_handlers", "app.services.consults",
                                    "app.services.handover", "app.services.vitals_cmds",
                                    "app.services.nursing_cmds", "app.services.nursing_rec_cmds",
                                    "app.services.ward_settings_cmds", "app.services.conflicts",
                                    "app.services.diagnosis_cmds", "app.services.consumable_cmds",
                                    "app.services.nurse_handover_cmds", "app.services.template_cmds",
                                    "app.services.critical_cmds",
                                    "app.services.referral_cmds", "app.services.ext_result_cmds",
                                    "app.services.referral_admit")
_loaded = False


def _load_handlers() -> None:
    global _loaded
    if not _loaded:
        import importlib

        for name in HANDLER_MODULES:
            importlib.import_module(name)
        _loaded = True


def handles(command_type: type[C], permission: Optional[str]) -> Callable[
        [Callable[[UnitOfWork, C], Changes]], Callable[[UnitOfWork, C], Changes]]:
    """Register a handler; `permission` None means "the handler checks it itself"."""

    def register(fn: Callable[[UnitOfWork, C], Changes]) -> Callable[[UnitOfWork, C], Changes]:
        HANDLERS[command_type] = _Entry(fn, permission)
        return fn

    return register


def actor_permissions(conn: Connection, staff_id: str) -> frozenset[str]:
    """Permissions from the database, not from the client: a replay is checked again."""
    active = conn.execute(select(staff.c.is_active).where(staff.c.id == staff_id)).scalar()
    if not active:
        return frozenset()
    codes = conn.execute(select(staff_role.c.role_code)
                         .where(staff_role.c.staff_id == staff_id)).scalars().all()
    return roles.permissions_for(codes)


def require(conn: Connection, staff_id: str, permission: str) -> None:
    if permission not in actor_permissions(conn, staff_id):
        raise PermissionDenied("perm.denied", permission=permission)


def _recorded(conn: Connection, op_id: str) -> Optional[Changes]:
    outcome = conn.execute(select(applied_op.c.outcome)
                           .where(applied_op.c.op_id == op_id)).scalar()
    if outcome is None:
        return None
    if outcome != "applied":
        raise ConflictError("op.not_applied", op_id=op_id, outcome=outcome)
    changes = Changes(replayed=True)
    rows = conn.execute(select(audit_rec.c.entity, audit_rec.c.entity_id, audit_rec.c.patient_id)
                        .where(audit_rec.c.op_id == op_id)).all()
    if not rows:   # applied before revision 0002: its audit rows are in the old chain
        rows = conn.execute(select(audit_log.c.entity, audit_log.c.entity_id,
                                   audit_log.c.patient_id).where(audit_log.c.op_id == op_id)).all()
    for entity, entity_id, patient_id in rows:
        touched = Changes.of(entity, [entity_id], [patient_id] if patient_id else [])
        changes = changes.merge(Changes(touched.kinds, touched.ids, touched.patient_ids, True))
    return changes


def execute(uow: UnitOfWork, command: Command) -> Changes:
    """Apply `command` once inside `uow` (the caller commits); returns what changed."""
    _load_handlers()
    entry = HANDLERS.get(type(command))
    if entry is None:
        raise ValidationError("command.unknown", type=type(command).__name__)
    done = _recorded(uow.conn, command.op_id)
    if done is not None:
        return done
    if entry.permission is not None:
        require(uow.conn, command.actor_id, entry.permission)
    # Written first: a concurrent replay of the same op_id waits on the UNIQUE key, then fails.
    uow.conn.execute(insert(applied_op).values(
        op_id=command.op_id, device_id=uow.workstation[:60], staff_id=command.actor_id,
        op_type=type(command).__name__[:40], device_time=command.device_time,
        applied_at=uow.now, outcome="applied", received_at=utc_now(),
        payload_version=PAYLOAD_VERSION))
    return entry.fn(uow, command)


OUTCOMES = {ConflictError: "conflict"}        # any other refusal is "rejected"


def record_refusal(uow: UnitOfWork, command: Command, error: WardStationError) -> None:
    """The op was refused (validation, permission, conflict, a clinical alert to confirm): its
    transaction rolled back, so this second one keeps what was asked, when, and why."""
    outcome = next((v for k, v in OUTCOMES.items() if isinstance(error, k)), "rejected")
    if _recorded_outcome(uow.conn, command.op_id) is not None:
        return                       # a replay of an op already on record: keep the first word
    staff_known = uow.conn.execute(select(staff.c.id).where(staff.c.id == command.actor_id)).first()
    if staff_known is None:
        return                       # nobody to attribute it to (staff_id is a foreign key)
    uow.conn.execute(insert(applied_op).values(
        op_id=command.op_id, device_id=uow.workstation[:60], staff_id=command.actor_id,
        op_type=type(command).__name__[:40], device_time=command.device_time,
        applied_at=uow.now, outcome=outcome, reason=error.message_id[:200],
        received_at=utc_now(), payload_version=PAYLOAD_VERSION))
    uow.audit(audit.AuditEntry(outcome, "op", command.op_id, command.actor_id,
                               after={"type": type(command).__name__, "reason": error.message_id,
                                      "params": audit.jsonable(error.params)},
                               op_id=command.op_id))


def _recorded_outcome(conn: Connection, op_id: str) -> Optional[str]:
    value = conn.execute(select(applied_op.c.outcome).where(applied_op.c.op_id == op_id)).scalar()
    return None if value is None else str(value)


def current_row(conn: Connection, table: Table, row_id: str) -> Optional[dict[str, Any]]:
    found = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
    return None if found is None else dict(found)


def update_versioned(uow: UnitOfWork, table: Table, row_id: str, base_version: int,
                     values: dict[str, Any]) -> int:
    """UPDATE ... WHERE id = ? AND version = ?; returns the new version or raises ConflictError."""
    new_version = base_version + 1
    data = dict(values, version=new_version)
    if "updated_at" in table.c:
        data["updated_at"] = uow.now
    result = uow.conn.execute(update(table).where(table.c.id == row_id)
                              .where(table.c.version == base_version).values(**data))
    if result.rowcount == 0:
        current = current_row(uow.conn, table, row_id)
        raise ConflictError(
            "conflict.stale", entity=table.name, id=row_id, base_version=base_version,
            current_version=None if current is None else current["version"],
            current=None if current is None else audit.jsonable(current))
    return new_version
