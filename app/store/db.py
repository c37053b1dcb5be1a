"""The one way the application opens a database: `open_database(url)` -> `Database`.

The engine comes from the driver registry (dbdrivers), with connect and per-call deadlines
already installed. Failures leave here as app.errors: OfflineError when the server is
unreachable or the link died (the write can be queued), DatabaseError otherwise, each with the
driver's ErrorKind. No message carries a password.
"""
from __future__ import annotations

import contextlib
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.errors import DatabaseError, OfflineError, ValidationError
from dbdrivers import registry
from dbdrivers.base import (
    CALL_TIMEOUT,
    CONNECT_TIMEOUT,
    HEALTH_TIMEOUT,
    BadURL,
    ConnectFailed,
    DeadlineExceeded,
    Driver,
    ErrorKind,
    mask_url,
)

__all__ = ["Database", "ErrorKind", "open_database"]

_MESSAGE_IDS = {
    ErrorKind.UNREACHABLE: "db.unreachable",
    ErrorKind.LOST: "db.lost",
    ErrorKind.AUTH: "db.auth_failed",
    ErrorKind.CONSTRAINT: "db.constraint",
    ErrorKind.OTHER: "db.error",
}

# Errors that come from talking to the database (anything else passes through untouched).
_DB_ERRORS = (DBAPIError, DeadlineExceeded, ConnectFailed, SQLAlchemyError)


class Database:
    """An engine plus the driver that understands its failures."""

    def __init__(self, url: URL, driver: Driver, engine: Engine) -> None:
        self.url = url
        self.driver = driver
        self.engine = engine

    def __repr__(self) -> str:
        return f"Database({self.safe_url})"

    @property
    def safe_url(self) -> str:
        """The URL with the password masked: the only form that goes into messages."""
        return mask_url(self.url)

    @property
    def dialect_name(self) -> str:
        return self.engine.dialect.name

    def translate(self, exc: BaseException, *, during_connect: bool = False) -> DatabaseError:
        """The application error for a driver failure, classified by the driver."""
        if isinstance(exc, DatabaseError):
            return exc
        kind = self.driver.classify(exc, during_connect=during_connect, url=self.url)
        params = {"url": self.safe_url, "cause": _cause_name(exc)}
        if kind in (ErrorKind.UNREACHABLE, ErrorKind.LOST):
            return OfflineError(_MESSAGE_IDS[kind], kind.value, **params)
        return DatabaseError(_MESSAGE_IDS[kind], kind.value, **params)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A pooled connection; driver failures become DatabaseError / OfflineError."""
        try:
            conn = self.engine.connect()
        except _DB_ERRORS as exc:
            raise self.translate(exc, during_connect=True) from exc
        try:
            yield conn
        except _DB_ERRORS as exc:
            raise self.translate(exc) from exc
        finally:
            with contextlib.suppress(Exception):   # already invalid: the pool forgets it
                conn.close()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in a transaction: committed on normal exit, rolled back on any error."""
        with self.connect() as conn, conn.begin():
            yield conn

    def ping(self, timeout: float = HEALTH_TIMEOUT) -> float:
        """One health-check round trip in seconds, under a hard deadline."""
        try:
            return self.driver.health_check(self.engine, timeout)
        except _DB_ERRORS as exc:
            during_connect = isinstance(exc, ConnectFailed) or _is_connect_deadline(exc)
            raise self.translate(exc, during_connect=during_connect) from exc

    def latency_ms(self, samples: int = 5, timeout: float = HEALTH_TIMEOUT) -> float:
        """Median round trip in milliseconds (the first call also opens the connection)."""
        self.ping(timeout)
        return statistics.median(self.ping(timeout) for _ in range(samples)) * 1000

    def server_version(self) -> str:
        with self.connect() as conn:
            return self.driver.server_version(conn)

    def dispose(self) -> None:
        self.engine.dispose()


def _is_connect_deadline(exc: BaseException) -> bool:
    return isinstance(exc, DeadlineExceeded) and exc.what == "connect"


def _cause_name(exc: BaseException) -> str:
    if isinstance(exc, ConnectFailed):
        return type(exc.original).__name__
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return type(exc.orig).__name__
    return type(exc).__name__


def open_database(
    url: str,
    *,
    call_timeout: float = CALL_TIMEOUT,
    connect_timeout: float = CONNECT_TIMEOUT,
) -> Database:
    """A Database for any supported URL; nothing is contacted until first use.

    Raises ValidationError("db.bad_url") for a malformed or unsupported URL.
    """
    try:
        driver, parsed = registry.lookup(url)
        engine = driver.create_engine(parsed, connect_timeout=connect_timeout,
                                      call_timeout=call_timeout)
    except BadURL as exc:
        raise ValidationError("db.bad_url", reason=str(exc)) from None
    except Exception as exc:   # e.g. the dialect's driver package fails to import
        raise ValidationError("db.bad_url", reason=f"{mask_url(url)}: {type(exc).__name__}") from None
    return Database(parsed, driver, engine)


def describe_error(err: Exception) -> Optional[str]:
    """One plain English line for the command line (the GUI translates message ids itself)."""
    params = getattr(err, "params", {})
    url = params.get("url", "")
    texts = {
        "db.unreachable": f"cannot reach the database server at {url}",
        "db.lost": f"the connection to {url} was lost or stopped answering",
        "db.auth_failed": f"the database refused the login for {url} (user, password or database name)",
        "db.constraint": "the database rejected the data (a constraint was violated)",
        "db.error": f"database error ({params.get('cause', '?')}) at {url}",
        "db.bad_url": str(params.get("reason", "bad database URL")),
        "db.schema_too_new": (
            f"the database schema (revision {params.get('revision', '?')}) is newer than this "
            "client: install the newer WardStation"),
    }
    return texts.get(getattr(err, "message_id", ""))
