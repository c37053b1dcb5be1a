"""Real SQLite files for the service tests: an empty schema, and the seeded demo ward.

The fixtures are app.store.db.Database objects (the way the app opens a database: deadlines,
error translation, BEGIN IMMEDIATE for writes), not bare engines."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.clock import as_utc
from app.store.db import Database, open_database
from app.store.schema import metadata

# A fixed ward clock: 10:30 local time, so "today's later doses" and "day 4" are stable.
NOW = as_utc(datetime(2024, 6, 10, 10, 30))


def make_engine(path: Path) -> Database:
    """A Database on an SQLite file (foreign keys on, as every app connection has them)."""
    return open_database(f"sqlite:///{path}")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Database]:
    eng = make_engine(tmp_path / "empty.db")
    metadata.create_all(eng.engine)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    eng = make_engine(path)
    metadata.create_all(eng.engine)
    with eng.begin() as conn:
        load_all(conn)
        seed_demo(conn, now=NOW)
    eng.dispose()
    return path


@pytest.fixture
def demo_engine(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the seeded ward: tests may change it freely."""
    path = tmp_path / "demo.db"
    shutil.copy(seeded_file, path)
    eng = make_engine(path)
    yield eng
    eng.dispose()
