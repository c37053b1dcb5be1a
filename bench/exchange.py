"""The regional exchange (issue 17):

- export of a 30-day stay to a FHIR R4 document Bundle (`read_stay` + `build_bundle`, as
  `exchange export` runs them) on the demo database with one stay padded to 30 days (vitals six
  times a day, 60 drug orders, daily progress notes, a signed discharge summary): ms, size;
- flushing 1,000 queued sends (`app.exchange.sender.flush`) against a FHIR server on a real
  socket that answers each POST after 50 ms (pytest-httpserver, threaded): items/s at the
  setting's bounded parallel requests (default 8), at 16 and at 32, and that every Bundle arrived once.

    .venv/bin/python -m bench.exchange [--sends 1000] [--latency-ms 50] [--runs 20]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _demo(path: Path) -> Any:
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store.db import open_database
    from app.store.schema import metadata

    db = open_database(f"sqlite:///{path}")
    metadata.create_all(db.engine)
    with db.begin() as conn:
        load_all(conn)
        seed_demo(conn)
    return db


def _pad_stay(db: Any, bed: int) -> str:
    """Bed `bed`'s stay made 30 days long: vitals, drug orders, notes, a discharge summary."""
    from sqlalchemy import insert, select, update

    from app.clock import utcnow
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.store.schema import clin_doc, doc_rev, drug, encounter, med_order, vital_obs

    enc, doctor, nurse = demo_id("encounter", bed), demo_id("staff", "zhangwei"), demo_id("staff", "liufang")
    now = utcnow()
    start = now - timedelta(days=30)
    with db.begin() as conn:
        conn.execute(update(encounter).where(encounter.c.id == enc).values(admitted_at=start))
        drugs = conn.execute(select(drug.c.id, drug.c.generic_name).limit(60)).all()
        vitals = []
        for n in range(30 * 6):
            at = start + timedelta(hours=4 * n)
            for item, value in (("temp", 36.8), ("pulse", 80), ("resp", 18), ("sbp", 128), ("dbp", 78),
                                ("spo2", 97), ("weight", 63)):
                vitals.append({"id": new_id(), "encounter_id": enc, "measured_at": at, "item": item,
                               "num_value": value, "recorded_by": nurse, "device_time": at,
                               "created_at": at, "voided": False, "voids": None})
        conn.execute(insert(vital_obs), vitals)
        conn.execute(insert(med_order), [{
            "id": new_id(), "encounter_id": enc, "term": "long" if i % 3 else "temp", "category": "drug",
            "drug_id": d.id, "content": f"{d.generic_name} 1片 口服 每日一次", "status": "active",
            "start_at": start + timedelta(hours=i), "ordered_by": doctor, "use_kind":
            "discharge" if i % 10 == 0 else "regular", "version": 1, "created_at": start,
            "updated_at": start} for i, d in enumerate(drugs)])
        docs, revs = [], []
        for day in range(30):
            at = start + timedelta(days=day, hours=9)
            kind, title = ("discharge", "出院记录") if day == 29 else ("progress", "日常病程记录")
            doc_id = new_id()
            docs.append({"id": doc_id, "encounter_id": enc, "doc_type": kind, "title": title,
                         "status": "signed", "event_at": at, "rev_no": 1, "author_id": doctor,
                         "signed_at": at, "signed_by": doctor, "cosign_needed": False,
                         "late_entry": False, "version": 1, "created_at": at, "updated_at": at})
            sections = [{"title": t, "text": f"{t}：第{day + 1}天记录。" * 8}
                        for t in ("入院情况", "诊疗经过", "出院诊断", "出院情况", "出院医嘱")]
            revs.append({"id": new_id(), "doc_id": doc_id, "rev_no": 1, "body": {"sections": sections},
                         "editor_id": doctor, "edited_at": at, "reason": None})
        conn.execute(insert(clin_doc), docs)
        conn.execute(insert(doc_rev), revs)
    return str(enc)


