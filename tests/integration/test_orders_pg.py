"""The core of the order lifecycle on the real PostgreSQL (tests/unit/services/test_orders.py has
the whole of it on SQLite): a grouped infusion signed and stopped as one, a high alert signed
with its reason, two users on one order, and two workstations signing the same drafts at once."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain import orders as od
from app.errors import ConflictError, NeedsAcknowledgement
from app.ids import new_id
from app.services import order_commands as oc
from app.store.db import Database, open_database
from app.store.schema import order_event, order_override
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_orders as t

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url, now=t.NOW)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_group_override_and_conflict_on_the_server(db: Database) -> None:
    a, b = t.draft(db, t.ENC_7, t.SALINE), t.draft(db, t.ENC_7, t.CEFTRIAXONE)
    t.run_command(db, t.WS, oc.GroupDrafts(
        op_id=new_id(), actor_id=t.DOCTOR, device_time=t.NOW, encounter_id=t.ENC_7,
        group_id=new_id(), order_ids=(a, b), base_versions=(t.version(db, a), t.version(db, b))))
    t.sign(db, t.ENC_7, [a, b])
    t.act(db, oc.VerifyOrder, a, t.NURSE)
    seen = t.version(db, b)
    t.act(db, oc.StopOrder, b, t.DOCTOR, stop_at=t.NOW + t.timedelta(days=1))
    assert t.status(db, a) == t.status(db, b) == od.STOP_PENDING
    with pytest.raises(ConflictError):
        t.run_command(db, t.WS, oc.ConfirmStop(op_id=new_id(), actor_id=t.NURSE, device_time=t.NOW,
                                               order_id=b, base_version=seen))
    penicillin = t.draft(db, t.ENC_5, t.fields("注射用青霉素钠 480万U", "J01CE01.03", "480", "万U",
                                               "ivgtt", "bid"))
    with pytest.raises(NeedsAcknowledgement) as err:
        t.sign(db, t.ENC_5, [penicillin])
    reasons = tuple(oc.OverrideReason(penicillin, x["category"], tuple(x["related"]), "senior_confirmed")
                    for x in err.value.params["alerts"])
    t.sign(db, t.ENC_5, [penicillin], overrides=reasons)
    with db.connect() as conn:
        kept = conn.execute(select(func.count()).select_from(order_override)
                            .where(order_override.c.order_id == penicillin)).scalar_one()
    assert kept == len(reasons) >= 1


def test_two_workstations_signing_the_same_drafts_sign_them_once(db: Database) -> None:
    ids = [t.draft(db, t.ENC_7, t.CEFTRIAXONE) for _ in range(3)]
    versions = tuple(t.version(db, i) for i in ids)
    other = open_database(db.url.render_as_string(hide_password=False))
    barrier = threading.Barrier(2)
    results: list[Any] = []

    def sign_from(database: Database, ws: str) -> None:
        cmd = oc.SignOrders(op_id=new_id(), actor_id=t.DOCTOR, device_time=t.NOW,
                            encounter_id=t.ENC_7, order_ids=tuple(ids), base_versions=versions)
        barrier.wait()
        try:
            results.append(t.run_command(database, ws, cmd))
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=sign_from, args=(d, w)) for d, w in ((db, "pc-a"), (other, "pc-b"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    other.dispose()
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(results) == 2 and len(refused) == 1, results
    assert isinstance(refused[0], ConflictError)
    with db.connect() as conn:
        signed = conn.execute(select(func.count()).select_from(order_event)
                              .where(order_event.c.order_id.in_(ids))
                              .where(order_event.c.to_status == od.SUBMITTED)).scalar_one()
    assert signed == 3
