"""Execution plans of a ward day through the write path: every live order's dose times, once,
however often (and from however many PCs) the day is generated; a stop cancels later items."""
from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import new_id
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.plan_cmds import GeneratePlans
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import order_exec_plan
from tests.unit.services import test_orders as t

NURSE = demo_id("staff", "liufang")


def generate(db: Database, ws: str = "pc-n", day_offset: int = 0) -> Any:
    now = utcnow()
    offset = int(now.astimezone().utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    return run_command(db, ws, GeneratePlans(
        op_id=new_id(), actor_id=NURSE, device_time=now, ward_id=demo_id("ward"),
        day=(now.astimezone() + timedelta(days=day_offset)).date(), utc_offset_minutes=offset))


def items(db: Database, order_id: Any = None) -> int:
    stmt = select(func.count()).select_from(order_exec_plan).where(order_exec_plan.c.status == "planned")
    if order_id is not None:
        stmt = stmt.where(order_exec_plan.c.order_id == order_id)
    with db.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def test_a_day_is_planned_once_and_a_stop_cancels_later_items(demo_engine: Database) -> None:
    history = items(demo_engine)                      # the demo's own plan items (issue 13)
    first = generate(demo_engine, day_offset=1)       # tomorrow: every live long order's times
    planned = items(demo_engine)
    assert planned - history > 30 and len(first.ids) == planned - history
    again = generate(demo_engine, day_offset=1)
    assert items(demo_engine) == planned and not again.ids
    oid = t.draft(demo_engine, t.ENC_7, t.fields("注射用头孢曲松钠 2g", "J01DD04.02", "2", "g",
                                                 "ivgtt", "bid"))
    t.sign(demo_engine, t.ENC_7, [oid])
    t.act(demo_engine, oc.VerifyOrder, oid, NURSE)
    generate(demo_engine, day_offset=1)
    assert items(demo_engine, oid) == 2
    t.act(demo_engine, oc.StopOrder, oid, t.DOCTOR, stop_at=utcnow() + timedelta(minutes=5))
    t.act(demo_engine, oc.ConfirmStop, oid, NURSE)
    assert items(demo_engine, oid) == 0                # tomorrow's doses of a stopped order


def test_two_pcs_generating_at_once_plan_each_dose_once(demo_engine: Database) -> None:
    url = demo_engine.url.render_as_string(hide_password=False)
    pcs = [open_database(url) for _ in range(3)]
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def run(db: Database, n: int) -> None:
        barrier.wait()
        try:
            generate(db, f"pc{n}", day_offset=1)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(db, n)) for n, db in enumerate(pcs)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    for db in pcs:
        db.dispose()
    assert not errors
    with demo_engine.connect() as conn:
        doubled = conn.execute(select(order_exec_plan.c.order_id, order_exec_plan.c.planned_at)
                               .group_by(order_exec_plan.c.order_id, order_exec_plan.c.planned_at)
                               .having(func.count() > 1)).all()
    assert doubled == [] and items(demo_engine) > 30
