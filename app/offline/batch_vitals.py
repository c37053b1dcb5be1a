"""The set-based replay form of RecordVitals (app/services/vitals_cmds.record_vitals).

The same checks, from the same code (`vitals_rows`), on what a run needs read once for all its
commands: their encounters, the last charted weights, the rows their corrections name. A command
later in the run sees what earlier ones charted (a weight, a correction), as it would one by one;
every row goes in with one multi-row INSERT. A key or a correction another PC made first fails the
INSERT as a whole: the batch is then run again with this run one by one (app/offline/batching.py),
where each command gets its own answer. tests/unit/offline/test_batch_vitals.py compares both forms.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, Optional

from sqlalchemy import insert, select

from app.domain import vitals as dv
from app.errors import ValidationError, WardStationError
from app.offline.batching import Stale, handles_batch, id_chunks, movable
from app.services.uow import UnitOfWork
from app.services.vitals_cmds import RecordVitals, audit_vitals, vitals_rows, void_targets
from app.store.schema import encounter, vital_obs


def _encounters(uow: UnitOfWork, ids: Sequence[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for part in id_chunks(ids):
        for row in uow.conn.execute(select(encounter.c.id, encounter.c.patient_id,
                                           encounter.c.admitted_at, encounter.c.discharged_at)
                                    .where(encounter.c.id.in_(part))).all():
            found[row.id] = row
    return found


def _weights(uow: UnitOfWork, ids: Sequence[str]) -> dict[str, tuple[datetime, Decimal]]:
    """Each encounter's last charted weight (measured_at, value), as `_last_weight` reads it."""
    last: dict[str, tuple[datetime, Decimal]] = {}
    for part in id_chunks(ids):
        for eid, at, value in uow.conn.execute(
                select(vital_obs.c.encounter_id, vital_obs.c.measured_at, vital_obs.c.num_value)
                .where(vital_obs.c.encounter_id.in_(part)).where(vital_obs.c.item == dv.WEIGHT)
                .where(vital_obs.c.num_value.is_not(None))).all():
            if eid not in last or at > last[eid][0]:
                last[eid] = (at, Decimal(str(value)))
    return last


movable(RecordVitals)


@handles_batch(RecordVitals)
def record_vitals_many(uow: UnitOfWork, cmds: Sequence[RecordVitals],
                       stale: Stale) -> list[Optional[WardStationError]]:
    encounters = _encounters(uow, [cmd.encounter_id for cmd in cmds])
    weighed = [cmd.encounter_id for cmd in cmds if any(v.item == dv.WEIGHT for v in cmd.values)]
    weights = _weights(uow, weighed) if weighed else {}
    targets = dict(void_targets(uow, sorted({v.voids for cmd in cmds for v in cmd.values if v.voids})))
    errors: list[Optional[WardStationError]] = []
    rows: list[dict[str, Any]] = []
    corrected: set[str] = set()
    for cmd in cmds:
        enc = encounters.get(cmd.encounter_id)
        try:
            mine = vitals_rows(uow, cmd, enc, lambda eid: weights[eid][1] if eid in weights else None,
                               targets)
        except WardStationError as error:
            errors.append(error)
            continue
        for row in mine:
            if row["voids"] in corrected:
                # Two corrections of one row in a run: the unique index decides one by one.
                raise ValidationError("vitals.already_corrected", id=row["voids"])
            if row["voids"]:
                corrected.add(row["voids"])
            # A later correction may name a row charted earlier in this run.
            targets[row["id"]] = SimpleNamespace(id=row["id"], encounter_id=row["encounter_id"],
                                                 voided=False, code=row["code"])
            if row["item"] == dv.WEIGHT and row["num_value"] is not None:
                seen = weights.get(cmd.encounter_id)
                if seen is None or row["measured_at"] > seen[0]:
                    weights[cmd.encounter_id] = (row["measured_at"], Decimal(str(row["num_value"])))
        assert enc is not None            # vitals_rows refused a missing one
        errors.append(None)
        rows.extend(mine)
        audit_vitals(uow, cmd, enc.patient_id, mine)
    if rows:
        uow.conn.execute(insert(vital_obs), rows)
    return errors
