"""Printing from the command line, for IT and for outages (issue 16):

    python main.py print long-orders --url URL --patient MRN --out FILE.pdf [--continue | --pages 1,3]
    python main.py print temp-orders --url URL --patient MRN --out FILE.pdf [--continue | --pages 1,3]
    python main.py print temperature-chart --url URL (--patient MRN | --ward CODE) --out FILE.pdf [--weeks N]
    python main.py print exec-sheet --url URL (--patient MRN | --ward CODE) --out F.pdf [--kind K] [--date D]
    python main.py print labels --url URL (--patient MRN | --ward CODE) --out F.pdf [--date D]

(`print record`, `print nursing-record` and `print handover`: app/cli/print_record_cmds.py.)

The whole sheet by default; `--continue` (续打) only what is new since the last print, at its row
of the sheet already in the printer; `--pages` reprints pages (audited as a reprint). Every print
is recorded (what went where) and audited; a failure leaves no file behind.
"""
from __future__ import annotations

import argparse
import socket
from pathlib import Path
from typing import Any, Callable

from app.cli import EXIT_OK, fail
from app.cli.db_cmds import _guard
from app.errors import WardStationError

SHEET_COMMANDS = {"long-orders": "long", "temp-orders": "temp"}


def register(subparsers: Any) -> None:
    printing = subparsers.add_parser(
        "print", help="print to PDF (医嘱单, 体温单, 执行单, 瓶签, 病历, 护理记录, 交接班)")
    sub = printing.add_subparsers(dest="print_command")
    for name, sheet in SHEET_COMMANDS.items():
        p = sub.add_parser(name, help=("长期医嘱单" if sheet == "long" else "临时医嘱单") + " as PDF")
        p.add_argument("--url", required=True, help="database URL")
        p.add_argument("--patient", required=True, metavar="MRN", help="the patient's 住院号")
        p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
        mode = p.add_mutually_exclusive_group()
        mode.add_argument("--continue", dest="cont", action="store_true",
                          help="续打: only the lines and stops not printed yet, at their rows")
        mode.add_argument("--pages", metavar="N[,N...]", help="reprint these pages (audited)")
        p.set_defaults(handler=cmd_sheet, sheet=sheet)
    from app.cli import print_chart_cmds, print_exec_cmds, print_record_cmds

    print_chart_cmds.register(sub)
    print_exec_cmds.register(sub)
    print_record_cmds.register(sub)


def _pages(text: str) -> set[int]:
    try:
        pages = {int(p) for p in text.split(",") if p.strip()}
    except ValueError:
        raise WardStationError("print.bad_pages", pages=text) from None
    if not pages or min(pages) < 1:
        raise WardStationError("print.bad_pages", pages=text)
    return pages


TEXTS = {
    "print.unknown_patient": "no patient with 住院号 {mrn}",
    "print.nothing": "nothing to print: the patient has no signed {sheet} orders",
    "print.no_font": "no CJK font found (install fonts-wqy-zenhei or set WARDSTATION_CJK_FONT)",
    "print.bad_output": "cannot write {path}",
    "print.no_such_page": "page {page} does not exist (the sheet has {pages})",
    "print.bad_pages": "bad page list {pages!r}: numbers from 1, separated by commas",
    "print.sheet_moved": "another workstation printed this sheet meanwhile: print again",
}


@_guard
def cmd_sheet(args: argparse.Namespace) -> int:
    return run_explained(_print_sheet, args, TEXTS)


def run_explained(fn: Callable[[argparse.Namespace], int], args: argparse.Namespace,
                  texts: dict[str, str]) -> int:
    """fn(args), a known printing error as its one line (anything else to _guard)."""
    try:
        return fn(args)
    except WardStationError as err:
        text = texts.get(err.message_id)
        if text is None:
            raise
        return fail(text.format(**err.params))


def _print_sheet(args: argparse.Namespace) -> int:
    from app.printing import order_sheets
    from app.printing.sheet_layout import SHEETS, placements_after, plan_sheet
    from app.services import sheet_printing as sp
    from app.services.ward import patient_header
    from app.services.write import run_unit
    from app.store import migrate
    from app.store.db import open_database

    out = Path(args.out)
    if out.exists() and out.is_dir():
        raise WardStationError("print.bad_output", path=str(out))
    pages = _pages(args.pages) if args.pages else None
    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        spec = SHEETS[args.sheet]
        with db.read() as conn:
            encounter_id, _pid = sp.current_encounter(conn, args.patient)
            header = patient_header(conn, encounter_id)
            lines = sp.sheet_lines(conn, encounter_id, args.sheet)
            on_paper = sp.printed(conn, encounter_id, args.sheet)
            hospital = conn.execute(_hospital_name()).scalar() or "WardStation"
        if not lines:
            raise WardStationError("print.nothing", sheet=args.sheet)
        plan = plan_sheet(spec, lines, on_paper, order_sheets.measure_mm)
        head = order_sheets.SheetHeader(hospital, header.name, header.dept_name, header.ward_name,
                                      header.bed_no, header.mrn)
        written: list[int] = []
        workstation = "cli@" + socket.gethostname()

        def record() -> None:
            done = placements_after(plan, set(written))
            values = tuple(sp.PlacementValue(p.order_id, p.page, p.row, p.span, p.stop_printed,
                                             p.cancel_printed) for p in done)
            run_unit(db, workstation, lambda uow: sp.record_print(
                uow, encounter_id, args.sheet, kind, tuple(written), values, None, None))

        kind = "continuation" if args.cont else "whole"
        if args.cont:
            fresh = plan.fresh_pages(on_paper)
            written = plan.continuation_pages()
            if not written:
                print(f"nothing new to print on the {args.sheet} sheet of {header.mrn}: {out} not written")
                return EXIT_OK
            order_sheets.write_continuation(plan, head, out, fresh, before_publish=record)
        else:
            written = sorted(pages) if pages else list(range(1, plan.pages + 1))
            if {p.page for p in on_paper} & set(written):
                kind = "reprint"                      # a page already on paper: audited as such
            order_sheets.write_whole(plan, head, out, written, before_publish=record)
    finally:
        db.dispose()
    new = sum(1 for p in plan.lines if p.new and p.page in written)
    print(f"{out}: {args.sheet} orders of {header.mrn} {header.name}, {kind}, "
          f"page{'s' if len(written) > 1 else ''} {','.join(map(str, written))}, {new} new lines")
    return EXIT_OK


def _hospital_name() -> Any:
    from sqlalchemy import select

    from app.store.schema import app_setting

    return select(app_setting.c.svalue).where(app_setting.c.skey == "hospital_name")
