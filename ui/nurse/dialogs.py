"""The small dialogs of the nurse's workstation: a second nurse (双人核对), a 未执行 reason, a
correction reason, a skin test's batch number and its reading. Each emits `submitted(values)`;
the panel sends the command and either calls `accept()` or `show_error()` (values kept)."""
from __future__ import annotations

from typing import Any, Optional

from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)


def reason_text(code: str) -> str:
    return {
        "patient_refused": translate("NurseTexts", "患者拒绝"),
        "fasting": translate("NurseTexts", "禁食"),
        "out_of_ward": translate("NurseTexts", "不在病房/外出"),
        "in_exam_or_surgery": translate("NurseTexts", "检查或手术中"),
        "drug_not_arrived": translate("NurseTexts", "药品未到"),
        "doctor_paused": translate("NurseTexts", "医生暂停"),
        "iv_access_failed": translate("NurseTexts", "静脉通路失败"),
        "discharged": translate("NurseTexts", "已出院/转科"),
        "other": translate("NurseTexts", "其他"),
    }.get(code, code)


class NurseDialog(QDialog):
    """A title, the item it is about, a form of fields, an error line, OK/Cancel."""

    submitted = Signal(object)

    def __init__(self, title: str, about: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(title)
        self.about = QLabel(about)
        self.about.setWordWrap(True)
        self.about.setStyleSheet("font-weight: bold;")
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.busy = False
        self.fields: dict[str, Any] = {}

    def add_line(self, key: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName("field_" + key)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(280)
        self.form.addRow(label, edit)
        self.fields[key] = edit
        return edit

    def add_combo(self, key: str, label: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("field_" + key)
        for code, text in items:
            combo.addItem(text, code)
        self.form.addRow(label, combo)
        self.fields[key] = combo
        return combo

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            out[key] = widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
        return out

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if self.busy:
            return
        values = self.values()
        missing = [k for k, v in values.items() if k in self.required and not v]
        if missing:
            self.show_error(translate("NurseTexts", "请填写必填项"))
            self.fields[missing[0]].setFocus()
            return
        self.busy = True
        self.message.clear()
        self.submitted.emit(values)

    required: tuple[str, ...] = ()

    def show_error(self, text: str) -> None:
        self.busy = False
        self.message.setText(text)


def second_nurse_dialog(about: str, parent: Optional[QWidget] = None) -> NurseDialog:
    dialog = NurseDialog(translate("NurseTexts", "双人核对"), about, parent)
    dialog.add_line("second", translate("NurseTexts", "核对护士工号："), translate("NurseTexts", "登录名"))
    password = dialog.add_line("password", translate("NurseTexts", "核对护士密码："),
                               translate("NurseTexts", "由核对护士本人输入"))
    password.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.required = ("second", "password")
    return dialog


def not_done_dialog(about: str, reasons: tuple[str, ...], parent: Optional[QWidget] = None) -> NurseDialog:
    dialog = NurseDialog(translate("NurseTexts", "未执行"), about, parent)
    dialog.add_combo("reason", translate("NurseTexts", "原因："), [(c, reason_text(c)) for c in reasons])
    dialog.add_line("text", translate("NurseTexts", "说明："), translate("NurseTexts", "选“其他”时必填"))
    return dialog


def correction_dialog(about: str, parent: Optional[QWidget] = None) -> NurseDialog:
    dialog = NurseDialog(translate("NurseTexts", "更正执行记录"), about, parent)
    dialog.add_line("reason", translate("NurseTexts", "更正理由："))
    dialog.required = ("reason",)
    return dialog


def batch_dialog(about: str, parent: Optional[QWidget] = None) -> NurseDialog:
    dialog = NurseDialog(translate("NurseTexts", "皮试"), about, parent)
    dialog.add_line("batch", translate("NurseTexts", "皮试液批号："))
    dialog.required = ("batch",)
    return dialog


def reading_dialog(about: str, parent: Optional[QWidget] = None) -> NurseDialog:
    dialog = NurseDialog(translate("NurseTexts", "皮试判读"), about, parent)
    dialog.add_combo("result", translate("NurseTexts", "结果："),
                     [("negative", translate("NurseTexts", "阴性（−）")),
                      ("positive", translate("NurseTexts", "阳性（+）"))])
    dialog.add_line("second", translate("NurseTexts", "核对护士工号："), translate("NurseTexts", "登录名"))
    password = dialog.add_line("password", translate("NurseTexts", "核对护士密码："),
                               translate("NurseTexts", "由核对护士本人输入"))
    password.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.required = ("second", "password")
    return dialog
