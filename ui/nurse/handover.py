"""护士交接班 (Ctrl+Shift+B): one shift's report of the ward on the board. A shift picker (the
running shift and the eight before it; Alt+← / Alt+→), the counts row with 现有 checked against
原有 + 入院 + 转入 − 出院 − 转出 − 死亡 (a difference shown in red, to be explained before handing
over), the patients in CLINICAL.md's order with their notes pre-filled from the shift's events,
abnormal vital signs and open doses, editable. Ctrl+S saves the draft, Ctrl+Enter hands over (the
handing nurse signs), Ctrl+Shift+Enter receives (another nurse signs), Ctrl+R reads it again,
Ctrl+P prints the shift shown (ui/printing/handover_preview.py).

What the nurse typed stays in the page across reloads of the same shift (another nurse's save,
a conflict, a refusal); only texts she did not touch follow the saved draft."""
from __future__ import annotations

from typing import Any, Optional

from ui.formatting import local_datetime
from ui.messages import error_text
from ui.nurse import handover_model as hm
from ui.operations import nurse_handover as ops
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QHBoxLayout,
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
from ui.shortcuts import (
    NURSE_HANDOVER_HAND,
    NURSE_HANDOVER_NEWER,
    NURSE_HANDOVER_OLDER,
    NURSE_HANDOVER_PRINT,
    NURSE_HANDOVER_RECEIVE,
    NURSE_HANDOVER_REFRESH,
    NURSE_HANDOVER_SAVE,
)

FIELDS = ("events", "vitals", "pending")
KINDS = ("nurse_handover", "encounter", "vitals", "bed")      # what a report is built from


