"""The one small protocol every engine module implements (STYLE.md rule 7).

A driver knows its URL schemes, how to build an engine with connect and per-call deadlines
(PLATFORM.md "Outages"), how to tell an unreachable server from a lost link, a refused login
or a constraint violation (from exception types and codes, never message text alone), its
server version and its DDL dialect. It knows nothing about the application above it.
"""
from __future__ import annotations

import contextlib
import enum
import socket
import time
from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import URL, Connection, Dialect, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.schema import CreateIndex, CreateTable

from dbdrivers import watchdog

# Defined beside the watchdog that raises it (no import cycle); re-exported for the callers.
from dbdrivers.watchdog import DeadlineExceeded as DeadlineExceeded

# Defaults measured against PLATFORM.md: a dead link must be reported within 6 s, as offline.
CONNECT_TIMEOUT = 3.0      # seconds for a new connection, including the login exchange
CALL_TIMEOUT = 5.0         # seconds for one statement or commit unless the caller says otherwise
HEALTH_TIMEOUT = 3.0       # seconds for the health-check round trip

READ = "read"              # engine roles: reads never wait behind a save (DESIGN.md)
WRITE = "write"


class ErrorKind(str, enum.Enum):
    """What a failure means for the user, decided by the driver."""

    UNREACHABLE = "unreachable"   # no connection could be made (server down, wrong host/port)
    LOST = "lost"                 # the link died or stopped answering mid-call
    AUTH = "auth"                 # login refused (user, password, database name)
    CONSTRAINT = "constraint"     # unique / foreign key / check violation
    FULL = "full"                 # no room left: the disk or the database file is full
    OTHER = "other"               # anything else: a bug or a server-side problem


class BadURL(ValueError):
    """The URL cannot be used with this driver; the message never holds the password."""


class ConnectFailed(Exception):
    """A connection attempt failed; carries the driver's verdict so nothing re-guesses it."""

    def __init__(self, kind: ErrorKind, original: BaseException) -> None:
        super().__init__(f"{kind.value}: {type(original).__name__}")
        self.kind = kind
        self.original = original


@dataclass(frozen=True)
class Capabilities:
    """What callers may rely on; checked instead of `if dialect == ...` scattered around."""

    has_returning: bool
    has_sequences: bool
    transactional_ddl: bool
    embedded: bool                 # a local file, no server (SQLite)
    max_identifier_length: int
    needs_identity_insert: bool    # DM: explicit IDENTITY values need SET IDENTITY_INSERT
    runs_here: bool                # a real server of this engine can run on a build machine


def mask_url(url: str | URL) -> str:
    """The URL as text with any password replaced by ***: safe for every message."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except Exception:
        text = str(url)
        # Not parseable: hide everything between "://user:" and "@".
        if "://" in text and "@" in text:
            scheme, rest = text.split("://", 1)
            creds, host = rest.rsplit("@", 1)
            user = creds.split(":", 1)[0]
            return f"{scheme}://{user}:***@{host}"
        return text
    return parsed.render_as_string(hide_password=True)


def tcp_reachable(host: str, port: int, timeout: float = 1.0) -> bool:
    """Whether something accepts TCP at host:port: separates 'refused login' from 'no server'."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


