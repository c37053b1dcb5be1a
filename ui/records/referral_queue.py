"""转入申请 (issue 17): the referrals other member institutions sent to the signed-in doctor's
department, as a tab of the main window (Ctrl+Shift+U). The reading pane shows what came with
one (the patient and identifiers, diagnoses, allergies, medications, the sending institution's
document), marked with where it came from. Enter accepts; Delete rejects with a reason. The
answer goes back to the platform through the exchange queue. Ctrl+Enter on an accepted one
admits its patient into an empty bed with what it carried (ui/records/referral_admit.py)."""
from __future__ import annotations

import html
import re
from typing import Any, Optional

from ui.formatting import local_datetime
from ui.messages import error_text
from ui.operations import referrals as ops
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.records.referrals import direction_text, status_text
from ui.table_model import RowsTableModel

COL_WHEN = 0
COL_PATIENT = 1
COL_FROM = 2
COL_DIRECTION = 3
COL_REASON = 4
COL_STATUS = 5
COLUMNS = 6
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _resources(bundle: Any, kind: str) -> list[dict[str, Any]]:
    out = []
    for entry in (bundle.get("entry") or []) if isinstance(bundle, dict) else []:
        r = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(r, dict) and r.get("resourceType") == kind:
            out.append(r)
    return out


def _plain(div: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", div)))


def summary_text(row: Any) -> str:
    """What a received Bundle says, as plain lines, headed by the institution it came from."""
    bundle = row.summary
    lines = [translate("Referrals", "来自：{inst}（{direction}）").format(
        inst=row.inst_name, direction=direction_text(row.direction))]
    for p in _resources(bundle, "Patient"):
        name = ((p.get("name") or [{}])[0]).get("text", "")
        ids = "，".join(f"{(i.get('type') or {}).get('text', '')} {i.get('value', '')}".strip()
                       for i in p.get("identifier") or [])
        lines.append(f"{name}  {p.get('birthDate', '')}  {ids}")
    for c in _resources(bundle, "Condition"):
        code = ((c.get("code") or {}).get("coding") or [{}])[0]
        lines.append(translate("Referrals", "诊断：{name} {code}").format(
            name=(c.get("code") or {}).get("text", ""), code=code.get("code", "")).rstrip())
    for a in _resources(bundle, "AllergyIntolerance"):
        lines.append(translate("Referrals", "过敏：{substance}").format(
            substance=(a.get("code") or {}).get("text", "")))
    for kind in ("MedicationStatement", "MedicationRequest"):
        for m in _resources(bundle, kind):
            dosage = (m.get("dosage") or m.get("dosageInstruction") or [{}])[0]
            lines.append(translate("Referrals", "用药：{text}").format(text=dosage.get("text", "")))
    for comp in _resources(bundle, "Composition"):
        lines.append(f"【{comp.get('title', '')}】")
        for section in comp.get("section") or []:
            div = str((section.get("text") or {}).get("div", ""))
            lines.append(f"{section.get('title', '')}：{_plain(div)}")
    return "\n".join(lines)


class IncomingModel(RowsTableModel[Any]):
    column_count = COLUMNS

    def header_text(self, column: int) -> str:
        return {COL_WHEN: translate("Referrals", "时间"), COL_PATIENT: translate("Referrals", "患者"),
                COL_FROM: translate("Referrals", "转出机构"), COL_DIRECTION: translate("Referrals", "方向"),
                COL_REASON: translate("Referrals", "转诊原因"), COL_STATUS: translate("Referrals", "状态")
                }.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_WHEN: local_datetime(row.created_at), COL_PATIENT: row.patient_name or "",
                    COL_FROM: row.inst_name, COL_DIRECTION: direction_text(row.direction),
                    COL_REASON: " ".join(row.reason.split()), COL_STATUS: status_text(row)}.get(col)
        return None


class RejectDialog(QDialog):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Referrals", "拒绝转诊"))
        self.reason = QLineEdit()
        self.reason.setObjectName("rejectReason")
        self.reason.setMaxLength(200)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Referrals", "拒绝原因（将告知转出机构）")))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()


