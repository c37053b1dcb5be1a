"""The 体温单 PDF read back with poppler: the CJK font embedded, the form's words and the patient
on the page, one page a week, and no file left behind when the print is not recorded."""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.printing import tempchart_model as tm
from app.printing.tempchart_pdf import write_chart_pdf
from tests.unit.printing.chart_week import ZONE, febrile_week

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _text(pdf: Path, mode: str = "-layout") -> str:
    return subprocess.run(["pdftotext", mode, str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_week_embeds_its_font_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    write_chart_pdf([tm.build_page(febrile_week(), ZONE)], out, "体温单 郑国庆")
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes " in r and "WenQuanYi" in r for r in rows), fonts
    text = _text(out)
    flat = "".join(text.split())
    assert "体温单" in flat and "郑国庆" in text and "ZY2026001" in text
    for word in ("住院天数", "手术后天数", "呼吸(次/分)", "血压(mmHg)", "1490/C", "1/E", "卧床", "青霉素(-)"):
        assert word in text, word
    drawn = "".join(_text(out, "-raw").split())            # in drawing order: the vertical texts
    assert "入院于十时二十分" in drawn and "拒测" in drawn and "不升" in drawn


def test_the_whole_stay_is_a_page_a_week(tmp_path: Path) -> None:
    week = febrile_week()
    pages = [tm.build_page(dataclasses.replace(week, week_no=n, weeks=3), ZONE) for n in (1, 2, 3)]
    out = tmp_path / "stay.pdf"
    write_chart_pdf(pages, out, "体温单")
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+3\n", info) and "595.276 x 841.89 pts (A4)" in info
    for n in (1, 2, 3):
        page = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(out), "-"], check=True,
                              capture_output=True, text=True).stdout
        assert f"第{n}周" in "".join(page.split())


def test_a_failed_record_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"

    def refuse() -> None:
        raise RuntimeError("the print could not be recorded")

    with pytest.raises(RuntimeError):
        write_chart_pdf([tm.build_page(febrile_week(), ZONE)], out, "体温单", before_publish=refuse)
    assert list(tmp_path.iterdir()) == []
