"""The chart's 护理记录 tab: the 一般护理记录 or 危重护理记录 of the stay as the paper form's table
(one row a line, a corrected line struck through with its replacement below it), the entry row
beneath it (ui/nursing/entry.py), the 24 h intake/output on the ward's boundary, and the risk
assessments one key away (ui/nursing/assessment.py).

Keys (ui/shortcuts.py, on this tab only): Alt+1 / Alt+2 the record type, Ctrl+N a new line,
Ctrl+Enter signs it, F4 corrects the selected line, F7 voids it (with a reason), Ctrl+1..4
Braden, Morse, Barthel, pain.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Optional

from app.domain import nursing_records as nr
from app.errors import ConflictError, NeedsAcknowledgement, ValidationError
from ui import shortcuts as keys
from ui.nursing.entry import EntryRow
from ui.nursing.labels import io_kind_label, rec_type_label, scale_short
from ui.nursing.record_model import COL_NOTE, NursingRecordModel
from ui.operations import OpContext
from ui.operations import nursing_records as ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)

SCALES = ("braden", "morse", "barthel", "pain")


def io_text(summary: Any) -> str:
    t = summary.totals
    span = translate("Nursing", "{start} 至 {end}").format(
        start=summary.start.astimezone().strftime("%m-%d %H:%M"),
        end=summary.end.astimezone().strftime("%m-%d %H:%M"))
    parts = "，".join(f"{io_kind_label(kind)} {ml}" for side, kind, ml in t.by_kind)
    text = translate("Nursing", "24小时出入量（{span}{state}）：入量 {intake} ml，出量 {output} ml（其中尿量 {urine} ml），平衡 {balance:+d} ml").format(  # noqa: E501
        span=span, state="" if summary.complete else translate("Nursing", "，进行中"),
        intake=t.intake, output=t.output, urine=t.urine, balance=t.balance)
    return text + (f"　[{parts}]" if parts else "")


class NursingRecordsTab(QWidget):
    def __init__(self, ctx: OpContext, user: Any, encounter_id: str,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("nursing_tab")
        self.ctx = ctx
        self.user = user
        self.encounter_id = encounter_id
        self.patient_id = ""
        self.origin = "nursing-" + encounter_id
        self.rec_type = nr.GENERAL
        self.loaded = False
        self.io: Any = None
        self.dialog: Any = None
        self.reads = 0
        self.type_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        top = QHBoxLayout()
        for rec_type in nr.REC_TYPES:
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, t=rec_type: self.show_type(t))
            group.addButton(button)
            top.addWidget(button)
            self.type_buttons[rec_type] = button
        top.addSpacing(20)
        self.scale_buttons: dict[str, QPushButton] = {}
        for scale in SCALES:
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, s=scale: self.assess(s))
            top.addWidget(button)
            self.scale_buttons[scale] = button
        top.addStretch(1)
        self.model = NursingRecordModel(self)
        self.table = QTableView()
        self.table.setObjectName("nursing_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.io_label = QLabel()
        self.io_label.setObjectName("nursing_io")
        self.io_label.setStyleSheet("font-weight: bold;")
        self.io_label.setWordWrap(True)
        self.entry = EntryRow(self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.io_label)
        layout.addWidget(self.entry)
        self.actions_by_key: dict[str, QAction] = {}
        specs: list[tuple[str, str, Callable[[], None]]] = [
            ("general", keys.NURSING_GENERAL, lambda: self.show_type(nr.GENERAL)),
            ("critical", keys.NURSING_CRITICAL, lambda: self.show_type(nr.CRITICAL)),
            ("new", keys.NURSING_NEW, self.new_line),
            ("correct", keys.NURSING_CORRECT, self.correct_selected),
            ("void", keys.NURSING_VOID, self.void_selected),
            ("print", keys.NURSING_PRINT, self.print_record),
            *[(s, k, (lambda s=s: self.assess(s))) for s, k in zip(SCALES, keys.NURSING_SCALES)],
        ]
        for key, shortcut, handler in specs:
            action = QAction(self)
            action.setObjectName("nursing_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
            self.actions_by_key[key] = action
        writer = bool(getattr(user, "can", lambda _p: False)("nursing.write"))
        self.entry.setVisible(writer)            # a doctor reads the records, a nurse writes them
        for key, action in self.actions_by_key.items():
            if key not in ("general", "critical", "print"):
                action.setEnabled(writer)
        self.actions_by_key["print"].setEnabled(bool(getattr(user, "can", lambda _p: False)("print")))
        for button in self.scale_buttons.values():
            button.setVisible(writer)
        self.retranslate()
        self._set_type(nr.GENERAL)

    def retranslate(self) -> None:
        for rec_type, button in self.type_buttons.items():
            key = keys.NURSING_GENERAL if rec_type == nr.GENERAL else keys.NURSING_CRITICAL
            button.setText(f"{rec_type_label(rec_type)} ({key})")
        for scale, key in zip(SCALES, keys.NURSING_SCALES):
            self.scale_buttons[scale].setText(
                translate("Nursing", "{scale}评估 ({key})").format(scale=scale_short(scale), key=key))
        self.entry.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))

    def changeEvent(self, event: Any) -> None:
        from ui.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- what is shown
    def set_patient(self, patient_id: str, acuity: str = "") -> None:
        first = not self.patient_id
        self.patient_id = patient_id
        if first and acuity == "critical" and not self.loaded:
            self._set_type(nr.CRITICAL)

    def _set_type(self, rec_type: str) -> None:
        self.rec_type = rec_type
        self.type_buttons[rec_type].setChecked(True)
        self.entry.set_type(rec_type)
        self.io_label.setVisible(rec_type == nr.CRITICAL)

    def show_type(self, rec_type: str) -> None:
        if rec_type != self.rec_type:
            self._set_type(rec_type)
            self.model.set_lines([], rec_type)
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self.reload()
            self.entry.start(datetime.now().astimezone())

    def reload(self) -> None:
        self.reads += 1
        rec_type = self.rec_type
        ops.load_lines(self.ctx, self.encounter_id, rec_type, datetime.now().astimezone(),
                       lambda data: self._shown(rec_type, data), self._failed)

    def _shown(self, rec_type: str, data: Any) -> None:
        if not is_alive(self) or rec_type != self.rec_type:
            return
        lines, io = data
        selected = self.selected_line()
        self.model.set_lines(lines, rec_type)
        self.io = io
        self.io_label.setText(io_text(io))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        note_col = self.model.columns.index(COL_NOTE)
        header.setSectionResizeMode(note_col, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        row = next((i for i, x in enumerate(lines) if selected is not None and x.id == selected.id),
                   len(lines) - 1)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _failed(self, failure: Any) -> None:
        from ui.messages import error_text

        if is_alive(self):
            self.entry.tell(error_text(getattr(failure, "error", failure)), error=True)

    def selected_line(self) -> Optional[Any]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.line(rows[0].row()) if rows else None

    # ---- writing
    def new_line(self) -> None:
        if self.entry.replacing is not None:
            self.entry.clear()
        self.entry.start(datetime.now().astimezone())

    def _save(self, at: datetime, fields: dict[str, Any], confirmed: tuple[str, ...]) -> None:
        replacing = self.entry.replacing
        reason = self.entry.edit("reason").text().strip() if replacing is not None else None
        if replacing is not None and not reason:
            self.entry.refused("nursing.reason_required", {"field": "reason"},
                               translate("Nursing", "请填写更正原因"))
            return
        self.entry.tell(translate("Nursing", "正在保存…"))
        ops.record_line(self.ctx, self.user, self.encounter_id, self.rec_type, at, fields,
                        self._saved, self._refused, confirmed=confirmed,
                        replaces_id=None if replacing is None else replacing.id, reason=reason,
                        origin=self.origin)

    def _saved(self, _changes: Any) -> None:
        if not is_alive(self):
            return
        self.entry.saved()
        self.reload()
        self.entry.start(datetime.now().astimezone())

    def _refused(self, failure: Any) -> None:
        from ui.messages import error_text

        if not is_alive(self):
            return
        err = getattr(failure, "error", failure)
        if isinstance(err, (ValidationError, NeedsAcknowledgement)):
            self.entry.refused(err.message_id, dict(err.params), error_text(err))
            return
        self.entry.tell(error_text(err) + translate("Nursing", "（未保存，录入内容已保留）"), error=True)
        if isinstance(err, ConflictError):
            self.reload()

    def print_record(self) -> None:
        """The print preview of the 护理记录单 shown (corrected and voided lines struck, 留痕)."""
        from ui.operations import printing as print_ops
        from ui.printing.record_preview import NURSING, RecordPrintPreview

        if not print_ops.supported(self.ctx):
            return
        dialog = RecordPrintPreview(self.ctx, self.user, self.encounter_id, NURSING,
                                    rec_type=self.rec_type, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog
        dialog.open()

    def correct_selected(self) -> None:
        line = self.selected_line()
        if line is None or not line.current:
            self.entry.tell(translate("Nursing", "请选择一条有效的记录再更正"), error=True)
            return
        self.entry.correct(line)

    def void_selected(self) -> None:
        from ui.nurse.dialogs import NurseDialog

        line = self.selected_line()
        if line is None or not line.current:
            self.entry.tell(translate("Nursing", "请选择一条有效的记录再作废"), error=True)
            return
        about = translate("Nursing", "作废 {at} 的记录（原记录保留，显示为删除线）").format(
            at=line.recorded_at.astimezone().strftime("%m-%d %H:%M"))
        dialog = NurseDialog(translate("Nursing", "作废护理记录"), about, self)
        dialog.add_line("reason", translate("Nursing", "作废原因："))
        dialog.required = ("reason",)

        def send(values: dict[str, Any]) -> None:
            def failed(failure: Any) -> None:
                from ui.messages import error_text

                if is_alive(dialog):
                    dialog.show_error(error_text(getattr(failure, "error", failure)))

            def done(_c: Any) -> None:
                if is_alive(dialog):
                    dialog.accept()
                if is_alive(self):
                    self.reload()

            ops.void_line(self.ctx, self.user, line.id, values["reason"], done, failed, origin=self.origin)

        dialog.submitted.connect(send)
        self.dialog = dialog
        dialog.open()

    def assess(self, scale: str) -> None:
        from ui.nursing.assessment import AssessmentDialog

        def save(scale: str, answers: dict[str, int], at: datetime) -> None:
            def failed(failure: Any) -> None:
                from ui.messages import error_text

                if is_alive(dialog):
                    dialog.tell(error_text(getattr(failure, "error", failure)))

            def done(_c: Any) -> None:
                if is_alive(dialog):
                    dialog.done_saving()
                if is_alive(self):
                    self.window().activateWindow()
                    self.table.setFocus()          # the keyboard back on the records

            ops.record_assessment(self.ctx, self.user, self.encounter_id, scale, answers, at, done,
                                  failed, origin=self.origin)

        dialog = AssessmentDialog(scale, save, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog
        dialog.open()
        first = next(iter(dialog.combos.values()))
        first.setFocus()

    def apply_changes(self, changes: Any) -> None:
        if not is_alive(self) or not self.loaded or not changes.touches("vitals"):
            return
        if changes.origin != self.origin and (not self.patient_id
                                              or self.patient_id in changes.patient_ids):
            self.reload()                  # another screen's write (its own reloads on saving)
