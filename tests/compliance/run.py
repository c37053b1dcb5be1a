#!/usr/bin/env python
"""SQLAlchemy's dialect compliance suite against the project's Kingbase dialect (`make compliance`).

1. Starts a throwaway PostgreSQL 15 (tests/pg.py, as the test suite does) and makes one fresh
   UTF8 database per run with the schemas the suite uses (`test_schema`, `test_schema_2`) and
   English full-text search (SQLAlchemy's README.unittests.rst; PostgreSQL's test provisioning,
   also registered for "kingbase" in suite_provision.py, creates the citext/hstore extensions).
2. Runs the suite (tests/compliance/test_suite.py, SQLAlchemy's `sqlalchemy.testing.suite`) in a
   separate pytest process per dialect: first `postgresql+psycopg2` (the reference), then
   `kingbase+ksycopg2` (dbdrivers/kingbase_dialect.py through the ksycopg2 driver, same server).
3. Prints a table of both results and exits non-zero when the Kingbase run has a failure or
   error the psycopg2 run does not have, or does not pass a test psycopg2 passes (skipped or
   missing there), or when either run did not complete.

Opt-in live runs (never gate the exit status, since nothing here can reproduce them):
  KINGBASE_TEST_URL  kingbase+ksycopg2://user:pw@host:54321/db  a real KingbaseES in PG mode
  DM_TEST_URL        dm+dmPython://user:pw@host:5236/          a real Dameng DM8 (dmsqlalchemy)
  ORACLE_TEST_URL    oracle+oracledb://user:pw@host:1521/?service_name=...
Each points at a scratch database/schema the suite may fill and empty; it needs `test_schema`
and `test_schema_2` there (created here for Kingbase when allowed; on DM/Oracle they are users
that a DBA creates). What their figures mean:
  - live Kingbase runs the same tests as the local runs (tests/compliance/requirements.py treats
    every PGDialect subclass alike) and is listed against the psycopg2 reference: a test that
    fails only there is a real KingbaseES difference (its server, or its PostgreSQL version:
    V8R6 reports 12.x) that PostgreSQL 15 cannot show;
  - DM and Oracle run with SQLAlchemy's conservative SuiteRequirements defaults (features
    unknown to be supported are skipped), so their failures say where dmsqlalchemy / SQLAlchemy's
    Oracle dialect break SQLAlchemy's contract on that server; they are not compared with
    PostgreSQL.

Options: --only psycopg2|kingbase (one local run; any failure then fails), -k EXPR,
--pytest-arg ARG (repeatable, passed to pytest).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

import dbdrivers.kingbase  # noqa: E402,F401  (registers kingbase+ksycopg2 with SQLAlchemy)
from tests.pg import PgServer, find_bindir  # noqa: E402

STATUSES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")
RUN_TIMEOUT = 10 * 60   # one suite run; a normal one takes 15-20 s


@dataclass
class Run:
    label: str
    url: str
    gating: bool = False
    pg_family: bool = True
    status: dict[str, str] = field(default_factory=dict)   # neutral test id -> status
    exitstatus: Optional[int] = None
    collected: int = 0
    seconds: float = 0.0
    problem: str = ""

    def count(self) -> Counter[str]:
        return Counter(self.status.values())

    def bad(self) -> set[str]:
        return {t for t, s in self.status.items() if s in ("failed", "error")}


def masked(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def classify(phases: list[list[Any]]) -> str:
    """One status per test, as pytest's summary counts it (failed call beats a teardown error)."""
    outcome = {when: (out, xfail) for when, out, xfail in phases}
    call = outcome.get("call")
    if call is not None:
        out, xfail = call
        if out == "failed":
            return "failed"
        if out == "skipped":
            return "xfailed" if xfail else "skipped"
        if any(o == "failed" for w, (o, _) in outcome.items() if w != "call"):
            return "error"
        return "xpassed" if xfail else "passed"
    setup = outcome.get("setup")
    if setup is not None and setup[0] == "skipped":
        return "xfailed" if setup[1] else "skipped"
    return "error"


def prepare_database(url: str, throwaway: bool) -> None:
    """The schemas the suite uses; on the throwaway server also English full-text search (the
    suite's match() tests expect it). A live database only gets CREATE SCHEMA IF NOT EXISTS."""
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for schema in ("test_schema", "test_schema_2"):
                conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            if throwaway:
                database = conn.exec_driver_sql("select current_database()").scalar()
                conn.exec_driver_sql(
                    f"ALTER DATABASE \"{database}\" SET default_text_search_config = 'pg_catalog.english'")
    finally:
        engine.dispose()


