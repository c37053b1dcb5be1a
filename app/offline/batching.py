"""One replay batch in one server transaction, in a few round trips (DESIGN.md "Offline fallback").

Row by row, a queued command costs its handler's statements plus the write path's own (the
applied-op check, the actor's rights, the applied-op row, BEGIN, the audit chain, COMMIT): at a
30 ms round trip that is a few commands a second. A batch instead:
- reads the op ids already on record (one query) and the rights of every actor in it (two);
- runs each command's own handler (`app.services.handlers.HANDLERS`) in order under a savepoint,
  so a refused command rolls back alone and its outcome is recorded with the batch; or, for a
  run of consecutive commands of a type with a set-based form (`handles_batch`), that form
  once for the run (a few statements whatever its length), the run falling back to the one-by-one
  handlers when the set-based form fails as a whole;
- writes every applied-op row in one multi-row insert and the audit entries in one chain append,
  then commits once.
Order is kept: commands run in the order they were queued; a run of one type is a consecutive
stretch of that order, so each patient's own commands keep theirs.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable, Optional

from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError

from app.domain import roles
from app.errors import ConflictError, DatabaseError, PermissionDenied, ValidationError, WardStationError
from app.services import audit
from app.services.commands import PAYLOAD_VERSION, Command, to_payload
from app.services.uow import UnitOfWork
from app.store.schema import applied_op, metadata, staff, staff_role
from app.store.sqlfunc import utc_now

APPLIED, REJECTED, CONFLICT = "applied", "rejected", "conflict"
# Bind parameters per IN list: every engine's limit (Oracle 1,000 expressions), and a replay
# batch's op ids in one read.
_IN_CHUNK = 1000

# A set-based handler: the commands of one run (their rights already checked) and the rows this
# replay found changed on the server (`_on_stale_row`) -> per command None (applied) or the
# refusal. It raises only when the run as a whole cannot go this way.
Stale = dict[str, dict[str, Any]]
BatchHandler = Callable[[UnitOfWork, Sequence[Any], Stale], list[Optional[WardStationError]]]
BATCH_HANDLERS: dict[type[Command], BatchHandler] = {}
_BATCH_MODULES: tuple[str, ...] = ("app.offline.batch_allergy", "app.offline.batch_vitals",
                                   "app.offline.batch_encounter", "app.offline.batch_execution")
_loaded = False


def handles_batch(command_type: type[Command]) -> Callable[[BatchHandler], BatchHandler]:
    """Register the set-based form of `command_type`'s handler (same checks, same rows)."""

    def register(fn: BatchHandler) -> BatchHandler:
        BATCH_HANDLERS[command_type] = fn
        return fn

    return register


def _load() -> None:
    global _loaded
    if not _loaded:
        import importlib

        from app.services.handlers import _load_handlers

        _load_handlers()
        for name in _BATCH_MODULES:
            importlib.import_module(name)
        _loaded = True


@dataclass(frozen=True)
class Outcome:
    op_id: str
    state: str                      # applied / rejected / conflict
    reason: Optional[str] = None    # the refusal's message id
    replayed: bool = False          # already on the server's record before this batch


# The audit actions of an op refused on replay (online refusals are "conflict" / "rejected": the
# user saw them at once).
REPLAY_ACTIONS = {CONFLICT: "replay_conflict", REJECTED: "replay_rejected"}


def outcome_of(error: WardStationError) -> str:
    return CONFLICT if isinstance(error, ConflictError) else REJECTED


