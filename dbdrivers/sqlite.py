"""SQLite (stdlib) and SQLCipher (`sqlite+pysqlcipher://:KEY@/path`) files.

Every connection gets WAL, foreign keys, a busy timeout and synchronous=FULL: PLATFORM.md
measured WAL + NORMAL losing acknowledged commits on power cuts, WAL + FULL none.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Optional

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine

from dbdrivers.base import READ, WRITE, BadURL, Capabilities, Driver, ErrorKind, mask_url

BUSY_TIMEOUT_MS = 5000

# Primary result codes (sqlite3.h); Python 3.11+ exposes them on the exception.
SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_AUTH, SQLITE_NOTADB = 3, 14, 23, 26
SQLITE_CONSTRAINT = 19
SQLITE_FULL = 13


def _dbapi_modules() -> list[Any]:
    mods: list[Any] = [sqlite3]
    try:
        from sqlcipher3 import dbapi2

        mods.append(dbapi2)
    except ImportError:
        pass
    return mods


class SqliteDriver(Driver):
    name = "sqlite"
    schemes = ("sqlite", "sqlite+pysqlite", "sqlite+pysqlcipher")
    dialect_name = "sqlite"
    default_port = None
    abort_invalidates = False       # interrupt() leaves the connection usable
    connect_in_thread = False       # a local file opens at once; sqlite3 objects are thread-bound
    capabilities = Capabilities(
        has_returning=True,
        has_sequences=False,
        transactional_ddl=True,
        embedded=True,
        max_identifier_length=128,
        needs_identity_insert=False,
        runs_here=True,
    )

    def validate_url(self, url: URL) -> None:
        if url.host:
            raise BadURL(f"an SQLite URL names a file, not a host: {mask_url(url)}")
        if url.drivername == "sqlite+pysqlcipher" and not url.password:
            raise BadURL("an SQLCipher URL needs the key as password: sqlite+pysqlcipher://:KEY@/path")

    def connect_args(self, url: URL, connect_timeout: float, call_timeout: float) -> dict[str, Any]:
        # Pooled connections move between threads; each is used by one thread at a time.
        return {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}

    def engine_kwargs(self, url: URL, role: str = WRITE) -> dict[str, Any]:
        # Reads run without a transaction (each SELECT sees the last commit); writes take the
        # write lock at BEGIN (below), so two writers queue on the busy timeout instead of one
        # failing with "database is locked" when a deferred transaction tries to upgrade.
        kwargs: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if role == READ else {}
        if url.drivername == "sqlite+pysqlcipher":
            # SQLAlchemy's default for SQLCipher is a connection per thread: each new worker
            # thread opened the file again, and every open derives the key (PBKDF2, about 150 ms
            # holding the interpreter lock: a frozen window). A file's pool, like plain SQLite's.
            from sqlalchemy.pool import QueuePool

            kwargs["poolclass"] = QueuePool
        return kwargs

    def on_engine(self, engine: Engine, call_timeout: float, role: str = WRITE) -> None:
        memory = engine.url.database in (None, "", ":memory:")

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, conn_rec: Any) -> None:
            # The driver's own implicit transactions skip DDL, so a schema created by a process
            # killed half-way stayed half-created. Let SQLAlchemy's BEGIN (below) decide instead.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            try:
                if not memory:
                    cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                cur.execute("PRAGMA synchronous=FULL")
            finally:
                cur.close()

        if role == READ:
            return

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    def abort(self, dbapi_conn: Any) -> None:
        dbapi_conn.interrupt()

    def server_version(self, conn: Connection) -> str:
        version = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        if conn.dialect.driver == "pysqlcipher":
            cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            return f"SQLite {version} (SQLCipher {cipher})"
        return f"SQLite {version}"

    def is_dbapi_error(self, exc: BaseException) -> bool:
        return any(isinstance(exc, mod.Error) for mod in _dbapi_modules())

    def classify_dbapi(self, exc: BaseException, *, during_connect: bool,
                       url: Optional[URL]) -> ErrorKind:
        code: Optional[int] = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        for mod in _dbapi_modules():
            if isinstance(exc, mod.IntegrityError) or primary == SQLITE_CONSTRAINT:
                return ErrorKind.CONSTRAINT
        if primary == SQLITE_FULL:
            return ErrorKind.FULL          # the PC's disk (the replica, the outbox, the demo file)
        if primary in (SQLITE_AUTH, SQLITE_NOTADB):
            return ErrorKind.AUTH          # SQLCipher: wrong key reads as "not a database"
        if primary in (SQLITE_CANTOPEN, SQLITE_PERM):
            return ErrorKind.UNREACHABLE
        if primary is None and during_connect:
            return ErrorKind.UNREACHABLE   # Python 3.9: no code; the file could not be opened
        return ErrorKind.OTHER


DRIVER = SqliteDriver()
