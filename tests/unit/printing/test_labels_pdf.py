"""瓶签 (print labels) on the seeded demo ward: a label a page at the ward's label size (80 x 50 mm
by default, a 病区设置), one for each infusion item not given yet (a group: one label with every
drug), with bed, name, 住院号, drugs and doses, route, frequency and time; each page rendered by
pdftoppm and its Code 128 barcode decoded with zxing-cpp gives back the item's execution id."""
# ruff: noqa: F811  (the fixtures imported from exec_db are the tests' parameters)
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.domain.execution import label_code, plan_id_of_label
from tests.unit.printing.exec_db import (  # noqa: F401  (fixtures)
    WARD,
    cli,
    exec_seeded_file,
    fonts_embedded,
    page_size_pt,
    pages,
    pdf_text,
    plan_day,
    print_audits,
    tomorrow,
    ward_url,
)
from tests.unit.services.conftest import NOW

zxingcpp = pytest.importorskip("zxingcpp")
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
MM_PT = 72 / 25.4


def decoded(pdf: Path, page: int, dpi: int = 300) -> list[str]:
    """The page as a PNG, as a scanner sees it: the Code 128 codes found on it."""
    from PIL import Image

    stem = pdf.with_name(f"{pdf.stem}-{page}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(pdf), str(stem)], check=True)
    with Image.open(f"{stem}.png") as image:
        found = zxingcpp.read_barcodes(image)
    return [r.text for r in found if r.format == zxingcpp.BarcodeFormat.Code128]


def open_infusions(url: str) -> list[Any]:
    """Tomorrow's infusion items as the execution screen lists them, in the labels' order."""
    from app.services import exec_printing as ep
    from app.store.db import open_database

    db = open_database(url)
    try:
        with db.connect() as conn:
            scope = ep.ward_scope(conn, WARD)
            return [i for i in ep.day_items(conn, scope, tomorrow(), NOW) if i.sheet == "infusion"]
    finally:
        db.dispose()


def test_a_label_per_infusion_whose_barcode_is_its_execution_id(ward_url: str, tmp_path: Path,
                                                                capsys: Any) -> None:
    plan_day(ward_url, tomorrow())
    items = open_infusions(ward_url)
    assert len(items) >= 5 and any(len(i.drugs) > 1 for i in items)
    out = tmp_path / "labels.pdf"
    code, stdout, stderr = cli(capsys, "print", "labels", "--url", ward_url, "--ward", WARD,
                               "--date", tomorrow().isoformat(), "--out", str(out))
    assert code == 0 and stderr == "", stderr
    assert f"{len(items)} infusion labels (80x50 mm, {len(items)} pages)" in stdout
    assert pages(out) == len(items)
    width, height = page_size_pt(out)
    assert abs(width - 80 * MM_PT) < 0.5 and abs(height - 50 * MM_PT) < 0.5
    assert all(" yes yes " in r for r in fonts_embedded(out))
    for n, item in enumerate(items, start=1):
        [scanned] = decoded(out, n)
        assert scanned == label_code(item.plan_id) and plan_id_of_label(scanned) == item.plan_id
        text = pdf_text(out, n)
        assert f"{item.bed_no}床" in text and item.patient_name in text and f"住院号{item.mrn}" in text
        assert all("".join(d.content.split()) in text for d in item.drugs)      # a group: every drug
        assert item.route_name in text and (item.freq_code or "") in text
        assert item.planned_at.astimezone().strftime("%H:%M") in text
    audits = print_audits(ward_url, "infusion_label")
    assert sorted(p for a in audits for p in a.after_data["items"]) == sorted(i.plan_id for i in items)


def test_the_label_size_is_the_wards_setting_and_still_scans(ward_url: str, tmp_path: Path,
                                                             capsys: Any) -> None:
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.ward_settings_cmds import SaveWardSettings
    from app.services.write import run_command
    from app.store.db import open_database

    db = open_database(ward_url)
    try:
        run_command(db, "pc-head", SaveWardSettings(op_id=new_id(), actor_id=demo_id("staff", "sunmin"),
                                                    device_time=NOW, ward_id=demo_id("ward"),
                                                    values={"label_size": "60x40"},
                                                    seen={"label_size": None}))
    finally:
        db.dispose()
    plan_day(ward_url, tomorrow())
    group = next(i for i in open_infusions(ward_url) if len(i.drugs) > 1)
    out = tmp_path / "small.pdf"
    code, stdout, stderr = cli(capsys, "print", "labels", "--url", ward_url, "--patient", group.mrn,
                               "--date", tomorrow().isoformat(), "--out", str(out))
    assert code == 0 and "(60x40 mm, " in stdout, stderr
    width, height = page_size_pt(out)
    assert abs(width - 60 * MM_PT) < 0.5 and abs(height - 40 * MM_PT) < 0.5
    pages_of_group = [n for n in range(1, pages(out) + 1) if decoded(out, n) == [label_code(group.plan_id)]]
    assert len(pages_of_group) == 1
    text = pdf_text(out, pages_of_group[0])
    assert all(d.content.split()[0] in text for d in group.drugs)        # wrapped on the small label
    subprocess.run(["pdftoppm", "-r", "100", "-f", str(pages_of_group[0]), "-l", str(pages_of_group[0]),
                    "-png", "-singlefile", str(out), str(tmp_path / "group-60x40")], check=True)


def test_a_group_too_big_for_one_label_goes_on_more_and_leaves_no_drug_off(tmp_path: Path) -> None:
    import uuid
    from datetime import date

    from app.domain.orders import group_marks
    from app.printing.labels import LabelData, write_labels

    names = ["0.9%氯化钠注射液 250ml", "注射用盐酸左氧氟沙星 0.5g", "注射用维生素C 2g", "维生素B6注射液 0.2g",
             "10%氯化钾注射液 7.5ml", "胰岛素注射液 4U", "注射用水溶性维生素 1支", "门冬氨酸钾镁注射液 20ml"]
    drugs = tuple((m + n, n.split()[-1]) for m, n in zip(group_marks(len(names)), names))
    plan_id = str(uuid.uuid4())
    label = LabelData(label_code(plan_id), "加12", "欧阳春华", "2024000123", "内科一病区", drugs, "静脉滴注",
                      "qd", "08:00", date(2024, 6, 10), "40 gtt/min")
    out = tmp_path / "big.pdf"
    written = write_labels([label], (60, 40), out)
    assert written == pages(out) > 1
    texts = [pdf_text(out, n) for n in range(1, written + 1)]
    for n, text in enumerate(texts, start=1):
        assert "加12床" in text and "住院号2024000123" in text and f"{n}/{written}" in text
        assert [plan_id_of_label(c) for c in decoded(out, n)] == [plan_id]
    printed = "".join(texts)
    assert all("".join(name.split()) in printed for name in names)


def test_a_scanned_label_is_found_wherever_its_item_is(ward_url: str) -> None:
    """What the execution screen asks of a label not on its list: the item's ward, patient, day and
    whether the item or its order may still be given."""
    from sqlalchemy import update

    from app.services.exec_printing import scanned_label
    from app.store.db import open_database
    from app.store.schema import order_exec_plan

    plan_day(ward_url, tomorrow())
    item = open_infusions(ward_url)[0]
    db = open_database(ward_url)
    try:
        with db.begin() as conn:
            found = scanned_label(conn, item.plan_id)
            assert found is not None and found.ward_name == "内科一病区" and found.mrn == item.mrn
            assert (found.plan_status, found.stay_status) == ("planned", "admitted")
            assert found.planned_at.astimezone().date() == tomorrow()
            conn.execute(update(order_exec_plan).where(order_exec_plan.c.id == item.plan_id)
                         .values(status="cancelled"))
            cancelled = scanned_label(conn, item.plan_id)
            assert cancelled is not None and cancelled.plan_status == "cancelled"
            assert scanned_label(conn, "00000000-0000-0000-0000-000000000000") is None
    finally:
        db.dispose()
