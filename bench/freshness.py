"""What keeping the offline replicas fresh costs the server (issue 15): N simulated workstations
(default 200), each with its own connection, ask the change sequence every 10 s exactly as
`app.offline.replica.refresh` does when nothing changed (`changeseq.after` in a read
transaction), against one PostgreSQL the bench starts itself, for `--seconds`.

Printed: polls made and their latency (median / p99), statements per poll as the server's log
counts them (log_statement=all, this run's application name only), and the server's CPU: the
user+system time of every PostgreSQL process (/proc/<pid>/stat) over the run, divided by the wall
time: the share of one core the freshness traffic takes. Target: under one core for 200 PCs.

Then what a change costs one workstation through the fault proxy at `--latency-ms` (30): the whole
ward copied (`replica.snapshot`) against the replica following one patient's change
(`replica.refresh` after a vitals row on another PC): time, rows read, statements.

    .venv/bin/python -m bench.freshness [--workstations 200] [--seconds 60] [--interval 10]
                                        [--latency-ms 30] [--changes-only]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screens import _cli, _with  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402

APP = "ws-freshness"


def _server_cpu_seconds(server: PgServer) -> float:
    """user + system CPU seconds of this server's postmaster and its backends (not of any other
    PostgreSQL on the machine); a backend that exits takes its time with it, so the workstations
    stay connected until the second reading."""
    with open(os.path.join(server.data, "postmaster.pid")) as f:
        postmaster = f.readline().strip()
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().decode("ascii", "replace")
        except OSError:
            continue
        rest = fields[fields.rindex(")") + 2:].split()      # state, ppid, ...
        if entry == postmaster or rest[1] == postmaster:
            total += int(rest[11]) + int(rest[12])        # utime, stime
    return total / tick


def run(url: str, workstations: int, seconds: float, interval: float
        ) -> tuple[list[float], int, list[Any]]:
    """The polls' latencies, the failures, and the workstations' databases (still connected:
    the caller reads the server's CPU, then disposes them)."""
    from app.offline import changeseq
    from app.services.demo_ids import demo_id
    from app.store.db import open_database

    ward = demo_id("ward")
    latencies: list[float] = []
    lock = threading.Lock()
    errors = [0]
    stop = time.monotonic() + seconds
    ready = threading.Barrier(workstations + 1)
    dbs: list[Any] = []

    def workstation(n: int) -> None:
        db = open_database(_with(url, app=APP))
        with lock:
            dbs.append(db)
        with db.read() as conn:                     # connected, and the mark of its last refresh
            mark = changeseq.Mark(changeseq.latest(conn), datetime.now(timezone.utc))
        ready.wait()
        time.sleep(interval * n / workstations)     # the PCs' clocks are not in step
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                with db.read() as conn:
                    changeseq.after(conn, ward, mark)
            except Exception:
                with lock:
                    errors[0] += 1
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)
            time.sleep(max(0.0, interval - took))

    threads = [threading.Thread(target=workstation, args=(n,), daemon=True) for n in range(workstations)]
    for t in threads:
        t.start()
    ready.wait()
    for t in threads:
        t.join(seconds + interval + 30)
    return latencies, errors[0], dbs


