"""`print record`, `print nursing-record`, `print handover`: the medical record documents, the
护理记录单 and the shift handover reports as PDFs (issue 16):

    python main.py print record --url URL --patient MRN --out FILE.pdf [--doc DOC_ID | --kind KIND]
    python main.py print nursing-record --url URL --patient MRN --out FILE.pdf [--type general|critical]
    python main.py print handover --url URL --ward CODE --out FILE.pdf [--doctor] [--date YYYY-MM-DD]
                                  [--shift day|evening|night]

`record` prints the stay's signed documents (all, one by its id, or one type: a code such as
admission or progress, its Chinese name such as 入院记录, or 病程记录 for every progress note) with
their signatures, 上级医师审签 and revision marks. `handover` prints the nurses' report (the last
handed over, or the one of --date / --shift), with --doctor the doctors'. Every print is
audited; the file appears only once the PDF is complete and the print is recorded.
"""
from __future__ import annotations

import argparse
import socket
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

from app.cli import EXIT_OK, fail, print_cmds
from app.cli.db_cmds import _guard
from app.cli.print_chart_cmds import TEXTS as CHART_TEXTS
from app.cli.print_chart_cmds import _check_output
from app.errors import WardStationError

TEXTS = {
    **CHART_TEXTS,                        # unknown patient / ward, no font, cannot write ...
    "print.unknown_doc_kind": "no document type {kind!r} (a code such as admission, a name such as 入院记录, "
                          "or 病程记录)",
    "print.unknown_document": "the patient has no document {doc_id}",
    "print.doc_unsigned": "document {doc_id} is not signed yet: only signed documents are printed",
    "print.no_documents": "nothing to print: the patient has no signed documents",
    "print.no_nursing": "nothing to print: the patient has no nursing record lines",
    "print.no_handover": "nothing to print: ward {ward} has no such handover report",
    "print.bad_date": "--date takes YYYY-MM-DD, not {day!r}",
    "print.shift_with_doctor": "--shift names a nurses' shift: not with --doctor",
    "nurse_handover.unknown_shift": "the ward has no shift {shift!r}",
    "nursing.bad_type": "--type takes general or critical, not {value!r}",
}


def register(sub: Any) -> None:
    p = sub.add_parser("record", help="medical record documents (入院记录, 病程记录 ...) as PDF")
    _common(p, "--patient", "MRN", "the patient's 住院号")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--doc", metavar="DOC_ID", help="only this document")
    which.add_argument("--kind", metavar="KIND",
                       help="only this type: admission, progress ..., 入院记录 ..., or 病程记录")
    p.set_defaults(handler=cmd_record)
    p = sub.add_parser("nursing-record", help="护理记录单 (一般 / 危重) as PDF")
    _common(p, "--patient", "MRN", "the patient's 住院号")
    p.add_argument("--type", dest="rec_type", choices=("general", "critical"),
                   help="only this form (default: every form the patient has)")
    p.set_defaults(handler=cmd_nursing)
    p = sub.add_parser("handover", help="交接班报告 (nurses', or with --doctor the doctors') as PDF")
    _common(p, "--ward", "CODE", "the ward's code")
    p.add_argument("--doctor", action="store_true", help="the doctors' 交接班记录")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the shift's date (default: the latest report)")
    p.add_argument("--shift", choices=("day", "evening", "night"), help="the nurses' shift of that date")
    p.set_defaults(handler=cmd_handover)


def _common(p: Any, who: str, metavar: str, what: str) -> None:
    p.add_argument("--url", required=True, help="database URL")
    p.add_argument(who, required=True, metavar=metavar, help=what)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")


def _run(fn: Callable[[argparse.Namespace, Any], int], args: argparse.Namespace) -> int:
    """Check the output path, open the database, fn(args, db), known errors as one line."""
    def body(a: argparse.Namespace) -> int:
        from app.store import migrate
        from app.store.db import open_database

        _check_output(Path(a.out))
        db = open_database(a.url)
        try:
            if migrate.check_schema(db) is None:
                return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
            return fn(a, db)
        finally:
            db.dispose()

    return print_cmds.run_explained(body, args, TEXTS)


