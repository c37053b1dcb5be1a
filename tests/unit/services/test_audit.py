"""The audit chain is tamper-evident: any edited, deleted or truncated entry is named."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlalchemy.engine import Engine

from app.services import audit
from app.services.audit import AuditEntry, verify_chain
from app.store.schema import audit_head, audit_log
from tests.unit.services.conftest import NOW

ROOT = Path(__file__).resolve().parents[3]


def _write(engine: Engine, n: int) -> None:
    with engine.begin() as conn:
        for i in range(n):
            audit.record(conn, AuditEntry("update", "allergy", f"a{i}", None, "p1",
                                          {"status": "active"}, {"status": "refuted", "i": i}),
                         workstation="ws-1", now=NOW)


def test_empty_and_written_chains_are_intact(engine: Engine) -> None:
    with engine.connect() as conn:
        assert verify_chain(conn).entries == 0 and verify_chain(conn).intact
    _write(engine, 5)
    with engine.connect() as conn:
        report = verify_chain(conn)
    assert report.intact and report.entries == 5


@pytest.mark.parametrize("tamper, seq, reason", [
    (lambda c: c.execute(update(audit_log).where(audit_log.c.seq == 3)
                         .values(after_data={"status": "active"})), 3, "hash"),
    (lambda c: c.execute(delete(audit_log).where(audit_log.c.seq == 2)), 2, "missing"),
    (lambda c: c.execute(delete(audit_log).where(audit_log.c.seq == 5)), 5, "head"),
    (lambda c: c.execute(update(audit_head).values(last_hash="f" * 64)), 5, "head"),
])
def test_tampering_is_reported_at_the_first_broken_entry(engine: Engine, tamper, seq, reason) -> None:  # type: ignore[no-untyped-def]
    _write(engine, 5)
    with engine.begin() as conn:
        tamper(conn)
    with engine.connect() as conn:
        report = verify_chain(conn)
    assert (report.intact, report.broken_seq, report.reason) == (False, seq, reason)


def test_rehashing_an_edited_row_still_breaks_the_next_link(engine: Engine) -> None:
    _write(engine, 4)
    with engine.begin() as conn:
        row = dict(conn.execute(audit_log.select().where(audit_log.c.seq == 2)).mappings().one())
        row["workstation"] = "elsewhere"
        forged = audit.row_hash(row["prev_hash"], row)
        conn.execute(update(audit_log).where(audit_log.c.seq == 2)
                     .values(workstation="elsewhere", row_hash=forged))
    with engine.connect() as conn:
        report = verify_chain(conn)
    assert (report.broken_seq, report.reason) == (3, "link")


def test_cli_audit_verify(tmp_path: Path) -> None:
    from app.store.db import open_database
    from app.store.migrate import upgrade

    url = f"sqlite:///{tmp_path}/migrated.db"
    db = open_database(url)
    upgrade(db)
    _write(db.engine, 3)
    ok = subprocess.run([sys.executable, "main.py", "audit", "verify", "--url", url],
                        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout.strip() == "audit chain intact: 3 entries"
    with db.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.seq == 2).values(action="view"))
    db.dispose()
    bad = subprocess.run([sys.executable, "main.py", "audit", "verify", "--url", url],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert len(bad.stderr.strip().splitlines()) == 1 and "entry 2" in bad.stderr
