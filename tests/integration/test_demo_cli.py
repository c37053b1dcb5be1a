"""`demo seed` from the command line and the GUI's first-run demo database, on real files."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from app.services import auth
from app.services.demo import DEMO_ACCOUNTS, ensure_demo_database
from app.store.schema import patient

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_demo_seed_cli_seeds_once_and_rejects_bad_input(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/ward.db"
    missing = _cli("demo", "seed", "--url", url)
    assert missing.returncode == 1 and "db upgrade" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert _cli("db", "upgrade", "--url", url, "--no-dictionaries").returncode == 0
    first = _cli("demo", "seed", "--url", url)
    assert first.returncode == 0, first.stderr
    assert "demo ward seeded" in first.stdout and "patient 32" in first.stdout
    assert "demo:" in first.stderr                       # the progress line
    again = _cli("demo", "seed", "--url", url)
    assert again.returncode == 0 and "already present" in again.stdout
    bad = _cli("demo", "seed", "--url", "nosuch://x")
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1
    verify = _cli("audit", "verify", "--url", url)
    assert verify.returncode == 0 and verify.stdout.startswith("audit chains intact: ")


def test_first_run_creates_then_just_opens(tmp_path: Path) -> None:
    path = tmp_path / "data" / "demo.sqlite"
    labels: list[str] = []
    db = ensure_demo_database(path, lambda done, total, label: labels.append(label))
    assert path.exists() and "demo.done" in labels and "icd10" in labels
    db.dispose()
    start = time.perf_counter()
    db = ensure_demo_database(path)
    reopen = time.perf_counter() - start
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(patient)).scalar_one() == 32
        login, password, _ = DEMO_ACCOUNTS[0]
        assert auth.authenticate(conn, login, password, workstation="t").login_name == login
    db.dispose()
    assert reopen < 2.0
