"""会诊: the request dialog (from the 病历 tab) and the consulted department's queue (a tab of the
main window, Ctrl+Shift+K): Enter accepts a request, Enter again writes the answer, a signed
会诊记录 in the patient's record. Urgent and overdue requests come first, overdue in red."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from ui.formatting import local_datetime
from ui.messages import error_text
from ui.operations import records as ops
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QShortcut,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)
from ui.records.model import OVERDUE_COLOR, ROW_ROLE
from ui.table_model import RowsTableModel

COL_BED = 0
COL_PATIENT = 1
COL_FROM = 2
COL_QUESTION = 3
COL_STATUS = 4
COL_DUE = 5
COLUMNS = 6


def consult_status_text(item: Any) -> str:
    urgent = translate("Consults", "急") + " " if item.urgent else ""
    if item.overdue:
        return urgent + translate("Consults", "已超时")
    if item.status == "accepted":
        return urgent + translate("Consults", "已接收（{who}）").format(who=item.accepted_by)
    return urgent + translate("Consults", "待接收")


class ConsultModel(RowsTableModel[Any]):
    column_count = COLUMNS

    def header_text(self, column: int) -> str:
        return {COL_BED: translate("Consults", "床号"), COL_PATIENT: translate("Consults", "患者"),
                COL_FROM: translate("Consults", "申请"), COL_QUESTION: translate("Consults", "会诊目的"),
                COL_STATUS: translate("Consults", "状态"), COL_DUE: translate("Consults", "时限")
                }.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_BED: row.bed_no, COL_PATIENT: f"{row.patient_name} {row.mrn}",
                    COL_FROM: f"{row.from_dept} {row.requested_by}",
                    COL_QUESTION: " ".join(row.question.split()),
                    COL_STATUS: consult_status_text(row), COL_DUE: local_datetime(row.due_at)}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_QUESTION:
            return row.question
        if role == Qt.ItemDataRole.ForegroundRole and (row.overdue or row.urgent):
            from ui.qt import QBrush

            return QBrush(OVERDUE_COLOR)
        return None


class RequestDialog(QDialog):
    """请会诊: department, urgent or routine, the question (the diagnoses are pulled in)."""

    def __init__(self, departments: list[Any], question: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Consults", "申请会诊"))
        self.departments = departments
        self.dept = QComboBox()
        self.dept.setObjectName("consultDept")
        for d in departments:
            self.dept.addItem(d.name)
        self.urgent = QCheckBox(translate("Consults", "急会诊（10 分钟内到达）"))
        self.urgent.setObjectName("consultUrgent")
        self.question = QPlainTextEdit()
        self.question.setObjectName("consultQuestion")
        self.question.setTabChangesFocus(True)
        self.question.setPlainText(question)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Consults", "会诊科室")))
        layout.addWidget(self.dept)
        layout.addWidget(self.urgent)
        layout.addWidget(QLabel(translate("Consults", "会诊目的及病情摘要")))
        layout.addWidget(self.question, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.accept)
        self.resize(520, 420)

    def accept(self) -> None:
        if not self.question.toPlainText().strip():
            self.error.setText(translate("Messages", "请填写会诊目的及病情摘要"))
            return
        super().accept()

    def dept_id(self) -> str:
        i = self.dept.currentIndex()
        return str(self.departments[i].id) if 0 <= i < len(self.departments) else ""


class AnswerDialog(QDialog):
    """The consultant's opinion; Ctrl+Enter signs the 会诊记录."""

    def __init__(self, item: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Consults", "会诊意见"))
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("consultOpinion")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        head = QLabel(f"{item.bed_no} {item.patient_name} {item.mrn}\n{item.question}")
        head.setWordWrap(True)
        layout.addWidget(head)
        layout.addWidget(QLabel(translate("Consults", "会诊意见（签名后记入患者病历）")))
        layout.addWidget(self.opinion, 1)
        layout.addWidget(buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.accept)
        self.resize(560, 420)

    def accept(self) -> None:
        if self.opinion.toPlainText().strip():
            super().accept()


def answer_sections(item: Any, opinion: str, consultant: str) -> tuple[Any, ...]:
    from app.domain.documents import doc_types

    out = []
    for s in doc_types()["consult"].sections:
        text = {"request": item.question, "opinion": opinion, "consultant": consultant}.get(s.id, "")
        out.append(replace(s, text=text))
    return tuple(out)


class ConsultQueue(QWidget):
    """The signed-in doctor's department's open consultation requests."""

    answered = Signal(str)                  # consult id

    def __init__(self, ctx: Any, user: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.loaded = False
        self.reads = 0
        self.dialog: Any = None
        self.model = ConsultModel(self)
        self.hint = QLabel()
        self.hint.setObjectName("consultHint")
        self.table = QTableView()
        self.table.setObjectName("consultList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_QUESTION, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.act(index.row()))
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self.act(self.table.currentIndex().row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        ctx.runner.changes.connect(self._changes)

    def reload(self) -> None:
        self.reads += 1

        def done(items: Any) -> None:
            if is_alive(self):
                self.loaded = True
                self.model.set_rows(list(items))
                if self.model.rowCount() and not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                text = translate("Consults", "本科待处理会诊 {n} 条：Enter 接收，再按 Enter 书写会诊意见")
                self.hint.setText(text.format(n=self.model.rowCount()))

        ops.load_consults(self.ctx, str(getattr(self.user, "dept_id", "") or ""), done, self._failed)

    def act(self, row: int) -> None:
        item = self.model.data(self.model.index(row, 0), ROW_ROLE)
        if item is None:
            return
        if item.status == "requested":
            ops.accept_consult(self.ctx, self.user, item.id, item.version, lambda _c: self.reload(),
                               self._failed)
            return
        dialog = AnswerDialog(item, self)
        dialog.accepted.connect(lambda: self._answer(item, dialog.opinion.toPlainText()))
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _r: self._reactivate())
        dialog.open()

    def _reactivate(self) -> None:
        if is_alive(self):
            self.window().activateWindow()

    def _answer(self, item: Any, opinion: str) -> None:
        sections = answer_sections(item, opinion.strip(), str(getattr(self.user, "full_name", "")))

        def done(_c: Any) -> None:
            if is_alive(self):
                self.answered.emit(item.id)
                self.reload()

        ops.answer_consult(self.ctx, self.user, item.id, item.version, sections, done, self._failed)

    def _failed(self, failure: Any) -> None:
        if is_alive(self):
            self.hint.setText(error_text(getattr(failure, "error", failure)))
            self.hint.setStyleSheet("color: #c62828;")
            self.reload()

    def _changes(self, changes: Any) -> None:
        if is_alive(self) and self.loaded and changes.touches("document"):
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.reads == 0:
            self.reload()
        self.table.setFocus()

    def title(self) -> str:
        return translate("Consults", "会诊")
