"""Templates and phrase lists on the real PostgreSQL (tests/unit/services/test_templates.py runs
the same scenarios on SQLite): a personal copy edited and picked first, who may edit department
and hospital templates, bad input refused at the field, phrases their owner's own."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.store.db import Database, open_database
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_templates as t

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url, now=t.NOW)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_personal_copy_is_edited_and_picked_first(db: Database) -> None:
    t.scenario_personal_copy_is_edited_and_picked_first(db)


def test_who_may_edit_department_and_hospital_templates(db: Database) -> None:
    t.scenario_who_may_edit_department_and_hospital_templates(db)


def test_bad_input_is_refused_at_the_field(db: Database) -> None:
    t.scenario_bad_input_is_refused_at_the_field(db)


def test_phrases_are_the_owners_own(db: Database) -> None:
    t.scenario_phrases_are_the_owners_own(db)
