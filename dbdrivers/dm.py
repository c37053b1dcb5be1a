"""Dameng DM8 through dmPython and dmsqlalchemy (`dm+dmPython://USER:PWD@host:5236/`).

dmPython reports a refused connection as DatabaseError [CODE:-70028], not OperationalError
(PLATFORM.md), so errors are classified from the DmError code, never from message text.
"""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine

from dbdrivers.base import WRITE, Capabilities, Driver, ErrorKind

# dmsqlalchemy's is_disconnect list plus the connect-time socket codes.
_LINK_CODES = frozenset({-70025, -70028, -6010, -70019, -70101, -70102})
_AUTH_CODES = frozenset({-2501, -2502, -2503, -2504})       # bad user/password, locked, expired
_CONSTRAINT_CODES = frozenset({-6602, -6604, -6605, -6606, -6607, -6608, -6609, -6610, -6611})


class DmDriver(Driver):
    name = "dm"
    schemes = ("dm+dmPython", "dm")
    dialect_name = "dm"
    default_port = 5236
    health_sql = "SELECT 1 FROM DUAL"
    autocommit_reads = False      # dmsqlalchemy's sync dialect has no AUTOCOMMIT level
    capabilities = Capabilities(
        has_returning=False,
        has_sequences=True,
        transactional_ddl=False,
        embedded=False,
        max_identifier_length=30,       # the portable limit; DM itself allows 128
        needs_identity_insert=True,
        runs_here=False,
    )

    def dbapi(self) -> Any:
        import dmPython

        return dmPython

    def connect_args(self, url: URL, connect_timeout: float, call_timeout: float) -> dict[str, Any]:
        # login_timeout bounds the connect and login; connection_timeout every request (seconds).
        return {
            "login_timeout": max(1, round(connect_timeout)),
            "connection_timeout": max(1, round(call_timeout)),
            "app_name": "wardstation",
        }

    def on_engine(self, engine: Engine, call_timeout: float, role: str = WRITE) -> None:
        @event.listens_for(engine, "connect")
        def _utc(dbapi_conn: Any, conn_rec: Any) -> None:
            cur = dbapi_conn.cursor()
            try:
                cur.execute("ALTER SESSION SET TIME_ZONE = '+00:00'")
            except Exception:
                pass   # older servers: timestamps are stored naive UTC anyway
            finally:
                cur.close()

    def abort(self, dbapi_conn: Any) -> None:
        cancel = getattr(dbapi_conn, "cancel", None)
        if cancel is not None:
            cancel()
        else:
            dbapi_conn.close()

    def server_version(self, conn: Connection) -> str:
        raw = conn.connection.dbapi_connection
        version = getattr(raw, "server_version", None) if raw is not None else None
        return f"DM {version}" if version else str(
            conn.exec_driver_sql("SELECT banner FROM v$version WHERE ROWNUM = 1").scalar())

    @staticmethod
    def code(exc: BaseException) -> Optional[int]:
        detail = exc.args[0] if exc.args else None
        code = getattr(detail, "code", None)
        return code if isinstance(code, int) else None

    def classify_dbapi(self, exc: BaseException, *, during_connect: bool,
                       url: Optional[URL]) -> ErrorKind:
        code = self.code(exc)
        if code in _LINK_CODES:
            return ErrorKind.UNREACHABLE if during_connect else ErrorKind.LOST
        if code in _AUTH_CODES:
            return ErrorKind.AUTH
        if code in _CONSTRAINT_CODES or isinstance(exc, self.dbapi().IntegrityError):
            return ErrorKind.CONSTRAINT
        return ErrorKind.OTHER


DRIVER = DmDriver()