def _unit(db: Any, work: Callable[[Any], Any]) -> Callable[[], None]:
    from app.services.write import run_unit

    workstation = "cli@" + socket.gethostname()
    return lambda: run_unit(db, workstation, work)


def _done(text: str) -> int:
    print(text)
    sys.stdout.flush()
    return EXIT_OK


@_guard
def cmd_record(args: argparse.Namespace) -> int:
    return _run(_print_record, args)


def _print_record(args: argparse.Namespace, db: Any) -> int:
    from app.printing.pdf_render import write_pdf
    from app.printing.record_pdf import draw_documents, title_of
    from app.services import record_printing as rp
    from app.services.sheet_printing import current_encounter

    with db.read() as conn:
        encounter_id, _pid = current_encounter(conn, args.patient)
        header = rp.record_header(conn, encounter_id)
        docs = rp.printed_documents(conn, encounter_id, args.doc, args.kind)
    pages = draw_documents(docs, header)
    ids = tuple(d.doc_id for d in docs)
    out = Path(args.out)
    write_pdf(pages, out, title_of(header), before_publish=_unit(
        db, lambda uow: rp.audit_record_print(uow, encounter_id, ids, len(pages), None, None)))
    return _done(f"{out}: medical record of {header.mrn} {header.patient_name}, "
                 f"{_n(len(docs), 'document')}, {_n(len(pages), 'page')}")


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


@_guard
def cmd_nursing(args: argparse.Namespace) -> int:
    return _run(_print_nursing, args)


def _print_nursing(args: argparse.Namespace, db: Any) -> int:
    from app.printing.nursing_pdf import draw_record, title_of
    from app.printing.pdf_render import write_pdf
    from app.services import record_printing as rp
    from app.services.sheet_printing import current_encounter

    wanted = (args.rec_type,) if args.rec_type else ("general", "critical")
    with db.read() as conn:
        encounter_id, _pid = current_encounter(conn, args.patient)
        header = rp.record_header(conn, encounter_id)
        rows = rp.nursing_rows(conn, encounter_id, wanted)
    types = tuple(rows)
    lines = sum(len(v) for v in rows.values())
    pages = draw_record(rows, header)
    out = Path(args.out)
    write_pdf(pages, out, title_of(header), before_publish=_unit(
        db, lambda uow: rp.audit_nursing_print(uow, encounter_id, types, lines, len(pages), None, None)))
    return _done(f"{out}: nursing record of {header.mrn} {header.patient_name}, {_n(lines, 'line')}, "
                 f"{_n(len(pages), 'page')}")


@_guard
def cmd_handover(args: argparse.Namespace) -> int:
    return _run(_print_handover, args)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise WardStationError("print.bad_date", day=text) from None


def _print_handover(args: argparse.Namespace, db: Any) -> int:
    from app.printing.handover_pdf import draw_doctor_report, draw_nurse_report, report_title
    from app.printing.pdf_render import write_pdf
    from app.services import handover_printing as hp

    if args.doctor and args.shift:
        raise WardStationError("print.shift_with_doctor")
    day = _day(args.date) if args.date else None
    with db.read() as conn:
        if args.doctor:
            report_id, doctors = hp.doctor_report(conn, args.ward, day)
            pages, title, kind = draw_doctor_report(doctors), report_title(doctors), hp.DOCTOR_KIND
            what = f"doctors' handover of {doctors.handed_at.astimezone():%Y-%m-%d %H:%M}"
        else:
            report_id, nurses = hp.nurse_report(conn, args.ward, day, args.shift)
            pages, title, kind = draw_nurse_report(nurses), report_title(nurses), hp.NURSE_KIND
            what = f"nurses' handover {nurses.shift_date} {nurses.shift_code}"
    out = Path(args.out)
    write_pdf(pages, out, title, before_publish=_unit(
        db, lambda uow: hp.audit_handover_print(uow, kind, report_id, len(pages), None, None)))
    return _done(f"{out}: {what}, ward {args.ward}, {_n(len(pages), 'page')}")
