"""The IT command line as IT runs it: real processes, real databases, one-line failures."""
from __future__ import annotations

import re
import time
from typing import Any

import pytest

from app.store import migrate
from app.store.db import open_database
from app.store.schema import metadata
from tests.dbdrivers.clirun import assert_one_line_failure, run_cli
from tests.pg import PASSWORD, PgServer


def test_check_prints_engine_version_latency_and_schema(pg_url: str) -> None:
    proc = run_cli("check", "--url", pg_url)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "engine:   postgresql" in out
    assert "server:   PostgreSQL 15" in out
    assert "latency:" in out and " ms" in out
    assert "not initialised" in out
    assert PASSWORD not in out + proc.stderr


def test_upgrade_then_check_then_reupgrade(kingbase_url: str) -> None:
    proc = run_cli("db", "upgrade", "--url", kingbase_url, "--no-dictionaries")
    assert proc.returncode == 0, proc.stderr
    assert f"migrated to revision {migrate.head_revision()}" in proc.stdout
    assert "wardstation: schema:" in proc.stderr          # the progress line
    assert PASSWORD not in proc.stdout + proc.stderr
    proc = run_cli("check", "--url", kingbase_url)
    assert "engine:   kingbase" in proc.stdout
    assert f"{migrate.head_revision()} (current)" in proc.stdout
    proc = run_cli("db", "upgrade", "--url", kingbase_url, "--no-dictionaries")
    assert proc.returncode == 0 and "already at revision" in proc.stdout


def test_upgrade_loads_dictionaries(tmp_path: Any) -> None:
    pytest.importorskip("app.dictionaries.loader")
    url = f"sqlite:///{tmp_path}/ward.db"
    proc = run_cli("db", "upgrade", "--url", url, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "dictionaries:" in proc.stdout
    db = open_database(url)
    with db.connect() as conn:
        drugs = conn.exec_driver_sql("SELECT COUNT(*) FROM drug").scalar()
        freqs = conn.exec_driver_sql("SELECT COUNT(*) FROM freq").scalar()
    db.dispose()
    assert drugs and drugs > 0 and freqs and freqs > 0


def test_db_sql_dm_is_a_script_for_every_table() -> None:
    proc = run_cli("db", "sql", "--dialect", "dm")
    assert proc.returncode == 0, proc.stderr
    sql = proc.stdout
    for name in metadata.tables:
        assert f"CREATE TABLE {name} (" in sql
    assert '"' not in sql
    assert "RETURNING" not in sql
    assert "COMMIT;" in sql
    # The service account may only add to and read the audit trail.
    assert "GRANT SELECT, INSERT ON audit_rec TO wardstation_app;" in sql
    assert "GRANT SELECT, INSERT, UPDATE, DELETE ON med_order TO wardstation_app;" in sql
    assert not re.search(r"GRANT [^;]*(UPDATE|DELETE|TRUNCATE)[^;]* ON audit_", sql)


@pytest.mark.parametrize("args, expected", [
    (("db", "sql", "--dialect", "mysql"), "invalid choice"),
    (("check", "--url", "not a url"), "malformed database URL"),
    (("check", "--url", "mysql://u:Pw-123@127.0.0.1/x"), "unsupported database URL scheme"),
])
def test_bad_input_is_one_line(args: tuple[str, ...], expected: str) -> None:
    line = assert_one_line_failure(run_cli(*args), secret="Pw-123")
    assert expected in line


def test_wrong_password_is_one_line(pg_server: PgServer) -> None:
    proc = run_cli("check", "--url", pg_server.url(password="Wrong-Pw-77"))
    line = assert_one_line_failure(proc, secret="Wrong-Pw-77")
    assert "refused the login" in line and "***" in line


def test_closed_port_is_one_line(closed_port: int) -> None:
    url = f"postgresql+psycopg2://ward:Pw-Closed-1@127.0.0.1:{closed_port}/ward"
    line = assert_one_line_failure(run_cli("check", "--url", url), secret="Pw-Closed-1")
    assert "cannot reach" in line


@pytest.mark.parametrize("scheme", ["postgresql+psycopg2", "kingbase+ksycopg2", "dm+dmPython"])
def test_never_answering_host_is_reported_within_5s(blackhole: Any, scheme: str) -> None:
    url = f"{scheme}://ward:Pw-Hole-1@127.0.0.1:{blackhole.port}/ward"
    start = time.monotonic()
    proc = run_cli("check", "--url", url)
    # the command itself, not counting interpreter start-up (about 0.5 s here)
    assert time.monotonic() - start < 5.0 + 1.0
    line = assert_one_line_failure(proc, secret="Pw-Hole-1")
    assert "cannot reach" in line


def test_newer_schema_is_one_line(pg_url: str) -> None:
    db = open_database(pg_url)
    migrate.upgrade(db)
    with db.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'b0b0future01'")
    db.dispose()
    for args in (("check", "--url", pg_url), ("db", "upgrade", "--url", pg_url)):
        proc = run_cli(*args)
        line = assert_one_line_failure(proc, secret=PASSWORD)
        assert "newer than this client" in line and "b0b0future01" in line
