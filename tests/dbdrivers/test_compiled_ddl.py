"""DDL for the engines that cannot run here (DM, Oracle): every table compiles, names stay
portable, and the DBA script only changes when a migration does (golden files).

Regenerate the golden files after adding a migration, then read the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/dbdrivers/test_compiled_ddl.py
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, PrimaryKeyConstraint, UniqueConstraint

from app.store import migrate
from app.store.schema import metadata
from dbdrivers import registry

GOLDEN = Path(__file__).parent / "golden"
MAX_IDENT = 30
COMPILE_ONLY = ["dm", "oracle"]


def _all_identifiers() -> list[str]:
    names: list[str] = []
    for table in metadata.tables.values():
        names.append(table.name)
        names.extend(c.name for c in table.columns)
        names.extend(str(ix.name) for ix in table.indexes)
        for cons in table.constraints:
            if isinstance(cons, (CheckConstraint, ForeignKeyConstraint, PrimaryKeyConstraint,
                                 UniqueConstraint)) and cons.name is not None:
                names.append(str(cons.name))
    return names


@pytest.mark.parametrize("dialect", COMPILE_ONLY)
def test_every_table_compiles_without_quotes(dialect: str) -> None:
    ddl = registry.by_name(dialect).compile_ddl(metadata)
    created = {m.group(1) for stmt in ddl for m in [re.match(r"CREATE TABLE (\w+) \(", stmt)] if m}
    assert created == set(metadata.tables)
    for stmt in ddl:
        assert '"' not in stmt, stmt     # a quoted lowercase name is case-sensitive forever


@pytest.mark.parametrize("dialect", COMPILE_ONLY)
def test_no_identifier_over_30_characters(dialect: str) -> None:
    sql = migrate.offline_sql(dialect)
    declared = re.findall(r"CONSTRAINT (\w+)|CREATE (?:UNIQUE )?INDEX (\w+)|CREATE TABLE (\w+)", sql)
    names = [n for group in declared for n in group if n] + _all_identifiers()
    too_long = sorted({n for n in names if len(n) > MAX_IDENT})
    assert too_long == []


def _normalised(sql: str) -> list[list[str]]:
    """Each migration's statements as a sorted list, constraint lines sorted inside each: Alembic's
    SQLite batch rebuild emits constraints and indexes in hash order, which changes from run to
    run while the script means the same. Any added, removed or changed statement still shows."""
    sections: list[list[str]] = [[]]
    for statement in sql.split("\n\n"):
        if statement.startswith("-- Running upgrade"):
            sections.append([])
        lines = statement.strip("\n").splitlines()
        constraints = sorted(x.rstrip().rstrip(",") for x in lines if x.startswith("    CONSTRAINT "))
        others = [x for x in lines if not x.startswith("    CONSTRAINT ")]
        sections[-1].append("\n".join(others + constraints))
    return [sorted(section) for section in sections]


@pytest.mark.parametrize("dialect", ["dm", "oracle", "kingbase", "postgresql", "sqlite"])
def test_offline_sql_matches_golden(dialect: str) -> None:
    sql = migrate.offline_sql(dialect)
    assert "RETURNING" not in sql
    assert f"version_num='{migrate.head_revision()}'" in sql or \
        f"VALUES ('{migrate.head_revision()}')" in sql
    path = GOLDEN / f"{dialect}.sql"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(sql, encoding="utf-8")
    assert _normalised(sql) == _normalised(path.read_text(encoding="utf-8")), (
        f"{dialect} DDL changed: if a migration was added on purpose, regenerate with "
        "UPDATE_GOLDEN=1 and review the diff")


def test_dm_booleans_are_checked_smallints() -> None:
    sql = migrate.offline_sql("dm")
    assert "is_active SMALLINT NOT NULL" in sql
    assert "CONSTRAINT ck_drug_is_active CHECK (is_active IN (0, 1))" in sql
    assert "BOOLEAN" not in sql.upper().replace("BOOLEAN_", "")


def test_dm_alter_rules_compile() -> None:
    """Alembic has no `dm` implementation; ours renders Oracle-style ALTERs for DM."""
    from alembic.ddl.base import ColumnNullable, ColumnType
    from sqlalchemy import String

    import app.store.migrations.impls  # noqa: F401

    dialect = registry.by_name("dm").dialect()
    nullable = str(ColumnNullable("patient", "phone", False).compile(dialect=dialect))
    assert nullable == "ALTER TABLE patient MODIFY phone NOT NULL"
    widened = str(ColumnType("patient", "phone", String(40)).compile(dialect=dialect))
    assert widened.startswith("ALTER TABLE patient MODIFY phone VARCHAR")
