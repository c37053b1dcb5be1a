"""The migrations create exactly what app/store/schema.py declares: a schema change without a
new Alembic revision fails here (on SQLite and on the PostgreSQL the tests start)."""
from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.store import migrate
from app.store.db import open_database
from app.store.schema import metadata


@pytest.mark.parametrize("fixture", ["sqlite_url", "pg_url"])
def test_head_matches_metadata(request: Any, fixture: str) -> None:
    db = open_database(str(request.getfixturevalue(fixture)))
    try:
        migrate.upgrade(db)
        with db.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, metadata)
    finally:
        db.dispose()
    assert diff == [], "schema.py and the migrations differ: add a revision (see migrate.py)"