class _Batch:
    """What one batch knows about the server before it runs: recorded ops, actors' rights."""

    def __init__(self, uow: UnitOfWork, commands: Sequence[Command]) -> None:
        self.uow = uow
        conn = uow.conn
        ids = [cmd.op_id for cmd in commands]
        self.recorded: dict[str, tuple[str, Optional[str]]] = {}
        for part in id_chunks(ids):
            rows = conn.execute(select(applied_op.c.op_id, applied_op.c.outcome, applied_op.c.reason)
                                .where(applied_op.c.op_id.in_(part))).all()
            self.recorded.update({str(r[0]): (str(r[1]), r[2]) for r in rows})
        actors = sorted({cmd.actor_id for cmd in commands})
        self.active: set[str] = set()
        self.known: set[str] = set()
        codes: dict[str, list[str]] = {}
        for part in id_chunks(actors):
            joined = staff.outerjoin(staff_role, staff_role.c.staff_id == staff.c.id)
            for sid, active, code in conn.execute(
                    select(staff.c.id, staff.c.is_active, staff_role.c.role_code)
                    .select_from(joined).where(staff.c.id.in_(part))).all():
                self.known.add(str(sid))
                if active:
                    self.active.add(str(sid))
                if code is not None:
                    codes.setdefault(str(sid), []).append(str(code))
        self.rights = {sid: roles.permissions_for(codes.get(sid, [])) for sid in self.active}
        self.rows: list[dict[str, Any]] = []

    def allowed(self, cmd: Command, permission: Optional[str]) -> Optional[WardStationError]:
        if permission is None or permission in self.rights.get(cmd.actor_id, frozenset()):
            return None
        return PermissionDenied("perm.denied", permission=permission)

    def record(self, cmd: Command, error: Optional[WardStationError]) -> Outcome:
        """The op's row for the batch's one insert (a refusal also audited, as online)."""
        if error is None:
            state, reason = APPLIED, None
        else:
            state, reason = outcome_of(error), error.message_id[:200]
        if cmd.actor_id in self.known:           # staff_id is a foreign key
            self.rows.append({
                "op_id": cmd.op_id, "device_id": self.uow.workstation[:60], "staff_id": cmd.actor_id,
                "op_type": type(cmd).__name__[:40], "device_time": cmd.device_time,
                "applied_at": self.uow.now, "outcome": state, "reason": reason,
                "payload_version": PAYLOAD_VERSION})
            if error is not None:
                # A replayed refusal keeps what was typed offline: the 离线冲突 list shows it
                # beside the server's version for a licensed user to resolve (app/services/conflicts.py).
                self.uow.audit(audit.AuditEntry(
                    REPLAY_ACTIONS[state], "op", cmd.op_id, cmd.actor_id,
                    after={"type": type(cmd).__name__, "reason": error.message_id,
                           "params": audit.jsonable(error.params), "command": to_payload(cmd)},
                    op_id=cmd.op_id))
        return Outcome(cmd.op_id, state, reason)

    def flush(self) -> None:
        if self.rows:
            self.uow.conn.execute(insert(applied_op).values(received_at=utc_now()), self.rows)
            self.rows = []


def run_batch(uow: UnitOfWork, commands: Sequence[Command],
              one_by_one: frozenset[int] = frozenset(),
              stale: Optional[dict[str, dict[str, Any]]] = None) -> list[Outcome]:
    """Every command of the batch once, in order, inside `uow` (the caller commits).

    `stale` maps the rows this replay already found changed on the server (a conflict) to that
    conflict's details; it grows as the batch runs. Raises SetBasedFailed(run) when a run's
    set-based form failed: run the batch again in a new unit of work with that run in
    `one_by_one` (`run_batches` does)."""
    from app.services.handlers import HANDLERS

    _load()
    batch = _Batch(uow, commands)
    found = dict(stale or {})
    outcomes: dict[str, Outcome] = {}
    todo: list[Command] = []
    for cmd in commands:
        seen = batch.recorded.get(cmd.op_id)
        if seen is not None:                     # applied (or refused) by an earlier try
            outcomes[cmd.op_id] = Outcome(cmd.op_id, seen[0], seen[1], replayed=True)
        else:
            todo.append(cmd)
    for index, run in enumerate(_runs(todo)):
        kind = type(run[0])                      # a run's types share one set-based form
        if HANDLERS.get(kind) is None:
            for cmd in run:
                outcomes[cmd.op_id] = batch.record(cmd, ValidationError("command.unknown",
                                                                       type=kind.__name__))
            continue
        ready = []
        for cmd in run:
            refused = batch.allowed(cmd, HANDLERS[type(cmd)].permission)
            if refused is not None:
                outcomes[cmd.op_id] = batch.record(cmd, refused)
            else:
                ready.append(cmd)
        many = None if index in one_by_one else BATCH_HANDLERS.get(kind)
        if many is None and any(_versioned(cmd) for cmd in ready):
            # One by one: an earlier conflict on a row decides a later change of that row.
            errors: list[Optional[WardStationError]] = []
            for cmd in ready:
                error = _one(uow, cmd, _single, found)
                _note_stale(error, found)
                errors.append(error)
        else:
            errors = _run_all(uow, ready, _single, many, index, found)
            for error in errors:
                _note_stale(error, found)
        for cmd, error in zip(ready, errors):
            outcomes[cmd.op_id] = batch.record(cmd, error)
    batch.flush()
    if stale is not None:
        stale.update(found)
    return [outcomes[cmd.op_id] for cmd in commands]


