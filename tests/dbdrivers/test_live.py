"""Opt-in tests against real servers this machine cannot run: set DM_TEST_URL, ORACLE_TEST_URL
or KINGBASE_TEST_URL (an empty schema the tests may fill) to run them."""
from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest
from sqlalchemy import delete, insert, select

from app.errors import DatabaseError
from app.ids import new_id
from app.store import migrate
from app.store.db import open_database
from app.store.schema import doc_template

pytestmark = pytest.mark.live

ENVS = ["DM_TEST_URL", "ORACLE_TEST_URL", "KINGBASE_TEST_URL"]


@pytest.fixture(params=ENVS)
def live_url(request: pytest.FixtureRequest) -> str:
    url = os.environ.get(request.param)
    if not url:
        pytest.skip(f"{request.param} not set")
    return url


def test_live_server_contract(live_url: str) -> None:
    db = open_database(live_url)
    try:
        assert db.ping() < 3.0
        assert db.server_version()
        assert migrate.upgrade(db) == migrate.head_revision()
        assert migrate.upgrade(db) == migrate.head_revision()
        now = datetime(2024, 5, 1, 12, 0, 0, 250000, tzinfo=timezone.utc)
        row_id = new_id()
        with db.begin() as conn:
            conn.execute(insert(doc_template).values(
                id=row_id, doc_type="progress", name="日常病程记录", body={"段落": ["查房"]},
                is_active=True, version=1, created_at=now, updated_at=now))
        with db.connect() as conn:
            row = conn.execute(select(doc_template).where(doc_template.c.id == row_id)).one()
        assert (row.name, row.body, row.is_active, row.created_at) == (
            "日常病程记录", {"段落": ["查房"]}, True, now)
        with pytest.raises(DatabaseError) as info, db.begin() as conn:
            conn.execute(insert(doc_template).values(
                id=row_id, doc_type="x", name="x", body={}, is_active=True, version=1,
                created_at=now, updated_at=now))
        assert info.value.kind == "constraint"
        with db.begin() as conn:
            conn.execute(delete(doc_template).where(doc_template.c.id == row_id))
    finally:
        db.dispose()
