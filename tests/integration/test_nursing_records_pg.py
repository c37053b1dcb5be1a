"""The 护理记录 service tests again on the real PostgreSQL: lines signed on save, refusals,
corrections racing on the unique index, the 24 h I/O and its totals on the 体温单."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.store.db import Database, open_database
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_nursing_records as tn
from tests.unit.services.conftest import NOW

pytestmark = pytest.mark.pg


@pytest.fixture
def demo_engine(pg_url: str) -> Iterator[Database]:
    """The demo ward seeded on the SQLite tests' clock (their 24 hours are on that day)."""
    seed_postgres(pg_url, now=NOW)
    db = open_database(pg_url)
    yield db
    db.dispose()


def test_lines_and_refusals_on_the_server(demo_engine: Database) -> None:
    tn.test_a_critical_line_is_signed_on_save_with_every_field(demo_engine)
    tn.test_an_unusual_value_is_confirmed_once(demo_engine)
    tn.test_bad_input_is_refused_naming_the_field_and_nothing_written(
        demo_engine, {"vitals": {"temp": "44.0"}}, "temp")
    tn.test_bad_input_is_refused_naming_the_field_and_nothing_written(
        demo_engine, {"at": NOW - tn.timedelta(days=30), "note": "x"}, "recorded_at")


def test_corrections_and_voids_on_the_server(demo_engine: Database) -> None:
    tn.test_a_correction_keeps_the_old_line_struck_with_the_new_one_below(demo_engine)
    tn.test_a_void_strikes_without_replacement(demo_engine)


def test_racing_corrections_on_the_server(demo_engine: Database) -> None:
    tn.test_two_pcs_correcting_the_same_line_at_once_one_wins(demo_engine)


def test_io_on_the_chart_on_the_server(demo_engine: Database) -> None:
    tn.test_the_24_hours_on_the_wards_boundary_reach_the_temperature_chart(demo_engine)


def test_the_boundary_setting_on_the_server(demo_engine: Database) -> None:
    tn.test_the_boundary_is_the_wards_setting(demo_engine)
