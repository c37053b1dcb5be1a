"""Connection health: a periodic round trip through the driver with a hard deadline.

The deadline is enforced here, not by the driver: a server that keeps TCP alive but never answers
would otherwise hang the check forever (PLATFORM.md "Outages").
"""
from __future__ import annotations

from typing import Callable

from ui.operations import OpContext
from ui.qt import QTimer


def check_connection(ctx: OpContext, on_result: Callable[[bool], None]) -> None:
    """Calls on_result(True) when the database answered within the deadline, else on_result(False)."""
    state = {"settled": False}

    def settle(ok: bool) -> None:
        if not state["settled"]:
            state["settled"] = True
            on_result(ok)

    timeout = ctx.settings().health_check_timeout_seconds
    task_id = ctx.runner.background(lambda: ctx.backend.health_check(timeout), lambda _r: settle(True),
                                    lambda _f: settle(False), name="health_check")
    deadline_ms = int(timeout * 1000) + 500   # the driver's own deadline first, ours as the backstop

    def expire() -> None:
        if not state["settled"]:
            ctx.runner.cancel_callbacks(task_id)
            settle(False)

    QTimer.singleShot(deadline_ms, expire)
