"""The offline layer seen from the GUI: after every health check, a worker thread replays what
was queued (the server is back) or lets the replica follow the ward, and reports how old the
replica is and how much waits, for the status bar. The GUI thread only receives the result."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext


def follow(ctx: OpContext, online: bool, ward_id: Optional[str],
           on_state: Callable[[Any], None], progress: Optional[Callable[[int, int, str], None]] = None
           ) -> None:
    """`progress(done, total, "replay")` from the worker while the queue replays (a queued
    signal relay: ui.operations.session.ProgressRelay)."""
    layer = getattr(ctx.backend, "offline", None)
    if layer is None:
        return
    ctx.runner.offline(lambda: layer.follow(online, ward_id, progress), on_state,
                       lambda _failure: None, name="offline_follow")
