"""PostgreSQL through psycopg2 (also the stand-in for KingbaseES in PG mode in the tests)."""
from __future__ import annotations

from typing import Any

from dbdrivers._pg_family import PgFamilyDriver


class PostgresqlDriver(PgFamilyDriver):
    name = "postgresql"
    schemes = ("postgresql+psycopg2", "postgresql")
    dialect_name = "postgresql"
    default_port = 5432

    def dbapi(self) -> Any:
        import psycopg2

        return psycopg2


DRIVER = PostgresqlDriver()
