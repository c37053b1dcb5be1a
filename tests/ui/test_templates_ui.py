"""模板管理 and the 常用语 editor on the real services (a copy of the seeded demo database), by the
keys of ui/shortcuts.py: a resident copies the hospital 日常病程记录 template to her own, adds a
required section with a default text, saves (Ctrl+S), and the new-document picker of the 病历 tab
offers her copy first, with the section in the document it makes; a phrase added in the phrase
editor (Ctrl+J, then Ctrl+M) is in the Ctrl+J list at once and goes into the document."""
from __future__ import annotations

import os
from typing import Any

from tests.ui.conftest import commit_text, sign_in
from tests.ui.test_records_tab import CTRL, PASSWORDS, key, new_document, records_of
from ui.qt import QApplication, Qt

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_manager(qtbot: Any, window: Any) -> Any:
    window.ward_view.stack.currentWidget().setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "_template_window", None) is not None, timeout=3000)
    manager = window._template_window
    qtbot.waitUntil(lambda: manager.isVisible() and len(manager.rows) > 0, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is manager, timeout=3000)
    return manager


def test_a_personal_copy_with_a_new_section_is_offered_first_for_a_new_document(
        qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, "zhangwei", PASSWORDS["zhangwei"])
    manager = open_manager(qtbot, window)
    target = next(n for n, t in enumerate(manager.rows)
                  if t.doc_type == "progress" and t.scope == "hospital")
    manager.list.setFocus()
    for _ in range(target + 1):                       # ↓ through the list to the hospital's
        if manager.current is not None and manager.current.id == manager.rows[target].id:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert manager.current.name == "日常病程记录" and not manager.editable
    assert "只读" in manager.hint.text()
    key(qtbot, Qt.Key.Key_D, CTRL)                    # 复制为个人模板
    qtbot.waitUntil(lambda: manager.current is not None and manager.current.scope == "personal",
                    timeout=10_000)
    assert manager.editable and manager.rows[0].id == manager.current.id     # personal first
    if os.environ.get("WS_SHOTS"):
        manager.grab().save(os.path.join(os.environ["WS_SHOTS"], "template-manager.png"))
    before = len(manager.sections)
    manager.section_list.setFocus()
    key(qtbot, Qt.Key.Key_End, CTRL)
    key(qtbot, Qt.Key.Key_Insert, ALT)                # 添加段落 after the last one
    assert len(manager.sections) == before + 1 and manager.title.hasFocus()
    commit_text(manager.title, "夜间情况")
    key(qtbot, Qt.Key.Key_R, ALT)                     # 必填
    manager.default.setFocus()
    commit_text(manager.default, "夜间睡眠可。")
    assert manager.dirty
    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not manager.dirty and manager.current is not None
                    and manager.current.version == 2, timeout=10_000)
    last = manager.current.sections[-1]
    assert (last.title, last.required, last.text) == ("夜间情况", True, "夜间睡眠可。")
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not manager.isVisible(), timeout=3000)

    tab = records_of(qtbot, window, "zhangwei", 11)
    tab.dialog = None
    key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    commit_text(tab.dialog.filter, "日常病程记录")
    first = tab.dialog.proxy.index(0, 2).data()
    assert first == "个人"                             # her copy before the hospital's
    before_docs = tab.model.rowCount()
    qtbot.keyClick(tab.dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == before_docs + 1 and tab.view_doc is not None
                    and tab.mode == "edit", timeout=10_000)
    sections = tab.editor.sections()
    assert sections[-1].title == "夜间情况" and sections[-1].text == "夜间睡眠可。"
    assert [label.text() for label in tab.editor.labels][-1].startswith("夜间情况")


def test_a_phrase_added_in_the_phrase_editor_is_in_the_ctrl_j_list(qtbot: Any, real_window: Any) -> None:
    tab = records_of(qtbot, real_window, "zhangwei", 11)
    new_document(qtbot, tab, "日常病程记录")
    tab.dialog = None
    key(qtbot, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    picker = tab.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker, timeout=3000)
    assert "夜班交班时患者安静入睡。" not in picker.texts
    key(qtbot, Qt.Key.Key_M, CTRL)                    # 维护常用语
    qtbot.waitUntil(lambda: picker.editor is not None and picker.editor.isVisible()
                    and len(picker.editor.phrases) == 6, timeout=5000)
    editor = picker.editor
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=3000)
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert editor.text.hasFocus() and editor.editing is None
    key(qtbot, Qt.Key.Key_S, CTRL)                    # empty: refused at the field
    qtbot.waitUntil(lambda: editor.error.text() == "常用语内容不能为空", timeout=5000)
    commit_text(editor.text, "夜班交班时患者安静入睡。")
    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(editor.phrases) == 7, timeout=5000)
    assert editor.phrases[-1].text == "夜班交班时患者安静入睡。" and editor.error.text() == ""
    key(qtbot, Qt.Key.Key_Up, ALT)                    # one up in her list
    qtbot.waitUntil(lambda: editor.phrases[-2].text == "夜班交班时患者安静入睡。", timeout=5000)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "夜班交班时患者安静入睡。" in picker.texts, timeout=5000)
    assert picker.texts.index("夜班交班时患者安静入睡。") == 5
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker, timeout=3000)
    commit_text(picker.filter, "夜班交班")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("夜班交班时患者安静入睡。" in s.text for s in tab.editor.sections()),
                    timeout=5000)
