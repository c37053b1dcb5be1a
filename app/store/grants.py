"""What the installation's service account may do (DESIGN.md "Audit at hospital scale").

The workstations reach the database with one low-privilege account. It reads and writes the
clinical tables, but on the audit tables it may only INSERT and SELECT: no UPDATE, no DELETE,
no TRUNCATE, so not even the account every PC logs in with can rewrite the trail. `db sql`
prints these statements after the DDL for the DBA; `db upgrade --service-account NAME` runs
them. SQLite has no accounts: triggers do the same there (app/store/append_only.py).
"""
from __future__ import annotations

import re

from app.errors import ValidationError
from app.store.append_only import APPEND_ONLY_TABLES
from app.store.schema import metadata

DEFAULT_ACCOUNT = "wardstation_app"
_ACCOUNT = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,29}$")
SERVER_DIALECTS = ("dm", "oracle", "kingbase", "postgresql")


def check_account(name: str) -> str:
    if not _ACCOUNT.match(name):
        raise ValidationError("db.bad_account", name=name)
    return name


def grant_statements(dialect: str, account: str) -> list[str]:
    """GRANT statements for `account` (no terminator); empty for SQLite."""
    if dialect not in SERVER_DIALECTS:
        return []
    check_account(account)
    out: list[str] = []
    for table in sorted(metadata.tables):
        if table in APPEND_ONLY_TABLES:
            out.append(f"GRANT SELECT, INSERT ON {table} TO {account}")
        else:
            out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {account}")
    out.append(f"GRANT SELECT ON alembic_version TO {account}")
    return out


def grant_script(dialect: str, account: str) -> str:
    """The statements as the tail of a DBA script, with a note of what they mean."""
    lines = grant_statements(dialect, account)
    if not lines:
        return ""
    terminator = {"oracle": "\n\n/\n"}.get(dialect, ";")
    note = ("-- Service account " + account + ": the workstations' login. It may only INSERT and "
            "SELECT the audit tables (" + ", ".join(APPEND_ONLY_TABLES) + ").\n"
            "-- Create the account first; run this script as the schema owner, never as it.\n")
    return "\n" + note + "\n".join(line + terminator for line in lines) + "\n"