def changes(url: str, port: int, latency_ms: float, rounds: int = 5) -> str:
    """One workstation's replica behind the proxy: the whole copy, then the refresh after one
    patient's change, `rounds` times each (medians)."""
    import secrets
    import tempfile

    from sqlalchemy import event, select

    from app.clock import utcnow
    from app.ids import new_id
    from app.offline import replica
    from app.services import commands as c
    from app.services.demo_ids import demo_id
    from app.services.write import run_command
    from app.store.db import open_database
    from tests.netfault import FreezableProxy

    ward = demo_id("ward")
    proxy = FreezableProxy(port, latency_ms=latency_ms)
    near = open_database(url)                      # the other PC, on the server's LAN
    far = open_database(_with(url, port=proxy.port, app=APP + "-changes"))
    sent: list[str] = []
    rows = [0]
    event.listen(far.read_engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: sent.append(sql))
    event.listen(far.read_engine, "after_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: rows.__setitem__(
                     0, rows[0] + max(cur.rowcount, 0)))
    from app.store.schema import encounter

    with near.read() as conn:
        patients = conn.execute(select(encounter.c.patient_id).where(
            encounter.c.ward_id == ward, encounter.c.status == "admitted")
            .order_by(encounter.c.patient_id)).scalars().all()
    whole: list[tuple[float, int, int]] = []
    one: list[tuple[float, int, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        local = replica.open_replica(Path(tmp) / "replica-bench.db", secrets.token_hex(32), "bench")
        try:
            for n in range(rounds):
                sent.clear()
                rows[0] = 0
                start = time.perf_counter()
                replica.snapshot(far, local, profile="bench", ward_id=ward)
                whole.append((time.perf_counter() - start, rows[0], len(sent)))
                run_command(near, "pc-nurse", c.RecordAllergy(
                    op_id=new_id(), actor_id=demo_id("staff", "liufang"), device_time=utcnow(),
                    patient_id=patients[n % len(patients)], allergy_id=new_id(), substance="头孢类"))
                sent.clear()
                rows[0] = 0
                start = time.perf_counter()
                found = replica.refresh(far, local, profile="bench", ward_id=ward)
                one.append((time.perf_counter() - start, rows[0], len(sent)))
                assert found >= 1, "the change was not seen"
        finally:
            local.dispose()
            far.dispose()
            near.dispose()
            proxy.close()

    def median(samples: list[tuple[float, int, int]]) -> str:
        t = statistics.median(s[0] for s in samples) * 1000
        return f"{t:.0f} ms, {statistics.median(s[1] for s in samples):.0f} rows, " \
               f"{statistics.median(s[2] for s in samples):.0f} statements"

    return (f"one workstation at +{latency_ms:g} ms, median of {rounds}: the whole ward copied "
            f"{median(whole)}; after one patient's new allergy, the refresh {median(one)}")


def plan(url: str) -> str:
    """The server's plan for one poll (EXPLAIN): it must be an index scan, not a table scan."""
    from sqlalchemy import text

    from app.offline import changeseq
    from app.services.demo_ids import demo_id
    from app.store.db import open_database

    db = open_database(url)
    try:
        with db.read() as conn:
            captured: list[Any] = []
            real_execute = conn.execute

            def capture(statement: Any, *a: Any, **k: Any) -> Any:
                captured.append(statement)
                return real_execute(statement, *a, **k)

            conn.execute = capture  # type: ignore[method-assign]
            changeseq.after(conn, demo_id("ward"), changeseq.Mark(0, datetime.now(timezone.utc)))
            conn.execute = real_execute  # type: ignore[method-assign]
            sql = str(captured[0].compile(conn, compile_kwargs={"literal_binds": True}))
            rows = conn.execute(text("EXPLAIN " + sql)).scalars().all()
    finally:
        db.dispose()
    return " / ".join(str(r).strip() for r in rows)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workstations", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--interval", type=float, default=10.0)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--changes-only", action="store_true")
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("freshness: skipped (no PostgreSQL server binaries)")
        return 0
    server = PgServer(bindir, log_statements=True, max_connections=args.workstations + 40)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        print(changes(url, server.port, args.latency_ms), flush=True)
        if args.changes_only:
            return 0
        print("plan of a poll: " + plan(url), flush=True)
        mark = server.log_mark()
        cpu0, wall0 = _server_cpu_seconds(server), time.monotonic()
        latencies, errors, dbs = run(url, args.workstations, args.seconds, args.interval)
        cpu, wall = _server_cpu_seconds(server) - cpu0, time.monotonic() - wall0
        for db in dbs:
            db.dispose()
        statements = server.statements_since(mark, application_name=APP)
        polls = len(latencies)
        ms = sorted(x * 1000 for x in latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else 0.0
        asked = [st for st in statements if "change_seq" in st.sql and "recorded_at >" in st.sql]
        per_poll = len(asked) / polls if polls else 0.0
        print(f"{args.workstations} workstations polling every {args.interval:g} s for {wall:.0f} s: "
              f"{polls} polls ({polls / wall:.1f}/s), {errors} failed; latency median "
              f"{statistics.median(ms) if ms else 0:.1f} ms, p99 {p99:.1f} ms; "
              f"{per_poll:.2f} change-sequence queries per poll and {len(statements) - len(asked)} "
              f"other statements in all (connection set-up, the first marks; server log); "
              f"PostgreSQL CPU {cpu:.1f} s in "
              f"{wall:.0f} s = {cpu / wall:.2f} of one core (target < 1)", flush=True)
        kinds = Counter(st.sql.split()[0].upper() for st in statements if st.sql.split())
        print("statements by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()), flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
