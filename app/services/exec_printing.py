"""Printing the day's execution sheets (执行单) and infusion labels (瓶签): what to print for a ward
or a patient on a ward day, read with `execution_day` (the same items the execution screen
shows, so paper and screen agree), and the audit entry of each print (one per patient printed).

Also what a scanned label names (`scanned_label`): the execution screen finds a label of its own
ward's day among its items; for any other code it asks here why not (another ward, a stopped or
cancelled item, another day) so the nurse is told in plain words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Optional, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.domain import execution as ex
from app.domain import roles
from app.domain.orders import group_marks
from app.errors import ValidationError
from app.printing.exec_sheet import ExecSheetHeader, SheetRow, SheetSection
from app.printing.labels import LabelData
from app.services import audit
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.execution import ExecItem, execution_day
from app.services.handlers import handles
from app.services.record_printing import hospital_name
from app.services.uow import UnitOfWork
from app.services.ward_settings import nurse_settings
from app.store.schema import bed, encounter, med_order, order_exec_plan, patient, ward

ADMITTED = "admitted"
LABEL_SHEET = "infusion"
OPEN_STATES = ("planned", "running")      # a label is printed for an infusion not given yet


@dataclass(frozen=True)
class Scope:
    """Whose executions: a ward, or one patient's stay (on its ward)."""

    ward_id: str
    ward_name: str
    encounter_id: Optional[str] = None
    patient_text: str = ""                 # "12床 张三 住院号 ..." for a patient's print


@dataclass(frozen=True)
class Printed:
    """What a print put on paper for one patient: for the audit entry."""

    encounter_id: str
    patient_id: str
    plan_ids: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class ExecSheetJob:
    header: ExecSheetHeader
    sections: tuple[SheetSection, ...]
    printed: tuple[Printed, ...]


@dataclass(frozen=True)
class LabelJob:
    labels: tuple[LabelData, ...]
    size_mm: tuple[int, int]
    printed: tuple[Printed, ...]


@dataclass(frozen=True)
class RecordExecPrint(Command):
    """A print of 执行单 (`what` exec_sheet) or 瓶签 (infusion_label) from the 执行 screen: what
    went on paper for each patient (`printed`), for the ward day `day` (YYYY-MM-DD)."""

    what: str
    day: str
    printed: tuple[Printed, ...] = ()


register_values(Printed)
register(RecordExecPrint)
PRINT_KINDS = ("exec_sheet", "infusion_label")


@handles(RecordExecPrint, roles.PRINT)
def record_exec_print_cmd(uow: UnitOfWork, cmd: RecordExecPrint) -> Changes:
    if cmd.what not in PRINT_KINDS or not cmd.printed:
        raise ValidationError("print.bad_request", sheet=cmd.what, kind="")
    try:
        day = date.fromisoformat(cmd.day)
    except ValueError:
        raise ValidationError("print.bad_date", day=cmd.day) from None
    record_exec_print(uow, cmd.what, day, cmd.printed, cmd.actor_id, cmd.op_id)
    return Changes()


def ward_scope_of(conn: Connection, ward_id: str) -> Scope:
    row = conn.execute(select(ward.c.id, ward.c.name).where(ward.c.id == ward_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="ward", id=ward_id)
    return Scope(str(row.id), str(row.name))


def ward_offset_minutes(day: date) -> int:
    """The ward's clock on `day`: this computer's zone at noon of that day (as the screen's)."""
    offset = datetime.combine(day, time(12, 0)).astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def ward_scope(conn: Connection, ward_code: str) -> Scope:
    row = conn.execute(select(ward.c.id, ward.c.name).where(ward.c.code == ward_code)).first()
    if row is None:
        raise ValidationError("print.unknown_ward", ward=ward_code)
    return Scope(str(row.id), str(row.name))


def patient_scope(conn: Connection, mrn: str) -> Scope:
    """The patient's current (or latest) stay, by 住院号, on the ward it is on."""
    from app.services.sheet_printing import current_encounter

    encounter_id, _pid = current_encounter(conn, mrn)
    row = conn.execute(select(ward.c.id, ward.c.name, patient.c.name.label("pname"), patient.c.mrn,
                              bed.c.bed_no)
                       .select_from(encounter).join(ward, ward.c.id == encounter.c.ward_id)
                       .join(patient, patient.c.id == encounter.c.patient_id)
                       .outerjoin(bed, bed.c.id == encounter.c.bed_id)
                       .where(encounter.c.id == encounter_id)).one()
    bed_text = f"{row.bed_no}床 " if row.bed_no else ""
    return Scope(str(row.id), str(row.name), encounter_id, f"{bed_text}{row.pname} 住院号 {row.mrn}")


def day_items(conn: Connection, scope: Scope, day: date, now: datetime) -> list[ExecItem]:
    """The scope's execution items of the ward day, in bed order, then by time."""
    items = execution_day(conn, scope.ward_id, day, ward_offset_minutes(day), now).items
    chosen = [i for i in items if scope.encounter_id is None or i.encounter_id == scope.encounter_id]
    beds = _bed_order(conn, scope.ward_id)
    chosen.sort(key=lambda i: (beds.get(i.bed_no, 10**6), i.bed_no, i.encounter_id, i.planned_at, i.plan_id))
    return chosen


def _bed_order(conn: Connection, ward_id: str) -> dict[str, int]:
    return {str(r.bed_no): int(r.sort_key) for r in conn.execute(
        select(bed.c.bed_no, bed.c.sort_key).where(bed.c.ward_id == ward_id))}


def _dose(value: Any, unit: Optional[str]) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)
    return f"{text}{unit or ''}"


