"""Operations of the 转诊 dialog (ui/records/referrals.py): member institutions and the stay's
referrals on the read pool; CreateReferral (with send: queued for the platform in the same
transaction) through the one write path. Commands are stamped here, never in a widget."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def supported(ctx: OpContext) -> bool:
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def load(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """(institutions, the stay's referrals) in one read."""
    from app.services.referrals import institutions, stay_referrals

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(
        lambda conn: (institutions(conn), stay_referrals(conn, encounter_id))),
        on_done, on_error, name="referrals")


def refer(ctx: OpContext, user: Any, encounter_id: str, inst_id: str, direction: str, reason: str,
          to_dept: str, send: bool, on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.referral_cmds import CreateReferral

    command = CreateReferral(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                             referral_id=new_id(), encounter_id=encounter_id, inst_id=inst_id,
                             direction=direction, reason=reason, to_dept=to_dept, send=send)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="CreateReferral", origin=ctx.origin)


def load_incoming(ctx: OpContext, dept_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.referrals import incoming

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: incoming(conn, dept_id)), on_done, on_error,
                           name="incoming_referrals")


def answer(ctx: OpContext, user: Any, referral_id: str, base_version: int, reason: Optional[str],
           on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """Accept (reason None) or reject (with the reason) an incoming referral; the answer goes to
    the platform through the exchange queue."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.referral_cmds import AcceptReferral, RejectReferral

    stamp: dict[str, Any] = {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}
    command: Any = (AcceptReferral(**stamp, referral_id=referral_id, base_version=base_version)
                    if reason is None else
                    RejectReferral(**stamp, referral_id=referral_id, base_version=base_version,
                                   reason=reason))
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name=type(command).__name__, origin=ctx.origin)


def send_in_background(ctx: OpContext) -> None:
    """After a health check that found the server: the exchange queue goes to the platforms on
    the backend's own thread (at most every 30 s); the GUI thread only starts it."""
    start = getattr(ctx.backend, "send_exchange_soon", None)
    if callable(start):
        start()


def load_free_beds(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.referrals import free_beds

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: free_beds(conn, ward_id)), on_done, on_error,
                           name="free_beds")


def admit(ctx: OpContext, user: Any, referral_id: str, base_version: int, bed_id: str, mrn: str,
          on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """收入院: the accepted referral's patient into the bed, with what the referral carried."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.referral_admit import AdmitReferral

    command = AdmitReferral(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                            referral_id=referral_id, base_version=base_version, encounter_id=new_id(),
                            patient_id=new_id(), bed_id=bed_id, mrn=mrn)
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name="AdmitReferral", origin=ctx.origin)
