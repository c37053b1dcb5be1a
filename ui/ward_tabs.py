"""The main window's ward-level pages opened from the menus, each one tab found again or added
once: 体征录入, 待完成病历, 本科会诊, 医生交接班, 护士交接班, the 护士工作站's pages, the chart's own
tabs; the 抗菌药物审批 window and the 病区设置 dialog. A mixin of MainWindow (ui/mainwindow.py), which
gives it `ctx`, `user`, `tabs`, `ward_view` and `open_patient`; kept apart so the window stays one
responsibility."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.qt import Qt, is_alive, translate


class WardTabs:
    ctx: Any
    user: Any
    tabs: Any
    ward_view: Any
    _approvals: Any
    ward_settings_dialog: Any = None
    _template_window: Any
    open_patient: Callable[[str], None]

    def _find_tab(self, cls: type) -> Optional[Any]:
        """The open tab of this kind, brought to the front; None when there is none."""
        for i in range(1, self.tabs.count()):
            if isinstance(self.tabs.widget(i), cls):
                self.tabs.setCurrentIndex(i)
                return self.tabs.widget(i)
        return None

    def _add_tab(self, page: Any, title: str) -> Any:
        self.tabs.setCurrentIndex(self.tabs.addTab(page, title))
        return page

    def _ward_id(self) -> str:
        return str(self.ward_view.current_ward_id() or "")

    def open_vitals_grid(self) -> None:
        """体征录入 (Ctrl+Shift+T): the ward grid of the current slot, one tab, reused."""
        from ui.vitals.grid import VitalsGridPage

        if self._find_tab(VitalsGridPage) is None:
            page = VitalsGridPage(self.ctx, self.user, self._ward_id())
            self._add_tab(page, translate("MainWindow", "体征录入"))
            page.reload()

    def show_record_todo(self) -> None:
        """待完成病历 (issue 12): the signed-in doctor's time-limit list, as a tab of its own."""
        from ui.records.todo import TodoPanel

        if self._find_tab(TodoPanel) is None:
            panel = TodoPanel(self.ctx, self.user, self._ward_id())
            panel.open_requested.connect(self._open_record)
            panel.critical_note_requested.connect(self._write_critical_note)
            self._add_tab(panel, panel.title())

    def _write_critical_note(self, encounter_id: str, critical_id: str) -> None:
        """危急值: a new 日常病程记录 with the value filled in, linked to it, opened to write."""
        from ui.critical import write_note

        write_note(self, encounter_id, critical_id)

    def show_consults(self) -> None:
        """本科会诊 (issue 12): the department's open consultation requests."""
        from ui.records.consults import ConsultQueue

        if self._find_tab(ConsultQueue) is None:
            queue = ConsultQueue(self.ctx, self.user)
            self._add_tab(queue, queue.title())

    def show_referral_queue(self) -> None:
        """转入申请 (issue 17): referrals other member institutions sent to this department."""
        from ui.records.referral_queue import ReferralQueue

        if self._find_tab(ReferralQueue) is None:
            queue = ReferralQueue(self.ctx, self.user)
            self._add_tab(queue, queue.title())

    def show_handover(self) -> None:
        """医生交接班 (issue 12) of the ward on the board."""
        from ui.records.handover import HandoverPanel

        if self._find_tab(HandoverPanel) is None:
            panel = HandoverPanel(self.ctx, self.user, self._ward_id())
            self._add_tab(panel, panel.title())

    def show_nurse_handover(self) -> None:
        """护士交接班 (issue 14): the shift report of the ward on the board."""
        from ui.nurse.handover import NurseHandoverPage

        if self._find_tab(NurseHandoverPage) is None:
            page = NurseHandoverPage(self.ctx, self.user, self._ward_id())
            self._add_tab(page, page.title())

    def _open_record(self, encounter_id: str, doc_id: str) -> None:
        from ui.patient_header import PatientPage

        self.open_patient(encounter_id)
        page = self.tabs.currentWidget()
        if isinstance(page, PatientPage):
            page.show_records()
            if doc_id and page.records_tab is not None:
                page.records_tab.open_doc(doc_id)

    def show_nurse_station(self, index: int) -> None:
        """医嘱核对 / 医嘱执行: the 护士工作站 tab on its 医嘱审核 or 执行单 page."""
        from ui.nurse.page import NursePage

        page = self._find_tab(NursePage)
        if page is not None:
            page.tabs.setCurrentIndex(index)
            page.tabs.currentWidget().setFocus()

    def _show_chart_tab(self, which: str) -> None:
        """病历书写 / 体温单查看 / 护理记录: that tab of the chart in front."""
        from ui.patient_header import PatientPage

        page = self.tabs.currentWidget()
        if not isinstance(page, PatientPage):
            return
        if which == "records":
            page.show_records()
        elif which == "nursing":
            page.show_nursing()
        elif getattr(page, "vitals_tab", None) is not None:
            page.chart_tabs.setCurrentWidget(page.vitals_tab)

    def show_conflicts(self) -> None:
        """离线冲突 (issue 15): the ward's changes refused on replay, for a licensed user."""
        from ui.conflicts import ConflictsPage

        if self._find_tab(ConflictsPage) is None:
            page = ConflictsPage(self.ctx, self.user, self._ward_id())
            self._add_tab(page, page.title())

    def show_ward_settings(self) -> None:
        """病区设置 of the ward on the board (head nurse, admin)."""
        from ui.nurse.settings import WardSettingsDialog

        ward_id = self._ward_id()
        if not ward_id or self.user is None:
            return
        name = self.ward_view.ward_combo.currentText()
        dialog = WardSettingsDialog(self.ctx, self.user, ward_id, name, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ward_settings_dialog = dialog
        dialog.open()
    def show_templates(self) -> None:
        """模板管理 (issue 12): one non-modal window of the signed-in user's templates; a child
        dialog of the window, so the lock hides it and another user's sign-in drops it."""
        from ui.records.template_editor import TemplateManager

        window = getattr(self, "_template_window", None)
        if window is None or not is_alive(window) or window.user is not self.user:
            window = TemplateManager(self.ctx, self.user, self)  # type: ignore[arg-type]
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            window.finished.connect(lambda _r: self.activateWindow())   # type: ignore[attr-defined]
            self._template_window = window
        window.show()
        window.raise_()
        window.activateWindow()
        window.list.setFocus()

    def show_approvals(self) -> None:
        """抗菌药物审批: one window per session, on the ward in front."""
        from ui.orders.approvals import ApprovalsWindow

        window = self._approvals
        if window is None or not is_alive(window) or window.user is not self.user:
            window = ApprovalsWindow(self.ctx, self.user, self._ward_id(), self)  # type: ignore[arg-type]
            window.open_chart.connect(self.open_patient)
            self._approvals = window
        window.ward_id = self._ward_id()
        window.show()
        window.raise_()
        window.activateWindow()
        window.table.setFocus()
