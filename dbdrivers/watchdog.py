"""Application-level deadlines (PLATFORM.md: a server that keeps TCP alive but never answers
is never reported by libpq alone).

One daemon thread holds a heap of deadlines; a statement arms one before it runs and disarms it
after. When one fires, the driver's abort hook makes the blocked call return (socket shutdown,
sqlite3 interrupt, ...). A thread per statement would cost more than most statements.
"""
from __future__ import annotations

import contextlib
import heapq
import itertools
import threading
import time
from typing import Any, Callable, Optional, TypeVar

T = TypeVar("T")

class DeadlineExceeded(Exception):
    """The application-level deadline fired: the server accepted TCP but did not answer."""

    def __init__(self, what: str, seconds: float) -> None:
        super().__init__(f"{what} did not finish within {seconds:g} s")
        self.what = what
        self.seconds = seconds


_lock = threading.Condition()
_heap: list[tuple[float, int]] = []
_pending: dict[int, Callable[[], None]] = {}
_counter = itertools.count(1)
_thread: Optional[threading.Thread] = None


def _run() -> None:
    while True:
        with _lock:
            while True:
                now = time.monotonic()
                while _heap and _heap[0][1] not in _pending:
                    heapq.heappop(_heap)       # disarmed
                if _heap and _heap[0][0] <= now:
                    _, token = heapq.heappop(_heap)
                    action = _pending.pop(token)
                    break
                _lock.wait(None if not _heap else _heap[0][0] - now)
        # The abort is best effort; the call's own error reports the failure.
        with contextlib.suppress(Exception):
            action()


def arm(seconds: float, action: Callable[[], None]) -> int:
    """Run action in the watchdog thread after `seconds` unless disarmed first."""
    global _thread
    token = next(_counter)
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="db-deadline", daemon=True)
            _thread.start()
        _pending[token] = action
        heapq.heappush(_heap, (time.monotonic() + seconds, token))
        _lock.notify()
    return token


def disarm(token: int) -> bool:
    """Cancel a deadline; False when it has already fired."""
    with _lock:
        return _pending.pop(token, None) is not None


def call_with_deadline(
    fn: Callable[[], T],
    seconds: float,
    what: str,
    cleanup: Optional[Callable[[Any], None]] = None,
) -> T:
    """Run fn in a helper thread and give up after `seconds` (for connects, which have no
    handle to abort yet). A late result is passed to cleanup so nothing leaks."""
    box: dict[str, Any] = {}
    done = threading.Event()
    gave_up = threading.Event()

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc
        done.set()
        if gave_up.is_set() and "value" in box and cleanup is not None:
            cleanup(box["value"])

    threading.Thread(target=work, name=f"db-{what}", daemon=True).start()
    if not done.wait(seconds):
        gave_up.set()
        if done.is_set() and "value" in box and cleanup is not None:
            cleanup(box["value"])
        raise DeadlineExceeded(what, seconds)
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value
