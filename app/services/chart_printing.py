"""Printing the 体温单: whose charts (a patient by 住院号, or every current patient of a ward in
bed order), and recording the print in the audit trail (a chart print puts nothing on paper a
later print must know of, so unlike the 医嘱单 it keeps no placements: the audit entry is all)."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.errors import ValidationError
from app.services import audit
from app.services.uow import UnitOfWork
from app.store.schema import bed, encounter, ward

ADMITTED = "admitted"


def ward_encounters(conn: Connection, ward_code: str) -> list[str]:
    """The current stays of the ward `ward_code`, in bed order (a stay without a bed last)."""
    ward_id = conn.execute(select(ward.c.id).where(ward.c.code == ward_code)).scalar()
    if ward_id is None:
        raise ValidationError("print.unknown_ward", ward=ward_code)
    rows = conn.execute(select(encounter.c.id).outerjoin(bed, bed.c.id == encounter.c.bed_id)
                        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == ADMITTED)
                        .order_by(bed.c.sort_key.is_(None), bed.c.sort_key, encounter.c.admitted_at)).all()
    return [str(r[0]) for r in rows]


def record_chart_print(uow: UnitOfWork, encounter_id: str, patient_id: str, weeks: tuple[int, ...],
                       staff_id: Optional[str], op_id: Optional[str]) -> None:
    """Audit a print of the stay's 体温单 (which weeks)."""
    uow.audit(audit.AuditEntry("print", "temperature_chart", encounter_id, staff_id, patient_id, None,
                               {"sheet": "temperature_chart", "weeks": list(weeks)}, op_id))
