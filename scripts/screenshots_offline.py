"""Screenshots of the offline fallback in the real app, for review: `make screenshots-offline`.

A throwaway PostgreSQL with the demo ward behind the TCP fault proxy, the app's own window on a
server profile (its SQLCipher replica keyed in a real Secret Service on a private D-Bus), signed
in as a doctor. Then the proxy stops answering: the status bar turns to 离线 — 数据截至 HH:MM, the
chart of bed 7 is read from the replica, a 病情 change is typed and queued. Meanwhile a colleague
changes the same 病情 on the server; when the proxy answers again the queue replays by itself and
the clash is listed on 系统 ▸ 离线冲突处理 with both versions side by side.
Output: screenshots/offline-*.png (needs the PostgreSQL server, dbus and gnome-keyring that
`make setup-test` installs).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
sys.path.insert(0, str(ROOT))

from scripts.screenshots import _ensure_display  # noqa: E402


def main() -> int:
    xvfb = _ensure_display()
    import os

    from sqlalchemy.engine import make_url

    from app.clock import utcnow
    from app.ids import new_id
    from app.services import commands as c
    from app.services.demo_ids import demo_id
    from app.services.write import run_command
    from app.store.db import open_database
    from tests.integration.conftest import seed_postgres
    from tests.netfault import FreezableProxy
    from tests.pg import PgServer, find_bindir
    from tests.secret_service import SecretService
    from ui import i18n
    from ui.app import create_window
    from ui.operations.backend import AppBackend
    from ui.qt import QApplication
    from ui.settings import Settings

    bindir = find_bindir()
    if bindir is None:
        print("screenshots-offline: PostgreSQL server binaries not installed (make setup-test)",
              file=sys.stderr)
        return 1
    OUT.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ws-shots-offline-"))
    os.environ["WARDSTATION_DATA_DIR"] = str(work / "data")
    app = QApplication(sys.argv)
    i18n.setup_font()

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait(cond: Callable[[], bool], what: str, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not cond():
            if time.monotonic() > end:
                raise SystemExit(f"screenshots-offline: timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.02)

    def shot(widget: Any, name: str) -> None:
        settle()
        path = OUT / f"{name}.png"
        widget.grab().save(str(path))
        print(path.relative_to(ROOT))

    server = PgServer(bindir)
    server.start()
    window: Any = None
    try:
        url = server.url(server.create_database())
        print("screenshots-offline: seeding the demo ward on PostgreSQL ...", file=sys.stderr)
        seed_postgres(url)
        direct = open_database(url)
        parsed = make_url(url)
        with SecretService(), FreezableProxy(int(parsed.port or 5432)) as proxy:
            via = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
            settings = Settings(str(work / "gui.ini"))
            window = create_window(AppBackend(profile_name="ward-7", url=via), settings)
            window.resize(1366, 800)
            window.show()
            window.start()
            backend = window.ctx.backend
            wait(lambda: window.db_ready, "the database")
            page = window.login_page
            page.user_edit.setText("liming")
            page.password_edit.setText("demo-doctor1")
            page.login_button.click()
            wait(lambda: window.ward_view.model.rowCount() > 0, "the ward")
            assert backend.offline is not None
            backend.offline.refresh(backend._require(), demo_id("ward"))   # the replica follows
            enc = demo_id("encounter", 7)
            card = next(r.card for r in window.ward_view.model.rows() if r.card.encounter_id == enc)
            window.open_patient(card.encounter_id or "")
            chart = window.tabs.currentWidget()
            wait(lambda: chart.header_widget.header is not None and chart.orders_tab is not None
                 and chart.orders_tab.loaded, "the chart")

            proxy.freeze()                                   # the server stops answering
            window.check_health()
            wait(lambda: "离线" in window.status.connection_label.text(), "offline mode", 30)
            with direct.connect() as conn:
                from sqlalchemy import select

                from app.store.schema import encounter
                seen = int(conn.execute(select(encounter.c.version)
                                        .where(encounter.c.id == enc)).scalar_one())
            changes = backend.execute(c.SetAcuity(op_id=new_id(), actor_id=window.user.id,
                                                  device_time=utcnow(), encounter_id=enc,
                                                  base_version=seen, acuity="critical"))
            window.apply_changes(changes)                    # as the GUI does after a write
            wait(lambda: "待同步 1" in window.status.connection_label.text(), "the queued count", 10)
            window.tabs.setCurrentIndex(0)
            shot(window, "offline-01-ward")
            window.tabs.setCurrentWidget(chart)
            chart.orders_tab.reload()
            wait(lambda: chart.orders_tab.loaded, "the chart from the replica")
            shot(window, "offline-02-chart")
            shot(window.status, "offline-03-statusbar")

            run_command(direct, "pc-other", c.SetAcuity(    # a colleague, online, same version
                op_id=new_id(), actor_id=demo_id("staff", "wangjg"), device_time=utcnow(),
                encounter_id=enc, base_version=seen, acuity="serious"))
            proxy.thaw()                                     # the server is back: replay by itself
            window.check_health()
            wait(lambda: backend.offline.queued() == 0, "the replay", 60)
            window.action_set.actions["offline_conflicts"].trigger()
            conflicts = window.tabs.currentWidget()
            wait(lambda: conflicts.model.rowCount() == 1, "the conflict list", 30)
            shot(window, "offline-04-conflicts")
        direct.dispose()
    finally:
        if window is not None:
            window.close()
            window.ctx.backend.close()
        server.stop()
        if xvfb is not None:
            xvfb.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
