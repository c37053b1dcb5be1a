"""Background executors (STYLE.md rule 4, the Anki pattern).

Three pools, so a slow one never queues the others: `write` is serialized (one thread, every
mutation in submission order), `read` serves screens, `background` runs health checks (and later
printing and sync). A task's result or failure is posted back to the GUI thread through a queued
signal; the GUI thread never waits.
"""
from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Optional

from ui.qt import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


@dataclass(frozen=True)
class Failure:
    """An exception from a worker, with its formatted traceback for "复制详细信息"."""

    error: BaseException
    details: str
    operation: str


class _Task(QRunnable):
    def __init__(self, runner: Runner, task_id: int, fn: Callable[[], Any], name: str) -> None:
        super().__init__()
        self._runner = runner
        self._task_id = task_id
        self._fn = fn
        self._name = name
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self._deliver(None, Failure(exc, traceback.format_exc(), self._name))
            return
        self._deliver(result, None)

    def _deliver(self, result: Any, failure: Optional[Failure]) -> None:
        # RuntimeError: the window (and its runner) closed while this ran; nobody is left to
        # tell, and a write's own transaction has already committed or rolled back.
        with contextlib.suppress(RuntimeError):
            self._runner._finished.emit(self._task_id, result, failure)


class Runner(QObject):
    """Runs operation functions off the GUI thread and delivers results on it."""

    changes = Signal(object)      # one signal for every mutation's "what changed" value
    failed = Signal(object)       # a Failure nobody handled: shown as a non-modal error box
    busy_changed = Signal(int)    # number of tasks in flight
    _finished = Signal(int, object, object)

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(2)
        self.background_pool = QThreadPool(self)
        self.background_pool.setMaxThreadCount(1)
        # The offline layer's replay and replica refresh (seconds long): apart, so the health checks
        # behind them in the background pool are not starved into reporting an outage.
        self.offline_pool = QThreadPool(self)
        self.offline_pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Optional[Callback], Optional[Callback]]] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _submit(self, pool: QThreadPool, fn: Callable[[], Any], on_done: Optional[Callback],
                on_error: Optional[Callback], name: str) -> int:
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        self.busy_changed.emit(len(self._pending))
        pool.start(_Task(self, task_id, fn, name or getattr(fn, "__name__", "task")))
        return task_id

    def write(self, fn: Callable[[], Any], on_done: Optional[Callback] = None,
              on_error: Optional[Callback] = None, name: str = "") -> int:
        """A mutation: serialized with every other write."""
        return self._submit(self.write_pool, fn, on_done, on_error, name)

    def mutate(self, fn: Callable[[], Any], on_done: Optional[Callback] = None,
               on_error: Optional[Callback] = None, name: str = "", origin: str = "") -> int:
        """A write whose result is an app `Changes` value: it is also broadcast on `changes`,
        stamped with `origin` (the sending view's token) so that view knows the change is its own
        and refreshes only what it changed, while every other view refreshes what it shows."""

        def done(result: Any) -> None:
            if result is not None and hasattr(result, "touches") and not getattr(result, "empty", False):
                if origin and hasattr(result, "origin"):
                    result = dataclasses.replace(result, origin=origin)
                self.changes.emit(result)
            if on_done is not None:
                on_done(result)

        return self.write(fn, done, on_error, name)

    def read(self, fn: Callable[[], Any], on_done: Optional[Callback] = None,
             on_error: Optional[Callback] = None, name: str = "") -> int:
        return self._submit(self.read_pool, fn, on_done, on_error, name)

    def background(self, fn: Callable[[], Any], on_done: Optional[Callback] = None,
                   on_error: Optional[Callback] = None, name: str = "") -> int:
        return self._submit(self.background_pool, fn, on_done, on_error, name)

    def offline(self, fn: Callable[[], Any], on_done: Optional[Callback] = None,
                on_error: Optional[Callback] = None, name: str = "") -> int:
        return self._submit(self.offline_pool, fn, on_done, on_error, name)

    def cancel_callbacks(self, task_id: int) -> None:
        """Forget a task's callbacks (its result is no longer wanted, e.g. a timed-out health check)."""
        if task_id in self._pending:
            self._pending[task_id] = (None, lambda _f: None)

    def in_flight(self) -> int:
        return len(self._pending)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, failure: Optional[Failure]) -> None:
        on_done, on_error = self._pending.pop(task_id, (None, None))
        self.busy_changed.emit(len(self._pending))
        if failure is not None:
            log.warning("operation %s failed: %s", failure.operation, failure.error)
            if on_error is not None:
                on_error(failure)
            else:
                self.failed.emit(failure)
            return
        if on_done is not None:
            on_done(result)

    def shutdown(self, msecs: int = 3000) -> None:
        """Let running tasks finish (at exit only: the window is already gone)."""
        for pool in (self.write_pool, self.read_pool, self.background_pool, self.offline_pool):
            pool.clear()
            pool.waitForDone(msecs)
