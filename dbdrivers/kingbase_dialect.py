"""A SQLAlchemy dialect for KingbaseES (PG mode) through ksycopg2.

The stock psycopg2 dialect with module=ksycopg2 fails because it imports psycopg2.extras
itself (PLATFORM.md); this subclass swaps the module and its extensions/extras in, uses port
54321 by default, and reads the server version from libkci's integer instead of parsing
`select version()`, which answers "KingbaseES V008R006..." on a real server.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import util
from sqlalchemy.dialects.postgresql.psycopg2 import PGDialect_psycopg2

KINGBASE_PORT = 54321


class KingbaseDialect_ksycopg2(PGDialect_psycopg2):
    name = "kingbase"
    driver = "ksycopg2"
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> Any:
        import ksycopg2

        return ksycopg2

    @util.memoized_property
    def _psycopg2_extensions(cls) -> Any:
        from ksycopg2 import extensions

        return extensions

    @util.memoized_property
    def _psycopg2_extras(cls) -> Any:
        from ksycopg2 import extras

        return extras

    def create_connect_args(self, url: Any) -> Any:
        if url.port is None and url.host:
            url = url.set(port=KINGBASE_PORT)
        return super().create_connect_args(url)  # type: ignore[no-untyped-call]

    def _get_server_version_info(self, connection: Any) -> Any:
        number = getattr(connection.connection.dbapi_connection, "server_version", 0)
        if isinstance(number, int) and number >= 100000:
            return (number // 10000, number % 10000)
        text = str(connection.exec_driver_sql("SHOW server_version").scalar())
        match = re.search(r"(\d+)\.(\d+)", text)
        return (int(match.group(1)), int(match.group(2))) if match else (12, 0)


dialect = KingbaseDialect_ksycopg2
