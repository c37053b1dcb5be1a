"""Dictionary search benchmark: index build time and per-keystroke query latency.

Loads the shipped dictionaries into a temporary SQLite file, builds the index from the
database, pads it with synthetic items to 25,000 entries (a hospital's own formulary and
local ICD extensions make it larger than the shipped data), then times typical keystroke
sequences. Prints the numbers; writes nothing else.

    .venv/bin/python -m bench.search
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.dictionaries.loader import load_all  # noqa: E402
from app.dictionaries.search import SearchIndex, SearchItem, build_index  # noqa: E402
from app.store import schema  # noqa: E402

TARGET = 25_000
TYPED = ["A", "AS", "ASP", "ASPL", "阿", "阿莫", "阿莫西林", "L", "LH", "LHN", "LHJ", "Z", "ZS", "ZSY",
         "TB", "TBQS", "头孢", "头孢曲松", "K", "K3", "K35", "K35.1", "I2", "I21", "急性", "急性心肌",
         "XCG", "血常规", "YJHL", "qd", "bid", "ivgtt", "amox", "ceftriaxone", "GXB", "高血压",
         "TNB", "糖尿病", "DXP", "HYXGGGT", "CZRYDS", "0.9", "注射", "肺炎", "FY", "X", "XQ"]


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        engine = sa.create_engine(f"sqlite:///{tmp}/bench.db")
        schema.metadata.create_all(engine)
        t0 = time.perf_counter()
        with engine.begin() as conn:
            counts = load_all(conn)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with engine.connect() as conn:
            index = build_index(conn)
        build_s = time.perf_counter() - t0
        engine.dispose()
    real = len(index)
    items = list(index.items)
    n = 0
    while len(items) < TARGET:
        src = index.items[n % real]
        n += 1
        items.append(SearchItem(src.kind, f"{src.key}#{n}", f"{src.code}X{n}", f"{src.name}(院内{n})",
                                src.detail, tuple(f"{s}YN" for s in src.initials), src.names))
    t0 = time.perf_counter()
    padded = SearchIndex(items)
    pad_build_s = time.perf_counter() - t0
    print(f"loaded rows: {sum(counts.values())} in {load_s:.2f} s (SQLite)")
    print(f"index from database: {real} items in {build_s * 1000:.0f} ms")
    print(f"padded index: {len(padded)} items, in-memory build {pad_build_s * 1000:.0f} ms")
    for label, idx in (("shipped", index), ("padded", padded)):
        times: list[float] = []
        for _ in range(5):
            for q in TYPED:
                t = time.perf_counter()
                idx.search(q, limit=20)
                times.append((time.perf_counter() - t) * 1000)
        print(f"{label:8s} {len(times)} queries: p50 {statistics.median(times):.2f} ms  "
              f"p90 {_pct(times, 90):.2f} ms  p99 {_pct(times, 99):.2f} ms  max {max(times):.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
