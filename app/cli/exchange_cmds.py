"""IT commands for the regional platform (issue 17):

    python main.py exchange export --url URL --patient MRN --out FILE.json   # the stay's FHIR Bundle
    python main.py exchange send (--profile NAME | --url URL) [--platform URL]   # flush the queue now
    python main.py exchange status (--profile NAME | --url URL)                  # queued, sent, failed
    python main.py exchange receive (--profile NAME | --url URL)  # referrals in, answers to ours
    python main.py exchange institutions (--profile NAME | --url URL) [--set CODE ... | --disable CODE]

The export is audited (a disclosure of the record) and the file appears only when it is whole.
`send` prints a progress line and exits non-zero when something is still waiting or failed.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import tempfile
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILURE, EXIT_OK, fail
from app.cli.db_cmds import ProgressLine, _guard
from app.errors import WardStationError

TEXTS = {
    "exchange.unknown_patient": "no patient with 住院号 {mrn}",
    "exchange.bad_output": "cannot write {path}",
    "exchange.no_platform": "no member institution uses the platform {url}",
}


def register(subparsers: Any) -> None:
    ex = subparsers.add_parser("exchange", help="the regional platform: FHIR export, send, status")
    sub = ex.add_subparsers(dest="exchange_command")
    export = sub.add_parser("export", help="a patient's stay as a FHIR R4 document Bundle")
    export.add_argument("--url", required=True, help="database URL")
    export.add_argument("--patient", required=True, metavar="MRN", help="the patient's 住院号")
    export.add_argument("--out", required=True, metavar="FILE.json", help="where to write the Bundle")
    export.set_defaults(handler=cmd_export)
    for name, fn, text in (("send", cmd_send, "send what is queued for the platforms now"),
                           ("status", cmd_status, "queued, sent, failed, and the last error")):
        p = sub.add_parser(name, help=text)
        where = p.add_mutually_exclusive_group(required=True)
        where.add_argument("--profile", metavar="NAME", help="server profile")
        where.add_argument("--url", help="database URL")
        p.add_argument("--platform", metavar="URL", help="only the institutions at this platform URL")
        p.set_defaults(handler=fn)
    receive = sub.add_parser("receive", help="take what the platforms hold for this hospital now")
    where = receive.add_mutually_exclusive_group(required=True)
    where.add_argument("--profile", metavar="NAME", help="server profile")
    where.add_argument("--url", help="database URL")
    receive.set_defaults(handler=cmd_receive)
    from app.cli.institution_cmds import register as register_institutions

    register_institutions(sub)


def _explained(fn: Any, args: argparse.Namespace) -> int:
    try:
        return int(fn(args))
    except WardStationError as err:
        text = TEXTS.get(err.message_id)
        if text is None:
            raise
        return fail(text.format(**err.params))


def _open(args: argparse.Namespace) -> Any:
    from app.store.db import open_database

    url = args.url
    if getattr(args, "profile", None):
        from app.profiles import load_profile

        url = load_profile(args.profile)
    return open_database(url)


def _check_output(out: Path) -> None:
    directory = out.resolve().parent
    if (out.exists() and out.is_dir()) or not directory.is_dir() or not os.access(directory, os.W_OK):
        raise WardStationError("exchange.bad_output", path=str(out))


@_guard
def cmd_export(args: argparse.Namespace) -> int:
    return _explained(_export, args)


def _export(args: argparse.Namespace) -> int:
    from app.clock import utcnow
    from app.exchange.fhir_bundle import build_bundle
    from app.exchange.settings import exchange_settings
    from app.exchange.stay_record import encounter_of_mrn, read_stay
    from app.services.audit import AuditEntry
    from app.services.write import run_unit

    out = Path(args.out)
    _check_output(out)
    db = _open(args)
    try:
        with db.read() as conn:
            encounter_id = encounter_of_mrn(conn, args.patient)
            record = read_stay(conn, encounter_id)
            bundle = build_bundle(record, exchange_settings(conn), ident=f"stay-{encounter_id}",
                                  timestamp=utcnow())
        text = json.dumps(bundle, ensure_ascii=False, indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(dir=str(out.resolve().parent), prefix=".export-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)

            def audit(uow: Any) -> None:
                uow.audit(AuditEntry("export", "encounter", encounter_id, None, record.patient.id,
                                     after={"file": out.name, "bundle": bundle["identifier"]["value"]}))

            run_unit(db, "cli@" + socket.gethostname(), audit)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    finally:
        db.dispose()
    print(f"{out}: FHIR R4 Bundle of {record.patient.mrn}, {len(bundle['entry'])} resources, "
          f"{len(text.encode('utf-8'))} bytes")
    return EXIT_OK


@_guard
def cmd_send(args: argparse.Namespace) -> int:
    return _explained(_send, args)


def _platform(db: Any, url: Any) -> Any:
    if url is None:
        return None
    from sqlalchemy import func, select

    from app.store.schema import member_inst

    with db.read() as conn:
        n = conn.execute(select(func.count()).select_from(member_inst)
                         .where(member_inst.c.endpoint == url)).scalar_one()
    if not n:
        raise WardStationError("exchange.no_platform", url=url)
    return url


def _send(args: argparse.Namespace) -> int:
    from app.exchange.sender import flush

    db = _open(args)
    try:
        platform = _platform(db, args.platform)
        report = flush(db, workstation="cli@" + socket.gethostname(), endpoint=platform,
                       progress=ProgressLine("exchange send"))
    finally:
        db.dispose()
    print(f"exchange send: {report.sent} sent, {report.already} already on the platform, "
          f"{report.failed} failed, {report.retry + report.deferred} still queued")
    if report.failed or report.retry or report.deferred:
        return fail(f"not everything went: {report.errors[0] if report.errors else 'see exchange status'}",
                    EXIT_FAILURE)
    return EXIT_OK


@_guard
def cmd_receive(args: argparse.Namespace) -> int:
    return _explained(_receive, args)


def _receive(args: argparse.Namespace) -> int:
    from app.exchange import mailbox

    db = _open(args)
    try:
        report = mailbox.pull(db, workstation="cli@" + socket.gethostname())
    finally:
        db.dispose()
    print(f"exchange receive: {report.referrals} referrals in, {report.answers} answers to ours, "
          f"{report.already} taken before, {len(report.left)} left for IT")
    for line in report.left:
        print(f"  left: {line}")
    if report.failures:
        endpoint, why = report.failures[0]
        return fail(f"platform {endpoint} could not be read: {why}", EXIT_FAILURE)
    return EXIT_OK


@_guard
def cmd_status(args: argparse.Namespace) -> int:
    return _explained(_status, args)


def _status(args: argparse.Namespace) -> int:
    from app.exchange import queue as q

    db = _open(args)
    try:
        platform = _platform(db, args.platform)
        with db.read() as conn:
            seen = q.status(conn, platform)
    finally:
        db.dispose()
    c = seen.counts
    line = f"exchange queue: {c[q.QUEUED]} queued, {c[q.SENT]} sent, {c[q.FAILED]} failed"
    if seen.next_try_at is not None and c[q.QUEUED]:
        line += f"; next try {seen.next_try_at.astimezone():%Y-%m-%d %H:%M:%S}"
    print(line)
    if seen.last_error:
        print(f"last error: {seen.last_error}")
    return EXIT_OK
