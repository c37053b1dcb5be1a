"""Order operations of the 医嘱 tab: the chart's orders, history, the F9 review, the item search,
and every order command through the one write path (`backend.execute` on the write pool, via
`runner.mutate`, so the Changes signal tells every screen).

Commands are built here, stamped with a new op id, the signed-in user and the device time, so a
widget never assembles one itself.
"""
from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Optional

from ui.operations import OpContext

if TYPE_CHECKING:
    from app.services.commands import Command
    from app.services.order_commands import OrderFields, OverrideReason

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]

SEARCH_LIMIT = 30
# A search answered on the GUI thread must leave the frame (16 ms) room to paint: past this
# budget, queries go through the read pool instead (latest query wins).
INLINE_BUDGET_MS = 8.0


def supported(ctx: OpContext) -> bool:
    """Whether the backend serves the orders tab (test backends may not)."""
    return all(hasattr(ctx.backend, name) for name in ("chart_orders", "execute", "search_orderables"))


def load_chart(ctx: OpContext, encounter_id: str, staff_id: str, on_done: Callback,
               on_error: OnError = None) -> int:
    """Header and orders in one read (ChartData): the chart's first load."""
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.chart(encounter_id, staff_id), on_done, on_error,
                           name="chart")


def load_orders(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.chart_orders(encounter_id), on_done, on_error,
                           name="chart_orders")


def load_changed(ctx: OpContext, encounter_id: str, ids: frozenset[str], on_done: Callback,
                 on_error: OnError = None) -> int:
    """Just these orders and their groups' other members (after the view's own command)."""
    from app.services.orders import changed_orders

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: changed_orders(conn, encounter_id, ids)),
                           on_done, on_error, name="changed_orders")


def load_pending_approvals(ctx: OpContext, ward_id: str, approver_grade: int, on_done: Callback,
                           on_error: OnError = None) -> int:
    """The ward's antibiotics waiting for an approval this grade may give (抗菌药物审批)."""
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.pending_approvals(ward_id, approver_grade), on_done, on_error,
                           name="pending_approvals")


def load_history(ctx: OpContext, order_id: str, on_done: Callback, on_error: OnError = None) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.order_history(order_id), on_done, on_error,
                           name="order_history")


def review(ctx: OpContext, encounter_id: str, order_ids: tuple[str, ...], on_done: Callback,
           on_error: OnError = None) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.review_orders(encounter_id, order_ids), on_done, on_error,
                           name="review_orders")


def orderable(ctx: OpContext, kind: str, code: str, on_done: Callback, on_error: OnError = None) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.orderable(kind, code), on_done, on_error, name="orderable")


def load_frequencies(ctx: OpContext, on_done: Callback, on_error: OnError = None) -> int:
    """The frequency dictionary (code, slots, every_days); a backend without it answers [] so
    entry keeps its own default times (ui/orders/defaults.py FREQ_SLOTS)."""
    backend: Any = ctx.backend
    if not hasattr(backend, "frequencies"):
        return ctx.runner.read(lambda: [], on_done, on_error, name="frequencies")
    return ctx.runner.read(lambda: backend.frequencies(), on_done, on_error, name="frequencies")


def load_order_sets(ctx: OpContext, staff_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """The sets this doctor may apply: personal, the department's, the hospital's."""
    backend: Any = ctx.backend
    if not hasattr(backend, "order_sets"):
        return ctx.runner.read(lambda: [], on_done, on_error, name="order_sets")
    return ctx.runner.read(lambda: backend.order_sets(staff_id), on_done, on_error, name="order_sets")


class OrderSearch:
    """The item search of order entry, answered as the user types.

    The index is built once on the read pool (`warm`, about 0.2 s); from then on a query is a few
    in-memory lookups, answered on the GUI thread while each stays under INLINE_BUDGET_MS
    (measured per call, kept in `timings_ms`). A slower one sends later queries through the read
    pool, where only the latest query's answer is delivered."""

    def __init__(self, ctx: OpContext) -> None:
        self.ctx = ctx
        self.ready = False
        self.inline = True
        self.timings_ms: list[float] = []
        self._latest = 0
        self._warming = False
        self._waiting: Optional[tuple[str, Callback]] = None

    def warm(self) -> None:
        if self.ready or self._warming:
            return
        self._warming = True
        backend: Any = self.ctx.backend

        def done(_result: Any) -> None:
            self._warming = False
            self.ready = True
            if self._waiting is not None:
                text, callback = self._waiting
                self._waiting = None
                self.search(text, callback)

        def failed(_failure: Any) -> None:
            self._warming = False
            self.inline = False          # answer through the pool; its failure is shown there

        self.ctx.runner.read(lambda: backend.search_orderables("", 1), done, failed, name="search_warm")

    def search(self, text: str, on_done: Callback) -> None:
        """on_done(list[SearchItem]) for `text`, unless a newer query came first."""
        self._latest += 1
        seq = self._latest
        backend: Any = self.ctx.backend
        if not text.strip():
            on_done([])
            return
        if self.ready and self.inline:
            started = time.perf_counter()
            items = list(backend.search_orderables(text, SEARCH_LIMIT))
            spent = (time.perf_counter() - started) * 1000
            self.timings_ms.append(spent)
            if spent > INLINE_BUDGET_MS:
                self.inline = False
            on_done(items)
            return
        if not self.ready and self._warming:
            self._waiting = (text, on_done)   # answered as soon as the index is there
            return

        def deliver(items: Any) -> None:
            if seq == self._latest:
                on_done(list(items))

        self.ctx.runner.read(lambda: backend.search_orderables(text, SEARCH_LIMIT), deliver,
                             lambda _f: None, name="search_orderables")


# ---- commands (the write pool) -------------------------------------------------------------

def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def execute(ctx: OpContext, command: Command, on_done: Optional[Callback] = None,
            on_error: OnError = None) -> int:
    """One command through the one write path; the Changes value is broadcast on `changes`."""
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name=type(command).__name__, origin=getattr(ctx, "origin", ""))


