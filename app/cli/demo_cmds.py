"""IT commands: `demo seed --url URL`, `demo critical --url URL --patient MRN --test K --value 6.8`
(a critical value (危急值) as the lab would report it, for tests and demonstrations) and
`audit verify --url URL` (DESIGN.md "Command line")."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import EXIT_FAILURE, EXIT_OK, fail
from app.cli.db_cmds import UPGRADE_CALL_TIMEOUT, ProgressLine, _guard


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser("demo", help="the demo ward")
    demo_sub = demo.add_subparsers(dest="demo_command")
    seed = demo_sub.add_parser("seed", help="load the demo ward into a database")
    seed.add_argument("--url", required=True, help="database URL (schema made by db upgrade)")
    seed.set_defaults(handler=cmd_seed)
    crit = demo_sub.add_parser("critical", help="report a critical value (危急值) as the lab would")
    crit.add_argument("--url", required=True, help="database URL")
    crit.add_argument("--patient", required=True, metavar="MRN", help="住院号 of an admitted patient")
    crit.add_argument("--test", required=True, metavar="CODE", help="lab test code (K, NA, PLT ...)")
    crit.add_argument("--value", required=True, help="the result as reported (6.8)")
    crit.add_argument("--flag", default="HH", choices=("HH", "LL", "H", "L"), help="abnormal flag")
    crit.add_argument("--ref", help="the lab's own id of the result (a resend with it is ignored)")
    crit.set_defaults(handler=cmd_critical)

    audit = subparsers.add_parser("audit", help="the tamper-evident audit log")
    audit_sub = audit.add_subparsers(dest="audit_command")
    verify = audit_sub.add_parser("verify", help="prove every audit chain")
    verify.add_argument("--url", required=True, help="database URL")
    verify.add_argument("--checkpoint", metavar="FILE",
                        help="also prove nothing up to this checkpoint was cut or rewritten")
    verify.set_defaults(handler=cmd_verify)
    cp = audit_sub.add_parser("checkpoint",
                              help="sign the chains' heads (key in the keyring) into a file")
    cp.add_argument("--url", required=True, help="database URL")
    cp.add_argument("--out", required=True, metavar="FILE",
                    help="where to write it: keep it off the database server")
    cp.set_defaults(handler=cmd_checkpoint)


@_guard
def cmd_seed(args: argparse.Namespace) -> int:
    """Dictionaries (idempotent) and the demo ward, in one transaction."""
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store import migrate
    from app.store.db import open_database

    db = open_database(args.url, call_timeout=UPGRADE_CALL_TIMEOUT)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.begin() as conn:
            load_all(conn, ProgressLine("dictionaries"))
            counts = seed_demo(conn, ProgressLine("demo"))
        if not counts:
            print("demo ward already present: nothing written")
        else:
            detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(f"demo ward seeded: {sum(counts.values())} rows ({detail})")
    finally:
        db.dispose()
    return EXIT_OK


_CRITICAL_TEXTS = {
    "critical.no_stay": "no admitted patient with 住院号 {mrn}",
    "critical.unknown_test": "lab test {code} is not in the lab dictionary",
    "critical.bad_value": "the value is empty or longer than 60 characters",
    "critical.bad_ref": "the result id is empty or longer than 64 characters",
    "critical.bad_flag": "bad flag {flag} (HH, LL, H or L)",
}


@_guard
def cmd_critical(args: argparse.Namespace) -> int:
    """One critical result through app/services/critical.report_critical: the lab_result row,
    the alert and its change-sequence row for the patient's ward, in one transaction."""
    import socket
    import uuid

    from app.clock import utcnow
    from app.errors import ValidationError
    from app.services import critical
    from app.services.write import run_unit
    from app.store import migrate
    from app.store.db import open_database

    report = critical.CriticalReport(source_ref=args.ref or f"demo-{uuid.uuid4()}", mrn=args.patient,
                                     test_code=args.test.strip().upper(), value_text=args.value,
                                     reported_at=utcnow(), abnormal=args.flag)
    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        try:
            alert_id = run_unit(db, f"lab@{socket.gethostname()}"[:60],
                                lambda uow: critical.report_critical(uow, report))
        except ValidationError as err:
            text = _CRITICAL_TEXTS.get(err.message_id)
            if text is None:
                raise
            return fail(text.format(**{k: str(v) for k, v in err.params.items()}))
        with db.read() as conn:
            alert = critical.get(conn, alert_id)
    finally:
        db.dispose()
    if alert is not None:
        print(f"critical value reported: bed {alert.bed_no} {alert.patient_name} {alert.test_name} "
              f"{alert.value_with_unit} ({alert.abnormal or ''}), status {alert.status}, id {alert.id}")
    return EXIT_OK


