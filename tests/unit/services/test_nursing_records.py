"""护理记录 lines through the write path on the seeded demo ward (SQLite here; the same functions
run on PostgreSQL in tests/integration/test_nursing_records_pg.py): signed on save, refusals with
the field named and nothing written, a correction that keeps the old line (struck, the new one
below it), a void, two PCs correcting one line, the 24 h I/O on the ward's boundary and its
totals on the 体温单's bottom rows."""
from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any, Optional

import pytest
from sqlalchemy import func, insert, select

from app.domain import nursing_records as nr
from app.domain import vitals as dv
from app.errors import ConflictError, NeedsAcknowledgement, ValidationError
from app.ids import new_id
from app.printing import tempchart_model as tm
from app.services import nursing_records as rs
from app.services import vitals as sv
from app.services.demo_ids import demo_id
from app.services.nursing_rec_cmds import RecordNursingLine, VoidNursingLine
from app.services.ward_settings import setting_key
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import app_setting, nursing_rec
from tests.unit.services.conftest import NOW

WS = "pc-nurse"
NURSE = demo_id("staff", "liufang")
NURSE_B = demo_id("staff", "zhaoli")
DOCTOR = demo_id("staff", "liming")
WARD = demo_id("ward")
ENC_12 = demo_id("encounter", 12)      # 病危: the 危重护理记录's patient
ENC_5 = demo_id("encounter", 5)
ZONE = NOW.astimezone().tzinfo
TODAY_07 = datetime.combine(NOW.astimezone().date(), time(7, 0), ZONE)


def line(db: Database, enc: str = ENC_12, *, at: Optional[datetime] = None, rec_type: str = nr.CRITICAL,
         actor: str = NURSE, vitals: Optional[dict[str, Any]] = None,
         intake: tuple[tuple[str, int], ...] = (), output: tuple[tuple[str, int], ...] = (),
         **kw: Any) -> RecordNursingLine:
    cmd = RecordNursingLine(
        op_id=new_id(), actor_id=actor, device_time=NOW, encounter_id=enc, record_id=new_id(),
        rec_type=rec_type, recorded_at=at or NOW - timedelta(minutes=30),
        vitals={k: Decimal(str(v)) for k, v in (vitals or {}).items()},
        intake=tuple(nr.IOItem(k, ml) for k, ml in intake),
        output=tuple(nr.IOItem(k, ml) for k, ml in output), **kw)
    run_command(db, WS, cmd, now=NOW)
    return cmd


def lines(db: Database, enc: str = ENC_12, rec_type: str = nr.CRITICAL, *,
          ids: Optional[set[str]] = None) -> list[rs.NursingLine]:
    """The stay's lines in the form's order; `ids`: only these (the demo has its own lines)."""
    with db.connect() as conn:
        found = rs.record_lines(conn, enc, rec_type)
    return [x for x in found if ids is None or x.id in ids]


def io_now(db: Database, at: datetime = NOW) -> rs.IOSummary:
    with db.connect() as conn:
        return rs.io_summary(conn, ENC_12, at, zone=ZONE, now=NOW)


def count(db: Database) -> int:
    with db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(nursing_rec)
                                .where(nursing_rec.c.rec_type.in_(nr.REC_TYPES))).scalar_one())


def test_a_critical_line_is_signed_on_save_with_every_field(demo_engine: Database) -> None:
    cmd = line(demo_engine, at=NOW - timedelta(minutes=30, seconds=17),
               vitals={"temp": "37.6", "pulse": 112, "resp": 22, "sbp": 92, "dbp": 58, "spo2": 94},
               consciousness="drowsy", pupil_left=Decimal("3"), pupil_right=Decimal("3.5"),
               light_left="brisk", light_right="sluggish", intake=(("iv", 250), ("oral", 100)),
               output=(("urine", 80), ("drainage", 30)), note="呕血一次，已通知医生，予止血治疗")
    [shown] = lines(demo_engine, ids={cmd.record_id})
    assert shown.current and shown.nurse_name == "刘芳"
    assert shown.recorded_at.second == 0                       # to the minute
    assert shown.vital("pulse") == 112 and shown.body["consciousness"] == "drowsy"
    assert shown.body["pupil_right"] == "3.5" and shown.body["light_right"] == "sluggish"
    assert (shown.io.intake, shown.io.output, shown.io.urine) == (350, 110, 80)
    with demo_engine.connect() as conn:
        status = conn.execute(select(nursing_rec.c.status)
                              .where(nursing_rec.c.id == cmd.record_id)).scalar_one()
    assert status == "signed"


