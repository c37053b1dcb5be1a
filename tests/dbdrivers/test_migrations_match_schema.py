"""The migrations create exactly what app/store/schema.py declares: a schema change without a
new Alembic revision fails here (on SQLite and on the PostgreSQL the tests start)."""
from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.store import migrate
from app.store.db import open_database
from app.store.revision import HEAD_REVISION
from app.store.schema import metadata

# Expression indexes: Alembic cannot compare their text (PostgreSQL reflects it rewritten, SQLite
# not at all), so each is checked by name and uniqueness instead.
EXPRESSION_INDEXES = {"uq_encounter_bed_occupant": "encounter"}


def _comparable(diff: list[Any]) -> list[Any]:
    def name(item: Any) -> str:
        return str(getattr(item[1], "name", "")) if isinstance(item, tuple) and len(item) > 1 else ""

    return [d for d in diff if name(d) not in EXPRESSION_INDEXES]


@pytest.mark.parametrize("fixture", ["sqlite_url", "pg_url"])
def test_head_matches_metadata(request: Any, fixture: str) -> None:
    db = open_database(str(request.getfixturevalue(fixture)))
    try:
        migrate.upgrade(db)
        with db.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, metadata)
            if conn.dialect.name == "sqlite":     # SQLAlchemy does not reflect them there
                rows = conn.exec_driver_sql(
                    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'").all()
                indexes = {t: {n: {"unique": "UNIQUE" in (sql or "")} for n, tt, sql in rows if tt == t}
                           for t in set(EXPRESSION_INDEXES.values())}
            else:
                indexes = {table: {ix["name"]: ix for ix in inspect(conn).get_indexes(table)}
                           for table in set(EXPRESSION_INDEXES.values())}
    finally:
        db.dispose()
    assert _comparable(diff) == [], "schema.py and the migrations differ: add a revision (see migrate.py)"
    for index, table in EXPRESSION_INDEXES.items():
        assert index in indexes[table] and indexes[table][index]["unique"]


def test_head_revision_constant_is_alembics_head() -> None:
    """The start-up check reads the revision without Alembic: the constant must be the head."""
    assert migrate.head_revision() == HEAD_REVISION
