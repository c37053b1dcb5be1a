"""The document editor: one QPlainTextEdit per structured section, and its autosave.

Input methods: nothing here filters keys. Text arrives as the input method commits it
(QInputMethodEvent), and `textChanged` only marks the document dirty; a save reads the text
later. So pinyin composition (fcitx5) is never interrupted mid-word.

Autosave (`Autosaver`): at most AUTOSAVE_MS after the first unsaved change, and whenever the
focus leaves a section; each save writes the local copy first (ui/records/local_drafts.py, a
fraction of a millisecond on the GUI thread) and then sends the server slot on the write pool.
One save in flight at a time: changes made meanwhile go in the next one.
"""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, Callable, Optional

from app.clock import utcnow
from app.domain.documents import Section
from ui.qt import (
    QApplication,
    QFrame,
    QLabel,
    QObject,
    QPlainTextEdit,
    QScrollArea,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)
from ui.records import local_drafts

AUTOSAVE_MS = 3000          # the brief: at most 5 s lost; the save itself takes a few ms more
MISSING_STYLE = "QPlainTextEdit { border: 2px solid #c62828; }"


class SectionEditor(QWidget):
    """The sections of one document, top to bottom; Tab moves to the next section."""

    changed = Signal()
    focus_left = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._sections: tuple[Section, ...] = ()
        self.edits: list[QPlainTextEdit] = []
        self.labels: list[QLabel] = []
        self._current = 0
        self._filling = False
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._body)
        self._scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def set_sections(self, sections: tuple[Section, ...], editable: bool) -> None:
        self._filling = True
        try:
            if tuple(s.id for s in sections) != tuple(s.id for s in self._sections) or not self.edits:
                self._rebuild(sections)
            for edit, s in zip(self.edits, sections):
                if edit.toPlainText() != s.text:
                    edit.setPlainText(s.text)
                edit.setReadOnly(not editable)
                edit.setStyleSheet("")
            self._sections = sections
        finally:
            self._filling = False

    def _rebuild(self, sections: tuple[Section, ...]) -> None:
        for w in self.edits + self.labels:
            w.setParent(None)
            w.deleteLater()
        self.edits, self.labels = [], []
        for n, s in enumerate(sections):
            label = QLabel(s.title + (" *" if s.required else ""))
            label.setStyleSheet("font-weight: bold;")
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{s.id}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(64 if not s.required else 88)
            edit.textChanged.connect(self._typed)
            edit.installEventFilter(self)
            edit.setProperty("section_index", n)
            label.setBuddy(edit)
            self._layout.insertWidget(self._layout.count() - 1, label)
            self._layout.insertWidget(self._layout.count() - 1, edit)
            self.labels.append(label)
            self.edits.append(edit)
        self._current = 0

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if event.type() == event.Type.FocusIn and watched in self.edits:
            self._current = self.edits.index(watched)
        return False

    def _typed(self) -> None:
        if not self._filling:
            self.changed.emit()

    def _focus_changed(self, old: Optional[QWidget], new: Optional[QWidget]) -> None:
        if is_alive(self) and old is not None and old in self.edits and new is not old:
            self.focus_left.emit()

    def sections(self) -> tuple[Section, ...]:
        return tuple(replace(s, text=e.toPlainText()) for s, e in zip(self._sections, self.edits))

    def current_index(self) -> int:
        return self._current

    def current_section(self) -> Optional[Section]:
        return self._sections[self._current] if 0 <= self._current < len(self._sections) else None

    def focus_section(self, index: int = 0) -> None:
        if 0 <= index < len(self.edits):
            self._current = index
            self.edits[index].setFocus()
            self._scroll.ensureWidgetVisible(self.edits[index])

    def insert(self, text: str) -> None:
        """At the cursor of the current section (one undo step)."""
        if not (0 <= self._current < len(self.edits)) or self.edits[self._current].isReadOnly():
            return
        edit = self.edits[self._current]
        cursor = edit.textCursor()
        cursor.insertText(text)
        edit.setTextCursor(cursor)
        edit.setFocus()

    def mark_missing(self, ids: list[str]) -> None:
        for s, e in zip(self._sections, self.edits):
            e.setStyleSheet(MISSING_STYLE if s.id in ids else "")
        first = next((n for n, s in enumerate(self._sections) if s.id in ids), None)
        if first is not None:
            self.focus_section(first)


class Autosaver(QObject):
    """Saves the editor's text: locally at once, then to the server's draft slot off the GUI
    thread. `block_ms` keeps how long each save held the GUI thread (bench/records.py)."""

    state_changed = Signal(str)       # saved / offline / saving

    def __init__(self, editor: SectionEditor, send: Callable[..., Any], staff_id: str,
                 parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._send = send                  # (doc_id, base_rev_no, sections, on_done, on_error)
        self.staff_id = staff_id
        self.doc_id: Optional[str] = None
        self.base_rev_no = 0
        self.dirty = False
        self.in_flight = False
        self.again = False
        self.enabled = False
        self.block_ms: list[float] = []
        self.saves = 0
        self.last_saved_at: Optional[Any] = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        editor.changed.connect(self._changed)
        editor.focus_left.connect(self.save)

    def attach(self, doc_id: Optional[str], base_rev_no: int, enabled: bool) -> None:
        """Follow another document (the previous one was saved by the caller)."""
        self.timer.stop()
        self.doc_id, self.base_rev_no, self.enabled = doc_id, base_rev_no, enabled
        self.dirty = False

    def _changed(self) -> None:
        if not self.enabled or self.doc_id is None:
            return
        self.dirty = True
        if not self.timer.isActive():
            self.timer.start()              # from the first unsaved change: never postponed

    def save(self) -> None:
        if not self.enabled or self.doc_id is None or not self.dirty:
            return
        if self.in_flight:
            self.again = True
            return
        started = time.perf_counter()
        self.timer.stop()
        sections = self.editor.sections()
        saved_at = utcnow()
        doc_id, staff_id = self.doc_id, self.staff_id
        local_drafts.write(staff_id, local_drafts.LocalDraft(doc_id, self.base_rev_no, saved_at,
                                                             sections, False))
        self.dirty = False
        self.in_flight = True
        self.state_changed.emit("saving")

        def done(_result: Any) -> None:
            self.in_flight = False
            self.saves += 1
            self.last_saved_at = saved_at
            local_drafts.mark_synced(staff_id, doc_id, saved_at)
            self.state_changed.emit("saved")
            self._next()

        def failed(_failure: Any) -> None:
            self.in_flight = False
            self.state_changed.emit("offline")      # the local copy has it
            self._next()

        self._send(doc_id, self.base_rev_no, sections, done, failed)
        self.block_ms.append((time.perf_counter() - started) * 1000.0)

    def _next(self) -> None:
        if self.again:
            self.again = False
            if self.dirty:
                self.save()

    def flush(self) -> None:
        """Save now if anything is unsaved (before switching documents, signing, closing)."""
        if self.dirty:
            self.save()


def state_text(state: str, at: Any = None) -> str:
    if state == "saving":
        return translate("Records", "正在保存草稿…")
    if state == "offline":
        return translate("Records", "未能连接服务器：草稿已保存在本机，恢复连接后再保存")
    if state == "saved" and at is not None:
        return translate("Records", "草稿已自动保存 {t}").format(t=at.astimezone().strftime("%H:%M:%S"))
    return ""
