"""Ward overview: load time and round trips for the 40-bed demo ward.

    .venv/bin/python bench/ward.py                      # SQLite file in a temp dir
    .venv/bin/python bench/ward.py --url postgresql+psycopg2://...   # also a server (seeds it
                                                        # when the demo ward is missing)
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa

from app.services import ward


def measure(db: Any, label: str, runs: int) -> None:
    trips: list[str] = []

    def count(*args: Any) -> None:
        trips.append(args[2])

    with db.connect() as conn:
        ward_id = ward.list_wards(conn)[0].ward_id
        ward.ward_overview(conn, ward_id)          # warm the statement cache
        sa.event.listen(db.engine, "before_cursor_execute", count)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            cards = ward.ward_overview(conn, ward_id)
            times.append((time.perf_counter() - start) * 1000)
        sa.event.remove(db.engine, "before_cursor_execute", count)
        header_start = time.perf_counter()
        ward.patient_header(conn, next(c for c in cards if c.encounter_id).encounter_id or "")
        header_ms = (time.perf_counter() - header_start) * 1000
    print(f"{label}: ward overview {len(cards)} beds, {sum(c.occupied for c in cards)} patients: "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over {runs} runs, "
          f"{len(trips) // runs} round trips each; patient header {header_ms:.1f} ms")


def prepare(url: str) -> Any:
    from app.dictionaries.loader import load_all
    from app.services.demo import has_demo_ward, seed_demo
    from app.store.db import open_database
    from app.store.migrate import upgrade

    db = open_database(url, call_timeout=300)
    upgrade(db)
    with db.begin() as conn:
        if not has_demo_ward(conn):
            load_all(conn)
            trips: list[str] = []

            def count(*args: Any) -> None:
                trips.append(args[2])

            sa.event.listen(db.engine, "before_cursor_execute", count)
            start = time.perf_counter()
            counts = seed_demo(conn)
            sa.event.remove(db.engine, "before_cursor_execute", count)
            print(f"seeded the demo ward ({sum(counts.values())} rows) into {db.dialect_name} in "
                  f"{time.perf_counter() - start:.1f} s with {len(trips)} statements")
    return db


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="also measure this database")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = prepare(f"sqlite:///{tmp}/bench.db")
        measure(db, "sqlite", args.runs)
        db.dispose()
    if args.url:
        db = prepare(args.url)
        measure(db, db.dialect_name, args.runs)
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
