"""The ward view and the chart open as the GUI makes them: the exact `AppBackend` calls, timed,
with their round trips counted where they land.

- ward list = `list_wards()` (once after sign-in); ward view = `ward_overview(ward_id)` (the
  board, and every refresh of it); chart open = `chart(encounter_id, staff_id)`: the header,
  allergies, diagnoses and the 医嘱 tab's orders, as the chart opens, for several patients in turn;
  bed flags = `app.services.ward_marks.ward_marks` (read right after the board has painted:
  orders to verify, documents due, risk scores; shown, no target, the board does not wait for it).
- SQLite: the GUI's own demo database (`AppBackend(demo_path=...)`: created, migrated and seeded
  exactly as on a first run, then opened again as on a later start); statements counted by
  SQLite's own trace hook. Embedded: there is no network, so no proxy run.
- PostgreSQL: a server the bench starts itself (tests/pg.py, `log_statement=all`) unless `--url`
  is given; seeded with the IT command line (`main.py db upgrade`, `main.py demo seed`). Each
  screen runs direct and through the fault proxy (tests/netfault.py) at `--latency-ms` added
  round trip. Statements are counted in the server's own log for this run's application name
  (ground truth; not available with `--url`), round trips also by the proxy.
- Right after sign-in, the first ward view and chart open are shown on their own (cold read
  pool: connection set-up, counted apart by the proxy, and statement compilation, as a user
  meets them once per start); then `--runs` of each on the warm pool. Before each call the bench
  waits until the backend's background writer (the queued chart-view audit) is quiet; what that
  writer sends after a call returned is shown apart ("then N in the background").
- median / p90 / max over `--runs`; the targets are judged on the warm runs at `--latency-ms`
  (median time; the most round trips of any run).

    .venv/bin/python -m bench.screens [--runs 20] [--latency-ms 30] [--charts 5]
    .venv/bin/python -m bench.screens --url postgresql+psycopg2://USER:PW@HOST/DB   # that server
    .venv/bin/python -m bench.screens --no-sqlite      # PostgreSQL only
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.netfault import Counts, FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402

# screen -> (most round trips, milliseconds at the bench latency)
TARGETS = {"ward view": (2, 100.0), "chart open": (3, 150.0)}
QUIET = 0.15          # seconds without a statement: the background writer is done


def demo_login() -> tuple[str, str]:
    """A doctor's demo login and password (resources/demo/ward.json)."""
    spec = json.loads((ROOT / "resources" / "demo" / "ward.json").read_text(encoding="utf-8"))
    passwords = {s["key"]: s["password"] for s in spec["staff"]}
    login = next(login for login, role in spec["login_accounts"] if role == "role.doctor")
    return login, passwords[login]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def no_progress(done: int, total: int, label: str) -> None:
    return None


# ---- where statements are counted
class Counter:
    """Statements sent, counted where they land. `mark()` / `count(a, b)` between marks."""

    name = "none"

    def mark(self) -> int:
        return 0

    def count(self, start: int, end: int) -> Optional[int]:
        return None


class SqliteTrace(Counter):
    """SQLite's own trace hook (sqlite3 set_trace_callback) on every connection to one file."""

    name = "sqlite trace"

    def __init__(self, path: Path) -> None:
        import sqlalchemy as sa
        from sqlalchemy.engine import Engine

        self.path = str(path)
        self.statements: list[str] = []
        self._lock = threading.Lock()
        self._traced: set[int] = set()

        def on_checkout(conn: Any) -> None:
            if str(conn.engine.url.database) != self.path:
                return
            raw = conn.connection.dbapi_connection
            if id(raw) not in self._traced and hasattr(raw, "set_trace_callback"):
                self._traced.add(id(raw))
                raw.set_trace_callback(self._trace)

        sa.event.listen(Engine, "engine_connect", on_checkout)

    def _trace(self, sql: str) -> None:
        with self._lock:
            self.statements.append(sql)

    def mark(self) -> int:
        with self._lock:
            return len(self.statements)

    def count(self, start: int, end: int) -> Optional[int]:
        return end - start


class ServerLog(Counter):
    """The PostgreSQL server's statement log, for one application name (tests/pg.py)."""

    name = "server log"

    def __init__(self, server: PgServer, application_name: str) -> None:
        self.server = server
        self.app = application_name

    def mark(self) -> int:
        return self.server.log_mark()

    def count(self, start: int, end: int) -> Optional[int]:
        return len(self.server.statements_since(start, application_name=self.app, end=end))


# ---- one measured call
@dataclass
class Sample:
    ms: float
    statements: Optional[int]
    proxy: Optional[Counts]
    background: Optional[int] = None


@dataclass
class Screen:
    name: str
    samples: list[Sample] = field(default_factory=list)


def _activity(counter: Counter, proxy: Optional[FreezableProxy]) -> tuple[int, int]:
    return counter.mark(), proxy.counts().round_trips if proxy else 0


