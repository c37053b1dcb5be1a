"""`print exec-sheet` and `print labels`: the day's 执行单 and 瓶签 as PDF:

    python main.py print exec-sheet --url URL (--patient MRN | --ward CODE) --out FILE.pdf
                                    [--kind K] [--date YYYY-MM-DD]
    python main.py print labels --url URL (--patient MRN | --ward CODE) --out FILE.pdf [--date YYYY-MM-DD]

The ward's day (today by default, on this computer's clock) as the execution screen lists it:
the plan items made for that day (the screen plans the day when it opens it). exec-sheet prints
every kind's sheet, or only --kind's (infusion, oral, injection, treatment, care, skin_test,
specimen, diet); labels one 瓶签 a page for each infusion not given yet, at the ward's label size.
Each patient printed is audited; the file appears only once the PDF is complete and recorded.
"""
from __future__ import annotations

import argparse
import socket
from datetime import date
from pathlib import Path
from typing import Any, Optional

from app.cli import EXIT_OK, fail, print_chart_cmds, print_cmds
from app.cli.db_cmds import _guard
from app.errors import WardStationError

TEXTS = {
    **print_chart_cmds.TEXTS,            # unknown patient or ward, no font, cannot write ...
    "print.unknown_kind": "no execution sheet kind {kind!r} (choose from {kinds})",
    "print.no_executions": "nothing to print: no planned executions for {who} on {day} {kind}",
    "print.no_labels": "nothing to print: no infusion waiting to be given for {who} on {day}",
    "print.bad_date": "--date takes a day as YYYY-MM-DD, not {day!r}",
}


def register(sub: Any) -> None:
    for name, helptext, handler in (("exec-sheet", "执行单 of a day as PDF, a sheet per kind", cmd_sheet),
                                    ("labels", "瓶签 (infusion labels with a barcode) of a day as PDF",
                                     cmd_labels)):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--url", required=True, help="database URL")
        who = p.add_mutually_exclusive_group(required=True)
        who.add_argument("--patient", metavar="MRN", help="the patient's 住院号")
        who.add_argument("--ward", metavar="CODE", help="every current patient of the ward, in bed order")
        p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
        if name == "exec-sheet":
            p.add_argument("--kind", metavar="K", help="only this kind: infusion, oral, injection, "
                           "treatment, care, skin_test, specimen, diet")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="the ward day (default: today)")
        p.set_defaults(handler=handler)


@_guard
def cmd_sheet(args: argparse.Namespace) -> int:
    return print_cmds.run_explained(lambda a: _print(a, labels=False), args, TEXTS)


@_guard
def cmd_labels(args: argparse.Namespace) -> int:
    return print_cmds.run_explained(lambda a: _print(a, labels=True), args, TEXTS)


def _day(text: Optional[str]) -> date:
    if text is None:
        from datetime import datetime

        return datetime.now().astimezone().date()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise WardStationError("print.bad_date", day=text) from None


def _print(args: argparse.Namespace, labels: bool) -> int:
    from app.clock import utcnow
    from app.domain.execution import SHEETS
    from app.printing.exec_sheet import write_exec_sheets
    from app.printing.labels import write_labels
    from app.services import exec_printing as ep
    from app.services.write import run_unit
    from app.store import migrate
    from app.store.db import open_database

    out = Path(args.out)
    day = _day(args.date)
    kind = getattr(args, "kind", None)
    if kind is not None and kind not in SHEETS:
        raise WardStationError("print.unknown_kind", kind=kind, kinds=", ".join(SHEETS))
    print_chart_cmds._check_output(out)
    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.read() as conn:
            scope = (ep.ward_scope(conn, args.ward) if args.ward is not None
                     else ep.patient_scope(conn, args.patient))
            if labels:
                label_job = ep.label_job(conn, scope, day, utcnow())
                printed = label_job.printed
            else:
                sheet_job = ep.exec_sheet_job(conn, scope, day, kind, utcnow())
                printed = sheet_job.printed
        workstation = "cli@" + socket.gethostname()
        what = "infusion_label" if labels else "exec_sheet"

        def record() -> None:
            run_unit(db, workstation, lambda uow: ep.record_exec_print(uow, what, day, printed, None, None))

        if labels:
            count = write_labels(label_job.labels, label_job.size_mm, out, before_publish=record)
            w, h = label_job.size_mm
            n = len(label_job.labels)
            done = (f"{n} infusion label{'s' if n != 1 else ''} "
                    f"({w}x{h} mm, {count} page{'s' if count != 1 else ''})")
        else:
            count = write_exec_sheets(sheet_job.header, sheet_job.sections, out, before_publish=record)
            kinds = ",".join(s.kind for s in sheet_job.sections)
            done = f"execution sheets {kinds}, {count} page{'s' if count != 1 else ''}"
    finally:
        db.dispose()
    who = scope.patient_text or f"ward {args.ward}"
    print(f"{out}: {done} of {who} on {day.isoformat()}, {len(printed)} "
          f"patient{'s' if len(printed) != 1 else ''}", flush=True)
    return EXIT_OK
