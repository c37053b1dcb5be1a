"""`print long-orders` / `print temp-orders` as IT runs them (real processes), on SQLite and the
real PostgreSQL: the whole sheet, then three rounds of new and stopped orders printed with
--continue landing at the rows the paper expects, a reprint audited, bad input one line and no
file. PDFs are read back with poppler (pdftotext -bbox)."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import new_id
from app.printing.order_sheets import MM
from app.printing.sheet_layout import LONG_SHEET
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import audit_rec, encounter, med_order, patient, sheet_print
from tests.dbdrivers.clirun import assert_one_line_failure, run_cli, seeded_url

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
DOCTOR, NURSE, WS = demo_id("staff", "liming"), demo_id("staff", "liufang"), "pc-print"
MRN = "26310036"                                                        # bed 7 of the demo ward


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def url(request: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """One seeded ward per engine for this module (the bad-input test changes nothing)."""
    return seeded_url(request, tmp_path_factory, "print")


def words(pdf: Path, page: int = 1) -> list[tuple[str, float, float]]:
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [(m.group(4), float(m.group(1)) / MM, float(m.group(3)) / MM) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', html)]


def row_of(y_mm: float) -> int:
    return int((y_mm - LONG_SHEET.top_mm) // LONG_SHEET.row_mm)


def new_signed_order(db: Database, enc: str, content: str, drug: Optional[str] = None) -> str:
    oid = new_id()
    fields = oc.OrderFields(term="long", category="drug" if drug else "nursing", content=content,
                            drug_code=drug, dose=Decimal("0.125") if drug else None,
                            dose_unit="mg" if drug else None, route_code="po" if drug else None,
                            freq_code="qd", start_at=utcnow())
    run_command(db, WS, oc.SaveDraft(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                     encounter_id=enc, order_id=oid, base_version=0, fields=fields))
    run_command(db, WS, oc.SignOrders(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                      encounter_id=enc, order_ids=(oid,), base_versions=(1,)))
    return oid


def stop(db: Database, oid: str) -> None:
    with db.connect() as conn:
        v = conn.execute(select(med_order.c.version).where(med_order.c.id == oid)).scalar_one()
    run_command(db, WS, oc.StopOrder(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                     order_id=oid, base_version=int(v), reason=None,
                                     stop_at=utcnow() + timedelta(minutes=1)))


def print_sheet(url: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("print", "long-orders", "--url", url, "--patient", MRN, "--out", str(out), *extra)


def test_whole_then_three_continuations_land_on_their_rows(url: str, tmp_path: Path) -> None:
    db = open_database(url)
    try:
        with db.connect() as conn:
            enc = conn.execute(select(encounter.c.id).join(patient, patient.c.id == encounter.c.patient_id)
                               .where(patient.c.mrn == MRN)).scalar_one()
            live = [r.id for r in conn.execute(select(med_order.c.id).where(med_order.c.encounter_id == enc)
                    .where(med_order.c.term == "long").where(med_order.c.status.in_(("verified", "active")))
                    .order_by(med_order.c.start_at))]
        whole = tmp_path / "whole.pdf"
        proc = print_sheet(url, whole)
        assert proc.returncode == 0, proc.stderr
        first = words(whole)
        text = " ".join(w for w, _x, _y in first)
        assert "长期医嘱单" in text and "吴淑珍" in text and MRN in text
        with db.connect() as conn:
            lines_before = conn.execute(select(func.count()).select_from(sheet_print)
                                        .where(sheet_print.c.encounter_id == enc)).scalar_one()
        assert lines_before >= 4
        next_row = lines_before                       # the demo's bed 7 has one row per order

        stop_x = LONG_SHEET.column_x("stop_date")[0]
        rounds = [("氧气吸入", None, live[0]), ("地高辛片 0.125mg", "C01AA05.01", live[1]),
                  ("测血压", None, None)]
        for n, (content, drug, stopped) in enumerate(rounds, start=1):
            oid = new_signed_order(db, enc, content, drug)
            if stopped:
                stop(db, stopped)
            out = tmp_path / f"round{n}.pdf"
            proc = print_sheet(url, out, "--continue")
            assert proc.returncode == 0, proc.stderr
            found = words(out)
            shown = [w for w, _x, _y in found]
            assert "长期医嘱单" not in shown                 # the sheet in the printer has its header
            head = content.split()[0]
            assert [row_of(y) for w, _x, y in found if w == head] == [next_row], (content, found)
            with db.connect() as conn:
                placed = conn.execute(select(sheet_print.c.row_no).where(sheet_print.c.order_id == oid)
                                      .where(sheet_print.c.what == "line")).scalar_one()
                stopped_row = None if stopped is None else conn.execute(
                    select(sheet_print.c.row_no).where(sheet_print.c.order_id == stopped)
                    .where(sheet_print.c.what == "line")).scalar_one()
            assert placed == next_row
            stop_cells = {row_of(y) for _w, x, y in found if x >= stop_x - 0.5}
            assert stop_cells == ({stopped_row} if stopped else set())
            next_row += 1

        again = tmp_path / "again.pdf"
        proc = print_sheet(url, again, "--continue")
        assert proc.returncode == 0 and "nothing new" in proc.stdout and not again.exists()

        proc = print_sheet(url, tmp_path / "reprint.pdf", "--pages", "1")
        assert proc.returncode == 0, proc.stderr
        with db.connect() as conn:
            kinds = [r.after_data for r in conn.execute(select(audit_rec.c.after_data)
                     .where(audit_rec.c.action == "print").where(audit_rec.c.entity_id == enc)
                     .order_by(audit_rec.c.at, audit_rec.c.chain_seq))]
        assert [k["kind"] for k in kinds] == [
            "whole", "continuation", "continuation", "continuation", "reprint"]
    finally:
        db.dispose()


def test_bad_input_is_one_line_and_leaves_no_file(url: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    line = assert_one_line_failure(run_cli("print", "long-orders", "--url", url, "--patient", "999",
                                           "--out", str(out)))
    assert "no patient" in line and not out.exists()
    line = assert_one_line_failure(print_sheet(url, tmp_path / "no-such-dir" / "x.pdf"))
    assert "cannot write" in line
    line = assert_one_line_failure(print_sheet(url, out, "--pages", "9"))
    assert "page 9 does not exist" in line and not out.exists()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".wardstation-*")) == []
