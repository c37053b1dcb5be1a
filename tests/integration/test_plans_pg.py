"""Three PCs generating tomorrow's plan at the same moment on PostgreSQL: the unique key refuses
every second copy, the losers add only what is missing, each dose is planned once."""
from __future__ import annotations

import pytest

from app.store.db import Database
from tests.unit.services import test_plans as tp

pytestmark = pytest.mark.pg


@pytest.fixture
def demo_engine(seeded_pg: Database) -> Database:
    return seeded_pg


def test_racing_pcs_plan_each_dose_once_on_the_server(demo_engine: Database) -> None:
    for _ in range(3):                       # three races, each on a day nobody planned yet
        tp.test_two_pcs_generating_at_once_plan_each_dose_once(demo_engine)
