"""The kingbase+ksycopg2 dialect (dbdrivers/kingbase_dialect.py), case by case, against the
PostgreSQL server the tests start: `%` in SQL text, `kingbase_*` dialect options, server-version
detection. SQLAlchemy's whole compliance suite runs in `make compliance` (tests/compliance)."""
from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterator
from typing import Any, Callable

import ksycopg2
import psycopg2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    create_engine,
    insert,
    inspect,
    literal,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.engine import Engine
from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable, DropIndex

import dbdrivers.kingbase  # noqa: F401  (registers kingbase+ksycopg2)
from dbdrivers.kingbase_dialect import KingbaseDialect_ksycopg2, _adapt_params, _format
from tests.pg import PgServer

KB: Any = create_engine("kingbase+ksycopg2://").dialect   # configured, never connects
PG = postgresql.dialect()


# ------------------------------------------------------------------------------------------
# `%` and parameters


def _connect(module: Any, server: PgServer) -> Any:
    return module.connect(host="127.0.0.1", port=server.port, user=server.user,
                          password=server.password, dbname="postgres")


@pytest.fixture
def raw(pg_server: PgServer) -> Iterator[tuple[Any, Any]]:
    """(a psycopg2 cursor, a ksycopg2 cursor) on the same server."""
    pg, kb = _connect(psycopg2, pg_server), _connect(ksycopg2, pg_server)
    try:
        yield pg.cursor(), kb.cursor()
    finally:
        pg.close()
        kb.close()


@pytest.mark.pg
def test_ksycopg2_itself_leaves_double_percent_in_quotes(raw: tuple[Any, Any]) -> None:
    """What the dialect works around (ksycopg2 2.9.1; psycopg2 for comparison). If a new
    ksycopg2 fixes this, the dialect's own interpolation is still exact (tests below)."""
    pg, kb = raw
    cases: list[tuple[str, Any]] = [("select '50%%', %s", (1,)), ("select '50%%'", ()),
                                    ("select '%s', %s", (1,))]
    assert [pg.mogrify(sql, p) for sql, p in cases[:2]] == [b"select '50%', 1", b"select '50%'"]
    assert [kb.mogrify(sql, p) for sql, p in cases] == [
        b"select '50%%', 1", b"select '50%%'", b"select '%s', 1"]
    # ...and its idea of a quoted literal is a bare toggle on ' and ": an apostrophe in a
    # comment hides the placeholder after it
    assert kb.mogrify("select 1 -- it's\n, %s", (2,)) == b"select 1 -- it's\n, %s"
    # without parameters neither driver interpolates
    for cur in (pg, kb):
        cur.execute("select '50%%', '50%'")
        assert cur.fetchone() == ("50%%", "50%")


_INTERPOLATION_CASES: list[tuple[str, Any]] = [
    ("select 1", ()),
    ("select 1", (1, 2, 3)),                                # psycopg2 ignores unused args here
    ("select '50%'", None),
    ("select '50%%'", ()),
    ("select '50%%'", {}),
    ("select 50 %% 7", ()),
    ("select '0.9%%氯化钠', %s", ("葡萄糖 5%",)),
    ("select %s, '%%', %s", ("a", "b")),
    ("select 'x''%%' || %s", ("y'%",)),
    ("select \"50%%\" from (select 1 as \"50%%\") t where %s = 1", (1,)),
    ("select $$50%%$$, %s", (1,)),
    ("select E'50%%\\'x', %s", (1,)),
    ("select '50%%' -- it's\n, %s", (1,)),
    ("select '50%%' /* ' */, %s", (1,)),
    ("select 'ab' like 'a%%', 'a%%' like %s", ("a%",)),
    ("select %(a)s, %(a)s, %(b)s", {"a": "%(b)s", "b": None}),
    ("select %(a)s", {"a": 1, "unused": 2}),
    ("select %s, %s, %s, %s, %s, %s", (None, True, 1.5, decimal.Decimal("1.10"),
                                       dt.date(2024, 5, 1), dt.datetime(2024, 5, 1, 8, 30, 1, 5))),
    ("select %s, %s", (b"\x00\xff'%", bytearray(b"%%"))),
    ("select %s", ([1, 2, None],)),
    ("select 1 in %s", ((1, 2),)),
    ("select %s::text", (float("inf"),)),
    ("select %s", (dt.timedelta(days=1, seconds=3),)),
    # errors: the same exception type as psycopg2
    ("select '50%'", ()),
    ("select '50%'", {}),
    ("select %s", (1, 2)),
    ("select %s, %s", (1,)),
    ("select %d", (1,)),
    ("select %(a)d", {"a": 1}),
    ("select %", ()),
    ("select %(a", {"a": 1}),
    ("select %s %(a)s", (1,)),
    ("select %(a)s", (1,)),
    ("select %s", {"a": 1}),
    ("select %(a)s", {}),
    ("select %5s", (1,)),
    ("select %é", (1,)),
    ("select %s", (object(),)),
]


