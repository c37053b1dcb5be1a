"""转诊 (issue 17), from the 病历 tab (Ctrl+Shift+F): the stay's referrals with their status and
how far the platform got them, and the form for a new one: the member institution, 上转 or 下转,
the reason and the receiving department. 发送 (Ctrl+Enter) saves and queues it for the platform in
one step: the doctor never waits on the platform; its answer shows in the list when it comes."""
from __future__ import annotations

from typing import Any, Optional

from ui.formatting import local_datetime
from ui.messages import error_text
from ui.operations import referrals as ops
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.table_model import RowsTableModel

COL_WHEN = 0
COL_DIRECTION = 1
COL_INSTITUTION = 2
COL_DEPT = 3
COL_REASON = 4
COL_STATUS = 5
COLUMNS = 6
ERROR_STYLE = "color: #c62828;"


def direction_text(direction: str) -> str:
    return translate("Referrals", "上转") if direction == "up" else translate("Referrals", "下转")


def status_text(row: Any) -> str:
    """The referral's state, and for one sent, how far the platform got it."""
    texts = {"draft": translate("Referrals", "草稿"), "sent": translate("Referrals", "已发送"),
             "accepted": translate("Referrals", "对方已接收"),
             "rejected": translate("Referrals", "对方已拒绝"), "completed": translate("Referrals", "已完成")}
    if row.inbound:                         # as the receiving department sees it
        texts.update({"sent": translate("Referrals", "待处理"), "accepted": translate("Referrals", "已接收"),
                      "rejected": translate("Referrals", "已拒绝"),
                      "completed": translate("Referrals", "已收入院")})
    text = str(texts.get(row.status, row.status))
    if row.status == "rejected" and row.reject_reason:
        text += translate("Referrals", "：{reason}").format(reason=row.reject_reason)
    if row.status == "sent" and not row.inbound:
        if row.delivery == "queued":
            text += translate("Referrals", "（等待上传平台）")
        elif row.delivery == "failed":
            text += translate("Referrals", "（平台拒收：{error}）").format(error=row.delivery_error or "")
        elif row.delivery == "sent":
            text += translate("Referrals", "（平台已收到）")
    return text


class ReferralModel(RowsTableModel[Any]):
    column_count = COLUMNS

    def header_text(self, column: int) -> str:
        return {COL_WHEN: translate("Referrals", "时间"), COL_DIRECTION: translate("Referrals", "方向"),
                COL_INSTITUTION: translate("Referrals", "机构"), COL_DEPT: translate("Referrals", "接收科室"),
                COL_REASON: translate("Referrals", "转诊原因"), COL_STATUS: translate("Referrals", "状态")
                }.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_WHEN: local_datetime(row.sent_at or row.created_at),
                    COL_DIRECTION: direction_text(row.direction), COL_INSTITUTION: row.inst_name,
                    COL_DEPT: row.to_dept, COL_REASON: " ".join(row.reason.split()),
                    COL_STATUS: status_text(row)}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_REASON, COL_STATUS):
            return row.reason if col == COL_REASON else status_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and (row.delivery == "failed" or row.status == "rejected"):
            from ui.qt import QBrush, QColor

            return QBrush(QColor("#c62828"))
        return None


class ReferralDialog(QDialog):
    def __init__(self, ctx: Any, user: Any, encounter_id: str, patient_name: str = "",
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.encounter_id = ctx, user, encounter_id
        self.setWindowTitle(translate("Referrals", "转诊 {name}").format(name=patient_name).strip())
        self.loaded = False
        self.institutions: list[Any] = []
        self.model = ReferralModel(self)
        self.table = QTableView()
        self.table.setObjectName("referralList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # A referral this stay came in by: what the sending institution wrote, marked with it.
        self.received = QPlainTextEdit()
        self.received.setObjectName("referralReceived")
        self.received.setReadOnly(True)
        self.received.setVisible(False)
        self.institution = QComboBox()
        self.institution.setObjectName("referralInstitution")
        self.direction = QComboBox()
        self.direction.setObjectName("referralDirection")
        self.direction.addItem(direction_text("down"), "down")
        self.direction.addItem(direction_text("up"), "up")
        self.dept = QLineEdit()
        self.dept.setObjectName("referralDept")
        self.dept.setMaxLength(60)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("referralReason")
        self.reason.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setObjectName("referralError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.send_button = QPushButton(translate("Referrals", "发送 (Ctrl+Enter)"))
        self.send_button.setObjectName("referralSend")
        self.send_button.clicked.connect(lambda: self.submit(send=True))
        self.draft_button = QPushButton(translate("Referrals", "存为草稿"))
        self.draft_button.clicked.connect(lambda: self.submit(send=False))
        close = QPushButton(translate("Referrals", "关闭"))
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("Referrals", "转往机构"), self.institution)
        form.addRow(translate("Referrals", "方向"), self.direction)
        form.addRow(translate("Referrals", "接收科室"), self.dept)
        form.addRow(translate("Referrals", "转诊原因"), self.reason)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.draft_button, self.send_button, close):
            b.setAutoDefault(False)            # Enter in a field types on; Ctrl+Enter sends
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Referrals", "本次住院的转诊")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.received, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(lambda: self.submit(send=True))
        self.resize(760, 560)
        self.busy = False
        self.load()

    def load(self) -> None:
        ops.load(self.ctx, self.encounter_id, self._loaded, self._failed)

    def _loaded(self, result: Any) -> None:
        if not is_alive(self):
            return
        institutions, rows = result
        if not self.institutions:
            self.institutions = list(institutions)
            for inst in self.institutions:
                self.institution.addItem(inst.name, inst.id)
        self.model.set_rows(list(rows))
        self.table.resizeColumnsToContents()
        if not self.loaded:
            self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_received())
        inbound = next((i for i, r in enumerate(self.model.rows()) if r.inbound), None)
        if inbound is not None:
            self.table.selectRow(inbound)
        self._show_received()
        self.loaded = True

    def _show_received(self) -> None:
        from ui.records.referral_queue import summary_text

        index = self.table.currentIndex()
        rows = self.model.rows()
        row = rows[index.row()] if index.isValid() and index.row() < len(rows) else None
        shown = row is not None and row.inbound and row.summary is not None
        self.received.setVisible(shown)
        self.received.setPlainText(summary_text(row) if shown else "")

    def submit(self, send: bool) -> None:
        if self.busy:
            return
        inst_id = self.institution.currentData()
        if not inst_id:
            self.error.setText(translate("Referrals", "请选择转往机构"))
            return
        self.busy = True
        self.error.clear()
        ops.refer(self.ctx, self.user, self.encounter_id, str(inst_id), str(self.direction.currentData()),
                  self.reason.toPlainText(), self.dept.text(), send, self._done, self._failed)

    def _done(self, _changes: Any) -> None:
        if not is_alive(self):
            return
        self.busy = False
        self.reason.clear()
        self.dept.clear()
        self.load()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        self.busy = False
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        self.error.setText(error_text(error))          # said here, the typed form kept
