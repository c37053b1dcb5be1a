"""Orders at ward scale on PostgreSQL behind the fault proxy (issue 11's benchmarks):

- chart open of a patient with 200 orders and 30 documents: `AppBackend.chart()` (header,
  allergies, diagnoses and the orders), statements counted in the server's log, milliseconds;
- signing 10 drafts at once: one `SignOrders` through `AppBackend.execute` (the checks run on the
  server's data inside the transaction), statements and milliseconds;
- audited-write throughput with 50 concurrent writers, each its own workstation: the chains of
  revision 0002 (one per workstation, no lock) against the single hospital-wide chain of revision
  0001 (SELECT ... FOR UPDATE on one head row, then INSERT and UPDATE), replayed here on the
  legacy tables the schema still holds.

    .venv/bin/python -m bench.orders [--latency-ms 30] [--writers 50] [--writes 10]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screens import ServerLog, _cli, _with, demo_login, no_progress  # noqa: E402
from tests.netfault import FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402

BED = 7


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def load_chart(url: str, encounter_id: str, staff_id: str, orders: int, documents: int) -> None:
    """200 signed orders and 30 documents for one stay, written straight into the tables."""
    from sqlalchemy import insert, select

    from app.clock import utcnow
    from app.store.db import open_database
    from app.store.schema import clin_doc, drug, med_order

    db = open_database(url, call_timeout=120)
    now = utcnow()
    with db.begin() as conn:
        drugs = conn.execute(select(drug.c.id, drug.c.generic_name, drug.c.dose_unit, drug.c.strength)
                             .where(drug.c.form == "片").limit(40)).all()
        rows = []
        for n in range(orders):
            d = drugs[n % len(drugs)]
            rows.append({
                "id": str(uuid.uuid4()), "encounter_id": encounter_id, "term": "long" if n % 3 else "temp",
                "category": "drug", "drug_id": d.id, "item_id": None, "content": f"{d.generic_name} #{n}",
                "dose": d.strength or Decimal(1), "dose_unit": d.dose_unit, "route_code": "po",
                "freq_code": "qd" if n % 3 else "once", "first_day_times": None, "rate": None,
                "group_id": None, "group_seq": None, "skin_test_req": False, "instruction": None,
                "status": "stopped" if n % 4 == 0 else "active", "start_at": now, "stop_at": None,
                "ordered_by": staff_id, "signed_at": now, "signed_by": staff_id, "verbal": False,
                "use_kind": "regular", "abx_grade": 0, "version": 1, "created_at": now, "updated_at": now})
        conn.execute(insert(med_order), rows)
        conn.execute(insert(clin_doc), [{
            "id": str(uuid.uuid4()), "encounter_id": encounter_id, "doc_type": "daily_progress",
            "title": f"日常病程记录 {n}", "status": "signed", "event_at": now, "due_at": None,
            "rev_no": 1, "author_id": staff_id, "signed_at": now, "signed_by": staff_id,
            "cosign_needed": False, "late_entry": False, "version": 1, "created_at": now,
            "updated_at": now} for n in range(documents)])
    db.dispose()


def bench_chart_and_sign(url: str, port: int, server: PgServer, latency: float) -> list[str]:
    from app.clock import utcnow
    from app.ids import new_id
    from app.services import order_commands as oc
    from app.services.demo_ids import demo_id
    from ui.operations.backend import AppBackend

    out: list[str] = []
    app = f"ws-orders-{uuid.uuid4().hex[:6]}"
    counter = ServerLog(server, app)
    proxy = FreezableProxy(port, latency_ms=latency)
    backend = AppBackend(url=_with(url, port=proxy.port, app=app))
    try:
        backend.prepare(no_progress)
        login, password = demo_login()
        user = backend.authenticate(login, password)
        encounter_id = demo_id("encounter", BED)
        times, trips = [], []
        for _ in range(15):
            mark = counter.mark()
            times.append(_timed(lambda: backend.chart(encounter_id, user.id)))
            trips.append(counter.count(mark, counter.mark()))
            backend.flush_audit()
        orders = len(backend.chart_orders(encounter_id))
        out.append(f"chart open, {orders} orders + 30 documents, +{latency:g} ms: median "
                   f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms, statements "
                   f"{max(t or 0 for t in trips)} (target <= 3 and < 150 ms)")
        sign_times, sign_trips = [], []
        for _round in range(3):
            ids = []
            for n in range(10):
                oid = new_id()
                backend.execute(oc.SaveDraft(
                    op_id=new_id(), actor_id=user.id, device_time=utcnow(), encounter_id=encounter_id,
                    order_id=oid, base_version=0, fields=oc.OrderFields(
                        term="temp", category="drug", content=f"0.9%氯化钠注射液 100ml #{n}",
                        drug_code="B05XA03.01", dose=Decimal(100), dose_unit="ml",
                        route_code="ivgtt", freq_code="once")))
                ids.append(oid)
            versions = tuple(r.version for r in backend.chart_orders(encounter_id) if r.id in ids)
            cmd = oc.SignOrders(op_id=new_id(), actor_id=user.id, device_time=utcnow(),
                                encounter_id=encounter_id, order_ids=tuple(ids), base_versions=versions)
            mark = counter.mark()
            sign_times.append(_timed(lambda c=cmd: backend.execute(c)))
            sign_trips.append(counter.count(mark, counter.mark()))
        out.append(f"sign 10 orders, +{latency:g} ms: median {statistics.median(sign_times):.0f} ms, "
                   f"statements {statistics.median([t or 0 for t in sign_trips]):.0f}")
    finally:
        backend.close()
        proxy.close()
    return out


def _legacy_append(conn: Any, workstation: str) -> None:
    """Revision 0001's append, as it was: lock the one head row, insert, move the head."""
    import hashlib

    from sqlalchemy import insert, select, update

    from app.clock import utcnow
    from app.store.schema import audit_head, audit_log

    head = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                        .where(audit_head.c.id == 1).with_for_update()).first()
    seq, prev = (int(head[0]) + 1, str(head[1])) if head else (1, "0" * 64)
    digest = hashlib.sha256(f"{prev}{seq}{workstation}".encode()).hexdigest()
    conn.execute(insert(audit_log).values(
        seq=seq, at=utcnow(), staff_id=None, workstation=workstation, action="view",
        entity="encounter", entity_id=str(uuid.uuid4()), patient_id=None, before_data=None,
        after_data=None, op_id=None, prev_hash=prev, row_hash=digest))
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(last_seq=seq, last_hash=digest))


