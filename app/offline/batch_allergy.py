"""The set-based replay form of RecordAllergy (app/services/patient_cmds.record_allergy).

The same checks in the same order (substance required, severity and source known, the patient
exists, no active allergy to the same substance), each asked once for the whole run instead of
once per command, and the same rows and audit entries. A command later in the run sees the
allergies recorded earlier in it, as it would one by one. tests/integration/test_offline_pg.py
runs the same queue through both forms and compares the server's state.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from sqlalchemy import and_, insert, select

from app.errors import ValidationError, WardStationError
from app.offline.batching import Stale, handles_batch, movable
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.commands import RecordAllergy
from app.services.patient_cmds import SEVERITIES
from app.services.uow import UnitOfWork
from app.store.schema import allergy, patient

_IN_CHUNK = 900


movable(RecordAllergy)


@handles_batch(RecordAllergy)
def record_allergies(uow: UnitOfWork, cmds: Sequence[RecordAllergy],
                     stale: Stale) -> list[Optional[WardStationError]]:
    patient_ids = sorted({cmd.patient_id for cmd in cmds})
    known: set[str] = set()
    active: set[tuple[str, str]] = set()
    for i in range(0, len(patient_ids), _IN_CHUNK):
        part = patient_ids[i:i + _IN_CHUNK]
        current = patient.outerjoin(allergy, and_(allergy.c.patient_id == patient.c.id,
                                                  allergy.c.status == "active"))
        for pid, substance in uow.conn.execute(select(patient.c.id, allergy.c.substance)
                                               .select_from(current)
                                               .where(patient.c.id.in_(part))).all():
            known.add(str(pid))
            if substance is not None:
                active.add((str(pid), str(substance)))
    errors: list[Optional[WardStationError]] = []
    rows: list[dict[str, Any]] = []
    for cmd in cmds:
        substance = cmd.substance.strip()
        error: Optional[WardStationError] = None
        if not substance:
            error = ValidationError("allergy.substance_required")
        elif cmd.severity not in SEVERITIES or cmd.source not in ("history", "skin_test"):
            error = ValidationError("allergy.bad_value", severity=cmd.severity, source=cmd.source)
        elif cmd.patient_id not in known:
            error = ValidationError("not_found", entity="patient", id=cmd.patient_id)
        elif (cmd.patient_id, substance) in active:
            error = ValidationError("allergy.duplicate", substance=substance)
        errors.append(error)
        if error is not None:
            continue
        active.add((cmd.patient_id, substance))
        row = {"id": cmd.allergy_id, "patient_id": cmd.patient_id, "substance": substance,
               "drug_code": cmd.drug_code, "reaction": cmd.reaction, "severity": cmd.severity,
               "source": cmd.source, "status": "active", "recorded_at": cmd.device_time,
               "recorded_by": cmd.actor_id, "version": 1, "created_at": uow.now,
               "updated_at": uow.now}
        rows.append(row)
        uow.audit(AuditEntry("create", kinds.ALLERGY, cmd.allergy_id, cmd.actor_id,
                             cmd.patient_id, None, row, cmd.op_id))
    if rows:
        uow.conn.execute(insert(allergy), rows)
    return errors
