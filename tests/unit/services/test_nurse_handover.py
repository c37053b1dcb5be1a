"""护士交接班 on the seeded demo ward (real SQLite), with a constructed day shift: two admissions
(one also discharged in the shift), a discharge, a transfer out to another ward and one in from
it, a death and an operation. The counts, the identity 现有 = 原有 + 入院 + 转入 − 出院 − 转出 − 死亡
(held, and broken by a previous report that disagrees), the patient list in CLINICAL.md's order,
the signatures (the same nurse cannot receive) and two nurses saving at once (the version check).

The scenario functions take a Database so tests/integration/test_nurse_handover_pg.py runs them
on the real PostgreSQL too.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Optional

import pytest
from sqlalchemy import insert, select, update

from app.domain import nurse_shift as ns
from app.errors import ConflictError, ValidationError
from app.ids import new_id
from app.services import nurse_handover as nh
from app.services import nurse_handover_cmds as hc
from app.services.demo_ids import demo_id, local_at
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import (
    app_setting,
    bed,
    bed_move,
    encounter,
    nurse_handover,
    patient,
    vital_obs,
    ward,
)
from tests.unit.services.conftest import NOW

WS = "pc-nurse"
WARD = demo_id("ward")
OTHER_WARD = demo_id("ward", "surgery")
DAY = NOW.astimezone().date()                       # NOW is 10:30 local: the day shift runs
LIUFANG = demo_id("staff", "liufang")
ZHAOLI = demo_id("staff", "zhaoli")
SUNMIN = demo_id("staff", "sunmin")


def at(hour: int, minute: int = 0, day: Optional[date] = None) -> datetime:
    return local_at(day or DAY, hour, minute)


def _patient(conn: Any, key: str, name: str) -> str:
    pid = demo_id("patient", key)
    conn.execute(insert(patient).values(id=pid, mrn=f"T-{key}", name=name, sex="F",
                                        version=1, created_at=NOW, updated_at=NOW))
    return pid


def _stay(conn: Any, key: str, name: str, ward_id: str, bed_id: str, admitted: datetime,
          status: str = "admitted", ended: Optional[datetime] = None) -> str:
    eid = demo_id("encounter", key)
    conn.execute(insert(encounter).values(
        id=eid, patient_id=_patient(conn, key, name), visit_no=1, dept_id=demo_id("dept"),
        ward_id=ward_id, bed_id=bed_id, admitted_at=admitted, discharged_at=ended, status=status,
        nursing_grade=2, acuity="stable", version=1, created_at=admitted, updated_at=admitted))
    return eid


def _move(conn: Any, eid: str, from_bed: str, to_bed: str, from_ward: str, to_ward: str,
          moved: datetime) -> None:
    conn.execute(insert(bed_move).values(id=new_id(), encounter_id=eid, from_bed_id=from_bed,
                                         to_bed_id=to_bed, from_ward_id=from_ward, to_ward_id=to_ward,
                                         moved_at=moved, moved_by=LIUFANG))
    conn.execute(update(encounter).where(encounter.c.id == eid).values(ward_id=to_ward, bed_id=to_bed))


def build_day_shift(db: Database) -> dict[str, str]:
    """The demo ward's 32 patients at 08:00, then the constructed day shift up to 10:30."""
    with db.begin() as conn:
        conn.execute(insert(ward).values(id=OTHER_WARD, code="WK1", name="外科一病区",
                                         dept_id=demo_id("dept")))
        conn.execute(insert(bed).values(id=demo_id("bed", "x1"), ward_id=OTHER_WARD, bed_no="1", sort_key=1,
                                        is_active=True))
        conn.execute(insert(bed).values(id=demo_id("bed", "x2"), ward_id=OTHER_WARD, bed_no="2", sort_key=2,
                                        is_active=True))
        new = _stay(conn, "new", "新入院", WARD, demo_id("bed", 4), at(9))
        short = _stay(conn, "short", "当班出院", WARD, demo_id("bed", 19), at(8, 30), "discharged",
                      at(10, 20))
        conn.execute(update(encounter).where(encounter.c.id == demo_id("encounter", 1))
                     .values(status="discharged", discharged_at=at(9, 30)))
        _move(conn, demo_id("encounter", 2), demo_id("bed", 2), demo_id("bed", "x1"), WARD, OTHER_WARD,
              at(10))
        came = _stay(conn, "came", "外科转入", OTHER_WARD, demo_id("bed", "x2"),
                     local_at(DAY.replace(day=DAY.day - 1), 15))
        _move(conn, came, demo_id("bed", "x2"), demo_id("bed", 14), OTHER_WARD, WARD, at(9, 15))
        conn.execute(update(encounter).where(encounter.c.id == demo_id("encounter", 3))
                     .values(status="deceased", discharged_at=at(10, 10)))
        conn.execute(insert(vital_obs).values(
            id=new_id(), encounter_id=demo_id("encounter", 6), measured_at=at(9, 40), item="event",
            code="surgery", recorded_by=LIUFANG, device_time=at(9, 40), received_at=at(9, 40),
            voided=False, created_at=at(9, 40)))
        conn.execute(insert(vital_obs).values(
            id=new_id(), encounter_id=new, measured_at=at(10), item="temp", num_value=39.2,
            method="axillary", recorded_by=LIUFANG, device_time=at(10), received_at=at(10),
            voided=False, created_at=at(10)))
    return {"new": new, "short": short, "came": came}


