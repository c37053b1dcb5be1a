"""A SQLAlchemy dialect for KingbaseES (PG mode) through ksycopg2.

The stock psycopg2 dialect with module=ksycopg2 fails because it imports psycopg2.extras
itself (PLATFORM.md); this subclass swaps the module and its extensions/extras in, uses port
54321 by default, and reads the server version from libkci's integer instead of parsing
`select version()`, which answers "KingbaseES V008R006..." on a real server.

Two more things make it behave exactly like `postgresql+psycopg2` (SQLAlchemy's dialect
compliance suite, tests/compliance, is the proof):

* Parameter interpolation. psycopg2 and ksycopg2 merge the parameters into the SQL text on the
  client ("pyformat"). ksycopg2 2.9.1 skips whatever it takes for a quoted literal or a quoted
  identifier: there `%%` stays `%%` and `%s` stays `%s` (`select '50%%', %s` with (1,) sends
  `select '50%%', 1`, so SQLAlchemy's escaped `'50%'` arrives as `'50%%'`), and its idea of
  "quoted" is a bare toggle on every ' and " (an apostrophe in a -- comment or an E'\\''
  string makes it skip the rest of the statement). So whenever there are parameters the
  dialect does the merge itself, with psycopg2's rules (a port of psycopg2 2.9's `_mogrify`
  and `Bytes_Format`: `%%` -> `%`, `%s` / `%(name)s`, the same errors) and ksycopg2's own
  adapters, and hands ksycopg2 the finished statement with no parameters, which it sends
  untouched (as psycopg2 would). Without parameters (cursor.execute(sql), SQLAlchemy's
  `no_parameters` option) neither driver interpolates, so nothing is changed.
* `kingbase_*` dialect options. The dialect is named "kingbase", so SQLAlchemy accepts
  `Index(..., kingbase_where=...)`, `kingbase_include=`, `kingbase_using=` ... (every option
  the PostgreSQL dialect declares), but the PostgreSQL compiler reads only the `postgresql_*`
  ones. Here each `kingbase_X` works exactly like `postgresql_X` (and wins when both are
  given), in DDL, in `match(..., kingbase_regconfig=)`, the `kingbase_readonly` /
  `kingbase_deferrable` execution options and `kingbase_ignore_search_path` reflection.
  One place cannot see them: `postgresql.insert(...).on_conflict_do_*(constraint=index)`
  reads the index's `postgresql_where` when the statement is built, before any dialect is
  known; spell that index's predicate `postgresql_where` (it works on Kingbase) or pass
  `index_where=`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Callable, Optional, Union

from sqlalchemy import util
from sqlalchemy.dialects.postgresql.base import PGCompiler, PGDDLCompiler
from sqlalchemy.dialects.postgresql.psycopg2 import EXECUTEMANY_VALUES_PLUS_BATCH, PGDialect_psycopg2
from sqlalchemy.sql.base import _DialectArgDict

KINGBASE_PORT = 54321

_PCT, _LPAREN, _RPAREN, _S = b"%"[0], b"("[0], b")"[0], b"s"[0]
_NULL = b"NULL"


# ---------------------------------------------------------------------------------------------
# psycopg2's client-side interpolation, in Python (psycopg/cursor_type.c _mogrify and
# psycopg/bytes_format.c Bytes_Format, psycopg2 2.9).


def _adapt_params(query: bytes, params: Any, quote: Callable[[Any], Any],
                  programming_error: type[Exception]) -> tuple[Any, Optional[bytes]]:
    """psycopg2's _mogrify: the adapted values the placeholders of `query` take (a tuple or a
    dict; None when `query` has no `%` at all), and, when every placeholder is a plain `%%`,
    `%s` or `%(name)s` and they use every positional value, the merged statement too (what
    `_format` would return, built on the way; None otherwise, then `_format` decides)."""
    converted: Union[list[Any], dict[str, Any], None] = None
    pieces: Optional[list[bytes]] = []
    force = False
    kind = 0            # 1: %(name)s seen, 2: positional seen
    index = last = 0
    i, end = 0, len(query)
    while True:
        i = query.find(b"%", i) + 1
        if i == 0:
            break
        c = query[i] if i < end else 0
        if c == _PCT:
            i += 1
            force = True
            if pieces is not None:
                pieces += (query[last:i - 1],)
                last = i
        elif c == _LPAREN:
            if kind == 2:
                raise programming_error("argument formats can't be mixed")
            kind = 1
            d = i + 1
            while d < end and query[d] not in (_RPAREN, _PCT):
                d += 1
            if d >= end or query[d] != _RPAREN:
                raise programming_error("incomplete placeholder: '%(' without ')'")
            raw_key = query[i + 1:d]
            key = raw_key.decode("utf-8")
            value = params[key]
            if converted is None:
                converted = {}
            assert isinstance(converted, dict)
            if key not in converted:
                converted[key] = _NULL if value is None else quote(value)
            if pieces is not None:
                quoted = converted[key]
                if d + 1 < end and query[d + 1] == _S and _LPAREN not in raw_key \
                        and type(quoted) is bytes:
                    pieces += (query[last:i - 1], quoted)
                    last = d + 2
                else:
                    pieces = None
            i = d + 1
        else:
            # any other character after '%' takes the next positional value; psycopg2 leaves
            # it to Bytes_Format (`_format`) to refuse anything but 's'
            if kind == 1:
                raise programming_error("argument formats can't be mixed")
            kind = 2
            if isinstance(params, Mapping) or not isinstance(params, Sequence):
                raise TypeError(f"{type(params).__name__} is not a sequence")
            value = params[index]
            if converted is None:
                converted = [None] * len(params)
            assert isinstance(converted, list)
            quoted = converted[index] = _NULL if value is None else quote(value)
            index += 1
            if pieces is not None:
                if c == _S and type(quoted) is bytes:
                    pieces += (query[last:i - 1], quoted)
                    last = i + 1
                else:
                    pieces = None
    if converted is None and not force:
        return None, None
    values: Union[tuple[Any, ...], dict[str, Any]]
    if isinstance(converted, list):
        if index != len(converted):
            pieces = None         # unused positional values: _format raises
        values = tuple(converted)
    else:
        values = () if converted is None else converted
    rendered = None if pieces is None else b"".join([*pieces, query[last:]])
    return values, rendered


def _format(query: bytes, args: Union[tuple[Any, ...], dict[str, Any]]) -> bytes:
    """`query % args` on bytes, %s / %(name)s / %% only (psycopg2's Bytes_Format)."""
    out = bytearray()
    positional = isinstance(args, tuple)
    argidx = 0
    i, end = 0, len(query)
    while True:
        j = query.find(b"%", i)
        if j < 0:
            out += query[i:]
            break
        out += query[i:j]
        i = j + 1
        keyed: Optional[Any] = None
        has_key = False
        if i < end and query[i] == _LPAREN:
            if positional:
                raise TypeError("format requires a mapping")
            i += 1
            start, depth = i, 1
            while depth > 0 and i < end:
                depth += {_RPAREN: -1, _LPAREN: 1}.get(query[i], 0)
                i += 1
            if depth > 0:
                raise ValueError("incomplete format key")
            assert isinstance(args, dict)
            keyed, has_key = args[query[start:i - 1].decode("utf-8")], True
        if i >= end:
            raise ValueError("incomplete format")
        c = query[i]
        i += 1
        if c == _PCT:
            out += b"%"
        elif c == _S:
            if has_key:
                value = keyed
            elif positional:
                assert isinstance(args, tuple)
                if argidx >= len(args):
                    raise TypeError("not enough arguments for format string")
                value = args[argidx]
                argidx += 1
            else:
                value = args
            if type(value) is not bytes:
                raise ValueError(f"only bytes values expected, got {type(value).__name__}")
            out += value
        elif c >= 0x80:   # psycopg2 formats its message from a signed char: non-ASCII overflows
            raise OverflowError("%c arg not in range(0x110000)")
        else:
            raise ValueError(f"unsupported format character '{chr(c)}' (0x{c:x}) at index {i - 1}")
    if positional and argidx < len(args):
        raise TypeError("not all arguments converted during string formatting")
    return bytes(out)


class _Verbatim:
    """A parameter that ksycopg2 pastes as is: executemany("%s", [(_Verbatim(sql),), ...]) runs
    ready-made statements one by one and keeps the driver's own rowcount summing."""

    __slots__ = ("sql",)

    def __init__(self, sql: bytes) -> None:
        self.sql = sql

    def __conform__(self, protocol: Any) -> _Verbatim:
        return self

    def getquoted(self) -> bytes:
        return self.sql


def _pages(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    page: list[Any] = []
    for item in items:
        page.append(item)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page


# ---------------------------------------------------------------------------------------------
# kingbase_* options read as postgresql_* ones.

_PG, _KB = "postgresql", "kingbase"


class _KingbaseOptions(dict):  # type: ignore[type-arg]
    """dialect_options of a stand-in: "postgresql" merged with "kingbase", the rest as is."""

    def __init__(self, original: Any, merged: _DialectArgDict) -> None:
        super().__init__()
        self._original = original
        self[_PG] = merged

    def __missing__(self, key: str) -> Any:
        return self._original[key]


def _kingbase_set(item: Any) -> dict[str, Any]:
    options = getattr(item, "dialect_options", None)
    if options is None or isinstance(options, _KingbaseOptions) or _KB not in options:
        return {}
    return dict(options[_KB]._non_defaults)


def with_kingbase_options(item: Any) -> Any:
    """`item` as the PostgreSQL compiler must see it on Kingbase: when it has kingbase_* options,
    a shallow copy whose postgresql options include them (kingbase_X wins over postgresql_X);
    otherwise `item` itself. The original is never changed."""
    given = _kingbase_set(item)
    if not given:
        return item
    pg = item.dialect_options[_PG]
    merged = _DialectArgDict()
    merged._defaults.update(pg._defaults)
    merged._non_defaults.update(pg._non_defaults)
    merged._non_defaults.update(given)
    return _shallow_copy(item, dialect_options=_KingbaseOptions(item.dialect_options, merged))


def _shallow_copy(obj: Any, **replace: Any) -> Any:
    copy = obj.__class__.__new__(obj.__class__)
    copy.__dict__.update(obj.__dict__)
    copy.__dict__.update(replace)
    return copy


def _with_element(ddl: Any) -> Any:
    element = with_kingbase_options(ddl.element)
    return ddl if element is ddl.element else _shallow_copy(ddl, element=element)


def _kingbase_reflected(entries: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Reflected indexes / constraints with their postgresql_X options named kingbase_X: what a
    dialect named "kingbase" reports (and takes back: Table(autoload_with=...) builds the Index
    with kingbase_include=..., which the DDL compiler here honours)."""

    def rename(record: Any) -> Any:
        options = record.get("dialect_options") if isinstance(record, dict) else None
        if not options:
            return record
        prefix = _PG + "_"
        return {**record, "dialect_options": {
            (_KB + "_" + k[len(prefix):] if k.startswith(prefix) else k): v for k, v in options.items()}}

    return [(key, [rename(r) for r in value] if isinstance(value, list) else rename(value))
            for key, value in entries]


class KingbaseDDLCompiler(PGDDLCompiler):
    """PostgreSQL's DDL, with each element's kingbase_* options read as its postgresql_* ones."""

    def visit_create_index(self, create: Any, **kw: Any) -> str:  # type: ignore[override]
        return str(super().visit_create_index(_with_element(create), **kw))  # type: ignore[no-untyped-call]

    def visit_drop_index(self, drop: Any, **kw: Any) -> str:
        return str(super().visit_drop_index(_with_element(drop), **kw))  # type: ignore[no-untyped-call]

    def post_create_table(self, table: Any) -> str:
        return str(super().post_create_table(with_kingbase_options(table)))  # type: ignore[no-untyped-call]

    # the constraint options (INCLUDE, NOT VALID, NULLS NOT DISTINCT) go through these helpers
    def _define_include(self, obj: Any) -> str:
        return str(super()._define_include(with_kingbase_options(obj)))  # type: ignore[no-untyped-call]

    def _define_constraint_validity(self, constraint: Any) -> str:
        return str(super()._define_constraint_validity(  # type: ignore[no-untyped-call]
            with_kingbase_options(constraint)))

    def define_unique_constraint_distinct(self, constraint: Any, **kw: Any) -> str:
        return str(super().define_unique_constraint_distinct(  # type: ignore[no-untyped-call]
            with_kingbase_options(constraint), **kw))


class KingbaseCompiler(PGCompiler):
    def visit_match_op_binary(self, binary: Any, operator: Any, **kw: Any) -> str:
        if "kingbase_regconfig" in binary.modifiers:
            binary = _shallow_copy(binary, modifiers={
                **binary.modifiers, "postgresql_regconfig": binary.modifiers["kingbase_regconfig"]})
        return str(super().visit_match_op_binary(binary, operator, **kw))  # type: ignore[no-untyped-call]


# ---------------------------------------------------------------------------------------------


class KingbaseDialect_ksycopg2(PGDialect_psycopg2):
    name = "kingbase"
    driver = "ksycopg2"
    supports_statement_cache = True
    statement_compiler = KingbaseCompiler
    ddl_compiler = KingbaseDDLCompiler

    connection_characteristics = PGDialect_psycopg2.connection_characteristics.union({
        "kingbase_readonly": PGDialect_psycopg2.connection_characteristics["postgresql_readonly"],
        "kingbase_deferrable": PGDialect_psycopg2.connection_characteristics["postgresql_deferrable"],
    })
    reflection_options = (  # type: ignore[assignment]
        "postgresql_ignore_search_path", "kingbase_ignore_search_path")

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

    # --- execution: psycopg2's interpolation, done here (see the module docstring) ----------

    def interpolate(self, cursor: Any, statement: Union[str, bytes], parameters: Any) -> bytes:
        """The statement psycopg2 would send for `cursor.execute(statement, parameters)`."""
        conn = cursor.connection
        encoding = self._psycopg2_extensions.encodings.get(conn.encoding, conn.encoding)
        query = statement.encode(encoding) if isinstance(statement, str) else statement
        if not query:
            raise self.loaded_dbapi.ProgrammingError("can't execute an empty query")
        if parameters is None:   # psycopg2 interpolates nothing then
            return query
        adapt = self._psycopg2_extensions.adapt

        def quote(value: Any) -> Any:
            adapted = adapt(value)
            prepare = getattr(adapted, "prepare", None)
            if prepare is not None:
                prepare(conn)
            quoted = adapted.getquoted()
            return quoted.encode(encoding) if isinstance(quoted, str) else quoted

        converted, rendered = _adapt_params(query, parameters, quote, self.loaded_dbapi.ProgrammingError)
        if rendered is not None:
            return rendered
        return query if converted is None else _format(query, converted)

    def do_execute(self, cursor: Any, statement: Any, parameters: Any, context: Any = None) -> None:
        if parameters is None or not isinstance(statement, (str, bytes)):
            cursor.execute(statement, parameters)
        else:
            cursor.execute(self.interpolate(cursor, statement, parameters))

    def do_executemany(self, cursor: Any, statement: Any, parameters: Any, context: Any = None) -> None:
        if not isinstance(statement, (str, bytes)):
            super().do_executemany(cursor, statement, parameters, context)  # type: ignore[no-untyped-call]
        elif self.executemany_mode is EXECUTEMANY_VALUES_PLUS_BATCH:
            # psycopg2.extras.execute_batch: pages of statements joined with ";"
            for page in _pages(parameters, self.executemany_batch_page_size or 100):
                cursor.execute(b";".join(self.interpolate(cursor, statement, p) for p in page))
        else:
            cursor.executemany(b"%s", ((_Verbatim(self.interpolate(cursor, statement, p)),)
                                       for p in parameters))

    # --- reflection: options come back as kingbase_*, as SQLAlchemy's suite expects ----------

    def get_multi_indexes(self, connection: Any, *args: Any, **kw: Any) -> Any:
        return _kingbase_reflected(super().get_multi_indexes(  # type: ignore[no-untyped-call]
            connection, *args, **kw))

    def get_multi_unique_constraints(
            self, connection: Any, *args: Any, **kw: Any) -> Any:
        return _kingbase_reflected(super().get_multi_unique_constraints(  # type: ignore[no-untyped-call]
            connection, *args, **kw))

    def get_multi_pk_constraint(self, connection: Any, *args: Any, **kw: Any) -> Any:
        return _kingbase_reflected(super().get_multi_pk_constraint(  # type: ignore[no-untyped-call]
            connection, *args, **kw))

    # --- kingbase_ignore_search_path ----------------------------------------------------------

    def get_multi_foreign_keys(self, connection: Any, **kw: Any) -> Any:  # type: ignore[override]
        kingbase = kw.pop("kingbase_ignore_search_path", None)
        if kingbase is not None:
            kw["postgresql_ignore_search_path"] = kingbase
        return super().get_multi_foreign_keys(connection, **kw)  # type: ignore[no-untyped-call]

    # --- server version -----------------------------------------------------------------------

    def _get_server_version_info(self, connection: Any) -> Any:
        """PostgreSQL's version numbers, which Kingbase reports too (V8R6 says 12.x): libkci's
        integer, else `SHOW server_version`; never `select version()` ("KingbaseES V008R006...")."""
        number = getattr(connection.connection.dbapi_connection, "server_version", 0)
        if isinstance(number, int) and number >= 100000:
            return (number // 10000, number % 10000)
        if isinstance(number, int) and number > 0:
            return (number // 10000, number // 100 % 100, number % 100)
        text = str(connection.exec_driver_sql("SHOW server_version").scalar())
        match = re.match(r"\s*(\d+)\.?(\d+)?(?:\.(\d+))?", text)   # PostgreSQL's own pattern
        if not match:
            return (12, 0)
        return tuple(int(part) for part in match.groups() if part is not None)


dialect = KingbaseDialect_ksycopg2
