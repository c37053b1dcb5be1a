"""Braden and Morse assessments through the write path: scored on the server, stored as signed
nursing records, the ward's latest per patient in one read; an item left out is refused."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import ValidationError
from app.ids import new_id
from app.services.demo_ids import demo_id
from app.services.nursing_cmds import RecordAssessment, latest_assessments
from app.services.write import run_command
from app.store.db import Database
from tests.unit.services.conftest import NOW

NURSE = demo_id("staff", "liufang")
ENC_5 = demo_id("encounter", 5)
ENC_6 = demo_id("encounter", 6)


def assess(db: Database, scale: str, answers: dict[str, int], enc: str = ENC_5) -> None:
    run_command(db, "pc-n", RecordAssessment(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                             encounter_id=enc, record_id=new_id(), scale=scale,
                                             answers=answers, assessed_at=NOW))


def test_braden_and_morse_recorded_and_read_for_the_ward(demo_engine: Database) -> None:
    assess(demo_engine, "braden", {"sensory": 2, "moisture": 2, "activity": 1, "mobility": 2,
                                   "nutrition": 2, "friction": 1})
    assess(demo_engine, "morse", {"fall_history": 25, "secondary_dx": 15, "ambulatory_aid": 15,
                                  "iv_access": 20, "gait": 10, "mental_status": 0})
    with demo_engine.connect() as conn:
        latest = latest_assessments(conn, demo_id("ward"))
    braden = latest[(ENC_5, "braden")]
    assert braden.total == 10 and braden.level == "high" and braden.alert
    assert braden.due_at == NOW + timedelta(days=1)
    morse = latest[(ENC_5, "morse")]
    assert morse.total == 85 and morse.level == "high"


def test_an_item_left_out_is_refused_and_nothing_stored(demo_engine: Database) -> None:
    with pytest.raises(ValidationError) as err:
        assess(demo_engine, "braden", {"sensory": 2, "moisture": 2, "activity": 1, "mobility": 2,
                                       "nutrition": 2}, enc=ENC_6)
    assert err.value.params["item"] == "friction"
    with demo_engine.connect() as conn:
        assert (ENC_6, "braden") not in latest_assessments(conn, demo_id("ward"))
