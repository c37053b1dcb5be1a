"""The schema revision this client migrates to, and the one a database holds, read without
importing Alembic (a start on an existing database needs one query, not the migration tool).

tests/dbdrivers/test_migrations_match_schema.py checks HEAD_REVISION against Alembic's head.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from app.store.head import HEAD_REVISION

__all__ = ["HEAD_REVISION", "stored_revision"]


def stored_revision(conn: Connection) -> Optional[str]:
    """alembic_version's one row; None when the table is missing or empty (never migrated).

    Only for a database this process may roll back on (a missing table fails the statement)."""
    try:
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        if conn.in_transaction():
            conn.rollback()
        return None
    return None if value is None else str(value)
