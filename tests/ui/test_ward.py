"""Ward view: cards and list agree, numeric bed sort, filter (pinyin, Chinese, bed), counts, header."""
from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import commit_text, sign_in
from ui.qt import Qt
from ui.ward_model import COL_ALLERGY, COL_BED, COL_DAYS, COL_NAME, ROW_ROLE


def table_beds(window: Any) -> list[str]:
    view = window.ward_view.table_view
    model = view.model()
    return [str(model.index(r, COL_BED).data()) for r in range(model.rowCount())]


def card_beds(window: Any) -> list[str]:
    """Bed numbers in the order a reader sees the cards: top to bottom, left to right."""
    view = window.ward_view.card_view
    model = view.model()
    cards = []
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        rect = view.visualRect(index)
        cards.append((rect.top(), rect.left(), index.data(ROW_ROLE).card.bed_no))
    return [bed for _top, _left, bed in sorted(cards)]


def double_click(qtbot: Any, view: Any, index: Any) -> None:
    """A real double click: press/release, then the double-click event (QTest sends only the latter)."""
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def click_header(qtbot: Any, window: Any, column: int) -> None:
    header = window.ward_view.table_view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(x, header.height() // 2))


def test_cards_and_list_show_the_same_beds_in_the_same_order(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "nurse")
    assert card_beds(window) == table_beds(window)
    window.ward_view.set_mode("list")
    click_header(qtbot, window, COL_DAYS)
    click_header(qtbot, window, COL_DAYS)          # descending: longest stay first
    beds = table_beds(window)
    assert beds[0] == "9"                          # 30 days
    window.ward_view.set_mode("cards")
    assert card_beds(window) == beds


def test_bed_numbers_sort_as_numbers(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "doctor")
    window.ward_view.set_mode("list")
    click_header(qtbot, window, COL_NAME)
    click_header(qtbot, window, COL_BED)
    beds = table_beds(window)
    assert beds == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "21"]
    click_header(qtbot, window, COL_BED)
    assert table_beds(window) == list(reversed(beds))


def test_filter_by_pinyin_initials_name_and_bed(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "nurse")
    edit = window.ward_view.filter_edit
    qtbot.keyClicks(edit, "ly")
    assert table_beds(window) == ["4"]                      # 刘洋
    assert card_beds(window) == ["4"]
    edit.clear()
    qtbot.keyClicks(edit, "sl")                             # 单丽: 单 read shan as a surname
    assert table_beds(window) == ["7"]
    edit.clear()
    commit_text(edit, "秀兰")
    assert edit.text() == "秀兰"
    assert table_beds(window) == ["12"]
    edit.clear()
    qtbot.keyClicks(edit, "10")
    assert table_beds(window) == ["10"]
    edit.clear()
    assert len(table_beds(window)) == 13
    # counts are about the ward, not the filter
    qtbot.keyClicks(edit, "ly")
    assert "在院 10" in window.ward_view.counts_label.text()


def test_counts_line(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "headnurse")
    text = window.ward_view.counts_label.text()
    for part in ("在院 10", "空床 3", "病危 1", "病重 2", "特级护理 1", "一级护理 3", "过敏 3"):
        assert part in text


def test_list_cells_are_readable(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "doctor")
    model = window.ward_view.proxy
    rows = {model.index(r, COL_BED).data(): r for r in range(model.rowCount())}
    r4 = rows["4"]
    values = [model.index(r4, c).data() for c in range(model.columnCount())]
    assert values[:8] == ["4", "刘洋", "男", "72岁", "20", "特级", "病危", "头孢类、碘造影剂"]
    assert model.index(rows["3"], COL_NAME).data() == "空床"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["床号", "姓名", "性别"]
    assert model.index(99, 0).data() is None and model.index(r4, 99).data() is None


def test_double_click_opens_the_patient_header(qtbot: Any, window: Any, backend: Any) -> None:
    sign_in(qtbot, window, "doctor")
    view = window.ward_view.card_view
    index = next(view.model().index(r, 0) for r in range(view.model().rowCount())
                 if view.model().index(r, 0).data(ROW_ROLE).card.bed_no == "4")
    double_click(qtbot, view, index)
    qtbot.waitUntil(lambda: window.tabs.count() == 2 and window.tabs.tabText(1) == "4床 刘洋", timeout=3000)
    page = window.tabs.widget(1)
    header = page.header_widget
    assert header.name_label.text() == "刘洋"
    assert header.fields["mrn"][1].text() == "ZY202600003"
    assert "头孢类" in header.allergy_label.text()
    assert "d32f2f" in header.allergy_label.styleSheet()         # allergies in red
    assert "病危" in header.badge_label.text()
    assert header.fields["days"][1].text() == "20天"
    assert "open_chart" in backend.calls
    # an empty bed opens nothing
    empty = next(view.model().index(r, 0) for r in range(view.model().rowCount())
                 if not view.model().index(r, 0).data(ROW_ROLE).card.occupied)
    double_click(qtbot, view, empty)
    assert window.tabs.count() == 2


def test_keyboard_opens_a_patient_from_the_list(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "nurse")
    window.ward_view.set_mode("list")
    view = window.ward_view.table_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=3000)
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "2床 李娜", timeout=3000)


