"""Handlers for the patient-level commands the foundation needs: allergies, grade, acuity, bed.

Each reads the row, applies a version-checked change, and queues an audit entry with before and
after; all of it commits or rolls back together with the unit of work.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import MoveBed, RecordAllergy, SetAcuity, SetAllergyStatus, SetNursingGrade
from app.services.handlers import current_row, handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import allergy, bed, bed_move, encounter, patient

ACUITIES = ("critical", "serious", "stable")
ALLERGY_STATUSES = ("active", "refuted", "error")
SEVERITIES = (None, "mild", "moderate", "severe")


def _need(row: Any, what: str, row_id: str) -> dict[str, Any]:
    if row is None:
        raise ValidationError("not_found", entity=what, id=row_id)
    return dict(row)


@handles(RecordAllergy, roles.ALLERGY_RECORD)
def record_allergy(uow: UnitOfWork, cmd: RecordAllergy) -> Changes:
    substance = cmd.substance.strip()
    if not substance:
        raise ValidationError("allergy.substance_required")
    if cmd.severity not in SEVERITIES or cmd.source not in ("history", "skin_test"):
        raise ValidationError("allergy.bad_value", severity=cmd.severity, source=cmd.source)
    _need(current_row(uow.conn, patient, cmd.patient_id), "patient", cmd.patient_id)
    same = uow.conn.execute(select(allergy.c.id).where(allergy.c.patient_id == cmd.patient_id)
                            .where(allergy.c.substance == substance)
                            .where(allergy.c.status == "active")).first()
    if same is not None:
        raise ValidationError("allergy.duplicate", substance=substance)
    row = {"id": cmd.allergy_id, "patient_id": cmd.patient_id, "substance": substance,
           "drug_code": cmd.drug_code, "reaction": cmd.reaction, "severity": cmd.severity,
           "source": cmd.source, "status": "active", "recorded_at": cmd.device_time,
           "recorded_by": cmd.actor_id, "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(allergy).values(**row))
    uow.audit(AuditEntry("create", kinds.ALLERGY, cmd.allergy_id, cmd.actor_id, cmd.patient_id,
                         None, row, cmd.op_id))
    return Changes.of(kinds.ALLERGY, [cmd.allergy_id], [cmd.patient_id])


@handles(SetAllergyStatus, roles.ALLERGY_RECORD)
def set_allergy_status(uow: UnitOfWork, cmd: SetAllergyStatus) -> Changes:
    if cmd.status not in ALLERGY_STATUSES:
        raise ValidationError("allergy.bad_value", status=cmd.status)
    before = _need(current_row(uow.conn, allergy, cmd.allergy_id), "allergy", cmd.allergy_id)
    update_versioned(uow, allergy, cmd.allergy_id, cmd.base_version, {"status": cmd.status})
    uow.audit(AuditEntry("update", kinds.ALLERGY, cmd.allergy_id, cmd.actor_id,
                         before["patient_id"], {"status": before["status"]},
                         {"status": cmd.status, "reason": cmd.reason}, cmd.op_id))
    return Changes.of(kinds.ALLERGY, [cmd.allergy_id], [before["patient_id"]])


def _set_encounter(uow: UnitOfWork, cmd: Any, field: str, value: Any) -> Changes:
    before = _need(current_row(uow.conn, encounter, cmd.encounter_id), "encounter",
                   cmd.encounter_id)
    update_versioned(uow, encounter, cmd.encounter_id, cmd.base_version, {field: value})
    uow.audit(AuditEntry("update", kinds.ENCOUNTER, cmd.encounter_id, cmd.actor_id,
                         before["patient_id"], {field: before[field]}, {field: value}, cmd.op_id))
    return Changes.of(kinds.ENCOUNTER, [cmd.encounter_id], [before["patient_id"]])


@handles(SetNursingGrade, roles.PATIENT_GRADE)
def set_nursing_grade(uow: UnitOfWork, cmd: SetNursingGrade) -> Changes:
    if cmd.nursing_grade not in (0, 1, 2, 3):
        raise ValidationError("encounter.bad_grade", grade=cmd.nursing_grade)
    return _set_encounter(uow, cmd, "nursing_grade", cmd.nursing_grade)


@handles(SetAcuity, roles.PATIENT_GRADE)
def set_acuity(uow: UnitOfWork, cmd: SetAcuity) -> Changes:
    if cmd.acuity not in ACUITIES:
        raise ValidationError("encounter.bad_acuity", acuity=cmd.acuity)
    return _set_encounter(uow, cmd, "acuity", cmd.acuity)


@handles(MoveBed, roles.BED_MOVE)
def move_bed(uow: UnitOfWork, cmd: MoveBed) -> Changes:
    enc = _need(current_row(uow.conn, encounter, cmd.encounter_id), "encounter", cmd.encounter_id)
    if enc["status"] != "admitted":
        raise ValidationError("bed.not_admitted", encounter=cmd.encounter_id)
    target = _need(current_row(uow.conn, bed, cmd.to_bed_id), "bed", cmd.to_bed_id)
    if not target["is_active"]:
        raise ValidationError("bed.inactive", bed_no=target["bed_no"])
    taken = uow.conn.execute(select(encounter.c.id).where(encounter.c.bed_id == cmd.to_bed_id)
                             .where(encounter.c.status == "admitted")
                             .where(encounter.c.id != cmd.encounter_id)).first()
    if taken is not None:
        # Someone else's patient is in that bed: the user must see who, not overwrite.
        raise ConflictError("bed.occupied", bed_no=target["bed_no"], encounter=taken[0])
    try:
        # The check above only explains; the unique index uq_encounter_bed_occupant decides
        # when another workstation fills the bed between that check and this update.
        update_versioned(uow, encounter, cmd.encounter_id, cmd.base_version,
                         {"bed_id": cmd.to_bed_id, "ward_id": target["ward_id"]})
    except IntegrityError:
        raise ConflictError("bed.occupied", bed_no=target["bed_no"], encounter=None) from None
    move = {"id": cmd.move_id, "encounter_id": cmd.encounter_id, "from_bed_id": enc["bed_id"],
            "to_bed_id": cmd.to_bed_id, "from_ward_id": enc["ward_id"],
            "to_ward_id": target["ward_id"], "moved_at": cmd.device_time,
            "moved_by": cmd.actor_id, "reason": cmd.reason}
    uow.conn.execute(insert(bed_move).values(**move))
    uow.audit(AuditEntry("move", kinds.ENCOUNTER, cmd.encounter_id, cmd.actor_id,
                         enc["patient_id"], {"bed_id": enc["bed_id"]},
                         {"bed_id": cmd.to_bed_id}, cmd.op_id))
    ids = [i for i in (enc["bed_id"], cmd.to_bed_id) if i]
    return (Changes.of(kinds.ENCOUNTER, [cmd.encounter_id], [enc["patient_id"]])
            .merge(Changes.of(kinds.BED, ids)))
