"""The 病历 tab of the chart: this stay's documents on the left, the open one on the right.

Loaded when first shown (the chart's first load stays header + orders). Every key is in
ui/shortcuts.py; the actions are bound to this tab only (WidgetWithChildrenShortcut), so F9 here
signs the document and F9 on the 医嘱 tab reviews orders.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from app.domain import documents as dd
from app.services.critical import NOTE_TYPES
from ui import shortcuts as keys
from ui.formatting import local_datetime
from ui.messages import error_text, message_text
from ui.operations import records as ops
from ui.operations import templates as template_ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.records import local_drafts
from ui.records.dialogs import DiffDialog, PickerDialog, ReasonDialog
from ui.records.editor import Autosaver, SectionEditor, state_text
from ui.records.model import COL_TITLE, DocListModel, doc_type_text, status_text
from ui.records.phrase_editor import PhrasePicker
from ui.records.pull import text_for
from ui.records.template_editor import scope_text

EDIT, READ, REVISE, COSIGN = "edit", "read", "revise", "cosign"
BUTTONS = ("new", "sign", "cosign", "revise", "diff", "consult", "diagnoses", "print", "referral")
ERROR_STYLE = "color: #c62828;"
INFO_STYLE = "color: #57606a;"


class RecordsTab(QWidget):
    def __init__(self, ctx: Any, user: Any, encounter_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.encounter_id = ctx, user, encounter_id
        self.staff_id = str(getattr(user, "id", ""))
        self.token = f"records:{encounter_id}:{id(self)}"
        self.loaded = False
        self.reads = 0
        self.view_doc: Any = None
        self.mode = READ
        self.dialog: Any = None               # the open picker / reason / diff dialog (tests)
        self._templates: Optional[list[Any]] = None
        self._open_after_load: Optional[str] = None
        self._opening: Optional[str] = None
        self.model = DocListModel(self)
        self.table = QTableView()
        self.table.setObjectName("recordsList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._picked(cur.row()))
        self.title = QLabel()
        self.title.setObjectName("recordTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.meta = QLabel()
        self.meta.setObjectName("recordMeta")
        self.hint = QLabel()
        self.hint.setObjectName("recordHint")
        self.hint.setWordWrap(True)
        self.save_state = QLabel()
        self.save_state.setObjectName("recordSaveState")
        self.editor = SectionEditor()
        self.autosaver = Autosaver(self.editor, self._send_draft, self.staff_id, self)
        self.autosaver.state_changed.connect(self._save_state)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #8c959f;")
        page = QWidget()
        right = QVBoxLayout(page)
        right.setContentsMargins(4, 0, 0, 0)
        right.addWidget(self.title)
        right.addWidget(self.meta)
        right.addWidget(self.editor, 1)
        right.addWidget(self.hint)
        right.addWidget(self.save_state)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self.buttons = QHBoxLayout()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.buttons)
        left_layout.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 3)
        split.setSizes([460, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        self.actions_by_key: dict[str, QAction] = {}
        self._build_actions()
        ctx.runner.changes.connect(self._changes)
        self.retranslate()
        self._update_actions()

    # ---- actions
    def _build_actions(self) -> None:
        can = getattr(self.user, "can", lambda _p: False)
        writer = bool(can("doc.write"))
        specs: list[tuple[str, str, Callable[[], None], bool]] = [
            ("new", keys.DOC_NEW, self.new_document, writer),
            ("pull", keys.DOC_PULL, self.pull_chart, writer),
            ("phrase", keys.DOC_PHRASE, self.insert_phrase, writer),
            ("copy", keys.DOC_COPY, self.copy_section, writer),
            ("save", keys.DOC_SAVE, self.save_now, writer),
            ("sign", keys.DOC_SIGN, self.sign, writer),
            ("cosign", keys.DOC_COSIGN, self.cosign, bool(can("doc.cosign"))),
            ("revise", keys.DOC_REVISE, self.start_revision, bool(can("doc.sign") or can("doc.cosign"))),
            ("diff", keys.DOC_DIFF, self.show_diff, True),
            ("consult", keys.DOC_CONSULT, self.request_consult, writer),
            ("diagnoses", keys.DOC_DIAGNOSES, self.show_diagnoses, True),
            ("print", keys.DOC_PRINT, self.print_document, bool(can("print"))),
            ("critical", keys.DOC_CRITICAL, self.link_critical, writer),
            ("referral", keys.DOC_REFERRAL, self.show_referrals, bool(can("referral"))),
        ]
        for key, shortcut, handler, allowed in specs:
            action = QAction(self)
            action.setObjectName("record_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            action.setVisible(allowed)
            action.setEnabled(allowed)
            self.addAction(action)
            self.actions_by_key[key] = action
            if allowed and key in BUTTONS:
                button = QToolButton()
                button.setDefaultAction(action)
                self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    def _update_actions(self) -> None:
        v = self.view_doc
        doc = v.doc if v is not None else None
        can = getattr(self.user, "can", lambda _p: False)
        editing = self.mode in (EDIT, REVISE, COSIGN)
        rules = {
            "pull": editing, "phrase": editing, "copy": editing, "save": editing,
            "sign": editing or (doc is not None and doc.awaiting_cosign and self._may_cosign(doc)),
            "cosign": doc is not None and doc.awaiting_cosign and self._may_cosign(doc),
            "revise": doc is not None and doc.status in dd.FROZEN and self.mode == READ
            and bool(can("doc.sign") or can("doc.cosign")),
            "diff": v is not None and len(v.revisions) >= 2,
            "print": doc is not None and doc.status in dd.FROZEN and self.mode == READ,
            "critical": doc is not None and doc.doc_type in NOTE_TYPES,
        }
        for key, ok in rules.items():
            action = self.actions_by_key[key]
            if action.isVisible():
                action.setEnabled(bool(ok))

    def _may_cosign(self, doc: Any) -> bool:
        can = getattr(self.user, "can", lambda _p: False)
        return bool(can("doc.cosign")) and doc.author_id != self.staff_id

    # ---- reading
    def load(self) -> None:
        """The document list of this stay (the tab's first show, and after each change)."""
        self.reads += 1

        def done(rows: Any) -> None:
            if not is_alive(self):
                return
            self.loaded = True
            current = self.view_doc.doc.id if self.view_doc is not None else self._opening
            self.model.set_rows(list(rows))
            wanted = self._open_after_load or current
            self._open_after_load = None
            row = self.model.row_of(wanted) if wanted else -1
            if row < 0 and wanted is None and self.model.rowCount():
                row = self.model.rowCount() - 1          # the newest document
            if row >= 0:
                self.table.selectRow(row)
            self._update_empty()

        ops.load_documents(self.ctx, self.encounter_id, done, self._failed)

    def _update_empty(self) -> None:
        if self.view_doc is None:
            self.stack.setCurrentWidget(self.empty)

    def _picked(self, row: int) -> None:
        rows = self.model.rows()
        if not 0 <= row < len(rows) or rows[row].id == self._opening:
            return
        if self.view_doc is None or self.view_doc.doc.id != rows[row].id:
            self.open_doc(rows[row].id)

    def open_doc(self, doc_id: str, focus: bool = False) -> None:
        self.autosaver.flush()
        self._opening = doc_id

        def done(view: Any) -> None:
            if is_alive(self) and self._opening == doc_id:
                self._opening = None
                self._show(view, focus)

        ops.open_document(self.ctx, doc_id, self.staff_id, done, self._failed)

    def _show(self, view: Any, focus: bool = False) -> None:
        doc = view.doc
        local = local_drafts.read(self.staff_id, doc.id)
        sections = view.current
        recovered = False
        if local is not None and not local.synced and (
                view.draft is None or local.saved_at > view.draft.saved_at) and (
                doc.status == dd.DRAFT or local.base_rev_no == doc.rev_no):
            sections, recovered = local.sections, True
        mine = doc.author_id == self.staff_id
        if doc.status == dd.DRAFT:
            self.mode = EDIT if mine else READ
        elif view.draft is not None or recovered:
            self.mode = COSIGN if doc.awaiting_cosign and self._may_cosign(doc) else REVISE
        else:
            self.mode = READ
        if doc.status == dd.DRAFT and not mine:
            sections = ()
        self.view_doc = view
        editable = self.mode != READ
        self.editor.set_sections(sections, editable)
        self.autosaver.attach(doc.id, doc.rev_no, editable)
        self.stack.setCurrentIndex(1)
        self._fill_header()
        self._set_hint("")
        self.save_state.setText("")
        if doc.status == dd.DRAFT and not mine:
            self._set_hint(translate("Records", "{who} 正在书写，尚未签名").format(who=doc.author_name))
        if recovered:
            self._set_hint(translate("Records", "已恢复本机保存、尚未保存到服务器的草稿"))
            self.autosaver.dirty = True
            self.autosaver.save()
        self._update_actions()
        if focus and editable:
            QTimer.singleShot(0, self._focus_first)

    def _focus_first(self) -> None:
        if is_alive(self):
            self.editor.focus_section(0)

    def _reactivate(self) -> None:
        if is_alive(self):
            self.window().activateWindow()

    def _fill_header(self) -> None:
        v = self.view_doc
        if v is None:
            return
        doc = v.doc
        self.title.setText(doc.title + (translate("Records", "（补记）") if doc.late_entry else ""))
        parts = [local_datetime(doc.event_at), status_text(doc),
                 translate("Records", "书写：{who}").format(who=doc.author_name)]
        if doc.signed_at is not None:
            parts.append(translate("Records", "签名：{who} {at}").format(
                who=v.signed_by_name, at=local_datetime(doc.signed_at)))
        if doc.cosigned_at is not None:
            parts.append(translate("Records", "审签：{who} {at}").format(
                who=v.cosigned_by_name, at=local_datetime(doc.cosigned_at)))
        if self.mode == REVISE:
            parts.append(translate("Records", "修订中（签名时填写原因）"))
        if self.mode == COSIGN:
            parts.append(translate("Records", "审签中（可修改后按 {key} 审签）").format(key=keys.DOC_COSIGN))
        self.meta.setText("  ·  ".join(parts))

    def _set_hint(self, text: str, error: bool = False) -> None:
        self.hint.setText(text)
        self.hint.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)

    def _save_state(self, state: str) -> None:
        self.save_state.setText(state_text(state, self.autosaver.last_saved_at))
        self.save_state.setStyleSheet(ERROR_STYLE if state == "offline" else INFO_STYLE)

    def _send_draft(self, doc_id: str, base_rev_no: int, sections: Any, on_done: Any, on_error: Any) -> None:
        ops.autosave(self.ctx, self.user, doc_id, base_rev_no, sections, on_done, on_error)

    def _changes(self, changes: Any) -> None:
        if is_alive(self) and changes.touches("template"):
            self._templates = None            # the picker reads them again (模板管理)
        if not is_alive(self) or not self.loaded or not changes.touches("document"):
            return
        if changes.origin == self.token:
            return
        header_patient = getattr(self.view_doc, "patient_id", None)
        if header_patient is None or header_patient in changes.patient_ids or not changes.patient_ids:
            self.load()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        if error.message_id == "doc.section_required":
            self.editor.mark_missing(list(error.params.get("sections", [])))
        self._set_hint(error_text(error), error=True)
        if type(error).__name__ == "ConflictError":
            self._set_hint(translate(
                "Records", "该病历已被他人先行修改：您的内容保留为草稿，请查看最新版本后再签名"), error=True)
            self._refresh_revisions()

    def _refresh_revisions(self) -> None:
        """After a conflict: the newer revisions and version, the typed text kept as it is."""
        if self.view_doc is None:
            return
        typed = self.editor.sections()

        def done(view: Any) -> None:
            if is_alive(self):
                self.view_doc = view
                self.editor.set_sections(typed, self.mode != READ)
                self._fill_header()
                self._update_actions()

        ops.open_document(self.ctx, self.view_doc.doc.id, self.staff_id, done, None)

    # ---- writing
    def new_document(self) -> None:
        def show(templates: Any) -> None:
            if not is_alive(self):
                return
            self._templates = list(templates)
            rows: list[tuple[str, ...]] = [(doc_type_text(t.doc_type), str(t.name), scope_text(t.scope))
                                           for t in self._templates]
            headers = (translate("Records", "病历类型"), translate("Records", "模板"),
                       translate("Records", "范围"))
            dialog = PickerDialog(translate("Records", "新建病历"), headers, rows, self)
            dialog.accepted.connect(lambda: self._create(self._templates[dialog.chosen]))
            self._open_dialog(dialog)

        if self._templates is not None:
            show(self._templates)
        else:
            template_ops.load_picker(self.ctx, getattr(self.user, "dept_id", None), self.staff_id,
                                     show, self._failed)

    def _open_dialog(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        # Back to the chart's window when it closes (the keyboard goes on in the editor).
        dialog.finished.connect(lambda _r: self._reactivate())
        dialog.open()

    def _create(self, template: Any) -> None:
        from app.ids import new_id

        doc_id = new_id()
        self._open_after_load = doc_id

        def done(_changes: Any) -> None:
            if not is_alive(self):
                return
            self.open_doc(doc_id, focus=True)
            self.load()

        ops.create(self.ctx, self.user, self.encounter_id, doc_id, template.doc_type,
                   doc_type_text(template.doc_type), template.sections, done, self._failed, self.token)

    def link_critical(self) -> None:
        """This 病程记录 documents a critical value of the stay (ui/critical.py)."""
        from ui.critical import link_open_note

        if self.view_doc is not None:
            link_open_note(self, self.view_doc.doc.id)

    def save_now(self) -> None:
        self.autosaver.dirty = self.autosaver.dirty or self.mode != READ
        self.autosaver.save()

    def sign(self) -> None:
        v = self.view_doc
        if v is None:
            return
        if self.mode == READ and v.doc.awaiting_cosign and self._may_cosign(v.doc):
            self.cosign()
            return
        if self.mode == COSIGN:
            self.cosign()
            return
        if self.mode not in (EDIT, REVISE):
            return
        sections = self.editor.sections()
        missing = dd.missing_required(sections)
        if missing:
            self.editor.mark_missing(missing)
            self._set_hint(message_text("doc.section_required", {
                "titles": [s.title for s in sections if s.id in missing]}), True)
            return
        if self.mode == REVISE:
            dialog = ReasonDialog(self)
            dialog.accepted.connect(lambda: self._revise(sections, dialog.reason()))
            self._open_dialog(dialog)
            return
        ops.sign(self.ctx, self.user, v.doc.id, v.doc.version, sections, self._written, self._failed,
                 self.token)

    def _revise(self, sections: Any, reason: str) -> None:
        v = self.view_doc
        if v is not None:
            ops.revise(self.ctx, self.user, v.doc.id, v.doc.version, sections, reason, self._written,
                       self._failed, self.token)

    def cosign(self) -> None:
        v = self.view_doc
        if v is None or not v.doc.awaiting_cosign or not self._may_cosign(v.doc):
            return
        sections = self.editor.sections() if self.mode == COSIGN else None
        ops.cosign(self.ctx, self.user, v.doc.id, v.doc.version, sections, self._written,
                   self._failed, self.token)

    def _written(self, _changes: Any) -> None:
        if not is_alive(self) or self.view_doc is None:
            return
        doc_id = self.view_doc.doc.id
        self.autosaver.attach(None, 0, False)
        local_drafts.remove(self.staff_id, doc_id)
        self.load()
        self.open_doc(doc_id)

    def start_revision(self) -> None:
        v = self.view_doc
        if v is None or v.doc.status not in dd.FROZEN or self.mode != READ:
            return
        self.mode = COSIGN if v.doc.awaiting_cosign and self._may_cosign(v.doc) else REVISE
        self.editor.set_sections(v.current, True)
        self.autosaver.attach(v.doc.id, v.doc.rev_no, True)
        self._fill_header()
        self._update_actions()
        self.editor.focus_section(0)

    # ---- helpers in the editor
    def pull_chart(self) -> None:
        section = self.editor.current_section()
        if section is None or self.mode == READ:
            return
        kind = section.pull or "vitals"

        def done(facts: Any) -> None:
            if is_alive(self):
                self.editor.insert(text_for(kind, facts))

        ops.pull(self.ctx, self.encounter_id, (kind,), done, self._failed)

    def insert_phrase(self) -> None:
        if self.mode == READ:
            return

        def show(phrases: Any) -> None:
            if not is_alive(self):
                return
            dialog = PhrasePicker(self.ctx, self.user, list(phrases), self)   # Ctrl+M: 维护常用语
            dialog.accepted.connect(lambda: self.editor.insert(dialog.texts[dialog.chosen]))
            self._open_dialog(dialog)

        ops.load_phrases(self.ctx, self.staff_id, show, self._failed)

    def copy_section(self) -> None:
        v = self.view_doc
        if v is None or self.mode == READ:
            return

        def show(sources: Any) -> None:
            if not is_alive(self):
                return
            items = list(sources)
            rows: list[tuple[str, ...]] = [
                (f"{s.title} {local_datetime(s.event_at)}", str(s.section_title), str(s.text)[:60])
                for s in items]
            dialog = PickerDialog(translate("Records", "复制本患者既往病历"),
                                  (translate("Records", "病历"), translate("Records", "段落"),
                                   translate("Records", "内容")), rows, self)
            dialog.accepted.connect(lambda: self.editor.insert(items[dialog.chosen].text))
            self._open_dialog(dialog)

        ops.load_copy_sources(self.ctx, v.doc.id, show, self._failed)

    def show_diff(self) -> None:
        v = self.view_doc
        if v is not None and len(v.revisions) >= 2:
            self._open_dialog(DiffDialog(list(v.revisions), self))

    def print_document(self) -> None:
        """The print preview of the signed document shown (signatures, 审签, revision marks)."""
        from ui.operations import printing as print_ops
        from ui.printing.record_preview import RECORD, RecordPrintPreview

        v = self.view_doc
        if v is None or v.doc.status not in dd.FROZEN or not print_ops.supported(self.ctx):
            return
        self._open_dialog(RecordPrintPreview(self.ctx, self.user, self.encounter_id, RECORD,
                                             doc_id=v.doc.id, parent=self))

    def request_consult(self) -> None:
        """请会诊: the diagnoses pulled in as the start of the question."""
        from ui.records.consults import RequestDialog

        state: dict[str, Any] = {}

        def with_departments(departments: Any) -> None:
            if not is_alive(self):
                return
            dialog = RequestDialog(list(departments), state.get("summary", ""), self)
            dialog.accepted.connect(lambda: ops.request_consult(
                self.ctx, self.user, self.encounter_id, dialog.dept_id(),
                dialog.question.toPlainText(), dialog.urgent.isChecked(), self._consult_sent,
                self._failed))
            self._open_dialog(dialog)

        def with_facts(facts: Any) -> None:
            state["summary"] = text_for("diagnoses", facts)
            ops.load_departments(self.ctx, with_departments, self._failed)

        ops.pull(self.ctx, self.encounter_id, ("diagnoses",), with_facts, self._failed)

    def show_diagnoses(self) -> None:
        """The stay's diagnoses (入院/修正/出院, main first), kept from the ICD-10 dictionary."""
        from ui.records.diagnoses import DiagnosesDialog, supported

        if not supported(self.ctx):
            return
        page: Any = self.parent()
        while page is not None and not hasattr(page, "header_widget"):
            page = page.parent()
        header = page.header_widget.header if page is not None else None
        self._open_dialog(DiagnosesDialog(self.ctx, self.user, self.encounter_id,
                                          getattr(header, "name", ""), self))

    def show_referrals(self) -> None:
        """转诊: the stay's referrals and the form for a new one (ui/records/referrals.py)."""
        from ui.operations.referrals import supported
        from ui.records.referrals import ReferralDialog

        if not supported(self.ctx):
            return
        page: Any = self.parent()
        while page is not None and not hasattr(page, "header_widget"):
            page = page.parent()
        header = page.header_widget.header if page is not None else None
        self._open_dialog(ReferralDialog(self.ctx, self.user, self.encounter_id,
                                         getattr(header, "name", ""), self))

    def _consult_sent(self, _changes: Any) -> None:
        if is_alive(self):
            self._set_hint(translate("Records", "会诊申请已发送"))

    # ---- life cycle
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded and self.reads == 0:
            self.load()

    def hideEvent(self, event: Any) -> None:
        self.autosaver.flush()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.model.retranslate()
        self.empty.setText(translate("Records", "本次住院尚无病历：按 {key} 新建").format(key=keys.DOC_NEW))
        texts = {"new": translate("Records", "新建"), "sign": translate("Records", "签名"),
                 "cosign": translate("Records", "审签"), "revise": translate("Records", "修订"),
                 "diff": translate("Records", "版本对比"), "pull": translate("Records", "引入病历资料"),
                 "phrase": translate("Records", "常用语"), "copy": translate("Records", "复制既往病历"),
                 "save": translate("Records", "保存草稿"), "consult": translate("Records", "请会诊"),
                 "diagnoses": translate("Records", "诊断"), "print": translate("Records", "打印"),
                 "critical": translate("Records", "关联危急值"),
                 "referral": translate("Records", "转诊")}
        for key, action in self.actions_by_key.items():
            action.setText(texts.get(key, key))
            action.setToolTip(f"{texts.get(key, key)} ({action.shortcut().toString()})")
        self._fill_header()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
