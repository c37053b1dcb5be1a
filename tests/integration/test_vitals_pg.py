"""The charting service tests again on the real PostgreSQL: facts, corrections racing on the
unique index, two nurses on one slot, the ward grid in two statements."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.store.db import Database, open_database
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_vitals as tv
from tests.unit.services.conftest import NOW

pytestmark = pytest.mark.pg


@pytest.fixture
def demo_engine(pg_url: str) -> Iterator[Database]:
    """The demo ward seeded on the SQLite tests' clock (their slots are on that day)."""
    seed_postgres(pg_url, now=NOW)
    db = open_database(pg_url)
    yield db
    db.dispose()


def test_slot_grid_and_flags_on_the_server(demo_engine: Database) -> None:
    tv.test_a_slot_recorded_shows_in_the_grid(demo_engine)


def test_refusals_on_the_server(demo_engine: Database) -> None:
    tv.test_impossible_refused_unusual_confirmed_nothing_half_written(demo_engine)
    tv.test_future_and_before_admission_refused(demo_engine)


def test_corrections_and_two_nurses_on_the_server(demo_engine: Database) -> None:
    tv.test_a_correction_voids_and_replaces_never_updates(demo_engine)
    tv.test_void_without_replacement(demo_engine)


def test_two_nurses_on_the_server(demo_engine: Database) -> None:
    tv.test_two_nurses_same_slot_both_kept_and_visible(demo_engine)


def test_codes_events_daily_on_the_server(demo_engine: Database) -> None:
    tv.test_codes_cooling_retake_events_and_daily_data(demo_engine)


def test_grid_statements_and_week_on_the_server(demo_engine: Database) -> None:
    tv.test_the_grid_reads_the_whole_ward_in_two_statements(demo_engine)
    tv.test_a_week_of_the_demo_chart(demo_engine)


def test_racing_corrections_on_the_server(demo_engine: Database) -> None:
    tv.test_two_pcs_correcting_the_same_value_at_once_one_wins(demo_engine)


def test_assessments_on_the_server(demo_engine: Database) -> None:
    from tests.unit.services import test_nursing_scores_cmds as tn

    tn.test_braden_and_morse_recorded_and_read_for_the_ward(demo_engine)
    tn.test_an_item_left_out_is_refused_and_nothing_stored(demo_engine)
