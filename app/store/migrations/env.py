"""Alembic environment: online on the connection app.store.migrate hands over, offline (--sql)
for a dialect name so a DBA can review the DDL (`db sql --dialect dm`)."""
from __future__ import annotations

from typing import Any

from alembic import context

import app.store.migrations.impls  # noqa: F401  (Alembic implementations for dm / kingbase)
from app.store.schema import metadata

config = context.config


def _common() -> dict[str, Any]:
    return {"target_metadata": metadata, "compare_type": True}


def run_offline() -> None:
    context.configure(
        dialect_name=config.attributes["dialect_name"],
        literal_binds=True,
        output_buffer=config.attributes.get("output_buffer"),
        **_common(),
    )
    # Alembic inserts the version as a SQL literal, so SQLAlchemy adds RETURNING to fetch the
    # key back: harmless online, but "RETURNING ... INTO :ret_0" breaks a script for a DBA.
    context.get_context()._version.implicit_returning = False
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        render_as_batch=connection.dialect.name == "sqlite",
        # SQLite's DDL is transactional once the driver stops managing transactions itself
        # (dbdrivers/sqlite.py): a migration killed half-way rolls back whole.
        transactional_ddl=connection.dialect.name == "sqlite" or None,
        on_version_apply=config.attributes.get("on_version_apply"),
        **_common(),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
