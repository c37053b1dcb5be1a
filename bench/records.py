"""The medical record at ward scale on PostgreSQL behind the fault proxy (issue 12's benchmarks):

- opening a document with 30 revisions (`open_document` through `AppBackend.read`, as the 病历
  tab calls it): statements counted in the server's log, milliseconds;
- the ward's time-limit list (`doc_deadlines.due_items`) for 40 patients (every bed of the demo
  ward filled): statements, milliseconds;
- autosave while typing: a real SectionEditor + Autosaver on an offscreen QApplication, text
  committed as an input method does every 100 ms for `--type-s` seconds, each save sent through
  the runner's write pool to the server slot; how long each save held the GUI thread, the
  longest gap of a 10 ms GUI timer (the event loop's worst stall), and each save's round trip.

    .venv/bin/python -m bench.records [--latency-ms 30] [--type-s 20]
"""
from __future__ import annotations

import argparse
import os
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

BED = 1
REVISIONS = 30
RESIDENT = "zhangwei"


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def load_data(url: str) -> str:
    """A signed document with 30 revisions on bed 1, and a stay in every empty bed (40)."""
    from sqlalchemy import insert, select

    from app.clock import utcnow
    from app.services.demo_ids import demo_id
    from app.store.db import open_database
    from app.store.schema import bed, clin_doc, doc_rev, encounter, patient

    db = open_database(url, call_timeout=120)
    now = utcnow()
    staff = demo_id("staff", RESIDENT)
    doc_id = str(uuid.uuid4())
    sections = [{"id": f"s{k}", "title": f"段落{k}", "text": "查房记录。" * 40, "required": k == 0}
                for k in range(6)]
    with db.begin() as conn:
        conn.execute(insert(clin_doc).values(
            id=doc_id, encounter_id=demo_id("encounter", BED), doc_type="progress", title="日常病程记录",
            status="amended", event_at=now, due_at=None, rev_no=REVISIONS, author_id=staff,
            signed_at=now, signed_by=staff, cosign_needed=False, late_entry=False, version=REVISIONS,
            created_at=now, updated_at=now))
        conn.execute(insert(doc_rev), [{
            "id": str(uuid.uuid4()), "doc_id": doc_id, "rev_no": n, "editor_id": staff, "edited_at": now,
            "reason": None if n == 1 else f"修订 {n}",
            "body": {"sections": [dict(s, text=s["text"] + f"（第{n}版）") for s in sections]}}
            for n in range(1, REVISIONS + 1)])
        ward_id = demo_id("ward")
        taken = set(conn.execute(select(encounter.c.bed_id)
                                 .where(encounter.c.status == "admitted")).scalars())
        free = [b for b in conn.execute(select(bed.c.id).where(bed.c.ward_id == ward_id)).scalars()
                if b not in taken]
        for n, bed_id in enumerate(free):
            pid = str(uuid.uuid4())
            conn.execute(insert(patient).values(id=pid, mrn=f"B{n:06d}", name=f"患者{n}", sex="M",
                                                version=1, created_at=now, updated_at=now))
            conn.execute(insert(encounter).values(
                id=str(uuid.uuid4()), patient_id=pid, visit_no=1, dept_id=demo_id("dept"),
                ward_id=ward_id, bed_id=bed_id, resident_id=staff,
                attending_id=demo_id("staff", "liming"), admitted_at=now, status="admitted",
                nursing_grade=2, acuity="stable", version=1, created_at=now, updated_at=now))
    db.dispose()
    return doc_id


def bench_reads(url: str, port: int, server: PgServer, latency: float, doc_id: str) -> list[str]:
    from app.clock import utcnow
    from app.services import doc_deadlines as dl
    from app.services.demo_ids import demo_id
    from app.services.records import open_document
    from ui.operations.backend import AppBackend

    out: list[str] = []
    app = f"ws-records-{uuid.uuid4().hex[:6]}"
    counter = ServerLog(server, app)
    proxy = FreezableProxy(port, latency_ms=latency)
    backend = AppBackend(url=_with(url, port=proxy.port, app=app))
    try:
        backend.prepare(no_progress)
        staff = demo_id("staff", RESIDENT)
        for label, call in (
                (f"open a document with {REVISIONS} revisions",
                 lambda: backend.read(lambda conn: open_document(conn, doc_id, staff))),
                ("ward time-limit list",
                 lambda: backend.read(lambda conn: dl.due_items(conn, utcnow(), ward_id=demo_id("ward"))))):
            call()                                         # warm the pool
            times, trips = [], []
            for _ in range(15):
                mark = counter.mark()
                times.append(_timed(call))
                trips.append(counter.count(mark, counter.mark()) or 0)
            result = call()
            extra = ""
            if isinstance(result, list):
                extra = f", {len({i.encounter_id for i in result})} patients with items, {len(result)} items"
            else:
                extra = f", {len(result.revisions)} revisions read"
            out.append(f"{label}, +{latency:g} ms: median {statistics.median(times):.0f} ms, "
                       f"max {max(times):.0f} ms, statements {max(trips)}{extra}")
    finally:
        backend.close()
        proxy.close()
    return out


