"""离线冲突 on the real services and a copy of the demo ward (pytest-qt): a 病情 change typed on
another PC through an outage clashed on replay with one made online; the doctor opens 系统 ▸
离线冲突处理, sees both versions side by side with the differing field in red, and keeps the
server's version by keyboard (Ctrl+D, a reason, Enter); the list is empty afterwards."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.ui.conftest import commit_text, sign_in


def _clash(path: Path, tmp: Path) -> str:
    from app.store.db import open_database
    from tests.unit.services import test_conflicts as tc

    db = open_database(f"sqlite:///{path}")
    try:
        return tc._outage(db, tmp).op_id
    finally:
        db.dispose()


def test_the_doctor_keeps_the_servers_version_by_keyboard(qtbot: Any, real_backend: Any, make_window: Any,
                                                          tmp_path: Path) -> None:
    from ui.conflicts import ConflictsPage
    from ui.qt import QApplication, Qt

    refused = _clash(real_backend._demo_path, tmp_path)
    window = make_window(real_backend)
    sign_in(qtbot, window, "liming", "demo-doctor1")
    window.action_set.actions["offline_conflicts"].trigger()
    page = window.tabs.currentWidget()
    assert isinstance(page, ConflictsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    item = page.current()
    assert item is not None and item.op_id == refused and item.bed_no == "7"
    mine, theirs = page.mine.toHtml(), page.theirs.toHtml()
    assert "病危" in mine and "病重" in theirs and "#c62828" in mine           # differs: red
    if os.environ.get("WS_SHOTS"):
        page.resize(1200, 700)
        page.grab().save(os.path.join(os.environ["WS_SHOTS"], "conflicts.png"))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = QApplication.activeModalWidget()
    commit_text(dialog.fields["reason"], "已电话核实，以病重为准")        # as an input method commits
    qtbot.keyClick(dialog.fields["reason"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    assert "已处理" in page.message.text()
