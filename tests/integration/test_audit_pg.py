"""The audit trail against the service account itself, on the real PostgreSQL: the account the
workstations log in with may only INSERT and SELECT audit records (the grants `db sql` prints
and `db upgrade --service-account` applies), and what a DBA-level attacker does to a chain is
caught by `audit verify --checkpoint`."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest
from sqlalchemy import delete, text

from app.cli import run
from app.clock import utcnow
from app.errors import DatabaseError
from app.ids import new_id
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import open_database
from app.store.schema import audit_rec
from tests.pg import PgServer

pytestmark = pytest.mark.pg


@pytest.fixture
def installed(pg_server: PgServer, pg_url: str) -> Iterator[tuple[str, str]]:
    """A database set up the way IT does it: schema and grants as the owner, demo data; yields
    (owner URL, service-account URL)."""
    account = "ws_" + uuid.uuid4().hex[:8]
    admin = psycopg2.connect(host="127.0.0.1", port=pg_server.port, user="postgres",
                             password=pg_server.password, dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"CREATE ROLE {account} LOGIN PASSWORD 'Svc-Pass-1'")
    admin.close()
    assert run(["db", "upgrade", "--url", pg_url, "--service-account", account]) == 0
    assert run(["demo", "seed", "--url", pg_url]) == 0
    name = pg_url.rsplit("/", 1)[1]
    yield pg_url, f"postgresql+psycopg2://{account}:Svc-Pass-1@127.0.0.1:{pg_server.port}/{name}"


def test_the_service_account_works_but_cannot_rewrite_the_trail(installed: tuple[str, str]) -> None:
    _owner, service = installed
    db = open_database(service)
    try:
        run_command(db, "pc-svc", c.RecordAllergy(
            op_id=new_id(), actor_id=demo_id("staff", "liming"), device_time=utcnow(),
            patient_id=demo_id("patient", 7), allergy_id=new_id(), substance="青霉素"))
        for statement in ("UPDATE audit_rec SET action = 'view'", "DELETE FROM audit_rec",
                          "TRUNCATE audit_rec", "UPDATE audit_head SET last_seq = 0",
                          "DELETE FROM audit_log"):
            with pytest.raises(DatabaseError) as err, db.begin() as conn:
                conn.execute(text(statement))
            assert "permission denied" in str(err.value.__cause__), statement
        with db.read() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM audit_rec")).scalar() >= 2
    finally:
        db.dispose()


def _rewrite(conn: Any) -> None:
    from app.services.audit import row_hash

    rows = conn.execute(audit_rec.select().where(audit_rec.c.chain_id == "pc-a")
                        .order_by(audit_rec.c.chain_seq)).mappings().all()
    prev = rows[0]["prev_hash"]
    for original in rows:
        row = dict(original, prev_hash=prev)
        if row["chain_seq"] == 2:
            row["after_data"] = {"substance": "nothing happened"}
        row["row_hash"] = prev = row_hash(prev, row)
        conn.execute(audit_rec.update().where(audit_rec.c.id == row["id"])
                     .values(after_data=row["after_data"], prev_hash=row["prev_hash"],
                             row_hash=row["row_hash"]))


ATTACKS = {
    "tail cut": lambda conn: conn.execute(delete(audit_rec).where(audit_rec.c.chain_id == "pc-a")
                                          .where(audit_rec.c.chain_seq > 2)),
    "chain deleted": lambda conn: conn.execute(delete(audit_rec)
                                               .where(audit_rec.c.chain_id == "pc-a")),
    "rewritten": _rewrite,
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_an_attack_by_the_owner_is_caught_by_the_checkpoint(installed: tuple[str, str], attack: str,
                                                           tmp_path: Path, memory_keyring: Any,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    owner, service = installed
    db = open_database(service)
    try:
        for substance in ("青霉素", "头孢", "磺胺", "碘"):
            run_command(db, "pc-a", c.RecordAllergy(
                op_id=new_id(), actor_id=demo_id("staff", "liming"), device_time=utcnow(),
                patient_id=demo_id("patient", 7), allergy_id=new_id(), substance=substance))
    finally:
        db.dispose()
    checkpoint = str(tmp_path / "audit.json")
    assert run(["audit", "checkpoint", "--url", owner, "--out", checkpoint]) == 0
    attacker = open_database(owner)
    try:
        with attacker.begin() as conn:
            ATTACKS[attack](conn)
    finally:
        attacker.dispose()
    capsys.readouterr()
    assert run(["audit", "verify", "--url", owner]) == 0      # the chain alone cannot tell
    assert run(["audit", "verify", "--url", owner, "--checkpoint", checkpoint]) == 1
    assert "audit chain pc-a" in capsys.readouterr().err
