"""The nurse's verification queue and batch verify on the seeded demo ward (real SQLite)."""
from __future__ import annotations

import pytest

from app.domain import orders as od
from app.errors import NeedsAcknowledgement
from app.ids import new_id
from app.services.demo import demo_id
from app.services.verification import VerifyOrders, verification_queue
from app.services.write import run_command
from app.store.db import Database
from tests.unit.services import test_orders as t

NURSE = demo_id("staff", "liufang")


def queue(db: Database) -> list:  # type: ignore[type-arg]
    with db.connect() as conn:
        return verification_queue(conn, demo_id("ward"))


def test_the_queue_holds_new_and_stopped_orders_urgent_first(demo_engine: Database) -> None:
    st = t.draft(demo_engine, t.ENC_7, t.fields("呋塞米注射液 20mg", "C03CA01.02", "20", "mg", "iv",
                                                "st", term="temp"))
    t.sign(demo_engine, t.ENC_7, [st])
    items = queue(demo_engine)
    kinds = {i.kind for i in items}
    assert kinds == {"new", "stop"}
    assert items[0].order_id == st and items[0].urgent and items[0].bed_no == "7"
    assert all(i.mrn and i.patient_name for i in items)            # never the bed alone
    beds = [int(i.bed_no) for i in items if not i.urgent]
    assert beds == sorted(beds)


def test_a_batch_stops_on_a_high_alert_drug_until_its_second_look(demo_engine: Database) -> None:
    heparin = t.draft(demo_engine, t.ENC_7, t.fields("肝素钠注射液 5000U", "B01AB01.01", "5000", "U",
                                                     "ivvp", "q12h"))
    cef = t.draft(demo_engine, t.ENC_7, t.CEFTRIAXONE)
    t.sign(demo_engine, t.ENC_7, [heparin, cef])
    batch = (heparin, cef)
    versions = tuple(t.version(demo_engine, i) for i in batch)
    with pytest.raises(NeedsAcknowledgement) as err:
        run_command(demo_engine, "pc-n", VerifyOrders(op_id=new_id(), actor_id=NURSE,
                                                      device_time=t.NOW, order_ids=batch,
                                                      base_versions=versions))
    assert err.value.params["orders"] == [heparin]
    assert t.status(demo_engine, cef) == od.SUBMITTED             # nothing verified half-way
    run_command(demo_engine, "pc-n", VerifyOrders(op_id=new_id(), actor_id=NURSE, device_time=t.NOW,
                                                  order_ids=batch, base_versions=versions,
                                                  high_alert_confirmed=(heparin,)))
    assert t.status(demo_engine, heparin) == t.status(demo_engine, cef) == od.ACTIVE
    assert not {heparin, cef} & {i.order_id for i in queue(demo_engine)}