@pytest.mark.parametrize("kw, field", [
    ({"vitals": {"temp": "44.0"}}, "temp"),                  # impossible: refused with its range
    ({"vitals": {"sbp": 120}}, "dbp"),                        # BP needs both numbers
    ({"vitals": {"sbp": 100, "dbp": 110}}, "dbp"),            # DBP below SBP
    ({"consciousness": "asleep"}, "consciousness"),           # not one of the choices
    ({"pupil_left": Decimal("3.3")}, "pupil_left"),
    ({"intake": (("iv", 0),)}, "intake"),
    ({"output": (("tears", 10),)}, "output"),
    ({"intake": (("iv", 6000),)}, "intake"),
    ({}, "note"),                                             # an empty line
    ({"at": NOW + timedelta(hours=1), "note": "x"}, "recorded_at"),
    ({"at": NOW - timedelta(days=30), "note": "x"}, "recorded_at"),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_written(
        demo_engine: Database, kw: dict[str, Any], field: str) -> None:
    before = count(demo_engine)
    with pytest.raises(ValidationError) as err:
        line(demo_engine, **kw)
    assert err.value.params["field"] == field
    assert count(demo_engine) == before


def test_an_unusual_value_is_confirmed_once(demo_engine: Database) -> None:
    before = count(demo_engine)
    with pytest.raises(NeedsAcknowledgement) as err:
        line(demo_engine, vitals={"pulse": 190})
    assert err.value.params["item"] == "pulse" and count(demo_engine) == before
    cmd = line(demo_engine, vitals={"pulse": 190}, confirmed=("pulse",))
    assert lines(demo_engine, ids={cmd.record_id})[0].vital("pulse") == 190


def test_only_nurses_write_records(demo_engine: Database) -> None:
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        line(demo_engine, actor=DOCTOR, note="医生不能写护理记录")


def test_a_correction_keeps_the_old_line_struck_with_the_new_one_below(demo_engine: Database) -> None:
    base = io_now(demo_engine, TODAY_07 + timedelta(hours=3)).totals
    first = line(demo_engine, at=TODAY_07 + timedelta(minutes=60), intake=(("iv", 500),), note="补液")
    other = line(demo_engine, at=TODAY_07 + timedelta(minutes=120), output=(("urine", 200),))
    with pytest.raises(ValidationError) as err:                # a correction needs its reason
        line(demo_engine, at=TODAY_07 + timedelta(minutes=60), intake=(("iv", 250),), note="补液",
             replaces_id=first.record_id)
    assert err.value.params["field"] == "reason"
    fix = line(demo_engine, at=TODAY_07 + timedelta(minutes=60), intake=(("iv", 250),), note="补液",
               replaces_id=first.record_id, reason="入量录错", actor=NURSE_B)
    everything = lines(demo_engine)
    shown = [x for x in everything if x.id in {first.record_id, fix.record_id, other.record_id}]
    assert [x.id for x in shown] == [first.record_id, fix.record_id, other.record_id]
    at = [x.id for x in everything].index(first.record_id)      # the correction right below it
    assert everything[at + 1].id == fix.record_id
    old, new = shown[0], shown[1]
    assert old.state == rs.CORRECTED and old.struck_reason == "入量录错" and old.struck_by == "赵丽"
    assert old.io.intake == 500                                # kept as it was signed
    assert new.current and new.replaces_id == first.record_id and new.reason == "入量录错"
    with pytest.raises(ConflictError):                          # corrected once
        line(demo_engine, intake=(("iv", 300),), replaces_id=first.record_id, reason="再改")
    io = io_now(demo_engine, TODAY_07 + timedelta(hours=3))
    assert (io.totals.intake - base.intake, io.totals.output - base.output) == (250, 200)
    # the struck line is not counted


def test_a_void_strikes_without_replacement(demo_engine: Database) -> None:
    wrong = line(demo_engine, note="记错患者")
    with pytest.raises(ValidationError):
        run_command(demo_engine, WS, VoidNursingLine(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                                     record_id=wrong.record_id, void_id=new_id(),
                                                     reason="  "), now=NOW)
    run_command(demo_engine, WS, VoidNursingLine(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                                 record_id=wrong.record_id, void_id=new_id(),
                                                 reason="非本患者"), now=NOW)
    [shown] = lines(demo_engine, ids={wrong.record_id})
    assert shown.state == rs.STRUCK and shown.struck_reason == "非本患者"


def test_two_pcs_correcting_the_same_line_at_once_one_wins(demo_engine: Database) -> None:
    first = line(demo_engine, note="原记录")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def correct(actor: str) -> None:
        barrier.wait()
        try:
            line(demo_engine, note=f"更正 {actor}", replaces_id=first.record_id, reason="更正",
                 actor=actor)
            outcomes.append("ok")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=correct, args=(a,)) for a in (NURSE, NURSE_B)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["conflict", "ok"]
    chain = [x for x in lines(demo_engine) if x.id == first.record_id or x.replaces_id == first.record_id]
    assert [x.state for x in chain] == [rs.CORRECTED, rs.CURRENT]


def test_general_and_critical_records_are_apart(demo_engine: Database) -> None:
    line(demo_engine, ENC_5, rec_type=nr.GENERAL, vitals={"temp": "36.8"}, note="病情平稳")
    assert len(lines(demo_engine, ENC_5, nr.GENERAL)) == 1
    assert lines(demo_engine, ENC_5, nr.CRITICAL) == []


def test_the_24_hours_on_the_wards_boundary_reach_the_temperature_chart(demo_engine: Database) -> None:
    # Hourly I/O from 07:00 today; one line before the boundary belongs to yesterday's 24 h.
    base = io_now(demo_engine)
    assert base.lines >= 2                          # the demo's own 危重护理记录 since 07:00
    line(demo_engine, at=TODAY_07 - timedelta(minutes=10), intake=(("iv", 999),))
    for h in range(3):
        line(demo_engine, at=TODAY_07 + timedelta(hours=h, minutes=30), intake=(("iv", 100),),
             output=(("urine", 60 + h), ("vomit", 20)))
    with demo_engine.connect() as conn:
        io = rs.io_summary(conn, ENC_12, NOW, zone=ZONE, now=NOW)
        week = sv.patient_week(conn, ENC_12, 0, zone=ZONE, now=NOW)
    b = base.totals
    assert io.day == NOW.astimezone().date() and not io.complete and io.lines == base.lines + 3
    assert (io.totals.intake - b.intake, io.totals.output - b.output,
            io.totals.urine - b.urine) == (300, 243, 183)
    assert ("output", "vomit", 60) in io.totals.by_kind
    page = tm.build_page(week, ZONE)
    today = week.days.index(NOW.astimezone().date())

    def bottom(row: str, day: int) -> list[str]:
        x = tm.X0 + (day + 0.5) * tm.DAY_W
        y = tm.bottom_y(row) + tm.ROW_H * 0.7
        return [t.params["text"] for t in page.of(tm.Text)
                if t.key == "text" and abs(t.x - x) < 0.01 and abs(t.y - y) < 0.01]

    assert bottom("intake", today) == [str(io.totals.intake)]
    assert bottom("output", today) == [str(io.totals.output)]
    assert bottom("urine", today) == [str(io.totals.urine)]
    # Yesterday has the 24 h total typed on the 体温单 (demo): it wins over the 999 ml line.
    typed = [o for o in week.obs if o.item == dv.INTAKE]
    assert typed and bottom("intake", today - 1) == [f"{typed[-1].value.normalize():f}"]


def test_the_boundary_is_the_wards_setting(demo_engine: Database) -> None:
    with demo_engine.begin() as conn:
        conn.execute(insert(app_setting).values(skey=setting_key(WARD, "io_boundary"), svalue="08:00"))
    with demo_engine.connect() as conn:
        before = len(sv.patient_week(conn, ENC_12, 0, zone=ZONE, now=NOW).record_io)
    line(demo_engine, at=TODAY_07 + timedelta(minutes=30), intake=(("oral", 150),))
    with demo_engine.connect() as conn:
        io = rs.io_summary(conn, ENC_12, TODAY_07 + timedelta(minutes=30), zone=ZONE, now=NOW)
        week = sv.patient_week(conn, ENC_12, 0, zone=ZONE, now=NOW)
    assert io.day == NOW.astimezone().date() - timedelta(days=1)      # 07:30 is before 08:00
    assert week.io_boundary == time(8, 0) and len(week.record_io) == before + 1
