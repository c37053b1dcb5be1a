"""Run every benchmark in turn: `make bench` or `.venv/bin/python -m bench [name ...]`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ("search", "checks", "screens", "orders", "records", "nurse", "charting", "printing", "offline",
         "exchange",
         "freshness", "startup", "memory", "package")


def main(argv: list[str]) -> int:
    names = argv or [n for n in ORDER if (HERE / f"{n}.py").exists()]
    status = 0
    for name in names:
        print(f"== bench.{name}", flush=True)
        rc = subprocess.call([sys.executable, "-m", f"bench.{name}"], cwd=HERE.parent)
        if rc:
            print(f"bench.{name} exited {rc}", flush=True)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
