"""Operations of the 护士交接班 page: the shift's report read on the read pool, and its three
commands (save draft, hand over, receive) through the one write path (`runner.mutate`), stamped
here so the page never builds a command."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]
ORIGIN = "nurse_handover"


def supported(ctx: OpContext) -> bool:
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def load_report(ctx: OpContext, ward_id: str, shift_date: Optional[date], shift_code: Optional[str],
                on_done: Callback, on_error: OnError = None) -> int:
    """The shift's ShiftReport (None, None: the shift running now)."""
    from app.clock import utcnow
    from app.services.nurse_handover import shift_report

    backend: Any = ctx.backend
    return ctx.runner.read(
        lambda: backend.read(lambda conn: shift_report(conn, ward_id, utcnow(), shift_date, shift_code)),
        on_done, on_error, name="nurse_handover")


def save_draft(ctx: OpContext, user: Any, ward_id: str, shift_date: date, shift_code: str,
               entries: tuple[Any, ...], explanation: str, base_version: Optional[int],
               on_done: Optional[Callback] = None, on_error: OnError = None, origin: str = ORIGIN) -> int:
    from app.ids import new_id
    from app.services.nurse_handover_cmds import SaveHandoverDraft

    cmd = SaveHandoverDraft(**_stamp(user), handover_id=new_id(), ward_id=ward_id, shift_date=shift_date,
                            shift_code=shift_code, entries=entries, explanation=explanation,
                            base_version=base_version)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="SaveHandoverDraft", origin=origin)


def hand_over(ctx: OpContext, user: Any, ward_id: str, shift_date: date, shift_code: str,
              entries: tuple[Any, ...], explanation: str, base_version: Optional[int],
              on_done: Optional[Callback] = None, on_error: OnError = None, origin: str = ORIGIN) -> int:
    from app.ids import new_id
    from app.services.nurse_handover_cmds import HandOverShift

    cmd = HandOverShift(**_stamp(user), handover_id=new_id(), ward_id=ward_id, shift_date=shift_date,
                        shift_code=shift_code, entries=entries, explanation=explanation,
                        base_version=base_version)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="HandOverShift", origin=origin)


def receive(ctx: OpContext, user: Any, handover_id: str, base_version: int,
            on_done: Optional[Callback] = None, on_error: OnError = None, origin: str = ORIGIN) -> int:
    from app.services.nurse_handover_cmds import ReceiveHandover

    cmd = ReceiveHandover(**_stamp(user), handover_id=handover_id, base_version=base_version)
    return ctx.runner.mutate(lambda: ctx.backend.execute(cmd), on_done, on_error,
                             name="ReceiveHandover", origin=origin)