class ReferralQueue(QWidget):
    def __init__(self, ctx: Any, user: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.loaded = False
        self.reads = 0
        self.dialog: Any = None
        self._admitted = ""                            # the bed the last admission went to
        self.model = IncomingModel(self)
        self.hint = QLabel()
        self.hint.setObjectName("referralHint")
        self.table = QTableView()
        self.table.setObjectName("incomingReferrals")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("referralSummary")
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        for key, handler in (("Return", self.accept_current), ("Enter", self.accept_current),
                             ("Delete", self.reject_current), ("Ctrl+Return", self.admit_current),
                             ("Ctrl+Enter", self.admit_current)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(handler)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        ctx.runner.changes.connect(self._changes)

    def title(self) -> str:
        return translate("Referrals", "转入申请")

    def current(self) -> Any:
        return self.model.data(self.model.index(self.table.currentIndex().row(), 0), ROW_ROLE)

    def reload(self) -> None:
        self.reads += 1

        def done(rows: Any) -> None:
            if not is_alive(self):
                return
            keep = getattr(self.current(), "id", None)
            self.model.set_rows(list(rows))
            ids = [r.id for r in self.model.rows()]
            if ids:
                self.table.selectRow(ids.index(keep) if keep in ids else 0)
            self.loaded = True
            self._show_current()
            waiting = sum(1 for r in self.model.rows() if r.status == "sent")
            text = translate("Referrals", "待处理转入申请 {n} 条：Enter 接收，Delete 拒绝，"
                                          "已接收的按 Ctrl+Enter 收入院")
            if self._admitted:
                text = translate("Referrals", "已收入 {bed}；").format(bed=self._admitted) + text
            self.hint.setText(text.format(n=waiting))
            self.hint.setStyleSheet("")

        ops.load_incoming(self.ctx, str(getattr(self.user, "dept_id", "") or ""), done, self._failed)
        if self.reads == 1:
            self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())

    def _show_current(self) -> None:
        row = self.current()
        self.detail.setPlainText(summary_text(row) if row is not None else "")

    def _dialog_open(self) -> bool:
        return self.dialog is not None and is_alive(self.dialog) and self.dialog.isVisible()

    def accept_current(self) -> None:
        if self._dialog_open():              # its Enter is the dialog's, never an accept here
            return
        row = self.current()
        if row is not None and row.status == "sent":
            ops.answer(self.ctx, self.user, row.id, row.version, None, lambda _c: self.reload(), self._failed)

    def reject_current(self) -> None:
        if self._dialog_open():
            return
        row = self.current()
        if row is None or row.status != "sent":
            return
        dialog = RejectDialog(self)
        dialog.accepted.connect(lambda: ops.answer(self.ctx, self.user, row.id, row.version,
                                                   dialog.reason.text().strip(), lambda _c: self.reload(),
                                                   self._failed))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog
        dialog.open()
        dialog.reason.setFocus()

    def admit_current(self) -> None:
        """收入院 (Ctrl+Enter): an accepted referral's patient into an empty bed of the ward."""
        from ui.records.referral_admit import AdmitDialog

        if self._dialog_open():
            return
        row = self.current()
        if row is None or row.status != "accepted":
            return

        def admitted(bed: str) -> None:
            self._admitted = bed
            self.reload()

        dialog = AdmitDialog(self.ctx, self.user, row, summary_text(row), admitted, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog
        dialog.open()

    def _failed(self, failure: Any) -> None:
        if is_alive(self):
            error = getattr(failure, "error", failure)
            if getattr(error, "message_id", None) is None:
                self.ctx.runner.failed.emit(failure)
                return
            self.hint.setText(error_text(error))
            self.hint.setStyleSheet("color: #c62828;")

    def _changes(self, changes: Any) -> None:
        if is_alive(self) and self.loaded and changes.touches("referral"):
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.reads == 0 or self.loaded:   # shown again: what the platforms brought meanwhile
            self.reload()
        self.table.setFocus()