def _outcome(fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception as exc:   # compared by type name: the two drivers have their own classes
        return type(exc).__name__


@pytest.mark.pg
@pytest.mark.parametrize(("sql", "params"), _INTERPOLATION_CASES)
def test_interpolation_is_psycopg2s(raw: tuple[Any, Any], sql: str, params: Any) -> None:
    """The statement the dialect hands ksycopg2 is byte for byte what psycopg2 sends."""
    pg, kb = raw
    expected = _outcome(pg.mogrify, sql, params)   # params None: the text untouched
    if params is None:
        assert expected == sql.encode()
    assert _outcome(lambda: KB.interpolate(kb, sql, params)) == expected
    if isinstance(expected, bytes):
        assert _outcome(lambda: KB.interpolate(kb, sql.encode(), params)) == expected


@pytest.mark.pg
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet="%s()ad'\" 1", max_size=14),
       params=st.one_of(
           st.none(),
           st.lists(st.one_of(st.none(), st.integers(-5, 5), st.text("%'s(", max_size=3)),
                    max_size=4).map(tuple),
           st.dictionaries(st.text("as(%", min_size=0, max_size=3),
                           st.one_of(st.none(), st.integers(0, 9), st.text("%'", max_size=2)),
                           max_size=3)))
def test_interpolation_is_psycopg2s_for_any_text(raw: tuple[Any, Any], query: str, params: Any) -> None:
    """Random statements of `%`, `s`, parentheses and quotes, random parameters: the same bytes
    as psycopg2, or the same kind of error."""
    pg, kb = raw
    assert _outcome(KB.interpolate, kb, query, params) == _outcome(pg.mogrify, query, params)


def test_both_formatting_paths_agree() -> None:
    """The merged statement _adapt_params builds on the way equals psycopg2's Bytes_Format port."""
    for sql, params in _INTERPOLATION_CASES:
        if params is None:
            continue
        try:
            values, rendered = _adapt_params(sql.encode(), params, lambda v: repr(v).encode(),
                                             ValueError)
        except Exception:
            continue
        if rendered is not None:
            assert _format(sql.encode(), values) == rendered, sql


@pytest.fixture
def engines(pg_url: str, kingbase_url: str) -> Iterator[tuple[Engine, Engine]]:
    pg, kb = create_engine(pg_url), create_engine(kingbase_url)
    try:
        yield pg, kb
    finally:
        pg.dispose()
        kb.dispose()


