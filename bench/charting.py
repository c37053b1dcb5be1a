"""Charting at ward scale (issue 14), on PostgreSQL behind the fault proxy:

- the ward grid's load for a slot (`ward_grid` through `AppBackend.read`, every admitted patient
  of the demo ward): statements in the server's log, milliseconds;
- the grid's save: one RecordVitals per patient row (T, site, P, R, BP, SpO2, pain) through
  `AppBackend.execute`, row after row as the nurse leaves them: statements and ms per row, and
  the whole ward;
- the 体温单: reading a week (`patient_week`) through the proxy; building the drawing model and
  painting it with Qt (offscreen, 1240 px = 150 dpi A4) for one week and for a 30-day stay
  (five pages).

    .venv/bin/python -m bench.charting [--latency-ms 30] [--runs 15]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.screens import ServerLog, _cli, _with, no_progress  # noqa: E402
from tests.netfault import FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def nurse_login() -> tuple[str, str]:
    spec = json.loads((ROOT / "resources" / "demo" / "ward.json").read_text(encoding="utf-8"))
    passwords = {s["key"]: s["password"] for s in spec["staff"]}
    login = next(login for login, role in spec["login_accounts"] if role == "role.nurse")
    return login, passwords[login]


def bench_grid(url: str, port: int, server: PgServer, latency: float, runs: int) -> list[str]:
    from app.clock import utcnow
    from app.domain import vitals_due as due
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.vitals import patient_week, ward_grid
    from app.services.vitals_cmds import RecordVitals, VitalValue
    from ui.operations.backend import AppBackend

    out: list[str] = []
    app = f"ws-charting-{uuid.uuid4().hex[:6]}"
    counter = ServerLog(server, app)
    proxy = FreezableProxy(port, latency_ms=latency)
    backend = AppBackend(url=_with(url, port=proxy.port, app=app))
    try:
        backend.prepare(no_progress)
        login, password = nurse_login()
        user = backend.authenticate(login, password)
        ward = demo_id("ward")
        zone = datetime.now().astimezone().tzinfo
        slot = due.slot_of(utcnow() + timedelta(hours=4), zone)   # the next slot: nothing charted yet
        times, trips = [], []
        grid: Any = None
        for _ in range(runs):
            mark = counter.mark()
            t0 = time.perf_counter()
            grid = backend.read(lambda conn: ward_grid(conn, ward, slot))
            times.append((time.perf_counter() - t0) * 1000)
            trips.append(counter.count(mark, counter.mark()))
        out.append(f"ward grid load, {len(grid.rows)} patients, +{latency:g} ms: median "
                   f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms, statements "
                   f"{max(t or 0 for t in trips)} (target <= 3)")
        row_times, row_trips = [], []
        start = time.perf_counter()
        for n, row in enumerate(grid.rows):
            values = tuple(VitalValue(obs_id=new_id(), item=item, value=Decimal(v), method=m)
                           for item, v, m in (("temp", "36.8", "axillary"), ("pulse", str(70 + n % 20), None),
                                              ("resp", "18", None), ("sbp", "124", None),
                                              ("dbp", "78", None), ("spo2", "97", None),
                                              ("pain", "0", None)))
            cmd = RecordVitals(op_id=new_id(), actor_id=user.id, device_time=utcnow(),
                               encounter_id=row.encounter_id, measured_at=utcnow(), values=values,
                               slot_at=slot)
            mark = counter.mark()
            row_times.append(_timed(lambda c=cmd: backend.execute(c)))
            row_trips.append(counter.count(mark, counter.mark()))
        total = (time.perf_counter() - start) * 1000
        out.append(f"ward grid save, one RecordVitals per row (7 values), +{latency:g} ms: median "
                   f"{statistics.median(row_times):.0f} ms a row, max {max(row_times):.0f} ms, "
                   f"statements {statistics.median([t or 0 for t in row_trips]):.0f} a row; "
                   f"{len(row_times)} rows {total / 1000:.1f} s")
        week_times, week_trips = [], []
        for _ in range(runs):
            mark = counter.mark()
            week_times.append(_timed(lambda: backend.read(
                lambda conn: patient_week(conn, demo_id("encounter", 8), 0))))
            week_trips.append(counter.count(mark, counter.mark()))
        out.append(f"体温单 week read, +{latency:g} ms: median {statistics.median(week_times):.0f} ms, "
                   f"statements {max(t or 0 for t in week_trips)}")
    finally:
        backend.close()
        proxy.close()
    return out


def _stay(days: int) -> list[Any]:
    """A febrile stay of `days` days, every slot charted, as ChartWeek pages."""
    from app.domain import vitals_due as due
    from app.services.vitals import ChartHeader, ChartWeek, Obs

    zone = timezone(timedelta(hours=8))
    admitted = datetime(2026, 11, 1, 9, 30, tzinfo=zone)
    obs: list[Obs] = []
    for d in range(days):
        for s, hour in enumerate(due.SLOTS):
            when = datetime(2026, 11, 1, hour, tzinfo=zone) + timedelta(days=d)
            t = Decimal("37.0") + Decimal((d * 7 + s * 3) % 25) / 10
            for item, value, method in (("temp", t, "axillary"), ("pulse", Decimal(70 + s * 4), None),
                                        ("resp", Decimal(18), None)):
                obs.append(Obs(str(uuid.uuid4()), item, value, None, method, None, when,
                               due.slot_of(when, zone), "n", "n", when))
        day = datetime(2026, 11, 1, 14, tzinfo=zone) + timedelta(days=d)
        for item, value in (("sbp", 128), ("dbp", 80), ("intake", 1800), ("urine", 1500), ("stool", 1)):
            obs.append(Obs(str(uuid.uuid4()), item, Decimal(value), None, None, None, day,
                           due.slot_of(day, zone), "n", "n", day))
    header = ChartHeader("e", "p", "测试", "心内科", "8", "ZY1", admitted, None)
    weeks = (days + 6) // 7
    pages = []
    for w in range(weeks):
        first = admitted.date() + timedelta(days=7 * w)
        dates = tuple(first + timedelta(days=i) for i in range(7))
        pages.append(ChartWeek(header, w + 1, weeks, dates,
                               tuple(o for o in obs if o.measured_at.astimezone(zone).date() in dates), (),
                               (), 480))
    return pages


def bench_render(runs: int) -> list[str]:
    from app.printing.tempchart_model import build_page
    from ui.qt import QApplication
    from ui.vitals.tempchart import render_image

    _app = QApplication.instance() or QApplication([])
    out = []
    for days in (7, 30):
        pages = _stay(days)
        model, paint = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            built = [build_page(p) for p in pages]
            t1 = time.perf_counter()
            for b in built:
                render_image(b, 1240)
            t2 = time.perf_counter()
            model.append((t1 - t0) * 1000)
            paint.append((t2 - t1) * 1000)
        out.append(f"体温单 {days}-day stay ({len(pages)} page{'s' if len(pages) > 1 else ''}): model "
                   f"{statistics.median(model):.1f} ms, Qt paint at 1240 px "
                   f"{statistics.median(paint):.0f} ms (median of {runs})")
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    for line in bench_render(args.runs):
        print(line, flush=True)
    bindir = find_bindir()
    if bindir is None:
        print("charting: database part skipped (no PostgreSQL server binaries)")
        return 0
    server = PgServer(bindir, log_statements=True)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        for line in bench_grid(url, server.port, server, args.latency_ms, args.runs):
            print(line, flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
