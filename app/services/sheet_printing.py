"""Printing a patient's 长期/临时医嘱单: what to print (the sheet's lines and what the paper already
holds), and recording a print (placements + audit) so the next 续打 lands at the right row.

The GUI records through the `RecordSheetPrint` command (the one write path; replayable); the
command line, run by IT with the database's credentials and no signed-in user, through
`record_print` directly in a unit of work, audited with no staff and its workstation name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.errors import ConflictError, ValidationError
from app.ids import new_id
from app.printing.order_sheets import SheetHeader
from app.printing.sheet_layout import (
    PRINTED_CANCEL,
    PRINTED_LINE,
    PRINTED_STOP,
    SHEETS,
    Placement,
    PrintLine,
    SheetPlan,
    placements_after,
    plan_sheet,
)
from app.services import audit
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.store.schema import encounter, patient, sheet_print

PRINT_KINDS = ("whole", "continuation", "reprint")


@dataclass(frozen=True)
class PlacementValue:
    """A placement as a command carries it (replay-safe: plain values)."""

    order_id: str
    page: int
    row: int
    span: int
    stop_printed: bool = False
    cancel_printed: bool = False


@dataclass(frozen=True)
class RecordSheetPrint(Command):
    encounter_id: str
    sheet: str                                  # long / temp
    kind: str                                   # whole, continuation, reprint
    pages: tuple[int, ...]
    placements: tuple[PlacementValue, ...]


register(RecordSheetPrint)
register_values(PlacementValue)


def current_encounter(conn: Connection, mrn: str) -> tuple[str, str]:
    """(encounter id, patient id) of the patient's current or latest stay, by 住院号."""
    row = conn.execute(select(encounter.c.id, patient.c.id.label("pid"))
                       .join(patient, patient.c.id == encounter.c.patient_id)
                       .where(patient.c.mrn == mrn)
                       .order_by((encounter.c.status == "admitted").desc(), encounter.c.admitted_at.desc())
                       .limit(1)).first()
    if row is None:
        raise ValidationError("print.unknown_patient", mrn=mrn)
    return str(row[0]), str(row[1])


def sheet_lines(conn: Connection, encounter_id: str, sheet: str) -> list[PrintLine]:
    """The sheet's lines as the orders are now (signed orders only), in sheet order."""
    from app.services.orders import chart_orders
    from app.services.orders import sheet_lines as lines_of

    return [PrintLine(line.order_id, line.start, line.content, line.doctor, line.nurse, line.stop,
                      line.stop_doctor, line.stop_nurse, line.red, line.cancelled)
            for line in lines_of(chart_orders(conn, encounter_id), sheet)]


def printed(conn: Connection, encounter_id: str, sheet: str) -> list[Placement]:
    """What the paper of this sheet holds: each order's line with its stop and 取消 if printed."""
    rows = conn.execute(select(sheet_print.c.order_id, sheet_print.c.what, sheet_print.c.page_no,
                               sheet_print.c.row_no, sheet_print.c.span)
                        .where(sheet_print.c.encounter_id == encounter_id)
                        .where(sheet_print.c.sheet == sheet)).all()
    lines = {r.order_id: r for r in rows if r.what == PRINTED_LINE}
    stops = {r.order_id for r in rows if r.what == PRINTED_STOP}
    cancels = {r.order_id for r in rows if r.what == PRINTED_CANCEL}
    return [Placement(str(oid), int(r.page_no), int(r.row_no), int(r.span), oid in stops, oid in cancels)
            for oid, r in lines.items()]


def record_print(uow: UnitOfWork, encounter_id: str, sheet: str, kind: str, pages: tuple[int, ...],
                 placements: tuple[PlacementValue, ...], staff_id: Optional[str],
                 op_id: Optional[str]) -> Changes:
    """Keep what this print put on paper, and audit it (a reprint names its pages)."""
    if sheet not in SHEETS or kind not in PRINT_KINDS:
        raise ValidationError("print.bad_request", sheet=sheet, kind=kind)
    conn = uow.conn
    pid = conn.execute(select(encounter.c.patient_id).where(encounter.c.id == encounter_id)).scalar()
    if pid is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    on_paper = {(p.order_id): p for p in printed(conn, encounter_id, sheet)}
    new_rows = []
    for p in placements:
        before = on_paper.get(p.order_id)
        if before is not None and (before.page, before.row) != (p.page, p.row):
            # Another PC continued this sheet meanwhile: the paper is not what this print assumed.
            raise ConflictError("print.sheet_moved", order_id=p.order_id)
        whats = [] if before is not None else [PRINTED_LINE]
        if p.stop_printed and not (before and before.stop_printed):
            whats.append(PRINTED_STOP)
        if p.cancel_printed and not (before and before.cancel_printed):
            whats.append(PRINTED_CANCEL)
        new_rows += [{"id": new_id(), "encounter_id": encounter_id, "sheet": sheet, "order_id": p.order_id,
                      "what": w, "page_no": p.page, "row_no": p.row, "span": p.span,
                      "printed_at": uow.now, "printed_by": staff_id, "op_id": op_id} for w in whats]
    if new_rows:
        conn.execute(insert(sheet_print), new_rows)   # UNIQUE: a concurrent 续打 fails here
    uow.audit(audit.AuditEntry("print", "sheet", encounter_id, staff_id, str(pid), None,
                               {"sheet": sheet, "kind": kind, "pages": list(pages),
                                "lines": len([r for r in new_rows if r["what"] == PRINTED_LINE])},
                               op_id))
    return Changes.of("sheet_print", [encounter_id], [str(pid)])


@handles(RecordSheetPrint, "print")
def record_sheet_print(uow: UnitOfWork, cmd: RecordSheetPrint) -> Changes:
    return record_print(uow, cmd.encounter_id, cmd.sheet, cmd.kind, cmd.pages, cmd.placements,
                        cmd.actor_id, cmd.op_id)


@dataclass(frozen=True)
class SheetJob:
    """Everything a print of one sheet needs, read in one go: the plan (lines at their rows, what
    a 续打 adds), the header, and what the paper held when it was read."""

    encounter_id: str
    sheet: str
    header: SheetHeader
    plan: SheetPlan
    on_paper: tuple[Placement, ...]


def sheet_job(conn: Connection, encounter_id: str, sheet: str) -> SheetJob:
    from app.printing.order_sheets import measure_mm
    from app.services.ward import patient_header
    from app.store.schema import app_setting

    if sheet not in SHEETS:
        raise ValidationError("print.bad_request", sheet=sheet, kind="")
    header = patient_header(conn, encounter_id)
    lines = sheet_lines(conn, encounter_id, sheet)
    if not lines:
        raise ValidationError("print.nothing", sheet=sheet)
    on_paper = tuple(printed(conn, encounter_id, sheet))
    hospital = conn.execute(select(app_setting.c.svalue)
                            .where(app_setting.c.skey == "hospital_name")).scalar() or "WardStation"
    plan = plan_sheet(SHEETS[sheet], lines, on_paper, measure_mm)
    return SheetJob(encounter_id, sheet, SheetHeader(str(hospital), header.name, header.dept_name,
                                                     header.ward_name, header.bed_no, header.mrn),
                    plan, on_paper)


def placement_values(plan: SheetPlan, pages: set[int]) -> tuple[PlacementValue, ...]:
    """What printing `pages` of `plan` puts on paper, as the command carries it."""
    return tuple(PlacementValue(p.order_id, p.page, p.row, p.span, p.stop_printed, p.cancel_printed)
                 for p in placements_after(plan, pages))
