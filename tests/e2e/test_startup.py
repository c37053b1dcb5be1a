"""Start-up as bench/startup.py measures it (issue 10 "Start"): the first window needs only the
login page, and the GUI's arguments are recognised without the command line.

- main.py recognises the GUI's own arguments by hand (`main.gui_only`) and must agree with
  app.cli, which decides everything else;
- a real process on an existing demo database shows its window and reaches the login ready
  marker without importing the command line or building the workspace first;
- in-process: the workspace (ward view, tabs, lock page, toolbar, actions, idle watcher) is built
  after the start's results, or when first used, and the login accepts input before it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

import pytest

import main
from app import cli

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "WARDSTATION_WINDOW_SHOWN"
READY = "WARDSTATION_DATABASE_READY"
WORKSPACE_MODULES = ("ui.ward_view", "ui.ward_cards", "ui.actions", "ui.lock", "ui.idle", "ui.patient_header")


# ------------------------------------------------------------ main.py's hand check

def test_main_knows_the_qt_options_app_cli_knows() -> None:
    assert main.QT_VALUE_OPTIONS == cli.QT_VALUE_OPTIONS
    assert main.QT_FLAG_OPTIONS == cli.QT_FLAG_OPTIONS
    assert main.QT_EQUALS_OPTIONS == cli.QT_EQUALS_OPTIONS


@pytest.mark.parametrize("argv", [
    [], ["--profile", "ward1"], ["--profile=ward1"], ["-platform", "offscreen"],
    ["--platform", "offscreen", "--profile", "ward1"], ["-display", ":1"], ["--display=:1"],
    ["--profile", "db", "-style=fusion", "-reverse"], ["-qwindowtitle", "t", "--stylesheet=a.qss"],
    ["-style", "--profile"],
    # not the GUI's, or not as app.cli takes them: app.cli decides (and says why)
    ["db", "upgrade"], ["--help"], ["-h"], ["--profile"], ["--profile", "-x"], ["--profile="],
    ["--profile", "a", "--profile", "b"], ["-platform"], ["-style="], ["--ur"], ["frobnicate"],
    ["-platformpluginpath", "/tmp"], ["--profile", " "], ["-"], ["--"],
])
def test_main_starts_the_gui_only_where_app_cli_would(argv: list[str]) -> None:
    ours = main.gui_only(argv)
    try:
        theirs: Optional[cli.GuiStart] = cli._gui_only(argv)
    except cli.UsageError:
        theirs = None
    if ours is None:
        assert theirs is None, "main.py sent app.cli's GUI arguments the long way: harmless, but slow"
        return
    assert theirs is not None, f"main.py would start the GUI for {argv}, app.cli would not"
    assert ours == (theirs.profile, theirs.platform_given())


# ------------------------------------------------------------ a real process

def _env(data: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("WARDSTATION_QUIT_WHEN_SHOWN", "WARDSTATION_QUIT_WHEN_READY", "WARDSTATION_REPORT_READY"):
        env.pop(name, None)
    env.update({"QT_QPA_PLATFORM": "offscreen", "WARDSTATION_DATA_DIR": str(data),
                "WARDSTATION_SETTINGS": str(data / "settings.ini"), "WARDSTATION_LOG": "ERROR"})
    env.update(extra)
    return env


def _main(data: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args, "main.py"], cwd=ROOT, env=_env(data, **extra), text=True,
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="module")
def seeded_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose demo database exists (one first run, seeded)."""
    data = tmp_path_factory.mktemp("startup")
    done = _main(data, WARDSTATION_QUIT_WHEN_READY="1")
    assert done.returncode == 0 and READY in done.stdout, done.stderr[-2000:]
    return data


def _imported(importtime_stderr: str) -> set[str]:
    """Module names from `python -X importtime` output (every thread's imports)."""
    return {line.rsplit("|", 1)[1].strip() for line in importtime_stderr.splitlines()
            if line.startswith("import time:") and line.count("|") == 2}


def test_the_first_window_needs_neither_the_command_line_nor_the_workspace(seeded_data: Path) -> None:
    done = _main(seeded_data, "-X", "importtime", WARDSTATION_QUIT_WHEN_SHOWN="1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(SHOWN + " ")
    imported = _imported(done.stderr)
    assert "ui.login" in imported and "ui.mainwindow" in imported
    assert not {name for name in imported if name == "app.cli" or name.startswith("app.cli.")}
    assert not imported & set(WORKSPACE_MODULES)


def test_an_existing_database_is_ready_at_once(seeded_data: Path) -> None:
    done = _main(seeded_data, WARDSTATION_QUIT_WHEN_READY="1")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.split()
    assert lines[0] == SHOWN and lines[2] == READY
    assert int(lines[1]) <= int(lines[3])


# ------------------------------------------------------------ in-process

@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.ui.fakes import FakeBackend
    from ui.app import create_window
    from ui.settings import Settings

    backend: Any = FakeBackend()
    window = create_window(backend, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    yield window
    window.health_timer.stop()
    window.ctx.runner.shutdown()


def test_the_login_accepts_input_before_the_workspace_is_built(qtbot: Any, window: Any) -> None:
    ready_with: list[tuple[bool, bool]] = []
    window.database_ready.connect(
        lambda: ready_with.append((window.login_page.login_button.isEnabled(), window._ws is None)))
    window.show()
    qtbot.waitExposed(window)
    assert window._ws is None                     # the first frame: the login page only
    assert window.stack.count() == 1 and window.stack.currentWidget() is window.login_page
    window.start()
    qtbot.waitUntil(lambda: bool(ready_with), timeout=5000)
    assert ready_with == [(True, True)]           # input accepted, nothing else built yet
    qtbot.waitUntil(lambda: window._ws is not None, timeout=2000)   # then built, unasked
    assert window.stack.indexOf(window.tabs) >= 0 and window.stack.indexOf(window.lock_page) >= 0
    assert not window.toolbar.isVisible() and not window.menuBar().isEnabled()


def test_the_workspace_is_built_on_first_use(window: Any) -> None:
    assert window._ws is None
    view = window.ward_view                       # e.g. a test or a script before start()
    assert window._ws is not None and window.tabs.widget(0) is view
    assert window.idle is window._ws.idle and window.action_set is window._ws.action_set
    assert window.tabs.tabText(0) == "病区一览"
