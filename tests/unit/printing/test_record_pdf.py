"""Medical record documents printed from the seeded demo ward, read back with poppler: a
co-signed note with its revision (both signers, 上级医师审签, the revision mark and the 修订记录
with the reason), every font embedded, and a long 入院记录 over several pages with the patient
header and the page numbers on each and no line lost or cut between pages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.printing import flow, record_pdf
from app.printing.primitives import RED, Line, Text
from app.services import record_printing as rp
from app.services.write import run_unit
from app.store.db import Database
from app.store.schema import audit_rec
from tests.unit.printing import ward_prints as wp

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def test_a_cosigned_note_prints_both_signatures_and_its_revision(demo_engine: Database,
                                                                  tmp_path: Path) -> None:
    doc_id = wp.cosigned_with_revision(demo_engine)
    with demo_engine.connect() as conn:
        header = rp.record_header(conn, wp.ENC_11)
        docs = rp.printed_documents(conn, wp.ENC_11, doc_id)
    assert [d.rev_no for d in docs] == [2]
    out = tmp_path / "note.pdf"
    pages = record_pdf.draw_documents(docs, header)
    record_pdf.write_documents(docs, header, out)
    assert wp.fonts_embedded(out)
    text = "".join(wp.pdf_pages(out))
    for expected in ("病程记录", "日常病程记录", "医师签名：陈晓", "上级医师审签：李明", "已修订，第2版",
                     "修订记录", "第2版", "李明修订", f"原因：{wp.REASON}", "新增：上级医师意见",
                     wp.ADDED, header.mrn, header.patient_name, "演示医院"):
        assert expected in text, expected
    # The change bar: a thick red rule left of the section the co-signer added, labelled 2.
    items = pages[0].items
    added = next(i for i in items if isinstance(i, Text) and i.text == "上级医师意见：")
    bars = [i for i in items if isinstance(i, Line) and i.color == RED and i.x1 < added.x
            and i.y1 <= added.baseline <= i.y2 + 1]
    assert bars and any(isinstance(i, Text) and i.text == "2" and i.color == RED for i in items)
    untouched = next(i for i in items if isinstance(i, Text) and i.text == "病情记录：")
    assert not [i for i in items if isinstance(i, Line) and i.color == RED
                and i.y1 <= untouched.baseline <= i.y2]


def test_a_pending_cosign_and_a_draft(demo_engine: Database) -> None:
    from app.services.demo_ids import demo_id

    with demo_engine.connect() as conn:
        with pytest.raises(ValidationError) as err:                   # bed 22's intern draft
            rp.printed_documents(conn, demo_id("encounter", 22), demo_id("doc", 22, "intern"))
        assert err.value.message_id == "print.doc_unsigned"
        with pytest.raises(ValidationError) as err:
            rp.printed_documents(conn, wp.ENC_11, kind="手术记录")
        assert err.value.message_id == "print.no_documents"
        with pytest.raises(ValidationError) as err:
            rp.printed_documents(conn, wp.ENC_11, kind="没有这种")
        assert err.value.message_id == "print.unknown_doc_kind"
        kinds = {d.doc_type for d in rp.printed_documents(conn, wp.ENC_11, kind="病程记录")}
    assert kinds and kinds <= record_pdf.PROGRESS_FAMILY


def test_a_long_document_runs_over_pages_with_the_header_on_each(demo_engine: Database,
                                                                  tmp_path: Path) -> None:
    doc_id = wp.long_admission(demo_engine)
    with demo_engine.connect() as conn:
        header = rp.record_header(conn, wp.ENC_11)
        docs = rp.printed_documents(conn, wp.ENC_11, doc_id)
    out = tmp_path / "long.pdf"
    drawn = record_pdf.draw_documents(docs, header)
    record_pdf.write_documents(docs, header, out)
    count = wp.page_count(out)
    assert count >= 3 and len(drawn) == count
    pages = wp.pdf_pages(out)
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{count}页" in page
        for part in (f"姓名：{header.patient_name}", f"床号：{header.bed_no}", f"住院号：{header.mrn}",
                     f"病区：{header.ward_name}", "入院记录"):
            assert part in page, (n, part)
    frame = header.frame()
    body = "".join(t.text for p in drawn for t in p.items
                   if isinstance(t, Text) and frame.body_top_mm < t.baseline < frame.body_bottom)
    assert wp.LONG_HPI in body                                       # every line, once, in order
    starts = [t.text[0] for p in drawn for t in p.items if isinstance(t, Text) and t.text]
    assert not set(starts) & flow.NO_START                           # no line begins with ，。：
    for p in drawn:                                                  # no line below the body
        assert all(t.baseline < frame.body_bottom + 0.01 for t in p.items
                   if isinstance(t, Text) and t.baseline > frame.body_top_mm
                   and not t.text.startswith("第 "))
    assert "医师签名：张伟" in pages[-1]                               # the signature follows the text


def test_a_print_is_audited_with_the_revision_printed(demo_engine: Database) -> None:
    doc_id = wp.cosigned_with_revision(demo_engine)
    run_unit(demo_engine, "cli@test",
             lambda uow: rp.audit_record_print(uow, wp.ENC_11, (doc_id,), 1, None, None))
    with demo_engine.connect() as conn:
        rows = conn.execute(select(audit_rec.c.entity, audit_rec.c.after_data)
                            .where(audit_rec.c.action == "print")
                            .where(audit_rec.c.entity_id == doc_id)).all()
    assert [(r.entity, r.after_data["rev_no"], r.after_data["sheet"]) for r in rows] == \
        [("clin_doc", 2, "record")]
