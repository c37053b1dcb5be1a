"""Alembic implementations Alembic does not ship: `dm` (Dameng) and `kingbase`.

Alembic looks its implementation up by dialect name and has none for dm (`KeyError: 'dm'`,
PLATFORM.md). DM's ALTER syntax is Oracle's, but Alembic's Oracle rules are keyed on "oracle",
so DM gets its own @compiles rules here.
"""
from __future__ import annotations

from typing import Any

from alembic.ddl.base import (
    ColumnDefault,
    ColumnName,
    ColumnNullable,
    ColumnType,
    alter_table,
    format_column_name,
    format_server_default,
    format_type,
)
from alembic.ddl.impl import DefaultImpl
from alembic.ddl.postgresql import PostgresqlColumnType, PostgresqlImpl, visit_column_type
from sqlalchemy.ext.compiler import compiles


class DmImpl(DefaultImpl):
    """Oracle-like: DDL commits implicitly, statements end with ';'."""

    __dialect__ = "dm"
    transactional_ddl = False
    command_terminator = ";"


class KingbaseImpl(PostgresqlImpl):
    """KingbaseES in PG mode takes PostgreSQL's DDL."""

    __dialect__ = "kingbase"


# ALTER COLUMN ... TYPE (revision 0009 widens doc_phrase.text): PostgreSQL's rule, keyed on
# "postgresql" in Alembic, so registered for kingbase too.
compiles(PostgresqlColumnType, "kingbase")(visit_column_type)


def _modify(element: Any, compiler: Any) -> str:
    table = alter_table(compiler, element.table_name, element.schema)
    return f"{table} MODIFY {format_column_name(compiler, element.column_name)}"


@compiles(ColumnNullable, "dm")
def _dm_nullable(element: ColumnNullable, compiler: Any, **kw: Any) -> str:
    return f"{_modify(element, compiler)} {'NULL' if element.nullable else 'NOT NULL'}"


@compiles(ColumnType, "dm")
def _dm_type(element: ColumnType, compiler: Any, **kw: Any) -> str:
    return f"{_modify(element, compiler)} {format_type(compiler, element.type_)}"


@compiles(ColumnName, "dm")
def _dm_rename(element: ColumnName, compiler: Any, **kw: Any) -> str:
    table = alter_table(compiler, element.table_name, element.schema)
    old = format_column_name(compiler, element.column_name)
    return f"{table} RENAME COLUMN {old} TO {format_column_name(compiler, element.newname)}"


@compiles(ColumnDefault, "dm")
def _dm_default(element: ColumnDefault, compiler: Any, **kw: Any) -> str:
    default = element.default
    value = format_server_default(compiler, default) if default is not None else "NULL"
    return f"{_modify(element, compiler)} DEFAULT {value}"