class Driver:
    """Base of every engine module; subclasses fill in the class attributes and hooks."""

    name: str = ""                       # registry key and what `check` prints as the engine
    schemes: tuple[str, ...] = ()        # URL drivernames this driver accepts
    dialect_name: str = ""               # SQLAlchemy dialect name used for DDL
    default_port: Optional[int] = None
    capabilities: Capabilities
    health_sql: str = "SELECT 1"
    # Whether aborting a hung call leaves the connection unusable (network drivers: yes).
    abort_invalidates: bool = True
    # False when the driver reports every failed connect with one uncoded type (libpq).
    connect_errors_have_codes: bool = True
    # False when the connection object must stay in the thread that made it (sqlite3).
    connect_in_thread: bool = True
    # True when the dialect has an AUTOCOMMIT isolation level: reads then send no BEGIN and
    # no ROLLBACK, only their statements (dmsqlalchemy has none: its reads roll back on return).
    autocommit_reads: bool = True

    # --- URL -----------------------------------------------------------------------------
    def parse_url(self, url: str | URL) -> URL:
        """Parse and validate; raises BadURL with a masked message."""
        try:
            parsed = url if isinstance(url, URL) else make_url(url)
        except (ArgumentError, ValueError) as exc:
            raise BadURL(f"malformed database URL: {mask_url(url)}") from exc
        if parsed.drivername not in self.schemes:
            raise BadURL(f"{parsed.drivername} is not handled by the {self.name} driver")
        self.validate_url(parsed)
        return parsed

    def validate_url(self, url: URL) -> None:
        """Engine-specific checks; server engines need a host."""
        if not url.host:
            raise BadURL(f"database URL has no host: {mask_url(url)}")
        if url.port is not None and not 0 < url.port < 65536:
            raise BadURL(f"database URL has a bad port: {mask_url(url)}")

    def address(self, url: URL) -> Optional[tuple[str, int]]:
        """Host and port the server listens on, or None for an embedded engine."""
        if url.host is None or self.default_port is None:
            return None
        return url.host, url.port or self.default_port

    # --- engine --------------------------------------------------------------------------
    def connect_args(self, url: URL, connect_timeout: float, call_timeout: float) -> dict[str, Any]:
        """Driver keyword arguments for the connect and keepalive deadlines."""
        return {}

    def engine_kwargs(self, url: URL, role: str = WRITE) -> dict[str, Any]:
        """Pool options. No pre-ping: it costs a round trip on every checkout; a dead pooled
        connection is found by the call's own error (reads retry once) and by the health check."""
        kwargs: dict[str, Any] = {"pool_size": 5, "max_overflow": 5}
        if role == READ and self.autocommit_reads:
            kwargs.update(isolation_level="AUTOCOMMIT", pool_reset_on_return=None)
        return kwargs

    def create_engine(
        self,
        url: str | URL,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        call_timeout: float = CALL_TIMEOUT,
        role: str = WRITE,
    ) -> Engine:
        """An engine whose every connect, statement and commit runs under a deadline.

        `role` READ gives the read pool: autocommit where the dialect has it, so a read is its
        statements and nothing else; WRITE gives the pool the unit of work uses."""
        parsed = self.parse_url(url)
        args = self.connect_args(parsed, connect_timeout, call_timeout)
        for key in list(args):
            if key in parsed.query:          # an explicit URL option wins
                del args[key]
        engine = create_engine(parsed, connect_args=args, **self.engine_kwargs(parsed, role))
        self.install_deadlines(engine, connect_timeout, call_timeout)
        self.on_engine(engine, call_timeout, role)
        return engine

    def on_engine(self, engine: Engine, call_timeout: float, role: str = WRITE) -> None:
        """Hook for per-connection settings (PRAGMAs, session parameters)."""

    def install_deadlines(self, engine: Engine, connect_timeout: float, call_timeout: float) -> None:
        """Connect runs in a helper thread joined with a deadline; statements arm the watchdog."""
        driver = self

        url = engine.url

        @event.listens_for(engine, "do_connect")
        def _connect(dialect: Dialect, conn_rec: Any, cargs: Any, cparams: Any) -> Any:
            start = time.monotonic()
            try:
                if not driver.connect_in_thread:
                    return dialect.connect(*cargs, **cparams)
                return watchdog.call_with_deadline(
                    lambda: dialect.connect(*cargs, **cparams),
                    connect_timeout + 1.0,
                    "connect",
                    cleanup=driver.close_quietly,
                )
            except Exception as exc:
                if not driver.is_dbapi_error(exc):
                    raise
                elapsed = time.monotonic() - start
                kind = driver.connect_failure_kind(exc, elapsed, connect_timeout, url)
                raise ConnectFailed(kind, exc) from exc

        self._guard_dialect_calls(engine, call_timeout)

        @event.listens_for(engine, "before_cursor_execute")
        def _arm(conn: Connection, cursor: Any, stmt: Any, params: Any, ctx: Any, many: bool) -> None:
            seconds = conn.get_execution_options().get("deadline", call_timeout)
            dbapi_conn = conn.connection.dbapi_connection
            token = watchdog.arm(seconds, lambda: driver.abort(dbapi_conn))
            conn.info["ws_deadline"] = (token, seconds)

        @event.listens_for(engine, "after_cursor_execute")
        def _disarm(conn: Connection, cursor: Any, stmt: Any, params: Any, ctx: Any, many: bool) -> None:
            armed = conn.info.pop("ws_deadline", None)
            if armed is not None:
                watchdog.disarm(armed[0])

        @event.listens_for(engine, "handle_error")
        def _on_error(ctx: Any) -> Optional[BaseException]:
            conn = ctx.connection
            armed = conn.info.pop("ws_deadline", None) if conn is not None else None
            if armed is None:
                return None
            fired = not watchdog.disarm(armed[0])
            if not fired:
                return None
            if driver.abort_invalidates:
                ctx.is_disconnect = True
            err = DeadlineExceeded("statement", armed[1])
            err.__cause__ = ctx.original_exception
            return err

    def _guard_dialect_calls(self, engine: Engine, call_timeout: float) -> None:
        """Commit and rollback reach the DBAPI connection without cursor events: put them
        under the watchdog too."""
        dialect = engine.dialect
        plain_commit = dialect.do_commit
        plain_rollback = dialect.do_rollback

        def guarded(fn: Any, seconds: float) -> Any:
            def call(dbapi_conn: Any) -> Any:
                token = watchdog.arm(seconds, lambda: self.abort(dbapi_conn))
                try:
                    return fn(dbapi_conn)
                finally:
                    watchdog.disarm(token)
            return call

        # Instance attributes shadow the dialect's methods for this engine only.
        setattr(dialect, "do_commit", guarded(plain_commit, call_timeout))  # noqa: B010
        setattr(dialect, "do_rollback", guarded(plain_rollback, call_timeout))  # noqa: B010

    def connect_failure_kind(self, exc: BaseException, elapsed: float, connect_timeout: float,
                             url: URL) -> ErrorKind:
        """Classify a failed connect. Drivers whose connect errors carry no code (libpq) cannot
        tell 'refused login' from 'no server' by type, so a quick failure while the port still
        accepts TCP means the server answered and said no."""
        kind = self.classify_dbapi(exc, during_connect=True, url=url)
        if kind is not ErrorKind.UNREACHABLE or self.connect_errors_have_codes:
            return kind
        address = self.address(url)
        if address is None or elapsed >= connect_timeout * 0.8:
            return kind
        return ErrorKind.AUTH if self.server_answers(*address) else ErrorKind.UNREACHABLE

    def server_answers(self, host: str, port: int) -> bool:
        """Whether a server of this engine listens at host:port (default: anything accepts TCP)."""
        return tcp_reachable(host, port)

    def abort(self, dbapi_conn: Any) -> None:
        """Make a call blocked on dbapi_conn return now (watchdog thread)."""

    @staticmethod
    def close_quietly(dbapi_conn: Any) -> None:
        with contextlib.suppress(Exception):
            dbapi_conn.close()

    # --- server --------------------------------------------------------------------------
    def health_check(self, engine: Engine, timeout: float = HEALTH_TIMEOUT) -> float:
        """One round trip on a pooled connection; returns seconds."""
        with engine.connect() as conn:
            start = time.perf_counter()
            conn.execution_options(deadline=timeout).exec_driver_sql(self.health_sql).scalar()
            return time.perf_counter() - start

    def server_version(self, conn: Connection) -> str:
        """The product and version string the server reports."""
        return str(conn.exec_driver_sql("SELECT version()").scalar())

    # --- errors --------------------------------------------------------------------------
    def classify(self, exc: BaseException, *, during_connect: bool = False,
                 url: Optional[URL] = None) -> ErrorKind:
        """Decide what a failure means. Works on SQLAlchemy wrappers and raw driver errors."""
        seen: set[int] = set()
        current: Optional[BaseException] = exc
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            if isinstance(current, ConnectFailed):
                return current.kind
            if isinstance(current, DeadlineExceeded):
                return ErrorKind.UNREACHABLE if current.what == "connect" else ErrorKind.LOST
            if isinstance(current, DBAPIError) and current.orig is not None:
                orig = current.orig
                if current.connection_invalidated and not during_connect:
                    kind = self.classify_dbapi(orig, during_connect=False, url=url)
                    return kind if kind in (ErrorKind.UNREACHABLE, ErrorKind.LOST) else ErrorKind.LOST
                return self.classify_dbapi(orig, during_connect=during_connect, url=url)
            if self.is_dbapi_error(current):
                return self.classify_dbapi(current, during_connect=during_connect, url=url)
            current = current.__cause__ or current.__context__
        return ErrorKind.OTHER

    def dbapi(self) -> Any:
        """The engine's DB-API module, imported on first use (ImportError when not installed)."""
        raise ImportError(f"{self.name}: no DB-API module declared")

    def is_dbapi_error(self, exc: BaseException) -> bool:
        """Whether `exc` comes from this engine's DB-API module (False when it is not installed)."""
        try:
            return isinstance(exc, self.dbapi().Error)
        except ImportError:
            return False

    def classify_dbapi(self, exc: BaseException, *, during_connect: bool,
                       url: Optional[URL]) -> ErrorKind:
        return ErrorKind.OTHER

    # --- DDL -----------------------------------------------------------------------------
    def dialect(self) -> Dialect:
        """A dialect instance for compiling SQL without a connection."""
        return URL.create(self.schemes[0]).get_dialect()()

    def compile_ddl(self, metadata: MetaData) -> list[str]:
        """CREATE TABLE and CREATE INDEX statements for this dialect, in dependency order."""
        dialect = self.dialect()
        out: list[str] = []
        for table in metadata.sorted_tables:
            out.append(str(CreateTable(table).compile(dialect=dialect)).strip())
            for index in sorted(table.indexes, key=lambda ix: str(ix.name)):
                out.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
        return out
