"""The chart's 护理记录 tab on the real services over a copy of the seeded demo database, driven by
the keys of ui/shortcuts.py: a 危重护理记录 with hourly intake/output typed line by line (an
impossible value refused at its field and kept), its 24 h total on the 体温单's bottom rows, a
correction that keeps the old line struck through; a Braden and a Morse assessment by keyboard
(an item left out refused) with the risk levels in the chart header."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tests.ui.conftest import commit_text, sign_in
from ui.qt import QApplication, Qt, is_alive

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot: Any, k: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k, modifier)


def nursing_of(qtbot: Any, window: Any, bed: int) -> Any:
    from app.services.demo_ids import demo_id

    sign_in(qtbot, window, "liufang", "demo-nurse1")
    window.open_patient(demo_id("encounter", bed))
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    window.action_set.actions["nursing_record"].trigger()      # 护理 ▸ 护理记录
    qtbot.waitUntil(lambda: page.nursing_tab is not None and page.nursing_tab.io is not None,
                    timeout=10_000)
    return page


def type_line(qtbot: Any, entry: Any, values: list[str], note: str = "") -> None:
    """From the time field: each value, Enter to the next field (combos keep their choice)."""
    from ui.qt import QLineEdit

    entry.edit("time").setFocus()
    for text in values:
        widget = QApplication.focusWidget()
        if text and isinstance(widget, QLineEdit):
            widget.selectAll()
            qtbot.keyClicks(widget, text)
        key(qtbot, Qt.Key.Key_Return)
    if note:
        commit_text(entry.edit("note"), note)


def test_a_critical_record_with_hourly_io_and_its_24_hours_on_the_chart(
        qtbot: Any, real_window: Any) -> None:
    from app.domain import vitals_due as due
    from app.printing import tempchart_model as tm

    page = nursing_of(qtbot, real_window, 12)                  # 病危: opens on 危重护理记录
    tab = page.nursing_tab
    assert tab.rec_type == "critical"
    rows0, base = tab.model.rowCount(), tab.io.totals           # the demo's lines since 07:00
    entry = tab.entry
    now = datetime.now().astimezone()
    start = due.io_window(due.io_day(now, now.tzinfo), now.tzinfo)[0].astimezone()
    # A time typed as HH:MM is today's: the lines go after the window's start and after midnight.
    start = max(start, now.replace(hour=0, minute=0, second=0, microsecond=0))
    step = timedelta(hours=1) if now - start > timedelta(hours=3, minutes=5) else timedelta(minutes=1)
    times = [(start + step * (i + 1)).strftime("%H:%M") for i in range(3)]
    # time, T, P, R, BP, SpO2, 意识 (combo), 瞳孔, 对光 L, 对光 R, 入量 kind, ml, 出量 kind, ml
    type_line(qtbot, entry, [times[0], "37.8", "300", "22", "96/60", "95", "", "3/3", "", "", "",
                             "100", "", "80"])
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "20–250" in entry.message.text(), timeout=5000)   # refused, its range
    assert entry.edit("pulse").hasFocus() and entry.edit("bp").text() == "96/60"   # nothing lost
    entry.edit("pulse").selectAll()
    qtbot.keyClicks(entry.edit("pulse"), "112")
    commit_text(entry.edit("note"), "神志清，予止血补液")
    key(qtbot, Qt.Key.Key_Return, CTRL)                        # signed on save
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows0 + 1, timeout=5000)
    for t, ml_in, ml_out in ((times[1], "150", "90"), (times[2], "50", "60")):
        before = tab.model.rowCount()
        type_line(qtbot, entry, [t, "", "", "", "", "", "", "", "", "", "", ml_in, "", ml_out])
        key(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda n=before: tab.model.rowCount() == n + 1, timeout=5000)
    qtbot.waitUntil(lambda: f"入量 {base.intake + 300} ml" in tab.io_label.text(), timeout=5000)
    assert f"出量 {base.output + 230} ml" in tab.io_label.text()
    assert f"尿量 {base.urine + 230} ml" in tab.io_label.text()
    mine = [i for i, x in enumerate(tab.model.lines) if x.id not in demo_ids()]
    assert len(mine) == 3 and tab.model.data(tab.model.index(mine[0], 2)) == "112"
    # F4 corrects the selected line: the old one stays, struck through, the new one below it.
    tab.table.setFocus()
    tab.table.selectRow(mine[2])
    key(qtbot, Qt.Key.Key_F4)
    assert entry.edit("reason").hasFocus() and entry.edit("intake_ml").text() == "50"
    entry.edit("intake_ml").setText("70")
    commit_text(entry.edit("reason"), "入量录错")
    entry.edit("reason").setFocus()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows0 + 4
                    and f"入量 {base.intake + 320} ml" in tab.io_label.text(), timeout=5000)
    row = next(i for i, x in enumerate(tab.model.lines) if x.state == "corrected")
    struck, fix = tab.model.line(row), tab.model.line(row + 1)
    assert struck.state == "corrected" and fix.replaces_id == struck.id
    assert tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.FontRole).strikeOut()
    real_window.grab().save("/tmp/nursingrec-critical.png")
    # The 体温单 tab: today's 24 h column shows the records' total.
    page.chart_tabs.setCurrentWidget(page.vitals_tab)
    qtbot.waitUntil(lambda: page.vitals_tab.week is not None, timeout=5000)
    chart = page.vitals_tab
    qtbot.waitUntil(lambda: any(r.intake == 70 for r in chart.week.record_io), timeout=5000)
    day = chart.week.days.index(due.io_day(now, now.tzinfo))
    x = tm.X0 + (day + 0.5) * tm.DAY_W
    texts = {round(t.y - tm.GRID_BOTTOM): t.params["text"] for t in chart.chart.page.of(tm.Text)
             if t.key == "text" and abs(t.x - x) < 0.01 and t.y > tm.GRID_BOTTOM}
    rows = {name: round(tm.bottom_y(name) + tm.ROW_H * 0.7 - tm.GRID_BOTTOM)
            for name in ("intake", "output", "urine")}
    assert (texts.get(rows["intake"]), texts.get(rows["output"]), texts.get(rows["urine"])) == \
        (str(base.intake + 320), str(base.output + 230), str(base.urine + 230))


def demo_ids() -> set[str]:
    from app.services.demo_ids import demo_id

    return {demo_id("nursing14", 12, n) for n in range(30)}


def pick_answers(qtbot: Any, dialog: Any, digits: list[str]) -> None:
    """Type each answer's points into its item, Enter to the next item."""
    combos = list(dialog.combos.values())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: combos[0].hasFocus(), timeout=3000)
    for combo, d in zip(combos, digits):
        assert combo.hasFocus()
        qtbot.keyClicks(combo, d)
        qtbot.keyClick(combo, Qt.Key.Key_Return)


