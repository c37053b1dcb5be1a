"""A referral made and sent while the server is away: the same handler on the encrypted replica
(the member institutions, the stay's record and the exchange settings are copied there), the
command queued in the same transaction; replayed, the server has one referral and one Bundle
queued for the platform, built there, with the server's naming systems."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from app.clock import utcnow
from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.store.db import Database
from app.store.schema import app_setting, exchange_out, referral
from tests import secret_service

keyring_service = secret_service.keyring_fixture()

OUTBOUND = select(func.count()).select_from(referral).where(referral.c.inbound.is_(False))


def test_an_offline_referral_runs_on_the_replica_and_replays_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    with demo_engine.begin() as conn:
        conn.execute(insert(app_setting).values(skey="exchange:sys_mrn", svalue="urn:oid:1.2.3.4"))
    layer = OfflineLayer(tmp_path, "ref-ward", "pc-ref")
    cmd = rc.CreateReferral(op_id=new_id(), actor_id=demo_id("staff", "zhangwei"), device_time=utcnow(),
                            referral_id=new_id(), encounter_id=demo_id("encounter", 7),
                            inst_id=demo_id("member_inst", "DQ-CHC-0312"), direction="down",
                            reason="病情稳定，下转社区", to_dept="全科", send=True)
    try:
        assert layer.refresh(demo_engine, demo_id("ward")) == 1
        changes = layer.execute(cmd)
        assert changes.touches("referral")
        db, _box = layer._open()
        with db.connect() as conn:
            local = conn.execute(select(referral.c.status).where(referral.c.id == cmd.referral_id)).scalar()
            queued_here = conn.execute(select(exchange_out.c.payload)).scalars().all()
        assert local == "sent" and len(queued_here) == 1
        assert layer.queued() == 1
        report = layer.replay(demo_engine)
        assert (report.applied, report.remaining) == (1, 0)
        assert layer.replay(demo_engine).applied == 0
    finally:
        layer.close()
    with demo_engine.connect() as conn:
        n = conn.execute(OUTBOUND).scalar_one()
        [payload] = conn.execute(select(exchange_out.c.payload)).scalars().all()
    assert n == 1
    person = next(e["resource"] for e in payload["entry"] if e["resource"]["resourceType"] == "Patient")
    assert person["identifier"][0]["system"] == "urn:oid:1.2.3.4"


def test_an_incoming_referral_answered_offline_is_answered_once_on_the_server(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    incoming = demo_id("referral", "community", 1)              # the department's, in the replica too
    layer = OfflineLayer(tmp_path, "ref-ward", "pc-ref")
    cmd = rc.RejectReferral(op_id=new_id(), actor_id=demo_id("staff", "zhangwei"), device_time=utcnow(),
                            referral_id=incoming, base_version=1, reason="本科床位已满")
    try:
        layer.refresh(demo_engine, demo_id("ward"))
        layer.execute(cmd)
        assert layer.replay(demo_engine).applied == 1
    finally:
        layer.close()
    with demo_engine.connect() as conn:
        row = conn.execute(select(referral.c.status, referral.c.reject_reason)
                           .where(referral.c.id == incoming)).one()
        answers = conn.execute(select(exchange_out.c.kind)).scalars().all()
    assert tuple(row) == ("rejected", "本科床位已满") and answers == ["answer"]
