"""离线冲突 over random interleavings (issue 15): PC A works offline on bed 7 (病情 changes, a
state, and allergies, facts) while PC B changes the same 病情 online; then A's queue replays.

Whatever the order, and wherever the replay is cut off and begun again (the PC switched off
mid-replay, the outbox file opened anew): every fact typed offline reaches the server once; an
offline state change lands only when nobody changed that row on the server meanwhile; otherwise
each of A's changes to it is surfaced in the 离线冲突 list and the server keeps B's value:
nothing is silently overwritten.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import new_id
from app.offline.outbox import Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services.conflicts import open_conflicts
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import allergy, encounter
from tests.unit.services.conftest import make_engine

DOCTOR, CHIEF = demo_id("staff", "liming"), demo_id("staff", "wangjg")
ENC_7, PATIENT_7, WARD = demo_id("encounter", 7), demo_id("patient", 7), demo_id("ward")
ACUITIES = ("critical", "serious", "stable")
SUBSTANCES = ("青霉素", "头孢曲松", "碘造影剂", "磺胺", "阿司匹林", "链霉素", "布洛芬", "万古霉素")

step = st.one_of(
    st.tuples(st.just("online"), st.sampled_from(ACUITIES)),
    st.tuples(st.just("offline"), st.sampled_from(ACUITIES)),
    st.tuples(st.just("fact"), st.just("")),
)


def _server(db: Database) -> tuple[int, str]:
    with db.connect() as conn:
        row = conn.execute(select(encounter.c.version, encounter.c.acuity)
                           .where(encounter.c.id == ENC_7)).one()
    return int(row.version), str(row.acuity)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=8), cut=st.integers(0, 8))
def test_no_interleaving_overwrites_silently_or_drops_a_fact(
        seeded_file: Path, steps: list[tuple[str, str]], cut: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        shutil.copy(seeded_file, path)
        db = make_engine(path)
        try:
            _run(db, Path(tmp), steps, cut)
        finally:
            db.dispose()


class _Cut(Exception):
    """The replay stops here, as if the PC were switched off after a batch was settled."""


def _replay_cut_at(box_path: Path, db: Database, cut: int) -> None:
    def stop(done: int, total: int, what: str) -> None:
        if done >= cut:
            raise _Cut()

    box = Outbox(box_path)
    try:
        replay(box, db, "pc-a", batch=1, progress=stop)
    except _Cut:
        pass
    finally:
        box.close()


def _run(db: Database, tmp: Path, steps: list[tuple[str, str]], cut: int) -> None:
    seen, _ = _server(db)                # what PC A saw when the link died
    box = Outbox(tmp / "outbox.sqlite")
    offline_ops: list[c.SetAcuity] = []
    facts: list[str] = []
    online: list[str] = []
    for kind, value in steps:
        if kind == "online":
            version, _ = _server(db)
            run_command(db, "pc-b", c.SetAcuity(op_id=new_id(), actor_id=CHIEF, device_time=utcnow(),
                                                encounter_id=ENC_7, base_version=version, acuity=value))
            online.append(value)
        elif kind == "offline":
            # The replica counts A's own change: the next one is typed on the version after it.
            cmd = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), encounter_id=ENC_7,
                              base_version=seen + len(offline_ops), acuity=value)
            box.enqueue(cmd, patient_key=ENC_7)
            offline_ops.append(cmd)
        else:
            allergy_id = new_id()
            substance = SUBSTANCES[len(facts)]            # a new one each time (a repeat is refused)
            box.enqueue(c.RecordAllergy(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                        patient_id=PATIENT_7, allergy_id=allergy_id, substance=substance),
                        patient_key=ENC_7)
            facts.append(allergy_id)
    if cut:
        box.close()
        _replay_cut_at(tmp / "outbox.sqlite", db, cut)
        box = Outbox(tmp / "outbox.sqlite")
    report = replay(box, db, "pc-a")
    assert replay(box, db, "pc-a").applied == 0             # nothing runs twice
    box_conflicts = box.counts()["conflict"]
    box.close()
    assert report.remaining == 0
    with db.connect() as conn:
        if facts:
            stored = conn.execute(select(func.count()).select_from(allergy)
                                  .where(allergy.c.id.in_(facts))).scalar_one()
            assert stored == len(facts)                     # facts never dropped
        listed = {i.op_id for i in open_conflicts(conn, WARD)}
    _, final = _server(db)
    mine = {cmd.op_id for cmd in offline_ops}
    if online and offline_ops:
        # B changed the row A was changing: the server keeps B's last value, every change of A's
        # is a conflict in the list for a person to resolve.
        assert final == online[-1]
        assert listed == mine
        assert box_conflicts == len(offline_ops)
    elif offline_ops:
        assert final == offline_ops[-1].acuity and not listed
    elif online:
        assert final == online[-1] and not listed