def _clock(at: datetime, day: date) -> str:
    local = at.astimezone(timezone(timedelta(minutes=ward_offset_minutes(day))))
    return local.strftime("%H:%M")


def _done_text(item: ExecItem, day: date) -> tuple[str, str]:
    """(执行时间, 签名) already recorded on the item, for a sheet printed after the round."""
    live = [f for f in item.facts if not f.voided and f.kind != ex.VOID]
    if not live:
        return "", ""
    last = live[-1]
    if last.kind == ex.NOT_DONE:
        return "", "未执行"
    when = _clock(last.at, day) if last.at is not None else ""
    return when, last.nurse_name + (f"/{last.second_name}" if last.second_name else "")


def _drug_lines(item: ExecItem) -> tuple[tuple[str, str], ...]:
    marks = group_marks(len(item.drugs))
    return tuple((f"{m}{d.content}", _dose(d.dose, d.dose_unit)) for m, d in zip(marks, item.drugs))


def _printed(items: Sequence[ExecItem]) -> tuple[Printed, ...]:
    by: dict[str, list[ExecItem]] = {}
    for i in items:
        by.setdefault(i.encounter_id, []).append(i)
    return tuple(Printed(eid, its[0].patient_id, tuple(i.plan_id for i in its),
                         tuple(sorted({i.sheet for i in its}, key=ex.SHEETS.index)))
                 for eid, its in by.items())


def exec_sheet_job(conn: Connection, scope: Scope, day: date, kind: Optional[str],
                   now: datetime) -> ExecSheetJob:
    """Every kind's sheet (or `kind`'s) of the scope's day; a kind with nothing planned is left out."""
    if kind is not None and kind not in ex.SHEETS:
        raise ValidationError("print.unknown_kind", kind=kind, kinds=", ".join(ex.SHEETS))
    items = [i for i in day_items(conn, scope, day, now) if kind is None or i.sheet == kind]
    if not items:
        raise ValidationError("print.no_executions", who=scope.patient_text or scope.ward_name,
                              day=day.isoformat(), kind=kind or "")
    sections = []
    for sheet in ex.SHEETS:
        rows = []
        for i in (i for i in items if i.sheet == sheet):
            done_at, signed = _done_text(i, day)
            rows.append(SheetRow(i.bed_no, i.patient_name, i.mrn, _drug_lines(i),
                                 i.route_name or i.route_code or "", i.freq_code or "",
                                 _clock(i.planned_at, day), i.rate or "", done_at, signed))
        if rows:
            sections.append(SheetSection(sheet, tuple(rows)))
    header = ExecSheetHeader(hospital_name(conn), scope.ward_name, day, scope.patient_text)
    return ExecSheetJob(header, tuple(sections), _printed(items))


def label_job(conn: Connection, scope: Scope, day: date, now: datetime) -> LabelJob:
    """One label per infusion item of the day not given yet (a group: one label, every drug)."""
    items = [i for i in day_items(conn, scope, day, now)
             if i.sheet == LABEL_SHEET and i.state in OPEN_STATES]
    if not items:
        raise ValidationError("print.no_labels", who=scope.patient_text or scope.ward_name,
                              day=day.isoformat())
    labels = tuple(LabelData(ex.label_code(i.plan_id), i.bed_no, i.patient_name, i.mrn, scope.ward_name,
                             _drug_lines(i), i.route_name or i.route_code or "", i.freq_code or "",
                             _clock(i.planned_at, day), day, i.rate or "") for i in items)
    size = nurse_settings(conn, scope.ward_id).label_size
    return LabelJob(labels, size, _printed(items))


def record_exec_print(uow: UnitOfWork, what: str, day: date, printed: Sequence[Printed],
                      staff_id: Optional[str], op_id: Optional[str]) -> None:
    """Audit a print of 执行单 (`what` = exec_sheet) or 瓶签 (infusion_label): one entry a patient,
    naming the day, the kinds and the execution items on paper."""
    for p in printed:
        uow.audit(audit.AuditEntry("print", what, p.encounter_id, staff_id, p.patient_id, None,
                                   {"sheet": what, "day": day.isoformat(), "kinds": list(p.kinds),
                                    "items": list(p.plan_ids)}, op_id))


@dataclass(frozen=True)
class ScannedLabel:
    """Where a scanned label's execution item is, for a label not among the screen's items."""

    plan_id: str
    ward_id: str
    ward_name: str
    bed_no: str
    patient_name: str
    mrn: str
    planned_at: datetime
    plan_status: str                     # planned / cancelled
    order_status: str
    stay_status: str                     # admitted / discharged ...


def scanned_label(conn: Connection, plan_id: str) -> Optional[ScannedLabel]:
    """The item a label names, wherever it is (None: no such item)."""
    row = conn.execute(
        select(order_exec_plan.c.id, order_exec_plan.c.planned_at,
               order_exec_plan.c.status.label("plan_status"),
               med_order.c.status.label("order_status"), encounter.c.status.label("stay_status"),
               ward.c.id.label("ward_id"), ward.c.name.label("ward_name"), patient.c.name, patient.c.mrn,
               bed.c.bed_no)
        .join(med_order, med_order.c.id == order_exec_plan.c.order_id)
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .join(ward, ward.c.id == encounter.c.ward_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .where(order_exec_plan.c.id == plan_id)).first()
    if row is None:
        return None
    return ScannedLabel(str(row.id), str(row.ward_id), str(row.ward_name), str(row.bed_no or ""),
                        str(row.name), str(row.mrn), row.planned_at, str(row.plan_status),
                        str(row.order_status), str(row.stay_status))
