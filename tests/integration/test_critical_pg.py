"""危急值 on the real PostgreSQL (migrated with Alembic): the service tests' scenarios
(tests/unit/services/test_critical.py) on the server, the same result sent twice at the same
moment (one alert: the UNIQUE key), and two nurses on two PCs acknowledging the same value at
once: it is taken once, the other nurse told, one audit record of the acknowledgement."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError, ValidationError
from app.services import critical as cv
from app.store.db import Database, open_database
from app.store.schema import audit_rec, crit_value, lab_result
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_critical as t

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url, now=t.NOW)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_reported_value_reaches_the_ward(db: Database) -> None:
    t.test_a_reported_value_alerts_the_ward_through_the_change_sequence(db)


def test_acknowledged_once_with_whom_she_told(db: Database) -> None:
    t.test_the_nurse_acknowledges_once_with_whom_she_told_audited(db)


def test_deadlines_in_the_time_limit_list(db: Database) -> None:
    t.test_both_deadlines_join_the_time_limit_list_until_met(db)


def _at_once(db: Database, actions: list[Callable[[Database], Any]]) -> tuple[list[Any], list[BaseException]]:
    url = db.url.render_as_string(hide_password=False)
    pcs = [open_database(url) for _ in actions]
    barrier = threading.Barrier(len(actions))
    results: list[Any] = []
    errors: list[BaseException] = []

    def run(pc: Database, action: Callable[[Database], Any]) -> None:
        barrier.wait()
        try:
            results.append(action(pc))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(pc, a)) for pc, a in zip(pcs, actions)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    for pc in pcs:
        pc.dispose()
    return results, errors


def test_the_same_result_sent_twice_at_once_is_one_alert(db: Database) -> None:
    results, errors = _at_once(db, [lambda pc: t.report(pc, ref="LIS-RACE")] * 2)
    assert errors == [] and len(set(results)) == 1
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(crit_value)).scalar_one() == 1
        results_rows = conn.execute(select(func.count()).select_from(lab_result)
                                    .where(lab_result.c.encounter_id == t.ENC_1)
                                    .where(lab_result.c.test_code == "K")
                                    .where(lab_result.c.abnormal == "HH")).scalar_one()
    assert results_rows == 1                               # the loser's result row went with it


def test_two_nurses_acknowledging_at_once(db: Database) -> None:
    alert_id = t.report(db)
    results, errors = _at_once(db, [lambda pc: t.ack(pc, alert_id, actor=t.LIUFANG, told="张伟"),
                                    lambda pc: t.ack(pc, alert_id, actor=t.ZHAOLI, told="李明")])
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], (ConflictError, ValidationError)), errors
    with db.connect() as conn:
        seen = cv.get(conn, alert_id)
        updates = conn.execute(select(func.count()).select_from(audit_rec)
                               .where(audit_rec.c.entity == "critical")
                               .where(audit_rec.c.entity_id == alert_id)
                               .where(audit_rec.c.action == "update")).scalar_one()
    assert seen is not None and seen.status == cv.ACKED and updates == 1
    assert (seen.ack_by_name, seen.told_name) in (("刘芳", "张伟"), ("赵丽", "李明"))
