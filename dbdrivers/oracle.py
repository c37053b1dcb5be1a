"""Oracle through python-oracledb in thin mode (no Instant Client): `oracle+oracledb://`.

Errors are classified from the driver's full codes (ORA-nnnnn from the server, DPY-nnnn from
the driver itself), never from message text.
"""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine

from dbdrivers.base import WRITE, Capabilities, Driver, ErrorKind

_UNREACHABLE = frozenset({"DPY-6000", "DPY-6001", "DPY-6002", "DPY-6003", "DPY-6005",
                          "ORA-12170", "ORA-12514", "ORA-12541", "ORA-12543", "ORA-12545"})
_LOST = frozenset({"DPY-1001", "DPY-4011", "DPY-4024", "ORA-03113", "ORA-03114", "ORA-03135",
                   "ORA-12152", "ORA-01012", "ORA-02396"})
_AUTH = frozenset({"ORA-01017", "ORA-28000", "ORA-28001", "ORA-01045", "ORA-01005",
                   "ORA-01031"})
_CONSTRAINT = frozenset({"ORA-00001", "ORA-02290", "ORA-02291", "ORA-02292", "ORA-01400",
                         "ORA-01407"})


class OracleDriver(Driver):
    name = "oracle"
    schemes = ("oracle+oracledb", "oracle")
    dialect_name = "oracle"
    default_port = 1521
    health_sql = "SELECT 1 FROM DUAL"
    capabilities = Capabilities(
        has_returning=True,
        has_sequences=True,
        transactional_ddl=False,
        embedded=False,
        max_identifier_length=30,
        needs_identity_insert=False,
        runs_here=False,
    )

    def dbapi(self) -> Any:
        import oracledb

        return oracledb

    def connect_args(self, url: URL, connect_timeout: float, call_timeout: float) -> dict[str, Any]:
        # tcp_connect_timeout bounds the connect; expire_time (minutes) probes idle links.
        return {"tcp_connect_timeout": float(connect_timeout), "expire_time": 1, "retry_count": 0}

    def on_engine(self, engine: Engine, call_timeout: float, role: str = WRITE) -> None:
        @event.listens_for(engine, "connect")
        def _call_timeout(dbapi_conn: Any, conn_rec: Any) -> None:
            dbapi_conn.call_timeout = int(call_timeout * 1000)   # the driver's own deadline

    def abort(self, dbapi_conn: Any) -> None:
        dbapi_conn.cancel()

    def server_version(self, conn: Connection) -> str:
        raw = conn.connection.dbapi_connection
        return f"Oracle {getattr(raw, 'version', '?')}"

    @staticmethod
    def full_code(exc: BaseException) -> Optional[str]:
        detail = exc.args[0] if exc.args else None
        code = getattr(detail, "full_code", None)
        return code if isinstance(code, str) else None

    def classify_dbapi(self, exc: BaseException, *, during_connect: bool,
                       url: Optional[URL]) -> ErrorKind:
        code = self.full_code(exc)
        if code in _AUTH:
            return ErrorKind.AUTH
        if code in _CONSTRAINT or isinstance(exc, self.dbapi().IntegrityError):
            return ErrorKind.CONSTRAINT
        if code in _UNREACHABLE:
            return ErrorKind.UNREACHABLE
        if code in _LOST:
            return ErrorKind.UNREACHABLE if during_connect else ErrorKind.LOST
        return ErrorKind.OTHER


DRIVER = OracleDriver()
