"""病区设置 through the write path on the seeded demo ward: a head nurse changes the overdue
tolerance and a frequency's default times and the nurse side follows them (the next plan is made
at the ward's times); a nurse may not; impossible values are refused naming the field; a setting
changed by someone else meanwhile is a conflict, never overwritten; each change is audited; the
same command runs on the offline replica."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any, Optional

import pytest
from sqlalchemy import select

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.services.demo_ids import demo_id
from app.services.ward_settings import nurse_settings
from app.services.ward_settings_cmds import SaveWardSettings, settings_view
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec
from tests.unit.services.conftest import NOW

HEAD = demo_id("staff", "sunmin")
NURSE = demo_id("staff", "liufang")
WARD = demo_id("ward")


def save(db: Database, values: dict[str, str], seen: Optional[dict[str, Optional[str]]] = None,
         actor: str = HEAD) -> Any:
    if seen is None:
        with db.connect() as conn:
            stored = settings_view(conn, WARD).stored
        seen = {k: stored.get(k) for k in values}
    return run_command(db, "pc-head", SaveWardSettings(op_id=new_id(), actor_id=actor, device_time=NOW,
                                                       ward_id=WARD, values=values, seen=seen))


def test_the_head_nurse_sets_the_tolerance_and_a_frequencys_times(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        view = settings_view(conn, WARD)
        assert nurse_settings(conn, WARD).overdue_minutes == 30 and view.stored["overdue_minutes"] is None
    assert "freq:bid" in view.stored and view.defaults["overdue_minutes"] == "30"
    changes = save(demo_engine, {"overdue_minutes": "45", "freq:bid": "09:00，21:00"})
    assert changes.touches("setting")
    with demo_engine.connect() as conn:
        settings = nurse_settings(conn, WARD)
        audited = conn.execute(select(audit_rec.c.entity_id, audit_rec.c.after_data)
                               .where(audit_rec.c.entity == "setting")).all()
    assert settings.overdue_minutes == 45 and settings.slots_for("bid") == ("09:00", "21:00")
    assert {row.entity_id for row in audited} == {WARD}
    assert {(row.after_data["setting"], row.after_data["value"]) for row in audited} == {
        ("overdue_minutes", "45"), ("freq:bid", "09:00,21:00")}
    save(demo_engine, {"overdue_minutes": ""})              # blank: back to the default
    with demo_engine.connect() as conn:
        assert nurse_settings(conn, WARD).overdue_minutes == 30


def test_the_wards_times_drive_the_next_plan(demo_engine: Database) -> None:
    from app.clock import utcnow
    from app.store.schema import med_order, order_exec_plan
    from tests.unit.services.test_plans import generate

    save(demo_engine, {"freq:bid": "09:30,21:30"})
    generate(demo_engine, day_offset=2)                 # a day the demo has not planned
    day = (utcnow().astimezone() + timedelta(days=2)).date()
    with demo_engine.connect() as conn:
        rows = conn.execute(select(order_exec_plan.c.planned_at)
                            .join(med_order, med_order.c.id == order_exec_plan.c.order_id)
                            .where(med_order.c.freq_code == "bid")).scalars().all()
    times = {at.astimezone().strftime("%H:%M") for at in rows if at.astimezone().date() == day}
    assert times == {"09:30", "21:30"}


@pytest.mark.parametrize("values, message_id, field", [
    ({"overdue_minutes": "2000"}, "ward_settings.out_of_range", "overdue_minutes"),
    ({"skin_read_minutes": "0"}, "ward_settings.out_of_range", "skin_read_minutes"),
    ({"retest_on_batch": "maybe"}, "ward_settings.bad_flag", "retest_on_batch"),
    ({"freq:bid": "08:00"}, "ward_settings.time_count", "freq:bid"),
    ({"freq:bid": "08:00,25:00"}, "ward_settings.bad_time", "freq:bid"),
    ({"freq:bid": "08:00,08:00"}, "ward_settings.duplicate_time", "freq:bid"),
    ({"freq:nosuch": "08:00"}, "ward_settings.unknown_freq", "freq:nosuch"),
    ({"colour": "red"}, "ward_settings.unknown", "colour"),
    ({"label_size": "80"}, "ward_settings.bad_label_size", "label_size"),
    ({"label_size": "300x50"}, "ward_settings.bad_label_size", "label_size"),
])
def test_impossible_values_are_refused_naming_the_field(demo_engine: Database, values: dict[str, str],
                                                        message_id: str, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        save(demo_engine, {"overdue_minutes": "40", **values})
    assert err.value.message_id == message_id and err.value.params["field"] == field
    with demo_engine.connect() as conn:
        assert nurse_settings(conn, WARD).overdue_minutes == 30        # nothing written half-way


def test_a_nurse_may_not_and_a_change_made_meanwhile_is_a_conflict(demo_engine: Database) -> None:
    with pytest.raises(PermissionDenied):
        save(demo_engine, {"overdue_minutes": "40"}, actor=NURSE)
    seen_before = {"overdue_minutes": None}
    save(demo_engine, {"overdue_minutes": "40"}, seen=seen_before)          # the first PC
    with pytest.raises(ConflictError) as err:
        save(demo_engine, {"overdue_minutes": "50"}, seen=seen_before)      # the second, stale
    assert err.value.message_id == "ward_settings.changed_meanwhile"
    with demo_engine.connect() as conn:
        assert nurse_settings(conn, WARD).overdue_minutes == 40


def test_the_command_runs_on_the_offline_replica(demo_engine: Database, tmp_path: Path) -> None:
    from app.offline import replica as r

    save(demo_engine, {"skin_read_minutes": "25"})
    local = r.open_replica(tmp_path / "replica.db", "ab" * 32, "ward")    # SQLCipher, a test key
    try:
        r.snapshot(demo_engine, local, profile="ward", ward_id=WARD)
        with local.connect() as conn:
            assert nurse_settings(conn, WARD).skin_read_minutes == 25     # the settings are copied
        save(local, {"skin_read_minutes": "30"})
        with local.connect() as conn:
            assert nurse_settings(conn, WARD).skin_read_minutes == 30
    finally:
        local.dispose()


def test_the_intake_output_day_starts_where_the_ward_says(demo_engine: Database) -> None:
    from datetime import time

    save(demo_engine, {"io_boundary": "08:00"})
    with demo_engine.connect() as conn:
        assert nurse_settings(conn, WARD).io_boundary == time(8, 0)
    with pytest.raises(ValidationError) as err:
        save(demo_engine, {"io_boundary": "8点"})
    assert err.value.params["field"] == "io_boundary"


def test_the_wards_shifts_are_set_and_a_day_with_a_gap_refused(demo_engine: Database) -> None:
    save(demo_engine, {"shifts": "day=08:00-20:00, night=20:00-08:00"})          # 日/夜 two shifts
    with demo_engine.connect() as conn:
        assert [s.code for s in nurse_settings(conn, WARD).shifts] == ["day", "night"]
    with pytest.raises(ValidationError) as err:
        save(demo_engine, {"shifts": "day=08:00-16:00,night=20:00-08:00"})        # 16-20 uncovered
    assert err.value.message_id == "ward_settings.bad_shifts"


def test_the_infusion_label_size_is_a_ward_setting(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        assert nurse_settings(conn, WARD).label_size == (80, 50)           # the default stock
    save(demo_engine, {"label_size": " 60 X 40 "})
    with demo_engine.connect() as conn:
        assert nurse_settings(conn, WARD).label_size == (60, 40)
        assert settings_view(conn, WARD).stored["label_size"] == "60x40"
