"""The offline fallback as a ward PC lives it (issue 15): the real main window (offscreen) on
PostgreSQL behind the fault proxy at `--latency-ms` (30), its health timer every 5 s, a real
SQLCipher replica (its key in an in-memory keyring: the Secret Service is the tests' business), a
10 ms QTimer as the GUI thread's heartbeat through three phases:

- outage: the proxy stops answering (blackhole); the time until the status bar says 离线 and
  the worst heartbeat gap meanwhile;
- the backlog: `--ops` commands (the ward's mix with the week's executions, bench/offline.py)
  queued on the replica as the offline screens queue them, then the link comes back;
- reconnect and replay: the time until the status bar says 在线 and the queue is empty, the
  replay's ops/s in the window's own batches, and the worst heartbeat gap.

Target: no gap over 200 ms; offline within 10 s; the 10,000 in under 60 s at >= 1,000 ops/s.

    .venv/bin/python -m bench.offline_gui [--latency-ms 30] [--ops 10000] [--gui-batch N]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.offline import _ward_commands  # noqa: E402
from bench.screens import _cli, _with  # noqa: E402
from tests.netfault import FreezableProxy  # noqa: E402
from tests.pg import PgServer, find_bindir  # noqa: E402


def _memory_keyring() -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> Optional[str]:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    keyring.set_keyring(Memory())


class Heart:
    """A 10 ms timer on the GUI thread; the gaps between its beats are how long it was held."""

    def __init__(self) -> None:
        from ui.qt import QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self.timer.start(10)

    def worst_since(self, start: float) -> float:
        seen = [b for b in self.beats if b >= start]
        return max((b - a for a, b in zip(seen, seen[1:])), default=0.0) * 1000


def _wait(app: Any, until: Callable[[], bool], timeout: float) -> float:
    """Run the window's own event loop until `until()` (asked every 20 ms): the GUI thread sleeps
    in Qt between events, as in the ward, instead of a Python polling loop taking the
    interpreter lock from the replay."""
    from PySide6.QtCore import QEventLoop, QTimer

    start = time.perf_counter()
    if until():
        return 0.0
    loop = QEventLoop()
    timer = QTimer()
    expired = [False]

    def ask() -> None:
        if until():
            loop.quit()
        elif time.perf_counter() - start > timeout:
            expired[0] = True
            loop.quit()

    timer.timeout.connect(ask)
    timer.start(20)
    loop.exec()
    timer.stop()
    if expired[0]:
        raise TimeoutError("waited too long")
    return time.perf_counter() - start


def _watch_queue(layer: Any, empty: threading.Event) -> None:
    while layer.queued():
        time.sleep(0.05)
    empty.set()


def run(url: str, port: int, latency: float, ops: int, gui_batch: Optional[int]) -> list[str]:
    from PySide6.QtTest import QTest

    from app.offline import mode
    from app.offline.mode import OfflineLayer
    from app.offline.replay import BATCH
    from app.services.demo_ids import demo_id
    from ui.app import create_window
    from ui.operations.backend import AppBackend
    from ui.qt import QApplication, Qt, QTimer
    from ui.settings import Settings
    from ui.statusbar import OFFLINE, ONLINE

    if gui_batch:                                   # a fixed batch, to compare
        fixed = mode.OfflineLayer.replay

        def replay(self: Any, server: Any, progress: Any = None, batch: int = 0) -> Any:
            return fixed(self, server, progress, batch=gui_batch)

        mode.OfflineLayer.replay = replay  # type: ignore[method-assign]
    app = QApplication.instance() or QApplication([])
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, FreezableProxy(port, latency_ms=latency) as proxy:
        ini = Path(tmp) / "settings.ini"
        ini.write_text("[General]\nhealth_check_seconds=5\n", encoding="utf-8")
        backend = AppBackend(url=_with(url, port=proxy.port, app="ws-offline-gui"))
        layer = OfflineLayer(Path(tmp), "bench", "pc-bench", server=backend._require)
        backend.offline = layer
        window = create_window(backend, Settings(str(ini)))
        window.resize(1366, 740)
        window.show()
        window.start()
        _wait(app, lambda: bool(window.db_ready), 60)
        page = window.login_page
        QTest.keyClicks(page.user_edit, "liming")
        QTest.keyClicks(page.password_edit, "demo-doctor1")
        QTest.keyClick(page.password_edit, Qt.Key.Key_Return)
        _wait(app, lambda: window.ward_view.model.rowCount() > 0, 60)
        layer.refresh(backend._require(), demo_id("ward"))
        heart = Heart()
        start = time.perf_counter()
        _wait(app, lambda: time.perf_counter() - start > 3, 10)
        lines.append(f"online, idle 3 s: worst heartbeat gap {heart.worst_since(start):.0f} ms")

        proxy.freeze()                                   # the server stops answering
        start = time.perf_counter()
        took = _wait(app, lambda: window.status.state == OFFLINE, 30)
        lines.append(f"outage (blackhole) to 离线 on the status bar: {took:.1f} s (health check every 5 s, "
                     f"3 s timeout); worst heartbeat gap {heart.worst_since(start):.0f} ms")

        cmds = _ward_commands(url, ops, executions=True, tag="界面")
        _, box = layer._open()
        start = time.perf_counter()
        for cmd in cmds:
            box.enqueue(cmd, mode.patient_key(cmd))
        queued_s = time.perf_counter() - start
        given = sum(type(cmd).__name__ == "RecordExecution" for cmd in cmds)
        n = len(cmds)
        del cmds                                         # typed one at a time: none kept in memory
        lines.append(f"{n} commands ({given} executions of the week's plan items, vitals, allergies, "
                     f"病情/护理级别) queued on the replica's outbox in {queued_s:.1f} s")
        window.outage.queued_now()

        proxy.thaw()                                     # the server is back
        start = time.perf_counter()
        back = _wait(app, lambda: window.status.state == ONLINE, 60)
        said: list[str] = []                             # what the status bar said meanwhile
        watch = QTimer()
        watch.timeout.connect(lambda: said.append(window.status.state))
        watch.start(50)
        empty = threading.Event()                        # watched off the GUI thread, as the
        threading.Thread(target=_watch_queue, args=(layer, empty), daemon=True).start()   # window does
        took = _wait(app, empty.is_set, 600) + back
        worst = heart.worst_since(start)
        watch.stop()
        offline_said = sum(state == OFFLINE for state in said)
        settled = box.counts()
        sizes = f"batches of {gui_batch or BATCH}"
        lines.append(f"reconnect and replay ({sizes}): 在线 after {back:.1f} s, "
                     f"{n} replayed in {took:.1f} s = {n / took:,.0f} ops/s "
                     f"(applied {settled['applied']}, refused {settled['rejected'] + settled['conflict']}); "
                     f"worst heartbeat gap {worst:.0f} ms (target < 200); 离线 on the status bar "
                     f"in {offline_said} of {len(said)} looks during the replay")
        heart.timer.stop()
        window.health_timer.stop()
        window.idle.stop()
        window.ctx.runner.shutdown()
        window.close()
        layer.close()
        backend.close()
    return lines


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=30.0)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--gui-batch", type=int, default=None)
    args = parser.parse_args(argv)
    bindir = find_bindir()
    if bindir is None:
        print("offline_gui: skipped (no PostgreSQL server binaries)")
        return 0
    _memory_keyring()
    server = PgServer(bindir)
    server.start()
    try:
        url = server.url(server.create_database())
        _cli("db", "upgrade", "--url", url)
        _cli("demo", "seed", "--url", url)
        for line in run(url, server.port, args.latency_ms, args.ops, args.gui_batch):
            print(line, flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
