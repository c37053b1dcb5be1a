"""GUI entry: `ui.app.run_gui(argv)` (called by main.py).

The window is shown before any database work starts; the demo database is created and seeded in
the background while the login page shows a progress bar.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from typing import Optional

from ui import i18n
from ui.mainwindow import MainWindow
from ui.operations import OpContext, Runner
from ui.operations.backend import AppBackend, Backend
from ui.qt import QApplication, QTimer
from ui.settings import APPLICATION, ORGANIZATION, Settings

log = logging.getLogger(__name__)

QUIT_WHEN_SHOWN_ENV = "WARDSTATION_QUIT_WHEN_SHOWN"   # bench/startup.py: print a marker and exit
SHOWN_MARKER = "WARDSTATION_WINDOW_SHOWN"
QUIT_WHEN_READY_ENV = "WARDSTATION_QUIT_WHEN_READY"   # tests/e2e: exit once the database is usable
READY_MARKER = "WARDSTATION_DATABASE_READY"
FAILED_MARKER = "WARDSTATION_DATABASE_FAILED"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wardstation", add_help=True)
    parser.add_argument("--profile", default=None, help="a configured server profile (default: demo)")
    args, _qt_args = parser.parse_known_args(argv[1:])
    return args


def create_window(backend: Backend, settings: Optional[Settings] = None) -> MainWindow:
    """Build the window around a backend (tests pass their own); QApplication must exist."""
    settings = settings or Settings()
    i18n.install_language(settings.snapshot().language)
    runner = Runner()
    ctx = OpContext(runner=runner, backend=backend, settings=settings.snapshot)
    window = MainWindow(ctx, settings)
    runner.setParent(window)
    return window


def run_gui(argv: list[str]) -> int:
    logging.basicConfig(level=os.environ.get("WARDSTATION_LOG", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("WardStation")
    i18n.setup_font()
    window = create_window(AppBackend(profile_name=args.profile))
    window.show()
    if os.environ.get(QUIT_WHEN_SHOWN_ENV):
        def report() -> None:
            print(f"{SHOWN_MARKER} {time.time_ns()}", flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    else:
        if os.environ.get(QUIT_WHEN_READY_ENV):
            def ready() -> None:
                print(READY_MARKER, flush=True)
                app.quit()

            def failed(message: str) -> None:
                print(f"{FAILED_MARKER} {message}", flush=True)
                app.exit(1)

            window.database_ready.connect(ready)
            window.database_failed.connect(failed)
        QTimer.singleShot(0, window.start)
    code = app.exec()
    window.ctx.runner.shutdown()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_gui(sys.argv))