@pytest.fixture
def kb_engine(kingbase_url: str) -> Iterator[Engine]:
    engine = create_engine(kingbase_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _scalar(engine: Engine, stmt: Any, params: Any = None, **options: Any) -> Any:
    with engine.connect() as conn:
        return conn.execution_options(**options).execute(stmt, params).scalar()


def _driver_sql(engine: Engine, sql: str, params: Any = None, **options: Any) -> Any:
    with engine.connect() as conn:
        return conn.execution_options(**options).exec_driver_sql(sql, params).scalar()


@pytest.mark.pg
def test_percent_literals_through_sqlalchemy(engines: tuple[Engine, Engine]) -> None:
    cases: list[tuple[Callable[[Engine], Any], Any]] = [
        (lambda e: _scalar(e, text("select '0.9%氯化钠'")), "0.9%氯化钠"),
        (lambda e: _scalar(e, text("select '50%' || :x"), {"x": "%y"}), "50%%y"),
        (lambda e: _scalar(e, text("select 'abc' like 'a%'")), True),
        (lambda e: _scalar(e, text("select 'a%c' like :p"), {"p": "a%"}), True),
        (lambda e: _scalar(e, text("select 7 % 4")), 3),
        (lambda e: _scalar(e, select(literal_column("'50%'"))), "50%"),
        (lambda e: _scalar(e, select(literal("5%", String).label("x")), {}), "5%"),
        (lambda e: _scalar(e, select(literal("5%", String, literal_execute=True))), "5%"),
        (lambda e: _scalar(e, text("select 1 -- it's\n + :x"), {"x": 1}), 2),
        # exec_driver_sql is the driver's format: %% with or without parameters
        (lambda e: _driver_sql(e, "select '50%%'"), "50%"),
        (lambda e: _driver_sql(e, "select '50%%' || %(x)s", {"x": "a"}), "50%a"),
        (lambda e: _driver_sql(e, "select '50%%' || %s", ("a",)), "50%a"),
        (lambda e: _driver_sql(e, "select '50%'"), "TypeError"),
        # no_parameters: cursor.execute(sql) with nothing to interpolate, in both drivers
        (lambda e: _driver_sql(e, "select '50%'", no_parameters=True), "50%"),
        # ...where SQLAlchemy's escaped text() stays escaped: psycopg2's behaviour, documented
        # with the no_parameters option
        (lambda e: _scalar(e, text("select '50%'"), no_parameters=True), "50%%"),
    ]
    pg, kb = engines
    for run, expected in cases:
        assert (_outcome(run, pg), _outcome(run, kb)) == (expected, expected)


def _percent_table(metadata: MetaData) -> Table:
    return Table("percent%table", metadata, Column("id", Integer, primary_key=True),
                 Column("50% off", String(20)), Column("note", String(20)))


@pytest.mark.pg
def test_stored_literals_and_executemany(kb_engine: Engine, pg_server: PgServer,
                                          kingbase_url: str) -> None:
    table = _percent_table(MetaData())
    with kb_engine.begin() as conn:
        table.create(conn)
        conn.execute(text("insert into \"percent%table\" values (1, '50%', 'a''%%b')"))
        conn.execute(text("insert into \"percent%table\" values (:id, '50%', :note)"),
                     [{"id": 2, "note": "x%"}, {"id": 3, "note": "%%"}])
        conn.execute(insert(table), [{"id": 4, "50% off": "4%", "note": None},
                                     {"id": 5, "50% off": "5%", "note": "n"}])
        result = conn.execute(update(table).where(table.c.id == bindparam("k"))
                              .values(note=literal_column("note || '%'")),
                              [{"k": 4}, {"k": 5}, {"k": 99}])
        assert result.rowcount == 2   # summed over the parameter sets, like psycopg2
    # read back through psycopg2: what the server stored
    raw = psycopg2.connect(host="127.0.0.1", port=pg_server.port, user=pg_server.user,
                           password=pg_server.password, dbname=kingbase_url.rsplit("/", 1)[1])
    try:
        with raw.cursor() as cur:
            cur.execute('select id, "50% off", note from "percent%table" order by id')
            assert cur.fetchall() == [(1, "50%", "a'%%b"), (2, "50%", "x%"), (3, "50%", "%%"),
                                      (4, "4%", None), (5, "5%", "n%")]
    finally:
        raw.close()


@pytest.mark.pg
def test_executemany_batch_mode_and_server_side_cursor(kingbase_url: str) -> None:
    engine = create_engine(kingbase_url, executemany_mode="values_plus_batch",
                           executemany_batch_page_size=2)
    try:
        table = _percent_table(MetaData())
        with engine.begin() as conn:
            table.create(conn)
            conn.execute(insert(table), [{"id": i, "50% off": f"{i}%"} for i in range(5)])
            conn.execute(text("update \"percent%table\" set note = '%' || :n where id = :id"),
                         [{"id": i, "n": f"{i}%"} for i in range(5)])
        with engine.connect() as conn:
            rows = conn.execution_options(stream_results=True).execute(
                text("select note, '%' from \"percent%table\" where \"50% off\" like :p order by id"),
                {"p": "%\\%"}).all()
        assert rows == [(f"%{i}%", "%") for i in range(5)]
    finally:
        engine.dispose()


# ------------------------------------------------------------------------------------------
# kingbase_* dialect options


def _samples(metadata: MetaData) -> dict[type, dict[str, Any]]:
    """A value for every option PostgreSQL declares, per construct (kept in step with
    PGDialect.construct_arguments by test_every_postgresql_option_has_a_sample)."""
    return {
        Index: {"using": "hash", "include": ["y"], "where": text("x > 0"), "ops": {"x": "int4_ops"},
                "concurrently": True, "with": {"fillfactor": 50}, "tablespace": "ts_ward",
                "nulls_not_distinct": True},
        Table: {"ignore_search_path": True, "tablespace": "ts_ward", "partition_by": "RANGE (x)",
                "with_oids": False, "on_commit": "drop", "inherits": "parent", "using": "heap"},
        CheckConstraint: {"not_valid": True},
        ForeignKeyConstraint: {"not_valid": True},
        PrimaryKeyConstraint: {"include": ["y"]},
        UniqueConstraint: {"include": ["y"], "nulls_not_distinct": True},
    }


def test_every_postgresql_option_has_a_sample() -> None:
    declared = {cls: set(opts) for cls, opts in PGDialect.construct_arguments or []}
    assert {cls: set(v) for cls, v in _samples(MetaData()).items()} == declared
    assert dict(KingbaseDialect_ksycopg2.construct_arguments or []) == dict(
        PGDialect.construct_arguments or [])


def _ddl(cls: type, prefix: str, option: str, value: Any) -> list[Any]:
    """The DDL statements an element with `{prefix}_{option}=value` compiles to."""
    kw = {f"{prefix}_{option}": value} if prefix else {}
    md = MetaData()
    if cls is Table:
        table = Table("t", md, Column("x", Integer), Column("y", Integer), **kw)
        return [CreateTable(table)]
    table = Table("t", md, Column("x", Integer), Column("y", Integer))
    if cls is Index:
        index = Index("ix_t_x", table.c.x, **kw)
        return [CreateIndex(index), DropIndex(index)]
    if cls is CheckConstraint:
        constraint: Any = CheckConstraint("x > 0", name="ck_t_x", **kw)
    elif cls is ForeignKeyConstraint:
        Table("p", md, Column("x", Integer, primary_key=True))
        constraint = ForeignKeyConstraint(["x"], ["p.x"], name="fk_t_x", **kw)
    elif cls is PrimaryKeyConstraint:
        constraint = PrimaryKeyConstraint("x", name="pk_t", **kw)
    else:
        constraint = UniqueConstraint("x", name="uq_t_x", **kw)
    table.append_constraint(constraint)
    return [CreateTable(table), AddConstraint(constraint)]


def _compiled(statements: list[Any], dialect: Any) -> list[str]:
    return [str(s.compile(dialect=dialect)).strip() for s in statements]


@pytest.mark.parametrize(("cls", "option"), [(cls, option) for cls, opts in _samples(MetaData()).items()
                                             for option in opts],
                         ids=lambda v: v if isinstance(v, str) else v.__name__)
def test_kingbase_option_compiles_like_postgresql_option(cls: type, option: str) -> None:
    value = _samples(MetaData())[cls][option]
    kingbase = _compiled(_ddl(cls, "kingbase", option, value), KB)
    assert kingbase == _compiled(_ddl(cls, "postgresql", option, value), KB)
    assert kingbase == _compiled(_ddl(cls, "postgresql", option, value), PG)
    if option != "ignore_search_path":   # a reflection option: no DDL of its own
        assert kingbase != _compiled(_ddl(cls, "", option, value), KB), "the option changed nothing"
    # and on PostgreSQL itself, kingbase_* means nothing (as mysql_* does not)
    assert _compiled(_ddl(cls, "kingbase", option, value), PG) == _compiled(_ddl(cls, "", option, value), PG)


def test_partial_unique_index_ddl_and_precedence() -> None:
    table = Table("t", MetaData(), Column("x", Integer), Column("y", Integer))
    partial = Index("uq_t_x", table.c.x, unique=True, kingbase_where=table.c.y > 0,
                    kingbase_include=["y"])
    assert str(CreateIndex(partial).compile(dialect=KB)) == \
        "CREATE UNIQUE INDEX uq_t_x ON t (x) INCLUDE (y) WHERE y > 0"
    # the element itself is left alone: its postgresql options are still the defaults
    assert partial.dialect_options["postgresql"]["where"] is None
    assert str(CreateIndex(partial).compile(dialect=PG)) == "CREATE UNIQUE INDEX uq_t_x ON t (x)"
    both = Index("ix_t_y", table.c.y, postgresql_using="gin", kingbase_using="btree",
                 postgresql_where=table.c.x > 1)
    assert str(CreateIndex(both).compile(dialect=KB)) == \
        "CREATE INDEX ix_t_y ON t USING btree (y) WHERE x > 1"     # kingbase_* wins
    assert str(CreateIndex(both).compile(dialect=PG)) == \
        "CREATE INDEX ix_t_y ON t USING gin (y) WHERE x > 1"


def test_match_regconfig() -> None:
    table = Table("doc", MetaData(), Column("body", String))
    kingbase = table.c.body.match("查房", kingbase_regconfig="simple")
    spelled_pg = table.c.body.match("查房", postgresql_regconfig="simple")
    expected = "doc.body @@ plainto_tsquery('simple', %(body_1)s)"
    assert str(kingbase.compile(dialect=KB)) == str(spelled_pg.compile(dialect=KB)) == expected


@pytest.mark.pg
def test_kingbase_indexes_on_the_server(kb_engine: Engine) -> None:
    md = MetaData()
    table = Table("bed", md, Column("id", Integer, primary_key=True), Column("ward", String(10)),
                  Column("code", String(10)), Column("occupant", String(10)), Column("badge", String(10)),
                  UniqueConstraint("badge", name="uq_bed_badge", kingbase_nulls_not_distinct=True))
    Index("uq_bed_code", table.c.ward, table.c.code, unique=True,
          kingbase_where=table.c.occupant.isnot(None), kingbase_include=["occupant"])
    Index("ix_bed_code_hash", table.c.code, kingbase_using="hash", kingbase_with={"fillfactor": 60})
    Index("ix_bed_ward_ops", table.c.ward, kingbase_ops={"ward": "varchar_pattern_ops"})
    Index("ix_bed_occupant", table.c.occupant, kingbase_concurrently=True)
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction: it fails in one, which shows
    # the option reached the server
    with pytest.raises(Exception, match="CONCURRENTLY cannot run inside a transaction"), \
            kb_engine.begin() as conn:
        md.create_all(conn)
    with kb_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        md.create_all(conn)
        defs = dict(conn.exec_driver_sql(
            "select indexname, indexdef from pg_indexes where tablename = 'bed'").all())
    assert defs["uq_bed_code"].endswith(
        "USING btree (ward, code) INCLUDE (occupant) WHERE (occupant IS NOT NULL)")
    assert defs["uq_bed_code"].startswith("CREATE UNIQUE INDEX")
    assert defs["ix_bed_code_hash"].endswith("USING hash (code) WITH (fillfactor='60')")
    assert defs["ix_bed_ward_ops"].endswith("USING btree (ward varchar_pattern_ops)")
    assert defs["uq_bed_badge"].endswith("(badge) NULLS NOT DISTINCT")
    assert "ix_bed_occupant" in defs

    # partial: the same code twice is fine while the bed is empty, not when occupied
    with kb_engine.begin() as conn:
        conn.execute(insert(table), [{"id": 1, "ward": "W1", "code": "01", "badge": "b1", "occupant": None},
                                     {"id": 2, "ward": "W1", "code": "01", "badge": "b2", "occupant": None},
                                     {"id": 3, "ward": "W1", "code": "02", "occupant": "p1", "badge": None}])
    with pytest.raises(Exception, match="uq_bed_code"), kb_engine.begin() as conn:
        conn.execute(insert(table).values(id=4, ward="W1", code="02", occupant="p2", badge="b4"))
    # NULLS NOT DISTINCT: a second bed without a badge is a duplicate
    with pytest.raises(Exception, match="uq_bed_badge"), kb_engine.begin() as conn:
        conn.execute(insert(table).values(id=5, ward="W2", code="03"))

    # reflected back as kingbase_* (what a dialect named kingbase reports), and usable again
    indexes = {ix["name"]: ix for ix in inspect(kb_engine).get_indexes("bed")}
    assert indexes["uq_bed_code"]["dialect_options"] == {
        "kingbase_include": ["occupant"], "kingbase_where": "(occupant IS NOT NULL)"}
    assert indexes["ix_bed_code_hash"]["dialect_options"]["kingbase_using"] == "hash"
    reflected = Table("bed", MetaData(), autoload_with=kb_engine)
    ix = next(i for i in reflected.indexes if i.name == "uq_bed_code")
    assert str(CreateIndex(ix).compile(dialect=KB)).endswith(
        "ON bed (ward, code) INCLUDE (occupant) WHERE (occupant IS NOT NULL)")


@pytest.mark.pg
def test_kingbase_readonly_execution_option(kb_engine: Engine) -> None:
    with kb_engine.connect() as conn:
        conn.execution_options(kingbase_readonly=True)
        assert conn.exec_driver_sql("show transaction_read_only").scalar() == "on"
        with pytest.raises(Exception, match="read-only"):
            conn.exec_driver_sql("create table nope (x int)")
        conn.rollback()
    with kb_engine.connect() as conn:   # reset when the connection went back to the pool
        assert conn.exec_driver_sql("show transaction_read_only").scalar() == "off"


@pytest.mark.pg
def test_kingbase_ignore_search_path(kb_engine: Engine) -> None:
    with kb_engine.begin() as conn:
        conn.exec_driver_sql("create schema ref")
        conn.exec_driver_sql("create table ref.ward (id int primary key)")
        conn.exec_driver_sql("create table bed (id int primary key, ward_id int references ref.ward)")
    referred = {}
    for option in ("kingbase_ignore_search_path", "postgresql_ignore_search_path", None):
        with kb_engine.connect() as conn:
            conn.exec_driver_sql("set search_path = public, ref")
            kw = {option: True} if option else {}
            bed = Table("bed", MetaData(), autoload_with=conn, **kw)
            referred[option] = next(iter(bed.foreign_keys)).column.table.schema
    assert referred == {"kingbase_ignore_search_path": "ref", "postgresql_ignore_search_path": "ref",
                        None: None}


# ------------------------------------------------------------------------------------------
# server version


class _FakeConnection:
    """What a real KingbaseES connection answers: libkci's integer on
    .connection.dbapi_connection.server_version (when given), `SHOW server_version`, and the
    banner for `select version()`; every statement is recorded."""

    BANNER = "KingbaseES V008R006C008B0014 on x86_64-pc-linux-gnu, compiled by gcc 4.8.5, 64-bit"

    def __init__(self, number: Any = None, show: str = "") -> None:
        dbapi = type("KciConnection", (), {})()
        if number is not None:
            dbapi.server_version = number
        self.connection = type("Fairy", (), {"dbapi_connection": dbapi})()
        self.show = show
        self.statements: list[str] = []

    def exec_driver_sql(self, sql: str) -> Any:
        self.statements.append(sql)
        answer = self.show if sql == "SHOW server_version" else self.BANNER
        return type("Result", (), {"scalar": lambda self: answer})()


@pytest.mark.parametrize(("number", "show", "expected"), [
    (150018, "", (15, 18)),
    (120001, "", (12, 1)),             # KingbaseES V8R6 reports PostgreSQL 12's numbers
    (90605, "", (9, 6, 5)),            # before PostgreSQL 10: major.minor.patch
    (None, "12.1", (12, 1)),
    (0, "12.1", (12, 1)),
    (None, "15.18 (Debian 15.18-0+deb12u1)", (15, 18)),
    (None, "16devel", (16,)),
    (None, "9.6.5", (9, 6, 5)),
    (None, "V008R006C008B0014", (12, 0)),   # nothing PostgreSQL-like: assume V8R6's 12
])
def test_server_version_detection(number: Any, show: str, expected: tuple[int, ...]) -> None:
    fake = _FakeConnection(number, show)
    assert KB._get_server_version_info(fake) == expected
    assert fake.statements == ([] if number else ["SHOW server_version"])


def test_server_version_never_parses_select_version() -> None:
    """PostgreSQL's own detection parses `select version()` and fails on Kingbase's banner; the
    dialect never asks."""
    with pytest.raises(AssertionError, match="Could not determine version"):
        PGDialect._get_server_version_info(KB, _FakeConnection(None, "12.1"))
    fake = _FakeConnection(None, "12.1")
    assert KB._get_server_version_info(fake) == (12, 1)
    assert fake.statements == ["SHOW server_version"]


@pytest.mark.pg
def test_server_version_on_the_server(kb_engine: Engine) -> None:
    with kb_engine.connect() as conn:
        assert conn.dialect.server_version_info[0] == 15
        assert conn.dialect.name == "kingbase" and conn.dialect.driver == "ksycopg2"
    assert uuid.UUID(str(_scalar(kb_engine, text("select gen_random_uuid()"))))
