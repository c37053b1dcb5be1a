"""The 护理记录单 and both shift handover reports printed from the seeded demo ward, read back with
poppler: the corrected and the voided line struck with why, the correction led by 【更正】, the
危重 form landscape with its heading row on every page; the nurses' report with its counts, the
check and both nurses; the doctors' with I-PASS and both doctors; every font embedded."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.printing import handover_pdf, nursing_pdf
from app.printing.pdf_render import write_pdf
from app.printing.primitives import Line, Text
from app.services import handover_printing as hp
from app.services import record_printing as rp
from app.store.db import Database
from tests.unit.printing import ward_prints as wp

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def test_the_critical_record_keeps_corrections_struck_through(demo_engine: Database, tmp_path: Path) -> None:
    wp.corrected_nursing(demo_engine)
    with demo_engine.connect() as conn:
        header = rp.record_header(conn, wp.ENC_12)
        rows = rp.nursing_rows(conn, wp.ENC_12)
    assert list(rows) == ["critical"]
    pages = nursing_pdf.draw_record(rows, header)
    out = tmp_path / "nursing.pdf"
    write_pdf(pages, out, nursing_pdf.title_of(header))
    assert wp.fonts_embedded(out)
    assert all(p.width_mm > p.height_mm for p in pages)              # 危重护理记录单: landscape
    texts = wp.pdf_pages(out)
    assert len(texts) == len(pages)
    for n, page in enumerate(texts, start=1):
        assert "危重护理记录单" in page and "病情观察及护理措施" in page
        assert f"第{n}页共{len(texts)}页" in page
        assert f"住院号：{header.mrn}" in page and f"姓名：{header.patient_name}" in page
    text = "".join(texts)
    for expected in ("已更正（刘芳", "脉搏录入错误", "已作废（刘芳", "记录在错误的患者",
                     "【更正：脉搏录入错误】", "更正后：禁食，持续心电监护", "刘芳"):
        assert expected in text, expected
    first = pages[0].items

    def struck_through(t: Text) -> bool:
        return any(isinstance(i, Line) and i.x1 == pytest.approx(t.x) and t.baseline - 3 < i.y1 < t.baseline
                   for i in first)

    old = next(t for t in first if isinstance(t, Text) and t.text.startswith("禁食，持续心电监护"))
    fixed = next(t for t in first if isinstance(t, Text) and t.text.startswith("【更正"))
    assert struck_through(old) and not struck_through(fixed)       # the old text has its line through it
    assert [r.state for r in rows["critical"][:3]] == ["corrected", "current", "voided"]


def test_the_nurses_handover_report(demo_engine: Database, tmp_path: Path) -> None:
    with demo_engine.connect() as conn:
        _id, report = hp.nurse_report(conn, "NK01")
    assert report.status == "received" and report.entries
    out = tmp_path / "nurses.pdf"
    pages = handover_pdf.draw_nurse_report(report)
    write_pdf(pages, out, handover_pdf.report_title(report))
    assert wp.fonts_embedded(out)
    text = "".join(wp.pdf_pages(out))
    c = report.counts
    for expected in ("护士交接班报告", "病区：内科一病区", f"日期：{report.shift_date.isoformat()}", "原有",
                     "现有", f"现有{c['current']}", "（相符）", "交班护士：赵丽", "接班护士：刘芳",
                     "第1页共1页"):
        assert expected in text, expected
    for e in report.entries:
        assert e["patient_name"] in text and "".join(e["diagnosis"].split()) in text
    with demo_engine.connect() as conn, pytest.raises(ValidationError) as err:
        hp.nurse_report(conn, "NK01", report.shift_date.replace(year=2000), "day")
    assert err.value.message_id == "print.no_handover"


def test_the_doctors_handover_report(demo_engine: Database, tmp_path: Path) -> None:
    with demo_engine.connect() as conn, pytest.raises(ValidationError) as err:
        hp.doctor_report(conn, "NK01")
    assert err.value.message_id == "print.no_handover"                # none written yet
    wp.doctor_handover(demo_engine)
    with demo_engine.connect() as conn:
        _id, report = hp.doctor_report(conn, "NK01")
    out = tmp_path / "doctors.pdf"
    write_pdf(handover_pdf.draw_doctor_report(report), out, handover_pdf.report_title(report))
    assert wp.fonts_embedded(out)
    text = "".join(wp.pdf_pages(out))
    for expected in ("医生交接班记录", "交班医师：张伟", "接班医师：李明", "不稳定", "需关注",
                     "病情摘要：上消化道出血", "待办事项：复查血常规", "应对预案：再次呕血", "上消化道出血"):
        assert expected in text, expected
    assert text.index("上消化道出血，今日") < text.index("慢性心衰急性加重")   # in the order handed over


def test_a_draft_report_prints_marked_as_a_draft(demo_engine: Database, tmp_path: Path) -> None:
    from app.ids import new_id
    from app.services import nurse_handover as nh
    from app.services.demo_ids import demo_id
    from app.services.nurse_handover_cmds import SaveHandoverDraft
    from app.services.write import run_command
    from tests.unit.services.conftest import NOW

    with demo_engine.connect() as conn:
        shift, _defs = nh.pick_shift(conn, demo_id("ward"), NOW)
    run_command(demo_engine, wp.WS, SaveHandoverDraft(
        op_id=new_id(), actor_id=wp.NURSE, device_time=NOW, handover_id=new_id(), ward_id=demo_id("ward"),
        shift_date=shift.shift_date, shift_code=shift.code, entries=()), now=NOW)
    with demo_engine.connect() as conn:
        _id, latest = hp.nurse_report(conn, "NK01", now=NOW)
        _id, draft = hp.nurse_report(conn, "NK01", shift.shift_date, shift.code, now=NOW)
    assert latest.status == "received"                               # the latest handed over
    assert draft.status == "draft" and isinstance(draft.counts.get("current"), int)
    out = tmp_path / "draft.pdf"
    write_pdf(handover_pdf.draw_nurse_report(draft), out, handover_pdf.report_title(draft))
    text = "".join(wp.pdf_pages(out))
    assert "（草稿，尚未交班）" in text and "交班护士" not in text and "白班" in text
