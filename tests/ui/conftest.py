"""GUI tests: real widgets offscreen (pytest-qt). Sign-in, lockout and unlock run on the real
services over a copy of a seeded demo SQLite file (`real_window`); the rest uses a fake at the
service boundary (tests/ui/fakes.py) that can be slowed down or made to fail."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any, Callable, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.ui.fakes import PASSWORD, FakeBackend

ROOT = Path(__file__).resolve().parents[2]


def _ensure_qm() -> None:
    """`make test` compiles the catalogues first; do it here too when run on their own."""
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if lrelease.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


_ensure_qm()


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from ui.settings import Settings

    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def make_window(qtbot: Any, settings: Any) -> Iterator[Callable[..., Any]]:
    from ui import i18n
    from ui.app import create_window

    windows = []

    def make(backend: FakeBackend, **setting_values: Any) -> Any:
        if setting_values:
            settings.update(**setting_values)
        window = create_window(backend, settings)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.db_ready, timeout=5000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.health_timer.stop()
        window.idle.stop()
        window.ctx.runner.shutdown()
    i18n.install_language("zh_CN")


@pytest.fixture
def window(make_window: Callable[..., Any], backend: FakeBackend) -> Any:
    return make_window(backend)


@pytest.fixture(scope="session")
def seeded_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once (about 7 s); each test gets its own copy."""
    from app.services.demo_db import ensure_demo_database

    path = Path(tmp_path_factory.mktemp("ui-demo")) / "demo.sqlite"
    ensure_demo_database(path).dispose()
    return path


@pytest.fixture
def real_backend(seeded_demo_file: Path, tmp_path: Path) -> Iterator[Any]:
    """app's own services (AppBackend) on a private copy of the seeded demo database."""
    import shutil

    from ui.operations.backend import AppBackend

    path = tmp_path / "demo.sqlite"
    shutil.copy(seeded_demo_file, path)
    backend = AppBackend(demo_path=path)
    yield backend
    backend.close()


@pytest.fixture
def real_window(make_window: Callable[..., Any], real_backend: Any) -> Any:
    return make_window(real_backend)


def sign_in(qtbot: Any, window: Any, login: str, password: str = PASSWORD, wait: bool = True) -> None:
    """Type the credentials like a user (ASCII only: keyClicks aborts on Chinese) and press Enter."""
    from ui.qt import Qt

    page = window.login_page
    page.user_edit.clear()
    page.password_edit.clear()
    qtbot.keyClicks(page.user_edit, login)
    qtbot.keyClicks(page.password_edit, password)
    qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    if wait:
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tabs, timeout=5000)
        qtbot.waitUntil(lambda: window.ward_view.model.rowCount() > 0, timeout=5000)


def commit_text(widget: Any, text: str) -> None:
    """Chinese input the way an input method delivers it (PLATFORM.md: never keyClicks with Chinese)."""
    from ui.qt import QApplication, QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
