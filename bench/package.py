"""The .deb figures: package size, installed size, cold and warm start to the first window.

Installs the Kylin .deb into a fresh Debian 11 root (packaging/bullseye_root.sh), then times the
packaged `wardstation` and `python main.py` from this checkout on the same Xvfb display, in the
same run: cold = page cache dropped before each start (needs root), warm = straight after. The first
window is the first mapped top-level window (packaging/xwait.py), not a marker printed by the app.

    .venv/bin/python -m bench.package [--cold 3] [--warm 5]
Needs root, debootstrap and a built .deb (`make deb`); otherwise prints why and skips.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Optional

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "packaging"
sys.path.insert(0, str(PKG))

import xwait  # noqa: E402

DISPLAY = ":71"


def _sh(*args: str) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def _drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _time_window(x: xwait.X, cmd: List[str], env: dict[str, str]) -> float:
    before = {w for w, *_ in x.viewable_windows()}
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        result = xwait.wait_for_window(x, proc, 60.0, before, start)
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(10)
    if result is None:
        raise RuntimeError(f"no window from {cmd[-1]}")
    time.sleep(0.3)  # let the window go away before the next start
    return float(result[0]) * 1000


def _series(label: str, runs: int, cold: bool, start: Callable[[], float]) -> Optional[List[float]]:
    out = []
    for _ in range(runs):
        if cold and not _drop_caches():
            return None
        out.append(start())
    print(
        f"  {label:<34} median {statistics.median(out):7.0f} ms   runs {', '.join(f'{v:.0f}' for v in out)}"
    )
    return out


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--warm", type=int, default=5)
    args = parser.parse_args(argv)
    debs = sorted((PKG / "out").glob("*.deb"))
    if os.geteuid() != 0 or not debs or shutil.which("debootstrap") is None or shutil.which("Xvfb") is None:
        print("bench.package: skipped (needs root, debootstrap, Xvfb and `make deb` output)")
        return 0
    print("packages:")
    for deb in debs:
        installed = _sh("dpkg-deb", "-f", str(deb), "Installed-Size").strip()
        print(
            f"  {deb.name:<44} {deb.stat().st_size / 1e6:6.1f} MB .deb,"
            f" {int(installed) / 1024:6.1f} MB installed"
        )
    kylin = next(d for d in debs if d.name.startswith("wardstation_"))
    root = PKG / "build" / "bench-root"
    env_sh = {"WS_BUILD_DIR": str(PKG / "build"), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run([str(PKG / "bullseye_root.sh"), "fresh", "amd64", str(root)], check=True, env=env_sh)
        subprocess.run([str(PKG / "bullseye_root.sh"), "mount", str(root)], check=True, env=env_sh)
        (root / "tmp/.X11-unix").mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "--bind", "/tmp/.X11-unix", str(root / "tmp/.X11-unix")], check=True)
        shutil.copy(kylin, root / "tmp" / kylin.name)
        subprocess.run(
            [
                str(PKG / "bullseye_root.sh"),
                "run",
                str(root),
                f"apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/{kylin.name}",
            ],
            check=True,
            env=env_sh,
            capture_output=True,
        )
        time.sleep(1)
        x = xwait.X(DISPLAY)
        home = tempfile.mkdtemp(prefix="ws-bench-", dir=root / "tmp")
        chroot_home = "/tmp/" + Path(home).name
        packaged = [
            "/usr/sbin/chroot",
            str(root),
            "/usr/bin/env",
            "-i",
            f"HOME={chroot_home}",
            "LANG=C.UTF-8",
            "PATH=/usr/bin:/bin",
            f"DISPLAY={DISPLAY}",
            "wardstation",
        ]
        src_home = tempfile.mkdtemp(prefix="ws-bench-src-")
        src_env = {
            **os.environ,
            "DISPLAY": DISPLAY,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": src_home,
            "XDG_DATA_HOME": f"{src_home}/.local/share",
            "XDG_CONFIG_HOME": f"{src_home}/.config",
        }
        source = [sys.executable, str(ROOT / "main.py")]
        print(f"start to first window (Xvfb {DISPLAY}; first run of each creates its demo database):")
        _series("packaged, first start", 1, False, lambda: _time_window(x, packaged, {}))
        _series("python main.py, first start", 1, False, lambda: _time_window(x, source, src_env))
        cold_ok = _series(
            "packaged, cold (caches dropped)", args.cold, True, lambda: _time_window(x, packaged, {})
        )
        _series(
            "python main.py, cold (caches dropped)", args.cold, True, lambda: _time_window(x, source, src_env)
        )
        if cold_ok is None:
            print("  cold: cannot drop the page cache here (not root in the host kernel): skipped")
        _series("packaged, warm", args.warm, False, lambda: _time_window(x, packaged, {}))
        _series("python main.py, warm", args.warm, False, lambda: _time_window(x, source, src_env))
        shutil.rmtree(src_home, ignore_errors=True)
    finally:
        xvfb.terminate()
        subprocess.run([str(PKG / "bullseye_root.sh"), "umount", str(root)], env=env_sh, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
