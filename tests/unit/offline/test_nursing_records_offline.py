"""A 危重护理记录 line through an outage: it runs on the ward's replica (the same handler and
checks), waits in the outbox, and replays once onto the server, where it is checked again; a
correction typed offline follows it in order."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain import nursing_records as nr
from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import nursing_records as rs
from app.services.nursing_rec_cmds import RecordNursingLine
from app.store.db import Database
from app.store.schema import nursing_rec
from tests import secret_service
from tests.unit.services import test_nursing_records as t

keyring_service = secret_service.keyring_fixture()


def test_a_line_is_queued_offline_and_replayed_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    from app.clock import utcnow

    now = utcnow()
    layer = OfflineLayer(tmp_path, "ward-nr", "pc-nr")
    assert layer.refresh(demo_engine, t.WARD) == 1
    first = RecordNursingLine(
        op_id=new_id(), actor_id=t.NURSE, device_time=now, encounter_id=t.ENC_12,
        record_id=new_id(), rec_type=nr.CRITICAL, recorded_at=now - timedelta(minutes=20),
        vitals={"pulse": Decimal(108), "sbp": Decimal(96), "dbp": Decimal(60)},
        consciousness="alert", intake=(nr.IOItem("iv", 200),), output=(nr.IOItem("urine", 90),),
        note="离线记录")
    fix = RecordNursingLine(
        op_id=new_id(), actor_id=t.NURSE, device_time=now, encounter_id=t.ENC_12,
        record_id=new_id(), rec_type=nr.CRITICAL, recorded_at=now - timedelta(minutes=20),
        vitals={"pulse": Decimal(108), "sbp": Decimal(96), "dbp": Decimal(60)},
        consciousness="alert", intake=(nr.IOItem("iv", 250),), output=(nr.IOItem("urine", 90),),
        note="离线记录", replaces_id=first.record_id, reason="入量更正")
    mine = {first.record_id, fix.record_id}
    with demo_engine.connect() as conn:
        base = rs.io_summary(conn, t.ENC_12, now - timedelta(minutes=20)).totals.intake
    layer.execute(first)                                   # the server is not asked
    layer.execute(fix)
    with layer._open()[0].connect() as local:
        shown = [x for x in rs.record_lines(local, t.ENC_12, nr.CRITICAL) if x.id in mine]
    assert [x.state for x in shown] == [rs.CORRECTED, rs.CURRENT]
    assert layer.queued() == 2
    with demo_engine.connect() as conn:
        assert conn.execute(select(nursing_rec.c.id)
                            .where(nursing_rec.c.id == first.record_id)).first() is None
    done = layer.replay(demo_engine)
    assert (done.applied, done.remaining) == (2, 0)
    assert layer.replay(demo_engine).applied == 0          # once
    layer.close()
    with demo_engine.connect() as conn:
        shown = [x for x in rs.record_lines(conn, t.ENC_12, nr.CRITICAL) if x.id in mine]
        io = rs.io_summary(conn, t.ENC_12, now - timedelta(minutes=20))
    assert [(x.id, x.state) for x in shown] == [(first.record_id, rs.CORRECTED),
                                                 (fix.record_id, rs.CURRENT)]
    assert shown[1].reason == "入量更正" and io.totals.intake == base + 250
