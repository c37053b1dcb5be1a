"""The audit chains are tamper-evident: an edited or deleted record is named by the chain alone;
a cut tail, a deleted chain or a rewrite with recomputed hashes by a keyed checkpoint."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest
from sqlalchemy import delete, func, select, update

from app.services import audit, audit_checkpoint
from app.services.audit import AuditEntry, verify_all, verify_chain
from app.services.write import run_unit
from app.store.append_only import sqlite_drop_triggers
from app.store.db import Database
from app.store.schema import audit_rec
from tests.unit.services.conftest import NOW

KEY = b"k" * 32


def _write(db: Database, n: int, workstation: str = "ws-1") -> None:
    for i in range(n):
        run_unit(db, workstation, lambda uow, i=i: uow.audit(AuditEntry(
            "update", "allergy", f"a{i}", None, "p1", {"status": "active"},
            {"status": "refuted", "i": i})), now=NOW)


def _attacker(db: Database) -> None:
    """Whoever can write the file can drop the append-only triggers first."""
    with db.begin() as conn:
        for stmt in sqlite_drop_triggers("audit_rec"):
            conn.exec_driver_sql(stmt)


def _report(db: Database, chain: str = "ws-1") -> audit.ChainReport:
    with db.connect() as conn:
        return verify_chain(conn, chain)


def test_each_workstation_writes_its_own_intact_chain(engine: Database) -> None:
    with engine.connect() as conn:
        assert verify_all(conn) == []
    _write(engine, 5, "ws-1")
    _write(engine, 3, "ws-2")
    _write(engine, 2, "ws-1")
    with engine.connect() as conn:
        reports = {r.chain_id: r for r in verify_all(conn)}
        seqs = conn.execute(select(audit_rec.c.chain_seq).where(audit_rec.c.chain_id == "ws-1")
                            .order_by(audit_rec.c.chain_seq)).scalars().all()
    assert {k: (r.intact, r.entries) for k, r in reports.items()} == {
        "ws-1": (True, 7), "ws-2": (True, 3)}
    assert seqs == list(range(1, 8))


def test_audit_tables_refuse_update_and_delete(engine: Database) -> None:
    _write(engine, 2)
    from app.errors import DatabaseError

    for stmt in (update(audit_rec).values(action="view"), delete(audit_rec)):
        with pytest.raises(DatabaseError) as err, engine.begin() as conn:
            conn.execute(stmt)
        assert "audit_rec is append-only" in str(err.value.__cause__)
    assert _report(engine).entries == 2


@pytest.mark.parametrize("tamper, seq, reason", [
    (lambda c: c.execute(update(audit_rec).where(audit_rec.c.chain_seq == 3)
                         .values(after_data={"status": "active"})), 3, "hash"),
    (lambda c: c.execute(delete(audit_rec).where(audit_rec.c.chain_seq == 2)), 2, "missing"),
])
def test_an_edited_or_deleted_record_is_named(engine: Database, tamper: Callable[[Any], Any],
                                             seq: int, reason: str) -> None:
    _write(engine, 5)
    _attacker(engine)
    with engine.begin() as conn:
        tamper(conn)
    report = _report(engine)
    assert (report.intact, report.broken_seq, report.reason) == (False, seq, reason)


def test_rehashing_an_edited_record_still_breaks_the_next_link(engine: Database) -> None:
    _write(engine, 4)
    _attacker(engine)
    with engine.begin() as conn:
        row = dict(conn.execute(audit_rec.select().where(audit_rec.c.chain_seq == 2)).mappings().one())
        row["workstation"] = "elsewhere"
        forged = audit.row_hash(row["prev_hash"], row)
        conn.execute(update(audit_rec).where(audit_rec.c.chain_seq == 2)
                     .values(workstation="elsewhere", row_hash=forged))
    assert (_report(engine).broken_seq, _report(engine).reason) == (3, "link")


def _rewrite_from(conn: Any, seq: int) -> None:
    """Edit record `seq` and recompute every later hash: the chain alone cannot tell."""
    rows = conn.execute(audit_rec.select().where(audit_rec.c.chain_seq >= seq)
                        .order_by(audit_rec.c.chain_seq)).mappings().all()
    prev = rows[0]["prev_hash"]
    for original in rows:
        row = dict(original, prev_hash=prev)
        if row["chain_seq"] == seq:
            row["after_data"] = {"status": "never happened"}
        row["row_hash"] = prev = audit.row_hash(prev, row)
        conn.execute(update(audit_rec).where(audit_rec.c.id == row["id"])
                     .values(after_data=row["after_data"], prev_hash=row["prev_hash"],
                             row_hash=row["row_hash"]))


ATTACKS: dict[str, Callable[[Any], Any]] = {
    "tail cut": lambda c: c.execute(delete(audit_rec).where(audit_rec.c.chain_seq > 3)),
    "chain deleted": lambda c: c.execute(delete(audit_rec)),
    "rewritten": lambda c: _rewrite_from(c, 2),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attacks_the_chain_cannot_see_are_caught_by_the_checkpoint(engine: Database,
                                                                   attack: str) -> None:
    _write(engine, 6)
    with engine.connect() as conn:
        checkpoint, broken = audit_checkpoint.make(conn, KEY, "test")
    assert broken == []
    _attacker(engine)
    with engine.begin() as conn:
        ATTACKS[attack](conn)
    with engine.connect() as conn:
        reports = verify_all(conn)
        body = audit_checkpoint.load(json.dumps(checkpoint), KEY)
        findings = audit_checkpoint.compare(conn, body, reports)
    assert all(r.intact for r in reports)          # what the chain alone says: nothing wrong
    expected = {"tail cut": "truncated", "chain deleted": "missing_chain", "rewritten": "rewritten"}
    assert [(f.chain_id, f.what) for f in findings] == [("ws-1", expected[attack])]


def test_records_after_the_checkpoint_pass_and_a_forged_checkpoint_is_refused(
        engine: Database) -> None:
    _write(engine, 3)
    with engine.connect() as conn:
        checkpoint, _ = audit_checkpoint.make(conn, KEY, "test")
    _write(engine, 2)
    with engine.connect() as conn:
        body = audit_checkpoint.load(json.dumps(checkpoint), KEY)
        assert audit_checkpoint.compare(conn, body, verify_all(conn)) == []
    forged = dict(checkpoint, chains=[dict(checkpoint["chains"][0], count=1, last_seq=1)])
    with pytest.raises(Exception) as err:
        audit_checkpoint.load(json.dumps(forged), KEY)
    assert getattr(err.value, "message_id", "") == "audit.checkpoint_forged"
    with pytest.raises(Exception) as err:
        audit_checkpoint.load(json.dumps(checkpoint), b"x" * 32)
    assert getattr(err.value, "message_id", "") == "audit.checkpoint_forged"


def test_a_stale_cached_tip_collides_and_the_unit_runs_again(engine: Database) -> None:
    _write(engine, 2)
    engine.state["audit_tips"]["ws-1"] = (1, "f" * 64)     # as if another process wrote seq 2
    _write(engine, 1)
    report = _report(engine)
    assert report.intact and report.entries == 3


def test_a_second_writer_on_one_chain_cannot_take_the_same_seq(engine: Database) -> None:
    _write(engine, 1)
    with engine.begin() as conn:
        tip = audit.read_tip(conn, "ws-1")
    with pytest.raises(audit.ChainRace), engine.begin() as conn:
        audit.append(conn, [AuditEntry("view", "encounter", "e1")], workstation="ws-1",
                     tips={"ws-1": (tip[0] - 1, tip[1])})
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit_rec)).scalar_one() == 1


def test_cli_checkpoint_and_verify(tmp_path: Path, memory_keyring: Any,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run
    from app.store.db import open_database
    from app.store.migrate import upgrade

    url = f"sqlite:///{tmp_path}/migrated.db"
    db = open_database(url)
    upgrade(db)
    _write(db, 4)
    out = str(tmp_path / "cp.json")
    assert run(["audit", "checkpoint", "--url", url, "--out", out]) == 0
    assert run(["audit", "verify", "--url", url, "--checkpoint", out]) == 0
    assert "1 chains, 4 entries" in capsys.readouterr().out
    _attacker(db)
    with db.begin() as conn:
        conn.execute(delete(audit_rec).where(audit_rec.c.chain_seq == 4))
    db.dispose()
    capsys.readouterr()
    assert run(["audit", "verify", "--url", url]) == 0          # a cut tail: invisible alone
    assert run(["audit", "verify", "--url", url, "--checkpoint", out]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["audit chain ws-1 was cut: the checkpoint had 4 entries"]
    Path(out).write_text(Path(out).read_text().replace('"count": 4', '"count": 3'))
    assert run(["audit", "verify", "--url", url, "--checkpoint", out]) == 1
    assert "signature does not hold" in capsys.readouterr().err


def test_an_integrity_error_that_is_not_a_race_is_not_retried_forever(engine: Database) -> None:
    from app.errors import DatabaseError

    with pytest.raises(DatabaseError) as err:
        run_unit(engine, "ws-1", lambda uow: uow.audit(AuditEntry(
            "view", "encounter", "e1", staff_id="no-such-staff")))
    assert err.value.kind == "constraint"
