"""`print record`, `print nursing-record` and `print handover` on the seeded demo ward (the
command line's own dispatcher, in process): the PDFs appear with their text and every print is
audited from the command line's workstation; bad input is one plain line on stderr, a non-zero
exit, no file and no audit entry."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import run
from app.services.demo_ids import demo_id
from app.store.db import Database
from app.store.schema import audit_rec, encounter, patient
from tests.unit.printing import ward_prints as wp

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def url_of(db: Database) -> str:
    """The database's URL, stamped at the head revision (the fixture's schema is the metadata's,
    which the golden DDL test keeps equal to the migrations'): the command line checks it."""
    from sqlalchemy import text

    from app.store.migrate import head_revision

    with db.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version "
                          "(version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        if conn.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar() == 0:
            conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head_revision()})
    return str(db.engine.url)


def mrn(db: Database, bed_no: int) -> str:
    with db.connect() as conn:
        return str(conn.execute(select(patient.c.mrn).join(encounter, encounter.c.patient_id == patient.c.id)
                                .where(encounter.c.id == demo_id("encounter", bed_no))).scalar_one())


def prints(db: Database) -> list[Any]:
    with db.connect() as conn:
        return list(conn.execute(select(audit_rec.c.entity, audit_rec.c.entity_id, audit_rec.c.after_data,
                                        audit_rec.c.workstation)
                                 .where(audit_rec.c.action == "print").order_by(audit_rec.c.chain_seq)))


def cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    status = run(["print", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_each_print_writes_its_pdf_and_is_audited(demo_engine: Database, tmp_path: Path, capsys: Any) -> None:
    doc_id = wp.cosigned_with_revision(demo_engine)
    wp.doctor_handover(demo_engine)
    url, bed11 = url_of(demo_engine), mrn(demo_engine, 11)
    out = tmp_path / "record.pdf"
    status, stdout, err = cli(capsys, "record", "--url", url, "--patient", bed11, "--doc", doc_id,
                              "--out", str(out))
    assert status == 0 and err == "" and "1 document, 1 page" in stdout, err
    assert "上级医师审签：李明" in "".join(wp.pdf_pages(out))
    out = tmp_path / "progress.pdf"
    status, stdout, _err = cli(capsys, "record", "--url", url, "--patient", bed11, "--kind", "日常病程记录",
                               "--out", str(out))
    assert status == 0 and "日常病程记录" in "".join(wp.pdf_pages(out))
    out = tmp_path / "nursing.pdf"
    status, stdout, _err = cli(capsys, "nursing-record", "--url", url, "--patient", mrn(demo_engine, 12),
                               "--out", str(out))
    assert status == 0 and "危重护理记录单" in "".join(wp.pdf_pages(out)) and wp.fonts_embedded(out)
    for extra, title in (((), "护士交接班报告"), (("--doctor",), "医生交接班记录")):
        out = tmp_path / f"handover{len(extra)}.pdf"
        status, stdout, err = cli(capsys, "handover", "--url", url, "--ward", "NK01", *extra,
                                  "--out", str(out))
        assert status == 0, err
        assert title in "".join(wp.pdf_pages(out))
    done = prints(demo_engine)
    assert done[0].entity_id == doc_id and done[0].after_data["rev_no"] == 2
    assert {p.entity for p in done} == {"clin_doc", "nursing_record", "nurse_handover", "handover"}
    assert all(p.workstation.startswith("cli@") for p in done)


@pytest.mark.parametrize("args, says", [
    (("record", "--patient", "999"), "no patient with 住院号 999"),
    (("record", "--patient", "{bed11}", "--kind", "胡写"), "no document type"),
    (("record", "--patient", "{bed11}", "--doc", "no-such-doc"), "has no document no-such-doc"),
    (("record", "--patient", "{bed11}", "--doc", "{draft22}"), "has no document"),    # another's
    (("record", "--patient", "{bed22}", "--doc", "{draft22}"), "not signed yet"),
    (("record", "--patient", "{bed11}", "--kind", "手术记录"), "nothing to print"),
    (("nursing-record", "--patient", "{bed11}"), "nothing to print"),
    (("handover", "--ward", "XX99"), "no ward with code XX99"),
    (("handover", "--ward", "NK01", "--doctor"), "nothing to print"),
    (("handover", "--ward", "NK01", "--date", "2020-01-01"), "nothing to print"),
    (("handover", "--ward", "NK01", "--date", "yesterday"), "--date takes YYYY-MM-DD"),
    (("handover", "--ward", "NK01", "--doctor", "--shift", "day"), "not with --doctor"),
])
def test_bad_input_is_one_line_and_leaves_nothing(demo_engine: Database, tmp_path: Path, capsys: Any,
                                                   args: tuple[str, ...], says: str) -> None:
    values = {"bed11": mrn(demo_engine, 11), "bed22": mrn(demo_engine, 22),
              "draft22": demo_id("doc", 22, "intern")}
    before = len(prints(demo_engine))
    where = tmp_path / "out"
    where.mkdir()
    out = where / "x.pdf"
    status, stdout, err = cli(capsys, args[0], "--url", url_of(demo_engine),
                              *[a.format(**values) for a in args[1:]], "--out", str(out))
    assert status != 0 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and says in err and "Traceback" not in err
    assert list(where.iterdir()) == [] and len(prints(demo_engine)) == before


def test_an_unwritable_output_is_refused_before_anything_is_read(demo_engine: Database, tmp_path: Path,
                                                                capsys: Any) -> None:
    bed11 = mrn(demo_engine, 11)
    where = tmp_path / "out"
    where.mkdir()
    for out in (where / "no-such-dir" / "x.pdf", where):
        status, _out, err = cli(capsys, "record", "--url", url_of(demo_engine), "--patient", bed11,
                                "--out", str(out))
        assert status != 0 and len(err.strip().splitlines()) == 1 and "cannot write" in err
    assert list(where.iterdir()) == []
