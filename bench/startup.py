"""Start-up: (a) the first window and (b) the login ready, against a bare PySide6 window measured
in the same run, each for a first run (empty data dir: the demo database is created and seeded
behind the progress bar) and for later runs (the database exists).

Every figure is process start (just before the spawn) to a marker the process prints with its
own clock (`time.time_ns()`, the same clock here):
- (a) `WARDSTATION_QUIT_WHEN_SHOWN=1`: the window's first frame has been painted and its start
  (the database work, in the background) has been called;
- (b) `WARDSTATION_QUIT_WHEN_READY=1`: the login page accepts input (the database is prepared);
- bare: a tiny script, QApplication + QMainWindow of the same size shown, the same marker after
  its first paint.
Runs are interleaved (bare, later (a), later (b), ...) so drift on a noisy machine hits all
alike; each run gets a fresh settings file. A first-run (a) process is killed once it has
printed its marker (it would otherwise seed on). Medians, and the ratios to the bare window's
median.

Compiled modules: every child, the bare window too, reads and writes its bytecode in one cache
of this run (`PYTHONPYCACHEPREFIX` in the temporary folder, filled by the uncounted warm-up
starts), as an installed app has its bytecode. Without it the figures depend on the shell
(`PYTHONDONTWRITEBYTECODE=1`) and on the checkout's `__pycache__` folders, and WardStation's
modules, compiled from source at every start (~13 ms before the first frame), are measured
against a bare window whose Python code (PySide6, the standard library) is all compiled.
Targets: first window <= 1.5x bare; login ready <= 2x bare on an existing database.

    .venv/bin/python -m bench.startup [--runs 7] [--first-runs 3] [--platform offscreen]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
SHOWN = "WARDSTATION_WINDOW_SHOWN"
READY = "WARDSTATION_DATABASE_READY"
FIRST_WINDOW_TARGET = 1.5
READY_TARGET = 2.0

BARE_WINDOW = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 720)

def shown():
    print("{SHOWN}", time.time_ns(), flush=True)
    app.quit()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False

first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def _env(platform: str, data: Path, settings: Path, hook: Optional[str], pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("WARDSTATION_QUIT_WHEN_SHOWN", "WARDSTATION_QUIT_WHEN_READY", "WARDSTATION_REPORT_READY",
                 "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env.update({"WARDSTATION_SETTINGS": str(settings), "WARDSTATION_DATA_DIR": str(data),
                "WARDSTATION_LOG": "ERROR", "PYTHONPYCACHEPREFIX": str(pycache)})
    if hook:
        env[hook] = "1"
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    return env


def _run(cmd: list[str], env: dict[str, str], marker: str, kill_after: bool = False,
         timeout: float = 300) -> float:
    """Milliseconds from the spawn to `marker` (the child's timestamp, else when the line came)."""
    started = time.time_ns()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None
    seen: Optional[int] = None
    err = ""
    watchdog = threading.Timer(timeout, proc.kill)     # a hung start ends the bench, not hangs it
    watchdog.start()
    try:
        for line in proc.stdout:
            if line.startswith(marker):
                parts = line.split()
                seen = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else time.time_ns()
                break
        if seen is not None and kill_after:
            proc.kill()
        err = proc.communicate(timeout=timeout)[1] or ""
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if seen is None:
        raise RuntimeError(f"no {marker} (exit {proc.returncode}): {err[-1500:]}")
    return (seen - started) / 1e6


class Bench:
    def __init__(self, platform: str, tmp: Path) -> None:
        self.platform = platform
        self.tmp = tmp
        self.seeded = tmp / "seeded"
        self.pycache = tmp / "pycache"        # one bytecode cache for every child (see above)
        self.n = 0

    def _settings(self) -> Path:
        self.n += 1
        return self.tmp / f"settings-{self.n}.ini"

    def bare(self) -> float:
        env = _env(self.platform, self.tmp / "unused", self._settings(), None, self.pycache)
        return _run([sys.executable, "-c", BARE_WINDOW], env, SHOWN)

    def app(self, hook: str, marker: str, first_run: bool) -> float:
        if first_run:
            self.n += 1
            data = self.tmp / f"first-{self.n}"
        else:
            data = self.seeded
        try:
            env = _env(self.platform, data, self._settings(), hook, self.pycache)
            return _run([sys.executable, str(ROOT / "main.py")], env, marker,
                        kill_after=first_run and marker == SHOWN)
        finally:
            if first_run:
                shutil.rmtree(data, ignore_errors=True)

    def seed(self) -> float:
        """One first run into the data dir the later runs open; returns its ready time."""
        env = _env(self.platform, self.seeded, self._settings(), "WARDSTATION_QUIT_WHEN_READY", self.pycache)
        return _run([sys.executable, str(ROOT / "main.py")], env, READY)


def _line(label: str, values: list[float], bare: float, target: Optional[float] = None) -> str:
    median = statistics.median(values)
    text = (f"  {label:<44} median {median:7.0f} ms (min {min(values):.0f}, max {max(values):.0f}, "
            f"{len(values)} runs) = {median / bare:5.2f}x bare")
    if target is not None:
        text += f"  [target <= {target:g}x: {'MET' if median / bare <= target else 'NOT MET'}]"
    return text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of the bare window and later starts")
    parser.add_argument("--first-runs", type=int, default=3, help="first runs (each seeds: seconds)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as tmp_dir:
        b = Bench(args.platform, Path(tmp_dir))
        b.seed()                                   # the database the later runs open
        b.bare()                                   # warm the page cache and the bytecode cache,
        b.app("WARDSTATION_QUIT_WHEN_READY", READY, False)   # not counted
        bare, shown_later, ready_later, shown_first, ready_first = [], [], [], [], []
        for i in range(max(args.runs, args.first_runs)):
            if i < args.runs:
                bare.append(b.bare())
                shown_later.append(b.app("WARDSTATION_QUIT_WHEN_SHOWN", SHOWN, False))
                ready_later.append(b.app("WARDSTATION_QUIT_WHEN_READY", READY, False))
            if i < args.first_runs:
                shown_first.append(b.app("WARDSTATION_QUIT_WHEN_SHOWN", SHOWN, True))
                ready_first.append(b.app("WARDSTATION_QUIT_WHEN_READY", READY, True))
    base = statistics.median(bare)
    print(f"startup: process start -> marker, platform {args.platform}, same run, compiled modules cached:")
    print(f"  {'bare PySide6 window (QMainWindow shown)':<44} median {base:7.0f} ms "
          f"(min {min(bare):.0f}, max {max(bare):.0f}, {len(bare)} runs)")
    print(_line("(a) first window, database exists", shown_later, base, FIRST_WINDOW_TARGET))
    print(_line("(a) first window, first run", shown_first, base, FIRST_WINDOW_TARGET))
    print(_line("(b) login ready, database exists", ready_later, base, READY_TARGET))
    print(_line("(b) login ready, first run (create + seed)", ready_first, base))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
