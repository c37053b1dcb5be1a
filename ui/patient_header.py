"""The patient header shown above every chart: identity first (two identifiers: name + 住院号)."""
from __future__ import annotations

from typing import Any, Optional

from ui.formatting import (
    GRADE_COLORS,
    acuity_color,
    acuity_text,
    age_text,
    grade_text,
    list_text,
    local_date,
    sex_text,
)
from ui.qt import QEvent, QFrame, QGridLayout, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, translate


class PatientHeaderWidget(QFrame):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientHeader")
        self.setStyleSheet(
            "#patientHeader { background: #f7f9fb; border: 1px solid #d5dbe1; border-radius: 6px; }"
            "#patientHeader QLabel { background: transparent; }")
        self.header: Any = None
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ident_label = QLabel()
        self.badge_label = QLabel()
        self.badge_label.setTextFormat(Qt.TextFormat.RichText)
        self.allergy_title = QLabel()
        self.allergy_label = QLabel()
        self.allergy_label.setWordWrap(True)
        self.allergy_label.setStyleSheet("color: #d32f2f; font-weight: bold;")
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        keys = ["mrn", "bed", "admitted", "days", "attending", "resident", "diagnosis"]
        positions = {"mrn": (0, 0), "bed": (0, 2), "admitted": (0, 4), "days": (0, 6),
                     "attending": (1, 0), "resident": (1, 2), "diagnosis": (1, 4)}
        for key in keys:
            title, value = QLabel(), QLabel()
            title.setStyleSheet("color: #57606a;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            r, c = positions[key]
            grid.addWidget(title, r, c, Qt.AlignmentFlag.AlignRight)
            span = 3 if key == "diagnosis" else 1
            grid.addWidget(value, r, c + 1, 1, span)
            self.fields[key] = (title, value)
        grid.addWidget(self.allergy_title, 2, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.allergy_label, 2, 1, 1, 7)
        grid.setColumnStretch(7, 1)
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addSpacing(10)
        top.addWidget(self.ident_label)
        top.addSpacing(10)
        top.addWidget(self.badge_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.retranslate()

    def set_header(self, header: Any) -> None:
        self.header = header
        self._fill()

    def _fill(self) -> None:
        h = self.header
        if h is None:
            return
        self.name_label.setText(h.name)
        self.ident_label.setText(f"{sex_text(h.sex)}   {age_text(h.age_years)}")
        badges = []
        grade_color = GRADE_COLORS.get(h.nursing_grade, GRADE_COLORS[3]).name()
        badges.append(f"<span style='background:{grade_color};color:white;'>&nbsp;"
                      f"{grade_text(h.nursing_grade)}&nbsp;</span>")
        color = acuity_color(h.acuity)
        if color is not None:
            badges.append(f"<span style='background:{color.name()};color:white;font-weight:bold'>&nbsp;"
                          f"{acuity_text(h.acuity)}&nbsp;</span>")
        self.badge_label.setText("&nbsp;&nbsp;".join(badges))
        diagnosis = "；".join(h.diagnoses) if h.diagnoses else h.diagnosis
        values = {
            "mrn": h.mrn,
            "bed": translate("PatientHeader", "{ward} {bed}床").format(ward=h.ward_name, bed=h.bed_no),
            "admitted": local_date(h.admitted_at),
            "days": translate("PatientHeader", "{n}天").format(n=h.days_in_hospital),
            "attending": h.attending_name,
            "resident": h.resident_name,
            "diagnosis": diagnosis,
        }
        for key, (_title, value) in self.fields.items():
            value.setText(values[key])
        self.fields["diagnosis"][1].setToolTip(diagnosis)
        mrn_font = self.fields["mrn"][1].font()
        mrn_font.setBold(True)
        self.fields["mrn"][1].setFont(mrn_font)
        none_text = translate("PatientHeader", "无")
        self.allergy_label.setText(list_text(h.allergies) if h.allergies else none_text)
        self.allergy_label.setStyleSheet(
            "color: #d32f2f; font-weight: bold;" if h.allergies else "color: #1f2328;")

    def retranslate(self) -> None:
        titles = {
            "mrn": translate("PatientHeader", "住院号"),
            "bed": translate("PatientHeader", "床位"),
            "admitted": translate("PatientHeader", "入院日期"),
            "days": translate("PatientHeader", "住院天数"),
            "attending": translate("PatientHeader", "主治医师"),
            "resident": translate("PatientHeader", "住院医师"),
            "diagnosis": translate("PatientHeader", "诊断"),
        }
        for key, (title, _value) in self.fields.items():
            title.setText(titles[key] + translate("PatientHeader", "："))
        self.allergy_title.setText(translate("PatientHeader", "过敏史") + translate("PatientHeader", "："))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PatientPage(QWidget):
    """One open patient: the header now; orders, records and vitals arrive in later issues."""

    def __init__(self, encounter_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.encounter_id = encounter_id
        self.header_widget = PatientHeaderWidget()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #8c959f;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header_widget)
        layout.addWidget(self.placeholder, 1)
        self.retranslate()

    def set_header(self, header: Any) -> None:
        self.header_widget.set_header(header)

    def title(self) -> str:
        h = self.header_widget.header
        if h is None:
            return translate("PatientPage", "正在打开…")
        return translate("PatientPage", "{bed}床 {name}").format(bed=h.bed_no, name=h.name)

    def retranslate(self) -> None:
        self.placeholder.setText(translate("PatientPage", "医嘱、病历、体温单将在后续版本提供"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
