"""Append-only tables: the audit trail may be inserted and read, never updated or deleted.

On server engines this is a grant (see app/store/grants.py: the service account gets INSERT and
SELECT only); SQLite has no accounts, so triggers refuse UPDATE and DELETE there. Whoever can
write the file can drop a trigger too: the keyed checkpoints kept outside the database
(`audit checkpoint`) are what detects that.
"""
from __future__ import annotations

# audit_rec is written from revision 0002 on; audit_log/audit_head hold revision 0001's chain.
APPEND_ONLY_TABLES: tuple[str, ...] = ("audit_rec", "audit_log", "audit_head")


def sqlite_triggers(table: str) -> list[str]:
    """CREATE TRIGGER statements that make `table` append-only on SQLite."""
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def sqlite_drop_triggers(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_no_{verb}" for verb in ("update", "delete")]
