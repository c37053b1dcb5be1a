"""护士交接班 commands: save a draft (versioned), hand over (the handing nurse signs), receive
(a different nurse signs). One report per ward, shift date and shift (a database UNIQUE key): two
nurses starting the same shift at once cannot make two; two saving the same draft at once meet
the version check (ConflictError, both texts kept).

Handing over computes the counts again from the data here (the client's are not trusted) and
freezes them with the notes; 现有 = 原有 + 入院 + 转入 − 出院 − 转出 − 死亡 must hold or the nurse
explains the difference. A signed report is not edited again; receiving adds who and when. The
same nurse cannot receive what she handed over (nurse_handover.same_nurse).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import nurse_shift as ns
from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.services import nurse_handover as nh
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import nurse_handover, staff

KIND = "nurse_handover"
CLOCK_SKEW = timedelta(minutes=5)
MAX_TEXT = 2000


@dataclass(frozen=True)
class NoteEntry:
    """One patient's lines of the report, as the nurse left them."""

    encounter_id: str
    group: str                            # ns.GROUPS
    reasons: tuple[str, ...]
    bed_no: str
    patient_name: str
    diagnosis: str = ""
    events: str = ""                      # 病情及事件
    vitals: str = ""                      # 生命体征
    pending: str = ""                     # 待办 / 交接事项


@dataclass(frozen=True)
class SaveHandoverDraft(Command):
    handover_id: str                      # client-made; used when the shift has no report yet
    ward_id: str
    shift_date: date
    shift_code: str
    entries: tuple[NoteEntry, ...]
    explanation: str = ""
    base_version: Optional[int] = None    # None: the nurse saw no report of this shift


@dataclass(frozen=True)
class HandOverShift(Command):
    handover_id: str
    ward_id: str
    shift_date: date
    shift_code: str
    entries: tuple[NoteEntry, ...]
    explanation: str = ""                 # why the counts do not add up, when they do not
    base_version: Optional[int] = None


@dataclass(frozen=True)
class ReceiveHandover(Command):
    handover_id: str
    base_version: int


register_values(NoteEntry)
register(SaveHandoverDraft, HandOverShift, ReceiveHandover)


def _notes(cmd: SaveHandoverDraft | HandOverShift) -> dict[str, Any]:
    entries = []
    for e in cmd.entries:
        if e.group not in ns.GROUPS or any(r not in ns.REASONS for r in e.reasons):
            raise ValidationError("nurse_handover.bad_entry", encounter_id=e.encounter_id)
        if max(len(e.events), len(e.vitals), len(e.pending)) > MAX_TEXT:
            raise ValidationError("nurse_handover.too_long", field="notes", limit=MAX_TEXT)
        entries.append({"encounter_id": e.encounter_id, "group": e.group, "reasons": list(e.reasons),
                        "bed_no": e.bed_no, "patient_name": e.patient_name, "diagnosis": e.diagnosis,
                        "events": e.events.strip(), "vitals": e.vitals.strip(),
                        "pending": e.pending.strip()})
    if len(cmd.explanation) > MAX_TEXT:
        raise ValidationError("nurse_handover.too_long", field="explanation", limit=MAX_TEXT)
    return {"entries": entries, "explanation": cmd.explanation.strip()}


def _shift(uow: UnitOfWork, cmd: SaveHandoverDraft | HandOverShift) -> ns.Shift:
    if cmd.shift_code not in ns.SHIFT_CODES:
        raise ValidationError("nurse_handover.unknown_shift", shift=cmd.shift_code)
    shift, _ = nh.pick_shift(uow.conn, cmd.ward_id, uow.now, cmd.shift_date, cmd.shift_code)
    if shift.start > uow.now + CLOCK_SKEW:
        raise ValidationError("nurse_handover.future_shift", start=shift.start)
    return shift


def _existing(uow: UnitOfWork, cmd: SaveHandoverDraft | HandOverShift) -> Optional[dict[str, Any]]:
    row = uow.conn.execute(select(nurse_handover).where(nurse_handover.c.ward_id == cmd.ward_id)
                           .where(nurse_handover.c.shift_date == cmd.shift_date)
                           .where(nurse_handover.c.shift_code == cmd.shift_code)).mappings().first()
    return None if row is None else dict(row)


def _signed_refusal(uow: UnitOfWork, row: dict[str, Any], actor_id: str) -> ValidationError:
    name = uow.conn.execute(select(staff.c.full_name).where(staff.c.id == row["handed_by"])).scalar()
    if row["handed_by"] == actor_id:
        return ValidationError("nurse_handover.already_handed_by_you", at=row["handed_at"])
    return ValidationError("nurse_handover.already_handed", by=name or "", at=row["handed_at"])


