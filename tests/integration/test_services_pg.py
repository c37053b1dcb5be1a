"""The write path, audit and ward queries on a real PostgreSQL (the server the tests start)."""
from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from app.clock import utcnow
from app.errors import ConflictError
from app.ids import new_id
from app.services import auth
from app.services import commands as c
from app.services.audit import AuditEntry, verify_all
from app.services.demo_ids import demo_id
from app.services.handlers import execute
from app.services.uow import UnitOfWork
from app.services.ward import list_wards, ward_overview
from app.store.schema import allergy, audit_rec

pytestmark = pytest.mark.pg


@pytest.fixture
def db(seeded_pg: Any) -> Any:
    return seeded_pg


def test_seeded_ward_reads_in_two_round_trips(db: Any) -> None:
    statements: list[str] = []

    def before(*args: Any) -> None:
        statements.append(args[2])

    with db.connect() as conn:
        ward_id = list_wards(conn)[0].ward_id
        sa.event.listen(db.engine, "before_cursor_execute", before)
        try:
            cards = ward_overview(conn, ward_id)
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", before)
    assert len(cards) == 40 and sum(x.occupied for x in cards) == 32
    assert next(x for x in cards if x.bed_no == "12").acuity == "critical"
    assert "青霉素" in next(x for x in cards if x.bed_no == "5").allergies
    assert len(statements) <= 2


def test_login_and_lockout_on_the_server(db: Any) -> None:
    with db.connect() as conn:
        user = auth.authenticate(conn, "liming", "demo-doctor1", workstation="pg-ws")
        conn.commit()
    assert user.can("order.sign")


def test_workstations_and_racing_writers_keep_intact_chains(db: Any) -> None:
    """Three workstations write at once (three chains, no waiting on each other), and two
    writers of one workstation race for the same chain's next seq: every chain stays whole."""
    from app.services.write import run_unit

    errors: list[BaseException] = []

    def writer(name: str, tag: str) -> None:
        try:
            for i in range(15):
                run_unit(db, name, lambda uow, i=i: uow.audit(
                    AuditEntry("view", "encounter", f"{tag}-{i}")))
        except BaseException as exc:   # pragma: no cover - reported below
            errors.append(exc)

    jobs = [("ws0", "a"), ("ws1", "b"), ("ws2", "c"), ("ws2", "d")]
    threads = [threading.Thread(target=writer, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    with db.connect() as conn:
        reports = {r.chain_id: r for r in verify_all(conn)}
        seqs = conn.execute(select(audit_rec.c.chain_seq).where(audit_rec.c.chain_id == "ws2")
                            .order_by(audit_rec.c.chain_seq)).scalars().all()
    assert {k: (r.intact, r.entries) for k, r in reports.items() if k.startswith("ws")} == {
        "ws0": (True, 15), "ws1": (True, 15), "ws2": (True, 30)}
    assert seqs == list(range(1, 31))


def test_replay_applied_once_and_conflict_between_connections(db: Any) -> None:
    cmd = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liming"),
                          device_time=utcnow(), patient_id=demo_id("patient", 7),
                          allergy_id=new_id(), substance="碘造影剂")
    for _ in range(2):
        with UnitOfWork(db, workstation="pg-ws") as uow:
            execute(uow, cmd)
            uow.commit()
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(allergy)
                            .where(allergy.c.substance == "碘造影剂")).scalar_one() == 1
    enc = demo_id("encounter", 7)
    first = c.SetAcuity(op_id=new_id(), actor_id=demo_id("staff", "liming"),
                        device_time=utcnow(), encounter_id=enc, base_version=1,
                        acuity="serious")
    second = c.SetNursingGrade(op_id=new_id(), actor_id=demo_id("staff", "wangjg"),
                               device_time=utcnow(), encounter_id=enc, base_version=1,
                               nursing_grade=1)
    with UnitOfWork(db, workstation="a") as uow:
        execute(uow, first)
        uow.commit()
    with pytest.raises(ConflictError) as err, UnitOfWork(db, workstation="b") as uow:
        execute(uow, second)
    assert err.value.params["current_version"] == 2
