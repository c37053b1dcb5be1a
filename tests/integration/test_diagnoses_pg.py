"""A stay's diagnoses on the real PostgreSQL (tests/unit/services/test_diagnoses.py runs the same
scenarios on SQLite): add and reorder with the header following, revise and remove with the old
statements kept, bad input refused at its field (a nurse refused), and two doctors reordering the
same list at once (one wins, the other gets the version conflict)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.store.db import Database, open_database
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_diagnoses as t

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url, now=t.NOW)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_add_reorder_and_the_header_follows(db: Database) -> None:
    t.scenario_add_reorder_and_the_header_follows(db)


def test_revise_and_remove(db: Database) -> None:
    t.scenario_revise_keeps_the_old_statement_and_remove_promotes_the_next(db)


def test_bad_input_and_a_nurse_are_refused(db: Database) -> None:
    t.scenario_bad_input_is_refused_at_its_field_and_nothing_is_written(db)


def test_concurrent_reorders(db: Database) -> None:
    t.scenario_concurrent_reorders_one_wins_the_other_conflicts(db)