def _write(uow: UnitOfWork, cmd: SaveHandoverDraft | HandOverShift, shift: ns.Shift,
           values: dict[str, Any]) -> str:
    """Insert the shift's report or update it under the version check; returns its id."""
    row = _existing(uow, cmd)
    if row is not None and row["status"] != nh.DRAFT:
        raise _signed_refusal(uow, row, cmd.actor_id)
    if row is None:
        new = {"id": cmd.handover_id, "ward_id": cmd.ward_id, "shift_date": cmd.shift_date,
               "shift_code": cmd.shift_code, "shift_start": shift.start, "shift_end": shift.end,
               "counts": None, "drafted_by": cmd.actor_id, "handed_by": None, "handed_at": None,
               "received_by": None, "received_at": None, "version": 1, "created_at": uow.now,
               "updated_at": uow.now, "status": nh.DRAFT, **values}
        try:
            with uow.conn.begin_nested():
                uow.conn.execute(insert(nurse_handover).values(**new))
        except IntegrityError:
            # uq_nurse_handover_shift: another nurse started this shift's report first.
            raise ConflictError("conflict.stale", entity=KIND, id=cmd.handover_id, base_version=None,
                                current=jsonable(_existing(uow, cmd))) from None
        uow.audit(AuditEntry("create", KIND, cmd.handover_id, cmd.actor_id, None, None, jsonable(new),
                             cmd.op_id))
        return cmd.handover_id
    update_versioned(uow, nurse_handover, row["id"], cmd.base_version or 0, values)
    uow.audit(AuditEntry("update", KIND, row["id"], cmd.actor_id, None,
                         jsonable({k: row[k] for k in values}), jsonable(values), cmd.op_id))
    return str(row["id"])


@handles(SaveHandoverDraft, roles.NURSING_WRITE)
def save_handover_draft(uow: UnitOfWork, cmd: SaveHandoverDraft) -> Changes:
    shift = _shift(uow, cmd)
    handover_id = _write(uow, cmd, shift, {"notes": _notes(cmd)})
    return Changes.of(KIND, [handover_id])


@handles(HandOverShift, roles.NURSING_WRITE)
def hand_over_shift(uow: UnitOfWork, cmd: HandOverShift) -> Changes:
    shift = _shift(uow, cmd)
    notes = _notes(cmd)
    # The counts as the nurse saw them when she signed (device time; a replay computes the same
    # window), from this database's data.
    as_of = min(max(cmd.device_time, shift.start), shift.end)
    report = nh.shift_report(uow.conn, cmd.ward_id, uow.now, cmd.shift_date, cmd.shift_code, as_of=as_of)
    if not report.holds and not notes["explanation"]:
        raise ValidationError("nurse_handover.explain_mismatch", field="explanation",
                              expected=report.expected_current, current=report.counts[ns.CURRENT])
    counts: dict[str, Any] = dict(report.counts)
    counts.update({"expected_current": report.expected_current, "holds": report.holds,
                   "original_source": report.original_source, "census_original": report.census_original,
                   "as_of": report.as_of.isoformat()})
    handover_id = _write(uow, cmd, shift, {"notes": notes, "counts": counts, "status": nh.HANDED,
                                           "handed_by": cmd.actor_id, "handed_at": uow.now})
    uow.audit(AuditEntry("sign", KIND, handover_id, cmd.actor_id, None, None,
                         {"status": nh.HANDED, "counts": counts}, cmd.op_id))
    return Changes.of(KIND, [handover_id])


@handles(ReceiveHandover, roles.NURSING_WRITE)
def receive_handover(uow: UnitOfWork, cmd: ReceiveHandover) -> Changes:
    row = uow.conn.execute(select(nurse_handover)
                           .where(nurse_handover.c.id == cmd.handover_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity=KIND, id=cmd.handover_id)
    if row["status"] == nh.DRAFT:
        raise ValidationError("nurse_handover.not_handed")
    if row["status"] == nh.RECEIVED:
        name = uow.conn.execute(select(staff.c.full_name).where(staff.c.id == row["received_by"])).scalar()
        raise ValidationError("nurse_handover.already_received", by=name or "", at=row["received_at"])
    if row["handed_by"] == cmd.actor_id:
        raise ValidationError("nurse_handover.same_nurse", field="receiver")
    update_versioned(uow, nurse_handover, cmd.handover_id, cmd.base_version,
                     {"status": nh.RECEIVED, "received_by": cmd.actor_id, "received_at": uow.now})
    uow.audit(AuditEntry("sign", KIND, cmd.handover_id, cmd.actor_id, None, {"status": nh.HANDED},
                         {"status": nh.RECEIVED}, cmd.op_id))
    return Changes.of(KIND, [cmd.handover_id])
