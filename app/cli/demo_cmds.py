"""IT commands: `demo seed --url URL` and `audit verify --url URL` (DESIGN.md "Command line")."""
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

    audit = subparsers.add_parser("audit", help="the tamper-evident audit log")
    audit_sub = audit.add_subparsers(dest="audit_command")
    verify = audit_sub.add_parser("verify", help="check the audit log's hash chain")
    verify.add_argument("--url", required=True, help="database URL")
    verify.set_defaults(handler=cmd_verify)


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


@_guard
def cmd_verify(args: argparse.Namespace) -> int:
    """Walk the chain; exit 1 naming the first entry that does not hold."""
    from app.services.audit import verify_chain
    from app.store import migrate
    from app.store.db import open_database

    db = open_database(args.url)
    try:
        if migrate.check_schema(db) is None:
            return fail(f"no schema in {db.safe_url} (run: db upgrade --url ...)")
        with db.connect() as conn:
            report = verify_chain(conn)
    finally:
        db.dispose()
    if report.intact:
        print(f"audit chain intact: {report.entries} entries")
        return EXIT_OK
    reasons = {"missing": "is missing", "link": "does not link to the entry before it",
               "hash": "was altered (hash mismatch)", "head": "disagrees with the chain head"}
    print(f"audit chain broken at entry {report.broken_seq}: it {reasons[report.reason]} "
          f"({report.entries} entries intact before it)", file=sys.stderr)
    return EXIT_FAILURE
