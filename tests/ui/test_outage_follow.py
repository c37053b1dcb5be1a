"""Back from an outage in the real window (real AppBackend on the demo database, a real
SQLCipher replica keyed in a real Secret Service): a change typed while the server was away shows
in the status bar's count at once; when the server answers, the queue replays by itself and what
the screens show is read again from the server, so a change refused as a conflict does not stay
on screen as if it had gone in."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.clock import utcnow
from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.schema import encounter
from tests import secret_service
from tests.ui.conftest import sign_in

keyring_service = secret_service.keyring_fixture()
ENC_7 = demo_id("encounter", 7)


def test_after_an_outage_the_chart_shows_the_servers_version_not_the_refused_one(
        keyring_service: Any, qtbot: Any, real_window: Any, real_backend: Any, tmp_path: Path) -> None:
    window = real_window
    window.health_timer.stop()
    layer = OfflineLayer(tmp_path, "back", "pc-back", server=real_backend._require)
    real_backend.offline = layer
    sign_in(qtbot, window, "liming", "demo-doctor1")
    server = real_backend._require()
    layer.refresh(server, demo_id("ward"))
    window.open_patient(ENC_7)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    with server.connect() as conn:
        seen = int(conn.execute(select(encounter.c.version).where(encounter.c.id == ENC_7)).scalar_one())

    real_backend.server_down = True                  # what a failed health check leaves behind
    window.outage.checked(False, demo_id("ward"), window.replay_relay)
    changes = real_backend.execute(c.SetAcuity(op_id=new_id(), actor_id=window.user.id,
                                               device_time=utcnow(), encounter_id=ENC_7,
                                               base_version=seen, acuity="critical"))
    window.apply_changes(changes)
    qtbot.waitUntil(lambda: "（待同步 1）" in window.status.connection_label.text(), timeout=5_000)
    assert "离线 — 数据截至" in window.status.connection_label.text()
    qtbot.waitUntil(lambda: "病危" in page.header_widget.badge_label.text(), timeout=5_000)
    if os.environ.get("WS_SHOTS"):                   # the chart through the outage, for a look
        window.grab().save(os.path.join(os.environ["WS_SHOTS"], "offline-chart.png"))

    run_command(server, "pc-other", c.SetAcuity(    # meanwhile a colleague, on the server
        op_id=new_id(), actor_id=demo_id("staff", "wangjg"), device_time=utcnow(),
        encounter_id=ENC_7, base_version=seen, acuity="serious"))
    real_backend.server_down = False
    window.outage.checked(True, demo_id("ward"), window.replay_relay)
    qtbot.waitUntil(lambda: "病重" in page.header_widget.badge_label.text(), timeout=15_000)
    assert "病危" not in page.header_widget.badge_label.text()
    text = window.status.connection_label.text()
    assert "在线" in text and "离线" not in text and "待同步" not in text

    def board_acuity() -> str:                       # the board too (its own read, maybe a moment later)
        return str(next(r.card.acuity for r in window.ward_view.model.rows() if r.card.encounter_id == ENC_7))

    qtbot.waitUntil(lambda: board_acuity() == "serious", timeout=10_000)
