"""GUI entry: `ui.app.run_gui(argv, profile)` (called by main.py).

The window is shown before any database work starts: `window.start()` (the demo database is
created and seeded, or the profile's database opened, in the background while the login page
shows a progress bar) runs once the window's first frame has been painted, so the start-up work
never competes with the first paint.

SIGTERM (logout, shutdown) and SIGINT close the window as its own close does (settings saved),
let the executors finish what is running, and exit 0.

Hooks for the benchmarks and the end-to-end tests (names fixed; the markers are printed on
stdout, each with `time.time_ns()` after it):
- `WARDSTATION_QUIT_WHEN_SHOWN=1`: once the first frame is painted and the window's start has
  run, print `WARDSTATION_WINDOW_SHOWN <ns>` and quit.
- `WARDSTATION_QUIT_WHEN_READY=1`: print the shown marker too, then `WARDSTATION_DATABASE_READY
  <ns>` when the login page accepts input (the database is prepared) and quit;
  `WARDSTATION_DATABASE_FAILED <message>` and exit 1 if it cannot be prepared.
- `WARDSTATION_REPORT_READY=1`: print the same markers and keep running.
- `WARDSTATION_REPORT_PROGRESS=1`: print `WARDSTATION_PROGRESS <ns> <done>/<total> <label>` for
  every start-up progress step as the login page gets it (tests/e2e kill a first run there).
"""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from typing import Any, Callable, Optional

from ui import i18n
from ui.mainwindow import MainWindow
from ui.operations import OpContext, Runner
from ui.operations.backend import AppBackend, Backend
from ui.qt import QApplication, QEvent, QObject, QSocketNotifier, QTimer, QWidget
from ui.settings import APPLICATION, ORGANIZATION, Settings

log = logging.getLogger(__name__)

QUIT_WHEN_SHOWN_ENV = "WARDSTATION_QUIT_WHEN_SHOWN"   # bench/startup.py: first window, then exit
SHOWN_MARKER = "WARDSTATION_WINDOW_SHOWN"
QUIT_WHEN_READY_ENV = "WARDSTATION_QUIT_WHEN_READY"   # bench, tests/e2e: exit once the login is ready
REPORT_READY_ENV = "WARDSTATION_REPORT_READY"         # tests/e2e: print the markers, keep running
REPORT_PROGRESS_ENV = "WARDSTATION_REPORT_PROGRESS"   # tests/e2e: the start-up steps
READY_MARKER = "WARDSTATION_DATABASE_READY"
PROGRESS_MARKER = "WARDSTATION_PROGRESS"
FAILED_MARKER = "WARDSTATION_DATABASE_FAILED"
START_FALLBACK_MS = 500        # start anyway if no frame is painted (a window that is not exposed)
SHUTDOWN_WAIT_MS = 3000        # what running and queued writes get at exit (every DB call has a deadline)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def profile_argument(argv: list[str]) -> Optional[str]:
    """`--profile NAME` (or `--profile=NAME`) in `argv`, for `python -m ui.app` (main.py hands
    run_gui the profile it checked); None: the embedded demo database."""
    for i, arg in enumerate(argv[1:], start=1):
        if arg == "--profile" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--profile="):
            return arg[len("--profile="):]
    return None


def create_window(backend: Backend, settings: Optional[Settings] = None) -> MainWindow:
    """Build the window around a backend (tests pass their own); QApplication must exist."""
    settings = settings or Settings()
    i18n.install_language(settings.snapshot().language)
    runner = Runner()
    ctx = OpContext(runner=runner, backend=backend, settings=settings.snapshot)
    window = MainWindow(ctx, settings)
    runner.setParent(window)
    return window


def _marker(name: str, detail: str = "") -> None:
    print(f"{name} {detail or time.time_ns()}", flush=True)


