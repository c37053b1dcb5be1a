"""The 诊断 dialog of a chart: the stay's diagnoses by list (入院诊断, 修正诊断, 出院诊断), main
first, and an ICD-10 search to add to them.

Keyboard only (ui/shortcuts.py, scope "diagnoses"): type pinyin initials, Chinese or a code in
the search box, ↑ ↓ pick a match, Enter adds it to the list chosen with Ctrl+1/2/3; Tab goes to
the list, where Ctrl+↑ / Ctrl+↓ move the selected diagnosis (first = main), F2 edits its shown
name (a revision: the old statement is kept), Delete removes one entered in error (with a
reason). The search runs on the read pool (ui/operations/diagnoses.py); every change goes
through the one write path, so the header and the bed card follow on the changes signal.
"""
from __future__ import annotations

from typing import Any, Optional

from app.domain import diagnoses as dg
from ui import shortcuts as keys
from ui.formatting import local_datetime
from ui.messages import error_text
from ui.operations import diagnoses as ops
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    QShortcut,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)

ERROR_STYLE = "color: #c62828;"
INFO_STYLE = "color: #57606a;"
ROW_ROLE = Qt.ItemDataRole.UserRole
MOVE_SEND_MS = 400          # Ctrl+↑ pressed three times quickly: one reorder, sent after this


def group_text(group: str) -> str:
    return {dg.ADMISSION: translate("Diagnoses", "入院诊断"),
            dg.WORKING: translate("Diagnoses", "修正诊断"),
            dg.DISCHARGE: translate("Diagnoses", "出院诊断")}.get(group, group)


