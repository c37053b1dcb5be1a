"""The whole app as a real process: first run seeds the demo ward; a first run killed with
SIGKILL at any moment leaves nothing that stops the next start from working.

Each kill is proven, not assumed: the process is killed when it reports a given start-up step
(`WARDSTATION_REPORT_PROGRESS=1`), it must die of that SIGKILL (not have finished first), and
the database it leaves must really be half-made at that moment (the file exists, but the schema
is not at the head revision or the demo ward is not there). The next start must then print the
ready marker and hold the whole demo ward, seeded once."""
from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Optional

import pytest
from sqlalchemy import create_engine, func, select

from app.services.ward import list_wards, ward_overview
from app.store import schema
from app.store.migrate import head_revision

ROOT = Path(__file__).resolve().parents[2]
READY = "WARDSTATION_DATABASE_READY"
PROGRESS = "WARDSTATION_PROGRESS"
DEMO_WARD_CODE = json.loads((ROOT / "resources" / "demo" / "ward.json")
                            .read_text(encoding="utf-8"))["ward"]["code"]


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "WARDSTATION_DATA_DIR": str(tmp),
        "WARDSTATION_SETTINGS": str(tmp / "settings.ini"),
        "WARDSTATION_LOG": "ERROR",
        "WARDSTATION_QUIT_WHEN_READY": "1",
    })
    env.update(extra)
    return env


def _start(tmp: Path, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=_env(tmp, **extra), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


class Lines:
    """The process's stdout, line by line, as it comes (a reader thread)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[Optional[str]] = queue.Queue()
        assert proc.stdout is not None
        stdout = proc.stdout

        def pump() -> None:
            for line in stdout:
                self._queue.put(line.rstrip("\n"))
            self._queue.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def wait_for(self, predicate: Callable[[str], bool], timeout: float) -> Optional[str]:
        """The first line for which predicate(line) holds; None at end of output or timeout."""
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


def _run_until_ready(tmp: Path, timeout: float = 120) -> float:
    started = time.monotonic()
    proc = _start(tmp)
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err[-3000:]}"
    assert READY in out, out + err[-3000:]
    return time.monotonic() - started


def _state(db_file: Path) -> tuple[Optional[str], int]:
    """(schema revision, demo wards) of a file no process has open; a hot journal left by the
    kill is rolled back on open, as the next start would."""
    conn = sqlite3.connect(str(db_file))
    try:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        except sqlite3.OperationalError:          # no such table: never migrated
            revision = None
        try:
            wards = conn.execute("SELECT count(*) FROM ward WHERE code = ?", (DEMO_WARD_CODE,)).fetchone()[0]
        except sqlite3.OperationalError:
            wards = 0
        return revision, int(wards)
    finally:
        conn.close()


def _assert_demo_ward_whole(db_file: Path) -> None:
    engine = create_engine(f"sqlite:///{db_file}")
    try:
        with engine.connect() as conn:
            wards = list_wards(conn)
            assert [w.name for w in wards] == ["内科一病区"]
            cards = ward_overview(conn, wards[0].ward_id)
            assert len(cards) == 40
            assert sum(1 for c in cards if c.occupied) == 32
            # seeded once: no duplicated patients or staff after an interrupted run
            assert conn.execute(select(func.count()).select_from(schema.patient)).scalar_one() == 32
            assert conn.execute(select(func.count()).select_from(schema.drug)).scalar_one() >= 800
    finally:
        engine.dispose()
    verify = subprocess.run([sys.executable, "main.py", "audit", "verify", "--url", f"sqlite:///{db_file}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "intact" in verify.stdout


def test_first_run_seeds_the_demo_ward_and_the_second_run_just_opens_it(tmp_path: Path) -> None:
    first = _run_until_ready(tmp_path)
    second = _run_until_ready(tmp_path)
    _assert_demo_ward_whole(tmp_path / "demo.sqlite")
    assert second < first  # the second start does not seed again


def test_quit_when_shown_quits_after_the_window_start_ran(tmp_path: Path) -> None:
    """The start-up bench's hook: the marker comes once the window's start has begun the
    database work (a first run here: the demo file is being made), and the exit is clean."""
    proc = subprocess.run([sys.executable, "main.py"], cwd=ROOT, text=True, capture_output=True,
                          timeout=120, env=_env(tmp_path, WARDSTATION_QUIT_WHEN_READY="",
                                                WARDSTATION_QUIT_WHEN_SHOWN="1"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    shown = [line for line in proc.stdout.splitlines() if line.startswith("WARDSTATION_WINDOW_SHOWN ")]
    assert len(shown) == 1 and shown[0].split()[1].isdigit(), proc.stdout
    assert READY not in proc.stdout
    assert (tmp_path / "demo.sqlite").exists()          # the window's start ran: prepare began
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]


# (progress label the kill waits for, what must be half-made when it lands)
KILL_POINTS = [
    ("starting", "schema"),           # the migration has begun: not at the head revision yet
    ("icd10", "dictionaries"),        # dictionaries loading: migrated, nothing of the ward
    ("demo.patients", "seed"),        # seeding the ward: migrated, the seed not committed
    ("demo.history", "seed"),
]


@pytest.mark.parametrize(("label", "phase"), KILL_POINTS, ids=[p[0] for p in KILL_POINTS])
def test_first_run_killed_at_any_moment_recovers_on_the_next_start(tmp_path: Path, label: str,
                                                                   phase: str) -> None:
    db_file = tmp_path / "demo.sqlite"
    proc = _start(tmp_path, WARDSTATION_REPORT_PROGRESS="1")
    lines = Lines(proc)
    try:
        hit = lines.wait_for(lambda line: (line.startswith(PROGRESS) and line.split(" ", 3)[-1] == label)
                             or line.startswith(READY), timeout=90)
        assert hit is not None and hit.startswith(PROGRESS), \
            f"never reached {label!r} alive: {lines.seen[-5:]}\n{proc.stderr.read() if proc.stderr else ''}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"the process ended by itself ({proc.returncode})"
    assert db_file.exists(), "killed before the database file existed"
    revision, wards = _state(db_file)
    head = head_revision()
    assert (revision, wards) != (head, 1), f"the database was already complete when killed at {label!r}"
    if phase == "schema":
        assert revision != head and wards == 0, (revision, wards)
    else:
        assert revision == head and wards == 0, (revision, wards)
    _run_until_ready(tmp_path)
    _assert_demo_ward_whole(db_file)
