"""`print downtime-packet`: the ward's 停机应急资料 as one PDF, for a planned or sudden outage:

    python main.py print downtime-packet --url URL --ward CODE --out FILE.pdf
    python main.py print downtime-packet --profile NAME [--offline] --ward CODE --out FILE.pdf

Every current patient of the ward in bed order: orders in force, allergies, the last 3 days'
vital signs, the week's 体温单, behind a cover listing the patients. `--profile NAME` reads that
profile's server; with `--offline` the profile's encrypted replica on this PC instead (no server
needed), and every page says the data is the offline copy's, as of its last refresh.

Each patient's print is audited: on the server in the same unit of work that lets the file
appear; from the replica, in this PC's audit queue (app/services/audit_spool.py), which the
workstation writes to the server's audit chain once it reaches it again. A failure leaves no
file behind.
"""
from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, print_chart_cmds, print_cmds
from app.cli.db_cmds import ProgressLine, _guard
from app.errors import WardStationError

TEXTS = {
    **print_chart_cmds.TEXTS,            # unknown ward, empty ward, no font, cannot write ...
    "print.no_replica": "no offline copy of profile {profile} on this PC (it is made while the "
                        "workstation runs online with that profile)",
    "print.replica_other_ward": "the offline copy of profile {profile} holds ward {held}, not {ward}",
    "print.offline_needs_profile": "--offline reads a profile's replica: give --profile NAME",
    "replica.no_keyring": "the system keyring cannot be reached ({cause}): the offline copy's key "
                          "is kept there",
    "replica.no_key": "no key for the offline copy of profile {profile} in the system keyring",
    "replica.unreadable": "the offline copy {path} cannot be read with this PC's key (kept as it is)",
    "replica.foreign": "{path} is not this profile's offline copy (kept as it is)",
    "replica.bad_key": "the offline copy's key in the keyring is malformed",
    "profile.unknown": "no profile named {name} (see: profile list)",
}


def register(subparsers: Any) -> None:
    """`downtime-packet` under the `print` command (app/cli/print_cmds.py makes the group)."""
    group = subparsers.choices["print"]
    sub = next(a for a in group._actions if isinstance(a, argparse._SubParsersAction))
    p = sub.add_parser("downtime-packet", help="停机应急资料: the whole ward on paper, for an outage")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--url", help="database URL")
    source.add_argument("--profile", dest="packet_profile", metavar="NAME",
                        help="a server profile (with --offline: its replica on this PC)")
    p.add_argument("--offline", action="store_true",
                   help="read the profile's encrypted offline copy instead of the server")
    p.add_argument("--ward", required=True, metavar="CODE", help="the ward's code")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.set_defaults(handler=cmd_packet)


@_guard
def cmd_packet(args: argparse.Namespace) -> int:
    return print_cmds.run_explained(_print_packet, args, TEXTS)


def _print_packet(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if args.offline and not args.packet_profile:
        raise WardStationError("print.offline_needs_profile")
    print_chart_cmds._check_output(out)
    if args.offline:
        return _from_replica(args, out)
    return _from_server(args, out)


def _progress(stage: str = "downtime packet") -> Any:
    """Patient k of n: `wardstation: downtime packet: bed 3 26310015, patient 3/32` as each
    patient's pages are laid out, then `downtime packet PDF: patient 3/32` as they are written."""
    line = ProgressLine(stage)

    def tell(done: int, total: int, label: str) -> None:
        line(done, total, f"{label}, patient" if label != "PDF" else "patient")

    return tell


def _from_server(args: argparse.Namespace, out: Path) -> int:
    from app.printing.downtime_packet import layout_packet, write_packet_pdf
    from app.printing.pdf_render import measure_mm
    from app.services.downtime import SERVER, packet_audit, ward_packet
    from app.services.write import run_unit
    from app.store import migrate
    from app.store.db import open_database

    if args.url is not None:
        url = args.url
    else:
        from app.profiles import load_profile

        url = load_profile(args.packet_profile)
    measure_mm("", 8.0)                          # no font: said before the database is read
    db = open_database(url)
    try:
        if migrate.check_schema(db) is None:
            from app.cli import fail

            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.read() as conn:
            packet = ward_packet(conn, args.ward, source=SERVER)
        pages = layout_packet(packet, measure_mm, _progress())
        workstation = "cli@" + socket.gethostname()

        def record() -> None:
            def audit_all(uow: Any) -> None:
                for entry in packet_audit(packet, None):
                    uow.audit(entry)

            run_unit(db, workstation, audit_all)

        write_packet_pdf(pages, out, f"停机应急资料 {packet.ward_name}", before_publish=record,
                         progress=_progress("downtime packet PDF"))
    finally:
        db.dispose()
    return _done(out, packet, len(pages), "server")


def _from_replica(args: argparse.Namespace, out: Path) -> int:
    from app.offline import replica
    from app.paths import data_dir
    from app.printing.downtime_packet import layout_packet, write_packet_pdf
    from app.printing.pdf_render import measure_mm
    from app.services.audit_spool import AuditSpool, default_spool_path
    from app.services.downtime import REPLICA, packet_audit, ward_packet
    from app.store.schema import ward

    name = args.packet_profile
    scope = _server_scope(name)                  # the server the queued audit belongs to
    path = replica.replica_path(data_dir(), name)
    if not path.exists():
        raise WardStationError("print.no_replica", profile=name)
    measure_mm("", 8.0)
    with replica.opened(path, name, create=False) as local:
        seen = replica.info(local)
        if seen is None:
            raise WardStationError("print.no_replica", profile=name)
        from sqlalchemy import select

        with local.read() as conn:
            held = conn.execute(select(ward.c.id, ward.c.code).where(ward.c.id == seen.ward_id)).first()
            if held is not None and held.code != args.ward:
                raise WardStationError("print.replica_other_ward", profile=name, held=held.code,
                                       ward=args.ward)
            packet = ward_packet(conn, args.ward, source=REPLICA, as_of=seen.as_of)
    pages = layout_packet(packet, measure_mm, _progress())
    spool = AuditSpool(default_spool_path(data_dir(), name), scope)
    try:
        def record() -> None:
            for entry in packet_audit(packet, None):
                spool.add(entry)

        write_packet_pdf(pages, out, f"停机应急资料 {packet.ward_name}", before_publish=record,
                         progress=_progress("downtime packet PDF"))
    finally:
        spool.close()
    return _done(out, packet, len(pages), "offline copy")


def _server_scope(profile: str) -> str:
    """The profile's server as the GUI's audit queue names it (its URL, password masked)."""
    from app.profiles import load_profile
    from app.store.db import open_database

    db = open_database(load_profile(profile))
    try:
        return db.safe_url
    finally:
        db.dispose()


def _done(out: Path, packet: Any, pages: int, source: str) -> int:
    as_of = ""
    if packet.as_of is not None:
        as_of = f" as of {packet.as_of.astimezone():%Y-%m-%d %H:%M}"
    print(f"{out}: downtime packet of ward {packet.ward_code}, {len(packet.patients)} patients, "
          f"{pages} pages, from the {source}{as_of}")
    sys.stdout.flush()
    return EXIT_OK
