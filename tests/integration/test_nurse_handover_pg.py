"""护士交接班 on the real PostgreSQL (migrated with Alembic): the service tests' scenarios
(tests/unit/services/test_nurse_handover.py) on the server, and two nurses on two PCs starting the
same shift's report at the same moment: one report (the UNIQUE key), the other nurse told."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError
from app.ids import new_id
from app.services import nurse_handover_cmds as hc
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import nurse_handover
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_nurse_handover as t

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url, now=t.NOW)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_counts_of_a_constructed_shift(db: Database) -> None:
    t.scenario_counts_of_a_constructed_shift(db)


def test_a_disagreeing_report_must_be_explained(db: Database) -> None:
    t.scenario_a_disagreeing_report_is_shown_and_must_be_explained(db)


def test_signed_by_two_different_nurses(db: Database) -> None:
    t.scenario_signed_by_two_different_nurses(db)


def test_two_nurses_saving_the_same_draft(db: Database) -> None:
    t.scenario_two_nurses_saving_the_same_draft(db)


def test_two_pcs_start_the_same_shift_at_once(db: Database) -> None:
    url = db.url.render_as_string(hide_password=False)
    pcs = [open_database(url) for _ in range(2)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def start(pc: Database, actor: str) -> None:
        cmd = hc.SaveHandoverDraft(op_id=new_id(), actor_id=actor, device_time=t.NOW,
                                   handover_id=new_id(), ward_id=t.WARD, shift_date=t.DAY,
                                   shift_code="day", entries=(), explanation="")
        barrier.wait()
        try:
            run_command(pc, f"pc-{actor[:4]}", cmd, now=t.NOW)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(pc, who)) for pc, who in zip(pcs, (t.LIUFANG, t.ZHAOLI))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    for pc in pcs:
        pc.dispose()
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), errors
    with db.connect() as conn:
        count: Any = conn.execute(select(func.count()).select_from(nurse_handover)
                                  .where(nurse_handover.c.shift_code == "day")).scalar_one()
    assert count == 1
