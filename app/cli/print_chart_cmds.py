"""`print temperature-chart`: the 体温单 as a PDF, a page a week (issue 16):

    python main.py print temperature-chart --url URL (--patient MRN | --ward CODE) --out FILE.pdf [--weeks N]

A patient's whole stay (or its last N weeks); with --ward every current patient of the ward, in
bed order, one after the other in one PDF. Each patient's print is audited; the file appears
only once the PDF is complete and the prints are recorded.
"""
from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, fail, print_cmds
from app.cli.db_cmds import ProgressLine, _guard
from app.errors import WardStationError

TEXTS = {
    **print_cmds.TEXTS,                  # unknown patient, no font, cannot write ...
    "print.unknown_ward": "no ward with code {ward}",
    "print.empty_ward": "nothing to print: ward {ward} has no current patients",
    "print.bad_weeks": "--weeks takes a whole number from 1, not {weeks!r}",
}


def register(sub: Any) -> None:
    p = sub.add_parser("temperature-chart", help="体温单 as PDF, a page a week")
    p.add_argument("--url", required=True, help="database URL")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--patient", metavar="MRN", help="the patient's 住院号")
    who.add_argument("--ward", metavar="CODE", help="every current patient of the ward, in bed order")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--weeks", metavar="N", help="only the last N weeks of each stay")
    p.set_defaults(handler=cmd_chart)


@_guard
def cmd_chart(args: argparse.Namespace) -> int:
    return print_cmds.run_explained(_print_chart, args, TEXTS)


def _weeks(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise WardStationError("print.bad_weeks", weeks=text) from None
    if n < 1:
        raise WardStationError("print.bad_weeks", weeks=text)
    return n


def _check_output(out: Path) -> None:
    """Refuse a path that cannot be written before reading anything (the writer checks again)."""
    directory = out.resolve().parent
    if (out.exists() and out.is_dir()) or not directory.is_dir() or not os.access(directory, os.W_OK):
        raise WardStationError("print.bad_output", path=str(out))


def _print_chart(args: argparse.Namespace) -> int:
    from app.printing import tempchart_model as tm
    from app.printing.tempchart_pdf import write_chart_pdf
    from app.services import chart_printing as cp
    from app.services.sheet_printing import current_encounter
    from app.services.vitals import stay_weeks
    from app.services.write import run_unit
    from app.store import migrate
    from app.store.db import open_database

    out = Path(args.out)
    last = _weeks(args.weeks) if args.weeks is not None else None
    _check_output(out)
    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.read() as conn:
            if args.ward is not None:
                stays = cp.ward_encounters(conn, args.ward)
                if not stays:
                    raise WardStationError("print.empty_ward", ward=args.ward)
            else:
                stays = [current_encounter(conn, args.patient)[0]]
        progress = ProgressLine("temperature chart") if args.ward is not None else None
        pages: list[tm.Page] = []
        printed: list[tuple[str, str, tuple[int, ...]]] = []      # (encounter, patient, weeks)
        names: list[str] = []
        for n, encounter_id in enumerate(stays, start=1):
            with db.read() as conn:
                weeks = stay_weeks(conn, encounter_id, last)
                final = weeks[-1]
            pages += [tm.build_page(w) for w in weeks]
            h = final.header
            printed.append((encounter_id, h.patient_id, tuple(w.week_no for w in weeks)))
            names.append(f"{h.bed_no or '-'} {h.mrn} {h.name}")
            if progress is not None:
                progress(n, len(stays), f"bed {h.bed_no or '-'} {h.mrn}")
        workstation = "cli@" + socket.gethostname()

        def record() -> None:
            def audit_all(uow: Any) -> None:
                for encounter_id, patient_id, weeks_printed in printed:
                    cp.record_chart_print(uow, encounter_id, patient_id, weeks_printed, None, None)

            run_unit(db, workstation, audit_all)

        who = f"ward {args.ward}" if args.ward is not None else names[0]
        write_chart_pdf(pages, out, f"体温单 {who}", before_publish=record)
    finally:
        db.dispose()
    print(f"{out}: temperature chart of {who}, {len(printed)} patient{'s' if len(printed) != 1 else ''}, "
          f"{len(pages)} page{'s' if len(pages) != 1 else ''}")
    sys.stdout.flush()
    return EXIT_OK
