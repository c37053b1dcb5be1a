"""Charting through the write path on the seeded demo ward (SQLite here; the same functions run on
PostgreSQL in tests/integration/test_vitals_pg.py): facts, corrections, two nurses, the grid."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

import pytest
from sqlalchemy import func, select

from app.domain import vitals as dv
from app.domain import vitals_due as due
from app.errors import ConflictError, NeedsAcknowledgement, ValidationError
from app.ids import new_id
from app.services import vitals as sv
from app.services.demo_ids import demo_id
from app.services.vitals_cmds import RecordVitals, VitalValue, VoidVital
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import vital_obs
from tests.unit.services.conftest import NOW

WS = "pc-nurse"
NURSE = demo_id("staff", "liufang")
NURSE_B = demo_id("staff", "zhaoli")
WARD = demo_id("ward")
ENC_8 = demo_id("encounter", 8)        # the febrile pneumonia
ENC_3 = demo_id("encounter", 3)
ZONE = NOW.astimezone().tzinfo
SLOT_14 = due.slot_start(NOW.astimezone().date(), 14, ZONE)   # type: ignore[arg-type]
SLOT_10 = SLOT_14 - timedelta(hours=4)        # the demo charted it already (NOW is 10:30)


def val(item: str, value: Any = None, **kw: Any) -> VitalValue:
    return VitalValue(obs_id=new_id(), item=item,
                      value=None if value is None else Decimal(str(value)), **kw)


def record(db: Database, enc: str, *values: VitalValue, actor: str = NURSE,
           slot: Optional[datetime] = SLOT_14, confirmed: tuple[str, ...] = (),
           at: Optional[datetime] = None) -> Any:
    return run_command(db, WS, RecordVitals(
        op_id=new_id(), actor_id=actor, device_time=NOW, encounter_id=enc,
        measured_at=at or slot or NOW, values=tuple(values), slot_at=slot, confirmed=confirmed))


def grid(db: Database, slot: datetime = SLOT_14) -> sv.WardGrid:
    with db.connect() as conn:
        return sv.ward_grid(conn, WARD, slot, zone=ZONE)


def row(g: sv.WardGrid, enc: str) -> sv.GridRow:
    return next(r for r in g.rows if r.encounter_id == enc)


def test_a_slot_recorded_shows_in_the_grid(demo_engine: Database) -> None:
    changes = record(demo_engine, ENC_3, val(dv.TEMP, "37.8", method=dv.ORAL), val(dv.PULSE, 88),
                     val(dv.RESP, 18), val(dv.SBP, 132), val(dv.DBP, 84), val(dv.SPO2, 97))
    assert changes.touches("vitals")
    r = row(grid(demo_engine), ENC_3)
    assert r.cells[dv.TEMP].current.value == Decimal("37.8")
    assert r.cells[dv.TEMP].current.method == dv.ORAL
    assert r.cells[dv.TEMP].current.flag == dv.HIGH
    assert r.cells[dv.PULSE].current.recorder_name


def test_impossible_refused_unusual_confirmed_nothing_half_written(demo_engine: Database) -> None:
    with pytest.raises(ValidationError) as err:
        record(demo_engine, ENC_3, val(dv.PULSE, 80), val(dv.TEMP, "44.0"))
    assert err.value.params["low"] == "34.0" and err.value.params["high"] == "43.0"
    with pytest.raises(NeedsAcknowledgement) as ack:
        record(demo_engine, ENC_3, val(dv.PULSE, 190))
    assert ack.value.params["item"] == dv.PULSE
    assert dv.PULSE not in row(grid(demo_engine), ENC_3).cells
    record(demo_engine, ENC_3, val(dv.PULSE, 190), confirmed=(dv.PULSE,))
    assert row(grid(demo_engine), ENC_3).cells[dv.PULSE].current.value == 190


def test_future_and_before_admission_refused(demo_engine: Database) -> None:
    with pytest.raises(ValidationError) as err:
        record(demo_engine, ENC_3, val(dv.PULSE, 80), slot=None, at=datetime.now().astimezone()
               + timedelta(hours=2))
    assert err.value.message_id == "vitals.in_future"
    with pytest.raises(ValidationError) as err:
        record(demo_engine, ENC_3, val(dv.PULSE, 80), slot=None, at=NOW - timedelta(days=30))
    assert err.value.message_id == "vitals.before_admission"


def test_a_correction_voids_and_replaces_never_updates(demo_engine: Database) -> None:
    first = val(dv.TEMP, "38.6", method=dv.AXILLARY)
    record(demo_engine, ENC_3, first)
    fix = VitalValue(obs_id=new_id(), item=dv.TEMP, value=Decimal("36.8"), method=dv.AXILLARY,
                     voids=first.obs_id)
    record(demo_engine, ENC_3, fix)
    cell = row(grid(demo_engine), ENC_3).cells[dv.TEMP]
    assert cell.current.value == Decimal("36.8") and not cell.contested
    with demo_engine.connect() as conn:
        kept = conn.execute(select(vital_obs.c.num_value).where(vital_obs.c.id == first.obs_id)).scalar()
    assert Decimal(str(kept)) == Decimal("38.6")          # the original row is still there
    # The same row corrected again by another nurse who had not seen the correction: refused.
    with pytest.raises(ConflictError):
        record(demo_engine, ENC_3, VitalValue(obs_id=new_id(), item=dv.TEMP, value=Decimal("37.0"),
                                              voids=first.obs_id), actor=NURSE_B)


def test_two_nurses_same_slot_both_kept_and_visible(demo_engine: Database) -> None:
    record(demo_engine, ENC_3, val(dv.PULSE, 76))
    record(demo_engine, ENC_3, val(dv.PULSE, 84), actor=NURSE_B)
    cell = row(grid(demo_engine), ENC_3).cells[dv.PULSE]
    assert cell.contested
    assert cell.current.value == 84 and cell.current.recorded_by == NURSE_B
    assert [o.value for o in cell.others] == [76]


def test_void_without_replacement(demo_engine: Database) -> None:
    wrong = val(dv.RESP, 22)
    record(demo_engine, ENC_3, wrong)
    run_command(demo_engine, WS, VoidVital(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                           obs_id=wrong.obs_id, void_id=new_id(), reason="录错患者"))
    assert dv.RESP not in row(grid(demo_engine), ENC_3).cells


def test_codes_cooling_retake_events_and_daily_data(demo_engine: Database) -> None:
    record(demo_engine, ENC_3, val(dv.TEMP, code=dv.REFUSED), val(dv.SBP, code=dv.UNMEASURABLE))
    record(demo_engine, ENC_3, val(dv.TEMP, "37.6", method=dv.COOLED), at=SLOT_14 + timedelta(minutes=30))
    record(demo_engine, ENC_3, val(dv.EVENT, code=dv.SURGERY, measured_at=SLOT_14 - timedelta(hours=1)),
           slot=None, at=SLOT_14)
    record(demo_engine, ENC_3, val(dv.INTAKE, 1800), val(dv.URINE, 1500, method=dv.CATHETER),
           val(dv.STOOL, 1, code="1/E"), val(dv.WEIGHT, code=dv.BEDREST), slot=None, at=NOW)
    r = row(grid(demo_engine), ENC_3)
    assert r.cells[dv.TEMP].current.code == dv.REFUSED
    assert r.cells[sv.COOLED_KEY].current.value == Decimal("37.6")
    assert r.due.reasons[0] == due.POSTOP and r.due.due_at(14)
    with demo_engine.connect() as conn:
        week = sv.patient_week(conn, ENC_3, 0, zone=ZONE, now=NOW)
    assert week.operations and {o.item for o in week.obs} >= {dv.INTAKE, dv.URINE, dv.STOOL}
    stool = next(o for o in week.obs if o.item == dv.STOOL and o.code == "1/E")
    assert dv.parse_stool(stool.code or "").notation() == "1/E"
    with pytest.raises(ValidationError):
        record(demo_engine, ENC_3, val(dv.STOOL, 1, code="1/X"), slot=None, at=NOW)
    with pytest.raises(ValidationError):
        record(demo_engine, ENC_3, val(dv.WEIGHT, code=dv.UNMEASURABLE), slot=None, at=NOW)


def test_the_grid_reads_the_whole_ward_in_two_statements(demo_engine: Database) -> None:
    from sqlalchemy import event

    statements: list[str] = []

    def count(conn: Any, cursor: Any, stmt: str, *args: Any) -> None:
        statements.append(stmt)

    event.listen(demo_engine.engine, "before_cursor_execute", count)
    try:
        g = grid(demo_engine, SLOT_10)
    finally:
        event.remove(demo_engine.engine, "before_cursor_execute", count)
    assert len(g.rows) >= 30 and len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 2
    fever = row(g, ENC_8)
    assert fever.due.times >= 4 and fever.due.due_at(10)      # the demo's febrile patient
    new = row(g, demo_id("encounter", 11))
    assert due.NEW_ADMISSION in new.due.reasons
    assert len(g.due_rows()) < len(g.rows)


def test_a_week_of_the_demo_chart(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        week = sv.patient_week(conn, ENC_8, 0, zone=ZONE, now=NOW)
        count = conn.execute(select(func.count()).select_from(vital_obs)).scalar_one()
    assert count > 1500
    assert week.week_no == 1 and len(week.days) == 7
    temps = [o for o in week.obs if o.item == dv.TEMP]
    assert max(o.value or 0 for o in temps) >= Decimal("39.0")
    assert any(o.method == dv.COOLED for o in temps)
    assert week.header.name and week.header.mrn


def test_two_pcs_correcting_the_same_value_at_once_one_wins(demo_engine: Database) -> None:
    """The unique index on voids decides, not a check in Python: the loser gets ConflictError
    and sees the winner's value; both original and winner stay stored."""
    import threading

    from app.store.db import open_database

    first = val(dv.TEMP, "38.2", method=dv.AXILLARY)
    record(demo_engine, ENC_3, first)
    url = demo_engine.url.render_as_string(hide_password=False)
    pcs = [open_database(url) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def correct(db: Database, nurse: str, value: str) -> None:
        barrier.wait()
        try:
            run_command(db, f"pc-{value}", RecordVitals(
                op_id=new_id(), actor_id=nurse, device_time=NOW, encounter_id=ENC_3,
                measured_at=SLOT_14, slot_at=SLOT_14, values=(VitalValue(
                    obs_id=new_id(), item=dv.TEMP, value=Decimal(value), method=dv.AXILLARY,
                    voids=first.obs_id),)))
            outcomes.append("applied")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=correct, args=(pcs[0], NURSE, "37.0")),
               threading.Thread(target=correct, args=(pcs[1], NURSE_B, "37.4"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    for db in pcs:
        db.dispose()
    assert sorted(outcomes) == ["applied", "conflict"]
    cell = row(grid(demo_engine), ENC_3).cells[dv.TEMP]
    assert cell.current.value in (Decimal("37.0"), Decimal("37.4")) and not cell.contested
