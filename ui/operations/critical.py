"""Operations of the 危急值 banner: the ward's poll of the change sequence on the read pool, and
the two commands through the one write path (`runner.mutate`), stamped here so the widgets never
build a command.

`poll(ctx, ward_id, state, on_done)`: one read (app/services/critical.py `poll_ward`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from ui.operations import OpContext

if TYPE_CHECKING:
    from app.services.critical import PollState

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]
ORIGIN = "critical"


def supported(ctx: OpContext) -> bool:
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def poll(ctx: OpContext, ward_id: str, state: PollState, on_done: Callback, on_error: OnError = None,
         resync: bool = False) -> int:
    """app.services.critical.poll_ward on the read pool (the replica's through an outage)."""
    from app.services.critical import poll_ward

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: poll_ward(conn, ward_id, state, resync)),
                           on_done, on_error, name="critical_poll")


def acknowledge(ctx: OpContext, user: Any, alert: Any, told_name: str, told_staff_id: Optional[str],
                on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.critical_cmds import AcknowledgeCriticalValue

    cmd = AcknowledgeCriticalValue(**_stamp(user), critical_id=alert.id, encounter_id=alert.encounter_id,
                                   base_version=alert.version, told_name=told_name,
                                   told_staff_id=told_staff_id)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="AcknowledgeCriticalValue", origin=ORIGIN)


def load_for_encounter(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.critical import for_encounter

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: for_encounter(conn, encounter_id)),
                           on_done, on_error, name="critical_values")


def link_note(ctx: OpContext, user: Any, alert: Any, doc_id: str, on_done: Optional[Callback] = None,
              on_error: OnError = None) -> int:
    from app.services.critical_cmds import LinkCriticalNote

    cmd = LinkCriticalNote(**_stamp(user), critical_id=alert.id, encounter_id=alert.encounter_id,
                           base_version=alert.version, doc_id=doc_id)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="LinkCriticalNote", origin=ORIGIN)


def load_note_start(ctx: OpContext, critical_id: str, dept_id: Optional[str], on_done: Callback,
                    on_error: OnError = None) -> int:
    """(the critical value, the 日常病程记录 template the doctor would pick) in one read."""
    from app.services.critical import get
    from app.services.records import templates

    def read(conn: Any) -> tuple[Any, Any]:
        template = next((t for t in templates(conn, dept_id) if t.doc_type == "progress"), None)
        return get(conn, critical_id), template

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(read), on_done, on_error, name="critical_note")
