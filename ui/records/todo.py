"""待完成: the signed-in doctor's time-limit list (CLINICAL.md §5): documents due and overdue for
his patients, his unsigned drafts, the co-signatures he is asked for. A tab of the main window
(Ctrl+Shift+L); Enter opens the patient's 病历 tab on that document. Read in five statements for
the whole ward (app/services/doc_deadlines.py); read again when a document changes."""
from __future__ import annotations

from typing import Any, Optional

from ui.operations import records as ops
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QShortcut,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)
from ui.records.model import COL_DUE_PATIENT, ROW_ROLE, DueModel


class TodoPanel(QWidget):
    open_requested = Signal(str, str)          # encounter id, document id ("" for a new one)
    critical_note_requested = Signal(str, str)  # encounter id, critical value id (危急值, no note yet)

    def __init__(self, ctx: Any, user: Any, ward_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.ward_id = ctx, user, ward_id
        self.reads = 0
        self.loaded = False
        self.model = DueModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("todoSummary")
        self.whole_ward = QCheckBox()
        self.whole_ward.setObjectName("todoWholeWard")
        self.whole_ward.toggled.connect(lambda _on: self.reload())
        self.table = QTableView()
        self.table.setObjectName("todoList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DUE_PATIENT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self._open(index.row()))
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._open(self.table.currentIndex().row()))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.whole_ward)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        ctx.runner.changes.connect(self._changes)
        self.retranslate()

    def reload(self) -> None:
        self.reads += 1
        staff = None if self.whole_ward.isChecked() else str(getattr(self.user, "id", ""))

        def done(items: Any) -> None:
            if not is_alive(self):
                return
            self.loaded = True
            rows = list(items)
            self.model.set_rows(rows)
            text = translate("Records", "超时 {late} 份 · 待完成 {due} 份 · 待审签 {cosign} 份")
            self.summary.setText(text.format(
                late=sum(1 for i in rows if i.overdue),
                due=sum(1 for i in rows if not i.overdue and i.kind != "cosign"),
                cosign=sum(1 for i in rows if i.kind == "cosign")))
            if rows and not self.table.currentIndex().isValid():
                self.table.selectRow(0)

        ops.load_due(self.ctx, self.ward_id, staff, done, None)

    def _open(self, row: int) -> None:
        index = self.model.index(row, 0)
        item = self.model.data(index, ROW_ROLE)
        if item is not None and item.doc_type == "critical_note" and not item.doc_id and item.critical_id:
            self.critical_note_requested.emit(item.encounter_id, item.critical_id)
        elif item is not None:
            self.open_requested.emit(item.encounter_id, item.doc_id or "")

    def _changes(self, changes: Any) -> None:
        if is_alive(self) and self.loaded and (changes.touches("document") or changes.touches("critical")):
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded and self.reads == 0:
            self.reload()
        self.table.setFocus()

    def title(self) -> str:
        return translate("Records", "待完成病历")

    def retranslate(self) -> None:
        self.model.retranslate()
        self.whole_ward.setText(translate("Records", "全病区"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
