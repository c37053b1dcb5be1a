"""Printing the 体温单: whose charts (a patient by 住院号, or every current patient of a ward in
bed order), and recording the print in the audit trail (a chart print puts nothing on paper a
later print must know of, so unlike the 医嘱单 it keeps no placements: the audit entry is all)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.errors import ValidationError
from app.services import audit
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
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


@dataclass(frozen=True)
class RecordChartPrint(Command):
    """The GUI's print of a stay's 体温单 (which weeks): audited through the one write path."""

    encounter_id: str
    weeks: tuple[int, ...]


register(RecordChartPrint)


@handles(RecordChartPrint, "print")
def record_chart_print_cmd(uow: UnitOfWork, cmd: RecordChartPrint) -> Changes:
    pid = uow.conn.execute(select(encounter.c.patient_id).where(encounter.c.id == cmd.encounter_id)).scalar()
    if pid is None:
        raise ValidationError("not_found", entity="encounter", id=cmd.encounter_id)
    record_chart_print(uow, cmd.encounter_id, str(pid), cmd.weeks, cmd.actor_id, cmd.op_id)
    return Changes.of("chart_print", [cmd.encounter_id], [str(pid)])
