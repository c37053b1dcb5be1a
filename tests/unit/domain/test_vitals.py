"""CLINICAL.md §4's entry checks and §3's TPR due rules, slots and I/O day."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import vitals as v
from app.domain import vitals_due as due
from app.errors import ValidationError

CST = timezone(timedelta(hours=8))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CST)


def test_impossible_temperature_refused_with_the_allowed_range() -> None:
    with pytest.raises(ValidationError) as err:
        v.assess(v.TEMP, "45.0")
    assert err.value.message_id == "vitals.out_of_range"
    assert (err.value.params["low"], err.value.params["high"]) == ("34.0", "43.0")


def test_unusual_values_need_confirmation_abnormal_ones_are_flagged() -> None:
    hot = v.assess(v.TEMP, "41.5")
    assert hot.needs_confirm and hot.flag == v.HIGH
    assert not v.assess(v.TEMP, "38.5").needs_confirm
    assert v.assess(v.TEMP, "37.3").flag == v.HIGH        # ≥37.3 fever
    assert v.assess(v.TEMP, "37.2").flag == ""
    assert v.assess(v.TEMP, "35.9").flag == v.LOW
    assert v.assess(v.PULSE, 101).flag == v.HIGH and v.assess(v.PULSE, 100).flag == ""
    assert v.assess(v.PULSE, 35).needs_confirm
    assert v.assess(v.SBP, 140).flag == v.HIGH
    spo2 = v.assess(v.SPO2, 88)
    assert spo2.flag == v.LOW and spo2.critical and not spo2.needs_confirm
    assert v.assess(v.SPO2, 80).needs_confirm
    assert v.arrow(v.HIGH) == "↑" and v.arrow(v.LOW) == "↓"


def test_below_35_is_charted_not_rising() -> None:
    assert v.assess(v.TEMP, "34.6").chart_code == v.BELOW
    assert v.assess(v.TEMP, "35.0").chart_code is None


def test_dbp_must_be_below_sbp() -> None:
    with pytest.raises(ValidationError) as err:
        v.assess(v.DBP, 120, sbp=118)
    assert err.value.message_id == "vitals.dbp_not_below_sbp"
    assert v.assess(v.DBP, 80, sbp=120).flag == ""


def test_step_and_garbage() -> None:
    with pytest.raises(ValidationError) as err:
        v.assess(v.TEMP, "37.25")
    assert err.value.message_id == "vitals.step"
    with pytest.raises(ValidationError):
        v.assess(v.PULSE, "abc")
    with pytest.raises(ValidationError):
        v.assess(v.PULSE, "NaN")


def test_weight_change_over_ten_percent_is_asked_again() -> None:
    assert v.assess(v.WEIGHT, "70.0", last_weight="60.0").needs_confirm
    assert not v.assess(v.WEIGHT, "62.0", last_weight="60.0").needs_confirm


def test_codes_per_item() -> None:
    assert v.check_code(v.TEMP, v.REFUSED) == v.REFUSED
    assert v.check_code(v.WEIGHT, v.BEDREST) == v.BEDREST
    with pytest.raises(ValidationError):
        v.check_code(v.TEMP, v.BEDREST)


def test_fever_grades() -> None:
    assert v.fever_grade(Decimal("37.2")) is None
    assert v.fever_grade(Decimal("37.3")) == "low"
    assert v.fever_grade(Decimal("38.0")) == "low"
    assert v.fever_grade(Decimal("38.1")) == "moderate"
    assert v.fever_grade(Decimal("39.1")) == "high"
    assert v.fever_grade(Decimal("41.1")) == "hyper"


@pytest.mark.parametrize("text,total,notation", [
    ("0", 0, "0"), ("1/E", 1, "1/E"), ("0/E", 0, "0/E"), ("1 1/E", 2, "1 1/E"),
    ("4/2E", 4, "4/2E"), ("※", 0, "※"), ("☆", 0, "☆"), ("2", 2, "2")])
def test_stool_notation(text: str, total: int, notation: str) -> None:
    stool = v.parse_stool(text)
    assert stool.total == total and stool.notation() == notation
    assert v.parse_stool(stool.code() or str(stool.total)) == stool


@pytest.mark.parametrize("bad", ["x", "1/", "1/2", "-1", "1 2", "40"])
def test_bad_stool(bad: str) -> None:
    with pytest.raises(ValidationError):
        v.parse_stool(bad)


@given(st.decimals(min_value=Decimal("34.0"), max_value=Decimal("43.0"), places=1))
def test_every_temperature_in_range_is_accepted_and_consistent(t: Decimal) -> None:
    a = v.assess(v.TEMP, t)
    assert a.value == t
    assert a.needs_confirm == (t < Decimal("35.0") or t > Decimal("41.0"))
    assert (a.flag == v.HIGH) == (t >= Decimal("37.3"))


@given(st.integers(min_value=-100, max_value=400))
def test_pulse_refused_exactly_outside_20_250(p: int) -> None:
    if 20 <= p <= 250:
        assert v.assess(v.PULSE, p).value == p
    else:
        with pytest.raises(ValidationError):
            v.assess(v.PULSE, p)


# --- slots, due rules, I/O day -----------------------------------------------------------------

@pytest.mark.parametrize("hour,slot", [(0, 2), (3, 2), (4, 6), (9, 10), (10, 10), (11, 10),
                                       (12, 14), (19, 18), (20, 22), (23, 22)])
def test_slot_of(hour: int, slot: int) -> None:
    assert due.slot_of(at(2, hour, 59), CST) == at(2, slot).astimezone(timezone.utc)


def test_routine_patient_once_a_day() -> None:
    d = due.due(due.DueInput(admitted_at=at(1, 9)), at(10, 10), CST)
    assert d.times == 1 and d.reasons == (due.ROUTINE,) and not d.due_at(10) and d.due_at(14)


def test_new_admission_twice_a_day_for_three_days() -> None:
    inp = due.DueInput(admitted_at=at(1, 9))
    assert due.due(inp, at(3, 10), CST).times == 2
    assert due.due(inp, at(4, 10), CST).times == 1


def test_postop_four_times_for_three_days_then_routine() -> None:
    inp = due.DueInput(admitted_at=at(1, 9), operations=(at(5, 9),))
    assert due.due(inp, at(5, 14), CST).reasons == (due.POSTOP,)
    assert due.due(inp, at(8, 10), CST).due_at(10)
    assert due.due(inp, at(9, 10), CST).times == 1
    assert due.due(inp, at(4, 10), CST).times == 1       # before the operation


def test_fever_until_normal_three_days_and_high_fever_q4h() -> None:
    inp = due.DueInput(admitted_at=at(1, 9), temps=((at(5, 14), Decimal("38.2")),
                                                    (at(5, 18), Decimal("36.8"))))
    assert due.due(inp, at(6, 10), CST).times == 4
    assert due.due(inp, at(8, 18), CST).times == 1       # three normal days after the last fever
    hot = due.DueInput(admitted_at=at(1, 9), temps=((at(5, 14), Decimal("39.2")),))
    d = due.due(hot, at(5, 18), CST)
    assert d.times == 6 and d.reasons[0] == due.HIGH_FEVER and d.due_at(2)


def test_critical_per_order() -> None:
    assert due.due(due.DueInput(admitted_at=at(1, 9), critical=True), at(9, 2), CST).times == 6
    per_order = due.DueInput(admitted_at=at(1, 9), critical=True, ordered_times=4)
    assert due.due(per_order, at(9, 2), CST).slots == (6, 10, 14, 18)


def test_io_day_runs_from_seven_to_seven() -> None:
    assert due.io_day(at(2, 6, 59), CST) == date(2026, 12, 1)
    assert due.io_day(at(2, 7, 0), CST) == date(2026, 12, 2)
    start, end = due.io_window(date(2026, 12, 2), CST)
    assert start == at(2, 7).astimezone(timezone.utc) and end - start == timedelta(days=1)


def test_days_after_operations_new_over_old() -> None:
    ops = (at(3, 9), at(6, 15))
    assert due.days_after_operations(ops, date(2026, 12, 4), CST) == (1,)
    assert due.days_after_operations(ops, date(2026, 12, 8), CST) == (2, 5)
    assert due.days_after_operations(ops, date(2026, 12, 18), CST) == (12,)
    assert due.stay_day(at(1, 23), date(2026, 12, 2), CST) == 2
