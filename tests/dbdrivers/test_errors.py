"""Failures classified by each driver: what the user is told, and how fast."""
from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import DatabaseError, OfflineError, ValidationError
from app.store.db import open_database
from dbdrivers import registry
from dbdrivers.base import ErrorKind
from tests.netfault import FreezableProxy
from tests.pg import PASSWORD, PgServer

SERVER_SCHEMES = {
    "postgresql": "postgresql+psycopg2://postgres:{pw}@127.0.0.1:{port}/postgres",
    "kingbase": "kingbase+ksycopg2://system:{pw}@127.0.0.1:{port}/test",
    "dm": "dm+dmPython://SYSDBA:{pw}@127.0.0.1:{port}/",
    "oracle": "oracle+oracledb://ward:{pw}@127.0.0.1:{port}/?service_name=orcl",
}


def _failure(url: str) -> tuple[DatabaseError, float]:
    db = open_database(url)
    start = time.monotonic()
    try:
        with pytest.raises(DatabaseError) as info:
            db.ping()
    finally:
        db.dispose()
    return info.value, time.monotonic() - start


@pytest.mark.parametrize("engine", ["postgresql", "kingbase"])
def test_wrong_password_is_auth(pg_server: PgServer, engine: str) -> None:
    scheme = "postgresql+psycopg2" if engine == "postgresql" else "kingbase+ksycopg2"
    err, _ = _failure(pg_server.url(scheme=scheme, password="not-the-password"))
    assert err.kind == ErrorKind.AUTH.value
    assert not isinstance(err, OfflineError)
    assert "not-the-password" not in str(err)


@pytest.mark.parametrize("engine", sorted(SERVER_SCHEMES))
def test_closed_port_is_unreachable(closed_port: int, engine: str) -> None:
    err, seconds = _failure(SERVER_SCHEMES[engine].format(pw="S3cret!x", port=closed_port))
    assert isinstance(err, OfflineError)
    assert err.kind == ErrorKind.UNREACHABLE.value
    assert seconds < 5
    assert "S3cret" not in str(err)


@pytest.mark.parametrize("engine", ["postgresql", "kingbase"])
def test_a_web_server_on_the_port_is_not_a_refused_login(web_server: Any, engine: str) -> None:
    err, seconds = _failure(SERVER_SCHEMES[engine].format(pw="S3cret!x", port=web_server.port))
    assert web_server.accepted >= 1
    assert err.kind == ErrorKind.UNREACHABLE.value      # "cannot reach", never "wrong password"
    assert seconds < 5


@pytest.mark.parametrize("engine", sorted(SERVER_SCHEMES))
def test_never_answering_server_is_unreachable_within_5s(blackhole: Any, engine: str) -> None:
    err, seconds = _failure(SERVER_SCHEMES[engine].format(pw="S3cret!x", port=blackhole.port))
    assert blackhole.accepted >= 1          # it really reached the listener
    assert isinstance(err, OfflineError)
    assert err.kind == ErrorKind.UNREACHABLE.value
    assert seconds < 5.0


def test_sqlite_missing_directory_is_unreachable(tmp_path: Any) -> None:
    err, _ = _failure(f"sqlite:///{tmp_path}/no/such/dir/ward.db")
    assert err.kind == ErrorKind.UNREACHABLE.value


def test_sqlcipher_wrong_key_is_auth(tmp_path: Any) -> None:
    pytest.importorskip("sqlcipher3")
    path = tmp_path / "replica.db"
    good = open_database(f"sqlite+pysqlcipher://:right-key@/{path}")
    with good.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    good.dispose()
    assert b"CREATE TABLE" not in path.read_bytes()       # really encrypted
    err, _ = _failure(f"sqlite+pysqlcipher://:wrong-key@/{path}")
    assert err.kind == ErrorKind.AUTH.value


def test_hung_server_mid_call_is_lost_within_deadline(pg_server: PgServer) -> None:
    """The link stays up but the server stops answering during a statement, then stays hung
    for the next checkout (pool pre-ping plus reconnect must still report within 5 s)."""
    proxy = FreezableProxy(pg_server.port)
    db = open_database(f"postgresql+psycopg2://postgres:{PASSWORD}@127.0.0.1:{proxy.port}/postgres",
                       call_timeout=2.0)
    try:
        with pytest.raises(OfflineError) as info, db.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
            proxy.freeze()
            start = time.monotonic()
            conn.execute(text("SELECT 2")).scalar()
        assert info.value.kind == ErrorKind.LOST.value
        assert time.monotonic() - start < 3.5
        start = time.monotonic()
        with pytest.raises(OfflineError):
            db.ping()
        assert time.monotonic() - start < 5.0
    finally:
        db.dispose()
        proxy.close()


def test_statement_deadline_then_connection_pool_recovers(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        start = time.monotonic()
        with pytest.raises(OfflineError), db.connect() as conn:
            conn.execution_options(deadline=1.0).execute(text("SELECT pg_sleep(30)"))
        assert time.monotonic() - start < 3.0
        with db.connect() as conn:           # the aborted connection was not reused
            assert conn.execute(text("SELECT 41 + 1")).scalar() == 42
    finally:
        db.dispose()


@pytest.mark.parametrize("url", [
    "nonsense",
    "mysql://u:p@host/db",
    "postgresql+psycopg2://u:p@/nohost",
    "sqlite+pysqlcipher:////tmp/nokey.db",
])
def test_bad_urls_are_validation_errors(url: str) -> None:
    with pytest.raises(ValidationError) as info:
        open_database(url)
    assert info.value.message_id == "db.bad_url"
    assert ":p@" not in str(info.value)


def test_every_engine_module_loads_and_one_broken_driver_is_isolated(monkeypatch: Any) -> None:
    assert set(registry.drivers()) == {"sqlite", "postgresql", "kingbase", "dm", "oracle"}
    assert registry.broken() == {}
    monkeypatch.setattr(registry, "ENGINE_MODULES", (*registry.ENGINE_MODULES, "dbdrivers.nope"))
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "_drivers", {})
    monkeypatch.setattr(registry, "_broken", {})
    assert set(registry.drivers()) == {"sqlite", "postgresql", "kingbase", "dm", "oracle"}
    assert "dbdrivers.nope" in registry.broken()


def test_dm_connection_failure_code_is_unreachable_not_text() -> None:
    dm = registry.by_name("dm")
    import dmPython

    class Detail:
        code = -70028
        message = "anything at all"

    assert dm.classify_dbapi(dmPython.DatabaseError(Detail()), during_connect=True,
                             url=None) is ErrorKind.UNREACHABLE
    Detail.code = -2501
    assert dm.classify_dbapi(dmPython.DatabaseError(Detail()), during_connect=True,
                             url=None) is ErrorKind.AUTH