def test_lists_read_naturally_in_each_language(qtbot: Any, window: Any) -> None:
    sign_in(qtbot, window, "headnurse")
    proxy = window.ward_view.proxy
    bed4 = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "4")
    assert proxy.index(bed4, COL_ALLERGY).data() == "头孢类、碘造影剂"
    assert "护士长、护士" in window.status.user_label.text()
    window.action_set.actions["lang_en"].trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Ward overview", timeout=2000)
    assert proxy.index(bed4, COL_ALLERGY).data() == "头孢类, 碘造影剂"
    assert "(Head nurse, Nurse)" in window.status.user_label.text()


@pytest.mark.parametrize("width", [1024, 1366, 1920])
def test_bed_cards_fill_each_row(qtbot: Any, window: Any, width: int) -> None:
    sign_in(qtbot, window, "nurse")
    window.ward_view.set_mode("cards")
    window.resize(width, 740)
    view = window.ward_view.card_view

    def right_gap() -> int:
        rects = [view.visualRect(view.model().index(r, 0)) for r in range(view.model().rowCount())]
        first_row = [r for r in rects if r.top() == rects[0].top()]
        return view.viewport().width() - max(r.right() for r in first_row)

    # No empty band after the last card of a row: at most a few pixels of margin remain.
    qtbot.waitUntil(lambda: 0 <= right_gap() <= 16, timeout=3000)


# ---- the Ctrl+F contract (issue 11): Enter opens the first match, never a patient that does not match

def _ctrl_f(qtbot: Any, window: Any, text: str) -> None:
    window.tabs.setCurrentIndex(0)
    window.ward_view.card_view.setFocus()
    qtbot.keyClick(window.ward_view.card_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    edit = window.ward_view.filter_edit
    assert edit.hasFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _opened(qtbot: Any, window: Any) -> Any:
    qtbot.waitUntil(lambda: window.tabs.currentIndex() > 0, timeout=5000)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    assert page.chart_tabs.currentWidget() is page.orders_holder       # on its 医嘱 tab
    return page


def test_ctrl_f_a_zhuyuanhao_opens_exactly_that_patient(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, "liming", "demo-doctor1")
    cards = {r.card.bed_no: r.card for r in window.ward_view.model.rows() if r.card.occupied}
    bed1, bed26 = cards["1"], cards["26"]
    assert bed1.mrn.startswith("26")          # the reported case: 住院号 26310001 vs bed 26
    _ctrl_f(qtbot, window, bed1.mrn)
    page = _opened(qtbot, window)
    assert page.header_widget.fields["mrn"][1].text() == bed1.mrn
    assert page.header_widget.name_label.text() == bed1.name
    assert window.tabs.tabText(window.tabs.currentIndex()) == f"1床 {bed1.name}"
    # the bed number itself still means the bed, exactly
    _ctrl_f(qtbot, window, "26")
    page = _opened(qtbot, window)
    assert page.header_widget.fields["mrn"][1].text() == bed26.mrn
    # typing a 住院号 on the cards (not in the filter) filters too: no keyboard search to bed 26
    window.tabs.setCurrentIndex(0)
    window.ward_view.filter_edit.clear()
    window.ward_view.card_view.setFocus()
    qtbot.keyClicks(window.ward_view.card_view, bed1.mrn[:1])
    assert window.ward_view.filter_edit.hasFocus()
    qtbot.keyClicks(window.ward_view.filter_edit, bed1.mrn[1:])
    assert [r.card.bed_no for r in (window.ward_view.proxy.row_at(i)
                                    for i in range(window.ward_view.proxy.rowCount()))] == ["1"]
    qtbot.keyClick(window.ward_view.filter_edit, Qt.Key.Key_Return)
    assert _opened(qtbot, window).header_widget.fields["mrn"][1].text() == bed1.mrn


def test_ctrl_f_with_no_match_opens_nothing_and_says_so(qtbot: Any, real_window: Any) -> None:
    window = real_window
    sign_in(qtbot, window, "liming", "demo-doctor1")
    for text in ("99999999", "263", "zzq9"):
        _ctrl_f(qtbot, window, text)
        qtbot.wait(200)
        assert window.tabs.count() == 1 and window.tabs.currentIndex() == 0
        assert window.ward_view.match_label.text() == "无匹配患者"
        assert window.ward_view.proxy.rowCount() == 0


def test_match_rank_is_exact_meaning() -> None:
    from app.domain.ward import BedCard
    from ui.operations.ward import BedRow
    from ui.ward_model import match_rank

    def row(bed: str, mrn: str, name: str = "赵德明", initials: tuple[str, ...] = ("zdm",)) -> BedRow:
        return BedRow(BedCard(bed_id="b" + bed, bed_no=bed, sort_key=int(bed), encounter_id="e" + bed,
                              patient_id="p" + bed, name=name, mrn=mrn), initials)

    bed26, bed1 = row("26", "26310148", "吕美玲", ("lml",)), row("1", "26310001")
    assert match_rank(bed26, "26310001") is None           # a bed number is never a prefix match
    assert match_rank(bed1, "26310001") is not None
    assert match_rank(bed26, "26") is not None and match_rank(bed1, "26") is None
    assert match_rank(bed26, "26床") is not None
    assert match_rank(bed1, "2") is None and match_rank(bed1, "1") is not None
    assert match_rank(bed1, "2631") is not None             # 住院号 prefix from 4 digits
    assert match_rank(bed1, "zdm") is not None and match_rank(bed1, "德明") is not None
    assert match_rank(bed1, "0001") is None                 # not a 住院号 fragment
