"""The offline backlog replayed against PostgreSQL behind the fault proxy (issue 15):

- a 10,000-command backlog (allergies on the ward's patients: one command per row, the shape of
  the facts an outage leaves) queued in a real outbox file, then `replay()` through the proxy at
  `--latency-ms` added round trip: ops/s, the backlog's time, round trips per batch;
- the same with one command in 50 an acuity change (all typed on version 1: most are conflicts);
- a ward's backlog: vitals rows, allergies and one command in 25 a 病情/护理级别 change typed on
  the version the replica counts (the set-based forms of app/offline/batch_*.py); again with
  every plan item of the ward's last week given once (RecordExecution), spread through it;
- the row-by-row baseline: `run_command` once per command (the online write path), a few
  hundred commands, ops/s;
- `--chaos`: the full kill -9 run of tests/offline_chaos.py against PostgreSQL (10,000 ops,
  1,000 kills of the queueing and replaying processes), compared with a run without kills.

    .venv/bin/python -m bench.offline [--latency-ms 30] [--ops 10000] [--batch 2000] [--no-mixed]
    .venv/bin/python -m bench.offline --chaos [--chaos-ops 10000] [--kills 1000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.offline.replay import BATCH  # noqa: E402
from bench.screens import _cli, _with  # noqa: E402
from tests.netfault import FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402

BEDS = (1, 2, 3, 5, 6, 7, 8, 9)


def _commands(tag: str, n: int, every_state: int = 0) -> list[Any]:
    from app.ids import new_id
    from app.services import commands as c
    from app.services.demo_ids import demo_id

    at = datetime.now(timezone.utc)
    nurse = demo_id("staff", "liufang")
    doctor = demo_id("staff", "liming")
    out: list[Any] = []
    for i in range(n):
        bed = BEDS[i % len(BEDS)]
        if every_state and i % every_state == every_state - 1:
            out.append(c.SetAcuity(op_id=new_id(), actor_id=doctor, device_time=at,
                                   encounter_id=demo_id("encounter", bed), base_version=1,
                                   acuity="serious"))
        else:
            out.append(c.RecordAllergy(op_id=new_id(), actor_id=nurse, device_time=at,
                                       patient_id=demo_id("patient", bed), allergy_id=new_id(),
                                       substance=f"{tag}{i}"))
    return out


def _plan_items(url: str, days: int) -> list[tuple[str, str, datetime]]:
    """(plan item, 住院号) of every item the nurses could give without a second nurse or a skin
    test, over the ward's last `days` days (plans generated as the execution screen does)."""
    from datetime import timedelta

    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.execution import execution_day
    from app.services.plan_cmds import GeneratePlans
    from app.services.write import run_command
    from app.store.db import open_database

    now = datetime.now(timezone.utc)
    offset = int(now.astimezone().utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    ward = demo_id("ward")
    db = open_database(url)
    out: list[tuple[str, str, datetime]] = []
    try:
        for back in range(days):
            day = (now - timedelta(days=back)).astimezone().date()
            run_command(db, "pc-bench", GeneratePlans(op_id=new_id(), actor_id=demo_id("staff", "liufang"),
                                                      device_time=now, ward_id=ward, day=day,
                                                      utc_offset_minutes=offset))
            with db.connect() as conn:
                items = execution_day(conn, ward, day, offset, now).items
            out += [(i.plan_id, i.mrn, i.planned_at) for i in items
                    if not i.second_needed and all(d.skin_test is None for d in i.drugs)
                    and i.order_status in ("verified", "active") and i.planned_at <= now
                    and not i.facts]
    finally:
        db.dispose()
    return out


def _ward_commands(url: str, n: int, every_state: int = 25, executions: bool = False,
                   tag: str = "病区") -> list[Any]:
    """The shape of a ward's outage: vitals rows of the grid (two in three), allergies, and one
    command in `every_state` a 病情 or 护理级别 change typed on the version the replica counts;
    with `executions`, every plan item of the ward's last week given once, spread through it."""
    from decimal import Decimal

    from sqlalchemy import select

    from app.ids import new_id
    from app.services import commands as c
    from app.services.demo_ids import demo_id
    from app.services.vitals_cmds import RecordVitals, VitalValue
    from app.store.db import open_database
    from app.store.schema import encounter

    db = open_database(url)
    with db.connect() as conn:
        versions = {str(r.id): int(r.version) for r in conn.execute(
            select(encounter.c.id, encounter.c.version)).all()}
    db.dispose()
    from app.services.execution import RecordExecution

    items = _plan_items(url, 7) if executions else []
    step = max(1, n // len(items)) if items else 0
    at = datetime.now(timezone.utc)
    nurse, doctor = demo_id("staff", "liufang"), demo_id("staff", "liming")
    out: list[Any] = []
    for i in range(n):
        bed = BEDS[i % len(BEDS)]
        enc = demo_id("encounter", bed)
        if items and i % step == 0:
            plan_id, mrn, planned = items.pop()
            out.append(RecordExecution(op_id=new_id(), actor_id=nurse, device_time=at, fact_id=new_id(),
                                       plan_id=plan_id, kind="done", at=planned, patient_mrn=mrn))
        elif every_state and i % every_state == every_state - 1:
            if i % 2:
                out.append(c.SetAcuity(op_id=new_id(), actor_id=doctor, device_time=at, encounter_id=enc,
                                       base_version=versions[enc], acuity=("serious", "stable")[i % 4 // 2]))
            else:
                out.append(c.SetNursingGrade(op_id=new_id(), actor_id=doctor, device_time=at,
                                             encounter_id=enc, base_version=versions[enc],
                                             nursing_grade=1 + i % 3))
            versions[enc] += 1
        elif i % 3:
            out.append(RecordVitals(op_id=new_id(), actor_id=nurse, device_time=at, encounter_id=enc,
                                    measured_at=at, values=(
                                        VitalValue(obs_id=new_id(), item="pulse", value=Decimal(70 + i % 30)),
                                        VitalValue(obs_id=new_id(), item="temp", value=Decimal("36.8"),
                                                   method="axillary"))))
        else:
            out.append(c.RecordAllergy(op_id=new_id(), actor_id=nurse, device_time=at,
                                       patient_id=demo_id("patient", bed), allergy_id=new_id(),
                                       substance=f"{tag}{i}"))
    return out


def bench_backlog(url: str, label: str, cmds: list[Any], batch: int, latency: float,
                  port: int) -> str:
    from app.offline.outbox import Outbox
    from app.offline.replay import replay
    from app.store.db import open_database

    with tempfile.TemporaryDirectory() as tmp, FreezableProxy(port, latency_ms=latency) as proxy:
        box = Outbox(Path(tmp) / "outbox.sqlite")
        start = time.perf_counter()
        for cmd in cmds:
            box.enqueue(cmd)
        queue_s = time.perf_counter() - start
        db = open_database(_with(url, port=proxy.port))
        proxy.reset_counts()
        start = time.perf_counter()
        report = replay(box, db, "pc-bench", batch=batch)
        took = time.perf_counter() - start
        trips = proxy.counts().query_round_trips
        db.dispose()
        box.close()
    batches = -(-len(cmds) // batch)
    return (f"{label}: {len(cmds)} ops, batch {batch}, +{latency:g} ms: replay {took:.1f} s, "
            f"{len(cmds) / took:,.0f} ops/s; applied {report.applied}, refused "
            f"{report.rejected + report.conflicts}, left {report.remaining}; round trips {trips} "
            f"({trips / batches:.1f} per batch); queueing {len(cmds) / queue_s:,.0f} ops/s on disk")


def bench_row_by_row(url: str, n: int, latency: float, port: int) -> str:
    from app.services.write import run_command
    from app.store.db import open_database

    cmds = _commands("逐条", n)
    with FreezableProxy(port, latency_ms=latency) as proxy:
        db = open_database(_with(url, port=proxy.port))
        run_command(db, "pc-bench-rows", cmds[0])            # the pool and the chain tip warm
        proxy.reset_counts()
        start = time.perf_counter()
        for cmd in cmds[1:]:
            run_command(db, "pc-bench-rows", cmd)
        took = time.perf_counter() - start
        trips = proxy.counts().query_round_trips
        db.dispose()
    return (f"row by row (run_command per op), +{latency:g} ms: {n - 1} ops in {took:.1f} s, "
            f"{(n - 1) / took:,.1f} ops/s; {trips / (n - 1):.1f} round trips per op")


def bench_chaos(server: PgServer, url: str, ops: int, kills: int) -> str:
    from tests.offline_chaos import run_chaos

    reference = server.url(server.create_database())
    _cli("db", "upgrade", "--url", reference)
    _cli("demo", "seed", "--url", reference)
    with tempfile.TemporaryDirectory() as tmp:
        r = run_chaos(url, reference, Path(tmp), total=ops, kills=kills, batch=200, max_wait=1.0,
                      pace=0.0)
    return (f"chaos, PostgreSQL: {r.total} ops queued and replayed by real processes, {r.kills} "
            f"SIGKILLs ({r.queue_kills} of the queuer mid-queue, {r.replay_kills} of the replayer "
            f"mid-replay) in {r.rounds} rounds, {r.seconds:.0f} s: acknowledged {r.acked}, lost "
            f"{r.lost}, local effects without their entry {r.orphan_effects}, outbox rows "
            f"{r.outbox_rows}, op records on the server {r.server_ops} (none twice: UNIQUE op_id), "
            f"server state equal to the run without kills: {r.state_equal}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--rows", type=int, default=101, help="commands of the row-by-row run")
    parser.add_argument("--no-mixed", action="store_true", help="skip the mixed backlog (100 s)")
    parser.add_argument("--chaos", action="store_true", help="the kill -9 run instead")
    parser.add_argument("--chaos-ops", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=1000)
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("offline: skipped (no PostgreSQL server binaries)")
        return 0
    server = PgServer(bindir)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        if args.chaos:
            print(bench_chaos(server, url, args.chaos_ops, args.kills), flush=True)
            return 0
        print(bench_backlog(url, "backlog of facts", _commands("离线", args.ops), args.batch,
                            args.latency_ms, server.port), flush=True)
        if not args.no_mixed:
            print(bench_backlog(url, "backlog, 1 in 50 a state change",
                                _commands("混合", args.ops, 50), args.batch, args.latency_ms,
                                server.port), flush=True)
            print(bench_backlog(url, "ward backlog (vitals, allergies, 1 in 25 病情/护理级别)",
                                _ward_commands(url, args.ops), args.batch, args.latency_ms,
                                server.port), flush=True)
            ward = _ward_commands(url, args.ops, executions=True, tag="给药周")
            given = sum(type(cmd).__name__ == "RecordExecution" for cmd in ward)
            print(bench_backlog(url, f"ward backlog with executions ({given} of the week's items given, "
                                "the rest vitals, allergies, 病情/护理级别)", ward, args.batch,
                                args.latency_ms, server.port), flush=True)
        print(bench_row_by_row(url, args.rows, args.latency_ms, server.port), flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
