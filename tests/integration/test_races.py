"""Races a hospital has every day, run for real: two workstations filling one free bed, ten wrong
passwords at once, two SQLite writers. Each workstation is its own Database (its own pool and
connections), on SQLite and on the PostgreSQL the tests start."""
from __future__ import annotations

import random
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.errors import AuthError, ConflictError
from app.ids import new_id
from app.services import auth
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.write import run_command, run_unit
from app.store.db import Database, open_database
from app.store.schema import audit_rec, bed, encounter, staff

HEAD_NURSE = demo_id("staff", "sunmin")
ROUNDS = 25


@pytest.fixture(scope="module")
def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.services.demo_db import ensure_demo_database

    path = tmp_path_factory.mktemp("race") / "demo.sqlite"
    ensure_demo_database(path).dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def urls(request: Any, tmp_path: Path) -> Iterator[str]:
    """A fresh seeded database; yields its URL (each workstation opens its own Database)."""
    if request.param == "sqlite":
        import shutil

        path = tmp_path / "ward.sqlite"
        shutil.copy(request.getfixturevalue("seeded_sqlite"), path)
        yield f"sqlite:///{path}"
        return
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store.migrate import upgrade

    url = request.getfixturevalue("pg_url")
    db = open_database(url, call_timeout=120)
    upgrade(db)
    with db.begin() as conn:
        load_all(conn)
        seed_demo(conn)
    db.dispose()
    yield url


def _at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released together; each result or exception, in order."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, fn: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _ward_state(db: Database) -> tuple[list[tuple[str, int]], set[str]]:
    """Admitted stays with their versions, and the free beds."""
    with db.connect() as conn:
        stays = [(r.id, int(r.version), r.bed_id) for r in conn.execute(
            select(encounter.c.id, encounter.c.version, encounter.c.bed_id)
            .where(encounter.c.status == "admitted"))]
        beds = set(conn.execute(select(bed.c.id).where(bed.c.is_active == True)).scalars())  # noqa: E712
    return [(s[0], s[1]) for s in stays], beds - {s[2] for s in stays}


def test_two_workstations_cannot_put_two_patients_in_one_bed(urls: str) -> None:
    ws_a, ws_b = open_database(urls), open_database(urls)
    rng = random.Random(7)
    winners = 0
    try:
        for _ in range(ROUNDS):
            stays, free = _ward_state(ws_a)
            (enc_a, ver_a), (enc_b, ver_b) = rng.sample(stays, 2)
            target = rng.choice(sorted(free))

            def move(db: Database, enc: str, ver: int, ws: str, bed_id: str) -> Any:
                return run_command(db, ws, c.MoveBed(
                    op_id=new_id(), actor_id=HEAD_NURSE, device_time=utcnow(), encounter_id=enc,
                    base_version=ver, to_bed_id=bed_id, move_id=new_id()))

            a = (ws_a, enc_a, ver_a, "ws-a", target)
            b = (ws_b, enc_b, ver_b, "ws-b", target)
            outcome = _at_once(lambda a=a: move(*a), lambda b=b: move(*b))
            moved = [r for r in outcome if not isinstance(r, Exception)]
            refused = [r for r in outcome if isinstance(r, Exception)]
            assert len(moved) == 1, outcome
            assert isinstance(refused[0], ConflictError), refused
            assert refused[0].message_id == "bed.occupied"
            winners += 1
            with ws_a.connect() as conn:
                assert conn.execute(select(func.count()).select_from(encounter)
                                    .where(encounter.c.bed_id == target)
                                    .where(encounter.c.status == "admitted")).scalar_one() == 1
        with ws_a.connect() as conn:
            doubled = conn.execute(select(encounter.c.bed_id).where(encounter.c.status == "admitted")
                                   .group_by(encounter.c.bed_id)
                                   .having(func.count() > 1)).all()
        assert doubled == [] and winners == ROUNDS
    finally:
        ws_a.dispose()
        ws_b.dispose()


def _attempt(db: Database, login: str, password: str, ws: str) -> Any:
    return run_unit(db, ws, lambda uow: auth.authenticate(uow.conn, login, password, workstation=ws),
                    commit_on_error=True)


def test_simultaneous_wrong_passwords_all_count_and_lock(urls: str) -> None:
    pcs = [open_database(urls) for _ in range(10)]
    try:
        outcome = _at_once(*[lambda db=db, i=i: _attempt(db, "zhaoli", f"guess-{i}", f"pc{i}")
                             for i, db in enumerate(pcs)])
        assert all(isinstance(r, AuthError) for r in outcome), outcome
        assert any(r.message_id == "auth.locked" for r in outcome)
        with pcs[0].connect() as conn:
            row = conn.execute(select(staff.c.failed_logins, staff.c.locked_until)
                               .where(staff.c.login_name == "zhaoli")).one()
            failed = conn.execute(select(func.count()).select_from(audit_rec)
                                  .where(audit_rec.c.action == "login_failed")).scalar_one()
        assert row.locked_until is not None and row.locked_until > utcnow()
        assert failed == 10                    # every attempt audited
        with pytest.raises(AuthError, match=r"auth\.locked"):
            _attempt(pcs[0], "zhaoli", "demo-nurse1", "pc0")     # even the right password
    finally:
        for db in pcs:
            db.dispose()


def test_a_locked_account_answers_as_slowly_as_a_wrong_password(urls: str) -> None:
    db = open_database(urls)
    try:
        def timed(login: str, password: str) -> float:
            start = time.perf_counter()
            with pytest.raises(AuthError):
                _attempt(db, login, password, "pc-t")
            return time.perf_counter() - start

        wrong = [timed("liufang", "wrong-1") for _ in range(3)]
        for _ in range(3):
            timed("liufang", "wrong-2")                     # fifth failure: locked
        locked = [timed("liufang", "wrong-3") for _ in range(4)]
        unknown = [timed("nobody-here", "wrong-4") for _ in range(3)]
    finally:
        db.dispose()
    # argon2 costs ~100-200 ms; a shortcut for locked accounts answered in a few ms.
    assert statistics.median(locked) > 0.5 * statistics.median(wrong)
    assert statistics.median(unknown) > 0.5 * statistics.median(wrong)


def test_two_sqlite_writers_queue_instead_of_failing(seeded_sqlite: Path, tmp_path: Path) -> None:
    """BEGIN IMMEDIATE: the second writer waits on the busy timeout for the first's commit."""
    import shutil

    path = tmp_path / "w.sqlite"
    shutil.copy(seeded_sqlite, path)
    a, b = open_database(f"sqlite:///{path}"), open_database(f"sqlite:///{path}")
    try:
        def allergy(db: Database, n: int) -> Any:
            results = []
            for i in range(15):
                results.append(run_command(db, f"pc{n}", c.RecordAllergy(
                    op_id=new_id(), actor_id=demo_id("staff", "liming"), device_time=utcnow(),
                    patient_id=demo_id("patient", 3 + 2 * n), allergy_id=new_id(),
                    substance=f"药物{n}-{i}")))
            return results

        outcome = _at_once(lambda: allergy(a, 1), lambda: allergy(b, 2))
        assert not any(isinstance(r, Exception) for r in outcome), outcome
    finally:
        a.dispose()
        b.dispose()