def bench_autosave(url: str, port: int, latency: float, type_s: float) -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    os.environ.setdefault("WARDSTATION_DATA_DIR", tempfile.mkdtemp(prefix="bench-records-"))
    from app.domain.documents import doc_types
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from ui.operations import OpContext
    from ui.operations import records as ops
    from ui.operations.backend import AppBackend
    from ui.operations.runner import Runner
    from ui.qt import QApplication, QInputMethodEvent, QTimer
    from ui.records.editor import Autosaver, SectionEditor
    from ui.settings import SettingsSnapshot

    app = QApplication.instance() or QApplication([])
    proxy = FreezableProxy(port, latency_ms=latency)
    backend = AppBackend(url=_with(url, port=proxy.port))
    out: list[str] = []
    try:
        backend.prepare(no_progress)
        user = backend.authenticate(RESIDENT, "demo-doctor1")
        ctx = OpContext(Runner(), backend, lambda: SettingsSnapshot())
        sections = doc_types()["progress"].sections
        doc_id = new_id()
        done: list[Any] = []
        ops.create(ctx, user, demo_id("encounter", BED), doc_id, "progress", "日常病程记录", sections,
                   done.append)
        while not done:
            app.processEvents()
            time.sleep(0.005)
        editor = SectionEditor()
        editor.set_sections(sections, True)
        editor.resize(800, 600)
        editor.show()
        sent: dict[int, float] = {}
        trips: list[float] = []

        def send(doc: str, base: int, secs: Any, on_done: Any, on_error: Any) -> None:
            key = len(sent)
            sent[key] = time.perf_counter()

            def finished(result: Any) -> None:
                trips.append((time.perf_counter() - sent[key]) * 1000)
                on_done(result)

            ops.autosave(ctx, user, doc, base, secs, finished, on_error)

        saver = Autosaver(editor, send, str(user.id))
        saver.attach(doc_id, 0, True)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        edit = editor.edits[0]
        edit.setFocus()
        end = time.monotonic() + type_s
        next_type = time.monotonic()
        n = 0
        while time.monotonic() < end:
            if time.monotonic() >= next_type:
                n += 1
                event = QInputMethodEvent("", [])
                event.setCommitString(f"患者今日一般情况可{n}。")
                QApplication.sendEvent(edit, event)
                next_type += 0.1
            app.processEvents()
            time.sleep(0.002)
        saver.flush()
        wait_until = time.monotonic() + 10
        while saver.in_flight and time.monotonic() < wait_until:
            app.processEvents()
            time.sleep(0.005)
        timer.stop()
        blocks = saver.block_ms
        out.append(f"autosave while typing {type_s:g} s ({n} commits, +{latency:g} ms): {len(blocks)} saves, "
                   f"GUI thread per save median {statistics.median(blocks):.2f} ms, max {max(blocks):.2f} ms "
                   f"(target < 50 ms); event loop worst stall {max(gaps):.1f} ms (10 ms timer); "
                   f"save round trip median {statistics.median(trips):.0f} ms, max {max(trips):.0f} ms")
        ctx.runner.shutdown()
    finally:
        backend.close()
        proxy.close()
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--type-s", type=float, default=20.0)
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("records: skipped (no PostgreSQL server binaries)")
        return 0
    server = PgServer(bindir, log_statements=True)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        doc_id = load_data(url)
        for line in bench_reads(url, server.port, server, args.latency_ms, doc_id):
            print(line, flush=True)
        for line in bench_autosave(url, server.port, args.latency_ms, args.type_s):
            print(line, flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
