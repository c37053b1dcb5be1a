"""体征录入 on the real services: a whole ward's 10:00 vitals typed by keyboard (Enter cell to cell),
one impossible value refused with its range and typed again, one unusual value asked once more,
every row saved as the nurse leaves it; a row that cannot be saved stays on screen, marked."""
from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from tests.ui.conftest import sign_in

YESTERDAY = datetime.now().astimezone().date() - timedelta(days=1)


@pytest.fixture(scope="module")
def seeded_before_ten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo ward as it was yesterday at 09:50: the 10:00 round is still to be charted."""
    from app.clock import as_utc
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store.db import open_database
    from app.store.migrate import upgrade

    path = Path(tmp_path_factory.mktemp("vitals-ui")) / "demo.sqlite"
    db = open_database(f"sqlite:///{path}")
    upgrade(db)
    with db.begin() as conn:
        load_all(conn)
        seed_demo(conn, now=as_utc(datetime.combine(YESTERDAY, time(9, 50))))
    db.dispose()
    return path


@pytest.fixture
def ward_window(make_window: Callable[..., Any], seeded_before_ten: Path, tmp_path: Path) -> Iterator[Any]:
    from ui.operations.backend import AppBackend

    path = tmp_path / "demo.sqlite"
    shutil.copy(seeded_before_ten, path)
    backend = AppBackend(demo_path=path)
    yield make_window(backend), backend
    backend.close()


def open_grid(qtbot: Any, window: Any) -> Any:
    from ui.qt import Qt
    from ui.vitals.grid import VitalsGridPage

    sign_in(qtbot, window, "liufang", "demo-nurse1")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_T, ctrl_shift)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), VitalsGridPage), timeout=5000)
    page = window.tabs.currentWidget()
    page.select_slot(YESTERDAY, 10)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.grid.slot_hour == 10, timeout=5000)
    return page


def type_cell(qtbot: Any, text: str) -> None:
    from ui.qt import QApplication, Qt

    editor = QApplication.focusWidget()
    if text:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(5)


def test_a_whole_ward_at_ten_by_keyboard(qtbot: Any, ward_window: Any) -> None:
    from decimal import Decimal

    from app.domain import vitals as dv
    from app.services.vitals import ward_grid
    from ui.qt import Qt
    from ui.vitals import grid_model as gm

    window, backend = ward_window
    page = open_grid(qtbot, window)
    due_rows = page.model.rowCount()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)   # the whole ward
    qtbot.waitUntil(lambda: page.model.rowCount() > due_rows, timeout=3000)
    rows = page.model.rowCount()
    assert rows >= 30
    page.start_entry(0)
    for r in range(rows):
        if r == 0:
            type_cell(qtbot, "45")               # impossible: refused, the range shown, back in the cell
            assert "34.0–43.0" in page.message.text()
            assert page.model.line(0).errors
            qtbot.waitUntil(lambda: page.view.currentIndex().column() == gm.COL_TEMP, timeout=2000)
        type_cell(qtbot, f"36.{r % 10}")
        type_cell(qtbot, "a")
        if r == 1:
            type_cell(qtbot, "190")              # outside the confirm range: asked once more
            assert "再次录入" in page.message.text()
            qtbot.waitUntil(lambda: page.view.currentIndex().column() == gm.COL_PULSE, timeout=2000)
        type_cell(qtbot, "190" if r == 1 else str(70 + r))
        type_cell(qtbot, "")                     # heart rate: not taken
        type_cell(qtbot, "18")
        type_cell(qtbot, "120/76")
        type_cell(qtbot, "97")
        type_cell(qtbot, "0")
        type_cell(qtbot, "36.8" if r == 2 else "")   # 物理降温 retake (bed 3's row)
        type_cell(qtbot, "")                     # no event
    page.save_all()                              # the last row: saved on leaving the grid too
    try:
        qtbot.waitUntil(lambda: all(ln.state == gm.SAVED for ln in page.model.rows()), timeout=20000)
    except Exception:
        bad = [(ln.row.bed_no, ln.state, ln.message) for ln in page.model.rows() if ln.state != gm.SAVED]
        raise AssertionError(bad) from None
    red = page.model.index(1, gm.COL_PULSE)
    assert "↑" in page.model.data(red) and page.model.data(red, Qt.ItemDataRole.ForegroundRole) is not None

    grid = backend.read(lambda conn: ward_grid(conn, page.ward_id, page.slot_at()))
    charted = [r for r in grid.rows if dv.TEMP in r.cells]
    assert len(charted) == rows
    first = next(r for r in grid.rows if r.encounter_id == page.model.line(0).encounter_id)
    assert first.cells[dv.TEMP].current.value == 36 and first.cells[dv.TEMP].current.method == "axillary"
    second = next(r for r in grid.rows if r.encounter_id == page.model.line(1).encounter_id)
    assert second.cells[dv.PULSE].current.value == 190
    assert second.cells[dv.SBP].current.value == 120 and second.cells[dv.DBP].current.value == 76
    third = next(r for r in grid.rows if r.encounter_id == page.model.line(2).encounter_id)
    assert third.cells["cooled"].current.value == Decimal("36.8")
    assert third.cells["cooled"].current.method == "cooled"


def test_a_row_that_cannot_be_saved_stays_marked(qtbot: Any, ward_window: Any) -> None:
    from app.errors import OfflineError
    from ui.vitals import grid_model as gm

    window, backend = ward_window
    page = open_grid(qtbot, window)
    real_execute = backend.execute

    def offline(cmd: Any) -> Any:
        raise OfflineError("db.lost", kind="disconnect")

    backend.execute = offline
    page.start_entry(0)
    type_cell(qtbot, "37.9")
    page.view.setCurrentIndex(page.model.index(1, gm.COL_TEMP))      # the nurse leaves the row
    line = page.model.line(0)
    qtbot.waitUntil(lambda: line.state == gm.UNSAVED, timeout=5000)
    assert "网络中断" in page.message.text()
    assert line.drafts[gm.COL_TEMP] == "37.9"
    assert "37.9" in page.model.data(page.model.index(0, gm.COL_TEMP))
    backend.execute = real_execute                                    # the link is back
    page.save_line(line)
    qtbot.waitUntil(lambda: line.state == gm.SAVED, timeout=5000)


def test_slot_and_dates(qtbot: Any, ward_window: Any) -> None:
    window, _backend = ward_window
    page = open_grid(qtbot, window)
    assert page.slot_at().astimezone().hour == 10
    assert isinstance(page.day_box.currentData(), date)
