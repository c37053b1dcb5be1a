"""The batched replay on the real PostgreSQL: the same queue replayed in batches and sent one
command at a time through the online write path leaves the server in the same state (rows,
refusals, conflicts, op records); a batch costs a few round trips whatever its length."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.errors import WardStationError
from app.offline.outbox import APPLIED, CONFLICT, REJECTED, Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import allergy, applied_op, encounter, med_order
from tests import secret_service
from tests.integration.conftest import seed_postgres
from tests.netfault import FreezableProxy
from tests.pg import PgServer
from tests.unit.services import test_orders as t

DOCTOR, INTERN = demo_id("staff", "liming"), demo_id("staff", "chenxiao")
NURSE = demo_id("staff", "liufang")
AT = datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)


def _id(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_OID, "offline-test:" + ":".join(map(str, parts))))


def _allergy(n: int, bed: int, substance: str, actor: str = NURSE, **kw: Any) -> c.RecordAllergy:
    return c.RecordAllergy(op_id=_id("op", n), actor_id=actor, device_time=AT,
                           patient_id=kw.pop("patient_id", demo_id("patient", bed)),
                           allergy_id=kw.pop("allergy_id", _id("allergy", n)), substance=substance,
                           **kw)


def _existing_substance(db: Database, bed: int) -> str:
    with db.connect() as conn:
        return str(conn.execute(select(allergy.c.substance)
                                .where(allergy.c.patient_id == demo_id("patient", bed))
                                .where(allergy.c.status == "active")).scalars().first())


def _queue(db: Database) -> list[c.Command]:
    """A ward's morning offline: allergies on many patients with every kind of refusal among
    them, interleaved with acuity changes (some stale, some not allowed) and an order drafted
    then signed; several commands of one patient in a row, in an order that matters."""
    cmds: list[c.Command] = []
    bed5 = _existing_substance(db, 5)
    for n in range(120):
        bed = (1, 2, 3, 5, 6, 7, 8, 9)[n % 8]
        cmds.append(_allergy(n, bed, f"离线药物{n // 3}"))        # every 2nd/3rd: a duplicate
        if n % 29 == 0:
            cmds.append(c.SetAcuity(op_id=_id("acuity", n), actor_id=DOCTOR, device_time=AT,
                                    encounter_id=demo_id("encounter", bed), base_version=1,
                                    acuity="serious"))
    cmds += [
        _allergy(200, 5, bed5),                                       # already on the server
        _allergy(201, 7, "   "),                                      # nothing typed
        _allergy(202, 7, "碘造影剂", severity="fatal"),                 # no such severity
        _allergy(203, 7, "头孢类", patient_id=_id("nobody")),           # no such patient
        _allergy(204, 7, "乳胶", actor=demo_id("staff", "zhouqiang")),  # admin: not allowed
        _allergy(205, 7, "花粉", actor=_id("unknown-staff")),           # nobody known
        _allergy(206, 7, "海鲜", allergy_id=_id("allergy", 3)),         # key already used
        c.SetAcuity(op_id=_id("acuity-stale"), actor_id=DOCTOR, device_time=AT,
                    encounter_id=t.ENC_7, base_version=99, acuity="critical"),
        c.SetAcuity(op_id=_id("acuity-intern"), actor_id=INTERN, device_time=AT,
                    encounter_id=t.ENC_7, base_version=1, acuity="critical"),
        oc.SaveDraft(op_id=_id("draft"), actor_id=DOCTOR, device_time=AT, encounter_id=t.ENC_7,
                     order_id=_id("order"), base_version=0, fields=t.CEFTRIAXONE),
        oc.SignOrders(op_id=_id("sign"), actor_id=DOCTOR, device_time=AT, encounter_id=t.ENC_7,
                      order_ids=(_id("order"),), base_versions=(1,)),
    ]
    cmds += [_allergy(300 + n, 9, f"离线尾{n}") for n in range(30)]
    return cmds


def _server_state(db: Database) -> dict[str, Any]:
    with db.connect() as conn:
        return {
            "allergy": sorted(tuple(r) for r in conn.execute(select(
                allergy.c.id, allergy.c.patient_id, allergy.c.substance, allergy.c.severity,
                allergy.c.status, allergy.c.recorded_by, allergy.c.version)).all()),
            "encounter": sorted(tuple(r) for r in conn.execute(select(
                encounter.c.id, encounter.c.acuity, encounter.c.version)).all()),
            "orders": sorted(tuple(r) for r in conn.execute(select(
                med_order.c.id, med_order.c.status, med_order.c.version)).all()),
            "ops": sorted(tuple(r) for r in conn.execute(select(
                applied_op.c.op_id, applied_op.c.outcome, applied_op.c.reason)).all()),
        }


@pytest.fixture
def two_wards(pg_server: PgServer) -> Any:
    dbs = []
    for _ in range(2):
        url = pg_server.url(pg_server.create_database())
        seed_postgres(url, now=AT)
        dbs.append(open_database(url))
    yield dbs
    for db in dbs:
        db.dispose()


def test_a_batched_replay_leaves_the_server_as_the_one_by_one_write_path(
        two_wards: list[Database], tmp_path: Path) -> None:
    batched, single = two_wards
    cmds = _queue(batched)
    box = Outbox(tmp_path / "outbox.sqlite")
    for cmd in cmds:
        box.enqueue(cmd)
    report = replay(box, batched, "pc-off", batch=40)       # runs split across batches too
    refused: dict[str, str] = {}
    for cmd in cmds:
        try:
            run_command(single, "pc-off", cmd)
        except WardStationError as err:
            refused[cmd.op_id] = err.message_id
    a, b = _server_state(batched), _server_state(single)
    assert a["allergy"] == b["allergy"]
    assert a["encounter"] == b["encounter"]
    assert a["orders"] == b["orders"]
    # One difference, on purpose: a command the server refuses by a constraint (a key already
    # used) is settled "rejected" on record by the replay, which must not stall the queue on it.
    kept = (_id("op", 206), REJECTED, "db.constraint")
    assert a["ops"] == sorted(b["ops"] + [kept])
    assert report.remaining == 0 and report.stopped_by is None
    assert report.applied + report.rejected + report.conflicts == len(cmds)
    assert report.rejected + report.conflicts == len(refused)
    settled = {q.op_id: q.reason for state in (REJECTED, CONFLICT) for q in box.settled(state)}
    assert settled == refused
    assert refused[_id("op", 200)] == "allergy.duplicate"
    assert refused[_id("op", 204)] == "perm.denied"
    assert refused[_id("op", 206)] == "db.constraint"
    assert [q.op_id for q in box.settled(CONFLICT)] == [_id("acuity-stale")]
    assert t.status(batched, _id("order")) == "submitted"    # drafted then signed, in order
    # Replayed again (the PC lost its answers): nothing runs twice, every outcome as it was.
    for cmd in cmds:
        box.settle(cmd.op_id, "queued")
    again = replay(box, batched, "pc-off")
    assert (again.applied, again.rejected, again.conflicts) == (
        report.applied, report.rejected, report.conflicts)
    assert _server_state(batched) == a


def test_a_batch_costs_a_few_round_trips_whatever_its_length(
        two_wards: list[Database], tmp_path: Path) -> None:
    db = two_wards[0]
    url = make_url(db.url.render_as_string(hide_password=False))
    with FreezableProxy(int(url.port or 5432)) as proxy:
        via = open_database(url.set(host="127.0.0.1", port=proxy.port)
                            .render_as_string(hide_password=False))
        box = Outbox(tmp_path / "outbox.sqlite")
        for n in range(1000):
            box.enqueue(_allergy(n, (1, 2, 3, 5, 6, 7, 8, 9)[n % 8], f"批量{n}"))
        proxy.reset_counts()
        report = replay(box, via, "pc-off", batch=500)
        trips = proxy.counts().query_round_trips
        via.dispose()
    assert report.applied == 1000 and box.counts()[APPLIED] == 1000
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(allergy)
                            .where(allergy.c.substance.like("批量%"))).scalar_one() == 1000
    assert trips <= 2 * 16, f"{trips} round trips for 2 batches of 500"


keyring_service = secret_service.keyring_fixture()


def test_through_an_outage_the_same_command_runs_on_the_replica_queued_and_replays_once(
        keyring_service: Any, two_wards: list[Database], tmp_path: Path) -> None:
    from app.errors import OfflineError
    from app.offline.mode import OfflineLayer

    db = two_wards[0]
    url = make_url(db.url.render_as_string(hide_password=False))
    ward = demo_id("ward")
    with FreezableProxy(int(url.port or 5432)) as proxy:
        server = open_database(url.set(host="127.0.0.1", port=proxy.port)
                               .render_as_string(hide_password=False),
                               call_timeout=1.5, connect_timeout=1.5)
        layer = OfflineLayer(tmp_path, "ward-pg", "pc-ward")
        assert layer.refresh(server, ward) == 1                   # the first snapshot
        cmd = _allergy(900, 7, "停电时的过敏")
        proxy.freeze()                                            # the server stops answering
        with pytest.raises(OfflineError):
            run_command(server, "pc-ward", cmd)
        layer.execute(cmd)                                        # the same handler, locally
        with pytest.raises(WardStationError):                     # refused locally: not queued
            layer.execute(_allergy(901, 7, "停电时的过敏"))
        assert layer.queued() == 1
        assert layer.as_of() is not None
        proxy.thaw()
        report = layer.replay(server)
        assert (report.applied, report.remaining) == (1, 0)
        assert layer.replay(server).applied == 0
        layer.close()
        server.dispose()
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(allergy)
                            .where(allergy.c.substance == "停电时的过敏")).scalar_one() == 1
