"""IT commands: `db upgrade`, `db sql`, `check` and `profile add/list/remove` (DESIGN.md).

Every failure is one plain line on standard error with a non-zero exit; passwords are masked
in everything printed. Set WARDSTATION_DEBUG=1 to get a traceback for an unexpected error.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
import traceback
from typing import Any, Callable, Optional

from app.cli import EXIT_OK, fail
from app.errors import WardStationError

DIALECTS = ("dm", "oracle", "kingbase", "postgresql", "sqlite")
UPGRADE_CALL_TIMEOUT = 120.0     # dictionary batches on a slow link take longer than a click


def register(subparsers: Any) -> None:
    db = subparsers.add_parser("db", help="create or migrate the schema; DDL for a DBA")
    db_sub = db.add_subparsers(dest="db_command")
    up = db_sub.add_parser("upgrade", help="create or migrate the schema, then load dictionaries")
    up.add_argument("--url", required=True, help="database URL, e.g. dm+dmPython://USER:PWD@host:5236/")
    up.add_argument("--no-dictionaries", action="store_true", help="only the schema")
    up.add_argument("--service-account", metavar="NAME",
                    help="also grant NAME its rights (INSERT and SELECT only on the audit tables)")
    up.set_defaults(handler=cmd_upgrade)
    sql = db_sub.add_parser("sql", help="print the DDL for a DBA to review and run")
    sql.add_argument("--dialect", required=True, choices=DIALECTS)
    sql.add_argument("--service-account", metavar="NAME", default=None,
                     help="the workstations' database account the grants are for "
                          "(default wardstation_app)")
    sql.set_defaults(handler=cmd_sql)

    check = subparsers.add_parser("check", help="can this PC reach that database?")
    check.add_argument("--url", required=True, help="database URL")
    check.set_defaults(handler=cmd_check)

    prof = subparsers.add_parser("profile", help="named server profiles (password in the keyring)")
    prof_sub = prof.add_subparsers(dest="profile_command")
    add = prof_sub.add_parser("add", help="add or replace a profile")
    add.add_argument("name")
    add.add_argument("--url", required=True, help="database URL (a password in it goes to the keyring)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.set_defaults(handler=cmd_profile_add)
    ls = prof_sub.add_parser("list", help="list profiles")
    ls.set_defaults(handler=cmd_profile_list)
    rm = prof_sub.add_parser("remove", help="remove a profile and its password")
    rm.add_argument("name")
    rm.set_defaults(handler=cmd_profile_remove)


# --- helpers -------------------------------------------------------------------------------

def _guard(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn every failure into one line: known errors by id, anything else by type."""

    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except WardStationError as err:
            return fail(describe(err))
        except Exception as exc:
            if os.environ.get("WARDSTATION_DEBUG"):
                traceback.print_exc()
            return fail(f"unexpected error ({type(exc).__name__}); "
                        "run with WARDSTATION_DEBUG=1 for details")

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


def describe(err: WardStationError) -> str:
    from app.store.db import describe_error

    text = describe_error(err)
    if text is not None:
        return text
    params = err.params
    texts = {
        "db.unknown_dialect": f"unknown dialect {params.get('dialect')!r} "
                              f"(choose from {params.get('known')})",
        "profile.unknown": f"no profile named {params.get('name')!r} (see: profile list)",
        "profile.bad_name": f"bad profile name {params.get('name')!r}: letters, digits, . _ -",
        "profile.keyring_unavailable": "the system keyring is not available "
                                       f"({params.get('cause')}); cannot store the password",
        "profile.file_unreadable": f"cannot read the profile file {params.get('path')}",
        "db.bad_account": f"bad service account name {params.get('name')!r}: a letter, then "
                          "letters, digits or _ (at most 30)",
        "audit.no_keyring": "the system keyring is not available "
                            f"({params.get('cause')}): the checkpoint key lives there",
        "audit.no_checkpoint_key": "no audit checkpoint key in this machine's keyring "
                                   "(run audit checkpoint here first)",
        "audit.checkpoint_unreadable": "the file is not an audit checkpoint",
        "audit.checkpoint_forged": "the checkpoint's signature does not hold: the file was "
                                   "altered or made with another key",
    }
    return texts.get(err.message_id, str(err))


