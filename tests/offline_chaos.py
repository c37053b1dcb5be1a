"""Chaos for the offline queue: real processes queueing and replaying, killed with SIGKILL at
random moments, against a run of the same commands without kills (the test suite runs a short
one, bench/offline.py `--chaos` the full one).

Two kinds of worker process share one outbox file, as a ward PC does when the server returns
while the nurse keeps typing:
- the *queuer* enqueues commands 0..N-1 in order (deterministic: the same op ids each time it is
  started again, so a restart re-queues what it had not acknowledged, and an op queued before
  is not queued twice), each with its local effect in the same transaction, and prints
  "ACK i" once the row is on disk;
- the *replayer* runs `app.offline.replay.replay` on the outbox in batches.
The driver starts both, kills one or both at a random moment, checks that every acknowledged
op is in the outbox with its local effect (none lost, no effect without its entry), and starts
them again until everything is settled. Then the server's state must equal the reference
server's, which got the same commands through one replay without kills.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
BEDS = (1, 2, 3, 5, 6, 7, 8, 9)
AT = datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)


def _id(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_OID, "offline-chaos:" + ":".join(map(str, parts))))


def command(i: int) -> tuple[Any, str]:
    """Op i of the stream and its patient key: mostly allergies (facts), every 13th a duplicate
    of one 8 earlier on the same patient (refused), every 10th an acuity change at base version
    1 (the first per stay applies, later ones are conflicts)."""
    from app.services import commands as c
    from app.services.demo_ids import demo_id

    bed = BEDS[i % len(BEDS)]
    if i % 10 == 9:
        return (c.SetAcuity(op_id=_id("op", i), actor_id=demo_id("staff", "liming"), device_time=AT,
                            encounter_id=demo_id("encounter", bed), base_version=1,
                            acuity=("serious", "critical", "stable")[i % 3]),
                demo_id("patient", bed))
    n = i - 8 if i % 13 == 12 and i >= 8 else i
    return (c.RecordAllergy(op_id=_id("op", i), actor_id=demo_id("staff", "liufang"), device_time=AT,
                            patient_id=demo_id("patient", bed), allergy_id=_id("allergy", i),
                            substance=f"混沌{n}"), demo_id("patient", bed))


LOCAL_EFFECT = "CREATE TABLE IF NOT EXISTS local_effect (op_id TEXT PRIMARY KEY, n INTEGER NOT NULL)"


def queue_worker(outbox_file: str, total: int, pace: float = 0.0) -> None:
    """Queue ops 0..total-1 (those already queued are no-ops); `pace` seconds after each new one,
    as a nurse types: queueing then lasts long enough to be killed in the middle of it on a fast
    disk too (without it a CI machine queued everything before most kills)."""
    from app.offline.outbox import Outbox

    box = Outbox(Path(outbox_file))
    print("READY", flush=True)
    for i in range(total):
        cmd, key = command(i)
        new: list[bool] = []

        def effect(conn: Any, op: str = cmd.op_id, n: int = i, made: list[bool] = new) -> None:
            conn.execute("INSERT INTO local_effect (op_id, n) VALUES (?, ?)", (op, n))
            made.append(True)

        box.enqueue(cmd, key, effect=effect)
        print(f"ACK {i}", flush=True)
        if new and pace:
            time.sleep(pace)
    print("QUEUED", flush=True)


def replay_worker(url: str, outbox_file: str, batch: int) -> None:
    from app.offline.outbox import Outbox
    from app.offline.replay import replay
    from app.store.db import open_database

    db = open_database(url)
    box = Outbox(Path(outbox_file))
    print("READY", flush=True)
    report = replay(box, db, "pc-chaos", batch=batch)
    print(f"DONE {report.remaining} {report.stopped_by}", flush=True)


@dataclass
class ChaosReport:
    total: int
    kills: int
    rounds: int
    acked: int
    seconds: float
    lost: int                 # acknowledged, not in the outbox (or its effect missing)
    orphan_effects: int       # a local effect without its outbox entry
    outbox_rows: int
    server_ops: int           # op records on the server for the stream's op ids
    state_equal: bool
    queue_kills: int = 0      # queuers killed before they had queued everything
    replay_kills: int = 0     # replayers killed before they finished


class _Proc:
    def __init__(self, args: list[str]) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.offline_chaos", *args], cwd=ROOT,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())
            if line.startswith("READY"):
                self.ready.set()
        self.ready.set()

    def kill(self) -> bool:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)
            self._reader.join(timeout=10)
            return True
        self.finish()
        return False

    def finish(self) -> None:
        self.proc.wait(timeout=120)
        self._reader.join(timeout=10)
        if self.proc.returncode != 0:
            assert self.proc.stderr is not None
            raise RuntimeError(f"worker failed ({self.proc.returncode}): {self.proc.stderr.read()[-2000:]}")


def _check_outbox(path: Path, acked: set[int]) -> tuple[int, int, int]:
    """(lost, orphan effects, rows): every acknowledged op queued with its effect."""
    conn = sqlite3.connect(str(path), timeout=30)
    try:
        conn.execute(LOCAL_EFFECT)
        queued = {r[0] for r in conn.execute("SELECT op_id FROM outbox")}
        effects = {r[0] for r in conn.execute("SELECT op_id FROM local_effect")}
    finally:
        conn.close()
    want = {command(i)[0].op_id for i in acked}
    return len(want - queued) + len(want - effects), len(effects - queued), len(queued)


def server_state(db: Any, op_ids: list[str]) -> dict[str, Any]:
    from sqlalchemy import select

    from app.store.schema import allergy, applied_op, encounter

    with db.connect() as conn:
        ops: set[tuple[Any, ...]] = set()
        for i in range(0, len(op_ids), 900):
            ops.update(tuple(r) for r in conn.execute(
                select(applied_op.c.op_id, applied_op.c.outcome, applied_op.c.reason)
                .where(applied_op.c.op_id.in_(op_ids[i:i + 900]))).all())
        return {
            "allergy": sorted(tuple(r) for r in conn.execute(select(
                allergy.c.id, allergy.c.patient_id, allergy.c.substance, allergy.c.status,
                allergy.c.version)).all()),
            "encounter": sorted(tuple(r) for r in conn.execute(select(
                encounter.c.id, encounter.c.acuity, encounter.c.version)).all()),
            "ops": ops,
        }


def run_chaos(url: str, reference_url: str, workdir: Path, *, total: int, kills: int,
              batch: int = 100, seed: int = 20261202, max_wait: float = 1.5,
              pace: float = 0.003) -> ChaosReport:
    """Queue and replay `total` ops with at least `kills` SIGKILLs; compare with a clean run."""
    from app.offline.outbox import Outbox
    from app.offline.replay import replay
    from app.store.db import open_database

    rng = random.Random(seed)
    path = workdir / "outbox-chaos.sqlite"
    setup = sqlite3.connect(str(path))
    setup.execute(LOCAL_EFFECT)
    setup.close()
    Outbox(path).close()
    acked: set[int] = set()
    killed = rounds = queue_kills = replay_kills = 0
    lost = orphans = rows = 0
    start = time.monotonic()
    queued_all = False
    while True:
        rounds += 1
        procs = []
        if not queued_all:
            procs.append(("queue", _Proc(["queue", str(path), str(total), str(pace)])))
        procs.append(("replay", _Proc(["replay", url, str(path), str(batch)])))
        for _, p in procs:
            p.ready.wait(timeout=60)
        dead: set[int] = set()
        if killed < kills:
            time.sleep(rng.uniform(0.0, max_wait))
            victims = [p for _, p in procs if rng.random() < 0.7] or [procs[-1][1]]
            for p in victims:
                if p.kill():
                    killed += 1
                    dead.add(id(p))
        for _, p in procs:
            if id(p) in dead:
                continue
            if p.proc.poll() is None and killed < kills:
                if p.kill():
                    killed += 1
                    dead.add(id(p))
            else:
                p.finish()
        for name, p in procs:
            if id(p) in dead and name == "queue" and "QUEUED" not in p.lines:
                queue_kills += 1
            if id(p) in dead and name == "replay" and not any(x.startswith("DONE") for x in p.lines):
                replay_kills += 1
        for name, p in procs:
            acked.update(int(x.split()[1]) for x in p.lines if x.startswith("ACK "))
            if name == "queue" and "QUEUED" in p.lines:
                queued_all = True
        lost, orphans, rows = _check_outbox(path, acked)
        if lost or orphans:
            break
        box = Outbox(path)
        left = box.counts()["queued"]
        box.close()
        if queued_all and left == 0 and killed >= kills:
            break
    seconds = time.monotonic() - start
    op_ids = [command(i)[0].op_id for i in range(total)]
    db, ref = open_database(url), open_database(reference_url)
    try:
        ref_box = Outbox(workdir / "outbox-reference.sqlite")
        for i in range(total):
            ref_box.enqueue(*command(i))
        replay(ref_box, ref, "pc-chaos", batch=batch)
        ref_box.close()
        got, want = server_state(db, op_ids), server_state(ref, op_ids)
    finally:
        db.dispose()
        ref.dispose()
    return ChaosReport(total, killed, rounds, len(acked), seconds, lost, orphans, rows,
                       len(got["ops"]), got == want, queue_kills, replay_kills)


def main(argv: Optional[list[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[0] == "queue":
        queue_worker(args[1], int(args[2]), float(args[3]) if len(args) > 3 else 0.0)
    else:
        replay_worker(args[1], args[2], int(args[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
