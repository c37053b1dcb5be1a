"""The contract every engine that runs here must pass: SQLite, PostgreSQL and KingbaseES
(ksycopg2 against the PostgreSQL server the tests start)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event, insert, inspect, select, update

from app.errors import DatabaseError, OfflineError, SchemaTooNew
from app.ids import new_id
from app.store import migrate
from app.store.db import Database, open_database
from app.store.schema import doc_template, metadata, patient

ENGINES = ["sqlite", "postgresql", "kingbase"]


@pytest.fixture(params=ENGINES)
def engine_url(request: Any) -> str:
    fixture = {"sqlite": "sqlite_url", "postgresql": "pg_url", "kingbase": "kingbase_url"}
    return str(request.getfixturevalue(fixture[request.param]))


@pytest.fixture
def db(engine_url: str) -> Any:
    database = open_database(engine_url)
    yield database
    database.dispose()


@pytest.fixture
def migrated(db: Database) -> Database:
    migrate.upgrade(db)
    return db


def test_driver_matches_url_scheme(db: Database, engine_url: str) -> None:
    assert engine_url.startswith(db.driver.schemes[0].split("+")[0])
    assert db.dialect_name == db.driver.dialect_name


def test_upgrade_from_empty_creates_every_table(db: Database) -> None:
    assert migrate.current_revision(db) is None
    steps: list[tuple[int, int, str]] = []
    revision = migrate.upgrade(db, lambda d, t, label: steps.append((d, t, label)))
    assert revision == migrate.head_revision()
    assert migrate.current_revision(db) == revision
    assert steps[-1][0] == steps[-1][1] >= 1
    with db.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert set(metadata.tables) <= tables
    assert "alembic_version" in tables


def test_reupgrade_runs_no_ddl(migrated: Database) -> None:
    ddl: list[str] = []

    def spy(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith(("CREATE", "ALTER", "DROP")):
            ddl.append(statement)

    event.listen(migrated.engine, "before_cursor_execute", spy)
    try:
        assert migrate.upgrade(migrated) == migrate.head_revision()
    finally:
        event.remove(migrated.engine, "before_cursor_execute", spy)
    assert ddl == []


def test_round_trip_utc_json_bool_chinese(migrated: Database) -> None:
    beijing = timezone(timedelta(hours=8))
    created = datetime(2024, 3, 1, 8, 30, 15, 123456, tzinfo=beijing)   # 00:30:15 UTC
    body = {"sections": ["主诉", "现病史"], "必填": True, "n": 3, "nested": {"体温": 37.5}}
    row_id = new_id()
    with migrated.begin() as conn:
        conn.execute(insert(doc_template).values(
            id=row_id, doc_type="admission", name="入院记录（内科）", body=body,
            is_active=False, version=1, created_at=created, updated_at=created))
    with migrated.connect() as conn:
        row = conn.execute(select(doc_template).where(doc_template.c.id == row_id)).one()
    assert row.name == "入院记录（内科）"
    assert row.body == body
    assert row.is_active is False
    assert row.created_at == created
    assert row.created_at.tzinfo is not None and row.created_at.utcoffset() == timedelta(0)
    assert row.created_at.hour == 0 and row.created_at.microsecond == 123456


def _add_patient(db: Database, mrn: str) -> str:
    now = datetime.now(timezone.utc)
    pid = new_id()
    with db.begin() as conn:
        conn.execute(insert(patient).values(id=pid, mrn=mrn, name="张三", sex="M", version=1,
                                            created_at=now, updated_at=now))
    return pid


def test_version_checked_update(migrated: Database) -> None:
    pid = _add_patient(migrated, "ZY0001")

    def bump(expected: int) -> int:
        with migrated.begin() as conn:
            stmt = (update(patient)
                    .where(patient.c.id == pid, patient.c.version == expected)
                    .values(name="张三丰", version=expected + 1))
            return int(conn.execute(stmt).rowcount)

    assert bump(1) == 1
    assert bump(1) == 0          # someone else's stale version: no silent overwrite
    with migrated.connect() as conn:
        assert conn.execute(select(patient.c.version).where(patient.c.id == pid)).scalar() == 2


def test_unique_violation_is_constraint_and_rolls_back(migrated: Database) -> None:
    _add_patient(migrated, "ZY0002")
    with pytest.raises(DatabaseError) as info, migrated.begin() as conn:
        conn.execute(insert(patient).values(id=new_id(), mrn="ZY0003", name="李四", sex="F",
                                            version=1, created_at=datetime.now(timezone.utc),
                                            updated_at=datetime.now(timezone.utc)))
        _insert_duplicate(conn)
    assert info.value.kind == "constraint"
    assert not isinstance(info.value, OfflineError)
    with migrated.connect() as conn:   # the whole transaction rolled back
        assert conn.execute(select(patient.c.mrn).where(patient.c.mrn == "ZY0003")).first() is None


def _insert_duplicate(conn: Any) -> None:
    now = datetime.now(timezone.utc)
    conn.execute(insert(patient).values(id=new_id(), mrn="ZY0002", name="王五", sex="M",
                                        version=1, created_at=now, updated_at=now))


def test_unknown_revision_is_schema_too_new(migrated: Database) -> None:
    with migrated.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    with pytest.raises(SchemaTooNew):
        migrate.upgrade(migrated)
    with pytest.raises(SchemaTooNew):
        migrate.check_schema(migrated)


def test_ping_and_server_version(migrated: Database) -> None:
    assert 0 < migrated.ping() < 1.0
    version = migrated.server_version()
    assert any(word in version for word in ("SQLite", "PostgreSQL", "KingbaseES"))
