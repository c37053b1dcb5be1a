"""Print operations: read what a sheet's print needs (its plan and what the paper holds) on the
read pool, and record a print through the one write path (RecordSheetPrint), so the next 续打
lands where the paper expects and every print is audited."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def supported(ctx: OpContext) -> bool:
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def load_sheet_job(ctx: OpContext, encounter_id: str, sheet: str, on_done: Callback,
                   on_error: OnError = None) -> int:
    from app.services.sheet_printing import sheet_job

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: sheet_job(conn, encounter_id, sheet)),
                           on_done, on_error, name="sheet_job")


def record_print(ctx: OpContext, user: Any, job: Any, kind: str, pages: list[int],
                 on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.sheet_printing import RecordSheetPrint, placement_values

    command = RecordSheetPrint(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                               encounter_id=job.encounter_id, sheet=job.sheet, kind=kind,
                               pages=tuple(pages), placements=placement_values(job.plan, set(pages)))
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecordSheetPrint", origin=getattr(ctx, "origin", ""))


def save_pdf(ctx: OpContext, pages: list[Any], path: str, title: str, on_done: Callback,
             on_error: OnError = None) -> int:
    """Write the pages as a PDF off the GUI thread (the printing pool: never behind a save)."""
    from pathlib import Path

    from app.printing.pdf_render import write_pdf

    return ctx.runner.background(lambda: write_pdf(pages, Path(path), title), on_done, on_error,
                                 name="save_pdf")


def load_record_job(ctx: OpContext, encounter_id: str, what: str, doc_id: Optional[str],
                    rec_type: Optional[str], on_done: Callback, on_error: OnError = None) -> int:
    """A stay's signed document (`what` record) or one 护理记录 form (nursing_record) to print."""
    from app.services import record_printing as rp

    backend: Any = ctx.backend

    def read(conn: Any) -> Any:
        if what == rp.NURSING:
            return rp.nursing_job(conn, encounter_id, (rec_type,) if rec_type else ("general", "critical"))
        return rp.record_job(conn, encounter_id, doc_id)

    return ctx.runner.read(lambda: backend.read(read), on_done, on_error, name="record_job")


def record_document_print(ctx: OpContext, user: Any, job: Any, pages: int,
                          on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """Audit a print of documents or a 护理记录 (RecordDocumentPrint, the one write path)."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.record_printing import RecordDocumentPrint

    command = RecordDocumentPrint(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                                  encounter_id=job.encounter_id, what=job.what,
                                  doc_ids=tuple(d.doc_id for d in job.docs),
                                  rec_types=tuple(t for t, _rows in job.rows), pages=pages)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecordDocumentPrint", origin=getattr(ctx, "origin", ""))
# ---- the 体温单 (ui/vitals/chart_print.py)
def load_chart_weeks(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """Every week of the stay's 体温单 (a page each), read in one go on the read pool."""
    from app.services.vitals import stay_weeks

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: stay_weeks(conn, encounter_id)),
                           on_done, on_error, name="chart_weeks")


def record_chart_print(ctx: OpContext, user: Any, encounter_id: str, weeks: list[int],
                       on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.chart_printing import RecordChartPrint

    command = RecordChartPrint(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                               encounter_id=encounter_id, weeks=tuple(weeks))
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecordChartPrint", origin=getattr(ctx, "origin", ""))


def save_chart_pdf(ctx: OpContext, pages: list[Any], path: str, title: str, on_done: Callback,
                   on_error: OnError = None) -> int:
    """The 体温单 pages (app/printing/tempchart_model.py) as a PDF, off the GUI thread."""
    from pathlib import Path

    from app.printing.tempchart_pdf import write_chart_pdf

    return ctx.runner.background(lambda: write_chart_pdf(pages, Path(path), title), on_done, on_error,
                                 name="save_chart_pdf")


# ---- 执行单 and 瓶签 from the 执行 screen (ui/printing/exec_preview.py)
def load_exec_job(ctx: OpContext, ward_id: str, what: str, day: Any, on_done: Callback,
                  on_error: OnError = None) -> int:
    """The ward day's 瓶签 (`what` infusion_label) or 执行单 (exec_sheet) to print."""
    from app.clock import utcnow
    from app.services import exec_printing as xp

    backend: Any = ctx.backend

    def read(conn: Any) -> Any:
        scope = xp.ward_scope_of(conn, ward_id)
        if what == "infusion_label":
            return xp.label_job(conn, scope, day, utcnow())
        return xp.exec_sheet_job(conn, scope, day, None, utcnow())

    return ctx.runner.read(lambda: backend.read(read), on_done, on_error, name="exec_print_job")


def record_exec_print(ctx: OpContext, user: Any, what: str, day: Any, printed: Any,
                      on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.exec_printing import RecordExecPrint

    command = RecordExecPrint(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(), what=what,
                              day=day.isoformat(), printed=tuple(printed))
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecordExecPrint", origin=getattr(ctx, "origin", ""))


# ---- the handover reports from their screens (ui/printing/handover_preview.py)
def load_handover_job(ctx: OpContext, ward_id: str, kind: str, shift_date: Any, shift_code: Optional[str],
                      on_done: Callback, on_error: OnError = None) -> int:
    """(report id, report) of the nurses' shift shown (`kind` nurse_handover) or the doctors' last."""
    from app.services import handover_printing as hp

    backend: Any = ctx.backend

    def read(conn: Any) -> Any:
        code = hp.ward_code_of(conn, ward_id)
        if kind == hp.NURSE_KIND:
            return hp.nurse_report(conn, code, shift_date, shift_code)
        return hp.doctor_report(conn, code)

    return ctx.runner.read(lambda: backend.read(read), on_done, on_error, name="handover_print_job")


def record_handover_print(ctx: OpContext, user: Any, kind: str, handover_id: str, pages: int,
                          on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.handover_printing import RecordHandoverPrint

    command = RecordHandoverPrint(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(), kind=kind,
                                  handover_id=handover_id, pages=pages)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="RecordHandoverPrint", origin=getattr(ctx, "origin", ""))
