"""收入院 from an accepted referral (issue 17), opened with Ctrl+Enter in 转入申请: what the referral
carries (the patient, identifiers, diagnoses, allergies, medications, the source documents) shown
read-only, as it will be taken over; the doctor picks an empty bed of the ward and types the
住院号 the admission office gave (a patient the hospital already knows keeps his). Ctrl+Enter
admits; a refusal (the bed taken meanwhile, the 住院号 in use) is said here with the form kept."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.messages import error_text
from ui.operations import referrals as ops
from ui.qt import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)

ERROR_STYLE = "color: #c62828;"


class AdmitDialog(QDialog):
    def __init__(self, ctx: Any, user: Any, row: Any, summary: str, on_admitted: Callable[[Any], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.row, self.on_admitted = ctx, user, row, on_admitted
        title = translate("Referrals", "收入院 {name}").format(name=row.patient_name or "")
        self.setWindowTitle(title.strip())
        self.loaded = False
        self.busy = False
        self.summary = QPlainTextEdit(summary)
        self.summary.setObjectName("admitSummary")
        self.summary.setReadOnly(True)
        self.bed = QComboBox()
        self.bed.setObjectName("admitBed")
        self.mrn = QLineEdit()
        self.mrn.setObjectName("admitMrn")
        self.mrn.setMaxLength(20)
        self.mrn.setPlaceholderText(translate("Referrals", "入院处分配的住院号（本院已有的患者可不填）"))
        self.error = QLabel()
        self.error.setObjectName("admitError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.admit_button = QPushButton(translate("Referrals", "收入院 (Ctrl+Enter)"))
        self.admit_button.setObjectName("admitButton")
        self.admit_button.clicked.connect(self.submit)
        cancel = QPushButton(translate("Referrals", "取消"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("Referrals", "床位"), self.bed)
        form.addRow(translate("Referrals", "住院号"), self.mrn)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.admit_button, cancel):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Referrals", "将从转诊单带入（无需重新录入）")))
        layout.addWidget(self.summary, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.submit)
        self.resize(640, 560)
        ops.load_free_beds(ctx, str(getattr(user, "ward_id", "") or ""), self._beds, self._failed)

    def _beds(self, beds: Any) -> None:
        if not is_alive(self):
            return
        for b in beds:
            self.bed.addItem(translate("Referrals", "{bed_no} 床").format(bed_no=b.bed_no), b.id)
        if not beds:
            self.error.setText(translate("Referrals", "本病区没有空床"))
        self.loaded = True
        self.bed.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        bed_id = self.bed.currentData()
        if not bed_id:
            self.error.setText(translate("Referrals", "请选择床位"))
            return
        self.busy = True
        self.error.clear()
        ops.admit(self.ctx, self.user, self.row.id, self.row.version, str(bed_id), self.mrn.text(),
                  self._done, self._failed)

    def _done(self, changes: Any) -> None:
        if not is_alive(self):
            return
        self.busy = False
        self.on_admitted(self.bed.currentText())
        self.accept()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        self.busy = False
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        self.error.setText(error_text(error))          # said here, the form kept