def new_order_id() -> str:
    from app.ids import new_id

    return new_id()


def save_draft(ctx: OpContext, user: Any, encounter_id: str, order_id: str, base_version: int,
               fields: OrderFields, on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.order_commands import SaveDraft

    return execute(ctx, SaveDraft(**_stamp(user), encounter_id=encounter_id, order_id=order_id,
                                  base_version=base_version, fields=fields), on_done, on_error)


def discard_draft(ctx: OpContext, user: Any, order_id: str, base_version: int,
                  on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.order_commands import DiscardDraft

    return execute(ctx, DiscardDraft(**_stamp(user), order_id=order_id, base_version=base_version),
                   on_done, on_error)


def group_drafts(ctx: OpContext, user: Any, encounter_id: str, order_ids: tuple[str, ...],
                 base_versions: tuple[int, ...], on_done: Optional[Callback] = None,
                 on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.order_commands import GroupDrafts

    return execute(ctx, GroupDrafts(**_stamp(user), encounter_id=encounter_id, group_id=new_id(),
                                    order_ids=order_ids, base_versions=base_versions), on_done, on_error)


def ungroup_drafts(ctx: OpContext, user: Any, group_id: str, base_version: int,
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.order_commands import UngroupDrafts

    return execute(ctx, UngroupDrafts(**_stamp(user), group_id=group_id, base_version=base_version),
                   on_done, on_error)


def apply_order_set(ctx: OpContext, user: Any, encounter_id: str, set_id: str,
                    item_ids: tuple[str, ...], order_ids: tuple[str, ...],
                    on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """The ticked items of a set as drafts (one client-made order id per item)."""
    from app.services.order_sets import ApplyOrderSet

    return execute(ctx, ApplyOrderSet(**_stamp(user), encounter_id=encounter_id, set_id=set_id,
                                      item_ids=item_ids, order_ids=order_ids), on_done, on_error)


def save_order_set(ctx: OpContext, user: Any, name: str, scope: str, order_ids: tuple[str, ...],
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """The selected orders' content as a new set (personal, dept or hospital)."""
    from app.ids import new_id
    from app.services.order_sets import SaveOrderSet

    return execute(ctx, SaveOrderSet(**_stamp(user), set_id=new_id(), name=name, scope=scope,
                                     order_ids=order_ids), on_done, on_error)


def sign_orders(ctx: OpContext, user: Any, encounter_id: str, order_ids: tuple[str, ...],
                base_versions: tuple[int, ...], overrides: tuple[OverrideReason, ...],
                on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.order_commands import SignOrders

    return execute(ctx, SignOrders(**_stamp(user), encounter_id=encounter_id, order_ids=order_ids,
                                   base_versions=base_versions, overrides=overrides), on_done, on_error)


def approve_orders(ctx: OpContext, user: Any, order_ids: tuple[str, ...], base_versions: tuple[int, ...],
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.order_commands import ApproveOrders

    return execute(ctx, ApproveOrders(**_stamp(user), order_ids=order_ids, base_versions=base_versions),
                   on_done, on_error)


ACTIONS = ("withdraw", "return", "verify", "stop", "confirm_stop", "void")


def order_action(ctx: OpContext, user: Any, action: str, order_id: str, base_version: int,
                 reason: Optional[str] = None, stop_at: Optional[datetime] = None,
                 on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    """One lifecycle step (撤回, 退回, 审核, 停止, 确认停止, 作废) on an order and its group."""
    from app.services import order_commands as oc

    kinds: dict[str, type[oc.OrderAction]] = {
        "withdraw": oc.WithdrawOrder, "return": oc.ReturnOrder, "verify": oc.VerifyOrder,
        "confirm_stop": oc.ConfirmStop, "void": oc.VoidOrder,
    }
    stamp = _stamp(user)
    command: oc.OrderAction
    if action == "stop":
        command = oc.StopOrder(**stamp, order_id=order_id, base_version=base_version, reason=reason,
                               stop_at=stop_at)
    else:
        command = kinds[action](**stamp, order_id=order_id, base_version=base_version, reason=reason)
    return execute(ctx, command, on_done, on_error)


def override_reasons() -> tuple[str, ...]:
    from app.checks import OVERRIDE_REASONS

    return tuple(OVERRIDE_REASONS)
