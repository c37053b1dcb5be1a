"""Operations: small functions that run app/ services off the GUI thread (the Anki pattern).

Widgets call `ui.operations.<area>.<function>(ctx, ..., on_done=...)`; the function submits the
work to the right pool of `ctx.runner` and the callback runs later on the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ui.operations.backend import Backend
from ui.operations.runner import Failure, Runner
from ui.settings import SettingsSnapshot


@dataclass
class OpContext:
    """What every operation needs: the executors, the services, and a settings snapshot getter."""

    runner: Runner
    backend: Backend
    settings: Callable[[], SettingsSnapshot]
    origin: str = ""           # the view whose writes these are (Changes.origin on the broadcast)

    def for_view(self, origin: str) -> OpContext:
        """The same context for one view: its writes come back on `runner.changes` marked as its
        own, so it refreshes just what it changed instead of reloading blindly."""
        return replace(self, origin=origin)


__all__ = ["Failure", "OpContext", "Runner"]
