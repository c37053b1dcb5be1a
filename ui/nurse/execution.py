"""The day's execution lists (执行单) on the nurse's workstation: 输液, 口服 by time slot, 注射,
治疗, 护理, 皮试, 标本采集, 饮食; filtered by slot and patient; each item with its group's drugs
(dose, route, rate) and the high-alert mark; overdue items red and counted per patient.

The patient is identified by two identifiers before anything is recorded: the wristband barcode
scanned into the search field (a USB scanner types it and presses Enter) or name + 住院号 typed
there. A bed number, a name or a 住院号 alone only filters the list. A 瓶签 (infusion label,
app/printing/labels.py) scanned there selects its execution item and shows its patient's items,
but identifies no one: the wristband scanned next must be the same patient's (or, scanned just
after the wristband, the label must be that patient's), else the nurse is told it is not and
nothing is selected. A label of another ward, of a stopped order, of an item cancelled or
already given says so. A scan typed while the list has the focus goes to the search field.
Keys (ui/shortcuts.py):
Ctrl+E executed (an infusion: started), Ctrl+Shift+E infusion finished, Ctrl+U not executed
(a reason), Ctrl+Shift+Z correct the last record (a reason), Ctrl+R plan and reload, Ctrl+M the
item's 附材 (remove with a reason, add; ui/nurse/consumables.py). The 附材 column lists them.
Ctrl+P the day's 瓶签, Ctrl+Alt+P the day's 执行单, in the print preview (ui/printing/exec_preview.py).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Optional

from ui import shortcuts as keys
from ui.nurse import consumables as cons_ui
from ui.nurse import dialogs
from ui.operations import OpContext
from ui.operations import consumables as cons_ops
from ui.operations import nurse as ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QBrush,
    QColor,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.table_model import RowsTableModel

COL_TIME, COL_BED, COL_NAME, COL_MRN, COL_DRUGS, COL_ROUTE, COL_RATE, COL_ALERT, COL_STATE, COL_BY = range(10)
COL_CONS = 10
RED = QColor("#c62828")
SHEETS = ("infusion", "oral", "injection", "treatment", "care", "skin_test", "specimen", "diet")


def sheet_text(sheet: str) -> str:
    return {"infusion": translate("NurseExec", "输液"), "oral": translate("NurseExec", "口服"),
            "injection": translate("NurseExec", "注射"), "treatment": translate("NurseExec", "治疗"),
            "care": translate("NurseExec", "护理"), "skin_test": translate("NurseExec", "皮试"),
            "specimen": translate("NurseExec", "标本采集"), "diet": translate("NurseExec", "饮食")}.get(sheet, sheet)  # noqa: E501


def state_text(item: Any) -> str:
    from ui.nurse.dialogs import reason_text

    state = item.state
    blocked = item.blocked
    if state == "planned" and blocked:
        return {"positive": translate("NurseExec", "皮试阳性，禁用"),
                "running": translate("NurseExec", "皮试观察中"),
                "due": translate("NurseExec", "待皮试")}.get(blocked, "")
    text = {"planned": translate("NurseExec", "逾期未执行") if item.overdue else translate("NurseExec", "待执行"),  # noqa: E501
            "done": translate("NurseExec", "已执行"), "running": translate("NurseExec", "输液中"),
            "finished": translate("NurseExec", "输液结束"),
            "not_done": translate("NurseExec", "未执行")}.get(state, state)
    live = [f for f in item.facts if not f.voided and f.kind != "void"]
    if state == "not_done" and live:
        text += f"（{reason_text(live[-1].reason_code or '')}）"
    if item.has_duplicate:
        text += translate("NurseExec", "［重复记录，待核查］")
    return str(text)


def _bed_key(bed_no: str) -> tuple[int, str]:
    return (int(bed_no), "") if bed_no.isdigit() else (10**6, bed_no)


def _time(value: Any) -> str:
    return value.astimezone().strftime("%H:%M") if value is not None else ""


def drugs_text(item: Any) -> str:
    from app.domain.orders import group_marks

    marks = group_marks(len(item.drugs))
    return "\n".join(f"{m}{d.content}" for m, d in zip(marks, item.drugs))


class ExecModel(RowsTableModel[Any]):
    column_count = 11

    def __init__(self, parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self.bound: dict[str, list[Any]] = {}      # plan id -> its 附材 (the panel reads them)

    def header_text(self, column: int) -> str:
        return {COL_TIME: translate("NurseExec", "时间"), COL_BED: translate("NurseExec", "床号"),
                COL_NAME: translate("NurseExec", "姓名"), COL_MRN: translate("NurseExec", "住院号"),
                COL_DRUGS: translate("NurseExec", "医嘱内容"), COL_ROUTE: translate("NurseExec", "途径"),
                COL_RATE: translate("NurseExec", "滴速"), COL_ALERT: translate("NurseExec", "高警示"),
                COL_STATE: translate("NurseExec", "状态"),
                COL_BY: translate("NurseExec", "执行护士"),
                COL_CONS: translate("NurseExec", "附材")}.get(column, "")

    def _data(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            live = [f for f in r.facts if not f.voided and f.kind != "void"]
            by = ""
            if live:
                f = live[-1]
                by = f"{_time(f.at)} {f.nurse_name}" + (f"/{f.second_name}" if f.second_name else "")
            return {COL_TIME: _time(r.planned_at), COL_BED: r.bed_no, COL_NAME: r.patient_name,
                    COL_MRN: r.mrn, COL_DRUGS: drugs_text(r), COL_ROUTE: r.route_name,
                    COL_RATE: r.rate or "", COL_ALERT: translate("NurseExec", "高警示") if r.high_alert else "",  # noqa: E501
                    COL_STATE: state_text(r), COL_BY: by,
                    COL_CONS: cons_ui.labels_text(self.bound.get(r.plan_id, []))}.get(col, "")
        red = (r.overdue and r.state == "planned") or (r.high_alert and col in (COL_DRUGS, COL_ALERT)) \
            or (col == COL_STATE and (r.blocked == "positive" or r.has_duplicate))
        if role == Qt.ItemDataRole.ForegroundRole and red:
            return QBrush(RED)
        return None


class ExecutionPanel(QWidget):
    WATCHES = ("order", "execution", "skin_test", "allergy", "consumable")

    def __init__(self, ctx: OpContext, user: Any, origin: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.origin = origin
        self.ward_id = ""
        self.print_dialog: Any = None
        self.all_items: list[Any] = []
        self.identified: Optional[Any] = None       # app.domain.execution.Identity
        self.label_plan: Optional[str] = None       # the item a scanned 瓶签 chose, patient not yet checked
        self._before_scan: Optional[Any] = None     # who was identified before the field changed
        self.search = QLineEdit()
        self.search.setObjectName("exec_search")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._identify)
        self.search.textChanged.connect(self._text_changed)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("exec_sheet")
        for sheet in SHEETS:
            self.sheet_combo.addItem("", sheet)
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.slot_combo = QComboBox()
        self.slot_combo.setObjectName("exec_slot")
        self.slot_combo.addItem("", "")
        self.slot_combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.patient_label = QLabel()
        self.patient_label.setObjectName("exec_patient")
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("exec_overdue")
        self.overdue_label.setStyleSheet("color: #c62828;")
        self.overdue_label.setWordWrap(True)
        self.model = ExecModel(self)
        self.table = QTableView()
        self.table.setObjectName("exec_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DRUGS, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel()
        self.status_label.setObjectName("exec_status")
        self.status_label.setWordWrap(True)
        self.search_label = QLabel()
        self.sheet_label = QLabel()
        self.slot_label = QLabel()
        top = QHBoxLayout()
        for w in (self.search_label, self.search, self.sheet_label, self.sheet_combo, self.slot_label,
                  self.slot_combo, self.patient_label):
            top.addWidget(w)
        top.setStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.search)
        for key, shortcut, handler in (("done", keys.EXEC_DONE, lambda: self.record_current("done")),
                                       ("finish", keys.EXEC_FINISH, lambda: self.record_current("finished")),
                                       ("not_done", keys.EXEC_NOT_DONE, self.not_done_current),
                                       ("correct", keys.EXEC_CORRECT, self.correct_current),
                                       ("refresh", keys.EXEC_REFRESH, self.refresh),
                                       ("consumables", keys.EXEC_CONSUMABLES, self.consumables_current),
                                       ("print_labels", keys.EXEC_PRINT_LABELS,
                                        lambda: self.print_day("infusion_label")),
                                       ("print_sheet", keys.EXEC_PRINT_SHEET,
                                        lambda: self.print_day("exec_sheet"))):
            action = QAction(self)
            action.setObjectName("exec_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
        self.retranslate()

    def print_day(self, what: str) -> None:
        """The ward day's 瓶签 (infusion_label) or 执行单 (exec_sheet) in the print preview."""
        from ui.printing.exec_preview import ExecPrintPreview

        if not self.ward_id:
            return
        dialog = ExecPrintPreview(self.ctx, self.user, self.ward_id, what, self.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.print_dialog = dialog
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    # ---- data
    def set_ward(self, ward_id: str) -> None:
        self.ward_id = ward_id
        self.refresh()

    def today(self) -> Any:
        from datetime import datetime

        return datetime.now().astimezone().date()

    def refresh(self) -> None:
        """Plan the ward's day (idempotent: each dose once), then read it."""
        if not self.ward_id:
            return
        ops.generate_plans(self.ctx, self.user, self.ward_id, self.today(), self.origin,
                           lambda _c: self.reload(), self._failed)

    def reload(self) -> None:
        if not self.ward_id:
            return
        ward_id = self.ward_id

        def done(day: Any) -> None:
            if ward_id == self.ward_id:
                self.set_items(list(day.items))

        ops.load_day(self.ctx, ward_id, self.today(), done, self._failed)

    def set_items(self, items: list[Any]) -> None:
        current = self.current()
        self.all_items = items
        slots = sorted({_time(i.planned_at) for i in items})
        chosen = self.slot_combo.currentData()
        self.slot_combo.blockSignals(True)
        while self.slot_combo.count() > 1:
            self.slot_combo.removeItem(1)
        for s in slots:
            self.slot_combo.addItem(s, s)
        index = self.slot_combo.findData(chosen)
        self.slot_combo.setCurrentIndex(max(0, index))
        self.slot_combo.blockSignals(False)
        self._apply_filter(current.plan_id if current is not None else None)
        self._load_bound()

    def _load_bound(self) -> None:
        plan_ids = [i.plan_id for i in self.all_items]

        def done(bound: dict[str, list[Any]]) -> None:
            self.model.bound = dict(bound)
            current = self.current()
            self._apply_filter(current.plan_id if current is not None else None)

        cons_ops.load_bound(self.ctx, plan_ids, done, self._failed, with_removed=True)

    def patients(self) -> list[Any]:
        from app.domain.execution import Identity

        seen: dict[str, Any] = {}
        for i in self.all_items:
            seen.setdefault(i.encounter_id, Identity(i.encounter_id, i.patient_name, i.mrn))
        return list(seen.values())

    def _apply_filter(self, keep: Optional[str] = None) -> None:
        sheet = self.sheet_combo.currentData()
        slot = self.slot_combo.currentData()
        text = self.search.text().strip()
        rows = [i for i in self.all_items if i.sheet == sheet and (not slot or _time(i.planned_at) == slot)]
        label = self._label_item()
        if self.identified is not None:
            rows = [i for i in rows if i.encounter_id == self.identified.encounter_id]
        elif label is not None:
            rows = [i for i in rows if i.encounter_id == label.encounter_id]
        elif text:
            rows = [i for i in rows if text in (i.bed_no, i.mrn) or text in i.patient_name]
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()          # a group shows each of its drugs on a line
        overdue = Counter((i.bed_no, i.patient_name) for i in self.all_items if i.overdue and i.state == "planned")  # noqa: E501
        self.overdue_label.setText(
            translate("NurseExec", "逾期：{list}").format(list="，".join(
                translate("NurseExec", "{bed}床 {name} {n}项").format(bed=b, name=nm, n=n)
                for (b, nm), n in sorted(overdue.items(), key=lambda kv: _bed_key(kv[0][0])))) if overdue else "")  # noqa: E501
        for n, r in enumerate(rows):
            if r.plan_id == keep:
                self.table.selectRow(n)
                return
        if rows:
            self.table.selectRow(0)

    def overdue_counts(self) -> dict[str, int]:
        """Overdue items per patient (encounter id)."""
        return dict(Counter(i.encounter_id for i in self.all_items if i.overdue and i.state == "planned"))

    def current(self) -> Optional[Any]:
        index = self.table.currentIndex()
        rows = self.model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    # ---- patient identification
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A scanner typing while the list has the focus: the scan goes to the search field."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key: Any = event
            text = key.text()
            mods = key.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
            if text and text.isprintable() and not text.isspace() and mods == Qt.KeyboardModifier.NoModifier:
                if not self.search.hasFocus():          # the scan's first key: it replaces the field
                    self.search.setFocus()
                    self.search.selectAll()
                self.search.insert(text)
                return True
        return super().eventFilter(watched, event)

    def _text_changed(self, _text: str) -> None:
        if self.identified is not None:
            self._before_scan = self.identified
            self.identified = None
            self._show_identity()
        self._apply_filter()

    def _label_item(self) -> Optional[Any]:
        if self.label_plan is None:
            return None
        return next((i for i in self.all_items if self.label_plan in i.plan_ids), None)

    def _identify(self) -> None:
        from app.domain.execution import identify, plan_id_of_label

        text = self.search.text()
        before, self._before_scan = self._before_scan, None
        self.search.selectAll()                      # the next scan replaces what is there
        plan_id = plan_id_of_label(text)
        if plan_id is not None:
            self._scan_label(plan_id, before)
            return
        found = identify(text, self.patients())
        label = self._label_item()
        self.label_plan = None
        self.identified = found
        self._show_identity()
        if found is not None and label is not None and label.encounter_id != found.encounter_id:
            self._apply_filter()
            self.set_status(translate(
                "NurseExec",
                "腕带与瓶签不是同一患者：瓶签是 {bed}床 {name}，腕带是 {name2} {mrn2}。请勿执行！").format(
                    bed=label.bed_no, name=label.patient_name, name2=found.name, mrn2=found.mrn), warn=True)
            return
        self._apply_filter(label.plan_id if found is not None and label is not None else None)
        if found is None and text.strip():
            self.set_status(translate("NurseExec", "未能核对患者：请扫描腕带，或输入“姓名 住院号”"))
        elif found is not None:
            self.set_status(translate("NurseExec", "瓶签与腕带核对一致：{bed}床 {name}").format(
                bed=label.bed_no, name=label.patient_name) if label is not None else "")
            self.table.setFocus()

    def _scan_label(self, plan_id: str, before: Optional[Any]) -> None:
        """A 瓶签 scanned: its item chosen if it is on today's list and may be given; the patient
        still to be checked by wristband (or checked just before, and the same)."""
        item = next((i for i in self.all_items if plan_id in i.plan_ids), None)
        self.identified = None
        self.label_plan = None
        self._show_identity()
        if item is None:
            self._apply_filter()
            self.set_status(translate("NurseExec", "正在查找瓶签……"))
            ops.lookup_label(self.ctx, plan_id, lambda found: self._label_elsewhere(plan_id, found),
                             self._failed)
            return
        if item.state in ("done", "finished", "not_done"):
            self._apply_filter()
            self.set_status(translate("NurseExec", "此瓶签的执行项已记录（{bed}床 {name} {time}：{state}），请勿重复执行").format(  # noqa: E501
                bed=item.bed_no, name=item.patient_name, time=_time(item.planned_at), state=state_text(item)),
                warn=True)
            return
        if before is not None and before.encounter_id != item.encounter_id:
            self._apply_filter()
            self.set_status(translate(
                "NurseExec", "瓶签与已核对的患者不符：瓶签是 {bed}床 {name} {mrn}，已核对的是 {name2} {mrn2}。请勿执行！").format(  # noqa: E501
                    bed=item.bed_no, name=item.patient_name, mrn=item.mrn, name2=before.name,
                    mrn2=before.mrn), warn=True)
            return
        for combo, value in ((self.sheet_combo, item.sheet), (self.slot_combo, "")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        if before is not None:
            self.identified = before
            self.set_status(translate("NurseExec", "瓶签与腕带核对一致：{bed}床 {name}").format(
                bed=item.bed_no, name=item.patient_name))
        else:
            self.label_plan = item.plan_id
            self.set_status(translate(
                "NurseExec", "已扫描瓶签：{bed}床 {name} {time}，执行前请扫描该患者腕带核对").format(
                bed=item.bed_no, name=item.patient_name, time=_time(item.planned_at)))
        self._show_identity()
        self._apply_filter(item.plan_id)

    def _label_elsewhere(self, plan_id: str, found: Optional[Any]) -> None:
        """Why a scanned label is not on today's list, told in plain words (nothing selected)."""
        from app.domain.execution import plan_id_of_label
        from app.domain.orders import STOPPED, VOIDED

        if plan_id_of_label(self.search.text()) != plan_id:
            return                                      # the nurse has scanned something else since
        if found is None:
            text = translate("NurseExec", "未找到此瓶签对应的执行项，请核对瓶签")
        else:
            who = translate("NurseExec", "{bed}床 {name}").format(bed=found.bed_no, name=found.patient_name)
            day = found.planned_at.astimezone().date()
            if found.ward_id != self.ward_id:
                text = translate(
                    "NurseExec", "此瓶签属于{ward}（{who}），不是本病区的患者，请勿执行！").format(
                    ward=found.ward_name, who=who)
            elif found.stay_status != "admitted":
                text = translate("NurseExec", "{who} 已不在院，此瓶签不可执行").format(who=who)
            elif found.plan_status != "planned":
                text = translate("NurseExec", "此执行项已取消（{who}），请勿执行").format(who=who)
            elif found.order_status == STOPPED:
                text = translate("NurseExec", "此医嘱已停止（{who}），请勿执行").format(who=who)
            elif found.order_status == VOIDED:
                text = translate("NurseExec", "此医嘱已作废（{who}），请勿执行").format(who=who)
            elif day != self.today():
                text = translate("NurseExec", "此瓶签是 {day} 的执行项（{who}），不是今天的").format(
                    day=day.isoformat(), who=who)
            else:
                text = translate("NurseExec", "此瓶签的医嘱尚不可执行（{who}）：请先核对医嘱").format(who=who)
        self.set_status(text, warn=True)

    def _show_identity(self) -> None:
        p = self.identified
        self.patient_label.setText(
            translate("NurseExec", "已核对：{name} {mrn}").format(name=p.name, mrn=p.mrn) if p is not None
            else translate("NurseExec", "未核对患者"))
        self.patient_label.setStyleSheet("color: #2e7d32; font-weight: bold;" if p is not None else "color: #c62828;")  # noqa: E501

    # ---- recording
    def _need_identified(self) -> Optional[Any]:
        item = self.current()
        if item is None:
            return None
        if self.identified is None or self.identified.encounter_id != item.encounter_id:
            self.set_status(translate("NurseExec", "执行前请核对患者：扫描腕带，或输入“姓名 住院号”后按回车"))
            self.search.setFocus()
            return None
        return item

    def record_current(self, kind: str) -> None:
        item = self._need_identified()
        if item is None:
            return
        if kind == "done" and item.sheet == "infusion":
            kind = "finished" if item.state == "running" else "started"
        self._with_second(item, kind, lambda second: self._record(item, kind, second))

    def _with_second(self, item: Any, kind: str, go: Callable[[Optional[str]], None]) -> None:
        if not item.second_needed or kind not in ("done", "started"):
            go(None)
            return
        dialog = dialogs.second_nurse_dialog(drugs_text(item), self)

        def submitted(values: Any) -> None:
            def found(ref: Any) -> None:
                if ref is None:
                    dialog.show_error(translate("NurseExec", "没有此工号"))
                    return
                dialog.accept()
                go(ref.id)

            ops.confirm_second(self.ctx, values["second"], values["password"], found,
                               lambda f: dialog.show_error(self._text(f)))

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def _record(self, item: Any, kind: str, second: Optional[str], reason: Optional[str] = None,
                text: Optional[str] = None, dialog: Optional[Any] = None) -> None:
        from app.clock import utcnow

        def done(_c: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self.set_status(translate("NurseExec", "已记录：{bed}床 {name} {time}").format(
                bed=item.bed_no, name=item.patient_name, time=_time(item.planned_at)))
            self.reload()

        def failed(failure: Any) -> None:
            if dialog is not None and hasattr(failure.error, "message_id"):
                dialog.show_error(self._text(failure))
            else:
                self._failed(failure)

        mrn = self.identified.mrn if self.identified is not None else ""
        ops.record_execution(self.ctx, self.user, item.plan_id, kind, utcnow(), mrn,
                             self.origin, second_nurse_id=second, reason_code=reason, reason_text=text,
                             on_done=done, on_error=failed)

    def not_done_current(self) -> None:
        from app.domain.execution import NOT_DONE_REASONS

        item = self._need_identified()
        if item is None:
            return
        dialog = dialogs.not_done_dialog(drugs_text(item), NOT_DONE_REASONS, self)
        dialog.submitted.connect(lambda v: self._record(item, "not_done", None, v["reason"], v["text"], dialog))  # noqa: E501
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def correct_current(self) -> None:
        """Void the item's last record (a new row; the old one stays, voided)."""
        item = self._need_identified()
        if item is None:
            return
        live = [f for f in item.facts if not f.voided and f.kind != "void"]
        if not live:
            self.set_status(translate("NurseExec", "此项尚无执行记录"))
            return
        dialog = dialogs.correction_dialog(drugs_text(item), self)

        def submitted(values: Any) -> None:
            def done(_c: Any) -> None:
                dialog.accept()
                self.set_status(translate("NurseExec", "已更正"))
                self.reload()

            ops.void_execution(self.ctx, self.user, live[-1].id, values["reason"], self.origin, done,
                               lambda f: dialog.show_error(self._text(f)))

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def consumables_current(self) -> None:
        """附材 of the current item: remove one (a reason) or add one."""
        item = self.current()
        if item is None:
            return
        cons_ui.open_dialog(self.ctx, self.user, self.origin, item, drugs_text(item),
                            self.model.bound.get(item.plan_id, []), self,
                            self._consumables_done)

    def _consumables_done(self, text: str) -> None:
        self.set_status(text)
        self.reload()

    # ---- text
    def retranslate(self) -> None:
        self.search_label.setText(translate("NurseExec", "患者："))
        self.search.setPlaceholderText(translate("NurseExec", "扫描腕带，或输入“姓名 住院号”后回车；床号只筛选"))  # noqa: E501
        self.sheet_label.setText(translate("NurseExec", "执行单："))
        self.slot_label.setText(translate("NurseExec", "时间："))
        for i in range(self.sheet_combo.count()):
            self.sheet_combo.setItemText(i, sheet_text(str(self.sheet_combo.itemData(i))))
        self.slot_combo.setItemText(0, translate("NurseExec", "全部"))
        self._show_identity()

    def set_status(self, text: str, warn: bool = False) -> None:
        self.status_label.setStyleSheet("color: #c62828; font-weight: bold;" if warn else "")
        self.status_label.setText(text)

    def _text(self, failure: Any) -> str:
        from ui.messages import error_text

        return str(error_text(failure.error))

    def _failed(self, failure: Any) -> None:
        if not hasattr(failure.error, "message_id"):
            self.ctx.runner.failed.emit(failure)
            return
        self.set_status(self._text(failure))
