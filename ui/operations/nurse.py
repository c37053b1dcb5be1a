"""Operations of the nurse's workstation (issue 13): the ward's verification queue, the day's
execution lists and the skin tests, and every nurse command through the one write path.

Reads go through `backend.read(fn(conn))` on the read pool; writes through `backend.execute`
via `runner.mutate(origin=...)`, so the page knows which Changes are its own. Commands are
stamped here (op id, signed-in user, device time): a widget never assembles one.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Optional

from ui.operations import OpContext

if TYPE_CHECKING:
    from app.services.commands import Command

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def supported(ctx: OpContext) -> bool:
    """The nurse page needs the generic read (test fakes may not have it)."""
    return hasattr(ctx.backend, "read") and hasattr(ctx.backend, "execute")


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def _read(ctx: OpContext, fn: Callable[[Any], Any], on_done: Callback, on_error: OnError,
          name: str) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(fn), on_done, on_error, name=name)


def execute(ctx: OpContext, command: Command, origin: str, on_done: Optional[Callback] = None,
            on_error: OnError = None) -> int:
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name=type(command).__name__, origin=origin)


def utc_offset_minutes() -> int:
    """The ward's clock: this PC's zone (a ward setting would override it)."""
    offset = datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


# ---- verification ---------------------------------------------------------------------------

def load_queue(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.verification import verification_queue

    return _read(ctx, lambda conn: verification_queue(conn, ward_id), on_done, on_error,
                 "verification_queue")


def verify(ctx: OpContext, user: Any, order_ids: tuple[str, ...], versions: tuple[int, ...],
           confirmed: tuple[str, ...], origin: str, on_done: Optional[Callback] = None,
           on_error: OnError = None) -> int:
    from app.services.verification import VerifyOrders

    return execute(ctx, VerifyOrders(**_stamp(user), order_ids=order_ids, base_versions=versions,
                                     high_alert_confirmed=confirmed), origin, on_done, on_error)


def order_step(ctx: OpContext, user: Any, kind: str, order_id: str, version: int, origin: str,
               reason: Optional[str] = None, on_done: Optional[Callback] = None,
               on_error: OnError = None) -> int:
    """退回 (a reason), 确认停止, or the acknowledgement of a void, on one order (its group)."""
    from app.services import order_commands as oc
    from app.services.verification import AcknowledgeVoid

    command: Command
    if kind == "return":
        command = oc.ReturnOrder(**_stamp(user), order_id=order_id, base_version=version, reason=reason)
    elif kind == "stop":
        command = oc.ConfirmStop(**_stamp(user), order_id=order_id, base_version=version)
    else:
        command = AcknowledgeVoid(**_stamp(user), order_id=order_id, base_version=version)
    return execute(ctx, command, origin, on_done, on_error)


# ---- execution ------------------------------------------------------------------------------

def generate_plans(ctx: OpContext, user: Any, ward_id: str, day: date, origin: str,
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.plan_cmds import GeneratePlans

    return execute(ctx, GeneratePlans(**_stamp(user), ward_id=ward_id, day=day,
                                      utc_offset_minutes=utc_offset_minutes()), origin, on_done, on_error)


def load_day(ctx: OpContext, ward_id: str, day: date, on_done: Callback, on_error: OnError = None) -> int:
    """The day's execution items of the ward (every kind: the page filters)."""
    from app.clock import utcnow
    from app.services.execution import execution_day

    offset = utc_offset_minutes()
    return _read(ctx, lambda conn: execution_day(conn, ward_id, day, offset, utcnow()), on_done,
                 on_error, "execution_day")


def lookup_label(ctx: OpContext, plan_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """Where a scanned 瓶签's execution item is (None: no such item), for a label not on the list."""
    from app.services.exec_printing import scanned_label

    return _read(ctx, lambda conn: scanned_label(conn, plan_id), on_done, on_error, "scanned_label")


def confirm_second(ctx: OpContext, login: str, password: str, on_done: Callback,
                   on_error: OnError = None) -> int:
    """双人核对: the second nurse's login and her own password -> her StaffUser (AuthError when
    wrong; each failure counts towards her lockout)."""
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.confirm_colleague(login, password), on_done, on_error,
                           name="confirm_second")


def record_execution(ctx: OpContext, user: Any, plan_id: str, kind: str, at: datetime, mrn: str,
                     origin: str, second_nurse_id: Optional[str] = None,
                     reason_code: Optional[str] = None, reason_text: Optional[str] = None,
                     on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.execution import RecordExecution

    return execute(ctx, RecordExecution(
        **_stamp(user), fact_id=new_id(), plan_id=plan_id, kind=kind, at=at, patient_mrn=mrn,
        second_nurse_id=second_nurse_id, reason_code=reason_code, reason_text=reason_text),
        origin, on_done, on_error)


def void_execution(ctx: OpContext, user: Any, fact_id: str, reason: str, origin: str,
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.execution import VoidExecution

    return execute(ctx, VoidExecution(**_stamp(user), fact_id=new_id(), voids_id=fact_id,
                                      reason=reason), origin, on_done, on_error)


# ---- skin tests -----------------------------------------------------------------------------

def load_skin_tests(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.services.skin_tests import skin_test_list

    return _read(ctx, lambda conn: skin_test_list(conn, ward_id, utcnow()), on_done, on_error,
                 "skin_test_list")


def start_skin_test(ctx: OpContext, user: Any, order_id: str, version: int, batch_no: str,
                    at: datetime, origin: str, on_done: Optional[Callback] = None,
                    on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.skin_tests import StartSkinTest

    return execute(ctx, StartSkinTest(**_stamp(user), test_id=new_id(), order_id=order_id,
                                      base_version=version, batch_no=batch_no, at=at),
                   origin, on_done, on_error)


def read_skin_test(ctx: OpContext, user: Any, test_id: str, version: int, result: str, at: datetime,
                   second_nurse_id: str, origin: str, on_done: Optional[Callback] = None,
                   on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.skin_tests import ReadSkinTest

    return execute(ctx, ReadSkinTest(**_stamp(user), test_id=test_id, base_version=version,
                                     result=result, at=at, second_nurse_id=second_nurse_id,
                                     allergy_id=new_id()), origin, on_done, on_error)


# ---- 集中发送 -------------------------------------------------------------------------------

def send_to_pharmacy(ctx: OpContext, user: Any, ward_id: str, window_from: datetime, window_to: datetime,
                     origin: str, on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """Plan today and tomorrow (each dose once), then send the window's doses in one request."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.pharmacy import SendToPharmacy
    from app.services.plan_cmds import GeneratePlans

    backend: Any = ctx.backend
    offset = utc_offset_minutes()

    def run() -> Any:
        today = window_from.astimezone().date()
        for day in sorted({today, window_to.astimezone().date()}):
            backend.execute(GeneratePlans(**_stamp(user), ward_id=ward_id, day=day, utc_offset_minutes=offset))  # noqa: E501
        return backend.execute(SendToPharmacy(op_id=new_id(), actor_id=str(user.id), device_time=utcnow(),
                                              ward_id=ward_id, window_from=window_from, window_to=window_to))

    return ctx.runner.mutate(run, on_done, on_error, name="SendToPharmacy", origin=origin)


def load_pharmacy(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from datetime import timedelta

    from app.clock import utcnow
    from app.services.pharmacy import pharmacy_lines

    return _read(ctx, lambda conn: pharmacy_lines(conn, ward_id, utcnow() - timedelta(days=1)), on_done,
                 on_error, "pharmacy_lines")