class FirstFrame(QObject):
    """Calls `then` once, right after the widget's first paint has been drawn (or after
    START_FALLBACK_MS if it is never painted)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(START_FALLBACK_MS, self._fire)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._fire)     # after this frame is drawn and flushed
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._then()


class StopSignals(QObject):
    """SIGTERM/SIGINT delivered on the GUI thread.

    A Python signal handler runs only when the interpreter gets control, and a Qt event loop
    may not give it any for a long time. So the C-level handler's wake-up byte
    (`signal.set_wakeup_fd`) goes down a socket pair the event loop watches (QSocketNotifier),
    and the slot acts on the signal numbers it reads. Main thread only."""

    def __init__(self, on_signal: Callable[[int], None], parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous = {sig: signal.signal(sig, self._python_handler) for sig in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    @staticmethod
    def _python_handler(signum: int, frame: Any) -> None:
        """Replaces the default action (die / KeyboardInterrupt); the work is in _woken."""

    def _woken(self, *_args: Any) -> None:
        try:
            data = self._read.recv(256)
        except OSError:
            return
        for signum in data:
            if signum in STOP_SIGNALS:
                self._on_signal(signum)

    def restore(self) -> None:
        self._notifier.setEnabled(False)
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)
        self._read.close()
        self._write.close()


def _install_hooks(app: QApplication, window: MainWindow) -> Callable[[], None]:
    """The bench/test hooks; returns what to run once the window's start has run."""
    quit_when_shown = bool(os.environ.get(QUIT_WHEN_SHOWN_ENV))
    quit_when_ready = bool(os.environ.get(QUIT_WHEN_READY_ENV))
    report_ready = bool(os.environ.get(REPORT_READY_ENV))
    if not quit_when_shown and (quit_when_ready or report_ready):
        def ready() -> None:
            _marker(READY_MARKER)
            if quit_when_ready:
                app.quit()

        def failed(message: str) -> None:
            _marker(FAILED_MARKER, message)
            if quit_when_ready:
                app.exit(1)

        window.database_ready.connect(ready)
        window.database_failed.connect(failed)
    if os.environ.get(REPORT_PROGRESS_ENV):
        def progress(done: int, total: int, label: str) -> None:
            print(f"{PROGRESS_MARKER} {time.time_ns()} {done}/{total} {label}", flush=True)

        window.progress_relay.progress.connect(progress)

    def started() -> None:
        if quit_when_shown or quit_when_ready or report_ready:
            _marker(SHOWN_MARKER)
        if quit_when_shown:
            app.quit()

    return started


def _executors_idle(runner: Runner) -> bool:
    return all(pool.activeThreadCount() == 0
               for pool in (runner.write_pool, runner.read_pool, runner.background_pool))


def run_gui(argv: list[str], profile: Optional[str] = None) -> int:
    """The GUI on the demo database, or on `profile`; `argv` goes to QApplication (Qt's options)."""
    logging.basicConfig(level=os.environ.get("WARDSTATION_LOG", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("WardStation")
    i18n.setup_font()
    backend = AppBackend(profile_name=profile)
    window = create_window(backend)
    stopping: list[int] = []

    def stop(signum: int) -> None:
        if stopping:
            return
        stopping.append(signum)
        log.info("%s: closing the window", signal.Signals(signum).name)
        window.close()          # closeEvent saves the settings, as when the user closes it
        app.quit()

    signals = StopSignals(stop)
    after_start = _install_hooks(app, window)

    def start() -> None:
        window.start()
        after_start()

    FirstFrame(window, start)
    window.show()
    code = int(app.exec())
    signals.restore()
    runner = window.ctx.runner
    started = time.monotonic()
    # Queued writes are what the user saved: they run before the exit (one deadline for all);
    # queued reads and health checks are dropped.
    runner.write_pool.waitForDone(SHUTDOWN_WAIT_MS)
    runner.shutdown(max(0, SHUTDOWN_WAIT_MS - int((time.monotonic() - started) * 1000)))
    idle = _executors_idle(runner)
    if idle:
        backend.close()
    if stopping:
        code = 0
    if not idle:
        # A task is still running past its wait (a first-run seed, say). Its transaction is
        # simply not committed, as after a power cut; exit now rather than finalise the
        # interpreter under a worker thread that still runs Python.
        log.warning("exiting with a task still running")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_gui(sys.argv, profile_argument(sys.argv)))
