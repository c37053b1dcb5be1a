"""体征录入: the ward grid for one slot (02/06/10/14/18/22), typed cell to cell by keyboard.

Enter or Tab moves to the next cell, a row is saved as the nurse leaves it (one RecordVitals per
row, through ui/operations/vitals.py). The patients due in the slot are listed; Alt+A shows the
whole ward. A refused value stays in its cell with the allowed range in the row's state, a
value outside the confirm range is asked once more (typed again), an abnormal value is red with
↑/↓. A row that could not be saved (OfflineError ...) stays on screen, marked, and the nurse is
told; nothing already saved is touched.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Optional

from app.domain import vitals_due as due
from app.errors import ConflictError, NeedsAcknowledgement, OfflineError, ValidationError
from app.ids import new_id
from ui.operations import OpContext
from ui.operations import vitals as ops
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QModelIndex,
    QShortcut,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.shortcuts import VITALS_ALL
from ui.vitals.grid_model import (
    COL_STATE,
    COL_TEMP,
    EDITABLE,
    REFUSED,
    SAVED,
    SAVING,
    UNSAVED,
    GridLine,
    VitalsGridModel,
    values_of,
)

SHOW_ALL_KEY = VITALS_ALL


class GridView(QTableView):
    """Enter and Tab move to the next editable cell (the row's end goes on to the next row's
    temperature), Shift+Tab back; a refused or to-be-confirmed value keeps the cursor in its
    cell, editing again."""

    def closeEditor(self, editor: Any, hint: Any) -> None:
        from ui.qt import QAbstractItemDelegate

        Hint = QAbstractItemDelegate.EndEditHint
        model: Any = self.model()
        current = self.currentIndex()
        stay = bool(getattr(model, "stay", False))
        model.stay = False
        if hint not in (Hint.SubmitModelCache, Hint.EditNextItem, Hint.EditPreviousItem) and not stay:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, Hint.NoHint)
        target = current if stay else self._step(current, -1 if hint == Hint.EditPreviousItem else 1)
        if target is None or not target.isValid():
            return
        # As Qt's own EditNextItem does: at once, so no keystroke lands in between.
        self.setCurrentIndex(target)
        self.edit(target)

    def _step(self, index: QModelIndex, direction: int) -> Optional[QModelIndex]:
        model = self.model()
        cells = [(r, c) for r in range(model.rowCount()) for c in EDITABLE]
        if not cells or not index.isValid():
            return None
        here = (index.row(), index.column())
        pos = cells.index(here) if here in cells else -1
        nxt = pos + direction
        if not 0 <= nxt < len(cells):
            return None
        return model.index(*cells[nxt])


class VitalsGridPage(QWidget):
    def __init__(self, ctx: OpContext, user: Any, ward_id: str, parent: Optional[QWidget] = None,
                 *, today: Optional[date] = None) -> None:
        super().__init__(parent)
        self.setObjectName("vitals_grid")
        self.ctx = ctx
        self.user = user
        self.ward_id = ward_id
        self.token = "vitals-grid-" + new_id()
        self.zone = datetime.now().astimezone().tzinfo
        self._today = today
        self.grid: Any = None
        self.lines: dict[str, GridLine] = {}
        self.show_all = False
        self._loading = False

        self.day_box = QComboBox()
        self.slot_box = QComboBox()
        self.all_box = QCheckBox()
        self.title = QLabel()
        self.message = QLabel()
        self.message.setObjectName("vitals_message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.day_box)
        top.addWidget(self.slot_box)
        top.addWidget(self.all_box)
        top.addStretch(1)
        self.model = VitalsGridModel(self)
        self.view = GridView()
        self.view.setObjectName("vitals_grid_view")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setDefaultSectionSize(76)          # room for "37.9↑", "150/95↑", "拒测"
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.all_box.toggled.connect(self._toggle_all)
        self.model.problem.connect(self._problem)
        toggle = QShortcut(QKeySequence(SHOW_ALL_KEY), self)
        toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.activated.connect(self.all_box.toggle)
        self._fill_pickers()
        self.day_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.slot_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.retranslate()

    # ---- slot picker
    def today(self) -> date:
        return self._today or datetime.now().astimezone().date()

    def _fill_pickers(self) -> None:
        self.day_box.clear()
        for offset in (0, 1, 2):
            self.day_box.addItem("", self.today() - timedelta(days=offset))
        self.slot_box.clear()
        for hour in due.SLOTS:
            self.slot_box.addItem(f"{hour:02d}:00", hour)
        current = due.slot_hour_of(datetime.now().astimezone())
        self.slot_box.setCurrentIndex(due.SLOTS.index(current))

    def select_slot(self, day: date, hour: int) -> None:
        """Open a given slot (tests and the keyboard: the pickers do the same)."""
        self._loading = True
        for i in range(self.day_box.count()):
            if self.day_box.itemData(i) == day:
                self.day_box.setCurrentIndex(i)
        self.slot_box.setCurrentIndex(due.SLOTS.index(hour))
        self._loading = False
        self.reload()

    def slot_at(self) -> datetime:
        day = self.day_box.currentData() or self.today()
        hour = self.slot_box.currentData() or 10
        return due.slot_start(day, int(hour), self.zone)   # type: ignore[arg-type]

    def retranslate(self) -> None:
        self.title.setText(translate("VitalsGrid", "体征录入"))
        for i, word in enumerate((translate("VitalsGrid", "今天"), translate("VitalsGrid", "昨天"),
                                  translate("VitalsGrid", "前天"))):
            if i < self.day_box.count():
                self.day_box.setItemText(i, word)
        self.all_box.setText(translate("VitalsGrid", "显示全部患者 ({key})").format(key=SHOW_ALL_KEY))
        self.model.retranslate()

    def changeEvent(self, event: Any) -> None:
        from ui.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- loading
    def reload(self) -> None:
        if self._loading:
            return
        slot = self.slot_at()
        ops.load_grid(self.ctx, self.ward_id, slot, lambda g: self._loaded(g, slot), self._load_failed)

    def _loaded(self, grid: Any, slot: datetime) -> None:
        if not is_alive(self) or slot != self.slot_at():
            return
        same_slot = self.grid is not None and self.grid.slot_at == grid.slot_at
        keep = dict(self.lines) if same_slot else {}   # typed, saved, unsaved marks survive
        self.grid = grid
        self.lines = {}
        for row in grid.rows:
            line = keep.get(row.encounter_id)
            if line is not None:
                line.row = row
            else:
                line = GridLine(row)
            self.lines[row.encounter_id] = line
        self._show()

    def _show(self) -> None:
        if self.grid is None:
            return
        current = self.view.currentIndex()
        was = self.model.line(current.row()) if current.isValid() else None
        keep_enc = was.encounter_id if was is not None else None
        hour = self.grid.slot_hour
        shown = [ln for ln in self.lines.values()
                 if self.show_all or ln.row.due.due_at(hour) or ln.dirty or ln.row.cells
                 or ln.state in (UNSAVED, REFUSED)]
        if [ln.encounter_id for ln in shown] == [ln.encounter_id for ln in self.model.rows()]:
            editing = self.view.state() == QAbstractItemView.State.EditingState
            self.model.update_rows(shown, current.row() if editing and current.isValid() else -1)
            return
        self._loading = True
        self.model.set_rows(shown)
        self._loading = False
        if keep_enc is not None:
            for r, ln in enumerate(shown):
                if ln.encounter_id == keep_enc:
                    self.view.setCurrentIndex(self.model.index(r, current.column()))
        for col in (0, 1, 2):                     # bed, name, due: to their contents
            self.view.resizeColumnToContents(col)

    def _load_failed(self, failure: Any) -> None:
        self.tell(_message(failure))

    def _toggle_all(self, on: bool) -> None:
        self.show_all = on
        self._show()

    def start_entry(self, row: int = 0) -> None:
        """Put the cursor in the first row's temperature, editing."""
        index = self.model.index(row, COL_TEMP)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    # ---- typing and saving
    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._loading or not previous.isValid():
            return
        line = self.model.line(previous.row())
        if line is not None and line.dirty:
            self.save_line(line)

    def _problem(self, row: int, col: int, err: Any) -> None:
        """A refused or to-be-confirmed value: the cursor stays (GridView), the nurse is told why."""
        line = self.model.line(row)
        if line is not None:
            line.message = _message(err)
        self.tell(_message(err))

    def save_line(self, line: GridLine) -> None:
        if line.errors or line.pending:
            line.state = REFUSED
            self.model.refresh_line(line)
            self.tell(translate("VitalsGrid", "{bed}床 有需更正或确认的数值，未保存").format(
                bed=line.row.bed_no))
            return
        slot = self.grid.slot_at
        try:
            values = values_of(line, slot, self.zone)
        except ValidationError as err:
            line.state, line.message = REFUSED, _message(err)
            self.model.refresh_line(line)
            return
        if not values:
            line.drafts.clear()
            return
        now = datetime.now().astimezone()
        measured = min(slot, now)
        line.state = SAVING
        line.message = ""
        self.model.refresh_line(line)
        sent = dict(line.drafts)

        def done(_changes: Any) -> None:
            if not is_alive(self):
                return
            for col, text in sent.items():
                if line.drafts.get(col) == text:
                    line.drafts.pop(col, None)
            line.confirmed.clear()
            line.state = SAVED
            self.model.refresh_line(line)
            self.reload()

        def failed(failure: Any) -> None:
            if not is_alive(self):
                return
            err = getattr(failure, "error", failure)
            line.message = _message(err)
            if isinstance(err, OfflineError):
                line.state = UNSAVED
                self.tell(translate(
                    "VitalsGrid", "{bed}床 未保存：网络中断，录入内容仍在表中，恢复后离开该行即再次保存"
                ).format(bed=line.row.bed_no))
            elif isinstance(err, NeedsAcknowledgement):
                line.state = REFUSED
                self.tell(line.message)
            elif isinstance(err, ConflictError):
                line.state = REFUSED
                self.tell(line.message)
                self.reload()
            elif isinstance(err, ValidationError):
                line.state = REFUSED
                self.tell(line.message)
            else:
                line.state = UNSAVED
                self.tell(line.message)
            self.model.refresh_line(line)

        ops.record_row(self.ctx, self.user, line.encounter_id, measured, slot, values,
                       tuple(sorted(line.confirmed)), done, failed, origin=self.token)

    def save_all(self) -> None:
        for line in list(self.lines.values()):
            if line.dirty and line.state != SAVING:
                self.save_line(line)

    def tell(self, text: str) -> None:
        self.message.setText(text)

    def apply_changes(self, changes: Any) -> None:
        """Another PC or view charted on this ward: read the slot again (typed rows are kept)."""
        if changes.touches("vitals") and changes.origin != self.token:
            self.reload()

    def lines_shown(self) -> list[GridLine]:
        return self.model.rows()

    def editable_columns(self) -> tuple[int, ...]:
        return EDITABLE

    def state_of(self, encounter_id: str) -> str:
        line = self.lines.get(encounter_id)
        return line.state if line else ""

    def saved(self) -> bool:
        return all(ln.state not in (SAVING,) for ln in self.lines.values())

    def is_saved(self, encounter_id: str) -> bool:
        return self.state_of(encounter_id) == SAVED


def _message(err: Any) -> str:
    from ui.messages import message_text

    err = getattr(err, "error", err)
    if hasattr(err, "message_id"):
        return message_text(err.message_id, err.params)
    return str(err)
