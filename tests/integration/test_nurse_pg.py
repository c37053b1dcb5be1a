"""The nurse side on the real PostgreSQL: two PCs generating the same day plan each dose once,
two nurses executing the same item at the same moment keep both facts (the second flagged as a
duplicate for review), and the service tests' core (queue, execution, skin test) on the server."""
from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import new_id
from app.services.demo_ids import demo_id
from app.services.execution import RecordExecution, execution_day
from app.services.plan_cmds import GeneratePlans
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import order_exec, order_exec_plan
from tests.unit.services import test_execution as te
from tests.unit.services import test_verification as tv

pytestmark = pytest.mark.pg

WARD, NURSE, NURSE2 = demo_id("ward"), demo_id("staff", "liufang"), demo_id("staff", "zhaoli")


def _offset() -> int:
    return int(utcnow().astimezone().utcoffset().total_seconds() // 60)  # type: ignore[union-attr]


def _race(db: Database, work: list[Any]) -> list[BaseException]:
    """Each callable on its own workstation (its own Database), released at the same moment."""
    url = db.url.render_as_string(hide_password=False)
    pcs = [open_database(url) for _ in work]
    barrier = threading.Barrier(len(work))
    errors: list[BaseException] = []

    def run(pc: Database, fn: Any, n: int) -> None:
        barrier.wait()
        try:
            fn(pc, f"pc{n}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(pc, fn, n)) for n, (pc, fn) in enumerate(zip(pcs, work))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    for pc in pcs:
        pc.dispose()
    return errors


def test_two_pcs_plan_the_same_day_once_and_two_nurses_record_the_same_item(seeded_pg: Database) -> None:
    today = utcnow().astimezone().date()

    def plan(pc: Database, ws: str) -> None:
        run_command(pc, ws, GeneratePlans(op_id=new_id(), actor_id=NURSE, device_time=utcnow(), ward_id=WARD,
                                          day=today, utc_offset_minutes=_offset()))

    assert _race(seeded_pg, [plan, plan]) == []
    with seeded_pg.connect() as conn:
        doubled = conn.execute(select(order_exec_plan.c.order_id, order_exec_plan.c.planned_at)
                               .group_by(order_exec_plan.c.order_id, order_exec_plan.c.planned_at)
                               .having(func.count() > 1)).all()
        items = execution_day(conn, WARD, today, _offset(), utcnow()).items
    assert doubled == []
    item = next(i for i in items if i.state == "planned" and not i.second_needed and not i.blocked
                and len(i.plan_ids) == 1)
    at = max(utcnow() - timedelta(minutes=1), item.planned_at)
    at = min(at, utcnow())

    def execute(actor: str) -> Any:
        def go(pc: Database, ws: str) -> None:
            run_command(pc, ws, RecordExecution(op_id=new_id(), actor_id=actor, device_time=utcnow(),
                                                fact_id=new_id(), plan_id=item.plan_id, kind="done", at=at,
                                                patient_mrn=item.mrn))
        return go

    assert _race(seeded_pg, [execute(NURSE), execute(NURSE2)]) == []
    with seeded_pg.connect() as conn:
        rows = conn.execute(select(order_exec.c.done_by, order_exec.c.is_duplicate)
                            .where(order_exec.c.plan_id == item.plan_id)).all()
    assert len(rows) == 2 and sorted(bool(r.is_duplicate) for r in rows) == [False, True]
    assert {r.done_by for r in rows} == {NURSE, NURSE2}


@pytest.fixture
def demo_engine(pg_url: str) -> Any:
    """The unit tests' demo ward (at their fixed clock) on PostgreSQL."""
    from tests.integration.conftest import seed_postgres
    from tests.unit.services.conftest import NOW

    seed_postgres(pg_url, now=NOW)
    db = open_database(pg_url)
    yield db
    db.dispose()


def test_the_queue_on_the_server(demo_engine: Database) -> None:
    tv.test_the_queue_holds_new_changed_stopped_and_voided_orders_urgent_first(demo_engine)


def test_execution_facts_and_corrections_on_the_server(demo_engine: Database) -> None:
    te.test_an_execution_is_a_fact_and_a_correction_voids_it(demo_engine)


def test_a_positive_skin_test_blocks_the_drug_on_the_server(demo_engine: Database) -> None:
    te.test_a_positive_skin_test_is_an_allergy_and_blocks_the_drug(demo_engine)