def settle(counter: Counter, proxy: Optional[FreezableProxy], timeout: float = 15.0) -> None:
    """Wait until nothing has been sent for QUIET seconds (a background writer is done)."""
    deadline = time.monotonic() + timeout
    before = _activity(counter, proxy)
    while time.monotonic() < deadline:
        time.sleep(QUIET)
        now = _activity(counter, proxy)
        if isinstance(counter, ServerLog):
            busy = counter.count(before[0], now[0]) != 0
        else:
            busy = now[0] != before[0]
        if not busy and now[1] == before[1]:
            return
        before = now


def measure(call: Callable[[], Any], counter: Counter, proxy: Optional[FreezableProxy]) -> Sample:
    """One call, timed and counted; then wait for quiet and count what followed it."""
    start_mark = counter.mark()
    if proxy is not None:
        proxy.reset_counts()
    start = time.perf_counter()
    call()
    ms = (time.perf_counter() - start) * 1000
    end_mark = counter.mark()
    counts = proxy.counts() if proxy is not None else None
    sample = Sample(ms, counter.count(start_mark, end_mark), counts)
    settle(counter, proxy)
    sample.background = counter.count(end_mark, counter.mark())
    return sample


def run_screens(backend: Any, counter: Counter, proxy: Optional[FreezableProxy], runs: int,
                charts: int) -> tuple[list[Screen], float]:
    """Sign in; the first ward view and chart open right after it (read pool cold: connection
    set-up and statement compilation included, as the user meets them once per start); then
    `runs` ward views and `runs` chart opens on the warm pool. Returns the screens and the
    sign-in milliseconds."""
    login, password = demo_login()
    start = time.perf_counter()
    user = backend.authenticate(login, password)
    sign_in_ms = (time.perf_counter() - start) * 1000
    settle(counter, proxy)
    shown: list[Any] = []
    wards: list[Any] = []
    ward_list = Screen("ward list", [measure(lambda: wards.extend(backend.list_wards()), counter, proxy)])

    def ward_view() -> None:
        shown[:] = backend.ward_overview(wards[0].ward_id)

    first_ward = Screen("ward view", [measure(ward_view, counter, proxy)])
    encounters = [c.encounter_id for c in shown if c.encounter_id][:charts]
    first_chart = Screen("chart open", [measure(lambda: backend.chart(encounters[0], user.id),
                                                counter, proxy)])
    ward = Screen("ward view")
    flags = Screen("bed flags")
    chart = Screen("chart open")

    def bed_flags() -> None:
        from app.services.ward_marks import ward_marks

        backend.read(lambda conn: ward_marks(conn, wards[0].ward_id))

    for i in range(runs):
        ward.samples.append(measure(ward_view, counter, proxy))
        flags.samples.append(measure(bed_flags, counter, proxy))
        encounter_id: str = encounters[(i + 1) % len(encounters)]

        def open_chart(e: str = encounter_id) -> None:
            backend.chart(e, user.id)

        chart.samples.append(measure(open_chart, counter, proxy))
    return [ward_list, first_ward, first_chart, ward, flags, chart], sign_in_ms


def _spread(values: list[int]) -> str:
    lo, hi = min(values), max(values)
    return str(lo) if lo == hi else f"{lo}-{hi}"


def report(label: str, screen: Screen, counter: Counter) -> str:
    ms = [s.ms for s in screen.samples]
    if len(ms) == 1:
        line = f"{label:<26} {screen.name:<10}  first after sign-in {ms[0]:6.1f} ms (cold read pool)"
    else:
        line = (f"{label:<26} {screen.name:<10}  median {statistics.median(ms):6.1f} ms  "
                f"p90 {percentile(ms, 90):6.1f}  max {max(ms):6.1f}  ({len(ms)} runs)")
    counted = [s.statements for s in screen.samples if s.statements is not None]
    if counted:
        line += f" | statements {_spread(counted)} ({counter.name})"
    proxied = [s.proxy for s in screen.samples if s.proxy is not None]
    if proxied:
        line += (f" | proxy round trips {_spread([p.query_round_trips for p in proxied])}, "
                 f"connections opened {sum(p.connections for p in proxied)} "
                 f"(+{sum(p.startup_round_trips for p in proxied)} set-up trips)")
    background: list[int] = [s.background for s in screen.samples if s.background is not None]
    if background and max(background) > 0:
        line += f" | then {_spread(background)} in the background"
    return line


def trips_of(screen: Screen) -> Optional[int]:
    """The most round trips of any run: the server's count, else the proxy's."""
    values = [s.statements for s in screen.samples if s.statements is not None]
    if not values:
        values = [s.proxy.query_round_trips + s.proxy.startup_round_trips
                  for s in screen.samples if s.proxy is not None]
    return max(values) if values else None


