"""Start-up time: process start to the first window shown, median of N runs of `python main.py`.

Each run gets a fresh settings file and data dir and WARDSTATION_QUIT_WHEN_SHOWN=1, so main.py prints
a timestamp as soon as the window is shown (before any database work) and quits.

    .venv/bin/python bench/startup.py [--runs 7] [--platform offscreen]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "WARDSTATION_WINDOW_SHOWN"


def one_run(platform: str) -> float:
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as tmp:
        env = dict(os.environ)
        env.update({
            "WARDSTATION_QUIT_WHEN_SHOWN": "1",
            "WARDSTATION_SETTINGS": str(Path(tmp) / "settings.ini"),
            "WARDSTATION_DATA_DIR": tmp,
            "WARDSTATION_LOG": "ERROR",
        })
        if platform:
            env["QT_QPA_PLATFORM"] = platform
        started = time.time_ns()
        proc = subprocess.run([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith(MARKER):
            return (int(line.split()[1]) - started) / 1e6
    raise RuntimeError(f"no window marker (exit {proc.returncode}): {proc.stderr[-500:]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args(argv)
    one_run(args.platform)                              # warm the page cache once, not counted
    times = [one_run(args.platform) for _ in range(args.runs)]
    print(f"startup: process start -> first window shown, {args.runs} runs, platform {args.platform}: "
          f"median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
