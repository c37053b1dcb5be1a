"""Memory of a real GUI process: the demo ward board and 10 charts opened.

A child process (offscreen) builds the real window (`ui.app.create_window`) around the real
`AppBackend` on a demo database in a temp data dir, and drives it as a user would: waits for the
login page, signs in with a demo doctor (the login page's own signal), waits for the ward board,
opens 10 patients' charts and waits for each header. It reports its resident set (VmRSS) at each
step, the steady RSS after that (garbage collected, a second idle), and the peak (VmHWM; ru_maxrss
says the same). Two cases: the database exists (a later start, the usual day; the file is made
by one first run of `main.py` beforehand) and a first run (create and seed behind the login).
Target: < 250 MB, steady and peak.

    .venv/bin/python -m bench.memory [--charts 10] [--platform offscreen]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 250.0
MARKER = "WARDSTATION_MEMORY"


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def child(charts: int) -> int:
    """Runs in the measured process: drive the real window, print one JSON line."""
    sys.path.insert(0, str(ROOT))
    import gc
    import resource

    from ui import i18n
    from ui.app import create_window
    from ui.operations.backend import AppBackend
    from ui.qt import QApplication
    from ui.settings import Settings

    steps: dict[str, float] = {"GUI modules imported": _status_mb("VmRSS")}
    app = QApplication([sys.argv[0]])
    i18n.setup_font()
    window = create_window(AppBackend(), Settings())
    opened: list[str] = []
    window.patient_opened.connect(opened.append)
    loaded: list[str] = []
    window.ward_loaded.connect(loaded.append)

    def wait(predicate: Callable[[], bool], what: str, timeout: float = 300.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.002)

    start = time.monotonic()
    window.show()
    window.start()
    wait(lambda: window.db_ready, "the login page")
    steps["login ready"] = _status_mb("VmRSS")
    spec = json.loads((ROOT / "resources" / "demo" / "ward.json").read_text(encoding="utf-8"))
    passwords = {s["key"]: s["password"] for s in spec["staff"]}
    login = next(name for name, role in spec["login_accounts"] if role == "role.doctor")
    window.login_page.login_requested.emit(login, passwords[login])
    wait(lambda: bool(loaded), "the ward board")
    steps["ward board"] = _status_mb("VmRSS")
    encounters = [r.card.encounter_id for r in window.ward_view.model.rows() if r.card.encounter_id]
    for encounter_id in encounters[:charts]:
        window.open_patient(encounter_id)

        def shown(e: str = encounter_id) -> bool:
            return e in opened

        wait(shown, f"chart {encounter_id}")
    steps[f"{min(charts, len(encounters))} charts open"] = _status_mb("VmRSS")
    gc.collect()
    idle_until = time.monotonic() + 1.0
    wait(lambda: time.monotonic() > idle_until, "idle")
    steps["steady (gc, 1 s idle)"] = _status_mb("VmRSS")
    result: dict[str, Any] = {
        "steps": steps,
        "peak_mb": _status_mb("VmHWM"),
        "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "seconds": time.monotonic() - start,
        "tabs": window.tabs.count() - 1,
    }
    window.close()
    window.ctx.runner.shutdown()
    print(MARKER, json.dumps(result), flush=True)
    return 0


def _measure(data: Path, charts: int, platform: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, WARDSTATION_DATA_DIR=str(data),
               WARDSTATION_SETTINGS=str(data / "settings.ini"), WARDSTATION_LOG="ERROR")
    proc = subprocess.run([sys.executable, "-m", "bench.memory", "--child", "--charts", str(charts)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith(MARKER):
            result: dict[str, Any] = json.loads(line[len(MARKER):])
            return result
    raise RuntimeError(f"no result (exit {proc.returncode}): {proc.stderr[-1500:]}")


def _first_run(data: Path, platform: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, WARDSTATION_DATA_DIR=str(data),
               WARDSTATION_SETTINGS=str(data / "settings.ini"), WARDSTATION_LOG="ERROR",
               WARDSTATION_QUIT_WHEN_READY="1")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"first run failed ({proc.returncode}): {proc.stderr[-1500:]}")


def _report(label: str, result: dict[str, Any]) -> None:
    steps = result["steps"]
    steady = steps["steady (gc, 1 s idle)"]
    peak = result["peak_mb"]
    print(f"memory, {label} ({result['tabs']} chart tabs, {result['seconds']:.1f} s):")
    for name, mb in steps.items():
        print(f"  {name:<28} RSS {mb:6.1f} MB")
    ok = steady < TARGET_MB and peak < TARGET_MB
    print(f"  steady {steady:.1f} MB, peak {peak:.1f} MB (VmHWM; ru_maxrss {result['ru_maxrss_mb']:.1f}) "
          f"[target < {TARGET_MB:.0f} MB: {'MET' if ok else 'NOT MET'}]", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--charts", type=int, default=10)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.charts)
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as tmp:
        existing = Path(tmp) / "existing"
        _first_run(existing, args.platform)
        _report("database exists", _measure(existing, args.charts, args.platform))
        _report("first run (create + seed in the same process)",
                _measure(Path(tmp) / "first", args.charts, args.platform))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
