"""病区设置: the head nurse's screen for her ward's nurse-side settings (app/services/ward_settings.py):
the overdue tolerance, the skin test's reading time and validity, whether a new batch needs a new
test, and each frequency's default times on this ward (blank: the frequency dictionary's times).

Keyboard: Tab moves field to field, in the table F2 or typing edits a cell, Ctrl+S saves, Esc
closes. A refused value is named under the form and its field takes the focus, the typed values
kept; a setting someone else changed meanwhile is reported as such and the screen read again.
"""
from __future__ import annotations

from typing import Any, Optional

from ui.messages import error_text
from ui.messages_settings import setting_label
from ui.operations import OpContext
from ui.operations import ward_settings as ops
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QShortcut,
    QSpinBox,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.shortcuts import WARD_SETTINGS_SAVE
from ui.table_model import AnyIndex, RowsTableModel

NUMBER_FIELDS = ("overdue_minutes", "skin_read_minutes", "skin_valid_hours", "crit_ack_minutes",
                 "crit_note_hours")
RANGES = {"overdue_minutes": (0, 24 * 60), "skin_read_minutes": (1, 120), "skin_valid_hours": (1, 24 * 30),
          "crit_ack_minutes": (0, 60), "crit_note_hours": (1, 24)}
COL_CODE, COL_NAME, COL_PER_DAY, COL_DICT, COL_WARD = range(5)


