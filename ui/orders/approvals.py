"""抗菌药物审批: the ward's antibiotic orders waiting for an approval this doctor's grade allows
(CLINICAL.md §7), oldest first. Enter (or Ctrl+Shift+A) approves the selected orders through the
one write path; Ctrl+O opens the patient's chart on its 医嘱 tab to look before approving.

A non-modal window; it re-reads when an order of the ward changes (the Changes signal), so an
approval given elsewhere leaves the list at once.
"""
from __future__ import annotations

from typing import Any, Optional

from ui import shortcuts as keys
from ui.formatting import local_datetime
from ui.operations import OpContext
from ui.operations import orders as ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)
from ui.table_model import RowsTableModel

COL_BED = 0
COL_PATIENT = 1
COL_CONTENT = 2
COL_GRADE = 3
COL_SIGNER = 4
COL_SIGNED = 5


def abx_grade_text(grade: int) -> str:
    return {1: translate("Approvals", "非限制使用级"), 2: translate("Approvals", "限制使用级"),
            3: translate("Approvals", "特殊使用级")}.get(grade, str(grade))


class ApprovalsModel(RowsTableModel[Any]):
    column_count = 6

    def header_text(self, column: int) -> str:
        return {COL_BED: translate("Approvals", "床号"), COL_PATIENT: translate("Approvals", "姓名"),
                COL_CONTENT: translate("Approvals", "医嘱内容"), COL_GRADE: translate("Approvals", "分级"),
                COL_SIGNER: translate("Approvals", "开立医生"),
                COL_SIGNED: translate("Approvals", "签署时间")}.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_BED: row.bed_no, COL_PATIENT: row.patient_name, COL_CONTENT: row.content,
                    COL_GRADE: abx_grade_text(row.abx_grade), COL_SIGNER: row.signed_by_name,
                    COL_SIGNED: local_datetime(row.signed_at)}.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_GRADE and row.abx_grade >= 3:
            from ui.qt import QColor

            return QColor("#cf222e")
        return None


class ApprovalsWindow(QDialog):
    """The approver's list; `open_chart(encounter_id)` asks the main window to open a chart."""

    open_chart = Signal(str)
    loaded = Signal(int)                      # the count after each read (tests, the menu text)

    def __init__(self, ctx: OpContext, user: Any, ward_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsWindow")
        self.ctx = ctx.for_view(f"approvals:{id(self):x}") if hasattr(ctx, "for_view") else ctx
        self.user = user
        self.ward_id = ward_id
        self.loading = False
        self._again = False
        self.model = ApprovalsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.title = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self.approve_selected)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for shortcut, handler in (("Return", self.approve_selected), ("Enter", self.approve_selected),
                                  (keys.APPROVE, self.approve_selected),
                                  (keys.OPEN_CHART, self.open_selected)):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
        self.resize(820, 420)
        self.setFocusProxy(self.table)
        ctx.runner.changes.connect(self._on_changes)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Approvals", "抗菌药物审批"))
        self.title.setText(translate(
            "Approvals", "本病区等待审批、且在您的抗菌药物处方权限（{grade}）以内的医嘱：").format(
                grade=abx_grade_text(int(getattr(self.user, "abx_grade", 0) or 0))))
        self.approve_button.setText(translate("Approvals", "审批通过 (Enter)"))
        self.open_button.setText(translate("Approvals", "打开病历 (Ctrl+O)"))
        self.model.retranslate()

    # ---- reading
    def reload(self) -> None:
        if self.loading:
            self._again = True
            return
        self.loading = True
        grade = int(getattr(self.user, "abx_grade", 0) or 0)
        ops.load_pending_approvals(self.ctx, self.ward_id, grade, self._loaded, self._failed)

    def _loaded(self, rows: Any) -> None:
        if not is_alive(self):
            return
        self.loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        before = self.selected()
        keep = {r.order_id for r in before}
        at = min((n for n, r in enumerate(self.model.rows()) if r.order_id in keep), default=0)
        self.model.set_rows(list(rows))
        kept = [n for n, row in enumerate(self.model.rows()) if row.order_id in keep]
        if not kept and self.model.rows():     # approved: the cursor goes on to the next one
            kept = [min(at, len(self.model.rows()) - 1)]
        if kept:
            self.table.selectRow(kept[0])       # the current row, then the others kept with it
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for n in kept[1:]:
            self.table.selectionModel().select(self.model.index(n, 0), flags)
        if not self.model.rows():
            self.message.setText(translate("Approvals", "没有等待您审批的医嘱"))
        self.loaded.emit(len(self.model.rows()))

    def _failed(self, failure: Any) -> None:
        from ui.messages import error_text

        if is_alive(self):
            self.loading = False
            self.message.setText(error_text(failure.error))

    def _on_changes(self, changes: Any) -> None:
        if is_alive(self) and self.isVisible() and changes.touches("order"):
            self.reload()

    def selected(self) -> list[Any]:
        rows = self.model.rows()
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rows[n] for n in picked if 0 <= n < len(rows)]

    # ---- acting
    def approve_selected(self) -> None:
        rows = self.selected()
        if not rows:
            return
        self.message.setText(translate("Approvals", "正在审批…"))

        def done(_changes: Any) -> None:
            if is_alive(self):
                self.message.setText(translate("Approvals", "已审批 {n} 条").format(n=len(rows)))

        ops.approve_orders(self.ctx, self.user, tuple(r.order_id for r in rows),
                           tuple(r.version for r in rows), done, self._failed)

    def open_selected(self) -> None:
        rows = self.selected()
        if rows:
            self.open_chart.emit(rows[0].encounter_id)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()
