"""执行单 as PDF (print exec-sheet) on the seeded demo ward, read back with poppler: a sheet per
kind with the ward, the day and page numbers on every page, each item's bed, name, 住院号, order
text, dose, route, frequency and planned time; one patient's sheet of one kind; long order text
wraps in its column and a row is never cut by a page break; every font embedded; each patient
printed is audited."""
# ruff: noqa: F811  (the fixtures imported from exec_db are the tests' parameters)
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.printing.exec_sheet import ExecSheetHeader, SheetRow, SheetSection, write_exec_sheets
from tests.unit.printing.exec_db import (  # noqa: F401  (fixtures)
    DAY,
    WARD,
    cli,
    exec_seeded_file,
    fonts_embedded,
    pages,
    pdf_text,
    print_audits,
    ward_url,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
MRN = "24310043"                # bed 8, 郑国庆: a grouped infusion (头孢曲松钠 in 0.9% saline) at 08:00


def test_the_wards_sheets_a_kind_each_with_the_header_on_every_page(ward_url: str, tmp_path: Path,
                                                                    capsys: Any) -> None:
    out = tmp_path / "sheets.pdf"
    code, stdout, stderr = cli(capsys, "print", "exec-sheet", "--url", ward_url, "--ward", WARD,
                               "--date", DAY.isoformat(), "--out", str(out))
    assert code == 0 and stderr == "", stderr
    assert "infusion,oral,injection,treatment" in stdout
    rows = fonts_embedded(out)
    assert rows and all(" yes yes " in r for r in rows), rows
    texts = [pdf_text(out, n) for n in range(1, pages(out) + 1)]
    titles = [next(t for t in ("输液执行单", "口服药执行单", "注射执行单", "治疗执行单") if t in text)
              for text in texts]
    assert titles[0] == "输液执行单"
    assert set(titles) == {"输液执行单", "口服药执行单", "注射执行单", "治疗执行单"}
    for text, title in zip(texts, titles):
        of = titles.count(title)
        assert "病区：内科一病区" in text and f"日期：{DAY.isoformat()}" in text
        assert f"/共{of}页" in text and "床号" in text and "住院号" in text and "执行护士签名" in text
    infusion = texts[0]
    assert "郑国庆" in infusion and MRN in infusion and "注射用头孢曲松钠2g" in infusion
    assert "0.9%氯化钠注射液100ml" in infusion and "静脉滴注" in infusion and "08:00" in infusion
    oral_pages = [t for t, title in zip(texts, titles) if title == "口服药执行单"]
    assert all(f"第{n}页/共{len(oral_pages)}页" in t for n, t in enumerate(oral_pages, 1))
    audits = print_audits(ward_url, "exec_sheet")
    assert len(audits) == int(stdout.rsplit(", ", 1)[1].split()[0])          # one a patient printed
    assert all(a.workstation.startswith("cli@") and a.after_data["day"] == DAY.isoformat() for a in audits)
    assert all(a.patient_id and a.after_data["items"] for a in audits)


def test_one_patients_infusion_sheet(ward_url: str, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "p.pdf"
    code, _stdout, stderr = cli(capsys, "print", "exec-sheet", "--url", ward_url, "--patient", MRN,
                               "--kind", "infusion", "--date", DAY.isoformat(), "--out", str(out))
    assert code == 0 and stderr == "", stderr
    assert pages(out) == 1
    text = pdf_text(out, 1)
    assert "输液执行单" in text and f"患者：8床郑国庆住院号{MRN}" in text
    assert "口服药执行单" not in text and "李桂兰" not in text                   # bed 5: not asked for
    assert "注射用头孢曲松钠2g" in text and "2g" in text and "100ml" in text
    [audit] = print_audits(ward_url, "exec_sheet")
    assert audit.after_data["kinds"] == ["infusion"]


def test_long_text_wraps_and_a_row_is_never_cut_by_a_page(tmp_path: Path) -> None:
    """Forty grouped infusions, each drug's name long enough to wrap: each row's first and last
    line are on the same page, and every page has the header and its number."""
    rows = tuple(SheetRow(str(n), "欧阳春华", f"2431{n:04d}",
                          ((f"┌首{n}号 0.9%氯化钠注射液 250ml 加入注射用盐酸左氧氟沙星 0.5g "
                            f"与注射用维生素C 2g 混合后缓慢静脉滴注，注意观察有无过敏反应 尾{n}号", "250ml"),
                           (f"└注射用头孢曲松钠 2g 末{n}号", "2g")),
                          "静脉滴注", "bid", "08:00", "40 gtt/min") for n in range(1, 41))
    out = tmp_path / "long.pdf"
    written = write_exec_sheets(ExecSheetHeader("示范医院", "内科一病区", date(2024, 6, 10)),
                                [SheetSection("infusion", rows)], out)
    assert written == pages(out) > 2
    texts = [pdf_text(out, n) for n in range(1, written + 1)]
    for n in range(1, 41):
        [where] = [p for p, t in enumerate(texts) if f"首{n}号" in t]
        assert f"尾{n}号" in texts[where] and f"末{n}号" in texts[where], n
    for p, text in enumerate(texts, start=1):
        assert "示范医院" in text and "输液执行单" in text and f"第{p}页/共{written}页" in text
        assert "医嘱内容" in text and "滴速：40gtt/min" in text
    assert all(" yes yes " in r for r in fonts_embedded(out))