class FreqTimesModel(RowsTableModel[Any]):
    """The frequencies (app FreqRow) with this ward's times, the last column editable."""

    column_count = 5

    def __init__(self, parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self.times: dict[str, str] = {}             # code -> what the ward's column holds now

    def load(self, rows: list[Any], stored: dict[str, Optional[str]]) -> None:
        self.times = {f.code: stored.get(f"freq:{f.code}") or "" for f in rows}
        self.set_rows(rows)

    def header_text(self, column: int) -> str:
        return {COL_CODE: translate("WardSettings", "频次"), COL_NAME: translate("WardSettings", "名称"),
                COL_PER_DAY: translate("WardSettings", "每日次数"),
                COL_DICT: translate("WardSettings", "字典时间"),
                COL_WARD: translate("WardSettings", "本病区时间")}.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == COL_PER_DAY:
            return "" if row.times_per_day is None else f"{row.times_per_day:g}"
        return {COL_CODE: row.code, COL_NAME: row.name, COL_DICT: row.dictionary_times,
                COL_WARD: self.times.get(row.code, "")}.get(col)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COL_WARD else base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_WARD or not index.isValid():
            return False
        self.times[self.rows()[index.row()].code] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True

    def set_times(self, row: int, text: str) -> None:
        self.setData(self.index(row, COL_WARD), text)

    def times_at(self, row: int) -> str:
        return self.times.get(self.rows()[row].code, "")

    def row_of(self, code: str) -> int:
        return next((r for r, f in enumerate(self.rows()) if f.code == code), -1)


class WardSettingsDialog(QDialog):
    def __init__(self, ctx: OpContext, user: Any, ward_id: str, ward_name: str = "",
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.ward_id = ctx, user, ward_id
        self.view: Any = None
        self.busy = False
        self.loading = False
        self.setObjectName("ward_settings")
        self.setWindowTitle(translate("WardSettings", "病区设置") + (f" — {ward_name}" if ward_name else ""))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        box = QGroupBox(translate("WardSettings", "执行、皮试与危急值"))
        form = QFormLayout(box)
        self.numbers: dict[str, QSpinBox] = {}
        for name in NUMBER_FIELDS:
            spin = QSpinBox()
            spin.setObjectName("setting_" + name)
            spin.setRange(*RANGES[name])
            self.numbers[name] = spin
            form.addRow(setting_label(name), spin)
        self.retest = QCheckBox(setting_label("retest_on_batch"))
        self.retest.setObjectName("setting_retest_on_batch")
        form.addRow("", self.retest)
        self.io_boundary = QLineEdit()
        self.io_boundary.setObjectName("setting_io_boundary")
        self.io_boundary.setPlaceholderText("07:00")
        form.addRow(setting_label("io_boundary"), self.io_boundary)
        self.shifts = QLineEdit()
        self.shifts.setObjectName("setting_shifts")
        self.shifts.setToolTip(translate(
            "WardSettings", "day 白班、evening 小夜、night 大夜；两班制如 day=08:00-20:00,night=20:00-08:00"))
        form.addRow(setting_label("shifts"), self.shifts)
        self.label_size = QLineEdit()
        self.label_size.setObjectName("setting_label_size")
        self.label_size.setPlaceholderText("80x50")
        form.addRow(setting_label("label_size"), self.label_size)
        layout.addWidget(box)
        layout.addWidget(QLabel(translate(
            "WardSettings", "频次默认执行时间（HH:MM，多个用逗号分隔；留空则用频次字典的时间）")))
        self.freq_model = FreqTimesModel(self)
        self.table = QTableView()
        self.table.setObjectName("setting_freqs")
        self.table.setModel(self.freq_model)
        header = self.table.horizontalHeader()
        for col in (COL_CODE, COL_NAME, COL_PER_DAY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DICT, QHeaderView.ResizeMode.Interactive)   # q1h: 24 times
        self.table.setColumnWidth(COL_DICT, 200)
        header.setSectionResizeMode(COL_WARD, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("WardSettings", "保存 ({key})").format(key=WARD_SETTINGS_SAVE))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        save_key = QShortcut(QKeySequence(WARD_SETTINGS_SAVE), self)
        save_key.activated.connect(self.save)
        self.setEnabled(False)
        self.reload()

    # ---- read
    def reload(self) -> None:
        self.loading = True

        def done(view: Any) -> None:
            if is_alive(self):
                self.show_view(view)

        def failed(failure: Any) -> None:
            if is_alive(self):
                self.message.setText(error_text(failure.error))

        ops.load(self.ctx, self.ward_id, done, failed)

    def show_view(self, view: Any) -> None:
        self.view = view
        for name, spin in self.numbers.items():
            spin.setValue(int(view.stored.get(name) or view.defaults[name]))
            spin.setToolTip(translate("WardSettings", "默认 {value}").format(value=view.defaults[name]))
        retest = view.stored.get("retest_on_batch") or view.defaults["retest_on_batch"]
        self.retest.setChecked(retest == "1")
        self.io_boundary.setText(view.stored.get("io_boundary") or view.defaults["io_boundary"])
        self.shifts.setText(view.stored.get("shifts") or view.defaults["shifts"])
        self.label_size.setText(view.stored.get("label_size") or view.defaults["label_size"])
        self.freq_model.load([f for f in view.freqs if f"freq:{f.code}" in view.stored], view.stored)
        self.setEnabled(True)
        self.loading = False
        if not self.table.hasFocus():
            self.numbers[NUMBER_FIELDS[0]].setFocus()

    # ---- write
    def typed(self) -> dict[str, str]:
        """Every setting as the screen holds it now."""
        out = {name: str(spin.value()) for name, spin in self.numbers.items()}
        out["retest_on_batch"] = "1" if self.retest.isChecked() else "0"
        out["io_boundary"] = self.io_boundary.text().strip()
        out["shifts"] = self.shifts.text().strip()
        out["label_size"] = self.label_size.text().strip()
        for code, text in self.freq_model.times.items():
            out[f"freq:{code}"] = text
        return out

    def changes(self) -> dict[str, str]:
        """What differs from what was read (a default left as it was is not written)."""
        view = self.view
        out: dict[str, str] = {}
        for name, value in self.typed().items():
            stored = view.stored.get(name)
            shown = stored if stored is not None else view.defaults.get(name, "")
            if value != shown:
                out[name] = value
        return out

    def save(self) -> None:
        if self.busy or self.loading or self.view is None:
            return
        values = self.changes()
        if not values:
            self.message.setText(translate("WardSettings", "没有修改"))
            return
        self.busy = True
        self.message.clear()
        seen = {name: self.view.stored.get(name) for name in values}

        def done(_changes: Any) -> None:
            self.busy = False
            if is_alive(self):
                self.message.setStyleSheet("color: #2e7d32; font-weight: bold;")
                self.message.setText(translate("WardSettings", "已保存 {n} 项设置").format(n=len(values)))
                self.reload()

        def failed(failure: Any) -> None:
            self.busy = False
            if not is_alive(self):
                return
            self.message.setStyleSheet("color: #c62828; font-weight: bold;")
            self.message.setText(error_text(failure.error))
            field = getattr(failure.error, "params", {}).get("field")
            self._focus_field(str(field or ""))
            if type(failure.error).__name__ == "ConflictError":
                self.reload()                        # show what the other person saved

        ops.save(self.ctx, self.user, self.ward_id, values, seen, done, failed)

    def _focus_field(self, name: str) -> None:
        if name in self.numbers:
            self.numbers[name].setFocus()
        elif name == "retest_on_batch":
            self.retest.setFocus()
        elif name == "io_boundary":
            self.io_boundary.setFocus()
        elif name == "shifts":
            self.shifts.setFocus()
        elif name == "label_size":
            self.label_size.setFocus()
        elif name.startswith("freq:") and self.freq_model.row_of(name[5:]) >= 0:
            self.table.setFocus()
            self.table.setCurrentIndex(self.freq_model.index(self.freq_model.row_of(name[5:]), COL_WARD))
