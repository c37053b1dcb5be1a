"""SIGTERM (logout, PC shutdown) and SIGINT close the GUI cleanly: the window closes as its own
close does (the settings, window geometry included, are written), the executors finish, exit 0.

A real `python main.py` offscreen, ready on an existing demo database
(`WARDSTATION_REPORT_READY=1` prints the ready marker and keeps running); and once during the
first run's seeding, which must not leave a database the next start cannot use."""
from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY = "WARDSTATION_DATABASE_READY"
PROGRESS = "WARDSTATION_PROGRESS"
EXIT_WITHIN = 8.0        # seconds from the signal to the exit: "a few seconds"


def _env(data: Path, settings: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "WARDSTATION_DATA_DIR": str(data),
        "WARDSTATION_SETTINGS": str(settings),
        "WARDSTATION_LOG": "INFO",
    })
    env.update(extra)
    return env


class Running:
    """`python main.py` with its stdout read line by line as it comes."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL)
        self.seen: list[str] = []
        self._queue: queue.Queue[Optional[str]] = queue.Queue()
        stdout = self.proc.stdout
        assert stdout is not None

        def pump() -> None:
            for line in stdout:
                self._queue.put(line.rstrip("\n"))
            self._queue.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def wait_for(self, predicate: Callable[[str], bool], timeout: float) -> Optional[str]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if line is None:
                return None
            self.seen.append(line)
            if predicate(line):
                return line

    def stop(self, signum: int) -> tuple[int, float, str]:
        """Send signum; (exit code, seconds to exit, stderr)."""
        start = time.monotonic()
        self.proc.send_signal(signum)
        try:
            self.proc.wait(timeout=EXIT_WITHIN)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=30)
            pytest.fail(f"still running {EXIT_WITHIN} s after {signal.Signals(signum).name}")
        elapsed = time.monotonic() - start
        err = self.proc.stderr.read() if self.proc.stderr else ""
        return self.proc.returncode, elapsed, err

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose demo database a first run made and seeded."""
    data = tmp_path_factory.mktemp("seeded")
    env = _env(data, data / "settings.ini", WARDSTATION_QUIT_WHEN_READY="1", WARDSTATION_LOG="ERROR")
    proc = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0 and READY in proc.stdout, proc.stdout + proc.stderr[-3000:]
    return data


def _geometry(settings: Path) -> str:
    if not settings.exists():
        return ""
    for line in settings.read_text(encoding="utf-8").splitlines():
        if line.startswith("window_geometry="):
            return line.split("=", 1)[1].strip()
    return ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_closes_the_window_saves_settings_and_exits_0(
        demo_data: Path, tmp_path: Path, signum: int) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_data, data)
    settings = tmp_path / "settings.ini"
    app = Running(_env(data, settings, WARDSTATION_REPORT_READY="1"))
    try:
        ready = app.wait_for(lambda line: line.startswith(READY), timeout=60)
        assert ready is not None, f"never ready: {app.seen}"
        assert app.proc.poll() is None, "REPORT_READY must keep the GUI running"
        assert _geometry(settings) == ""           # nothing saved yet: the close will do it
        code, elapsed, err = app.stop(signum)
    finally:
        app.kill()
    assert code == 0, f"exit {code}\n{err[-3000:]}"
    assert elapsed < EXIT_WITHIN
    assert "Traceback" not in err, err[-3000:]
    geometry = _geometry(settings)
    assert geometry, f"window geometry not saved in {settings}"
    bytes.fromhex(geometry.strip('"'))             # what saveGeometry() gave, as hex


def test_sigterm_while_the_first_run_seeds_exits_0_and_the_next_start_works(tmp_path: Path) -> None:
    settings = tmp_path / "settings.ini"
    app = Running(_env(tmp_path, settings, WARDSTATION_REPORT_READY="1",
                       WARDSTATION_REPORT_PROGRESS="1"))
    try:
        hit = app.wait_for(lambda line: (line.startswith(PROGRESS) and " demo." in line)
                           or line.startswith(READY), timeout=90)
        assert hit is not None and hit.startswith(PROGRESS), f"seeding never seen: {app.seen[-5:]}"
        code, elapsed, err = app.stop(signal.SIGTERM)
    finally:
        app.kill()
    assert code == 0, f"exit {code}\n{err[-3000:]}"
    assert elapsed < EXIT_WITHIN
    assert "Traceback" not in err, err[-3000:]
    assert _geometry(settings)
    again = subprocess.run([sys.executable, "main.py"], cwd=ROOT, text=True, capture_output=True,
                           env=_env(tmp_path, settings, WARDSTATION_QUIT_WHEN_READY="1",
                                    WARDSTATION_LOG="ERROR"), timeout=180)
    assert again.returncode == 0 and READY in again.stdout, again.stdout + again.stderr[-3000:]