def verdict(screens: list[Screen], latency_ms: float) -> str:
    parts = []
    for screen in screens:
        if screen.name not in TARGETS:
            continue                      # measured and shown, no target of its own
        max_trips, max_ms = TARGETS[screen.name]
        trips = trips_of(screen)
        median = statistics.median(s.ms for s in screen.samples)
        ok = trips is not None and trips <= max_trips and median < max_ms
        parts.append(f"{screen.name} <= {max_trips} round trips and < {max_ms:.0f} ms: "
                     f"{'MET' if ok else 'NOT MET'} ({trips if trips is not None else '?'} trips, "
                     f"{median:.0f} ms)")
    return f"targets at +{latency_ms:g} ms: " + "; ".join(parts)


# ---- SQLite: the GUI's demo database
def bench_sqlite(args: argparse.Namespace) -> None:
    from ui.operations.backend import AppBackend

    with tempfile.TemporaryDirectory(prefix="ws-bench-") as tmp:
        path = Path(tmp) / "demo.sqlite"
        counter = SqliteTrace(path)
        first = AppBackend(demo_path=path)
        start = time.perf_counter()
        first.prepare(no_progress)
        first_s = time.perf_counter() - start
        first.close()
        backend = AppBackend(demo_path=path)
        start = time.perf_counter()
        backend.prepare(no_progress)
        later_ms = (time.perf_counter() - start) * 1000
        print(f"sqlite: prepare on a first run (create, migrate, dictionaries, seed) {first_s:.1f} s; "
              f"on a later start {later_ms:.0f} ms", flush=True)
        try:
            screens, sign_in = run_screens(backend, counter, None, args.runs, args.charts)
        finally:
            backend.close()
    for screen in screens:
        print(report("sqlite direct", screen, counter), flush=True)
    print(f"sqlite: sign-in {sign_in:.0f} ms; embedded, no network: no proxy run", flush=True)


# ---- PostgreSQL
def _cli(*args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=900, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"main.py {args[0]} {args[1]} failed: {proc.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def _with(url: str, *, port: Optional[int] = None, app: Optional[str] = None) -> str:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if port is not None:
        parsed = parsed.set(host="127.0.0.1", port=port)
    if app is not None and parsed.get_backend_name() in ("postgresql", "kingbase"):
        parsed = parsed.update_query_dict({"application_name": app})
    return parsed.render_as_string(hide_password=False)


def bench_server(args: argparse.Namespace) -> None:
    from sqlalchemy.engine import make_url

    server: Optional[PgServer] = None
    if args.url:
        url = args.url
        target = make_url(url)
        host, port = target.host or "127.0.0.1", target.port or 5432
        source = f"{target.get_backend_name()} at {host}:{port} (--url: no server log, proxy counts only)"
    else:
        bindir = find_bindir()
        if bindir is None:
            print("postgresql: skipped (no server binaries: apt-get install postgresql)", flush=True)
            return
        server = PgServer(bindir, log_statements=True)
        server.start()
        url = server.url(server.create_database())
        host, port = "127.0.0.1", server.port
        source = f"postgresql: own server {Path(bindir).parent.name} (log_statement=all)"
    try:
        upgrade_s = _cli("db", "upgrade", "--url", url)
        seed_s = _cli("demo", "seed", "--url", url)
        print(f"{source}; db upgrade {upgrade_s:.1f} s, demo seed {seed_s:.1f} s", flush=True)
        results: list[tuple[str, list[Screen], Counter, float]] = []
        for latency in (None, args.latency_ms):
            app = f"ws-bench-{'direct' if latency is None else 'proxy'}-{uuid.uuid4().hex[:6]}"
            proxy = FreezableProxy(port, latency_ms=latency, target_host=host) \
                if latency is not None else None
            counter: Counter = ServerLog(server, app) if server is not None else Counter()
            from ui.operations.backend import AppBackend

            backend = AppBackend(url=_with(url, port=proxy.port if proxy else None, app=app))
            try:
                backend.prepare(no_progress)
                screens, sign_in = run_screens(backend, counter, proxy, args.runs, args.charts)
            finally:
                backend.close()
                if proxy is not None:
                    proxy.close()
            label = "postgresql direct" if latency is None else f"postgresql +{latency:g} ms proxy"
            results.append((label, screens, counter, sign_in))
        for label, screens, counter, sign_in in results:
            for screen in screens:
                print(report(label, screen, counter), flush=True)
            print(f"{label}: sign-in {sign_in:.0f} ms", flush=True)
        print(verdict(results[-1][1][3:], args.latency_ms), flush=True)
    finally:
        if server is not None:
            server.stop()


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="measure this server instead of starting one")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--charts", type=int, default=5, help="patients whose charts are opened in turn")
    parser.add_argument("--latency-ms", type=float, default=30.0, help="added round trip of the proxy run")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-server", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ws-bench-data-") as data:
        os.environ["WARDSTATION_DATA_DIR"] = data      # the backend's local files stay here
        if not args.no_sqlite:
            bench_sqlite(args)
        if not args.no_server:
            bench_server(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