def bench_export(db: Any, encounter_id: str, runs: int) -> tuple[list[str], dict[str, Any]]:
    from app.clock import utcnow
    from app.exchange.fhir_bundle import build_bundle
    from app.exchange.settings import exchange_settings
    from app.exchange.stay_record import read_stay

    times, bundle = [], {}
    for _ in range(runs):
        t = time.perf_counter()
        with db.read() as conn:
            record = read_stay(conn, encounter_id)
            bundle = build_bundle(record, exchange_settings(conn), ident=f"stay-{encounter_id}",
                                  timestamp=utcnow())
        text = json.dumps(bundle, ensure_ascii=False, sort_keys=True)
        times.append((time.perf_counter() - t) * 1000)
    kinds: dict[str, int] = {}
    for e in bundle["entry"]:
        kinds[e["resource"]["resourceType"]] = kinds.get(e["resource"]["resourceType"], 0) + 1
    size = len(text.encode("utf-8")) / 1024
    counts = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    return ([f"export of a 30-day stay: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
             f"over {runs} runs; {size:.1f} KiB, {len(bundle['entry'])} resources ({counts})"], bundle)


def _serve(latency: float, ready: Any, stop: Any) -> None:
    """The platform in a process of its own (as on another machine: no shared GIL)."""
    import logging

    from pytest_httpserver import HTTPServer
    from werkzeug import Response

    from tests.unit.exchange.fhir_server import FhirServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = HTTPServer(threaded=True)
    server.start()
    fhir = FhirServer(server, latency=latency)
    server.expect_request("/fhir/_stats").respond_with_handler(
        lambda r: Response(json.dumps({"stored": len(fhir.stored), "posts": fhir.posts})))
    ready.put(fhir.base)
    stop.wait()
    server.clear()
    server.stop()


def bench_flush(db: Any, bundle: dict[str, Any], sends: int, latency: float, parallel: int) -> str:
    import multiprocessing

    import requests
    from sqlalchemy import delete, insert

    from app.clock import utcnow
    from app.exchange.queue import queue_bundle
    from app.exchange.sender import flush
    from app.services.demo_ids import demo_id
    from app.store.schema import app_setting, exchange_out, member_inst

    ctx = multiprocessing.get_context("spawn")
    ready, stop = ctx.Queue(), ctx.Event()
    proc = ctx.Process(target=_serve, args=(latency, ready, stop), daemon=True)
    proc.start()
    try:
        base = ready.get(timeout=60)
        now = utcnow()
        with db.begin() as conn:
            conn.execute(delete(exchange_out))
            conn.execute(delete(app_setting).where(app_setting.c.skey == "exchange:parallel"))
            conn.execute(insert(app_setting).values(skey="exchange:parallel", svalue=str(parallel)))
            conn.execute(member_inst.update().values(endpoint=base))
            for n in range(sends):
                copy = dict(bundle, identifier={"system": bundle["identifier"]["system"],
                                                "value": f"bench-{parallel}-{n}"})
                queue_bundle(conn, copy, kind="document", inst_id=demo_id("member_inst", "PRH-3A-0001"),
                             now=now)
        t = time.perf_counter()
        report = flush(db, workstation="bench")
        took = time.perf_counter() - t
        stats = requests.get(f"{base}/_stats", timeout=10).json()
        once = stats["stored"] == sends == report.sent
        return (f"flush of {sends} queued sends at +{latency * 1000:.0f} ms, {parallel} in parallel: "
                f"{took:.1f} s, {sends / took:.0f} items/s; {report.sent} sent, {stats['posts']} POSTs, "
                f"each Bundle stored once: {once}")
    finally:
        stop.set()
        proc.join(timeout=10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.exchange")
    parser.add_argument("--sends", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        db = _demo(Path(tmp) / "demo.db")
        try:
            encounter_id = _pad_stay(db, 7)
            lines, bundle = bench_export(db, encounter_id, args.runs)
            for line in lines:
                print(line, flush=True)
            for parallel in (8, 16, 32):
                print(bench_flush(db, bundle, args.sends, args.latency_ms / 1000, parallel), flush=True)
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