def _report(db: Database, code: str = ns.DAY, day: date = DAY) -> nh.ShiftReport:
    with db.connect() as conn:
        return nh.shift_report(conn, WARD, NOW, day, code)


def _entries(report: nh.ShiftReport) -> tuple[hc.NoteEntry, ...]:
    return tuple(hc.NoteEntry(p.encounter_id, p.group, p.reasons, p.bed_no, p.name, p.diagnosis,
                              "病情平稳", "", "") for p in report.patients)


def _hand(db: Database, actor: str, report: nh.ShiftReport, explanation: str = "",
          base: Optional[int] = None) -> Any:
    return run_command(db, WS, hc.HandOverShift(
        op_id=new_id(), actor_id=actor, device_time=NOW, handover_id=new_id(), ward_id=WARD,
        shift_date=report.shift.shift_date, shift_code=report.shift.code, entries=_entries(report),
        explanation=explanation, base_version=base), now=NOW)


def scenario_counts_of_a_constructed_shift(db: Database) -> None:
    made = build_day_shift(db)
    report = _report(db)
    assert report.shift.start == at(8) and report.shift.end == at(16) and report.as_of == NOW
    c = report.counts
    assert (c[ns.ORIGINAL], c[ns.ADMITTED], c[ns.TRANSFER_IN], c[ns.DISCHARGED], c[ns.TRANSFER_OUT],
            c[ns.DIED]) == (32, 2, 1, 2, 1, 1)
    assert c[ns.CURRENT] == 31 and report.expected_current == 31 and report.holds
    assert report.original_source == "report" and report.census_original == 32   # the demo's night report
    assert (c[ns.CRITICAL], c[ns.SERIOUS], c[ns.SURGERY], c[ns.DELIVERY]) == (1, 2, 1, 0)
    groups = [p.group for p in report.patients]
    assert groups == sorted(groups, key=ns.GROUPS.index)            # CLINICAL.md's order
    by_id = {p.encounter_id: p for p in report.patients}
    assert by_id[demo_id("encounter", 1)].group == ns.LEAVING
    assert by_id[demo_id("encounter", 2)].reasons == ("transfer_out",)
    assert by_id[demo_id("encounter", 2)].bed_no == "2"             # the bed it left here
    assert by_id[demo_id("encounter", 2)].other_ward == "外科一病区"
    assert by_id[demo_id("encounter", 3)].reasons == ("died",)
    assert by_id[made["short"]].reasons[:2] == ("discharged", "admitted")
    assert by_id[made["came"]].group == ns.ARRIVING and by_id[made["came"]].bed_no == "14"
    new = by_id[made["new"]]
    assert new.group == ns.ARRIVING and "abnormal" in new.reasons
    assert [(a.item, str(a.value), a.flag) for a in new.abnormal] == [("temp", "39.2", "high")]
    assert [(a.item, str(a.value)) for a in new.latest] == [("temp", "39.2")]
    assert [e[0] for e in new.events] == ["admitted"]
    assert by_id[demo_id("encounter", 6)].group == ns.OPERATED
    assert by_id[demo_id("encounter", 12)].group == ns.ACUTE        # 病危
    # The night before: the demo's two new admissions of today (00:05 and 07:30) and nothing else.
    night = _report(db, ns.NIGHT)
    assert night.counts[ns.ADMITTED] == 2 and night.counts[ns.CURRENT] == 32 and night.holds


def scenario_a_disagreeing_report_is_shown_and_must_be_explained(db: Database) -> None:
    build_day_shift(db)
    night = _report(db, ns.NIGHT)
    assert night.holds and night.saved is not None and night.saved.status == nh.RECEIVED
    assert night.saved.counts is not None and night.saved.counts[ns.CURRENT] == 32   # the demo's
    with db.begin() as conn:                       # ... then someone corrects it to 33
        row = conn.execute(select(nurse_handover.c.counts)).scalar_one()
        conn.execute(update(nurse_handover).values(counts=dict(row, current=33)))
    report = _report(db)
    assert report.original_source == "report" and report.counts[ns.ORIGINAL] == 33
    assert report.census_original == 32
    assert not report.holds and report.expected_current == 32 and report.counts[ns.CURRENT] == 31
    with pytest.raises(ValidationError) as err:
        _hand(db, LIUFANG, report)
    assert err.value.message_id == "nurse_handover.explain_mismatch"
    assert err.value.params["field"] == "explanation"
    with db.connect() as conn:                     # nothing half-written
        assert conn.execute(select(nurse_handover.c.shift_code)).scalars().all() == ["night"]
    _hand(db, LIUFANG, report, explanation="大夜班报告现有数有误，已与大夜班护士核实为32人")
    saved = _report(db).saved
    assert saved is not None and saved.status == nh.HANDED and saved.counts is not None
    assert saved.counts["holds"] is False and saved.counts["original"] == 33
    assert saved.explanation.startswith("大夜班报告")


