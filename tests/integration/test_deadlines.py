"""A link that accepts TCP and never answers (the fault proxy frozen): every call the app makes
fails within 6 s, as OfflineError, with the default deadlines (DESIGN.md "Every database call
has a deadline"). Measured on the real PostgreSQL behind tests/netfault.py."""
from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from sqlalchemy import insert, text

from app.clock import utcnow
from app.errors import OfflineError
from app.ids import new_id
from app.services import commands as c
from app.services.audit import AuditEntry
from app.services.demo_ids import demo_id
from app.services.uow import UnitOfWork
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import app_setting
from tests.netfault import FreezableProxy
from tests.pg import PASSWORD, PgServer

pytestmark = pytest.mark.pg
LIMIT = 6.0


@pytest.fixture
def proxied(pg_server: PgServer, pg_url: str) -> Iterator[tuple[Database, FreezableProxy]]:
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store.migrate import upgrade

    setup = open_database(pg_url, call_timeout=120)
    upgrade(setup)
    with setup.begin() as conn:
        load_all(conn)
        seed_demo(conn)
    setup.dispose()
    name = pg_url.rsplit("/", 1)[1]
    proxy = FreezableProxy(pg_server.port)
    db = open_database(f"postgresql+psycopg2://postgres:{PASSWORD}@127.0.0.1:{proxy.port}/{name}")
    try:
        yield db, proxy
    finally:
        db.dispose()
        proxy.close()


def _fails_offline_in_time(call: Callable[[], Any]) -> float:
    start = time.monotonic()
    with pytest.raises(OfflineError):
        call()
    elapsed = time.monotonic() - start
    assert elapsed < LIMIT, f"took {elapsed:.1f} s"
    return elapsed


def test_a_read_on_an_open_pooled_connection(proxied: tuple[Database, FreezableProxy]) -> None:
    db, proxy = proxied
    assert db.run_read(lambda conn: conn.execute(text("SELECT 1")).scalar()) == 1
    proxy.freeze()
    _fails_offline_in_time(lambda: db.run_read(lambda conn: conn.execute(text("SELECT 2")).scalar()))


def test_a_commit_through_the_unit_of_work(proxied: tuple[Database, FreezableProxy]) -> None:
    db, proxy = proxied

    def work() -> None:
        with UnitOfWork(db, workstation="pc-d") as uow:
            uow.conn.execute(insert(app_setting).values(skey=new_id(), svalue="x"))
            uow.audit(AuditEntry("update", "setting", "x"))
            uow.flush_audit()
            proxy.freeze()                  # the link dies between the last statement and COMMIT
            uow.commit()

    _fails_offline_in_time(work)


def test_a_command_and_a_new_connection(proxied: tuple[Database, FreezableProxy]) -> None:
    db, proxy = proxied
    cmd = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liming"), device_time=utcnow(),
                          patient_id=demo_id("patient", 7), allergy_id=new_id(), substance="头孢")
    run_command(db, "pc-d", cmd)
    proxy.freeze()
    second = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liming"),
                             device_time=utcnow(), patient_id=demo_id("patient", 7),
                             allergy_id=new_id(), substance="磺胺")
    _fails_offline_in_time(lambda: run_command(db, "pc-d", second))
    db.dispose()                            # nothing pooled: the next call must connect
    _fails_offline_in_time(lambda: db.run_read(lambda conn: conn.execute(text("SELECT 3")).scalar()))
    _fails_offline_in_time(lambda: db.ping())
