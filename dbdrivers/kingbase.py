"""KingbaseES (PG-compatible mode) through ksycopg2 and dbdrivers.kingbase_dialect."""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy.dialects import registry as sa_registry

from dbdrivers._pg_family import PgFamilyDriver
from dbdrivers.kingbase_dialect import KINGBASE_PORT

sa_registry.register("kingbase", "dbdrivers.kingbase_dialect", "KingbaseDialect_ksycopg2")
sa_registry.register("kingbase.ksycopg2", "dbdrivers.kingbase_dialect", "KingbaseDialect_ksycopg2")


class KingbaseDriver(PgFamilyDriver):
    name = "kingbase"
    schemes = ("kingbase+ksycopg2", "kingbase")
    dialect_name = "kingbase"
    default_port: Optional[int] = KINGBASE_PORT

    def dbapi(self) -> Any:
        import ksycopg2

        return ksycopg2

    def sqlstate(self, exc: BaseException) -> Optional[str]:
        code = getattr(exc, "kbcode", None) or getattr(exc, "pgcode", None)
        return str(code) if code else None


DRIVER = KingbaseDriver()
