"""附材 on the real PostgreSQL: two PCs generating the same day at the same moment bind one set of
consumables, and two nurses sending to the pharmacy at once request each bound item (a per-day
留置针 included) once; the service tests' core on the server."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.errors import ValidationError
from app.ids import new_id
from app.services.pharmacy import SendToPharmacy
from app.services.plan_cmds import GeneratePlans
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import order_cons, preq_cons, preq_cons_item
from tests.integration.test_nurse_pg import NURSE, NURSE2, WARD, _offset, _race
from tests.unit.services import test_consumables as tc

pytestmark = pytest.mark.pg


def test_two_pcs_bind_once_and_two_nurses_request_each_consumable_once(seeded_pg: Database) -> None:
    today = utcnow().astimezone().date()

    def plan(pc: Database, ws: str) -> None:
        run_command(pc, ws, GeneratePlans(op_id=new_id(), actor_id=NURSE, device_time=utcnow(), ward_id=WARD,
                                          day=today, utc_offset_minutes=_offset()))

    assert _race(seeded_pg, [plan, plan, plan]) == []
    with seeded_pg.connect() as conn:
        doubled = conn.execute(select(order_cons.c.bind_key).group_by(order_cons.c.bind_key)
                               .having(func.count() > 1)).all()
        cannulas = conn.execute(select(func.count()).select_from(order_cons)
                                .where(order_cons.c.bind_key.like("day:%"))).scalar()
    assert doubled == [] and cannulas

    def send(actor: str) -> Any:
        def go(pc: Database, ws: str) -> None:
            now = utcnow()
            try:
                run_command(pc, ws, SendToPharmacy(op_id=new_id(), actor_id=actor, device_time=now,
                                                   ward_id=WARD, window_from=now - timedelta(days=1),
                                                   window_to=now + timedelta(days=1)))
            except ValidationError as exc:       # the other nurse sent everything first
                assert exc.message_id == "pharm.nothing_to_send"
        return go

    assert _race(seeded_pg, [send(NURSE), send(NURSE2)]) == []
    with seeded_pg.connect() as conn:
        requested = conn.execute(select(func.count()).select_from(preq_cons_item)).scalar()
        lines_total = conn.execute(select(func.coalesce(func.sum(preq_cons.c.n_items), 0))).scalar()
    assert requested and requested == lines_total      # every link once, and the lines add up


@pytest.fixture
def demo_engine(pg_url: str) -> Any:
    """The unit tests' demo ward (at their fixed clock) on PostgreSQL."""
    from tests.integration.conftest import seed_postgres
    from tests.unit.services.conftest import NOW

    seed_postgres(pg_url, now=NOW)
    db = open_database(pg_url)
    yield db
    db.dispose()


def test_binding_removal_and_the_request_on_the_server(demo_engine: Database) -> None:
    tc.test_an_iv_drip_gets_its_set_per_dose_and_one_cannula_a_day_once(demo_engine)


def test_a_removal_and_the_consumable_lines_on_the_server(demo_engine: Database) -> None:
    tc.test_the_nurse_removes_with_a_reason_and_adds_and_pharmacy_gets_the_rest(demo_engine)


def test_rules_on_the_server(demo_engine: Database) -> None:
    tc.test_rules_are_data_an_admin_adds_edits_and_retires(demo_engine)
