"""Templates and phrases through an outage: the same commands run on the encrypted replica (a
personal copy of a hospital template, a phrase added and then edited), are queued in it and
replayed once to the server; the replica has the doctor's phrase list to show offline."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.clock import utcnow
from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import template_cmds as tc
from app.services.demo_ids import demo_id
from app.store.db import Database
from app.store.schema import doc_phrase, doc_template
from tests import secret_service

keyring_service = secret_service.keyring_fixture()
DOCTOR = demo_id("staff", "zhangwei")


def _stamp() -> dict[str, Any]:
    return {"op_id": new_id(), "actor_id": DOCTOR, "device_time": utcnow()}


def test_phrase_and_template_commands_run_offline_and_replay_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    layer = OfflineLayer(tmp_path, "tpl", "pc-tpl")
    assert layer.refresh(demo_engine, demo_id("ward")) == 1           # the first snapshot
    db, _ = layer._open()
    with db.connect() as local:
        assert len(tc.phrase_list(local, DOCTOR)) == 6                # the list, offline
        source = next(t for t in tc.templates_for(local, DOCTOR)
                      if t.doc_type == "progress" and t.scope == tc.HOSPITAL)
    phrase_id, copy_id = new_id(), new_id()
    layer.execute(tc.AddPhrase(**_stamp(), phrase_id=phrase_id, text="停电时加的常用语"))
    layer.execute(tc.EditPhrase(**_stamp(), phrase_id=phrase_id, base_version=1, text="停电时改过"))
    layer.execute(tc.CopyTemplate(**_stamp(), source_id=source.id, template_id=copy_id))
    with db.connect() as local:
        assert tc.phrase_list(local, DOCTOR)[-1].text == "停电时改过"
    assert layer.queued() == 3
    report = layer.replay(demo_engine)
    assert (report.applied, report.remaining) == (3, 0)
    assert layer.replay(demo_engine).applied == 0                     # nothing twice
    layer.close()
    with demo_engine.connect() as conn:
        texts = conn.execute(select(doc_phrase.c.text, doc_phrase.c.version)
                             .where(doc_phrase.c.id == phrase_id)).all()
        owner = conn.execute(select(doc_template.c.owner_id)
                             .where(doc_template.c.id == copy_id)).scalar()
    assert [tuple(r) for r in texts] == [("停电时改过", 2)] and owner == DOCTOR