def scenario_signed_by_two_different_nurses(db: Database) -> None:
    report = _report(db)
    _hand(db, LIUFANG, report)
    saved = _report(db).saved
    assert saved is not None and saved.status == nh.HANDED and saved.handed_name == "刘芳"
    assert saved.counts is not None and saved.counts[ns.CURRENT] == 32
    assert [e["events"] for e in saved.entries] == ["病情平稳"] * len(report.patients)
    with pytest.raises(ValidationError) as twice:             # signing it again: refused
        _hand(db, LIUFANG, report, base=saved.version)
    assert twice.value.message_id == "nurse_handover.already_handed_by_you"
    receive = hc.ReceiveHandover(op_id=new_id(), actor_id=LIUFANG, device_time=NOW,
                                 handover_id=saved.id, base_version=saved.version)
    with pytest.raises(ValidationError) as same:
        run_command(db, WS, receive, now=NOW)
    assert same.value.message_id == "nurse_handover.same_nurse"
    assert _report(db).saved.status == nh.HANDED                # type: ignore[union-attr]
    run_command(db, WS, hc.ReceiveHandover(op_id=new_id(), actor_id=ZHAOLI, device_time=NOW,
                                           handover_id=saved.id, base_version=saved.version), now=NOW)
    done = _report(db).saved
    assert done is not None and done.status == nh.RECEIVED and done.received_name == "赵丽"
    with pytest.raises(ValidationError) as again:
        run_command(db, WS, hc.ReceiveHandover(op_id=new_id(), actor_id=SUNMIN, device_time=NOW,
                                               handover_id=saved.id, base_version=done.version), now=NOW)
    assert again.value.message_id == "nurse_handover.already_received"


def _draft(db: Database, actor: str, text: str, base: Optional[int]) -> Any:
    report = _report(db)
    entries = tuple(hc.NoteEntry(p.encounter_id, p.group, p.reasons, p.bed_no, p.name, p.diagnosis, text)
                    for p in report.patients[:2])
    return run_command(db, WS, hc.SaveHandoverDraft(
        op_id=new_id(), actor_id=actor, device_time=NOW, handover_id=new_id(), ward_id=WARD,
        shift_date=DAY, shift_code=ns.DAY, entries=entries, base_version=base), now=NOW)


def scenario_two_nurses_saving_the_same_draft(db: Database) -> None:
    _draft(db, LIUFANG, "刘芳的草稿", None)
    with pytest.raises(ConflictError):              # she had not seen 刘芳's report
        _draft(db, ZHAOLI, "赵丽的草稿", None)
    _draft(db, LIUFANG, "刘芳改过", 1)
    with pytest.raises(ConflictError) as stale:     # both read version 1: the second loses
        _draft(db, ZHAOLI, "赵丽的草稿", 1)
    assert stale.value.params["current_version"] == 2
    saved = _report(db).saved
    assert saved is not None and saved.version == 2 and saved.entries[0]["events"] == "刘芳改过"


def test_counts_of_a_constructed_shift(demo_engine: Database) -> None:
    scenario_counts_of_a_constructed_shift(demo_engine)


def test_a_disagreeing_report_is_shown_and_must_be_explained(demo_engine: Database) -> None:
    scenario_a_disagreeing_report_is_shown_and_must_be_explained(demo_engine)


def test_signed_by_two_different_nurses(demo_engine: Database) -> None:
    scenario_signed_by_two_different_nurses(demo_engine)


def test_two_nurses_saving_the_same_draft(demo_engine: Database) -> None:
    scenario_two_nurses_saving_the_same_draft(demo_engine)


def test_a_future_shift_cannot_be_handed_over(demo_engine: Database) -> None:
    report = _report(demo_engine, ns.EVENING)
    with pytest.raises(ValidationError) as err:
        _hand(demo_engine, LIUFANG, report)
    assert err.value.message_id == "nurse_handover.future_shift"


def test_shift_setting_two_shifts_and_a_bad_value(demo_engine: Database) -> None:
    assert ns.parse_shifts("day=08:00-16:00,evening=16:00-23:00,night=00:00-08:00") == ns.DEFAULT_SHIFTS
    with demo_engine.begin() as conn:
        conn.execute(insert(app_setting).values(skey=f"ward:{WARD}:shifts",
                                                svalue="day=08:00-20:00,night=20:00-08:00"))
    with demo_engine.connect() as conn:
        shift, shifts = nh.pick_shift(conn, WARD, at(22))
    assert [s.code for s in shifts] == ["day", "night"]
    assert (shift.code, shift.start, shift.end) == ("night", at(20), at(8, day=DAY.replace(day=DAY.day + 1)))
    prev = ns.previous_shift(shifts, shift, NOW.astimezone().tzinfo)   # type: ignore[arg-type]
    assert (prev.code, prev.start) == ("day", at(8))