def _single(uow: UnitOfWork, cmd: Command) -> Any:
    """The online handler of the command's own type (a run may mix types of one form)."""
    from app.services.handlers import HANDLERS

    return HANDLERS[type(cmd)].fn(uow, cmd)


def _family(kind: type[Command]) -> Any:
    """What a run is made of: types with one set-based form (病情 and 护理级别 both change the
    stay) share their runs; any other type runs with its own kind only."""
    return BATCH_HANDLERS.get(kind, kind)


def _note_stale(error: Optional[WardStationError], found: dict[str, dict[str, Any]]) -> None:
    if isinstance(error, ConflictError) and isinstance(error.params.get("id"), str):
        found.setdefault(str(error.params["id"]),
                         {k: error.params.get(k) for k in ("entity", "id")})


def _versioned(cmd: Command) -> bool:
    """A change made on a version of a row the user saw (optimistic concurrency)."""
    return hasattr(cmd, "base_version") or hasattr(cmd, "base_versions")


def _on_stale_row(uow: UnitOfWork, cmd: Command, mark: int,
                  found: dict[str, dict[str, Any]]) -> Optional[ConflictError]:
    """A change typed offline on a row whose earlier queued change met a conflict was made on a
    version the server never had: its base version may equal the server's by chance (both
    counted one up), so it is a conflict as well, never applied on top of another user's change
    (tests/unit/offline/test_conflict_interleavings.py). The rows it changed are the ones its
    audit entries name; a row it created is new, so never stale."""
    from app.services.handlers import current_row

    for entry in uow._pending[mark:]:
        if entry.action == "create" or entry.entity_id not in found:
            continue
        params = dict(found[entry.entity_id])
        table = metadata.tables.get(str(params.get("entity", "")))
        current = None if table is None else current_row(uow.conn, table, entry.entity_id)
        params.update(base_version=getattr(cmd, "base_version", None),
                      current_version=None if current is None else current["version"],
                      current=None if current is None else audit.jsonable(current))
        return ConflictError("conflict.stale", **params)
    return None


class SetBasedFailed(Exception):
    """A set-based form failed as a whole (a key already used ...): the transaction is spoiled
    on some engines, so the batch is run again from the start with that run one by one."""

    def __init__(self, run: int) -> None:
        super().__init__(f"set-based run {run} failed")
        self.run = run


def _run_all(uow: UnitOfWork, run: list[Command], single: Callable[[UnitOfWork, Any], Any],
             many: Optional[BatchHandler], index: int,
             stale: dict[str, dict[str, Any]]) -> list[Optional[WardStationError]]:
    if not run:
        return []
    if many is not None and len(run) > 1:
        # No savepoint (two round trips): failing is rare, and then the batch runs again.
        try:
            return many(uow, run, stale)
        except DatabaseError:
            raise
        except WardStationError as exc:
            raise SetBasedFailed(index) from exc
        except SQLAlchemyError as exc:
            err = uow_translate(uow, exc)
            if isinstance(err, DatabaseError) and err.kind != "constraint":
                raise err from exc               # the link, not the data
            raise SetBasedFailed(index) from exc
    return [_one(uow, cmd, single, stale) for cmd in run]


def _one(uow: UnitOfWork, cmd: Command, single: Callable[[UnitOfWork, Any], Any],
         stale: Optional[dict[str, dict[str, Any]]] = None) -> Optional[WardStationError]:
    """`cmd` in a savepoint; `stale`: rows an earlier queued change found changed on the server."""
    saved = _audit_mark(uow)
    point = uow.conn.begin_nested()
    try:
        single(uow, cmd)
        if stale and _versioned(cmd):
            conflict = _on_stale_row(uow, cmd, saved, stale)
            if conflict is not None:
                raise conflict
    except WardStationError as error:
        if isinstance(error, DatabaseError):
            raise
        point.rollback()
        _audit_undo(uow, saved)                  # its audit entries go with its rows
        return error
    except SQLAlchemyError as exc:
        # A constraint the handler did not foresee: refuse this op, keep the batch.
        point.rollback()
        _audit_undo(uow, saved)
        err = uow_translate(uow, exc)
        if isinstance(err, DatabaseError) and err.kind != "constraint":
            raise err from exc
        return err
    point.commit()
    return None


