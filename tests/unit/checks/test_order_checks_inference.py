"""Issue 18: patient facts inferred from diagnoses (pregnancy and trimester, lactation, CKD stage),
neonatal age bands and a missing weight for per-kg dosing."""
from __future__ import annotations

from typing import Any

import pytest

from app.checks import load
from app.checks.inference import infer_lactation, infer_pregnancy, infer_renal
from app.checks.model import Diagnosis, Patient
from tests.unit.checks.helpers_order_checks import find, loud, order, run

WARFARIN = order("华法林钠片", 3, "mg", "口服", "qd")
IBUPROFEN = order("布洛芬缓释胶囊", 0.3, "g", "口服", "bid")


def _dx(*items: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"icd10": code, "name": name} for code, name in items]


def _vocab() -> dict[str, dict[str, str]]:
    return load().vocab


@pytest.mark.parametrize("diagnoses", [
    _dx(("Z34.0", "早孕")), _dx(("O24.4", "妊娠期糖尿病")), _dx(("Z32.1", "妊娠确认")),
    _dx(("Z35.9", "高危妊娠监督")), _dx(("", "宫内孕12周")), _dx(("O14.1", "重度子痫前期")),
])
def test_pregnancy_from_a_diagnosis_without_the_flag(diagnoses: list[dict[str, Any]]) -> None:
    alerts = run([WARFARIN], sex="F", age_years=30, diagnoses=diagnoses)
    assert {a.severity for a in find(alerts, "pregnancy")} == {"high"}


@pytest.mark.parametrize("diagnoses", [
    _dx(("N97.9", "女性不孕症")), _dx(("Z30.0", "避孕咨询")),
    _dx(("O80.0", "单胎顺产"), ("O24.4", "妊娠期糖尿病")), _dx(("Z39.0", "产后护理")),
])
def test_no_pregnancy_from_infertility_contraception_or_a_delivery(diagnoses: list[dict[str, Any]]) -> None:
    alerts = run([WARFARIN], sex="F", age_years=30, diagnoses=diagnoses)
    assert not find(alerts, "pregnancy")


def test_a_man_is_never_pregnant() -> None:
    assert infer_pregnancy(Patient(sex="M", diagnoses=(Diagnosis("O24.4", "妊娠期糖尿病"),)),
                           _vocab(), "M") is None


@pytest.mark.parametrize("name,expected", [
    ("孕8周", {1}), ("妊娠20周", {2}), ("孕32+3周", {3}), ("晚期妊娠", {3}), ("早孕", {1}),
    ("妊娠状态", {1, 2, 3}),
])
def test_trimester_from_the_diagnosis_text(name: str, expected: set[int]) -> None:
    found = infer_pregnancy(Patient(sex="F", diagnoses=(Diagnosis("Z33", name),)), _vocab(), "F")
    assert found is not None and set(found.trimesters) == expected


def test_a_trimester_limited_rule_follows_the_trimester() -> None:
    early = run([IBUPROFEN], sex="F", age_years=30, diagnoses=_dx(("Z34.0", "孕8周")))
    late = run([IBUPROFEN], sex="F", age_years=30, diagnoses=_dx(("Z34.9", "孕30周")))
    unknown = run([IBUPROFEN], sex="F", age_years=30, pregnant=True)
    assert not find(early, "pregnancy")
    assert find(late, "pregnancy") and find(unknown, "pregnancy")


def test_lactation_from_z39_1_and_the_text() -> None:
    vocab = _vocab()
    assert infer_lactation(Patient(diagnoses=(Diagnosis("Z39.1", "哺乳期母亲护理"),)), vocab)
    assert infer_lactation(Patient(diagnoses=(Diagnosis(None, "产后哺乳期"),)), vocab)
    assert infer_lactation(Patient(lactating=False, diagnoses=(Diagnosis("Z39.1", "x"),)), vocab) is None
    alerts = run([order("甲氨蝶呤片", 10, "mg", "口服", "qw")], sex="F", age_years=30,
                 diagnoses=_dx(("Z39.1", "哺乳期")))
    assert {a.severity for a in find(alerts, "lactation")} == {"high"}


@pytest.mark.parametrize("code,name,below", [
    ("N18.4", "慢性肾脏病4期", 30.0), ("N18.5", "慢性肾脏病5期", 15.0), ("", "CKD 3b期", 45.0),
    ("Z99.2", "维持性血液透析", 15.0), ("N18.3", "慢性肾脏病3期", 60.0),
])
def test_renal_band_from_a_ckd_diagnosis(code: str, name: str, below: float) -> None:
    found = infer_renal(Patient(diagnoses=(Diagnosis(code or None, name),)), _vocab())
    assert found is not None and found.below == below


def test_ckd_4_without_labs_stops_metformin_but_a_lab_wins() -> None:
    metformin = order("二甲双胍片", 0.5, "g", "口服", "bid")
    inferred = run([metformin], egfr=None, diagnoses=_dx(("N18.4", "慢性肾脏病4期")))
    assert {a.severity for a in find(inferred, "renal")} == {"high"}
    assert "慢性肾脏病4期" in find(inferred, "renal")[0].message
    measured = run([metformin], egfr=80, diagnoses=_dx(("N18.4", "慢性肾脏病4期")))
    assert not find(measured, "renal")


def test_neonates_get_the_neonatal_rows() -> None:
    chlorphenamine = order("马来酸氯苯那敏片", 1, "mg", "口服", "tid")
    neonate = run([chlorphenamine], age_years=20 / 365.25, weight_kg=3.5)
    infant = run([chlorphenamine], age_years=0.5, weight_kg=7)
    assert {a.severity for a in find(neonate, "age")} == {"high"}
    assert not find(infant, "age")


def test_a_child_without_weight_for_a_per_kg_drug_is_an_alert() -> None:
    amoxicillin = order("阿莫西林颗粒", 0.25, "g", "口服", "tid", skin_test="negative")
    missing = run([amoxicillin], age_years=4, weight_kg=None)
    weighed = run([amoxicillin], age_years=4, weight_kg=16)
    assert any(a.severity == "low" and "体重" in a.message for a in find(missing, "unchecked"))
    assert not find(missing, "dose_single") and not loud(weighed)
    assert not [a for a in find(weighed, "unchecked") if "体重" in a.message]
