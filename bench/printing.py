"""Printing on PostgreSQL behind the fault proxy at +30 ms (issue 16's benchmarks, the sheets
that exist so far):

- the 长期医嘱单 of a patient with 200 orders: reading what the print needs (`sheet_job`: the
  orders, the header and what the paper holds; statements in the server's log), drawing and
  writing the PDF, recording the print (placements + audit); then a 续打 after 5 new orders;
- every current patient's 长期 and 临时医嘱单 of the demo ward (32 patients), one after another,
  as a stand-in for the downtime packet until its other sheets land.

    .venv/bin/python -m bench.printing [--latency-ms 30]
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


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
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