def uow_translate(uow: UnitOfWork, exc: BaseException) -> WardStationError:
    translate = getattr(uow._source, "translate", None)
    if translate is None:
        raise exc
    error: WardStationError = translate(exc)
    return error


def run_batches(db: Any, workstation: str, commands: Sequence[Command],
                stale: Optional[dict[str, dict[str, Any]]] = None) -> list[Outcome]:
    """`run_batch` in one committed unit of work, again with a failed set-based run one by one."""
    from app.services.write import run_unit

    one_by_one: set[int] = set()
    while True:
        work = functools.partial(run_batch, commands=commands, one_by_one=frozenset(one_by_one),
                                 stale=stale)
        try:
            return run_unit(db, workstation, work)
        except SetBasedFailed as failed:
            one_by_one.add(failed.run)


def _audit_mark(uow: UnitOfWork) -> int:
    """How many audit entries the unit of work holds (queued for its commit)."""
    return len(uow._pending)


def _audit_undo(uow: UnitOfWork, mark: int) -> None:
    """Forget the audit entries of a command rolled back to its savepoint."""
    del uow._pending[mark:]


# Command types whose effect depends only on the rows their ids name: in a batch, one may run
# before commands of other types that name none of its ids (a patient's own order is kept), so
# a run of its type is not split by them. Any other type is a barrier nothing moves across.
MOVABLE: set[type[Command]] = set()


# Pairs of movable types that may pass each other even when they name the same row: neither
# reads what the other writes (a vitals row needs only that the stay exists; 病情 changes only
# the stay's acuity and version).
COMMUTE: set[frozenset[type[Command]]] = set()


def movable(command_type: type[Command], *commutes_with: type[Command]) -> type[Command]:
    MOVABLE.add(command_type)
    for other in commutes_with:
        COMMUTE.add(frozenset((command_type, other)))
    return command_type


def _ids(cmd: Command) -> set[str]:
    """The rows a command names: its *_id fields (and *_ids tuples), its op and actor aside."""
    out: set[str] = set()
    for name, value in vars(cmd).items():
        if name in ("op_id", "actor_id"):
            continue
        if name.endswith("_id") and isinstance(value, str):
            out.add(value)
        elif name.endswith("_ids") and isinstance(value, tuple):
            out.update(v for v in value if isinstance(v, str))
    return out


def _runs(commands: list[Command]) -> list[list[Command]]:
    """Stretches of one command type (or of types with one set-based form, `_family`), in the
    queue's order, except that a command of a MOVABLE type joins the earliest run of its type
    that comes after every earlier command sharing one
    of its ids and after the last barrier (tests/unit/offline/test_batch_runs.py)."""
    runs: list[list[Command]] = []
    floor = 0                                   # no movable command goes before this run
    last: dict[str, dict[type[Command], int]] = {}  # id -> type -> its last run naming the id
    for cmd in commands:
        kind = type(cmd)
        if kind not in MOVABLE:
            if not (runs and _family(type(runs[-1][0])) == _family(kind)):
                runs.append([])
            runs[-1].append(cmd)
            floor = len(runs) - 1
            continue
        ids = _ids(cmd)
        start = max([floor, *(n for i in ids for other, n in last.get(i, {}).items()
                              if frozenset((kind, other)) not in COMMUTE)])
        target = next((n for n in range(start, len(runs))
                       if _family(type(runs[n][0])) == _family(kind)), None)
        if target is None:
            runs.append([])
            target = len(runs) - 1
        runs[target].append(cmd)
        for i in ids:
            seen = last.setdefault(i, {})
            seen[kind] = max(seen.get(kind, 0), target)
    return runs


def id_chunks(ids: Sequence[str]) -> list[list[str]]:
    """Distinct ids in sorted lists short enough for one IN (the set-based forms' reads)."""
    ordered = sorted(set(ids))
    return [ordered[i:i + _IN_CHUNK] for i in range(0, len(ordered), _IN_CHUNK)]
