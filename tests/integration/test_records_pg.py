"""The medical record on the real PostgreSQL (tests/unit/services/test_records.py runs the same
scenarios on SQLite): autosave slot and signing, an intern's record co-signed, a senior's
revision with the version check, the time limits after moving the clock, and two PCs of one
author autosaving the same slot at once."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.ids import new_id
from app.services.doc_commands import SaveDocDraft
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import doc_draft
from tests.integration.conftest import seed_postgres
from tests.unit.services import test_records as t

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url, now=t.NOW)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_autosave_and_sign(db: Database) -> None:
    t.scenario_autosave_overwrites_one_slot_and_signing_freezes(db)


def test_intern_cosign(db: Database) -> None:
    t.scenario_intern_record_needs_a_licensed_cosign(db)


def test_senior_revision_and_conflict(db: Database) -> None:
    t.scenario_senior_revision_and_the_version_check(db)


def test_time_limits(db: Database) -> None:
    t.scenario_time_limits_follow_the_clock(db)


def test_two_pcs_autosaving_one_slot_keep_one_row(db: Database) -> None:
    doc_id = t.create(db, t.ENC_11, "progress", t.RESIDENT)
    t.run_command(db, "pc-x", SaveDocDraft(op_id=new_id(), actor_id=t.RESIDENT, device_time=t.NOW,
                                           doc_id=doc_id, base_rev_no=0, sections=()))
    with db.begin() as conn:       # no slot yet: both PCs race to insert it
        conn.execute(doc_draft.delete().where(doc_draft.c.doc_id == doc_id))
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def save(ws: str) -> None:
        try:
            barrier.wait()
            run_command(db, ws, SaveDocDraft(op_id=new_id(), actor_id=t.RESIDENT, device_time=t.NOW,
                                             doc_id=doc_id, base_rev_no=0, sections=()))
        except BaseException as exc:   # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(f"pc-{n}",)) for n in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(doc_draft)
                            .where(doc_draft.c.doc_id == doc_id)).scalar() == 1


def test_consult(db: Database) -> None:
    t.scenario_consult_requested_accepted_and_answered(db)


def test_handover(db: Database) -> None:
    t.scenario_handover_written_and_acknowledged(db)


def test_takeover_owes_the_shift_records(db: Database) -> None:
    t.scenario_a_takeover_owes_the_shift_records(db)
