"""The GUI on the real app services and a real demo SQLite database (first-run seeding included)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import sign_in

pytest.importorskip("app.services.demo")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: Any) -> Path:
    return Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite"


def test_first_run_seeds_then_a_nurse_signs_in(qtbot: Any, settings: Any, demo_path: Path) -> None:
    from app.services.demo import DEMO_ACCOUNTS
    from ui.app import create_window
    from ui.operations.backend import AppBackend

    window = create_window(AppBackend(demo_path=demo_path), settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.db_ready, timeout=120_000)
    assert demo_path.exists()
    login_page = window.login_page
    assert [a.login for a in login_page.demo_model.accounts] == [a[0] for a in DEMO_ACCOUNTS]

    login, password, _role = next(a for a in DEMO_ACCOUNTS if a[2] == "role.nurse")
    sign_in(qtbot, window, login, "not-" + password, wait=False)
    qtbot.waitUntil(lambda: login_page.login_button.isEnabled() and login_page.message.text() != "",
                    timeout=10_000)
    assert login_page.message.text() == "用户名或密码错误"

    sign_in(qtbot, window, login, password)
    wards = window.ward_view.ward_combo
    assert wards.count() >= 1
    cards = window.ward_view.model.rows()
    assert len(cards) > 0
    assert window.ward_view.proxy.rowCount() == len(cards)
    assert "order_verify" in window.action_set.actions and "order_entry" not in window.action_set.actions
    occupied = next(r for r in cards if r.card.occupied)
    window.open_patient(occupied.card.encounter_id or "")
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=10_000)
    chart: Any = window.tabs.widget(1)
    qtbot.waitUntil(lambda: chart.header_widget.header is not None, timeout=10_000)
    header = chart.header_widget
    assert header.fields["mrn"][1].text() == occupied.card.mrn
    qtbot.waitUntil(lambda: "在线" in window.status.connection_label.text(), timeout=10_000)
    window.ctx.runner.shutdown()


def test_real_lockout_message_names_the_unlock_time(qtbot: Any, settings: Any, demo_path: Path) -> None:
    from app.services.demo import DEMO_ACCOUNTS
    from ui.app import create_window
    from ui.operations.backend import AppBackend

    window = create_window(AppBackend(demo_path=demo_path), settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.db_ready, timeout=120_000)
    login = next(a[0] for a in DEMO_ACCOUNTS if a[2] == "role.doctor")
    page = window.login_page
    for attempt in range(5):
        sign_in(qtbot, window, login, f"wrong{attempt}", wait=False)
        qtbot.waitUntil(lambda: page.login_button.isEnabled(), timeout=10_000)
    assert "账号已锁定" in page.message.text()
    assert ":" in page.message.text().split("请于")[1]
    window.ctx.runner.shutdown()