def test_braden_and_morse_by_keyboard_with_the_levels_in_the_header(
        qtbot: Any, real_window: Any) -> None:
    page = nursing_of(qtbot, real_window, 5)
    tab = page.nursing_tab
    tab.table.setFocus()
    key(qtbot, Qt.Key.Key_1, CTRL)                             # Braden
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=3000)
    braden = tab.dialog
    assert braden.scale == "braden"
    pick_answers(qtbot, braden, ["2", "2", "1", "2", "2"])     # 摩擦力 left out
    assert "尚有 1 项未填" in braden.total_label.text()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert "摩擦力和剪切力" in braden.message.text() and braden.isVisible()
    assert braden.combos["friction"].hasFocus()
    qtbot.keyClicks(braden.combos["friction"], "1")
    assert "总分 10" in braden.total_label.text() and "高度危险" in braden.total_label.text()
    assert "下次评估" in braden.due_label.text()
    braden.grab().save("/tmp/nursingrec-braden.png")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not is_alive(braden), timeout=5000)    # signed and closed
    qtbot.waitUntil(lambda: "压疮 高度危险 10" in page.header_widget.risk_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: tab.table.hasFocus(), timeout=3000)
    key(qtbot, Qt.Key.Key_2, CTRL)                             # Morse
    qtbot.waitUntil(lambda: tab.dialog is not braden and is_alive(tab.dialog)
                    and tab.dialog.isVisible(), timeout=3000)
    morse = tab.dialog
    pick_answers(qtbot, morse, ["25", "15", "15", "20", "10", "0"])
    assert "总分 85" in morse.total_label.text()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "跌倒 高危 85" in page.header_widget.risk_label.text(), timeout=5000)
    text = page.header_widget.risk_label.text()
    assert text.index("跌倒") < text.index("压疮") and "#c62828" in text
    qtbot.wait(50)                                             # the header lays out its new line
    real_window.grab().save("/tmp/nursingrec-header.png")


def test_a_general_line_confirmed_by_typing_again_then_voided(qtbot: Any, real_window: Any) -> None:
    page = nursing_of(qtbot, real_window, 3)
    tab = page.nursing_tab
    assert tab.rec_type == "general" and not tab.entry.fields["intake_ml"].isVisibleTo(tab)
    rows0 = tab.model.rowCount()
    entry = tab.entry
    type_line(qtbot, entry, ["", "36.9", "190", "20", "", ""], note="活动后心悸，已通知医生")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "请再次录入确认" in entry.message.text(), timeout=5000)
    assert entry.edit("pulse").hasFocus() and entry.edit("pulse").text() == ""   # typed again
    assert entry.edit("temp").text() == "36.9" and tab.model.rowCount() == rows0
    qtbot.keyClicks(entry.edit("pulse"), "190")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows0 + 1, timeout=5000)
    row = tab.model.rowCount() - 1
    assert tab.model.data(tab.model.index(row, 2)) == "190"
    tab.table.setFocus()
    tab.table.selectRow(row)
    key(qtbot, Qt.Key.Key_F7)                                  # void, with a reason
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=3000)
    dialog = tab.dialog
    dialog.activateWindow()
    commit_text(dialog.fields["reason"], "记错患者")
    qtbot.keyClick(dialog.fields["reason"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.line(row) is not None and tab.model.line(row).state == "voided",
                    timeout=5000)
    assert tab.model.rowCount() == rows0 + 1                   # still there, struck through
    assert "记错患者" in tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