class TextDialog(QDialog):
    """One line of text, required: the shown name (F2) or the reason of a removal (Delete)."""

    def __init__(self, title: str, label: str, text: str, max_length: int,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edit = QLineEdit(text)
        self.edit.setObjectName("dxTextEdit")
        self.edit.setMaxLength(max_length)
        self.edit.selectAll()
        self.edit.setMinimumWidth(380)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.edit.text().strip():
            super().accept()

    def text(self) -> str:
        return self.edit.text().strip()


class DiagnosesDialog(QDialog):
    def __init__(self, ctx: Any, user: Any, encounter_id: str, patient_name: str = "",
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.encounter_id = ctx, user, encounter_id
        self.token = f"diagnoses:{encounter_id}:{id(self)}"
        self.rows: list[Any] = []
        self.loaded = False
        self.busy = False
        self.child: Optional[TextDialog] = None          # the open name / reason dialog (tests)
        self._select_after: Optional[str] = None
        self._pending_group: Optional[str] = None     # a list moved on screen, not yet sent
        self._move_timer = QTimer(self)
        self._move_timer.setSingleShot(True)
        self._move_timer.setInterval(MOVE_SEND_MS)
        self._move_timer.timeout.connect(self._send_order)
        can = getattr(user, "can", lambda _p: False)
        self.may_write = bool(can("diagnosis.record"))
        self.setWindowTitle(translate("Diagnoses", "诊断") + (f" · {patient_name}" if patient_name else ""))
        self.search_ops = ops.IcdSearch(ctx)
        self.kind = QComboBox()
        self.kind.setObjectName("dxKind")
        for group in dg.GROUPS:
            self.kind.addItem(group_text(group), group)
        self.search = QLineEdit()
        self.search.setObjectName("dxSearch")
        self.search.setPlaceholderText(translate(
            "Diagnoses", "输入拼音首字母、中文或 ICD-10 编码检索，↑ ↓ 选择，Enter 加入"))
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self.add_current)
        self.search.installEventFilter(self)
        self.field_error = QLabel()
        self.field_error.setObjectName("dxFieldError")
        self.field_error.setStyleSheet(ERROR_STYLE)
        self.field_error.setWordWrap(True)
        self.matches = QTreeWidget()
        self.matches.setObjectName("dxMatches")
        self.matches.setColumnCount(3)
        self.matches.setRootIsDecorated(False)
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the search box drives it
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.itemDoubleClicked.connect(lambda _i, _c: self.add_current())
        self.matches.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.matches.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree = QTreeWidget()
        self.tree.setObjectName("dxList")
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel()
        self.hint.setObjectName("dxHint")
        self.hint.setWordWrap(True)
        self.keys_label = QLabel()
        self.keys_label.setStyleSheet(INFO_STYLE)
        self.keys_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        self.list_title = QLabel()
        self.list_title.setStyleSheet("font-weight: bold;")
        self.match_title = QLabel()
        self.match_title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.list_title)
        layout.addWidget(self.tree, 3)
        layout.addLayout(top)
        layout.addWidget(self.field_error)
        layout.addWidget(self.match_title)
        layout.addWidget(self.matches, 2)
        layout.addWidget(self.hint)
        layout.addWidget(self.keys_label)
        self.setTabOrder(self.search, self.tree)
        self.setTabOrder(self.tree, self.kind)
        self._bind_keys()
        self.kind.setEnabled(self.may_write)
        self.search.setEnabled(self.may_write)
        ctx.runner.changes.connect(self._changes)
        self.retranslate()
        self.resize(820, 640)
        if self.may_write:
            self.search_ops.warm()
        self.load()

    # ---- keys
    def _bind_keys(self) -> None:
        on_dialog = [(keys.DX_ADMISSION, lambda: self.set_kind(dg.ADMISSION)),
                     (keys.DX_WORKING, lambda: self.set_kind(dg.WORKING)),
                     (keys.DX_DISCHARGE, lambda: self.set_kind(dg.DISCHARGE)),
                     (keys.DX_SEARCH, self._focus_search)]
        for key, handler in on_dialog:
            QShortcut(QKeySequence(key), self, handler)
        # On the list only: Delete and F2 in the search box edit its text.
        on_list = [(keys.DX_UP, lambda: self.move_selected(-1)),
                   (keys.DX_DOWN, lambda: self.move_selected(1)),
                   (keys.DX_REMOVE, self.remove_current), (keys.DX_RENAME, self.rename_current)]
        for key, handler in on_list:
            shortcut = QShortcut(QKeySequence(key), self.tree, handler)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10,
                    Qt.Key.Key_PageUp: -10}.get(Qt.Key(event.key()))
            if step is not None and self.matches.topLevelItemCount():
                row = self.matches.indexOfTopLevelItem(self.matches.currentItem())
                row = max(0, min(row + step, self.matches.topLevelItemCount() - 1))
                item = self.matches.topLevelItem(row)
                if item is not None:
                    self.matches.setCurrentItem(item)
                return True
        return super().eventFilter(watched, event)

    def set_kind(self, group: str) -> None:
        index = self.kind.findData(group)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---- reading
    def load(self) -> None:
        def done(rows: Any) -> None:
            if not is_alive(self):
                return
            first_load = not self.loaded
            self.loaded = True
            self.rows = list(rows)
            self._fill()
            if first_load:
                # The admission list first; once it has its entries, the working one.
                has_admission = any(r.group == dg.ADMISSION for r in self.rows)
                self.set_kind(dg.WORKING if has_admission else dg.ADMISSION)

        ops.load(self.ctx, self.encounter_id, done, self._failed)

    def _fill(self) -> None:
        wanted = self._select_after or self.selected_id()
        self._select_after = None
        self.tree.clear()
        select: Optional[QTreeWidgetItem] = None
        for group in dg.GROUPS:
            members = [r for r in self.rows if r.group == group]
            head = QTreeWidgetItem([translate("Diagnoses", "{kind}（{n}）").format(
                kind=group_text(group), n=len(members))])
            head.setData(0, ROW_ROLE, None)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            for position, r in enumerate(members):
                main = translate("Diagnoses", "（主要诊断）") if position == 0 else ""
                item = QTreeWidgetItem([f"{position + 1}. {r.name}{main}", r.icd10_code or "",
                                        local_datetime(r.diagnosed_at), r.diagnosed_by_name])
                item.setData(0, ROW_ROLE, r.id)
                if r.dictionary_name and r.dictionary_name != r.name:
                    item.setToolTip(0, translate("Diagnoses", "ICD-10：{name}").format(
                        name=r.dictionary_name))
                if position == 0:
                    bold = item.font(0)
                    bold.setBold(True)
                    item.setFont(0, bold)
                head.addChild(item)
                if r.id == wanted:
                    select = item
            head.setExpanded(True)
        if select is not None:
            self.tree.setCurrentItem(select)

    def selected_id(self) -> Optional[str]:
        item = self.tree.currentItem()
        value = item.data(0, ROW_ROLE) if item is not None else None
        return str(value) if value else None

    def selected_row(self) -> Any:
        wanted = self.selected_id()
        return next((r for r in self.rows if r.id == wanted), None)

    def group_rows(self, group: str) -> list[Any]:
        return [r for r in self.rows if r.group == group]

    def main_names(self) -> dict[str, str]:
        """Each list's main diagnosis (tests, and the list title)."""
        return {g: rows[0].name for g in dg.GROUPS if (rows := self.group_rows(g))}

    # ---- search
    def _search_edited(self, text: str) -> None:
        self.field_error.clear()
        self.search_ops.search(text, self._show_matches, self._failed)

    def _show_matches(self, items: list[Any]) -> None:
        if not is_alive(self):
            return
        self.matches.clear()
        for it in items:
            row = QTreeWidgetItem([it.code, it.name, it.detail])
            row.setData(0, ROW_ROLE, it.code)
            row.setToolTip(1, it.name)
            self.matches.addTopLevelItem(row)
        first = self.matches.topLevelItem(0)
        if first is not None:
            self.matches.setCurrentItem(first)
        elif self.search.text().strip():
            self.field_error.setText(translate("Diagnoses", "ICD-10 字典中没有与“{text}”匹配的诊断").format(
                text=self.search.text().strip()))

    # ---- writing
    def add_current(self) -> None:
        item = self.matches.currentItem()
        if not self.may_write or self.busy:
            return
        if item is None:
            if self.search.text().strip():
                self.field_error.setText(translate("Diagnoses", "请从检索结果中选择一个 ICD-10 诊断"))
            return
        code, name = str(item.data(0, ROW_ROLE)), item.text(1)
        self.busy = True

        def done(_changes: Any) -> None:
            self.busy = False
            if is_alive(self):
                self.search.clear()
                self.matches.clear()
                self._set_hint(translate("Diagnoses", "已加入{kind}：{name}").format(
                    kind=group_text(self.current_kind()), name=name))

        self._select_after = ops.add(self.ctx, self.user, self.encounter_id, self.current_kind(),
                                     code, "", done, self._write_failed, self.token)

    def move_selected(self, step: int) -> None:
        """Move at once on screen; the new order is sent MOVE_SEND_MS after the last move (one
        command for several presses, each row's version as read)."""
        row = self.selected_row()
        if row is None or not self.may_write or self.busy:
            return
        if self._pending_group not in (None, row.group):
            self._send_order()                   # another list's moves go first
            return
        members = self.group_rows(row.group)
        at = members.index(row)
        to = at + step
        if not 0 <= to < len(members):
            return
        members[at], members[to] = members[to], members[at]
        self.rows = [r for g in dg.GROUPS
                     for r in (members if g == row.group else self.group_rows(g))]
        self._select_after = row.id
        self._fill()
        self._pending_group = row.group
        self._move_timer.start()

    def _send_order(self) -> None:
        group = self._pending_group
        self._move_timer.stop()
        self._pending_group = None
        if group is None:
            return
        self.busy = True
        self._select_after = self.selected_id()
        ops.reorder(self.ctx, self.user, self.encounter_id, group, self.group_rows(group),
                    self._written, self._write_failed, self.token)

    def done(self, result: int) -> None:
        self._send_order()                       # a move made just before closing still counts
        super().done(result)

    def rename_current(self) -> None:
        row = self.selected_row()
        if row is None or not self.may_write or self.busy:
            return
        dialog = TextDialog(translate("Diagnoses", "修改诊断名称"),
                            translate("Diagnoses", "诊断名称（可补充部位、分型等，ICD-10：{code}）").format(
                                code=row.icd10_code or "—"), row.name, dg.NAME_MAX, self)

        def accepted() -> None:
            if dialog.text() == row.name:
                return
            self.busy = True
            self._select_after = ops.rename(self.ctx, self.user, row, dialog.text(), self._written,
                                            self._write_failed, self.token)

        self._open_child(dialog, accepted)

    def remove_current(self) -> None:
        row = self.selected_row()
        if row is None or not self.may_write or self.busy:
            return
        dialog = TextDialog(translate("Diagnoses", "删除误录的诊断"),
                            translate("Diagnoses", "删除“{name}”，须填写原因（原记录保留备查）：").format(
                                name=row.name), "", dg.REASON_MAX, self)

        def accepted() -> None:
            self.busy = True
            ops.remove(self.ctx, self.user, row, dialog.text(), self._written, self._write_failed,
                       self.token)

        self._open_child(dialog, accepted)

    def _open_child(self, dialog: TextDialog, accepted: Any) -> None:
        self.child = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: self._child_closed())
        dialog.open()

    def _child_closed(self) -> None:
        self.child = None
        if is_alive(self):
            self.activateWindow()
            self.tree.setFocus()

    def _written(self, _changes: Any) -> None:
        self.busy = False
        if is_alive(self):
            self._set_hint("")

    def _changes(self, changes: Any) -> None:
        # While moves wait to be sent the screen keeps them; the send's own change reloads.
        if is_alive(self) and changes.touches("diagnosis") and self._pending_group is None:
            self.load()

    def _write_failed(self, failure: Any) -> None:
        self.busy = False
        self._select_after = None
        self._failed(failure)
        error = getattr(failure, "error", failure)
        if type(error).__name__ == "ConflictError":
            self._set_hint(translate("Diagnoses", "诊断已被他人修改，已显示最新内容，请重新操作"), True)
            self.load()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        params = getattr(error, "params", {}) or {}
        if params.get("field") in ("icd10_code", "name", "kind"):
            self.field_error.setText(error_text(error))
            self.search.setFocus()
        else:
            self._set_hint(error_text(error), True)

    def _set_hint(self, text: str, error: bool = False) -> None:
        self.hint.setText(text)
        self.hint.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)

    # ---- life cycle
    def retranslate(self) -> None:
        for i, group in enumerate(dg.GROUPS):
            self.kind.setItemText(i, group_text(group))
        self.tree.setHeaderLabels([translate("Diagnoses", "诊断"), translate("Diagnoses", "ICD-10"),
                                   translate("Diagnoses", "诊断时间"), translate("Diagnoses", "医师")])
        self.matches.setHeaderLabels([translate("Diagnoses", "编码"), translate("Diagnoses", "名称"),
                                      translate("Diagnoses", "英文名称")])
        self.list_title.setText(translate("Diagnoses", "本次住院的诊断（每类第一条为主要诊断）"))
        self.match_title.setText(translate("Diagnoses", "ICD-10 检索结果"))
        if self.may_write:
            self.keys_label.setText(translate(
                "Diagnoses", "{add}：加入所选类别 · {kinds}：入院/修正/出院诊断 · {up}/{down}：上移/下移 · "
                "{rename}：修改名称 · {remove}：删除误录 · Tab：检索框与诊断列表之间切换 · Esc：关闭"
            ).format(
                    add="Enter", kinds=f"{keys.DX_ADMISSION}/{keys.DX_WORKING}/{keys.DX_DISCHARGE}",
                    up=keys.DX_UP, down=keys.DX_DOWN, rename=keys.DX_RENAME, remove=keys.DX_REMOVE))
        else:
            self.keys_label.setText(translate("Diagnoses", "仅医师可以增加或修改诊断"))
        if self.loaded:
            self._fill()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.may_write:
            self.search.setFocus()
        else:
            self.tree.setFocus()


def supported(ctx: Any) -> bool:
    return ctx is not None and ops.supported(ctx)


def open_diagnoses(ctx: Any, user: Any, encounter_id: str, patient_name: str = "",
                   parent: Optional[QWidget] = None) -> Optional[DiagnosesDialog]:
    """Show the dialog (window-modal, deleted when closed); None when the backend does not
    serve it."""
    if not supported(ctx):
        return None
    dialog = DiagnosesDialog(ctx, user, encounter_id, patient_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
