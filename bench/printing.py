"""Printing on PostgreSQL behind the fault proxy at +30 ms (issue 16's benchmarks, the sheets
that exist so far):

- the 长期医嘱单 of a patient with 200 orders: reading what the print needs (`sheet_job`: the
  orders, the header and what the paper holds; statements in the server's log), drawing and
  writing the PDF, recording the print (placements + audit); then a 续打 after 5 new orders;
- every current patient's 长期 and 临时医嘱单 of the demo ward (32 patients), one after another;
- the 体温单 of a 30-day stay charted every slot (five pages, a page a week): reading its weeks,
  building and writing the PDF, auditing the print, as `print temperature-chart` does;
- the ward's downtime packet (停机应急资料) with 32 patients, each charted every slot of the last
  three days: reading it (`ward_packet`), laying it out, writing the PDF, auditing the 32 prints,
  as `print downtime-packet` does.

Statements are counted in the server's log (this run's application name); round trips by the
proxy too (after connection set-up, which it counts apart).

    .venv/bin/python -m bench.printing [--latency-ms 30] [--no-sheets]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.orders import BED, load_chart  # noqa: E402
from bench.screens import ServerLog, _cli, _with, demo_login  # noqa: E402
from tests.netfault import FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402


def print_once(db: Any, encounter_id: str, sheet: str, out: Path, continuation: bool) -> dict[str, float]:
    from app.printing.order_sheets import write_continuation, write_whole
    from app.services import sheet_printing as sp
    from app.services.write import run_unit

    times: dict[str, float] = {}
    start = time.perf_counter()
    job = db.run_read(lambda conn: sp.sheet_job(conn, encounter_id, sheet))
    times["read"] = (time.perf_counter() - start) * 1000
    pages: list[int] = []

    def record() -> None:
        t = time.perf_counter()
        values = sp.placement_values(job.plan, set(pages))
        kind = "continuation" if continuation else "whole"
        run_unit(db, "bench-print", lambda uow: sp.record_print(
            uow, encounter_id, sheet, kind, tuple(pages), values, None, None))
        times["record"] = (time.perf_counter() - t) * 1000

    start = time.perf_counter()
    if continuation:
        pages = job.plan.continuation_pages()
        write_continuation(job.plan, job.header, out, job.plan.fresh_pages(job.on_paper), record)
    else:
        pages = list(range(1, job.plan.pages + 1))
        write_whole(job.plan, job.header, out, before_publish=record)
    times["pdf"] = (time.perf_counter() - start) * 1000 - times.get("record", 0.0)
    times["pages"] = float(len(pages))
    return times


def add_orders(url: str, encounter_id: str, staff_id: str, n: int) -> None:
    from sqlalchemy import insert

    from app.clock import utcnow
    from app.store.db import open_database
    from app.store.schema import med_order

    db = open_database(url)
    now = utcnow()
    with db.begin() as conn:
        conn.execute(insert(med_order), [{
            "id": str(uuid.uuid4()), "encounter_id": encounter_id, "term": "long", "category": "nursing",
            "content": f"新增护理医嘱 {k}", "status": "active", "start_at": now, "ordered_by": staff_id,
            "signed_at": now, "signed_by": staff_id, "verbal": False, "use_kind": "regular",
            "abx_grade": 0, "skin_test_req": False, "version": 1, "created_at": now,
            "updated_at": now} for k in range(n)])
    db.dispose()


CHART_BED = 10                          # its stay becomes a 30-day one, every slot charted


def seed_vitals(url: str, stays: list[str], days: int, staff_id: str) -> int:
    """Every 4-hourly slot of the last `days` days charted (T, P, R; BP and SpO2 twice a day;
    intake, urine and stool once) for each stay; returns the rows inserted."""
    from datetime import timedelta
    from decimal import Decimal

    from sqlalchemy import insert

    from app.clock import utcnow
    from app.domain import vitals_due as due
    from app.store.db import open_database
    from app.store.schema import vital_obs

    db = open_database(url, call_timeout=300)
    now = utcnow()
    zone = now.astimezone().tzinfo
    rows = []
    first = due.slot_of(now - timedelta(days=days), zone)
    for n, stay in enumerate(stays):
        at = first
        k = 0
        while at <= now:
            values = [("temp", Decimal("36.4") + Decimal((n + k * 3) % 27) / 10, "axillary"),
                      ("pulse", Decimal(68 + (n + k * 7) % 40), None), ("resp", Decimal(16 + k % 5), None)]
            if k % 3 == 1:
                values += [("sbp", Decimal(118 + (n + k) % 30), None), ("dbp", Decimal(72 + k % 12), None),
                           ("spo2", Decimal(95 + k % 4), None)]
            if k % 6 == 2:
                values += [("intake", Decimal(1600 + 10 * (k % 20)), None),
                           ("urine", Decimal(1400 + 10 * (k % 15)), None), ("stool", Decimal(1), None)]
            for item, value, method in values:
                rows.append({"id": str(uuid.uuid4()), "encounter_id": stay, "item": item, "num_value": value,
                             "method": method, "measured_at": at, "slot_at": at, "recorded_by": staff_id,
                             "device_time": at, "created_at": at, "voided": False})
            at += timedelta(hours=4)
            k += 1
    with db.begin() as conn:
        for i in range(0, len(rows), 2000):
            conn.execute(insert(vital_obs), rows[i:i + 2000])
    db.dispose()
    return len(rows)


def bench_chart_and_packet(url: str, server: PgServer, latency: float) -> list[str]:
    """The 30-day 体温单 of one patient and the ward's downtime packet, through the proxy."""
    from datetime import timedelta

    from sqlalchemy import select, update

    from app.clock import utcnow
    from app.printing import tempchart_model as tm
    from app.printing.downtime_packet import layout_packet, write_packet_pdf
    from app.printing.pdf_render import measure_mm
    from app.printing.tempchart_pdf import write_chart_pdf
    from app.services import chart_printing as cp
    from app.services.demo_ids import demo_id
    from app.services.downtime import packet_audit, ward_packet
    from app.services.vitals import stay_weeks
    from app.services.write import run_unit
    from app.store.db import open_database
    from app.store.schema import encounter, ward

    staff = demo_id("staff", demo_login()[0])
    chart_stay = demo_id("encounter", CHART_BED)
    setup = open_database(url)
    with setup.begin() as conn:
        conn.execute(update(encounter).where(encounter.c.id == chart_stay)
                     .values(admitted_at=utcnow() - timedelta(days=29, hours=3)))
        stays = [r[0] for r in conn.execute(select(encounter.c.id).where(encounter.c.status == "admitted")
                                            .where(encounter.c.ward_id == demo_id("ward")))]
        code = conn.execute(select(ward.c.code).where(ward.c.id == demo_id("ward"))).scalar_one()
    setup.dispose()
    added = seed_vitals(url, [chart_stay], 30, staff) + seed_vitals(
        url, [s for s in stays if s != chart_stay], 3, staff)
    out: list[str] = [f"seeded {added} vital-sign rows: a 30-day stay (bed {CHART_BED}) and "
                      f"3 days for the other {len(stays) - 1} patients"]
    app = f"bench-print-{uuid.uuid4().hex[:6]}"
    log = ServerLog(server, app)
    proxy = FreezableProxy(server.port, latency_ms=latency)
    db = open_database(_with(url, port=proxy.port, app=app))
    try:
        db.run_read(lambda conn: None)                  # a warm pool, as a running GUI has
        with tempfile.TemporaryDirectory() as tmp:
            mark = log.mark()
            proxy.reset_counts()
            t0 = time.perf_counter()

            read = db.run_read(lambda conn: stay_weeks(conn, chart_stay))
            t1 = time.perf_counter()
            pages = [tm.build_page(w) for w in read]
            t2 = time.perf_counter()
            recorded: dict[str, float] = {}

            def record() -> None:
                t = time.perf_counter()
                run_unit(db, "bench-print", lambda uow: cp.record_chart_print(
                    uow, chart_stay, read[-1].header.patient_id, tuple(w.week_no for w in read), None, None))
                recorded["ms"] = (time.perf_counter() - t) * 1000

            write_chart_pdf(pages, Path(tmp) / "chart.pdf", "体温单", before_publish=record)
            t3 = time.perf_counter()
            trips = proxy.counts().query_round_trips
            statements = log.count(mark, log.mark())
            total = (t3 - t0) * 1000
            out.append(f"体温单, 30-day stay, +{latency:g} ms: {len(pages)} pages in {total:.0f} ms "
                       f"(read {(t1 - t0) * 1000:.0f} ms, model {(t2 - t1) * 1000:.0f} ms, "
                       f"PDF {(t3 - t2) * 1000 - recorded['ms']:.0f} ms, record {recorded['ms']:.0f} ms); "
                       f"statements {statements}, proxy round trips {trips}")

            mark = log.mark()
            proxy.reset_counts()
            t0 = time.perf_counter()
            packet = db.run_read(lambda conn: ward_packet(conn, code))
            t1 = time.perf_counter()
            read_trips = proxy.counts().query_round_trips
            read_statements = log.count(mark, log.mark())
            laid = layout_packet(packet, measure_mm)
            t2 = time.perf_counter()

            def record_all() -> None:
                t = time.perf_counter()

                def audit_all(uow: Any) -> None:
                    for entry in packet_audit(packet, None):
                        uow.audit(entry)

                run_unit(db, "bench-print", audit_all)
                recorded["ms"] = (time.perf_counter() - t) * 1000

            write_packet_pdf(laid, Path(tmp) / "packet.pdf", "停机应急资料", before_publish=record_all)
            t3 = time.perf_counter()
            trips = proxy.counts().query_round_trips
            statements = log.count(mark, log.mark())
            size = (Path(tmp) / "packet.pdf").stat().st_size / 1e6
            layout_ms = (t2 - t1) * 1000
            out.append(f"downtime packet, {len(packet.patients)} patients, +{latency:g} ms: {len(laid)} "
                       f"pages ({size:.1f} MB) in {(t3 - t0):.1f} s (read {(t1 - t0) * 1000:.0f} ms: "
                       f"statements "
                       f"{read_statements}, proxy round trips {read_trips}; layout {layout_ms:.0f} ms, "
                       f"PDF {(t3 - t2) * 1000 - recorded['ms']:.0f} ms, record {recorded['ms']:.0f} ms); "
                       f"statements {statements}, proxy round trips {trips} in all")
    finally:
        db.dispose()
        proxy.close()
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--no-sheets", action="store_true", help="only the 体温单 and the downtime packet")
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("printing: skipped (no PostgreSQL server binaries)")
        return 0
    from sqlalchemy import select

    from app.printing.fonts import cjk_font
    from app.services.demo_ids import demo_id
    from app.store.db import open_database
    from app.store.schema import encounter

    cjk_font()                                          # the font is registered once per process
    server = PgServer(bindir, log_statements=True)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        for line in bench_chart_and_packet(url, server, args.latency_ms):
            print(line, flush=True)
        if args.no_sheets:
            return 0
        enc, staff = demo_id("encounter", BED), demo_id("staff", demo_login()[0])
        load_chart(url, enc, staff, 200, 30)
        proxy = FreezableProxy(server.port, latency_ms=args.latency_ms)
        log = ServerLog(server, "bench-print")
        db = open_database(_with(url, port=proxy.port, app="bench-print"))
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "sheet.pdf"
            db.run_read(lambda conn: None)              # a warm pool, as a running GUI has
            for label, continuation in (("whole", False), ("continuation after 5 new orders", True)):
                if continuation:
                    add_orders(url, enc, staff, 5)
                mark = log.mark()
                t = print_once(db, enc, "long", out, continuation)
                statements = log.count(mark, log.mark())
                print(f"long-orders, 200-order patient, {label}, +{args.latency_ms:g} ms: "
                      f"{int(t['pages'])} pages, read {t['read']:.0f} ms, PDF {t['pdf']:.0f} ms, "
                      f"record {t['record']:.0f} ms, statements {statements}", flush=True)
            with db.read() as conn:
                stays = [r[0] for r in conn.execute(select(encounter.c.id)
                                                    .where(encounter.c.status == "admitted"))]
            start = time.perf_counter()
            pages = 0
            for stay in stays:
                for sheet in ("long", "temp"):
                    try:
                        pages += int(print_once(db, stay, sheet, out, False)["pages"])
                    except Exception as exc:            # a patient without temp orders: nothing to print
                        if getattr(exc, "message_id", "") != "print.nothing":
                            raise
            total = time.perf_counter() - start
            print(f"ward order sheets, {len(stays)} patients, long + temp, +{args.latency_ms:g} ms: "
                  f"{pages} pages in {total:.1f} s ({total / max(1, len(stays)) * 1000:.0f} ms a patient)",
                  flush=True)
        db.dispose()
        proxy.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
