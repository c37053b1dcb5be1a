"""The 诊断 dialog on the real services over a copy of the seeded demo database, by keyboard only:
F7 on the 病历 tab opens it, pinyin initials find the ICD-10 candidates, Enter adds the
highlighted one, Ctrl+↑ makes it the main diagnosis and the chart's header follows; F2 adds
detail to its name, Delete removes it with a reason; a search without matches and a refused add
are said at the search box; a nurse sees the list but cannot change it."""
from __future__ import annotations

from typing import Any

from tests.ui.conftest import commit_text, sign_in
from tests.ui.test_records_tab import key, records_of
from ui.qt import QApplication, Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def open_dialog(qtbot: Any, tab: Any) -> Any:
    from ui.records.diagnoses import DiagnosesDialog

    tab.dialog = None
    key(qtbot, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DiagnosesDialog) and tab.dialog.isVisible()
                    and tab.dialog.loaded, timeout=5000)
    return tab.dialog


def header_diagnosis(tab: Any) -> str:
    page = tab.parent()
    while not hasattr(page, "header_widget"):
        page = page.parent()
    return str(page.header_widget.fields["diagnosis"][1].text())


def working(dialog: Any) -> list[str]:
    return [r.name for r in dialog.group_rows("working")]


def test_pinyin_search_add_reorder_rename_remove_and_the_header_follows(
        qtbot: Any, real_window: Any) -> None:
    tab = records_of(qtbot, real_window, "zhangwei", 7)
    qtbot.waitUntil(lambda: header_diagnosis(tab).startswith("急性肾盂肾炎"), timeout=5000)
    dialog = open_dialog(qtbot, tab)
    assert working(dialog) == ["急性肾盂肾炎"] and dialog.current_kind() == "working"
    qtbot.waitUntil(lambda: dialog.search.hasFocus(), timeout=3000)
    qtbot.keyClicks(dialog.search, "fy")
    qtbot.waitUntil(lambda: dialog.matches.topLevelItemCount() > 0, timeout=5000)
    names = [dialog.matches.topLevelItem(i).text(1) for i in range(dialog.matches.topLevelItemCount())]
    assert sum("肺炎" in n for n in names) >= 3                     # 肺炎 candidates among them
    for _ in range(len(names)):                                     # ↓ to the first 肺炎 one
        if "肺炎" in dialog.matches.currentItem().text(1):
            break
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    picked = dialog.matches.currentItem().text(1)
    assert "肺炎" in picked
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)                # added to 修正诊断
    qtbot.waitUntil(lambda: working(dialog) == ["急性肾盂肾炎", picked], timeout=5000)
    assert dialog.search.text() == "" and header_diagnosis(tab).startswith("急性肾盂肾炎")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Tab)                   # to the list, on the new row
    assert dialog.tree.hasFocus() and dialog.selected_row().name == picked
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Up, CTRL)                # the main diagnosis now
    assert working(dialog) == [picked, "急性肾盂肾炎"]               # on screen at once
    qtbot.waitUntil(lambda: header_diagnosis(tab).startswith(picked), timeout=5000)
    assert working(dialog) == [picked, "急性肾盂肾炎"]               # and as stored
    qtbot.waitUntil(lambda: [r.kind for r in dialog.group_rows("working")] == ["primary", "secondary"],
                    timeout=5000)                               # the list read again after the save
    assert dialog.selected_row().name == picked
    qtbot.keyClick(dialog.tree, Qt.Key.Key_F2)                      # detail added to the name
    qtbot.waitUntil(lambda: dialog.child is not None and dialog.child.isVisible(), timeout=3000)
    dialog.child.edit.clear()
    commit_text(dialog.child.edit, "肺炎（右下叶）")
    qtbot.keyClick(dialog.child.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: working(dialog) == ["肺炎（右下叶）", "急性肾盂肾炎"], timeout=5000)
    qtbot.waitUntil(lambda: header_diagnosis(tab).startswith("肺炎（右下叶）"), timeout=5000)
    qtbot.waitUntil(lambda: dialog.tree.hasFocus(), timeout=3000)
    assert dialog.selected_row().name == "肺炎（右下叶）"
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)                  # entered in error: a reason
    qtbot.waitUntil(lambda: dialog.child is not None and dialog.child.isVisible(), timeout=3000)
    qtbot.keyClick(dialog.child.edit, Qt.Key.Key_Return)            # no reason: stays open
    assert dialog.child is not None and dialog.child.isVisible()
    commit_text(dialog.child.edit, "录入错误")
    qtbot.keyClick(dialog.child.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: working(dialog) == ["急性肾盂肾炎"], timeout=5000)
    qtbot.waitUntil(lambda: header_diagnosis(tab).startswith("急性肾盂肾炎"), timeout=5000)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def test_a_search_without_matches_is_said_at_the_search_box_and_adds_nothing(
        qtbot: Any, real_window: Any) -> None:
    tab = records_of(qtbot, real_window, "zhangwei", 7)
    dialog = open_dialog(qtbot, tab)
    qtbot.waitUntil(lambda: dialog.search.hasFocus(), timeout=3000)
    qtbot.keyClicks(dialog.search, "qqqzz")
    qtbot.waitUntil(lambda: "没有" in dialog.field_error.text(), timeout=5000)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)                # nothing to add: nothing sent
    assert dialog.search.text() == "qqqzz" and working(dialog) == ["急性肾盂肾炎"]
    for attempt in range(2):                                        # by code; the second refused
        dialog.search.clear()
        qtbot.keyClicks(dialog.search, "J18.9")
        qtbot.waitUntil(lambda: dialog.matches.topLevelItemCount() > 0
                        and dialog.matches.currentItem().text(0) == "J18.9", timeout=5000)
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        if attempt == 0:
            qtbot.waitUntil(lambda: working(dialog) == ["急性肾盂肾炎", "未特指的肺炎"], timeout=5000)
    qtbot.waitUntil(lambda: "已有" in dialog.field_error.text(), timeout=5000)
    assert dialog.search.text() == "J18.9" and dialog.search.hasFocus()   # what was typed is kept
    assert working(dialog) == ["急性肾盂肾炎", "未特指的肺炎"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def test_a_nurse_sees_the_diagnoses_but_cannot_change_them(qtbot: Any, real_window: Any) -> None:
    from app.services.demo_ids import demo_id

    sign_in(qtbot, real_window, "liufang", "demo-nurse1")
    real_window.open_patient(demo_id("encounter", 7))
    page = real_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    page.show_records()
    qtbot.waitUntil(lambda: page.records_tab is not None and page.records_tab.loaded, timeout=10_000)
    tab = page.records_tab
    tab.table.setFocus()
    dialog = open_dialog(qtbot, tab)
    assert working(dialog) == ["急性肾盂肾炎"]
    assert not dialog.search.isEnabled() and "仅医师" in dialog.keys_label.text()
    qtbot.waitUntil(lambda: dialog.tree.hasFocus(), timeout=3000)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1).child(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)                  # nothing happens
    assert dialog.child is None and working(dialog) == ["急性肾盂肾炎"]
    assert QApplication.activeWindow() is dialog


def test_pulled_diagnoses_name_the_admission_and_working_main_once() -> None:
    from app.services.doc_pull import ChartFacts
    from ui.records.pull import text_for

    facts = ChartFacts(diagnoses=(("I20.000", "不稳定型心绞痛", "primary"),
                                  ("I20.000", "不稳定型心绞痛", "admission"),
                                  ("I10", "高血压", "secondary")))
    assert text_for("diagnoses", facts) == "1. 不稳定型心绞痛\n2. 高血压"
