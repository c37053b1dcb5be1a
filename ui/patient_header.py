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
from ui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)


class PatientHeaderWidget(QFrame):
    diagnoses_requested = Signal()       # the 诊断 title is a link: the chart's 诊断 dialog

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
        self.risk_label = QLabel()                 # the latest risk assessments (护理评估)
        self.risk_label.setObjectName("header_risks")
        self.risk_label.setTextFormat(Qt.TextFormat.RichText)
        self.risks: dict[str, Any] = {}
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
        dx_title = self.fields["diagnosis"][0]
        dx_title.setTextFormat(Qt.TextFormat.RichText)
        dx_title.linkActivated.connect(lambda _link: self.diagnoses_requested.emit())
        grid.addWidget(self.allergy_title, 2, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.allergy_label, 2, 1, 1, 7)
        grid.setColumnStretch(7, 1)
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addSpacing(10)
        top.addWidget(self.ident_label)
        top.addSpacing(10)
        top.addWidget(self.badge_label)
        top.addSpacing(10)
        top.addWidget(self.risk_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.retranslate()

    def set_header(self, header: Any) -> None:
        self.header = header
        self._fill()

    def set_risks(self, risks: dict[str, Any]) -> None:
        """scale -> the stay's latest assessment (app.services.nursing_records)."""
        from ui.nursing.labels import risk_html

        self.risks = dict(risks)
        self.risk_label.setText(risk_html(self.risks))

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
        self.fields["diagnosis"][0].setText(
            f"<a href='diagnoses' style='color:#57606a;'>{titles['diagnosis']}</a>"
            + translate("PatientHeader", "："))
        self.fields["diagnosis"][0].setToolTip(translate("PatientHeader", "查看或修改诊断（病历页 F7）"))
        self.allergy_title.setText(translate("PatientHeader", "过敏史") + translate("PatientHeader", "："))
        self._fill()
        if self.risks:
            self.set_risks(self.risks)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PatientPage(QWidget):
    """One open patient: the header (always naming the patient) above the chart's tabs: 医嘱
    (ui/orders), 病历 and 体温单 (later issues).

    It needs the operations context and the signed-in user for its 医嘱 tab: `attach(ctx, user)`
    (or the constructor) gives them; until the main window passes them itself, the page takes
    them from the window it is shown in (`ctx`, `user`)."""

    header_loaded = Signal(object)       # PatientHeader, from `open()`

    def __init__(self, encounter_id: str, parent: Optional[QWidget] = None, ctx: Any = None,
                 user: Any = None) -> None:
        super().__init__(parent)
        self.encounter_id = encounter_id
        self.ctx: Any = None
        self.user: Any = None
        self.orders_tab: Any = None
        self._window_hooked = False
        self._chart_pending = False          # open() reads header + orders; no second read
        self.header_widget = PatientHeaderWidget()
        self.header_widget.diagnoses_requested.connect(self.show_diagnoses)
        self.diagnoses_dialog: Any = None
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setObjectName("chartTabs")
        self.orders_holder = QStackedWidget()
        self.orders_placeholder = self._placeholder()
        self.orders_holder.addWidget(self.orders_placeholder)
        self.records_placeholder = self._placeholder()
        self.records_holder = QStackedWidget()           # the 病历 tab, built when first shown
        self.records_holder.addWidget(self.records_placeholder)
        self.records_tab: Any = None
        self.vitals_placeholder = self._placeholder()
        self.nursing_placeholder = self._placeholder()
        self.nursing_holder = QStackedWidget()           # the 护理记录 tab, built when first shown
        self.nursing_holder.addWidget(self.nursing_placeholder)
        self.nursing_tab: Any = None
        self.chart_tabs.addTab(self.orders_holder, "")
        self.chart_tabs.addTab(self.records_holder, "")
        self.chart_tabs.currentChanged.connect(self._records_shown)
        self.chart_tabs.addTab(self.vitals_placeholder, "")
        self.chart_tabs.addTab(self.nursing_holder, "")
        self.chart_tabs.currentChanged.connect(self._nursing_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header_widget)
        layout.addWidget(self.chart_tabs, 1)
        self.retranslate()
        if ctx is not None:
            self.attach(ctx, user)

    @staticmethod
    def _placeholder() -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #8c959f;")
        return label

    # ---- what the page needs
    def attach(self, ctx: Any, user: Any) -> None:
        """Give the page the operations context and the user; builds the 医嘱 tab once."""
        if self.ctx is not None or ctx is None:
            return
        from ui.operations import orders as order_ops

        self.ctx = ctx
        self.user = user
        self._attach_vitals(ctx)
        if not order_ops.supported(ctx) or user is None:
            self.orders_placeholder.setText(translate("PatientPage", "医嘱在此数据源上不可用"))
            return
        from ui.orders.tab import OrdersTab

        self.orders_tab = OrdersTab(ctx, user, self.encounter_id)
        header = self.header_widget.header
        if header is not None:
            self.orders_tab.set_patient(header.patient_id)
        self.orders_holder.addWidget(self.orders_tab)
        self.orders_holder.setCurrentWidget(self.orders_tab)

    def _records_shown(self, index: int) -> None:
        """The 病历 tab loads its documents when first shown, not with the chart (3 statements)."""
        if self.chart_tabs.widget(index) is not self.records_holder or self.records_tab is not None:
            return
        from ui.operations import records as record_ops

        if self.ctx is None or self.user is None or not record_ops.supported(self.ctx):
            return
        from ui.records.tab import RecordsTab

        self.records_tab = RecordsTab(self.ctx, self.user, self.encounter_id)
        self.records_holder.addWidget(self.records_tab)
        self.records_holder.setCurrentWidget(self.records_tab)

    def show_diagnoses(self) -> None:
        """The 诊断 dialog of this stay (from the header's 诊断 link; F7 on the 病历 tab)."""
        from ui.records.diagnoses import open_diagnoses

        header = self.header_widget.header
        if self.ctx is not None and self.user is not None:
            self.diagnoses_dialog = open_diagnoses(self.ctx, self.user, self.encounter_id,
                                                   getattr(header, "name", ""), self)

    def show_records(self) -> None:
        self.chart_tabs.setCurrentWidget(self.records_holder)

    def _nursing_shown(self, index: int) -> None:
        """The 护理记录 tab (ui/nursing/tab.py) reads its lines when first shown."""
        if self.chart_tabs.widget(index) is not self.nursing_holder or self.nursing_tab is not None:
            return
        from ui.operations import nursing_records as nursing_ops

        if self.ctx is None or self.user is None or not nursing_ops.supported(self.ctx):
            return
        from ui.nursing.tab import NursingRecordsTab

        tab = NursingRecordsTab(self.ctx, self.user, self.encounter_id)
        header = self.header_widget.header
        if header is not None:
            tab.set_patient(header.patient_id, header.acuity)
        self.nursing_tab = tab
        self.nursing_holder.addWidget(tab)
        self.nursing_holder.setCurrentWidget(tab)

    def show_nursing(self) -> None:
        self.chart_tabs.setCurrentWidget(self.nursing_holder)
        if self.nursing_tab is not None:
            self.nursing_tab.new_line()

    def load_risks(self) -> None:
        """The header's risk levels: a read of their own after the header (the chart's first
        read stays as it is), again whenever a score of this patient changes."""
        from ui.operations import nursing_records as nursing_ops

        if self.ctx is None or not nursing_ops.supported(self.ctx):
            return

        def done(risks: Any) -> None:
            if is_alive(self):
                self.header_widget.set_risks(risks)

        nursing_ops.load_risks(self.ctx, self.encounter_id, done, lambda _f: None)

    def apply_changes(self, changes: Any) -> None:
        """The main window's one change signal: the 护理记录 tab and the header's risks."""
        header = self.header_widget.header
        if header is None or header.patient_id not in changes.patient_ids:
            return
        if self.nursing_tab is not None:
            self.nursing_tab.apply_changes(changes)
        if changes.touches("vitals"):
            self.load_risks()

    def _attach_vitals(self, ctx: Any) -> None:
        """The 体温单 tab replaces its placeholder (issue 14)."""
        from ui.operations import vitals as vitals_ops

        if not vitals_ops.supported(ctx):
            return
        from ui.vitals.tempchart import TempChartTab

        self.vitals_tab = TempChartTab(ctx, self.encounter_id, user=self.user)
        index = self.chart_tabs.indexOf(self.vitals_placeholder)
        self.chart_tabs.removeTab(index)
        self.chart_tabs.insertTab(index, self.vitals_tab, translate("PatientPage", "体温单"))

    def _attach_from_window(self) -> None:
        window = self.window()
        if self.ctx is None and window is not self:
            self.attach(getattr(window, "ctx", None), getattr(window, "user", None))
        ward_view = getattr(window, "ward_view", None)
        if not self._window_hooked and ward_view is not None and hasattr(ward_view, "patient_requested"):
            # Opening this chart again from the ward board shows its 医嘱 tab (the contract).
            self._window_hooked = True
            ward_view.patient_requested.connect(self._requested)

    def _requested(self, encounter_id: str) -> None:
        if is_alive(self) and encounter_id == self.encounter_id:
            self.show_orders()

    def reload_all(self) -> None:
        """Everything the chart shows, read again (the server is back from an outage)."""
        if self.orders_tab is not None:
            self.open()                              # header and orders: one read
        for tab in (self.records_tab, self.nursing_tab, getattr(self, "vitals_tab", None)):
            if tab is None or not getattr(tab, "loaded", True):
                continue                             # not shown yet: read on its first show
            for name in ("reload", "load"):
                if hasattr(tab, name):
                    getattr(tab, name)()
                    break

    def open(self, on_header: Any = None, on_error: Any = None) -> None:
        """The chart's first load: header and orders in one read (backend.chart)."""
        from ui.operations import orders as order_ops

        if self.ctx is None or self.orders_tab is None:
            return
        staff_id = str(getattr(self.user, "id", "") or "")

        def done(data: Any) -> None:
            if not is_alive(self):
                return
            self._chart_pending = False
            self.orders_tab.set_rows(list(data.orders))
            self.set_header(data.header)
            self.header_loaded.emit(data.header)
            if on_header is not None:
                on_header(data.header)

        def failed(failure: Any) -> None:
            self._chart_pending = False
            if on_error is not None:
                on_error(failure)
            elif is_alive(self) and self.orders_tab is not None:
                self.orders_tab.show_failure(failure)

        self._chart_pending = True
        self.orders_tab.reads += 1
        order_ops.load_chart(self.ctx, self.encounter_id, staff_id, done, failed)

    def _auto_load(self) -> None:
        """The orders' first read when nobody called open() (the header came from elsewhere)."""
        tab = self.orders_tab
        if is_alive(self) and tab is not None and not tab.loaded and not tab._loading \
                and not self._chart_pending:
            tab.reload()

    def set_header(self, header: Any) -> None:
        first = self.header_widget.header is None
        self.header_widget.set_header(header)
        if self.ctx is None:
            self._attach_from_window()
        if header is not None and first:
            self.load_risks()
            if self.nursing_tab is not None:
                self.nursing_tab.set_patient(header.patient_id, header.acuity)
        if self.orders_tab is not None and header is not None:
            self.orders_tab.set_patient(header.patient_id)
            QTimer.singleShot(0, self._auto_load)

    def show_orders(self) -> None:
        self.chart_tabs.setCurrentWidget(self.orders_holder)
        if self.orders_tab is not None:
            self.orders_tab.focus_orders()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._attach_from_window()
        QTimer.singleShot(0, self._auto_load)        # after the caller had its chance to open()
        QTimer.singleShot(0, self._focus_inside)

    def _focus_inside(self) -> None:
        """The chart opens with the keyboard in its orders (F2 works at once)."""
        if not is_alive(self) or not self.isVisible() or self.orders_tab is None:
            return
        if self.chart_tabs.currentWidget() is not self.orders_holder:
            return
        focused = QApplication.focusWidget()
        if focused is None or not (self.orders_tab is focused or self.orders_tab.isAncestorOf(focused)):
            self.orders_tab.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def title(self) -> str:
        h = self.header_widget.header
        if h is None:
            return translate("PatientPage", "正在打开…")
        return translate("PatientPage", "{bed}床 {name}").format(bed=h.bed_no, name=h.name)

    def retranslate(self) -> None:
        self.chart_tabs.setTabText(0, translate("PatientPage", "医嘱"))
        self.chart_tabs.setTabText(1, translate("PatientPage", "病历"))
        self.chart_tabs.setTabText(2, translate("PatientPage", "体温单"))
        self.chart_tabs.setTabText(3, translate("PatientPage", "护理记录"))
        later = translate("PatientPage", "在后续版本提供")
        self.records_placeholder.setText(later)
        self.vitals_placeholder.setText(later)
        self.nursing_placeholder.setText(translate("PatientPage", "护理记录在此数据源上不可用"))
        if self.orders_tab is None and not self.orders_placeholder.text():
            self.orders_placeholder.setText(translate("PatientPage", "正在打开…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
