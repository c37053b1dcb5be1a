"""The set-based replay form of the stay's states, 病情 (SetAcuity) and 护理级别 (SetNursingGrade)
(app/services/patient_cmds.py): versioned changes of the encounter row.

The run's encounters are read once and locked (SELECT ... FOR UPDATE where the engine has it);
each command is then checked in order against the row as the commands before it left it: the
value known, the row there, its base version the current one (else the same conflict as
`update_versioned`), the row not one an earlier queued change met a conflict on (`_on_stale_row`).
What changed goes back in one UPDATE with CASE per column, whatever the run's length.
tests/unit/offline/test_batch_runs.py compares it with the commands one by one.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from sqlalchemy import case, select, update

from app.errors import ConflictError, ValidationError, WardStationError
from app.offline.batching import Stale, handles_batch, movable
from app.services import audit
from app.services import changes as kinds
from app.services.commands import SetAcuity, SetNursingGrade
from app.services.patient_cmds import ACUITIES
from app.services.uow import UnitOfWork
from app.services.vitals_cmds import RecordVitals
from app.store.schema import encounter

_IN_CHUNK = 900


def _field(cmd: Any) -> tuple[str, Any, Optional[WardStationError]]:
    if isinstance(cmd, SetAcuity):
        bad = None if cmd.acuity in ACUITIES else ValidationError("encounter.bad_acuity", acuity=cmd.acuity)
        return "acuity", cmd.acuity, bad
    grade = cmd.nursing_grade
    bad = None if grade in (0, 1, 2, 3) else ValidationError("encounter.bad_grade", grade=grade)
    return "nursing_grade", grade, bad


def _rows(uow: UnitOfWork, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), _IN_CHUNK):
        query = select(encounter).where(encounter.c.id.in_(ids[i:i + _IN_CHUNK])).with_for_update()
        for row in uow.conn.execute(query).mappings().all():
            found[str(row["id"])] = dict(row)
    return found


def _stale(row: dict[str, Any], base: int, params: dict[str, Any]) -> ConflictError:
    return ConflictError("conflict.stale", **dict(params, base_version=base, current_version=row["version"],
                                                   current=audit.jsonable(row)))


def set_encounter_states(uow: UnitOfWork, cmds: Sequence[Any],
                         stale: Stale) -> list[Optional[WardStationError]]:
    rows = _rows(uow, sorted({cmd.encounter_id for cmd in cmds}))
    read = {eid: int(row["version"]) for eid, row in rows.items()}
    errors: list[Optional[WardStationError]] = []
    for cmd in cmds:
        field, value, bad = _field(cmd)
        row = rows.get(cmd.encounter_id)
        if bad is not None:
            errors.append(bad)
        elif row is None:
            errors.append(ValidationError("not_found", entity="encounter", id=cmd.encounter_id))
        elif int(row["version"]) != cmd.base_version:
            errors.append(_stale(row, cmd.base_version, {"entity": encounter.name, "id": cmd.encounter_id}))
        elif cmd.encounter_id in stale:
            errors.append(_stale(row, cmd.base_version, stale[cmd.encounter_id]))
        else:
            uow.audit(audit.AuditEntry("update", kinds.ENCOUNTER, cmd.encounter_id, cmd.actor_id,
                                       row["patient_id"], {field: row[field]}, {field: value}, cmd.op_id))
            row.update({field: value, "version": int(row["version"]) + 1, "updated_at": uow.now})
            errors.append(None)
            continue
        if isinstance(errors[-1], ConflictError):
            stale.setdefault(cmd.encounter_id, {"entity": encounter.name, "id": cmd.encounter_id})
    changed = sorted(eid for eid, row in rows.items() if int(row["version"]) != read[eid])
    if changed:
        def column(name: str) -> Any:
            return case({eid: rows[eid][name] for eid in changed}, value=encounter.c.id,
                        else_=encounter.c[name])

        result = uow.conn.execute(
            update(encounter).where(encounter.c.id.in_(changed))
            .values(acuity=column("acuity"), nursing_grade=column("nursing_grade"),
                    version=column("version"), updated_at=uow.now))
        if result.rowcount != len(changed):
            raise ValidationError("conflict.stale", entity=encounter.name)   # run them one by one
    return errors


movable(SetAcuity, RecordVitals)
movable(SetNursingGrade, RecordVitals)
handles_batch(SetAcuity)(set_encounter_states)
handles_batch(SetNursingGrade)(set_encounter_states)
