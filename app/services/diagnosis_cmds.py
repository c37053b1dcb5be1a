"""A stay's diagnoses (诊断): add, revise, remove entered in error, reorder; and their read.

A diagnosis is a clinical statement, so its content is never overwritten (DESIGN.md "Facts and
states"): a revision marks the old row `revised` and inserts the new one in its place (same list,
same position); a removal marks the row `error` with the reason in the audit record. Only a
row's place in its list (seq_no, and primary/secondary for the working list,
app/domain/diagnoses.py) changes in place, through `update_versioned`: a reorder updates every
row of the list, so two doctors reordering at once cannot both win (the second gets
ConflictError and sees the first's order).

The code must be in the ICD-10 dictionary (the Chinese name is taken from it; the doctor may
add detail to the shown name, e.g. 社区获得性肺炎（右下叶）). The time of the diagnosis may be
neither in the future nor before the admission. Doctors only (roles.DIAGNOSIS_RECORD).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.domain import diagnoses as dg
from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import diagnosis, encounter, icd10, staff

CLOCK_SKEW = timedelta(minutes=5)         # a PC clock a little ahead is not "the future"


@dataclass(frozen=True)
class AddDiagnosis(Command):
    encounter_id: str
    diagnosis_id: str                     # client-made key: a replay cannot duplicate it
    kind: str                             # admission / working / discharge (dg.GROUPS)
    icd10_code: str
    diagnosed_at: datetime
    name: str = ""                        # "" = the dictionary's Chinese name


@dataclass(frozen=True)
class ReviseDiagnosis(Command):
    """A new statement in place of an active one: another code and/or another shown name."""

    diagnosis_id: str                     # the row revised
    base_version: int
    new_id: str                           # client-made key of the new row
    icd10_code: str
    name: str
    diagnosed_at: datetime
    reason: Optional[str] = None


@dataclass(frozen=True)
class RemoveDiagnosis(Command):
    """Entered in error (wrong patient, wrong code): the row stays, marked `error`."""

    diagnosis_id: str
    base_version: int
    reason: str


@dataclass(frozen=True)
class ReorderDiagnoses(Command):
    """The whole list of one kind in its new order, main first, with each row's version."""

    encounter_id: str
    kind: str                             # admission / working / discharge
    diagnosis_ids: tuple[str, ...]
    base_versions: tuple[int, ...]


register(AddDiagnosis, ReviseDiagnosis, RemoveDiagnosis, ReorderDiagnoses)


@dataclass(frozen=True)
class DiagnosisRow:
    id: str
    encounter_id: str
    group: str                            # admission / working / discharge
    kind: str                             # as stored (primary / secondary for the working list)
    icd10_code: Optional[str]
    name: str
    seq_no: int
    diagnosed_at: datetime
    diagnosed_by: str
    diagnosed_by_name: str
    version: int
    dictionary_name: str = ""             # the ICD-10 dictionary's name of the code


def encounter_diagnoses(conn: Connection, encounter_id: str) -> list[DiagnosisRow]:
    """The stay's active diagnoses, list by list (admission, working, discharge), main first."""
    rows = conn.execute(
        select(diagnosis, staff.c.full_name, icd10.c.name_cn, icd10.c.name_en)
        .join(staff, staff.c.id == diagnosis.c.diagnosed_by)
        .outerjoin(icd10, icd10.c.code == diagnosis.c.icd10_code)
        .where(diagnosis.c.encounter_id == encounter_id)
        .where(diagnosis.c.status == dg.ACTIVE)).mappings().all()
    out = [DiagnosisRow(r["id"], r["encounter_id"], dg.group_of(r["kind"]), r["kind"],
                        r["icd10_code"], r["name"], int(r["seq_no"]), r["diagnosed_at"],
                        r["diagnosed_by"], r["full_name"] or "", int(r["version"]),
                        str(r["name_cn"] or r["name_en"] or "")) for r in rows]
    order = {g: i for i, g in enumerate(dg.GROUPS)}
    # Within a list: seq_no; the working list's primary before its secondaries on a tie.
    return sorted(out, key=lambda d: (order.get(d.group, 9), d.seq_no, d.kind != dg.PRIMARY,
                                      d.diagnosed_at, d.id))


# ---- checks --------------------------------------------------------------------------------

