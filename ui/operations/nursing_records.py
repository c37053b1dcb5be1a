"""护理记录 and risk-assessment operations: a stay's record lines, its 24 h intake/output and its
latest assessments read off the GUI thread; a line, a correction, a void and an assessment
saved through the one write path (`backend.execute` via `runner.mutate`, so every screen hears
the Changes). Commands are built and stamped here, never in a widget."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def supported(ctx: OpContext) -> bool:
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def load_lines(ctx: OpContext, encounter_id: str, rec_type: str, at: datetime, on_done: Callback,
               on_error: OnError = None) -> int:
    """(lines of the record type, the 24 h I/O around `at`) in one read call."""
    from app.services.nursing_records import io_summary, record_lines

    backend: Any = ctx.backend

    def read(conn: Any) -> tuple[Any, Any]:
        return record_lines(conn, encounter_id, rec_type), io_summary(conn, encounter_id, at)

    return ctx.runner.read(lambda: backend.read(read), on_done, on_error, name="nursing_lines")


def load_risks(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """scale -> the stay's latest assessment, for the chart header."""
    from app.services.nursing_records import patient_assessments

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: patient_assessments(conn, encounter_id)),
                           on_done, on_error, name="nursing_risks")


def record_line(ctx: OpContext, user: Any, encounter_id: str, rec_type: str, recorded_at: datetime,
                fields: dict[str, Any], on_done: Callback, on_error: OnError = None, *,
                confirmed: tuple[str, ...] = (), replaces_id: Optional[str] = None,
                reason: Optional[str] = None, origin: str = "") -> int:
    """One line (signed on save); with `replaces_id` the correction of that line."""
    from app.ids import new_id
    from app.services.nursing_rec_cmds import RecordNursingLine

    cmd = RecordNursingLine(**_stamp(user), encounter_id=encounter_id, record_id=new_id(),
                            rec_type=rec_type, recorded_at=recorded_at, confirmed=confirmed,
                            replaces_id=replaces_id, reason=reason, **fields)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="RecordNursingLine", origin=origin)


def void_line(ctx: OpContext, user: Any, record_id: str, reason: str, on_done: Callback,
              on_error: OnError = None, origin: str = "") -> int:
    from app.ids import new_id
    from app.services.nursing_rec_cmds import VoidNursingLine

    cmd = VoidNursingLine(**_stamp(user), record_id=record_id, void_id=new_id(), reason=reason)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="VoidNursingLine", origin=origin)


def record_assessment(ctx: OpContext, user: Any, encounter_id: str, scale: str,
                      answers: dict[str, int], assessed_at: datetime, on_done: Callback,
                      on_error: OnError = None, origin: str = "") -> int:
    from app.ids import new_id
    from app.services.nursing_cmds import RecordAssessment

    cmd = RecordAssessment(**_stamp(user), encounter_id=encounter_id, record_id=new_id(),
                           scale=scale, answers=dict(answers), assessed_at=assessed_at)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="RecordAssessment", origin=origin)