def run_suite(run: Run, extra: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="ws-sqla-") as tmp:
        results = os.path.join(tmp, "results.json")
        env = dict(os.environ, WS_SQLA_COMPLIANCE="1", WS_SQLA_RESULTS=results,
                   PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")])))
        cmd = [sys.executable, "-m", "pytest", "-c", str(HERE / "setup.cfg"), "--rootdir", str(HERE),
               "-p", "suite_outcomes", "-p", "no:cacheprovider", "-q", "--dburi", run.url,
               *extra, str(HERE / "test_suite.py")]
        print(f"\n=== {run.label}: {masked(run.url)}", flush=True)
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdin=subprocess.DEVNULL)
        try:
            run.exitstatus = proc.wait(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            run.problem = f"timed out after {RUN_TIMEOUT} s"
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        run.seconds = time.monotonic() - start
        if not os.path.exists(results):
            run.problem = run.problem or f"pytest exited {proc.returncode} without results"
            return
        with open(results, encoding="utf-8") as f:
            data = json.load(f)
    run.collected = int(data["collected"])
    for test in data["tests"]:
        run.status[test["id"]] = classify(test["phases"])
    if run.exitstatus not in (0, 1) and not run.problem:
        run.problem = f"pytest exit status {run.exitstatus}"


def summary(runs: list[Run]) -> None:
    width = max(len(r.label) for r in runs)
    head = f"{'run':<{width}}  " + "  ".join(f"{s:>7}" for s in STATUSES) + "    total   wall"
    print("\n" + head)
    print("-" * len(head))
    for r in runs:
        c = r.count()
        cells = "  ".join(f"{c.get(s, 0):>7}" for s in STATUSES)
        note = f"  ({r.problem})" if r.problem else ""
        print(f"{r.label:<{width}}  {cells}  {len(r.status):>7}  {r.seconds:>5.0f}s{note}")


def compare(reference: Run, other: Run, limit: int = 60) -> tuple[list[str], list[str]]:
    """(failing only on `other`, passed on `reference` but not run/passed-or-skipped on `other`)."""
    new_bad = sorted(other.bad() - reference.bad())
    not_run = sorted(t for t, s in reference.status.items()
                     if s == "passed" and other.status.get(t) not in ("passed", "failed", "error"))
    for title, ids in (("fail or error here, not with psycopg2", new_bad),
                       ("pass with psycopg2, skipped or missing here", not_run)):
        if ids:
            print(f"\n{other.label}: {len(ids)} test(s) {title}:")
            for t in ids[:limit]:
                print(f"  {other.status.get(t, 'missing'):>7}  {t}")
            if len(ids) > limit:
                print(f"  ... and {len(ids) - limit} more")
    return new_bad, not_run


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("psycopg2", "kingbase"))
    parser.add_argument("-k", dest="keyword")
    parser.add_argument("--pytest-arg", action="append", default=[])
    args = parser.parse_args(argv)
    extra = list(args.pytest_arg) + (["-k", args.keyword] if args.keyword else [])

    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL server binaries not installed (apt-get install postgresql; `make setup-test`)",
              file=sys.stderr)
        return 2
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)
    started = time.monotonic()
    server = PgServer(bindir)
    runs: list[Run] = []
    try:
        server.start()
        local = [("psycopg2", "postgresql+psycopg2 (PostgreSQL 15)", "postgresql+psycopg2"),
                 ("kingbase", "kingbase+ksycopg2 (PostgreSQL 15)", "kingbase+ksycopg2")]
        for key, label, scheme in local:
            if args.only and args.only != key:
                continue
            url = server.url(server.create_database(), scheme=scheme)
            prepare_database(url, throwaway=True)
            runs.append(Run(label, url, gating=key == "kingbase"))
            run_suite(runs[-1], extra)
    finally:
        with contextlib.suppress(Exception):
            server.stop()
    for env, label, pg_family in (("KINGBASE_TEST_URL", "kingbase+ksycopg2 (live KingbaseES)", True),
                                  ("DM_TEST_URL", "dm+dmPython (live DM8)", False),
                                  ("ORACLE_TEST_URL", "oracle+oracledb (live Oracle)", False)):
        url = os.environ.get(env)
        if not url:
            continue
        live = Run(label, url, pg_family=pg_family)
        runs.append(live)
        if pg_family:
            try:
                prepare_database(url, throwaway=False)
            except Exception as exc:  # a live server we may not administer: run the suite anyway
                print(f"{label}: could not create test_schema/test_schema_2 ({type(exc).__name__}); "
                      "running anyway")
        run_suite(live, extra)

    summary(runs)
    reference = next((r for r in runs if r.label.startswith("postgresql+psycopg2")), None)
    problems: list[str] = []
    for r in runs:
        if r is reference:
            if r.problem:
                problems.append(f"{r.label}: {r.problem}")
            if r.bad():
                print(f"\nnote: the psycopg2 reference itself has {len(r.bad())} failure(s)/error(s)")
            continue
        if not r.status:
            new_bad, not_run = [], []   # the run itself failed: its problem says why
        elif reference is not None and r.pg_family:
            new_bad, not_run = compare(reference, r)
            extra_ids = sorted(set(r.status) - set(reference.status))
            if extra_ids:
                print(f"\n{r.label}: {len(extra_ids)} test(s) only in this run (e.g. {extra_ids[0]})")
        else:
            new_bad, not_run = sorted(r.bad()), []
            if new_bad:
                print(f"\n{r.label}: {len(new_bad)} failure(s)/error(s):")
            for t in new_bad[:60]:
                print(f"  {r.status[t]:>7}  {t}")
        if not r.gating:
            print(f"({r.label}: reported only, not part of the exit status)")
            continue
        if r.problem:
            problems.append(f"{r.label}: {r.problem}")
        if new_bad:
            problems.append(f"{r.label}: {len(new_bad)} failure(s)/error(s)"
                            + (" psycopg2 does not have" if reference is not None else ""))
        if not_run:
            problems.append(f"{r.label}: {len(not_run)} test(s) psycopg2 passes were not run")
    print(f"\ncompliance: {time.monotonic() - started:.0f} s in total; "
          + ("FAILED: " + "; ".join(problems) if problems else "OK"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
