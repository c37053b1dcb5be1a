"""离线冲突's read and its one write (app/services/conflicts.py)."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def load(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.conflicts import open_conflicts

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: open_conflicts(conn, ward_id)), on_done,
                           on_error, name="open_conflicts")


def resolve(ctx: OpContext, user: Any, refused_op_id: str, resolution: str, reason: str,
            on_done: Callback, on_error: OnError = None, origin: str = "") -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.conflicts import ResolveConflict

    command = ResolveConflict(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                              refused_op_id=refused_op_id, resolution=resolution, reason=reason)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="resolve_conflict", origin=origin)
