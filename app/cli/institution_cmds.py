"""`exchange institutions`: the 医联体's member institutions, as hospital IT keeps them (issue 17).

    python main.py exchange institutions (--profile NAME | --url URL)              # the list
    python main.py exchange institutions (--profile NAME | --url URL) --set CODE --name NAME
                   --level {tertiary,secondary,primary} --endpoint URL             # add or change one
    python main.py exchange institutions (--profile NAME | --url URL) --disable CODE   # stop offering it

A change is audited (entity member_inst, staff empty: IT at the command line). A disabled
institution stays for the referrals that name it; it is no longer offered in the 转诊 form and its
platform is no longer asked. Bad input (a level not listed, an endpoint that is not http(s), an
unknown code) is one line and a non-zero exit; nothing is written.
"""
from __future__ import annotations

import argparse
import socket
from typing import Any
from urllib.parse import urlparse

from app.cli import EXIT_OK, fail
from app.cli.db_cmds import _guard

LEVELS = ("tertiary", "secondary", "primary")
CODE_MAX, NAME_MAX, ENDPOINT_MAX = 30, 80, 200


def register(sub: Any) -> None:
    p = sub.add_parser("institutions", help="list, add, change or disable member institutions")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--profile", metavar="NAME", help="server profile")
    where.add_argument("--url", help="database URL")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--set", metavar="CODE", help="add or change the institution with this code")
    what.add_argument("--disable", metavar="CODE", help="stop offering this institution")
    p.add_argument("--name", help="its name (with --set)")
    p.add_argument("--level", choices=LEVELS, help="tertiary, secondary or primary (with --set)")
    p.add_argument("--endpoint", metavar="URL", help="its platform's FHIR base URL (with --set)")
    p.set_defaults(handler=cmd_institutions)


def _check(args: argparse.Namespace) -> str:
    """'' when the --set arguments are complete and sound, else the one line to say."""
    code = (args.set or "").strip()
    if not code or len(code) > CODE_MAX:
        return f"--set needs a code of 1 to {CODE_MAX} characters"
    if not args.name or not args.name.strip() or len(args.name.strip()) > NAME_MAX:
        return f"--set needs --name (1 to {NAME_MAX} characters)"
    if args.level is None:
        return "--set needs --level (tertiary, secondary or primary)"
    url = urlparse(args.endpoint or "")
    if url.scheme not in ("http", "https") or not url.netloc or len(args.endpoint) > ENDPOINT_MAX:
        return "--set needs --endpoint, the platform's http(s) FHIR base URL"
    return ""


@_guard
def cmd_institutions(args: argparse.Namespace) -> int:
    from sqlalchemy import insert, select

    from app.cli.exchange_cmds import _open
    from app.ids import new_id
    from app.services.audit import AuditEntry, jsonable
    from app.services.write import run_unit
    from app.store.schema import member_inst

    if args.set is None and (args.name or args.level or args.endpoint):
        return fail("--name, --level and --endpoint go with --set CODE")
    if args.set is not None and (problem := _check(args)):
        return fail(problem)
    db = _open(args)
    try:
        if args.set is None and args.disable is None:
            with db.read() as conn:
                rows = conn.execute(select(member_inst).order_by(member_inst.c.code)).mappings().all()
            for r in rows:
                state = "" if r["is_active"] else "  (disabled)"
                print(f"{r['code']}\t{r['name']}\t{r['inst_level']}\t{r['endpoint']}{state}")
            print(f"{len(rows)} member institutions")
            return EXIT_OK
        code = (args.set or args.disable).strip()

        def change(uow: Any) -> str:
            row = uow.conn.execute(select(member_inst).where(member_inst.c.code == code)).mappings().first()
            if args.disable is not None:
                if row is None:
                    return "unknown"
                values: dict[str, Any] = {"is_active": False}
            else:
                values = {"name": args.name.strip(), "inst_level": args.level,
                          "endpoint": args.endpoint.strip().rstrip("/"), "is_active": True}
            if row is None:
                new = {"id": new_id(), "code": code, **values, "version": 1, "created_at": uow.now,
                       "updated_at": uow.now}
                uow.conn.execute(insert(member_inst).values(**new))
                uow.audit(AuditEntry("create", "member_inst", new["id"], None, None, None, jsonable(new)))
                return "added"
            from app.services.handlers import update_versioned

            update_versioned(uow, member_inst, row["id"], int(row["version"]), values)
            uow.audit(AuditEntry("update", "member_inst", str(row["id"]), None, None,
                                 jsonable({k: row[k] for k in values}), jsonable(values)))
            return "disabled" if args.disable is not None else "changed"

        outcome = run_unit(db, "cli@" + socket.gethostname(), change)
    finally:
        db.dispose()
    if outcome == "unknown":
        return fail(f"no member institution with code {code}")
    print(f"exchange institutions: {code} {outcome}")
    return EXIT_OK