class NurseHandoverPage(QWidget):
    def __init__(self, ctx: Any, user: Any, ward_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.ward_id = ctx, user, ward_id
        self.token = f"nurse_handover:{id(self)}"
        self.report: Any = None
        self.loaded = False
        self.reads = 0
        self.wanted: tuple[Any, Any] = (None, None)        # (shift date, code); None: the running one
        self.shown_key: Any = None
        self.print_dialog: Any = None
        self.texts: dict[str, dict[str, str]] = {}
        self.current: Optional[str] = None
        self._filling = False
        self.shift_box = QComboBox()
        self.shift_box.setObjectName("nurseHandoverShift")
        self.shift_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shift_box.activated.connect(lambda _i: self._pick(self.shift_box.currentIndex()))
        self.status = QLabel()
        self.status.setObjectName("nurseHandoverStatus")
        self.counts = hm.CountsModel(self)
        self.counts_view = QTableView()
        self.counts_view.setObjectName("nurseHandoverCounts")
        self.counts_view.setModel(self.counts)
        self.counts_view.verticalHeader().setVisible(False)
        self.counts_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.counts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts_view.setFixedHeight(self.counts_view.horizontalHeader().sizeHint().height()
                                        + self.counts_view.verticalHeader().defaultSectionSize()
                                        + 2 * self.counts_view.frameWidth())
        self.identity = QLabel()
        self.identity.setObjectName("nurseHandoverIdentity")
        self.identity.setWordWrap(True)
        self.explain_label = QLabel()
        self.explanation = QLineEdit()
        self.explanation.setObjectName("nurseHandoverExplanation")
        self.explain_label.setBuddy(self.explanation)
        self.message = QLabel()
        self.message.setObjectName("nurseHandoverMessage")
        self.message.setWordWrap(True)
        self.patients = hm.PatientModel(self)
        self.table = QTableView()
        self.table.setObjectName("nurseHandoverPatients")
        self.table.setModel(self.patients)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(hm.COL_DX, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur.row()))
        self.patient_title = QLabel()
        self.patient_title.setObjectName("nurseHandoverPatient")
        self.edits: dict[str, QPlainTextEdit] = {}
        right = QWidget()
        form = QVBoxLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.patient_title)
        self.field_labels: dict[str, QLabel] = {}
        for key in FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName("nurseHandover_" + key)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._keep)
            self.field_labels[key] = QLabel()
            form.addWidget(self.field_labels[key])
            form.addWidget(edit, 1)
            self.edits[key] = edit
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([560, 640])
        top = QHBoxLayout()
        self.shift_label = QLabel()
        top.addWidget(self.shift_label)
        top.addWidget(self.shift_box)
        top.addWidget(self.status, 1)
        explain = QHBoxLayout()
        explain.addWidget(self.explain_label)
        explain.addWidget(self.explanation, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts_view)
        layout.addWidget(self.identity)
        layout.addLayout(explain)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        for keys, handler in ((NURSE_HANDOVER_SAVE, self.save), (NURSE_HANDOVER_HAND, self.hand_over),
                              ("Ctrl+Enter", self.hand_over), (NURSE_HANDOVER_RECEIVE, self.receive),
                              ("Ctrl+Shift+Enter", self.receive),
                              (NURSE_HANDOVER_REFRESH, self.reload),
                              (NURSE_HANDOVER_PRINT, self.print_report),
                              (NURSE_HANDOVER_OLDER, lambda: self._step(1)),
                              (NURSE_HANDOVER_NEWER, lambda: self._step(-1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)
        self._show_explanation(False)
        self.retranslate()
        ctx.runner.changes.connect(self._on_changes)

    def retranslate(self) -> None:
        self.shift_label.setText(translate("NurseHandover", "班次"))
        self.explain_label.setText(translate("NurseHandover", "差异说明"))
        self.explanation.setPlaceholderText(
            translate("NurseHandover", "人数不符时写明原因（如：上一班报告有误，已核实）"))
        for key, text in (("events", translate("NurseHandover", "病情及本班事件")),
                          ("vitals", translate("NurseHandover", "生命体征（↑↓ 为异常）")),
                          ("pending", translate("NurseHandover", "交接事项及待办"))):
            self.field_labels[key].setText(text)
        self.counts.retranslate()
        self.patients.retranslate()
        if self.report is not None:          # the status, the identity and the shift names
            self._show(self.report)

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def title(self) -> str:
        return translate("NurseHandover", "护士交接班")

    def print_report(self) -> None:
        """The shift shown, in the print preview (as `print handover` prints it)."""
        from ui.printing.handover_preview import NURSES, HandoverPrintPreview

        if self.shown_key is None:
            return
        shift_date, code = self.shown_key
        dialog = HandoverPrintPreview(self.ctx, self.user, self.ward_id, NURSES, shift_date, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.print_dialog = dialog
        dialog.open()

    # ---- reading
    def reload(self) -> None:
        self.reads += 1
        request, (shift_date, code) = self.reads, self.wanted

        def done(report: Any) -> None:
            if is_alive(self) and request == self.reads:     # an older read never wins
                self._show(report)

        ops.load_report(self.ctx, self.ward_id, shift_date, code, done, self._failed)

    def _show(self, report: Any) -> None:
        key = (report.shift.shift_date, report.shift.code)
        if key != self.shown_key:                  # another shift: start from its own data
            self.texts = {}
            self.patients.edited = set()
            self.explanation.clear()
            self.shown_key = key
        self.report = report
        self.loaded = True
        saved = report.saved
        signed = saved is not None and saved.status != "draft"
        rows: list[hm.Row] = []
        if signed:
            rows = [hm.row_of_entry(e) for e in saved.entries]
            for e in saved.entries:
                self.texts[str(e["encounter_id"])] = {f: str(e.get(f, "")) for f in FIELDS}
        else:
            drafted = {str(e["encounter_id"]): e for e in saved.entries} if saved is not None else {}
            rows = [hm.row_of_line(p) for p in report.patients]
            listed = {r.encounter_id for r in rows}
            rows += [hm.row_of_entry(e) for k, e in drafted.items() if k not in listed]
            for p in report.patients:
                if p.encounter_id not in self.patients.edited:
                    self.texts[p.encounter_id] = {"events": hm.events_text(p), "vitals": hm.vitals_text(p),
                                                  "pending": hm.pending_text(p)}
            for k, e in drafted.items():
                if k not in self.patients.edited:
                    self.texts[k] = {f: str(e.get(f, "")) for f in FIELDS}
            if saved is not None and not self.explanation.text():
                self.explanation.setText(saved.explanation)
        counts = dict(saved.counts) if signed and saved.counts else dict(report.counts)
        holds = bool(counts.get("holds", report.holds)) if signed else report.holds
        self.counts.holds = holds
        self.counts.set_rows([counts])
        self._fill_shifts(report)
        self._show_identity(report, counts, holds, signed)
        keep = self.current
        self.patients.set_rows(rows)
        for edit in self.edits.values():
            edit.setReadOnly(signed)
        self.explanation.setReadOnly(signed)
        self._show_status()
        row = self.patients.row_of(keep) if keep else None
        if self.patients.rowCount():
            self.table.selectRow(row if row is not None else 0)
        else:
            self._select(-1)

    def _fill_shifts(self, report: Any) -> None:
        self._filling = True
        self.shift_box.clear()
        shifts = list(report.recent)
        if not any(s.shift_date == report.shift.shift_date and s.code == report.shift.code for s in shifts):
            shifts.append(report.shift)
        for s in shifts:
            self.shift_box.addItem(translate("NurseHandover", "{date} {shift} {start}–{end}").format(
                date=s.shift_date.strftime("%m-%d"), shift=hm.shift_text(s.code, report.shift_codes),
                start=s.start.astimezone().strftime("%H:%M"), end=s.end.astimezone().strftime("%H:%M")),
                (s.shift_date, s.code))
            if s.shift_date == report.shift.shift_date and s.code == report.shift.code:
                self.shift_box.setCurrentIndex(self.shift_box.count() - 1)
        self._filling = False

    def _show_identity(self, report: Any, counts: dict[str, Any], holds: bool, signed: bool) -> None:
        expected = counts.get("expected_current", report.expected_current)
        formula = translate("NurseHandover",
                            "原有 {o} + 入院 {a} + 转入 {ti} − 出院 {d} − 转出 {to} − 死亡 {x} = {e}").format(
            o=counts.get("original"), a=counts.get("admitted"), ti=counts.get("transfer_in"),
            d=counts.get("discharged"), to=counts.get("transfer_out"), x=counts.get("died"), e=expected)
        if holds:
            text = translate("NurseHandover", "✓ {formula}，与现有 {c} 人相符").format(
                formula=formula, c=counts.get("current"))
            color = hm.GREEN.name()
        else:
            text = translate("NurseHandover", "✗ {formula}，但现有 {c} 人：人数不符，请核对").format(
                formula=formula, c=counts.get("current"))
            color = hm.RED.name()
        source = counts.get("original_source", report.original_source)
        if source == "report":
            text += translate("NurseHandover", "（原有取自上一班交班报告；按数据为 {n} 人）").format(
                n=counts.get("census_original", report.census_original))
        as_of: Any = report.as_of if not signed else counts.get("as_of")
        if isinstance(as_of, str):
            from datetime import datetime

            as_of = datetime.fromisoformat(as_of)
        if as_of is not None and as_of < report.shift.end:
            text += translate("NurseHandover", "  统计至 {t}").format(t=as_of.astimezone().strftime("%H:%M"))
        self.identity.setText(text)
        self.identity.setStyleSheet(f"color: {color}; font-weight: bold;")
        self._show_explanation(not holds)

    def _show_explanation(self, shown: bool) -> None:
        self.explain_label.setVisible(shown)
        self.explanation.setVisible(shown)

    def _show_status(self) -> None:
        saved = self.report.saved if self.report is not None else None
        if saved is None:
            text = translate("NurseHandover", "本班尚未保存。Ctrl+S 保存草稿，Ctrl+Enter 交班签名")
        elif saved.status == "draft":
            text = translate("NurseHandover",
                             "草稿（第 {v} 版，{who} 起草）。Ctrl+S 保存，Ctrl+Enter 交班签名").format(
                v=saved.version, who=saved.drafted_name)
        elif saved.status == "handed":
            text = translate("NurseHandover",
                             "{who} {at} 交班签名，待接班（另一位护士 Ctrl+Shift+Enter 接班）").format(
                who=saved.handed_name, at=local_datetime(saved.handed_at))
        else:
            text = translate("NurseHandover", "{who} {at} 交班，{taker} {rat} 接班签名").format(
                who=saved.handed_name, at=local_datetime(saved.handed_at), taker=saved.received_name,
                rat=local_datetime(saved.received_at))
        self.status.setText(text + "  ·  " + translate("NurseHandover", "交班患者 {n} 人").format(
            n=self.patients.rowCount()))

    # ---- the notes
    def _select(self, row: int) -> None:
        rows = self.patients.rows()
        self.current = None
        if not 0 <= row < len(rows):
            for edit in self.edits.values():
                edit.setPlainText("")
            self.patient_title.setText("")
            return
        r = rows[row]
        self.patient_title.setText(translate("NurseHandover", "{bed}床 {name}  {dx}  【{group}】").format(
            bed=r.bed_no, name=r.name, dx=r.diagnosis, group=hm.group_text(r.group)))
        texts = self.texts.get(r.encounter_id, {})
        for key, edit in self.edits.items():
            edit.setPlainText(texts.get(key, ""))
        self.current = r.encounter_id

    def _keep(self) -> None:
        if self.current is None or self.signed():
            return
        texts = {k: e.toPlainText() for k, e in self.edits.items()}
        if texts != self.texts.get(self.current):
            self.texts[self.current] = texts
            self.patients.edited.add(self.current)

    def entries(self) -> tuple[Any, ...]:
        from app.services.nurse_handover_cmds import NoteEntry

        out = []
        for r in self.patients.rows():
            t = self.texts.get(r.encounter_id, {})
            out.append(NoteEntry(r.encounter_id, r.group, r.reasons, r.bed_no, r.name, r.diagnosis,
                                 t.get("events", ""), t.get("vitals", ""), t.get("pending", "")))
        return tuple(out)

    def signed(self) -> bool:
        saved = self.report.saved if self.report is not None else None
        return saved is not None and saved.status != "draft"

    # ---- commands
    def _base(self) -> Optional[int]:
        saved = self.report.saved
        return None if saved is None else int(saved.version)

    def save(self) -> None:
        if self.report is None or self.signed():
            return
        self._keep()
        s = self.report.shift
        ops.save_draft(self.ctx, self.user, self.ward_id, s.shift_date, s.code, self.entries(),
                       self.explanation.text(), self._base(),
                       lambda _c: self._done(translate("NurseHandover", "草稿已保存")), self._failed,
                       origin=self.token)

    def hand_over(self) -> None:
        if self.report is None:
            return
        self._keep()
        s = self.report.shift
        ops.hand_over(self.ctx, self.user, self.ward_id, s.shift_date, s.code, self.entries(),
                      self.explanation.text(), self._base(),
                      lambda _c: self._done(translate("NurseHandover", "已交班签名，待接班护士接班")),
                      self._failed, origin=self.token)

    def receive(self) -> None:
        saved = self.report.saved if self.report is not None else None
        if saved is None:
            from app.errors import ValidationError

            self._failed(ValidationError("nurse_handover.not_handed"))
            return
        ops.receive(self.ctx, self.user, saved.id, saved.version,
                    lambda _c: self._done(translate("NurseHandover", "已接班签名")), self._failed,
                    origin=self.token)

    def _done(self, text: str) -> None:
        if not is_alive(self):
            return
        self.patients.edited = set()
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.reload()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        error = getattr(failure, "error", failure)
        self.message.setStyleSheet(f"color: {hm.RED.name()};")
        self.message.setText(error_text(error))
        params = getattr(error, "params", {}) or {}
        if params.get("field") == "explanation":
            self._show_explanation(True)
            self.explanation.setFocus()
        if type(error).__name__ == "ConflictError":
            self.message.setText(error_text(error) + translate(
                "NurseHandover",
                "（另一位护士已保存本班报告；您输入的内容仍保留，再按 Ctrl+S 以您的内容保存）"))
            self.reload()

    # ---- the shift picker and what changed
    def _pick(self, index: int) -> None:
        if self._filling or index < 0:
            return
        wanted = self.shift_box.itemData(index)
        if wanted and tuple(wanted) != self.shown_key:
            self.wanted = tuple(wanted)
            self.message.setText("")
            self.reload()

    def _step(self, delta: int) -> None:
        index = self.shift_box.currentIndex() + delta
        if 0 <= index < self.shift_box.count():
            self.shift_box.setCurrentIndex(index)
            self._pick(index)

    def _on_changes(self, changes: Any) -> None:
        if not is_alive(self) or getattr(changes, "origin", "") == self.token or not self.loaded:
            return
        if any(changes.touches(k) for k in KINDS):
            self.reload()

    def showEvent(self, event: Any) -> None:
        """Shown (again): read the shift afresh; another PC's hand-over reaches this one so (what
        the nurse typed stays)."""
        super().showEvent(event)
        self.reload()
        self.table.setFocus()