class ProgressLine:
    """A progress line on stderr: rewritten in place on a terminal, one line per stage otherwise."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.tty = sys.stderr.isatty()
        self.last_label = ""
        self.last_time = 0.0

    def __call__(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if not self.tty and label == self.last_label and not finished:
            return
        if self.tty and now - self.last_time < 0.1 and not finished:
            return
        self.last_label, self.last_time = label, now
        amount = f"{done}/{total}" if total else str(done)
        text = f"wardstation: {self.stage}: {label} {amount}"
        if self.tty:
            sys.stderr.write("\r\033[K" + text + ("\n" if finished else ""))
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()


# --- commands ------------------------------------------------------------------------------

@_guard
def cmd_upgrade(args: argparse.Namespace) -> int:
    """Create or migrate the schema, then load the dictionaries."""
    from app.store import migrate
    from app.store.db import open_database

    db = open_database(args.url, call_timeout=UPGRADE_CALL_TIMEOUT)
    try:
        before = migrate.check_schema(db)      # fails before anything is printed
        print(f"wardstation: upgrading {db.safe_url}", file=sys.stderr)
        revision = migrate.upgrade(db, ProgressLine("schema"))
        state = "already at" if before == revision else "migrated to"
        print(f"schema {state} revision {revision}")
        if args.service_account:
            granted = _grant(db, args.service_account)
            print(f"service account {args.service_account}: {granted} grants "
                  "(audit tables: INSERT and SELECT only)")
        if not args.no_dictionaries:
            counts = _load_dictionaries(db)
            written = sum(counts.values())
            detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(f"dictionaries: {written} rows written ({detail})")
    finally:
        db.dispose()
    return EXIT_OK


def _grant(db: Any, account: str) -> int:
    from sqlalchemy import text

    from app.store.grants import grant_statements

    statements = grant_statements(db.dialect_name, account)
    with db.begin() as conn:
        for stmt in statements:
            conn.execute(text(stmt))
    return len(statements)


def _load_dictionaries(db: Any) -> dict[str, int]:
    from app.clock import utcnow
    from app.dictionaries.loader import load_all
    from app.services import demo_consumables

    with db.begin() as conn:
        counts: dict[str, int] = load_all(conn, ProgressLine("dictionaries"))
        # The default 附材 rules, once per rule code: after that they are the hospital's data.
        counts.update(demo_consumables.seed(conn, utcnow()))
    return counts


@_guard
def cmd_sql(args: argparse.Namespace) -> int:
    """Print the DDL from empty to the newest revision for one dialect."""
    from app.store import grants, migrate

    account = grants.check_account(args.service_account or grants.DEFAULT_ACCOUNT)
    sys.stdout.write(migrate.offline_sql(args.dialect, service_account=account))
    return EXIT_OK


@_guard
def cmd_check(args: argparse.Namespace) -> int:
    """Engine, server version, round-trip latency and schema revision."""
    from app.store import migrate
    from app.store.db import open_database

    db = open_database(args.url)
    try:
        latency = db.latency_ms(samples=5)
        version = db.server_version()
        revision = migrate.check_schema(db)
        head = migrate.head_revision()
        if revision is None:
            schema = "not initialised (run: db upgrade --url ...)"
        elif revision == head:
            schema = f"{revision} (current)"
        else:
            schema = f"{revision} (this client migrates to {head}: run db upgrade)"
        print(f"engine:   {db.driver.name} ({db.safe_url})")
        print(f"server:   {version}")
        print(f"latency:  {latency:.2f} ms (median of 5 round trips)")
        print(f"schema:   {schema}")
    finally:
        db.dispose()
    return EXIT_OK


@_guard
def cmd_profile_add(args: argparse.Namespace) -> int:
    from app import profiles

    password: Optional[str] = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif sys.stdin.isatty() and ":" not in args.url.split("@")[0].split("://", 1)[-1] \
            and not args.url.startswith("sqlite"):
        password = getpass.getpass("service account password: ") or None
    profiles.save_profile(args.name, args.url, password)
    print(f"profile {args.name} saved")
    return EXIT_OK


@_guard
def cmd_profile_list(args: argparse.Namespace) -> int:
    from app import profiles

    for name, url in profiles.list_profiles().items():
        print(f"{name}\t{url}")
    return EXIT_OK


@_guard
def cmd_profile_remove(args: argparse.Namespace) -> int:
    from app import profiles

    if not profiles.remove_profile(args.name):
        return fail(f"no profile named {args.name!r}")
    print(f"profile {args.name} removed")
    return EXIT_OK
