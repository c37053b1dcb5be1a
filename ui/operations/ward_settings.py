"""The 病区设置 screen's read and its one write (app/services/ward_settings_cmds.py)."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def load(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.ward_settings_cmds import settings_view

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: settings_view(conn, ward_id)), on_done,
                           on_error, name="ward_settings")


def save(ctx: OpContext, user: Any, ward_id: str, values: dict[str, str],
         seen: dict[str, Optional[str]], on_done: Callback, on_error: OnError = None,
         origin: str = "") -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.ward_settings_cmds import SaveWardSettings

    command = SaveWardSettings(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                               ward_id=ward_id, values=values, seen=seen)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="save_ward_settings", origin=origin)
