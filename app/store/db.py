"""The one way the application opens a database: `open_database(url)` -> `Database`.

The engines come from the driver registry (dbdrivers), with connect and per-call deadlines
already installed: one pool for writes (the unit of work), one for reads, so a read never waits
behind a save and sends nothing but its statements (no pre-ping, no BEGIN/ROLLBACK where the
dialect allows). Failures leave here as app.errors: OfflineError when the server is unreachable
or the link died (the write can be queued), DatabaseError otherwise, each with the driver's
ErrorKind. This is the one place that owns the deadlines. No message carries a password.
"""
from __future__ import annotations

import contextlib
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, Optional, TypeVar

from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.errors import DatabaseError, OfflineError, ValidationError
from dbdrivers import registry
from dbdrivers.base import (
    CALL_TIMEOUT,
    CONNECT_TIMEOUT,
    HEALTH_TIMEOUT,
    READ,
    BadURL,
    ConnectFailed,
    DeadlineExceeded,
    Driver,
    ErrorKind,
    mask_url,
)

__all__ = ["Database", "ErrorKind", "open_database"]

T = TypeVar("T")
# A failure this quick on a pooled connection is a link that died while idle (server restart,
# reset): one more try on a fresh connection. A deadline that fired is never retried.
FAST_FAILURE = 1.0

_MESSAGE_IDS = {
    ErrorKind.UNREACHABLE: "db.unreachable",
    ErrorKind.LOST: "db.lost",
    ErrorKind.AUTH: "db.auth_failed",
    ErrorKind.CONSTRAINT: "db.constraint",
    ErrorKind.FULL: "db.full",
    ErrorKind.OTHER: "db.error",
}

# Errors that come from talking to the database (anything else passes through untouched).
_DB_ERRORS = (DBAPIError, DeadlineExceeded, ConnectFailed, SQLAlchemyError)


class Database:
    """The write and read engines plus the driver that understands their failures."""

    def __init__(self, url: URL, driver: Driver, engine: Engine, *,
                 call_timeout: float = CALL_TIMEOUT, connect_timeout: float = CONNECT_TIMEOUT,
                 read_engine: Optional[Engine] = None) -> None:
        self.url = url
        self.driver = driver
        self.engine = engine
        self.call_timeout = call_timeout
        self.connect_timeout = connect_timeout
        self._read_engine = read_engine
        self._lock = threading.Lock()
        # Per-process state the services keep per database (e.g. audit chain tips).
        self.state: dict[str, Any] = {}

    @property
    def read_engine(self) -> Engine:
        """The read pool, made on first use (CLI commands that only write never open it)."""
        with self._lock:
            if self._read_engine is None:
                self._read_engine = self.driver.create_engine(
                    self.url, connect_timeout=self.connect_timeout,
                    call_timeout=self.call_timeout, role=READ)
            return self._read_engine

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
            self._forget_pooled()
            return OfflineError(_MESSAGE_IDS[kind], kind.value, **params)
        return DatabaseError(_MESSAGE_IDS[kind], kind.value, **params)

    def _forget_pooled(self) -> None:
        """The link failed: idle connections of both pools are suspect, start both afresh."""
        with contextlib.suppress(Exception):
            self.engine.dispose(close=False)
        if self._read_engine is not None:
            with contextlib.suppress(Exception):
                self._read_engine.dispose(close=False)

    @contextmanager
    def _connection(self, engine: Engine) -> Iterator[Connection]:
        try:
            conn = engine.connect()
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
    def connect(self) -> Iterator[Connection]:
        """A pooled write connection; driver failures become DatabaseError / OfflineError."""
        with self._connection(self.engine) as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A pooled read connection (autocommit where the dialect has it)."""
        with self._connection(self.read_engine) as conn:
            yield conn

    def run_read(self, fn: Callable[[Connection], T]) -> T:
        """fn(conn) on the read pool; a link found dead at once is retried once afresh."""
        start = time.monotonic()
        try:
            with self.read() as conn:
                return fn(conn)
        except OfflineError as err:
            if not retryable(err, time.monotonic() - start):
                raise
        with self.read() as conn:
            return fn(conn)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in a transaction: committed on normal exit, rolled back on any error."""
        with self.connect() as conn, conn.begin():
            yield conn

    def ping(self, timeout: float = HEALTH_TIMEOUT) -> float:
        """One health-check round trip in seconds, under a hard deadline (on the read pool, so
        a save in progress never delays it)."""
        try:
            return self.driver.health_check(self.read_engine, timeout)
        except _DB_ERRORS as exc:
            during_connect = isinstance(exc, ConnectFailed) or _is_connect_deadline(exc)
            raise self.translate(exc, during_connect=during_connect) from exc

    def latency_ms(self, samples: int = 5, timeout: float = HEALTH_TIMEOUT) -> float:
        """Median round trip in milliseconds (the first call also opens the connection)."""
        self.ping(timeout)
        return statistics.median(self.ping(timeout) for _ in range(samples)) * 1000

    def server_version(self) -> str:
        with self.read() as conn:
            return self.driver.server_version(conn)

    def dispose(self) -> None:
        self.engine.dispose()
        if self._read_engine is not None:
            self._read_engine.dispose()


def retryable(err: OfflineError, elapsed: float) -> bool:
    """Whether a failed call may be tried once more: the link was found dead at once (not a
    deadline that already used the caller's time) and it was a lost link, not no server."""
    return (err.kind == ErrorKind.LOST.value and elapsed < FAST_FAILURE
            and err.params.get("cause") != DeadlineExceeded.__name__)


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
    return Database(parsed, driver, engine, call_timeout=call_timeout,
                    connect_timeout=connect_timeout)


def describe_error(err: Exception) -> Optional[str]:
    """One plain English line for the command line (the GUI translates message ids itself)."""
    params = getattr(err, "params", {})
    url = params.get("url", "")
    texts = {
        "db.unreachable": f"cannot reach the database server at {url}",
        "db.lost": f"the connection to {url} was lost or stopped answering",
        "db.auth_failed": f"the database refused the login for {url} (user, password or database name)",
        "db.constraint": "the database rejected the data (a constraint was violated)",
        "db.full": f"no room left to save at {url}: the disk (or the database file) is full",
        "db.error": f"database error ({params.get('cause', '?')}) at {url}",
        "db.bad_url": str(params.get("reason", "bad database URL")),
        "db.schema_too_new": (
            f"the database schema (revision {params.get('revision', '?')}) is newer than this "
            "client: install the newer WardStation"),
    }
    return texts.get(getattr(err, "message_id", ""))
