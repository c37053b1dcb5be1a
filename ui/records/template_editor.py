"""模板管理: the templates a doctor sees (her own, her department's, the hospital's), and a section
editor for the ones she may change: add, remove and move sections, mark them required, give
them a default text; Ctrl+S saves a new version. A template she may not change is shown read
only, and Ctrl+D copies it to her personal templates.

A non-modal window. Every change goes through ui/operations/templates.py; the list re-reads on
the "what changed" signal when a template changes (here or on another PC). Nothing typed is
lost: a refused save keeps the text and names the field; choosing another template with unsaved
changes asks for a second choice first.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from app.domain import documents as dd
from ui import shortcuts as keys
from ui.messages import error_text
from ui.operations import templates as ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)
from ui.records.model import doc_type_text
from ui.table_model import RowsTableModel

ERROR_STYLE = "color: #c62828;"
INFO_STYLE = "color: #57606a;"
FIELD_ERROR = "border: 2px solid #c62828;"


def scope_text(scope: str) -> str:
    return {"personal": translate("Templates", "个人"), "dept": translate("Templates", "科室"),
            "hospital": translate("Templates", "全院")}.get(scope, scope)


class TextRows(RowsTableModel[tuple[str, ...]]):
    """Rows of ready-made cell texts (the template list, the section list)."""

    def __init__(self, headers: list[str], parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.column_count = len(headers)

    def header_text(self, column: int) -> str:
        return self.headers[column] if 0 <= column < len(self.headers) else ""

    def set_row(self, n: int, row: tuple[str, ...]) -> None:
        rows = self.rows()
        if 0 <= n < len(rows):
            rows[n] = row
            self._rows = rows
            self.dataChanged.emit(self.index(n, 0), self.index(n, self.column_count - 1))

    def _data(self, row: tuple[str, ...], col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and col < len(row):
            return row[col]
        return None


class RowTable(QTableView):
    """A read-only row list on a TextRows model: `set_rows`, `currentRow`, `setCurrentCell`, and
    `currentCellChanged(row, col, previous row, previous col)` as the editor uses them."""

    currentCellChanged = Signal(int, int, int, int)

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.text_rows = TextRows(headers, self)
        self.setModel(self.text_rows)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def _current_changed(self, cur: Any, prev: Any) -> None:
        self.currentCellChanged.emit(cur.row(), cur.column(), prev.row(), prev.column())

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.text_rows.set_rows(rows)

    def set_row(self, n: int, row: tuple[str, ...]) -> None:
        self.text_rows.set_row(n, row)

    def rowCount(self) -> int:
        return self.text_rows.rowCount()

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentCell(self, row: int, column: int) -> None:
        self.setCurrentIndex(self.text_rows.index(row, column))


def _table(name: str, headers: list[str]) -> RowTable:
    table = RowTable(headers)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class TemplateManager(QDialog):
    def __init__(self, ctx: Any, user: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.staff_id = str(getattr(user, "id", ""))
        self.setWindowTitle(translate("Templates", "模板管理"))
        self.rows: list[Any] = []
        self.current: Any = None              # the TemplateRow shown (None: a new one)
        self.base_version = 0
        self.scope = "personal"
        self.sections: list[dd.Section] = []
        self.dirty = False
        self._filling = False
        self._discard_armed = False
        self._select_after_load: Optional[str] = None
        self._new_id: Optional[str] = None
        self._rebase = False                  # a conflict was told: the next load gives the base
        self.list = _table("templateList", [translate("Templates", "范围"),
                                            translate("Templates", "病历类型"),
                                            translate("Templates", "模板名称")])
        self.list.currentCellChanged.connect(lambda row, _c, prev, _p: self._picked(row, prev))
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.name.setMaxLength(60)
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("templateType")
        for code, t in dd.doc_types().items():
            self.doc_type.addItem(t.name, code)
        self.scope_label = QLabel()
        self.scope_label.setObjectName("templateScope")
        self.scope_pick = QComboBox()
        self.scope_pick.setObjectName("templateScopePick")
        self.section_list = _table("sectionTable", [translate("Templates", "段落标题"),
                                                    translate("Templates", "必填"),
                                                    translate("Templates", "默认内容")])
        self.section_list.currentCellChanged.connect(lambda row, _c, _p, _q: self._show_section(row))
        self.title = QLineEdit()
        self.title.setObjectName("sectionTitle")
        self.title.setMaxLength(40)
        self.required = QCheckBox(translate("Templates", "必填（签名时不能为空）"))
        self.required.setObjectName("sectionRequired")
        self.default = QPlainTextEdit()
        self.default.setObjectName("sectionDefault")
        self.default.setTabChangesFocus(True)
        self.default.setPlaceholderText(translate("Templates", "新建病历时此段预先填入的内容（可空）"))
        self.error = QLabel()
        self.error.setObjectName("templateError")
        self.error.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("templateHint")
        self.hint.setWordWrap(True)
        self.name.textEdited.connect(lambda _t: self._touched())
        self.doc_type.currentIndexChanged.connect(lambda _i: self._touched())
        self.title.textChanged.connect(self._title_changed)
        self.required.toggled.connect(self._required_changed)
        self.default.textChanged.connect(self._default_changed)
        self.actions_by_key: dict[str, QAction] = {}
        self.tool_row = QHBoxLayout()
        self.section_row = QHBoxLayout()
        self._build_actions()
        self._layout()
        ctx.runner.changes.connect(self._changes)
        self._set_editable(False)
        self.resize(1100, 680)
        self.reload()

    # ---- building
    def _build_actions(self) -> None:
        specs = [
            ("new", keys.TPL_NEW, translate("Templates", "新建个人模板"), self.new_template, self.tool_row),
            ("copy", keys.TPL_COPY, translate("Templates", "复制为个人模板"), self.copy_current,
             self.tool_row),
            ("retire", keys.TPL_RETIRE, translate("Templates", "停用"), self.retire_current,
             self.tool_row),
            ("save", keys.TPL_SAVE, translate("Templates", "保存"), self.save, self.tool_row),
            ("add", keys.SECTION_ADD, translate("Templates", "添加段落"), self.add_section,
             self.section_row),
            ("remove", keys.SECTION_REMOVE, translate("Templates", "删除段落"), self.remove_section,
             self.section_row),
            ("up", keys.SECTION_UP, translate("Templates", "上移"), lambda: self.move_section(-1),
             self.section_row),
            ("down", keys.SECTION_DOWN, translate("Templates", "下移"), lambda: self.move_section(1),
             self.section_row),
            ("required", keys.SECTION_REQUIRED, translate("Templates", "必填"),
             self.toggle_required, self.section_row),
        ]
        for key, shortcut, text, handler, row in specs:
            action = QAction(text, self)
            action.setObjectName("template_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
            self.actions_by_key[key] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab goes field to field
            row.addWidget(button)
        self.tool_row.addStretch(1)
        legend = QLabel(translate(
            "Templates", "{new} 新建 · {copy} 复制为个人 · {save} 保存 · {add} / {remove} 添加 / 删除段落"
            " · {up} / {down} 移动 · {req} 必填 · Esc 关闭").format(
                new=keys.TPL_NEW, copy=keys.TPL_COPY, save=keys.TPL_SAVE, add=keys.SECTION_ADD,
                remove=keys.SECTION_REMOVE, up=keys.SECTION_UP, down=keys.SECTION_DOWN,
                req=keys.SECTION_REQUIRED))
        legend.setObjectName("templateKeys")
        legend.setStyleSheet(INFO_STYLE)
        self.tool_row.addWidget(legend)
        self.section_row.addStretch(1)

    def _layout(self) -> None:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(translate("Templates", "模板（个人、科室、全院）")))
        lv.addWidget(self.list, 1)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 0, 0, 0)
        form = QFormLayout()
        form.addRow(translate("Templates", "模板名称"), self.name)
        form.addRow(translate("Templates", "病历类型"), self.doc_type)
        scope = QHBoxLayout()
        scope.addWidget(self.scope_label)
        scope.addWidget(self.scope_pick)
        scope.addStretch(1)
        form.addRow(translate("Templates", "范围"), scope)
        rv.addLayout(form)
        rv.addWidget(QLabel(translate("Templates", "段落")))
        rv.addLayout(self.section_row)
        rv.addWidget(self.section_list, 2)
        detail = QFormLayout()
        detail.addRow(translate("Templates", "段落标题"), self.title)
        detail.addRow("", self.required)
        detail.addRow(translate("Templates", "默认内容"), self.default)
        rv.addLayout(detail, 1)
        rv.addWidget(self.error)
        rv.addWidget(self.hint)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([380, 720])
        outer = QVBoxLayout(self)
        outer.addLayout(self.tool_row)
        outer.addWidget(split, 1)
        self.setTabOrder(self.list, self.name)
        self.setTabOrder(self.name, self.doc_type)
        self.setTabOrder(self.doc_type, self.scope_pick)
        self.setTabOrder(self.scope_pick, self.section_list)
        self.setTabOrder(self.section_list, self.title)
        self.setTabOrder(self.title, self.required)
        self.setTabOrder(self.required, self.default)

    # ---- the list
    def reload(self) -> None:
        ops.load_templates(self.ctx, self.staff_id, self._loaded, self._failed)

    def _loaded(self, rows: Any) -> None:
        if not is_alive(self):
            return
        self.rows = list(rows)
        wanted = self._select_after_load or (self.current.id if self.current is not None else None)
        self._select_after_load = None
        self._filling = True
        try:
            self.list.set_rows([(scope_text(t.scope), doc_type_text(t.doc_type), t.name) for t in self.rows])
        finally:
            self._filling = False
        row = next((n for n, t in enumerate(self.rows) if t.id == wanted), -1)
        if self.dirty:             # kept as typed; after a conflict the next save is on the latest
            if self._rebase and self.current is not None and row >= 0:
                self.base_version = self.rows[row].version
                self._rebase = False
            return
        if row < 0 and self.current is None and self._new_id is None and self.rows:
            row = 0
        if row >= 0:
            self.list.setCurrentCell(row, 0)
            self._show(self.rows[row])

    def _picked(self, row: int, previous: int) -> None:
        if self._filling or not 0 <= row < len(self.rows):
            return
        if self.current is not None and self.rows[row].id == self.current.id:
            return
        if self.dirty and not self._discard_armed:
            self._discard_armed = True
            self._filling = True
            self.list.setCurrentCell(previous, 0)
            self._filling = False
            self._say(translate("Templates", "有未保存的修改：按 {key} 保存，或再次选择其他模板以放弃修改")
                      .format(key=keys.TPL_SAVE), error=True)
            return
        self._show(self.rows[row])

    def _show(self, t: Any) -> None:
        self.current, self.base_version, self.scope = t, t.version, t.scope
        self._new_id = None
        self._fill(t.name, t.doc_type, list(t.sections))
        self._set_editable(t.editable)
        if t.editable:
            self._say("")
        else:
            self._say(translate("Templates", "{scope}模板只读：按 {key} 复制为个人模板后修改").format(
                scope=scope_text(t.scope), key=keys.TPL_COPY))

    def _fill(self, name: str, doc_type: str, sections: list[dd.Section]) -> None:
        self._filling = True
        try:
            self.name.setText(name)
            self.name.setStyleSheet("")
            index = self.doc_type.findData(doc_type)
            self.doc_type.setCurrentIndex(max(index, 0))
            self.scope_label.setText(scope_text(self.scope))
            self.sections = sections
            self._fill_sections(0)
        finally:
            self._filling = False
        self.dirty = False
        self._discard_armed = False
        self.error.setText("")

    def _fill_sections(self, current: int) -> None:
        was = self._filling
        self._filling = True
        try:
            self.section_list.set_rows([self._section_texts(s) for s in self.sections])
            if self.sections:
                current = max(0, min(current, len(self.sections) - 1))
                self.section_list.setCurrentCell(current, 0)
        finally:
            self._filling = was
        self._show_section(self.section_list.currentRow())

    @staticmethod
    def _section_texts(s: dd.Section) -> tuple[str, ...]:
        mark = translate("Templates", "是") if s.required else ""
        return (s.title, mark, s.text.replace("\n", " ")[:40])

    def _fill_section_row(self, n: int, s: dd.Section) -> None:
        self.section_list.set_row(n, self._section_texts(s))

    def _show_section(self, row: int) -> None:
        was = self._filling
        self._filling = True
        try:
            s = self.sections[row] if 0 <= row < len(self.sections) else None
            self.title.setText(s.title if s else "")
            self.title.setStyleSheet("")
            self.required.setChecked(bool(s and s.required))
            self.default.setPlainText(s.text if s else "")
        finally:
            self._filling = was

    def _set_editable(self, editable: bool) -> None:
        self.editable = editable
        for w in (self.name, self.title):
            w.setReadOnly(not editable)
        self.default.setReadOnly(not editable)
        self.required.setEnabled(editable)
        self.doc_type.setEnabled(editable and self.current is None)   # a type is for good
        creating = editable and self.current is None
        self.scope_pick.setVisible(creating and self.scope_pick.count() > 1)
        self.scope_label.setVisible(not self.scope_pick.isVisible())
        for key in ("save", "add", "remove", "up", "down", "required"):
            self.actions_by_key[key].setEnabled(editable)
        self.actions_by_key["retire"].setEnabled(editable and self.current is not None)
        self.actions_by_key["copy"].setEnabled(self.current is not None and self._can_write())

    def _can_write(self) -> bool:
        can = getattr(self.user, "can", lambda _p: False)
        return bool(can("doc.write"))

    # ---- editing
    def _touched(self) -> None:
        if not self._filling:
            self.dirty = True
            self._discard_armed = False

    def _section_edit(self, **changes: Any) -> None:
        row = self.section_list.currentRow()
        if self._filling or not self.editable or not 0 <= row < len(self.sections):
            return
        self.sections[row] = replace(self.sections[row], **changes)
        self._filling = True
        try:
            self._fill_section_row(row, self.sections[row])
        finally:
            self._filling = False
        self._touched()

    def _title_changed(self, text: str) -> None:
        self._section_edit(title=text)

    def _required_changed(self, on: bool) -> None:
        self._section_edit(required=on)

    def _default_changed(self) -> None:
        self._section_edit(text=self.default.toPlainText())

    def add_section(self) -> None:
        if not self.editable:
            return
        row = self.section_list.currentRow() + 1 if self.sections else 0
        self.sections.insert(row, dd.Section(id="", title=""))
        self._fill_sections(row)
        self._touched()
        self.title.setFocus()

    def remove_section(self) -> None:
        row = self.section_list.currentRow()
        if not self.editable or not 0 <= row < len(self.sections):
            return
        del self.sections[row]
        self._fill_sections(row)
        self._touched()
        self.section_list.setFocus()

    def move_section(self, step: int) -> None:
        row = self.section_list.currentRow()
        to = row + step
        if not self.editable or not 0 <= row < len(self.sections) or not 0 <= to < len(self.sections):
            return
        self.sections[row], self.sections[to] = self.sections[to], self.sections[row]
        self._fill_sections(to)
        self._touched()

    def toggle_required(self) -> None:
        if self.editable and 0 <= self.section_list.currentRow() < len(self.sections):
            self.required.setChecked(not self.required.isChecked())

    def new_template(self) -> None:
        if not self._can_write():
            return
        from app.ids import new_id

        doc_type = self.current.doc_type if self.current is not None else "progress"
        self.current, self.base_version, self._new_id = None, 0, new_id()
        self._fill_scopes()
        self.scope = str(self.scope_pick.currentData() or "personal")
        self._fill("", doc_type, list(dd.doc_types()[doc_type].sections))
        self._set_editable(True)
        self.dirty = True
        self.list.clearSelection()
        self._say(translate("Templates", "新模板：填写名称、调整段落后按 {key} 保存").format(
            key=keys.TPL_SAVE))
        self.name.setFocus()

    def _fill_scopes(self) -> None:
        can = getattr(self.user, "can", lambda _p: False)
        self.scope_pick.clear()
        self.scope_pick.addItem(scope_text("personal"), "personal")
        if can("template.dept") and getattr(self.user, "title_rank", 0) >= 2:
            self.scope_pick.addItem(scope_text("dept"), "dept")
        if can("template.hospital"):
            self.scope_pick.addItem(scope_text("hospital"), "hospital")

    # ---- writes
    def save(self) -> None:
        if not self.editable:
            return
        template_id = self.current.id if self.current is not None else self._new_id
        if template_id is None:
            return
        if self.current is None and self.scope_pick.count():
            self.scope = str(self.scope_pick.currentData())
        sections = tuple(self.sections)
        self.error.setText("")

        def done(_changes: Any) -> None:
            if not is_alive(self):
                return
            self.dirty = False
            self._select_after_load = template_id
            self._say(translate("Templates", "已保存"))
            self.reload()

        ops.save_template(self.ctx, self.user, template_id, self.base_version, self.scope,
                          self.name.text(), str(self.doc_type.currentData()), sections, done,
                          self._failed)

    def copy_current(self) -> None:
        if self.current is None or not self._can_write():
            return
        from app.ids import new_id

        new = new_id()

        def done(_changes: Any) -> None:
            if is_alive(self):
                self.dirty = False
                self._select_after_load = new
                self._say(translate("Templates", "已复制为个人模板，可修改后按 {key} 保存").format(
                    key=keys.TPL_SAVE))
                self.reload()
                self.name.setFocus()

        ops.copy_template(self.ctx, self.user, self.current.id, new, done, self._failed)

    def retire_current(self) -> None:
        if self.current is None or not self.editable:
            return
        name = self.current.name

        def done(_changes: Any) -> None:
            if is_alive(self):
                self.current, self.dirty = None, False
                self._say(translate("Templates", "模板“{name}”已停用").format(name=name))
                self.reload()

        ops.retire_template(self.ctx, self.user, self.current.id, self.base_version, done,
                            self._failed)

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        params = getattr(error, "params", {}) or {}
        self.error.setText(error_text(error))
        self.error.setStyleSheet(ERROR_STYLE)
        if type(error).__name__ == "ConflictError":
            self.error.setText(translate(
                "Templates", "该模板已被他人先行修改：您的修改仍在此处，按 {key} 以最新版本为基础保存")
                .format(key=keys.TPL_SAVE))
            self._rebase = True
            self.reload()
        field = params.get("field")
        if field == "name":
            self.name.setStyleSheet(FIELD_ERROR)
            self.name.setFocus()
        elif field == "section":
            row = int(params.get("index", 0))
            self._fill_sections(row)
            self.title.setStyleSheet(FIELD_ERROR)
            self.title.setFocus()
        elif field == "doc_type":
            self.doc_type.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        self.hint.setText(text)
        self.hint.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)

    def _changes(self, changes: Any) -> None:
        if is_alive(self) and changes.touches("template"):
            self.reload()

    def reject(self) -> None:
        """Esc: with unsaved changes, the first press only says so."""
        if self.dirty and not self._discard_armed and self.isVisible():
            self._discard_armed = True
            self._say(translate("Templates", "有未保存的修改：按 {key} 保存，再按 Esc 放弃并关闭")
                      .format(key=keys.TPL_SAVE), error=True)
            return
        super().reject()
