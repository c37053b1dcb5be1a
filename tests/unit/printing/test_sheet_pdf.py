"""The 医嘱单 PDF read back with poppler: every font embedded, the text where the rows are, a
continuation page holding only the new ink, and the rendered page equal to its golden image."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app.printing import order_sheets
from app.printing.fonts import PrintError
from app.printing.sheet_layout import LONG_SHEET, TEMP_SHEET, PrintLine, placements_after, plan_sheet
from tests.unit.printing.golden import assert_matches_golden

HEADER = order_sheets.SheetHeader("演示医院", "吴淑珍", "内科", "内科一病区", "7", "26310036")
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute)              # naive: shown as given


def sample() -> list[PrintLine]:
    return [
        PrintLine("a", at(1, 12, 30), "二级护理", "张伟", "刘芳"),
        PrintLine("b", at(1, 12, 40), "内科护理常规", "张伟", "刘芳"),
        PrintLine("c", at(1, 12, 42), "┌0.9%氯化钠注射液 250ml ivgtt qd 40 gtt/min", "李明", "刘芳",
                  stop=at(2, 9, 5), stop_doctor="李明", stop_nurse="赵丽"),
        PrintLine("d", at(1, 12, 42), "└注射用头孢曲松钠 2g", "李明", "刘芳",
                  stop=at(2, 9, 5), stop_doctor="李明", stop_nurse="赵丽"),
        PrintLine("e", at(2, 9, 10), "术后医嘱", "李明", "赵丽", red=True),
        PrintLine("f", at(2, 9, 12), "低分子肝素钙注射液 4100IU 皮下注射 qd，术后第一天开始，"
                  "注意观察穿刺部位出血及血小板计数变化", "李明", "赵丽"),
        PrintLine("g", at(2, 9, 15), "氯化钾缓释片 1g po tid", "李明", "", cancelled=True),
    ]


def words(pdf: Path) -> list[tuple[str, float, float]]:
    """(word, x mm, y-top mm) of every word on page 1 (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    import re

    out = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
    for m in re.finditer(pattern, html):
        out.append((m.group(4), float(m.group(1)) / order_sheets.MM, float(m.group(3)) / order_sheets.MM))
    return out


def row_of(y_bottom_mm: float) -> int:
    return int((y_bottom_mm - LONG_SHEET.top_mm) // LONG_SHEET.row_mm)


def test_the_whole_sheet_embeds_its_font_and_puts_each_line_on_its_row(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    plan = plan_sheet(LONG_SHEET, sample(), [], order_sheets.measure_mm)
    assert order_sheets.write_whole(plan, HEADER, out) == [1]
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes " in r for r in rows), fonts          # embedded and subset
    found = words(out)
    text = " ".join(w for w, _x, _y in found)
    for expected in ("长期医嘱单", "吴淑珍", "26310036", "二级护理", "术后医嘱", "取消", "赵丽"):
        assert expected in text
    rows_by_word = {w: row_of(y) for w, _x, y in found if y > LONG_SHEET.top_mm}
    assert rows_by_word["二级护理"] == 0 and rows_by_word["术后医嘱"] == 4
    assert rows_by_word["取消"] == plan.lines[-1].row                # over the voided line's row
    wrapped = next(p for p in plan.lines if p.line.order_id == "f")
    assert len(wrapped.wrapped) >= 2                                  # long content wraps onto rows
    assert rows_by_word["氯化钾缓释片"] == wrapped.row + len(wrapped.wrapped)


def test_a_continuation_page_holds_only_the_new_ink(tmp_path: Path) -> None:
    first = sample()[:3]
    first = [*first[:2], PrintLine("c", at(1, 12, 42), "0.9%氯化钠注射液 250ml", "李明", "刘芳")]
    paper = placements_after(plan_sheet(LONG_SHEET, first, [], order_sheets.measure_mm))
    now = [*sample()[:2], PrintLine("c", at(1, 12, 42), "0.9%氯化钠注射液 250ml", "李明", "刘芳",
                                    stop=at(2, 9, 5), stop_doctor="李明", stop_nurse="赵丽"),
           PrintLine("h", at(2, 10, 0), "地高辛片 0.125mg po qd", "李明", "赵丽")]
    plan = plan_sheet(LONG_SHEET, now, paper, order_sheets.measure_mm)
    out = tmp_path / "cont.pdf"
    assert order_sheets.write_continuation(plan, HEADER, out, plan.fresh_pages(paper)) == [1]
    found = words(out)
    text = [w for w, _x, _y in found]
    assert "长期医嘱单" not in text and "二级护理" not in text           # the paper has them already
    assert "地高辛片" in text and "12-02" in text
    rows = {w: row_of(y) for w, _x, y in found}
    assert rows["地高辛片"] == 3                                      # the next free row
    stop_x = LONG_SHEET.column_x("stop_date")[0]
    stop_words = [(w, row_of(y)) for w, x, y in found if x >= stop_x - 0.5]
    assert ("12-02", 2) in stop_words                                # into order c's own row


def test_the_rendered_page_matches_its_golden_image(tmp_path: Path) -> None:
    for name, spec in (("long-orders", LONG_SHEET), ("temp-orders", TEMP_SHEET)):
        out = tmp_path / f"{name}.pdf"
        order_sheets.write_whole(plan_sheet(spec, sample(), [], order_sheets.measure_mm), HEADER, out)
        assert_matches_golden(out, name)


def test_an_unwritable_output_leaves_no_file_and_says_so(tmp_path: Path) -> None:
    plan = plan_sheet(LONG_SHEET, sample(), [], order_sheets.measure_mm)
    with pytest.raises(PrintError) as err:
        order_sheets.write_whole(plan, HEADER, tmp_path / "missing-dir" / "x.pdf")
    assert err.value.message_id == "print.bad_output"

    def refuse() -> None:
        raise RuntimeError("the record failed")

    out = tmp_path / "never.pdf"
    with pytest.raises(RuntimeError):
        order_sheets.write_whole(plan, HEADER, out, before_publish=refuse)
    assert list(tmp_path.iterdir()) == []                               # no PDF, no temporary file
