"""The nurse's verification queue and batch verify on the seeded demo ward (real SQLite)."""
from __future__ import annotations

import pytest

from app.domain import orders as od
from app.errors import NeedsAcknowledgement
from app.ids import new_id
from app.services.demo_ids import demo_id
from app.services.verification import (
    AcknowledgeVoid,
    VerifyOrders,
    queue_counts,
    verification_queue,
)
from app.services.write import run_command
from app.store.db import Database
from tests.unit.services import test_orders as t

NURSE = demo_id("staff", "liufang")


def queue(db: Database) -> list:  # type: ignore[type-arg]
    with db.connect() as conn:
        return verification_queue(conn, demo_id("ward"))


def test_the_queue_holds_new_changed_stopped_and_voided_orders_urgent_first(
        demo_engine: Database) -> None:
    st = t.draft(demo_engine, t.ENC_7, t.fields("呋塞米注射液 20mg", "C03CA01.02", "20", "mg", "iv",
                                                "st", term="temp"))
    t.sign(demo_engine, t.ENC_7, [st])
    returned = demo_id("order", 17, "ret1")                     # the demo's returned order, signed again
    t.sign(demo_engine, demo_id("encounter", 17), [returned])
    items = queue(demo_engine)
    kinds = {i.kind for i in items}
    assert kinds == {"new", "changed", "stop", "void"}
    assert items[0].order_id == st and items[0].urgent and items[0].bed_no == "7"
    assert {i.kind for i in items if i.order_id == returned} == {"changed"}
    assert all(i.mrn and i.patient_name for i in items)            # never the bed alone
    beds = [int(i.bed_no) for i in items if i.bed_no != "7"]
    assert beds == sorted(beds)                                    # grouped by patient, bed order
    counts = queue_counts_of(demo_engine)
    assert sum(counts.values()) == len(items) and counts[t.ENC_7] == sum(i.bed_no == "7" for i in items)


def queue_counts_of(db: Database) -> dict[str, int]:
    with db.connect() as conn:
        return queue_counts(conn, demo_id("ward"))


def test_a_void_after_verification_waits_until_a_nurse_has_seen_it(demo_engine: Database) -> None:
    voided = [i for i in queue(demo_engine) if i.kind == "void"]
    assert voided and voided[0].reason
    item = voided[0]
    run_command(demo_engine, "pc-n", AcknowledgeVoid(op_id=new_id(), actor_id=NURSE, device_time=t.NOW,
                                                     order_id=item.order_id, base_version=item.version))
    assert item.order_id not in {i.order_id for i in queue(demo_engine)}
    assert t.status(demo_engine, item.order_id) == od.VOIDED


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
