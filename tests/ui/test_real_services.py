"""The GUI on the real app services and a real demo SQLite database (first-run seeding included)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

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
    from ui.nurse.page import NursePage

    assert isinstance(window.tabs.currentWidget(), NursePage)      # a nurse sees her workstation first
    occupied = next(r for r in cards if r.card.occupied)
    window.open_patient(occupied.card.encounter_id or "")
    qtbot.waitUntil(lambda: window.tabs.count() == 3, timeout=10_000)
    chart: Any = window.tabs.currentWidget()
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


def test_a_server_profile_opens_without_demo_accounts(qtbot: Any, settings: Any, demo_path: Path,
                                                      tmp_path: Path, monkeypatch: Any) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    from app.profiles import save_profile
    from app.services.demo import DEMO_ACCOUNTS
    from ui.app import create_window
    from ui.operations.backend import AppBackend

    class MemoryKeyring(KeyringBackend):
        """The tests set the keyring backend explicitly (PLATFORM.md): none exists headless."""

        priority = 1
        store: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> Any:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # type: ignore[no-untyped-call]
    assert demo_path.exists()                      # seeded by the first test of this module
    monkeypatch.setenv("WARDSTATION_CONFIG_DIR", str(tmp_path))
    save_profile("ward3", "sqlite:///" + str(demo_path))
    try:
        window = create_window(AppBackend(profile_name="ward3"), settings)
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.db_ready, timeout=30_000)
        assert not window.login_page.demo_table.isVisible()
        assert "ward3" in window.status.profile_label.text()
        login, password, _role = next(a for a in DEMO_ACCOUNTS if a[2] == "role.head_nurse")
        sign_in(qtbot, window, login, password)
        assert window.ward_view.model.rowCount() > 0
        window.ctx.runner.shutdown()
    finally:
        keyring.set_keyring(previous)


def test_an_unknown_profile_says_so_on_the_login_page(qtbot: Any, settings: Any, tmp_path: Path,
                                                      monkeypatch: Any) -> None:
    from ui.app import create_window
    from ui.operations.backend import AppBackend

    monkeypatch.setenv("WARDSTATION_CONFIG_DIR", str(tmp_path))
    window = create_window(AppBackend(profile_name="nosuch"), settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.login_page.message.text() != "", timeout=10_000)
    assert "没有名为 nosuch 的数据库配置" in window.login_page.message.text()
    assert not window.login_page.login_button.isEnabled()
    assert "离线" in window.status.connection_label.text()
    window.ctx.runner.shutdown()
