"""Create or migrate the schema with Alembic, programmatically (no alembic.ini at run time).

The scripts are found next to this module, so a PyInstaller bundle that ships
app/store/migrations/ as data works the same as a source checkout.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection

import app.store.migrations.impls  # noqa: F401  (registers the dm / kingbase implementations)
from app.errors import SchemaTooNew, ValidationError
from app.progress import OptionalProgress
from app.store.db import Database
from dbdrivers import registry

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DIALECTS = ("dm", "oracle", "kingbase", "postgresql", "sqlite")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest revision this client knows (app/store/revision.py HEAD_REVISION says the same
    without Alembic; a test keeps the two equal)."""
    head = _script().get_current_head()
    if head is None:
        raise RuntimeError("no migration scripts found in " + str(MIGRATIONS_DIR))
    return head


def _revision_of(conn: Connection) -> Optional[str]:
    return MigrationContext.configure(conn).get_current_revision()


def current_revision(db: Database) -> Optional[str]:
    """The revision stored in the database, None for a database never initialised."""
    with db.connect() as conn:
        return _revision_of(conn)


def _check_known(revision: Optional[str]) -> None:
    if revision is None:
        return
    try:
        known = _script().get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise SchemaTooNew("db.schema_too_new", revision=revision)


def check_schema(db: Database) -> Optional[str]:
    """The current revision; SchemaTooNew when a newer client migrated the database."""
    revision = current_revision(db)
    _check_known(revision)
    return revision


def upgrade(db: Database, progress: OptionalProgress = None) -> str:
    """Create the schema on an empty database or migrate it to head; returns the revision."""
    script = _script()
    head = head_revision()
    with db.connect() as conn:
        current = _revision_of(conn)
        _check_known(current)
        if current == head:
            return head
        steps = list(script.iterate_revisions(head, current))
        total = len(steps)
        done = [0]

        def on_apply(*, ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
            done[0] += 1
            if progress is not None:
                progress(done[0], total, f"revision {step.up_revision_id}")

        if progress is not None:
            progress(0, total, "starting")
        cfg = _config()
        cfg.attributes["connection"] = conn
        cfg.attributes["on_version_apply"] = on_apply
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _sqlite_foreign_keys(conn, on=False)
        try:
            command.upgrade(cfg, "head")
            if sqlite:
                _sqlite_check_foreign_keys(conn)
            if conn.in_transaction():
                conn.commit()
        finally:
            if sqlite:
                if conn.in_transaction():
                    conn.rollback()
                _sqlite_foreign_keys(conn, on=True)
        return _revision_of(conn) or head


def _sqlite_foreign_keys(conn: Connection, *, on: bool) -> None:
    """SQLite rebuilds a table to change its constraints; with foreign keys on, dropping the old
    table breaks every row that references it. The pragma only works outside a transaction."""
    if conn.in_transaction():
        conn.rollback()
    raw: Any = conn.connection.dbapi_connection
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _sqlite_check_foreign_keys(conn: Connection) -> None:
    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        tables = sorted({str(row[0]) for row in problems})
        raise RuntimeError(f"migration left rows whose references do not hold in: {', '.join(tables)}")


def offline_sql(dialect: str, service_account: Optional[str] = None) -> str:
    """The whole DDL from empty to head for a DBA to review and run (Alembic offline mode),
    followed by the service account's grants (app/store/grants.py) when one is named."""
    if dialect not in DIALECTS:
        raise ValidationError("db.unknown_dialect", dialect=dialect, known=", ".join(DIALECTS))
    registry.drivers()       # registers the kingbase dialect with SQLAlchemy
    buffer = io.StringIO()
    cfg = _config()
    cfg.attributes["dialect_name"] = dialect
    cfg.attributes["output_buffer"] = buffer
    command.upgrade(cfg, "head", sql=True)
    text = buffer.getvalue()
    # DDL commits itself on DM and Oracle but the alembic_version row does not.
    if dialect == "dm":
        text += "COMMIT;\n"
    elif dialect == "oracle":
        text += "COMMIT\n\n/\n"
    if service_account:
        from app.store.grants import grant_script

        text += grant_script(dialect, service_account)
    return text
