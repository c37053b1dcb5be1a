"""The medical record through an outage, on a real SQLCipher replica of the seeded demo ward: a
draft another PC saved on the server comes with the snapshot (so a doctor who moves to this PC
finds it), the autosave runs on the replica through the same handler in one slot, and the ward's
会诊 requests are there too."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.ids import new_id
from app.offline import replica as r
from app.services.demo_ids import demo_id
from app.services.doc_commands import SaveDocDraft
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import consult_req, doc_draft
from tests.unit.services import test_records as tr
from tests.unit.services.conftest import NOW


def test_a_draft_from_another_pc_is_in_the_replica_and_autosave_runs_there(
        demo_engine: Database, tmp_path: Path) -> None:
    doc_id = tr.create(demo_engine, tr.ENC_11, "admission", tr.RESIDENT)
    typed = tr.filled(tr.template(demo_engine, "admission").sections, chief="胸痛2天")
    run_command(demo_engine, "pc-other", SaveDocDraft(op_id=new_id(), actor_id=tr.RESIDENT, device_time=NOW,
                                                      doc_id=doc_id, base_rev_no=0, sections=typed), now=NOW)
    local = r.open_replica(tmp_path / "replica.db", "cd" * 32, "ward")
    try:
        r.snapshot(demo_engine, local, profile="ward", ward_id=demo_id("ward"))
        view = tr.view(local, doc_id, tr.RESIDENT)
        assert view.draft is not None and view.current[1].text == "胸痛2天"
        with demo_engine.connect() as conn:
            consults = conn.execute(select(func.count()).select_from(consult_req)).scalar_one()
        with local.connect() as conn:
            assert conn.execute(select(func.count()).select_from(consult_req)).scalar_one() == consults
        more = tr.filled(typed, chief="胸痛2天，加重1小时")
        run_command(local, "pc-ward", SaveDocDraft(op_id=new_id(), actor_id=tr.RESIDENT, device_time=NOW,
                                                   doc_id=doc_id, base_rev_no=0, sections=more), now=NOW)
        assert tr.view(local, doc_id, tr.RESIDENT).current[1].text == "胸痛2天，加重1小时"
        with local.connect() as conn:
            assert conn.execute(select(func.count()).select_from(doc_draft)
                                .where(doc_draft.c.doc_id == doc_id)).scalar_one() == 1   # one slot
    finally:
        local.dispose()
