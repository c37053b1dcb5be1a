"""常用语: the doctor's own phrase list. `PhrasePicker` is the Ctrl+J list of the 病历 editor (type
to filter, Enter inserts) with Ctrl+M to open `PhraseEditor`, where she adds (Ctrl+N), edits
(Ctrl+S), removes (Alt+Del) and reorders (Alt+↑ / Alt+↓) her phrases; the picker shows the new
list when the editor closes. Every change goes through ui/operations/templates.py.
"""
from __future__ import annotations

from typing import Any, Optional

from ui import shortcuts as keys
from ui.messages import error_text
from ui.operations import templates as ops
from ui.qt import (
    QAction,
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.records.dialogs import PickerDialog

ERROR_STYLE = "color: #c62828;"
INFO_STYLE = "color: #57606a;"
PHRASE_MAX = 500


class PhraseEditor(QDialog):
    def __init__(self, ctx: Any, user: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.staff_id = str(getattr(user, "id", ""))
        self.setWindowTitle(translate("Phrases", "维护常用语"))
        self.phrases: list[Any] = []
        self.editing: Any = None            # the phrase in the text box (None: a new one)
        self.changed = False                # something was written (the picker re-reads)
        self._select_after_load: Optional[str] = None
        self._warned = False
        self.list = QListWidget()
        self.list.setObjectName("phraseList")
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._picked)
        self.text = QPlainTextEdit()
        self.text.setObjectName("phraseText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(translate("Phrases", "常用语内容（最多 {n} 个字）").format(n=PHRASE_MAX))
        self.text.textChanged.connect(self._count)
        self.counter = QLabel()
        self.counter.setObjectName("phraseCount")
        self.error = QLabel()
        self.error.setObjectName("phraseError")
        self.error.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("phraseState")
        self.actions_by_key: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        for key, shortcut, text, handler in (
                ("new", keys.PHRASE_NEW, translate("Phrases", "新增"), self.new_phrase),
                ("save", keys.PHRASE_SAVE, translate("Phrases", "保存"), self.save),
                ("remove", keys.PHRASE_REMOVE, translate("Phrases", "删除"), self.remove),
                ("up", keys.SECTION_UP, translate("Phrases", "上移"), lambda: self.move_phrase(-1)),
                ("down", keys.SECTION_DOWN, translate("Phrases", "下移"), lambda: self.move_phrase(1))):
            action = QAction(text, self)
            action.setObjectName("phrase_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
            self.actions_by_key[key] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        legend = QLabel(translate(
            "Phrases", "{new} 新增 · {save} 保存 · {remove} 删除 · {up} / {down} 移动").format(
            new=keys.PHRASE_NEW, save=keys.PHRASE_SAVE, remove=keys.PHRASE_REMOVE, up=keys.SECTION_UP,
            down=keys.SECTION_DOWN))
        legend.setStyleSheet(INFO_STYLE)
        buttons.addWidget(legend)
        close = QPushButton(translate("Phrases", "关闭 (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.state)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.counter)
        layout.addLayout(row)
        self.resize(640, 520)
        self._count()
        self.reload()

    # ---- reading
    def reload(self) -> None:
        ops.load_phrases(self.ctx, self.staff_id, self._loaded, self._failed)

    def _loaded(self, phrases: Any) -> None:
        if not is_alive(self):
            return
        self.phrases = list(phrases)
        wanted = self._select_after_load or (self.editing.id if self.editing is not None else None)
        self._select_after_load = None
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.phrases:
            item = QListWidgetItem(p.text.replace("\n", " "))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((n for n, p in enumerate(self.phrases) if p.id == wanted), -1)
        if row >= 0:
            self.list.setCurrentRow(row)
            self._picked(row)
        elif self.editing is None and not self.text.toPlainText().strip():
            self._new_state()
        if not self.phrases:
            self.state.setText(translate("Phrases", "尚无常用语：在下方输入后按 {key} 保存").format(
                key=keys.PHRASE_SAVE))

    def _picked(self, row: int) -> None:
        if not 0 <= row < len(self.phrases):
            return
        self.editing = self.phrases[row]
        self.text.setPlainText(self.editing.text)
        self.error.setText("")
        self.state.setText(translate("Phrases", "第 {n} 条：修改后按 {key} 保存").format(
            n=row + 1, key=keys.PHRASE_SAVE))

    def _new_state(self) -> None:
        self.editing = None
        self.state.setText(translate("Phrases", "新常用语：输入后按 {key} 保存").format(key=keys.PHRASE_SAVE))

    def _count(self) -> None:
        n = len(self.text.toPlainText().strip())
        self.counter.setText(f"{n}/{PHRASE_MAX}")
        self.counter.setStyleSheet(ERROR_STYLE if n > PHRASE_MAX else INFO_STYLE)

    # ---- writing
    def new_phrase(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.text.clear()
        self.error.setText("")
        self._new_state()
        self.text.setFocus()

    def _written(self, select_id: Optional[str]) -> Any:
        def done(_changes: Any) -> None:
            if is_alive(self):
                self.changed = True
                self._warned = False
                self.error.setText("")
                self._select_after_load = select_id
                self.reload()
        return done

    def save(self) -> None:
        text = self.text.toPlainText()
        if self.editing is None:
            from app.ids import new_id

            phrase_id = new_id()
            ops.add_phrase(self.ctx, self.user, phrase_id, text, self._written(phrase_id), self._failed)
        else:
            ops.edit_phrase(self.ctx, self.user, self.editing.id, self.editing.version, text,
                            self._written(self.editing.id), self._failed)

    def remove(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.phrases):
            return
        phrase = self.phrases[row]
        after = self.phrases[row + 1].id if row + 1 < len(self.phrases) else (
            self.phrases[row - 1].id if row > 0 else None)
        self.editing = None
        self.text.clear()
        ops.remove_phrase(self.ctx, self.user, phrase.id, phrase.version, self._written(after),
                          self._failed)
        self.list.setFocus()

    def move_phrase(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if not 0 <= row < len(self.phrases) or not 0 <= to < len(self.phrases):
            return
        order = list(self.phrases)
        order[row], order[to] = order[to], order[row]
        ops.reorder_phrases(self.ctx, self.user, tuple(p.id for p in order),
                            tuple(p.version for p in order), self._written(order[to].id), self._failed)

    def reject(self) -> None:
        """Esc: unsaved text is not dropped on the first press."""
        typed = self.text.toPlainText().strip()
        saved = self.editing.text if self.editing is not None else ""
        if typed and typed != saved and not self._warned:
            self._warned = True
            self.error.setText(translate("Phrases", "有未保存的内容：按 {key} 保存，再按 Esc 放弃并关闭")
                               .format(key=keys.PHRASE_SAVE))
            self.error.setStyleSheet(ERROR_STYLE)
            return
        super().reject()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        self.error.setText(error_text(error))              # the text stays as typed
        self.error.setStyleSheet(ERROR_STYLE)
        if type(error).__name__ == "ConflictError":
            self.reload()
        if (getattr(error, "params", {}) or {}).get("field") == "text":
            self.text.setFocus()


class PhrasePicker(PickerDialog):
    """The Ctrl+J list: Enter inserts the chosen phrase; Ctrl+M opens the phrase editor."""

    def __init__(self, ctx: Any, user: Any, texts: list[str], parent: Optional[QWidget] = None) -> None:
        super().__init__(translate("Records", "常用语"), (translate("Records", "常用语"),),
                         [(t,) for t in texts], parent)
        self.ctx, self.user = ctx, user
        self.texts = list(texts)
        self.editor: Optional[PhraseEditor] = None
        manage = QAction(translate("Phrases", "维护常用语"), self)
        manage.setObjectName("phrase_manage")
        manage.setShortcut(QKeySequence(keys.PHRASE_MANAGE))
        manage.triggered.connect(self.manage)
        self.addAction(manage)
        button = QPushButton(translate("Phrases", "维护常用语 ({key})").format(key=keys.PHRASE_MANAGE))
        button.setObjectName("phraseManage")
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(self.manage)
        self.empty = QLabel()
        self.empty.setStyleSheet(INFO_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(button)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addLayout(row)
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setText("" if self.texts else translate(
            "Phrases", "尚无常用语：按 {key} 添加").format(key=keys.PHRASE_MANAGE))

    def manage(self) -> None:
        editor = PhraseEditor(self.ctx, self.user, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.finished.connect(lambda _r: self._edited(editor))
        self.editor = editor
        editor.open()

    def _edited(self, editor: PhraseEditor) -> None:
        if not is_alive(self):
            return
        self.activateWindow()
        self.filter.setFocus()
        if editor.changed:
            ops.load_phrases(self.ctx, str(getattr(self.user, "id", "")), self._reloaded)

    def _reloaded(self, phrases: Any) -> None:
        if not is_alive(self):
            return
        self.texts = [p.text for p in phrases]
        self.model.set_rows([(t,) for t in self.texts])
        self._filter(self.filter.text())
        self._show_empty()
