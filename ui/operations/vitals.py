"""Charting operations (体征录入, 体温单): the ward grid and a patient's week read off the GUI thread,
each grid row saved through the one write path (`backend.execute` via `runner.mutate`, so every
screen hears the Changes). Commands are built and stamped here, never in a widget."""
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


def load_grid(ctx: OpContext, ward_id: str, slot_at: datetime, on_done: Callback,
              on_error: OnError = None) -> int:
    from app.services.vitals import ward_grid

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: ward_grid(conn, ward_id, slot_at)),
                           on_done, on_error, name="vitals_grid")


def load_week(ctx: OpContext, encounter_id: str, week_no: int, on_done: Callback,
              on_error: OnError = None) -> int:
    from app.services.vitals import patient_week

    backend: Any = ctx.backend
    return ctx.runner.read(
        lambda: backend.read(lambda conn: patient_week(conn, encounter_id, week_no)),
        on_done, on_error, name="vitals_week")


def record_row(ctx: OpContext, user: Any, encounter_id: str, measured_at: datetime,
               slot_at: Optional[datetime], values: tuple[Any, ...], confirmed: tuple[str, ...],
               on_done: Callback, on_error: OnError = None, origin: str = "") -> int:
    """One grid row (a patient's slot) as one RecordVitals."""
    from app.services.vitals_cmds import RecordVitals

    cmd = RecordVitals(**_stamp(user), encounter_id=encounter_id, measured_at=measured_at,
                       values=values, slot_at=slot_at, confirmed=confirmed)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="RecordVitals", origin=origin)
