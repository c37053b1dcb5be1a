"""`print downtime-packet` on the command line: from the server (a progress line per patient, each
patient's print audited), from a profile's real encrypted replica with its server unreachable
(the audit queued on this PC, then written to the server's chain), and bad input: one line on
stderr, a non-zero exit, no file."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import run
from app.store.db import Database
from app.store.schema import audit_rec
from tests import secret_service
from tests.unit.services.conftest import demo_engine, seeded_file  # noqa: F401

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
keyring_service = secret_service.keyring_fixture()
UNREACHABLE = "postgresql+psycopg2://ward:secret@127.0.0.1:1/ward"     # nothing listens on port 1


def packet(*args: str) -> int:
    return run(["print", "downtime-packet", *args])


def prints(db: Database) -> list[Any]:
    with db.connect() as conn:
        return list(conn.execute(select(audit_rec.c.after_data, audit_rec.c.workstation)
                                 .where(audit_rec.c.entity == "downtime_packet")))


def text_of(pdf: Path) -> str:
    return "".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())


@pytest.fixture
def server(demo_engine: Database) -> Database:  # noqa: F811
    """The demo ward as `db upgrade` leaves a database: its revision stamped (create_all made it)."""
    from app.store.migrate import head_revision

    with demo_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    return demo_engine


@pytest.fixture
def local_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WARDSTATION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WARDSTATION_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "data"


def test_from_the_server_with_progress_and_audit(server: Database, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "packet.pdf"
    assert packet("--url", str(server.url), "--ward", "NK01", "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert "32 patients" in captured.out and "from the server" in captured.out
    progress = [line for line in captured.err.splitlines() if "downtime packet: " in line]
    assert progress[0].endswith("patient 1/32") and progress[-1].endswith("patient 32/32")
    assert len(progress) == 32 and "bed 1 " in progress[0]                # patient k of n, bed order
    written = [line for line in captured.err.splitlines() if "downtime packet PDF: " in line]
    assert written[-1].endswith("patient 32/32")
    assert "服务器数据" in text_of(out)
    audited = prints(server)
    assert len(audited) == 32 and {a.after_data["source"] for a in audited} == {"server"}
    assert all(a.workstation.startswith("cli@") for a in audited)


def test_from_the_replica_with_the_server_away(keyring_service: Any, local_dirs: Path,
                                               server: Database, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from app.offline import replica
    from app.profiles import save_profile
    from app.services.audit_spool import AuditSpool, default_spool_path
    from app.services.demo_ids import demo_id
    from app.store.db import open_database

    save_profile("ward", UNREACHABLE)
    with replica.opened(replica.replica_path(local_dirs, "ward"), "ward") as local:
        made = replica.snapshot(server, local, profile="ward", ward_id=demo_id("ward"))
    out = tmp_path / "offline.pdf"
    assert packet("--profile", "ward", "--offline", "--ward", "NK01", "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert "from the offline copy as of" in captured.out, captured.err
    text = text_of(out)
    assert "本机离线副本" in text and "离线副本数据，截至" in text
    assert made.as_of is not None
    assert prints(server) == []                           # the server was never reached
    scope = open_database(UNREACHABLE).safe_url                 # as the GUI's backend names it
    spool = AuditSpool(default_spool_path(local_dirs, "ward"), scope)
    try:
        assert spool.pending() == 32
        assert spool.drain(server, "pc-ward") == 32        # the workstation, back online
    finally:
        spool.close()
    audited = prints(server)
    assert len(audited) == 32 and {a.after_data["source"] for a in audited} == {"replica"}
    assert all("as_of" in a.after_data for a in audited)


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    return err[0]


def test_bad_input_is_one_line_and_leaves_no_file(keyring_service: Any, local_dirs: Path,
                                                  server: Database, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from app.profiles import save_profile

    outdir = tmp_path / "out"
    outdir.mkdir()
    out = str(outdir / "x.pdf")
    url = str(server.url)
    assert packet("--url", url, "--ward", "XX99", "--out", out) != 0
    assert "no ward with code XX99" in one_line(capsys)
    assert packet("--url", url, "--ward", "NK01", "--out", str(outdir / "none" / "x.pdf")) != 0
    assert "cannot write" in one_line(capsys)
    assert packet("--url", url, "--ward", "NK01", "--out", str(outdir)) != 0
    assert "cannot write" in one_line(capsys)
    assert packet("--offline", "--ward", "NK01", "--out", out) == 2
    assert "--url" in one_line(capsys)
    assert packet("--url", url, "--profile", "ward", "--ward", "NK01", "--out", out) == 2
    assert "not allowed" in one_line(capsys)
    assert packet("--url", url, "--out", out) == 2
    assert "--ward" in one_line(capsys)
    assert packet("--profile", "nosuch", "--offline", "--ward", "NK01", "--out", out) != 0
    assert "no profile named nosuch" in one_line(capsys)
    save_profile("empty", UNREACHABLE)
    assert packet("--profile", "empty", "--offline", "--ward", "NK01", "--out", out) != 0
    assert "no offline copy of profile empty" in one_line(capsys)
    assert packet("--profile", "empty", "--ward", "NK01", "--out", out) != 0   # its server is away
    one_line(capsys)
    assert list(outdir.iterdir()) == [] and prints(server) == []
