"""Start-up and sign-in operations: preparing the database, authenticating a clinician."""
from __future__ import annotations

from typing import Any, Callable

from ui.operations import OpContext
from ui.qt import QObject, Signal


class ProgressRelay(QObject):
    """Carries progress(done, total, label) from a worker to the GUI thread (queued signal)."""

    progress = Signal(int, int, str)

    def __call__(self, done: int, total: int, label: str) -> None:
        self.progress.emit(int(done), int(total), str(label))


def prepare_database(ctx: OpContext, relay: ProgressRelay, on_done: Callable[[Any], None],
                     on_error: Callable[[Any], None]) -> int:
    """Create/seed the demo database or open the profile's database; result: the demo accounts."""
    return ctx.runner.write(lambda: ctx.backend.prepare(relay), on_done, on_error, name="prepare_database")


def authenticate(ctx: OpContext, login_name: str, password: str, on_done: Callable[[Any], None],
                 on_error: Callable[[Any], None]) -> int:
    """A login attempt is a write (failure counter, audit): serialized with the other writes."""
    return ctx.runner.write(lambda: ctx.backend.authenticate(login_name, password), on_done, on_error,
                            name="authenticate")
