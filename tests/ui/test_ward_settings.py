"""病区设置 on the real services and a copy of the demo ward (pytest-qt): the head nurse opens it
from the 管理 menu, changes the overdue tolerance and the bid times by keyboard and saves with
Ctrl+S; an impossible time is refused under the form with its field focused and her typing kept;
a nurse does not get the menu entry."""
from __future__ import annotations

import os
from typing import Any

from tests.ui.conftest import sign_in

HEAD, HEAD_PASSWORD = "sunmin", "demo-head1"


def _dialog(qtbot: Any, window: Any) -> Any:
    from ui.nurse.settings import WardSettingsDialog

    window.action_set.actions["ward_settings"].trigger()
    dialog = window.ward_settings_dialog
    assert isinstance(dialog, WardSettingsDialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.freq_model.rowCount() > 0, timeout=10_000)
    return dialog


def _bid_row(dialog: Any) -> int:
    return dialog.freq_model.row_of("bid")


def test_the_head_nurse_changes_the_wards_settings_by_keyboard(qtbot: Any, real_backend: Any,
                                                               make_window: Any) -> None:
    from app.services.ward_settings import nurse_settings
    from ui.nurse.settings import COL_WARD
    from ui.qt import QApplication, Qt

    window = make_window(real_backend)
    sign_in(qtbot, window, HEAD, HEAD_PASSWORD)
    dialog = _dialog(qtbot, window)
    spin = dialog.numbers["overdue_minutes"]
    assert spin.value() == 30 and spin.hasFocus()
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin.lineEdit(), "45")
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.freq_model.index(_bid_row(dialog), COL_WARD))
    qtbot.keyClick(dialog.table, "0")                           # typing starts the cell's edit
    editor = QApplication.focusWidget()
    assert editor is not dialog.table and editor.text() == "0"
    qtbot.keyClicks(editor, "9:00,21:00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)                  # committed by a queued call
    qtbot.waitUntil(lambda: dialog.freq_model.times_at(_bid_row(dialog)) == "09:00,21:00", timeout=5_000)
    if os.environ.get("WS_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["WS_SHOTS"], "ward-settings.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已保存" in dialog.message.text(), timeout=10_000)
    ward_id = window.ward_view.current_ward_id()
    settings = real_backend.read(lambda conn: nurse_settings(conn, ward_id))
    assert settings.overdue_minutes == 45 and settings.slots_for("bid") == ("09:00", "21:00")

    # An impossible time: refused at the field, the typed text kept, nothing saved.
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)     # read again after the save
    row = _bid_row(dialog)
    dialog.freq_model.set_times(row, "09:00,25:00")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "25:00" in dialog.message.text(), timeout=10_000)
    assert dialog.table.hasFocus() and dialog.table.currentIndex().row() == row
    assert dialog.freq_model.times_at(row) == "09:00,25:00"
    settings = real_backend.read(lambda conn: nurse_settings(conn, ward_id))
    assert settings.slots_for("bid") == ("09:00", "21:00")


def test_a_nurse_has_no_ward_settings_entry(qtbot: Any, real_backend: Any, make_window: Any) -> None:
    window = make_window(real_backend)
    sign_in(qtbot, window, "liufang", "demo-nurse1")
    assert "ward_settings" not in window.action_set.actions          # not in her menus at all