def bench_throughput(url: str, port: int, latency: float, writers: int, writes: int) -> list[str]:
    from sqlalchemy import insert, select

    from app.services.audit import AuditEntry
    from app.services.write import run_unit
    from app.store.db import open_database
    from app.store.schema import audit_head

    setup = open_database(url)
    with setup.begin() as conn:
        if conn.execute(select(audit_head.c.id)).first() is None:
            conn.execute(insert(audit_head).values(id=1, last_seq=0, last_hash="0" * 64))
    setup.dispose()
    proxy = FreezableProxy(port, latency_ms=latency)
    out: list[str] = []
    try:
        for label in ("one hospital-wide chain (revision 0001, head row locked)",
                      "one chain per workstation (revision 0002, no lock)"):
            dbs = [open_database(_with(url, port=proxy.port)) for _ in range(writers)]
            for db in dbs:                      # connect first: only the writes are timed
                with db.connect() as conn:
                    conn.exec_driver_sql("SELECT 1")
            barrier = threading.Barrier(writers + 1)
            errors: list[BaseException] = []
            done: list[int] = []

            def writer(db: Any, n: int, legacy: bool = label.startswith("one hospital"),
                       barrier: threading.Barrier = barrier, errors: list[BaseException] = errors,
                       done: list[int] = done) -> None:
                barrier.wait()
                try:
                    for _ in range(writes):
                        if legacy:
                            with db.begin() as conn:
                                _legacy_append(conn, f"pc{n}")
                        else:
                            run_unit(db, f"pc{n}", lambda uow: uow.audit(
                                AuditEntry("view", "encounter", str(uuid.uuid4()))))
                        done.append(1)
                except BaseException as exc:
                    errors.append(exc)

            threads = [threading.Thread(target=writer, args=(db, n)) for n, db in enumerate(dbs)]
            for t in threads:
                t.start()
            barrier.wait()
            start = time.perf_counter()
            for t in threads:
                t.join()
            seconds = time.perf_counter() - start
            for db in dbs:
                db.dispose()
            total = len(done)
            failed = (f"; {len(errors)} writers gave up ({type(errors[0]).__name__}: waited past "
                      "the 5 s deadline for the lock)") if errors else ""
            out.append(f"{writers} writers x {writes} audited writes, +{latency:g} ms, {label}: "
                       f"{total} written, {total / seconds:.0f} writes/s ({seconds:.1f} s){failed}")
    finally:
        proxy.close()
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--writes", type=int, default=10)
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("orders: skipped (no PostgreSQL server binaries)")
        return 0
    server = PgServer(bindir, log_statements=True)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        from app.services.demo_ids import demo_id

        load_chart(url, demo_id("encounter", BED), demo_id("staff", demo_login()[0]), 200, 30)
        for line in bench_chart_and_sign(url, server.port, server, args.latency_ms):
            print(line, flush=True)
        for line in bench_throughput(url, server.port, args.latency_ms, args.writers, args.writes):
            print(line, flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
