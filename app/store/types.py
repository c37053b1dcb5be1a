"""Column types that mean the same on SQLite, PostgreSQL, KingbaseES, Dameng and Oracle.

PLATFORM.md: timezone-aware DateTime silently loses the zone on DM and Oracle, and JSON does not
compile for Oracle on SQLAlchemy 2.0; so time is stored as naive UTC and JSON as text.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import Boolean, DateTime, String, UnicodeText
from sqlalchemy.dialects import oracle
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

UUID_LEN = 36


def uuid_type() -> String:
    return String(UUID_LEN)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime in, an aware UTC datetime out; naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "oracle":
            # Oracle DATE drops fractional seconds; TIMESTAMP keeps them.
            return dialect.type_descriptor(oracle.TIMESTAMP())
        return dialect.type_descriptor(DateTime(timezone=False))

    def process_bind_param(self, value: Optional[datetime], dialect: Dialect) -> Optional[datetime]:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; use app.clock.as_utc()")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Optional[datetime], dialect: Dialect) -> Optional[datetime]:
        if value is None:
            return None
        if isinstance(value, str):  # SQLite without detect_types
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=timezone.utc)


class JSONText(TypeDecorator[Any]):
    """JSON kept as text: portable, never queried inside on the server."""

    impl = UnicodeText
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Optional[str]:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def process_result_value(self, value: Optional[str], dialect: Dialect) -> Any:
        if value is None:
            return None
        return json.loads(value)


def flag(name: str) -> Boolean:
    """A boolean that is SMALLINT + a named CHECK on DM and Oracle."""
    return Boolean(create_constraint=True, name=name)
