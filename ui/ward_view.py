"""The ward view: bed cards or a sortable list (one shared model), a filter box and the head counts."""
from __future__ import annotations

from typing import Any, Optional

from ui.operations.ward import BedRow
from ui.qt import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QShortcut,
    QStackedWidget,
    Qt,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.ward_cards import BedCardView
from ui.ward_model import COL_BED, COL_DIAGNOSIS, ROW_ROLE, BedFilterProxy, BedTableModel, ward_counts

CARDS = "cards"
LIST = "list"


class WardView(QWidget):
    patient_requested = Signal(str)      # encounter_id
    ward_selected = Signal(str)          # ward_id
    mode_changed = Signal(str)           # cards | list
    refresh_requested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.model = BedTableModel(self)
        self.proxy = BedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._ward_name = ""

        self.ward_label = QLabel()
        self.ward_combo = QComboBox()
        self.ward_combo.setMinimumWidth(180)
        self.ward_label.setBuddy(self.ward_combo)
        self.ward_combo.currentIndexChanged.connect(self._ward_changed)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(240)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self.open_first_match)
        self.filter_edit.installEventFilter(self)
        self.match_label = QLabel()
        self.match_label.setObjectName("wardMatch")
        self.match_label.setMinimumWidth(200)
        self.cards_button = QToolButton()
        self.list_button = QToolButton()
        self.mode_group = QButtonGroup(self)
        for button in (self.cards_button, self.list_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(64)
            self.mode_group.addButton(button)
        self.cards_button.setChecked(True)
        self.cards_button.clicked.connect(lambda: self.set_mode(CARDS))
        self.list_button.clicked.connect(lambda: self.set_mode(LIST))
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)

        top = QHBoxLayout()
        top.addWidget(self.ward_label)
        top.addWidget(self.ward_combo)
        top.addSpacing(12)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.match_label)
        top.addSpacing(12)
        top.addWidget(self.cards_button)
        top.addWidget(self.list_button)

        self.card_view = BedCardView()
        self.card_view.setModel(self.proxy)
        self.table_view = QTableView()
        self.table_view.setModel(self.proxy)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(COL_BED, Qt.SortOrder.AscendingOrder)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.verticalHeader().setVisible(False)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DIAGNOSIS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table_view.setWordWrap(False)
        for view in (self.card_view, self.table_view):
            view.activated.connect(self._activated)
            view.installEventFilter(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.card_view)
        self.stack.addWidget(self.table_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.counts_label)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_filter)
        self.retranslate()

    # ---- data in
    def set_wards(self, wards: list[Any], current_id: str = "") -> None:
        self.ward_combo.blockSignals(True)
        self.ward_combo.clear()
        for w in wards:
            self.ward_combo.addItem(w.name, w.ward_id)
        idx = max(0, self.ward_combo.findData(current_id)) if wards else -1
        self.ward_combo.setCurrentIndex(idx)
        self.ward_combo.blockSignals(False)
        if idx >= 0:
            self.ward_selected.emit(self.current_ward_id())

    def current_ward_id(self) -> str:
        value = self.ward_combo.currentData()
        return str(value) if value else ""

    def set_rows(self, rows: list[BedRow]) -> None:
        self.model.set_rows(rows)
        self._update_counts()

    def set_critical(self, counts: dict[str, int]) -> None:
        """Stays with a critical value (危急值) not acknowledged yet: encounter id -> how many."""
        self.model.set_critical(counts)

    def set_marks(self, marks: dict[str, Any]) -> None:
        """The cards' flags (ui/operations/ward.load_marks), painted over the rows already shown."""
        self.model.set_marks(marks)

    # ---- state
    def mode(self) -> str:
        return LIST if self.stack.currentWidget() is self.table_view else CARDS

    def set_mode(self, mode: str) -> None:
        is_list = mode == LIST
        self.stack.setCurrentWidget(self.table_view if is_list else self.card_view)
        (self.list_button if is_list else self.cards_button).setChecked(True)
        self.stack.currentWidget().setFocus()
        self.mode_changed.emit(self.mode())

    def toggle_mode(self) -> None:
        self.set_mode(CARDS if self.mode() == LIST else LIST)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # ---- the Ctrl+F contract: type, then Enter opens the first match (never a non-match)
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        best = self.proxy.best_match()
        if best is not None:
            for view in (self.card_view, self.table_view):
                view.setCurrentIndex(self.proxy.index(best, 0))
        self._show_match()

    def _show_match(self) -> None:
        if not self.proxy.filter_text():
            self.match_label.clear()
            self.filter_edit.setStyleSheet("")
            return
        best = self.proxy.best_match()
        if best is None:
            row = self.proxy.row_at(0) if self.proxy.rowCount() == 1 else None
            text = (translate("WardView", "{bed}床为空床").format(bed=row.card.bed_no)
                    if row is not None and not row.card.occupied else translate("WardView", "无匹配患者"))
            self.match_label.setText(text)
            self.match_label.setStyleSheet("color: #c62828; font-weight: bold;")
            self.filter_edit.setStyleSheet("QLineEdit { border: 2px solid #c62828; }")
            return
        card = self.proxy.row_at(best).card  # type: ignore[union-attr]
        self.match_label.setText(translate("WardView", "Enter 打开：{bed}床 {name}（{mrn}）").format(
            bed=card.bed_no, name=card.name, mrn=card.mrn))
        self.match_label.setStyleSheet("color: #1a7f37;")
        self.filter_edit.setStyleSheet("")

    def open_first_match(self) -> None:
        """Enter in the filter: the chart of the closest match; with no match nothing opens."""
        self.proxy.set_filter_text(self.filter_edit.text())
        best = self.proxy.best_match()
        if best is None:
            self._show_match()
            return
        row = self.proxy.row_at(best)
        if row is not None and row.card.encounter_id:
            self.patient_requested.emit(row.card.encounter_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.filter_edit and event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if watched in (self.card_view, self.table_view) and self._types_text(event):
                # Typing on a view filters; the views' own keyboard search would jump to a bed
                # whose number merely starts like the typed 住院号 (the wrong-patient bug).
                self._focus_filter()
                self.filter_edit.setText(event.text())
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _types_text(event: QKeyEvent) -> bool:
        text = event.text()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        plain = mods == Qt.KeyboardModifier.NoModifier
        return plain and bool(text) and text.isprintable() and not text.isspace()

    def _ward_changed(self, _index: int) -> None:
        if self.current_ward_id():
            self.ward_selected.emit(self.current_ward_id())

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, BedRow) and row.card.encounter_id:
            self.patient_requested.emit(row.card.encounter_id)

    def _update_counts(self) -> None:
        c = ward_counts(self.model.rows())
        red = "<span style='color:#c62828;font-weight:bold'>{}</span>"
        orange = "<span style='color:#ef6c00;font-weight:bold'>{}</span>"
        parts = [
            translate("WardView", "在院 {n}").format(n=c["inpatients"]),
            translate("WardView", "空床 {n}").format(n=c["empty"]),
            red.format(translate("WardView", "病危 {n}").format(n=c["critical"])),
            orange.format(translate("WardView", "病重 {n}").format(n=c["serious"])),
            translate("WardView", "特级护理 {n}").format(n=c["grade0"]),
            translate("WardView", "一级护理 {n}").format(n=c["grade1"]),
            translate("WardView", "二级护理 {n}").format(n=c["grade2"]),
            translate("WardView", "三级护理 {n}").format(n=c["grade3"]),
            translate("WardView", "过敏 {n}").format(n=c["allergy"]),
        ]
        self.counts_label.setText("&nbsp;&nbsp;&nbsp;".join(parts))

    def retranslate(self) -> None:
        self.ward_label.setText(translate("WardView", "病区(&W)："))
        self.filter_edit.setPlaceholderText(
            translate("WardView", "筛选：床号、姓名、拼音首字母、住院号 (Ctrl+F)"))
        self.cards_button.setText(translate("WardView", "床卡"))
        self.cards_button.setToolTip(translate("WardView", "以床头卡显示"))
        self.list_button.setText(translate("WardView", "列表"))
        self.list_button.setToolTip(translate("WardView", "以列表显示，可按列排序"))
        self.model.retranslate()
        self._update_counts()
        self._show_match()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
