"""The nurse's workstation at ward scale on PostgreSQL behind the fault proxy (issue 13):

- the verification queue of a full ward (40 patients: the demo's 32 and 8 more, each of the
  extra ones with a copy of bed 11's new orders and bed 1's running ones);
- the day's execution list of the ward (every sheet: what the 执行单 tab reads), after the day's
  plan is generated once;
- executing 20 items, one `RecordExecution` each, through the write path.

Each is the call the GUI makes (`AppBackend.read` / `AppBackend.execute`); statements are counted
in the server's log for this run's application name (one statement per round trip).

    .venv/bin/python -m bench.nurse [--latency-ms 30] [--runs 10]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screens import ServerLog, _cli, _with, no_progress  # noqa: E402
from tests.netfault import FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402

EXTRA_BEDS = range(33, 41)


def fill_ward(url: str) -> int:
    """Eight more patients in the free beds, with orders copied from beds 1 and 11."""
    from sqlalchemy import insert, select

    from app.clock import utcnow
    from app.services.demo_ids import demo_id
    from app.store.db import open_database
    from app.store.schema import bed, encounter, med_order, patient

    db = open_database(url, call_timeout=120)
    now = utcnow()
    with db.begin() as conn:
        used = set(conn.execute(select(encounter.c.bed_id).where(encounter.c.status == "admitted")).scalars())
        free = [b for b in conn.execute(select(bed.c.id).where(bed.c.ward_id == demo_id("ward"))
                                        .order_by(bed.c.sort_key)).scalars() if b not in used]
        template = conn.execute(select(encounter).where(encounter.c.id == demo_id("encounter", 1))).mappings().one()  # noqa: E501
        orders = conn.execute(select(med_order).where(med_order.c.encounter_id.in_(
            (demo_id("encounter", 1), demo_id("encounter", 11))))
            .where(med_order.c.status.in_(("active", "submitted")))
            .where(med_order.c.group_id.is_(None))).mappings().all()
        patients, stays, rows = [], [], []
        for n, bed_id in enumerate(free[:len(EXTRA_BEDS)]):
            pid, eid = str(uuid.uuid4()), str(uuid.uuid4())
            patients.append({"id": pid, "mrn": f"B{900000 + n}", "name": f"测试{n}", "pinyin": "CS",
                             "sex": "M", "version": 1, "created_at": now, "updated_at": now})
            stays.append(dict(template, id=eid, patient_id=pid, bed_id=bed_id))
            rows += [dict(o, id=str(uuid.uuid4()), encounter_id=eid) for o in orders]
        conn.execute(insert(patient), patients)
        conn.execute(insert(encounter), stays)
        conn.execute(insert(med_order), rows)
    db.dispose()
    return 32 + len(patients)


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def bench(url: str, server: PgServer, latency: float, runs: int) -> list[str]:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.execution import RecordExecution, execution_day
    from app.services.plan_cmds import GeneratePlans
    from app.services.verification import verification_queue
    from ui.operations.backend import AppBackend
    from ui.operations.nurse import utc_offset_minutes

    out: list[str] = []
    app = f"ws-nurse-{uuid.uuid4().hex[:6]}"
    counter = ServerLog(server, app)
    proxy = FreezableProxy(server.port, latency_ms=latency)
    backend = AppBackend(url=_with(url, port=proxy.port, app=app))
    ward = demo_id("ward")
    try:
        backend.prepare(no_progress)
        nurse = backend.authenticate("liufang", "demo-nurse1")
        today = utcnow().astimezone().date()

        def measure(label: str, call: Callable[[], Any], what: Callable[[Any], str]) -> Any:
            times, trips, result = [], [], None
            for _ in range(runs):
                mark = counter.mark()
                ms, result = _timed(call)
                times.append(ms)
                trips.append(counter.count(mark, counter.mark()) or 0)
            out.append(f"{label}, +{latency:g} ms: {what(result)}; median {statistics.median(times):.0f} ms, "
                       f"max {max(times):.0f} ms, statements {max(trips)}")
            return result

        queue = measure("verification queue, 40 patients",
                        lambda: backend.read(lambda c: verification_queue(c, ward)),
                        lambda r: f"{len(r)} orders of {len({i.encounter_id for i in r})} patients")
        del queue
        mark = counter.mark()
        ms, changes = _timed(lambda: backend.execute(GeneratePlans(
            op_id=new_id(), actor_id=nurse.id, device_time=utcnow(), ward_id=ward, day=today,
            utc_offset_minutes=utc_offset_minutes())))
        out.append(f"plan the ward's day, +{latency:g} ms: {len(changes.ids)} items in {ms:.0f} ms, "
                   f"statements {counter.count(mark, counter.mark())}")
        day = measure("the day's execution list, 40 patients",
                      lambda: backend.read(lambda c: execution_day(c, ward, today, utc_offset_minutes(), utcnow())),  # noqa: E501
                      lambda r: f"{len(r.items)} items of {len({i.encounter_id for i in r.items})} patients")
        todo = [i for i in day.items if i.state == "planned" and not i.blocked and not i.second_needed][:20]
        times, trips = [], []
        for item in todo:
            cmd = RecordExecution(op_id=new_id(), actor_id=nurse.id, device_time=utcnow(), fact_id=new_id(),
                                  plan_id=item.plan_id, kind="done", at=utcnow(), patient_mrn=item.mrn)
            mark = counter.mark()
            ms, _ = _timed(lambda c=cmd: backend.execute(c))
            times.append(ms)
            trips.append(counter.count(mark, counter.mark()) or 0)
        out.append(f"execute {len(todo)} items, one RecordExecution each, +{latency:g} ms: median "
                   f"{statistics.median(times):.0f} ms, total {sum(times):.0f} ms, statements median "
                   f"{statistics.median(trips):.0f}, total {sum(trips)}")
    finally:
        backend.close()
        proxy.close()
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("nurse: skipped (no PostgreSQL server binaries)")
        return 0
    server = PgServer(bindir, log_statements=True)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        print(f"ward filled to {fill_ward(url)} patients", flush=True)
        for line in bench(url, server, args.latency_ms, args.runs):
            print(line, flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
