"""What every table module shares: one MetaData with deterministic constraint names, and the
column helpers (client-made UUID keys, foreign keys, versions, time stamps). See schema.py for
the portability rules the tables follow."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, MetaData

from app.store.types import UTCDateTime, uuid_type

NAMING = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}
metadata = MetaData(naming_convention=NAMING)


def _pk() -> Column[str]:
    return Column("id", uuid_type(), primary_key=True)


def _fk(name: str, target: str, *, nullable: bool = True, index: bool = False) -> Column[str]:
    return Column(name, uuid_type(), ForeignKey(f"{target}.id"), nullable=nullable, index=index)


def _version() -> Column[int]:
    return Column("version", Integer, nullable=False, default=1)


def _stamps() -> list[Column[datetime]]:
    return [
        Column("created_at", UTCDateTime, nullable=False),
        Column("updated_at", UTCDateTime, nullable=False),
    ]
