"""A diagnosis added while the server is away: the same handler on the encrypted replica (the
ICD-10 dictionary and the ward's diagnoses are copied there), queued in the same transaction,
then replayed to the server once."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.domain import diagnoses as dg
from app.errors import ValidationError
from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import diagnosis_cmds as dc
from app.services.demo_ids import demo_id
from app.store.db import Database
from app.store.schema import diagnosis
from tests import secret_service

keyring_service = secret_service.keyring_fixture()
ENC_7 = demo_id("encounter", 7)
DOCTOR = demo_id("staff", "zhangwei")


def _add(code: str) -> dc.AddDiagnosis:
    now = utcnow()
    return dc.AddDiagnosis(op_id=new_id(), actor_id=DOCTOR, device_time=now, encounter_id=ENC_7,
                           diagnosis_id=new_id(), kind=dg.WORKING, icd10_code=code,
                           diagnosed_at=now, name="社区获得性肺炎（离线）")


def test_an_offline_add_runs_on_the_replica_and_replays_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    layer = OfflineLayer(tmp_path, "dx-ward", "pc-dx")
    try:
        assert layer.refresh(demo_engine, demo_id("ward")) == 1          # the first snapshot
        cmd = _add("J18.9")
        changes = layer.execute(cmd)
        assert changes.touches("diagnosis") and changes.patient_ids == {demo_id("patient", 7)}
        db, _box = layer._open()
        with db.connect() as conn:
            local = dc.encounter_diagnoses(conn, ENC_7)
        assert [d.name for d in local if d.group == dg.WORKING][-1] == "社区获得性肺炎（离线）"
        with pytest.raises(ValidationError):                              # refused locally too
            layer.execute(_add("X99.99"))
        assert layer.queued() == 1
        report = layer.replay(demo_engine)
        assert (report.applied, report.remaining) == (1, 0)
        assert layer.replay(demo_engine).applied == 0
    finally:
        layer.close()
    with demo_engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(diagnosis)
                         .where(diagnosis.c.id == cmd.diagnosis_id)).scalar_one()
        shown = dc.encounter_diagnoses(conn, ENC_7)
    assert n == 1
    assert [(d.name, d.kind, d.icd10_code) for d in shown if d.group == dg.WORKING][-1] == (
        "社区获得性肺炎（离线）", dg.SECONDARY, "J18.9")
