"""`print temperature-chart` as IT runs it (real processes), on SQLite and the real PostgreSQL:
a patient's whole stay a page a week, its last weeks, the whole ward in bed order in one PDF,
every print audited, and bad input one line on stderr with no file left behind. The PDFs are
read back with poppler (pdfinfo, pdffonts, pdftotext)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.store.db import open_database
from app.store.schema import audit_rec, bed, encounter, patient, ward
from tests.dbdrivers.clirun import assert_one_line_failure, run_cli, seeded_url

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
MRN = "26310057"                               # bed 10 of the demo ward, in hospital since 11-19
WARD = "NK01"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def url(request: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    return seeded_url(request, tmp_path_factory, "chart")


def chart(url: str, out: Path, *who: str) -> subprocess.CompletedProcess[str]:
    return run_cli("print", "temperature-chart", "--url", url, *who, "--out", str(out), timeout=180)


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found, info
    return int(found.group(1))


def page_text(pdf: Path, page: int) -> str:
    return "".join(subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], check=True,
                                  capture_output=True, text=True).stdout.split())


def chart_prints(url: str) -> list[Any]:
    db = open_database(url)
    try:
        with db.connect() as conn:
            return list(conn.execute(
                select(audit_rec.c.entity_id, audit_rec.c.after_data, audit_rec.c.workstation)
                .where(audit_rec.c.action == "print").where(audit_rec.c.entity == "temperature_chart")
                .order_by(audit_rec.c.chain_seq)))
    finally:
        db.dispose()


def test_a_patients_stay_then_its_last_week(url: str, tmp_path: Path) -> None:
    before = len(chart_prints(url))
    out = tmp_path / "chart.pdf"
    proc = chart(url, out, "--patient", MRN)
    assert proc.returncode == 0, proc.stderr
    assert "3 pages" in proc.stdout and proc.stderr == ""
    assert pages(out) == 3                                        # 15 days: three weeks
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    assert all(" yes yes " in r for r in fonts.splitlines()[2:]), fonts
    for n in (1, 2, 3):
        text = page_text(out, n)
        assert "体温单" in text and "冯立新" in text and MRN in text and f"第{n}周" in text
    assert "住院天数" in page_text(out, 1) and "15" in page_text(out, 3)

    last = tmp_path / "last.pdf"
    proc = chart(url, last, "--patient", MRN, "--weeks", "1")
    assert proc.returncode == 0, proc.stderr
    assert pages(last) == 1 and "第3周" in page_text(last, 1)
    prints = chart_prints(url)[before:]
    assert [p.after_data["weeks"] for p in prints] == [[1, 2, 3], [3]]
    assert all(p.workstation.startswith("cli@") for p in prints)


def test_the_whole_ward_in_bed_order(url: str, tmp_path: Path) -> None:
    db = open_database(url)
    try:
        with db.connect() as conn:
            ward_id = conn.execute(select(ward.c.id).where(ward.c.code == WARD)).scalar_one()
            names = [r.name for r in conn.execute(
                select(patient.c.name).join(encounter, encounter.c.patient_id == patient.c.id)
                .join(bed, bed.c.id == encounter.c.bed_id).where(encounter.c.ward_id == ward_id)
                .where(encounter.c.status == "admitted").order_by(bed.c.sort_key))]
    finally:
        db.dispose()
    before = len(chart_prints(url))
    out = tmp_path / "ward.pdf"
    proc = chart(url, out, "--ward", WARD, "--weeks", "1")
    assert proc.returncode == 0, proc.stderr
    assert f"{len(names)} patients" in proc.stdout
    assert "temperature chart" in proc.stderr.splitlines()[-1]   # the progress line
    assert pages(out) == len(names)                               # the last week of each
    assert [n for n in names if n in page_text(out, 1)] == [names[0]]
    for i, name in enumerate(names, start=1):
        assert name in page_text(out, i)
    assert len(chart_prints(url)) - before == len(names)


def test_bad_input_is_one_line_and_leaves_no_file(url: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    before = len(chart_prints(url))
    line = assert_one_line_failure(chart(url, out, "--patient", "999"))
    assert "no patient with 住院号 999" in line
    line = assert_one_line_failure(chart(url, out, "--ward", "XX99"))
    assert "no ward with code XX99" in line
    line = assert_one_line_failure(chart(url, tmp_path / "no-such-dir" / "x.pdf", "--patient", MRN))
    assert "cannot write" in line
    line = assert_one_line_failure(chart(url, tmp_path, "--patient", MRN))
    assert "cannot write" in line
    line = assert_one_line_failure(chart(url, out, "--patient", MRN, "--weeks", "0"))
    assert "--weeks" in line
    assert list(tmp_path.iterdir()) == [] and len(chart_prints(url)) == before
