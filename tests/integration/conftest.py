"""A fresh PostgreSQL database with the schema, the dictionaries and the demo ward, for the
integration tests (the server is the session's, tests/conftest.py)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Optional

import pytest

from app.store.db import Database, open_database


def seed_postgres(url: str, now: Optional[datetime] = None) -> None:
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store.migrate import upgrade

    setup = open_database(url, call_timeout=120)
    try:
        upgrade(setup)
        with setup.begin() as conn:
            load_all(conn)
            seed_demo(conn, now=now)
    finally:
        setup.dispose()


@pytest.fixture
def seeded_pg(pg_url: str) -> Iterator[Database]:
    """The seeded demo ward on PostgreSQL, opened the way the app opens it."""
    seed_postgres(pg_url)
    db = open_database(pg_url)
    yield db
    db.dispose()
