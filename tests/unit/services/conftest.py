"""Real SQLite files for the service tests: an empty schema, and the seeded demo ward."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.clock import as_utc
from app.store.schema import metadata

# A fixed ward clock: 10:30 local time, so "today's later doses" and "day 4" are stable.
NOW = as_utc(datetime(2024, 6, 10, 10, 30))


def make_engine(path: Path) -> Engine:
    engine = sa.create_engine(f"sqlite:///{path}")

    @sa.event.listens_for(engine, "connect")
    def _fk_on(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    return engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(tmp_path / "empty.db")
    metadata.create_all(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    eng = make_engine(path)
    metadata.create_all(eng)
    with eng.begin() as conn:
        load_all(conn)
        seed_demo(conn, now=NOW)
    eng.dispose()
    return path


@pytest.fixture
def demo_engine(seeded_file: Path, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the seeded ward: tests may change it freely."""
    path = tmp_path / "demo.db"
    shutil.copy(seeded_file, path)
    eng = make_engine(path)
    yield eng
    eng.dispose()