def _encounter(uow: UnitOfWork, encounter_id: str) -> Any:
    row = uow.conn.execute(select(encounter.c.id, encounter.c.patient_id, encounter.c.admitted_at)
                           .where(encounter.c.id == encounter_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    return row


def _check_time(uow: UnitOfWork, enc: Any, at: datetime) -> None:
    if at > uow.now + CLOCK_SKEW:
        raise ValidationError("diagnosis.in_future", field="diagnosed_at", at=at)
    if at < enc.admitted_at - CLOCK_SKEW:
        raise ValidationError("diagnosis.before_admission", field="diagnosed_at", at=at,
                              admitted_at=enc.admitted_at)


def _dictionary_name(uow: UnitOfWork, code: str) -> str:
    """The code's Chinese name (English where the dictionary has none); unknown: refused."""
    found = uow.conn.execute(select(icd10.c.name_cn, icd10.c.name_en)
                             .where(icd10.c.code == code)).first()
    if found is None:
        raise ValidationError("diagnosis.unknown_code", field="icd10_code", code=code)
    return str(found.name_cn or found.name_en)


def _name(typed: str, default: str) -> str:
    name = " ".join(typed.split())
    if not name:
        return default[:dg.NAME_MAX]
    if len(name) > dg.NAME_MAX:
        raise ValidationError("diagnosis.name_too_long", field="name", max=dg.NAME_MAX, length=len(name))
    return name


def _group(kind: str) -> str:
    if kind not in dg.GROUPS:
        raise ValidationError("diagnosis.bad_kind", field="kind", kind=kind)
    return kind


def _list(uow: UnitOfWork, encounter_id: str, group: str) -> list[dict[str, Any]]:
    """The active rows of one list, in their order."""
    rows = uow.conn.execute(select(diagnosis).where(diagnosis.c.encounter_id == encounter_id)
                            .where(diagnosis.c.kind.in_(dg.STORED_KINDS[group]))
                            .where(diagnosis.c.status == dg.ACTIVE)).mappings().all()
    return sorted((dict(r) for r in rows),
                  key=lambda r: (r["seq_no"], r["kind"] != dg.PRIMARY, r["diagnosed_at"], r["id"]))


def _active(uow: UnitOfWork, diagnosis_id: str) -> dict[str, Any]:
    row = uow.conn.execute(select(diagnosis).where(diagnosis.c.id == diagnosis_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="diagnosis", id=diagnosis_id)
    if row["status"] != dg.ACTIVE:
        raise ConflictError("diagnosis.not_active", id=diagnosis_id, status=row["status"])
    return dict(row)


def _renumber_working(uow: UnitOfWork, encounter_id: str) -> list[str]:
    """Keep the working list's first row `primary`, the others `secondary` (after a removal or
    a revision); returns the ids changed."""
    changed = []
    for position, row in enumerate(_list(uow, encounter_id, dg.WORKING)):
        want = dg.stored_kind(dg.WORKING, position)
        if row["kind"] != want:
            update_versioned(uow, diagnosis, row["id"], int(row["version"]), {"kind": want})
            changed.append(str(row["id"]))
    return changed


def _row_values(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "encounter_id", "icd10_code", "name", "kind", "seq_no",
                                "diagnosed_at", "diagnosed_by", "status", "version")}


def _changes(ids: list[str], patient_id: str) -> Changes:
    return Changes.of(kinds.DIAGNOSIS, ids, [patient_id])


# ---- handlers ------------------------------------------------------------------------------

@handles(AddDiagnosis, roles.DIAGNOSIS_RECORD)
def add_diagnosis(uow: UnitOfWork, cmd: AddDiagnosis) -> Changes:
    group = _group(cmd.kind)
    code = cmd.icd10_code.strip().upper()
    if not code:
        raise ValidationError("diagnosis.code_required", field="icd10_code")
    default = _dictionary_name(uow, code)
    name = _name(cmd.name, default)
    enc = _encounter(uow, cmd.encounter_id)
    _check_time(uow, enc, cmd.diagnosed_at)
    current = _list(uow, cmd.encounter_id, group)
    if any(r["icd10_code"] == code and r["name"] == name for r in current):
        raise ValidationError("diagnosis.duplicate", field="icd10_code", code=code, name=name)
    row = {"id": cmd.diagnosis_id, "encounter_id": cmd.encounter_id, "icd10_code": code,
           "name": name, "kind": dg.stored_kind(group, len(current)),
           "seq_no": max((int(r["seq_no"]) for r in current), default=0) + 1,
           "diagnosed_at": cmd.diagnosed_at, "diagnosed_by": cmd.actor_id, "status": dg.ACTIVE,
           "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(diagnosis).values(**row))
    uow.audit(AuditEntry("create", kinds.DIAGNOSIS, cmd.diagnosis_id, cmd.actor_id, enc.patient_id,
                         None, jsonable(dict(_row_values(row), group=group)), cmd.op_id))
    return _changes([cmd.diagnosis_id], enc.patient_id)


@handles(ReviseDiagnosis, roles.DIAGNOSIS_RECORD)
def revise_diagnosis(uow: UnitOfWork, cmd: ReviseDiagnosis) -> Changes:
    old = _active(uow, cmd.diagnosis_id)
    code = cmd.icd10_code.strip().upper()
    if not code:
        raise ValidationError("diagnosis.code_required", field="icd10_code")
    # A code kept from before the dictionary (a 国标 extension such as N10.x00) stays allowed.
    if old["icd10_code"] and code == str(old["icd10_code"]).upper():
        code = str(old["icd10_code"])
    default = old["name"] if code == old["icd10_code"] else _dictionary_name(uow, code)
    name = _name(cmd.name, default)
    if code == old["icd10_code"] and name == old["name"]:
        raise ValidationError("diagnosis.unchanged", field="name")
    enc = _encounter(uow, old["encounter_id"])
    _check_time(uow, enc, cmd.diagnosed_at)
    update_versioned(uow, diagnosis, old["id"], cmd.base_version, {"status": dg.REVISED})
    row = {"id": cmd.new_id, "encounter_id": old["encounter_id"], "icd10_code": code, "name": name,
           "kind": old["kind"], "seq_no": old["seq_no"], "diagnosed_at": cmd.diagnosed_at,
           "diagnosed_by": cmd.actor_id, "status": dg.ACTIVE, "version": 1,
           "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(diagnosis).values(**row))
    reason = (cmd.reason or "").strip()[:dg.REASON_MAX] or None
    uow.audit(AuditEntry("revise", kinds.DIAGNOSIS, old["id"], cmd.actor_id, enc.patient_id,
                         jsonable(_row_values(old)),
                         jsonable(dict(_row_values(row), replaces=old["id"], reason=reason)),
                         cmd.op_id))
    return _changes([old["id"], cmd.new_id], enc.patient_id)


@handles(RemoveDiagnosis, roles.DIAGNOSIS_RECORD)
def remove_diagnosis(uow: UnitOfWork, cmd: RemoveDiagnosis) -> Changes:
    reason = " ".join(cmd.reason.split())
    if not reason:
        raise ValidationError("diagnosis.reason_required", field="reason")
    if len(reason) > dg.REASON_MAX:
        raise ValidationError("diagnosis.reason_too_long", field="reason", max=dg.REASON_MAX)
    old = _active(uow, cmd.diagnosis_id)
    enc = _encounter(uow, old["encounter_id"])
    version = update_versioned(uow, diagnosis, old["id"], cmd.base_version, {"status": dg.ERROR})
    changed = [str(old["id"])]
    if dg.group_of(old["kind"]) == dg.WORKING:
        changed += _renumber_working(uow, old["encounter_id"])      # the next one is the main now
    uow.audit(AuditEntry("void", kinds.DIAGNOSIS, old["id"], cmd.actor_id, enc.patient_id,
                         jsonable(_row_values(old)),
                         {"status": dg.ERROR, "version": version, "reason": reason}, cmd.op_id))
    return _changes(changed, enc.patient_id)


@handles(ReorderDiagnoses, roles.DIAGNOSIS_RECORD)
def reorder_diagnoses(uow: UnitOfWork, cmd: ReorderDiagnoses) -> Changes:
    group = _group(cmd.kind)
    if len(cmd.diagnosis_ids) != len(cmd.base_versions) or \
            len(set(cmd.diagnosis_ids)) != len(cmd.diagnosis_ids):
        raise ValidationError("diagnosis.bad_order", field="kind")
    enc = _encounter(uow, cmd.encounter_id)
    current = _list(uow, cmd.encounter_id, group)
    if {str(r["id"]) for r in current} != set(cmd.diagnosis_ids):
        # Someone added, revised or removed one of this list meanwhile: look again first.
        raise ConflictError("diagnosis.list_changed", kind=group)
    by_id = {str(r["id"]): r for r in current}
    for position, (row_id, base) in enumerate(zip(cmd.diagnosis_ids, cmd.base_versions)):
        # Every row, moved or not: a concurrent reorder then always meets a newer version.
        update_versioned(uow, diagnosis, row_id, base,
                         {"seq_no": position + 1, "kind": dg.stored_kind(group, position)})
    uow.audit(AuditEntry("reorder", kinds.DIAGNOSIS, cmd.encounter_id, cmd.actor_id, enc.patient_id,
                         {"order": [str(r["id"]) for r in current],
                          "main": by_id[str(current[0]["id"])]["name"] if current else None},
                         {"kind": group, "order": list(cmd.diagnosis_ids),
                          "main": by_id[cmd.diagnosis_ids[0]]["name"] if cmd.diagnosis_ids else None},
                         cmd.op_id))
    return _changes(list(cmd.diagnosis_ids), enc.patient_id)