_REASONS = {"missing": "is missing", "link": "does not link to the entry before it",
            "hash": "was altered (hash mismatch)", "head": "disagrees with the chain head"}


@_guard
def cmd_verify(args: argparse.Namespace) -> int:
    """Prove every chain; exit 1 naming the first record that does not hold in each."""
    from app.services import audit_checkpoint
    from app.services.audit import verify_all
    from app.store import migrate
    from app.store.db import open_database

    checkpoint = None
    if args.checkpoint:
        key = audit_checkpoint.checkpoint_key(create=False)
        checkpoint = audit_checkpoint.load(_read_text(args.checkpoint), key)
    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.read() as conn:
            reports = verify_all(conn)
            findings = ([] if checkpoint is None
                        else audit_checkpoint.compare(conn, checkpoint, reports))
    finally:
        db.dispose()
    broken = [r for r in reports if not r.intact]
    for r in broken:
        print(f"audit chain {r.chain_id} broken at entry {r.broken_seq}: it "
              f"{_REASONS[r.reason]} ({r.entries} entries intact before it)", file=sys.stderr)
    for f in findings:
        if f.what == "missing_chain":
            text = f"held {f.detail['count']} entries at the checkpoint and is gone"
        elif f.what == "truncated":
            text = f"was cut: the checkpoint had {f.detail['count']} entries"
        else:
            text = f"was rewritten: entry {f.detail['seq']} differs from the checkpoint"
        print(f"audit chain {f.chain_id} {text}", file=sys.stderr)
    total = sum(r.entries for r in reports)
    if broken or findings:
        return EXIT_FAILURE
    against = f", checkpoint of {checkpoint['at']} holds" if checkpoint is not None else ""
    print(f"audit chains intact: {len(reports)} chains, {total} entries{against}")
    return EXIT_OK


@_guard
def cmd_checkpoint(args: argparse.Namespace) -> int:
    """Prove the chains, then write their signed heads to --out."""
    import json
    import os

    from app.services import audit_checkpoint
    from app.store import migrate
    from app.store.db import open_database

    key = audit_checkpoint.checkpoint_key(create=True)
    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.read() as conn:
            document, broken = audit_checkpoint.make(conn, key, db.safe_url)
    finally:
        db.dispose()
    tmp = args.out + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, args.out)
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror}")
    entries = sum(int(c["count"]) for c in document["chains"])
    print(f"audit checkpoint written to {args.out}: {len(document['chains'])} chains, "
          f"{entries} entries")
    for r in broken:
        print(f"audit chain {r.chain_id} broken at entry {r.broken_seq}: not checkpointed",
              file=sys.stderr)
    return EXIT_FAILURE if broken else EXIT_OK


def _read_text(path: str, limit: int = 16 * 1024 * 1024) -> str:
    import os
    import stat

    from app.errors import ValidationError

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):      # a FIFO would block the read forever
            raise ValidationError("audit.checkpoint_unreadable", path=path)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ValidationError("audit.checkpoint_unreadable", path=path) from exc
    if len(data) > limit:
        raise ValidationError("audit.checkpoint_unreadable", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError("audit.checkpoint_unreadable", path=path) from exc
