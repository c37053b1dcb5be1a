"""The whole app as a real process: first run seeds the demo ward; a first run killed with
SIGKILL at any moment leaves nothing that stops the next start from working."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from app.services.ward import list_wards, ward_overview
from app.store import schema

ROOT = Path(__file__).resolve().parents[2]
READY = "WARDSTATION_DATABASE_READY"


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "WARDSTATION_DATA_DIR": str(tmp),
        "WARDSTATION_SETTINGS": str(tmp / "settings.ini"),
        "WARDSTATION_LOG": "ERROR",
        "WARDSTATION_QUIT_WHEN_READY": "1",
    })
    return env


def _start(tmp: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=_env(tmp), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


def _run_until_ready(tmp: Path, timeout: float = 120) -> float:
    started = time.monotonic()
    proc = _start(tmp)
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err[-3000:]}"
    assert READY in out, out + err[-3000:]
    return time.monotonic() - started


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


@pytest.mark.parametrize("kill_after", [0.8, 2.0, 3.5, 5.0])
def test_first_run_killed_at_any_moment_recovers_on_the_next_start(tmp_path: Path, kill_after: float) -> None:
    proc = _start(tmp_path)
    time.sleep(kill_after)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    _run_until_ready(tmp_path)
    _assert_demo_ward_whole(tmp_path / "demo.sqlite")
