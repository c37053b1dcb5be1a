"""Shared code of the libpq family (PostgreSQL through psycopg2, KingbaseES through ksycopg2).

Engines share code through this base, never by subclassing each other (STYLE.md rule 7).
"""
from __future__ import annotations

import os
import re
import socket
import struct
from typing import Any, Optional

from sqlalchemy.engine import URL, Connection

from dbdrivers.base import Capabilities, Driver, ErrorKind

PG_CAPABILITIES = Capabilities(
    has_returning=True,
    has_sequences=True,
    transactional_ddl=True,
    embedded=False,
    max_identifier_length=63,
    needs_identity_insert=False,
    runs_here=True,
)

# SQLSTATE classes (PostgreSQL appendix A; KingbaseES keeps them in PG mode).
_LINK_STATES = ("57P01", "57P02", "57P03")     # admin/crash shutdown, cannot connect now
_AUTH_STATES = ("3D000", "42501")              # unknown database, insufficient privilege
# The protocol's SSLRequest: length 8, code 1234.5679; a server answers one byte, S or N
# (E from very old servers). Anything else on the port is not a libpq-family server.
_SSL_REQUEST = struct.pack("!II", 8, 80877103)
_SSL_ANSWERS = (b"S", b"N", b"E")


def speaks_libpq_protocol(host: str, port: int, timeout: float = 1.0) -> bool:
    """Ask for SSL the way libpq does and check the one-byte answer (then hang up)."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(_SSL_REQUEST)
            return sock.recv(1) in _SSL_ANSWERS
    except OSError:
        return False


class PgFamilyDriver(Driver):
    """libpq keepalives and timeouts, socket-level abort, SQLSTATE-based classification."""

    capabilities = PG_CAPABILITIES
    connect_errors_have_codes = False
    default_port: Optional[int] = 5432

    def dbapi(self) -> Any:
        raise NotImplementedError

    def sqlstate(self, exc: BaseException) -> Optional[str]:
        code = getattr(exc, "pgcode", None)
        return str(code) if code else None

    def connect_args(self, url: URL, connect_timeout: float, call_timeout: float) -> dict[str, Any]:
        # PLATFORM.md "Outages": connect_timeout for SYN drops, tcp_user_timeout for packets
        # dropped mid-query, keepalives for idle links. libpq wants whole seconds, at least 2.
        return {
            "connect_timeout": max(2, round(connect_timeout)),
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
            "tcp_user_timeout": 5000,
            "application_name": "wardstation",
        }

    def engine_kwargs(self, url: URL, role: str = "write") -> dict[str, Any]:
        # No hstore in the schema: skip the dialect's pg_type lookup on every new connection
        # (a BEGIN, a query and a ROLLBACK: three round trips before the first real statement).
        # A replay batch's rows in one INSERT (vitals: two or three rows a command); SQLAlchemy
        # still splits a statement at the dialect's bind-parameter limit.
        return dict(super().engine_kwargs(url, role), use_native_hstore=False,
                    insertmanyvalues_page_size=5000)

    def server_answers(self, host: str, port: int) -> bool:
        # A wrong port that reaches some other service (a web proxy, say) fails just as fast
        # as a refused login: only a server speaking the protocol can have refused it.
        return speaks_libpq_protocol(host, port)

    def abort(self, dbapi_conn: Any) -> None:
        """Shut the socket down under libpq: the blocked call returns with a link error."""
        fd = dbapi_conn.fileno()
        sock = socket.socket(fileno=os.dup(fd))
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.close()

    def classify_dbapi(self, exc: BaseException, *, during_connect: bool,
                       url: Optional[URL]) -> ErrorKind:
        mod = self.dbapi()
        state = self.sqlstate(exc)
        if isinstance(exc, mod.IntegrityError) or (state or "").startswith("23"):
            return ErrorKind.CONSTRAINT
        if state is not None:
            if state == "53100":
                return ErrorKind.FULL      # disk_full on the server
            if state.startswith("28") or state in _AUTH_STATES:
                return ErrorKind.AUTH
            if state.startswith("08") or state in _LINK_STATES:
                return ErrorKind.UNREACHABLE if during_connect else ErrorKind.LOST
            return ErrorKind.OTHER
        if isinstance(exc, (mod.OperationalError, mod.InterfaceError)):
            # No SQLSTATE: libpq itself failed (connect refused, timed out, socket closed).
            # Connect failures are refined by Driver.connect_failure_kind.
            return ErrorKind.UNREACHABLE if during_connect else ErrorKind.LOST
        return ErrorKind.OTHER

    def server_version(self, conn: Connection) -> str:
        return str(conn.exec_driver_sql("SELECT version()").scalar())


def version_tuple(server_version: Any, fallback_text: str = "") -> tuple[int, ...]:
    """(major, minor) from libpq's integer server_version (150004 -> (15, 4)), else from the
    first dotted number in a text such as SHOW server_version."""
    if isinstance(server_version, int) and server_version > 0:
        if server_version >= 100000:
            return (server_version // 10000, server_version % 10000)
        return (server_version // 10000, server_version // 100 % 100, server_version % 100)
    match = re.search(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", fallback_text)
    if not match:
        return (0,)
    return tuple(int(g) for g in match.groups() if g is not None)
