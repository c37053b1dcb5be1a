"""Round trips of the GUI's own calls, counted at the server (issue 10).

The exact `AppBackend` calls the ward board and the chart make, on the real PostgreSQL of the
session (`pg_server`), with `log_statement=all` on this test's database: the statements the
server logged for this backend's application name are the round trips (psycopg2 sends one
statement per round trip; tests/unit/test_netfault.py checks that against a counting proxy).
Counted with a warm pool, as a ward PC lives: connection set-up is not part of a screen; what a
background writer sends after the call returned (the queued chart-view audit) is not either.

Targets: ward view (list_wards + ward_overview) at most 2, chart open at most 3; no pre-ping,
no BEGIN/ROLLBACK around a read.
"""
from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg import LoggedStatement, PgServer

pytestmark = pytest.mark.pg

ROOT = Path(__file__).resolve().parents[2]
WARD_VIEW_MAX = 2
CHART_OPEN_MAX = 3
READ_PATH_NOISE = {"BEGIN", "ROLLBACK", "COMMIT", "SELECT 1"}


def _cli(*args: str) -> None:
    proc = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def demo_login() -> tuple[str, str]:
    """A doctor's demo login and password (resources/demo/ward.json)."""
    spec = json.loads((ROOT / "resources" / "demo" / "ward.json").read_text(encoding="utf-8"))
    passwords = {s["key"]: s["password"] for s in spec["staff"]}
    login = next(login for login, role in spec["login_accounts"] if role == "role.doctor")
    return login, passwords[login]


@pytest.fixture(scope="module")
def demo_database(pg_server: PgServer) -> str:
    name = pg_server.create_database()
    url = pg_server.url(name)
    _cli("db", "upgrade", "--url", url, "--no-dictionaries")
    _cli("demo", "seed", "--url", url)
    pg_server.log_statements_on(name)         # only from here on: the seed stays out of the log
    return name


@pytest.fixture
def backend(pg_server: PgServer, demo_database: str, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    from ui.operations.backend import AppBackend

    monkeypatch.setenv("WARDSTATION_DATA_DIR", str(tmp_path))   # local files stay in the test
    app = "ws-rt-" + uuid.uuid4().hex[:8]
    backend = AppBackend(url=pg_server.url(demo_database) + f"?application_name={app}")
    backend.prepare(lambda done, total, label: None)
    try:
        yield backend, app
    finally:
        backend.close()


def _describe(statements: list[LoggedStatement]) -> str:
    return "\n".join(f"  [{s.pid}] {s.sql[:160]}" for s in statements)


def _sent(pg_server: PgServer, app: str, call: Any) -> tuple[Any, list[LoggedStatement]]:
    """What `call` sent while the caller waited: a background writer (the chart-view audit
    queue) may follow, so wait for quiet first and cut the log where the call returned."""
    pg_server.wait_quiet(app)
    mark = pg_server.log_mark()
    result = call()
    end = pg_server.log_mark()
    return result, pg_server.statements_since(mark, application_name=app, end=end)


def test_ward_view_and_chart_open_round_trips(pg_server: PgServer, backend: tuple[Any, str]) -> None:
    """Counted from the first calls after sign-in on: the pools were warmed behind the login
    page, so the first ward board pays no connection set-up either."""
    api, app = backend
    login, password = demo_login()
    user = api.authenticate(login, password)
    wards, statements = _sent(pg_server, app, api.list_wards)        # once, after sign-in
    assert len(statements) <= 1, f"ward list sent {len(statements)}:\n{_describe(statements)}"
    ward_id = wards[0].ward_id
    for _ in range(3):
        shown, statements = _sent(pg_server, app, lambda: api.ward_overview(ward_id))
        assert len(shown) == 40
        assert len(statements) <= WARD_VIEW_MAX, \
            f"ward view sent {len(statements)} statements:\n{_describe(statements)}"
        assert not {s.sql.strip().upper() for s in statements} & READ_PATH_NOISE, _describe(statements)
    encounters = [c.encounter_id for c in shown if c.encounter_id]
    assert len(encounters) >= 5

    for encounter_id in encounters[:5]:
        header, statements = _sent(pg_server, app, lambda e=encounter_id: api.open_chart(e, user.id))
        assert header.encounter_id == encounter_id
        assert len(statements) <= CHART_OPEN_MAX, \
            f"chart open sent {len(statements)} statements:\n{_describe(statements)}"
        assert not {s.sql.strip().upper() for s in statements} & READ_PATH_NOISE, _describe(statements)
    # The chart as the 医嘱 tab opens it: header, allergies and diagnoses, and the orders.
    for encounter_id in encounters[:5]:
        data, statements = _sent(pg_server, app, lambda e=encounter_id: api.chart(e, user.id))
        assert data.header.encounter_id == encounter_id and data.orders
        assert len(statements) <= CHART_OPEN_MAX, \
            f"chart with orders sent {len(statements)} statements:\n{_describe(statements)}"
        assert not {s.sql.strip().upper() for s in statements} & READ_PATH_NOISE, _describe(statements)
