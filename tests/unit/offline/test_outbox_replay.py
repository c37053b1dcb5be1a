"""The outbox and its replay on the seeded demo ward (real SQLite files): commands queued while
offline reach the server once, in order; refusals and conflicts are kept, not dropped; a replay
cut short (the PC died after the server's commit) settles without a second effect; and a replay
killed with SIGKILL again and again ends with every command applied exactly once."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import new_id
from app.offline.outbox import APPLIED, CONFLICT, QUEUED, REJECTED, Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.store.db import Database
from app.store.schema import allergy, applied_op, med_order
from tests.unit.services import test_orders as t

ROOT = Path(__file__).resolve().parents[3]
DOCTOR, INTERN = demo_id("staff", "liming"), demo_id("staff", "chenxiao")


def _allergy(n: int, patient: int = 7) -> c.RecordAllergy:
    return c.RecordAllergy(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                           patient_id=demo_id("patient", patient), allergy_id=new_id(),
                           substance=f"离线药物{n}")


def test_queued_commands_reach_the_server_once_with_refusals_and_conflicts_kept(
        demo_engine: Database, tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite")
    draft_id = new_id()
    draft = oc.SaveDraft(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), encounter_id=t.ENC_7,
                         order_id=draft_id, base_version=0, fields=t.CEFTRIAXONE)
    sign = oc.SignOrders(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), encounter_id=t.ENC_7,
                         order_ids=(draft_id,), base_versions=(1,))
    stale = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), encounter_id=t.ENC_7,
                        base_version=99, acuity="serious")
    denied = c.SetAcuity(op_id=new_id(), actor_id=INTERN, device_time=utcnow(), encounter_id=t.ENC_7,
                         base_version=1, acuity="critical")
    for cmd in (draft, sign, _allergy(1), stale, denied):
        box.enqueue(cmd, patient_key=t.ENC_7)
    box.enqueue(sign)                                     # an op already queued stays one row
    assert box.counts()[QUEUED] == 5
    report = replay(box, demo_engine, "pc-off")
    assert (report.applied, report.rejected, report.conflicts, report.remaining) == (3, 1, 1, 0)
    assert [q.op_id for q in box.settled(CONFLICT)] == [stale.op_id]
    assert [q.op_id for q in box.settled(REJECTED)] == [denied.op_id]
    assert t.status(demo_engine, draft_id) == "submitted"      # drafted then signed, in order
    assert replay(box, demo_engine, "pc-off").applied == 0     # nothing twice


def test_a_replay_cut_after_the_servers_commit_settles_without_a_second_effect(
        demo_engine: Database, tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite")
    cmds = [_allergy(n) for n in range(5)]
    for cmd in cmds:
        box.enqueue(cmd)
    replay(box, demo_engine, "pc-off")
    for cmd in cmds[2:]:                                  # the PC died before it wrote "applied"
        box.settle(cmd.op_id, QUEUED)
    report = replay(box, demo_engine, "pc-off")
    assert report.applied == 3 and box.counts()[APPLIED] == 5
    with demo_engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(allergy)
                         .where(allergy.c.substance.like("离线药物%"))).scalar_one()
    assert n == 5


REPLAYER = """
import sys
from app.offline.outbox import Outbox
from app.offline.replay import replay
from app.store.db import open_database
db = open_database(sys.argv[1]); box = Outbox(__import__("pathlib").Path(sys.argv[2]))
print("REPLAYING", flush=True)
report = replay(box, db, "pc-chaos", batch=100)
print("DONE", report.remaining, flush=True)
"""


def test_a_replay_killed_again_and_again_applies_every_command_exactly_once(
        demo_engine: Database, tmp_path: Path) -> None:
    total = 2000
    path = tmp_path / "outbox.sqlite"
    box = Outbox(path)
    cmds = [_allergy(n, patient=random.Random(n).choice((1, 2, 3, 5, 6, 7, 8, 9))) for n in range(total)]
    for cmd in cmds:
        box.enqueue(cmd)
    box.close()
    url = demo_engine.url.render_as_string(hide_password=False)
    rng = random.Random(20261202)
    kills = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _round in range(60):
        proc = subprocess.Popen([sys.executable, "-c", REPLAYER, url, str(path)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("REPLAYING")
        time.sleep(rng.uniform(0.05, 0.6))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += proc.wait(timeout=30) == -signal.SIGKILL
        else:
            out, err = proc.communicate(timeout=30)
            assert proc.returncode == 0, err
            if "DONE 0" in out:
                break
    box = Outbox(path)
    left = box.counts()[QUEUED]
    if left:                                              # finish without kills
        replay(box, demo_engine, "pc-chaos")
    assert kills >= 3, "the replay was never really killed"
    with demo_engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(allergy)
                              .where(allergy.c.substance.like("离线药物%"))).scalar_one()
        ops = conn.execute(select(func.count()).select_from(applied_op)
                           .where(applied_op.c.op_id.in_([x.op_id for x in cmds]))).scalar_one()
        orders = conn.execute(select(func.count()).select_from(med_order)).scalar_one()
    assert (stored, ops) == (total, total)                # none lost, none twice
    assert box.counts() == {QUEUED: 0, APPLIED: total, REJECTED: 0, CONFLICT: 0}
    assert orders > 0
