"""护士交接班 through an outage: the hand-over runs on the ward's replica (the same handler, the
counts computed from the replica's copy of the ward), waits in the outbox, and replays once onto
the server, where the counts are computed again from the server's data; then the next nurse
receives it offline too."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import nurse_handover as nh
from app.services import nurse_handover_cmds as hc
from app.store.db import Database
from app.store.schema import nurse_handover
from tests import secret_service
from tests.unit.services import test_nurse_handover as t

keyring_service = secret_service.keyring_fixture()


def test_the_hand_over_is_queued_offline_and_replayed_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    layer = OfflineLayer(tmp_path, "ward-ho", "pc-ho")
    assert layer.refresh(demo_engine, t.WARD) == 1                 # the replica of the ward
    with demo_engine.connect() as conn:
        report = nh.shift_report(conn, t.WARD, t.NOW, t.DAY, "day", as_of=t.NOW)
    assert report.holds and report.counts["current"] == 32
    handover_id = new_id()
    hand = hc.HandOverShift(op_id=new_id(), actor_id=t.LIUFANG, device_time=t.NOW,
                            handover_id=handover_id, ward_id=t.WARD, shift_date=t.DAY,
                            shift_code="day", entries=t._entries(report))
    layer.execute(hand)                                            # the server is not asked
    with layer._open()[0].connect() as local:
        row = local.execute(select(nurse_handover.c.status, nurse_handover.c.counts)
                            .where(nurse_handover.c.id == handover_id)).one()
    assert row.status == "handed" and row.counts["current"] == 32 and row.counts["holds"] is True
    receive = hc.ReceiveHandover(op_id=new_id(), actor_id=t.ZHAOLI, device_time=t.NOW,
                                 handover_id=handover_id, base_version=1)
    layer.execute(receive)
    assert layer.queued() == 2
    with demo_engine.connect() as conn:
        assert conn.execute(select(nurse_handover.c.id)
                            .where(nurse_handover.c.shift_code == "day")).first() is None   # not yet
    done = layer.replay(demo_engine)
    assert (done.applied, done.remaining) == (2, 0)
    assert layer.replay(demo_engine).applied == 0                  # once
    layer.close()
    with demo_engine.connect() as conn:
        saved = nh.shift_report(conn, t.WARD, t.NOW, t.DAY, "day").saved
    assert saved is not None and saved.status == nh.RECEIVED
    assert saved.handed_name == "刘芳" and saved.received_name == "赵丽"
    assert saved.counts is not None and saved.counts["current"] == 32 and saved.counts["original"] == 32
    assert len(saved.entries) == len(report.patients)
