"""Run the IT command line as a real process, as IT would: `python main.py ...`.

While another module listed in app.cli.COMMAND_MODULES is still missing from the tree, the
same dispatcher runs with only app.cli.db_cmds registered, so these tests stay meaningful.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

_ONLY_DB_CMDS = (
    "import sys; import app.cli as c; c.COMMAND_MODULES = ('app.cli.db_cmds',); "
    "sys.exit(c.run(sys.argv[1:]))"
)


def _all_modules_present() -> bool:
    sys.path.insert(0, str(ROOT))
    try:
        from app.cli import COMMAND_MODULES

        return all(importlib.util.find_spec(m) is not None for m in COMMAND_MODULES)
    finally:
        sys.path.remove(str(ROOT))


def run_cli(*args: str, timeout: float = 60, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    if _all_modules_present():
        cmd = [sys.executable, str(ROOT / "main.py"), *args]
    else:
        cmd = [sys.executable, "-c", _ONLY_DB_CMDS, *args]
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run(cmd, cwd=str(ROOT), capture_output=True, text=True, timeout=timeout,
                          env=full_env, input=stdin)


def assert_one_line_failure(proc: subprocess.CompletedProcess[str], *, secret: str = "") -> str:
    """Non-zero exit, exactly one line on stderr, no traceback, no password."""
    assert proc.returncode != 0, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    if secret:
        assert secret not in proc.stderr and secret not in proc.stdout
    return lines[0]


def seeded_url(request: Any, tmp_path_factory: Any, name: str) -> str:
    """A database with the demo ward (`db upgrade`, `demo seed` as real processes) on the engine
    of `request.param`: "sqlite" (a file) or "postgresql" (a new database on the pg_server)."""
    if request.param == "sqlite":
        db_url = f"sqlite:///{tmp_path_factory.mktemp(name)}/ward.db"
    else:
        server = request.getfixturevalue("pg_server")
        db_url = server.url(server.create_database())
    for args in (("db", "upgrade", "--url", db_url), ("demo", "seed", "--url", db_url)):
        proc = run_cli(*args, timeout=180)
        assert proc.returncode == 0, proc.stderr
    return str(db_url)
