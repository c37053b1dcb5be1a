"""The downtime packet (停机应急资料) of the demo ward read back with poppler: a cover listing every
patient with their pages, then each patient's pages showing the name, an allergy, an order in
force and a vital sign of the last three days, the week's 体温单, every font embedded, and every
page numbered and saying where its data came from."""
from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.printing.downtime_packet import ChartSheet, layout_packet, write_packet_pdf
from app.printing.pdf_render import measure_mm
from app.services.downtime import DowntimePacket, ward_packet
from app.store.db import Database
from tests import secret_service
from tests.unit.services.conftest import NOW, demo_engine, seeded_file  # noqa: F401

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
WARD = "NK01"
keyring_service = secret_service.keyring_fixture()


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, whitespace removed (pdftotext spaces CJK text freely)."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found, info
    out = []
    for n in range(1, int(found.group(1)) + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                              check=True, capture_output=True, text=True).stdout
        out.append("".join(text.split()))
    return out


def packet_of(db: Database, **kw: Any) -> DowntimePacket:
    with db.read() as conn:
        return ward_packet(conn, WARD, now=NOW, **kw)


def number(value: Decimal) -> str:
    """A temperature as the packet prints it: one decimal (37.0)."""
    return f"{value:.1f}"


def test_every_patient_with_allergy_order_and_vitals_and_fonts_embedded(demo_engine: Database,  # noqa: F811
                                                                        tmp_path: Path) -> None:
    packet = packet_of(demo_engine)
    assert len(packet.patients) == 32
    beds = [p.header.bed_no for p in packet.patients]
    assert beds == sorted(beds, key=int)                         # bed order
    pages = layout_packet(packet, measure_mm)
    out = tmp_path / "packet.pdf"
    write_packet_pdf(pages, out, "停机应急资料")
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes " in r for r in rows), fonts     # every font embedded (and subset)
    texts = page_texts(out)
    assert len(texts) == len(pages)
    total = len(texts)
    for n, text in enumerate(texts, start=1):                   # every page: its number, its source
        assert f"第{n}/{total}页" in text and "服务器数据" in text, (n, text[:200])
    cover = texts[0]
    assert "停机应急资料" in cover and "内科一病区" in cover and "32人" in cover
    with_allergy = with_order = with_vitals = 0
    for p in packet.patients:
        h = p.header
        who = f"{h.bed_no}床{h.name}"
        mine = [t for t in texts if who in t]
        assert len(mine) >= 2, who                               # the patient's pages and the chart
        assert h.name in cover and h.mrn in cover
        body = "".join(mine)
        assert h.mrn in body and "体温单" in body and "住院号" in body
        for a in p.allergies:
            assert a.substance in body and a.substance in cover
            with_allergy += 1
        for o in p.orders:
            assert "".join(o.content.split())[:12] in body, o.content
            with_order += 1
        temps = [o for o in p.vitals if o.item == "temp" and o.value is not None and o.method != "cooled"]
        if temps:
            assert number(temps[-1].value) in body
            with_vitals += 1
        first = next(t for t in texts if who in t)
        if p.allergies:                                          # on the patient's header
            assert "过敏：" + p.allergies[0].substance in first
    assert with_allergy >= 4 and with_order > 100 and with_vitals >= 30
    assert any("┌" in t and "└" in t for t in texts)            # infusion groups marked
    assert sum(isinstance(p, ChartSheet) for p in pages) == 32   # one week's chart each


def test_a_long_order_list_runs_on_with_its_headings_and_the_header(demo_engine: Database,  # noqa: F811
                                                                    tmp_path: Path) -> None:
    import dataclasses

    packet = packet_of(demo_engine)
    first = packet.patients[0]
    many = first.orders[0]
    orders = tuple(dataclasses.replace(many, content=f"测试医嘱第{k}条 长内容" * (1 + k % 3))
                   for k in range(90))
    packet = dataclasses.replace(packet, patients=(dataclasses.replace(first, orders=orders),))
    pages = layout_packet(packet, measure_mm)
    out = tmp_path / "long.pdf"
    write_packet_pdf(pages, out, "停机应急资料")
    texts = page_texts(out)
    own = [t for t in texts[1:] if "体温单" not in t]
    assert len(own) >= 3
    for text in own:                                             # header and headings on every page
        assert first.header.name in text and first.header.mrn in text and "医嘱内容" in text
    assert all(f"测试医嘱第{k}条" in "".join(texts) for k in range(90))
    assert "长期医嘱（在用90条）（续）" in own[1]


def test_the_offline_copy_prints_the_same_patients_as_of_its_refresh(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:  # noqa: F811
    from app.offline import replica
    from app.services.demo_ids import demo_id

    online = packet_of(demo_engine)
    with replica.opened(tmp_path / "replica-ward.db", "ward") as local:
        made = replica.snapshot(demo_engine, local, profile="ward", ward_id=demo_id("ward"))
        with local.read() as conn:
            offline = ward_packet(conn, WARD, now=NOW, source="replica", as_of=made.as_of)
    assert [(p.header.bed_no, p.header.name, p.header.mrn) for p in offline.patients] == \
        [(p.header.bed_no, p.header.name, p.header.mrn) for p in online.patients]
    assert [p.allergies for p in offline.patients] == [p.allergies for p in online.patients]
    assert [p.orders for p in offline.patients] == [p.orders for p in online.patients]
    assert [len(p.vitals) for p in offline.patients] == [len(p.vitals) for p in online.patients]
    assert offline.hospital == online.hospital == "演示医院"      # the cover names the hospital offline too
    out = tmp_path / "offline.pdf"
    write_packet_pdf(layout_packet(offline, measure_mm), out, "停机应急资料")
    texts = page_texts(out)
    as_of = made.as_of.astimezone(offline_zone(offline)).strftime("%Y-%m-%d%H:%M")
    assert "本机离线副本" in texts[0] and f"数据截至{as_of}" in texts[0]
    assert all("离线副本数据，截至" + as_of in t for t in texts)
    assert all(p.header.name in texts[0] for p in online.patients)


def offline_zone(packet: DowntimePacket) -> Any:
    from datetime import timedelta, timezone

    return timezone(timedelta(minutes=packet.zone_offset_minutes))



def test_the_ward_wide_week_read_is_each_patients_own(demo_engine: Database) -> None:  # noqa: F811
    """The packet reads every patient's 体温单 week at once: the same weeks, value for value, as
    the chart tab reads one by one; a whole stay the same as its weeks one by one."""
    from app.services.vitals import chart_weeks, patient_week, stay_weeks

    with demo_engine.read() as conn:
        packet = ward_packet(conn, WARD, now=NOW)
        stays = [p.header.encounter_id for p in packet.patients]
        together = chart_weeks(conn, {s: 0 for s in stays}, now=NOW)
        alone = {s: patient_week(conn, s, 0, now=NOW) for s in stays}
        assert together == alone
        assert [p.week for p in packet.patients] == [alone[s] for s in stays]
        assert sum(len(w.obs) for w in together.values()) > 500
        longest = max(stays, key=lambda s: alone[s].weeks)
        assert alone[longest].weeks >= 2
        whole = stay_weeks(conn, longest, now=NOW)
        assert whole == [patient_week(conn, longest, n, now=NOW) for n in range(1, alone[longest].weeks + 1)]
        assert stay_weeks(conn, longest, 1, now=NOW) == whole[-1:]
