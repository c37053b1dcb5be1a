"""The blind evaluation set (written without reading the rules): >= 95% of harmful orders caught,
<= 5% of ordinary orders with a moderate or high alert; plus the skin-test policy and robustness
against the incomplete or odd input a ward system really sends."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

import pytest

from app.checks import check_orders, from_json
from app.checks.model import CATEGORIES
from tests.eval.blind.evaluate import SETS, evaluate, load_cases

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_blind_set_is_big_enough_and_covers_every_category(name: str) -> None:
    cases = load_cases(SETS[name])
    ordinary = [c for c in cases if c["kind"] == "ordinary"]
    harmful = [c for c in cases if c["kind"] == "harmful"]
    assert len(ordinary) >= 50 and len(harmful) >= 100
    assert {c["category"] for c in harmful} == set(CATEGORIES) - {"unchecked"}
    assert len({c["id"] for c in cases}) == len(cases)


@pytest.mark.parametrize("name", sorted(SETS))
def test_blind_catch_rate_and_nuisance_rate(name: str) -> None:
    score = evaluate(SETS[name])
    assert score.catch_rate >= 0.95, "\n".join(score.missed)
    assert score.nuisance_rate <= 0.05, "\n".join(score.nuisance)


def _order(drug: str, dose: Optional[float], unit: Optional[str], route: Optional[str],
           frequency: Optional[str], **extra: Any) -> dict[str, Any]:
    return {"drug": drug, "dose": dose, "unit": unit, "route": route, "frequency": frequency, **extra}


def _alerts(new: list[dict[str, Any]], active: Optional[list[dict[str, Any]]] = None,
            patient: Optional[dict[str, Any]] = None) -> list[tuple[int, str, str]]:
    request = {"patient": patient or {}, "active_orders": active or [], "new_orders": new}
    return [(a.order, a.category, a.severity) for a in check_orders(from_json(request))]


@pytest.mark.parametrize("drug,route", [("阿莫西林胶囊", "口服"), ("amoxicillin", "po"),
                                        ("阿莫西林克拉维酸钾片", "口服"), ("注射用青霉素钠", "静脉滴注"),
                                        ("注射用苄星青霉素", "肌内注射"), ("阿莫西林颗粒", None)])
def test_penicillin_without_a_skin_test_stops_by_any_route(drug: str, route: Optional[str]) -> None:
    assert (0, "skin_test", "high") in _alerts([_order(drug, 0.5, "g", route, "tid")])
    assert (0, "skin_test", "high") in _alerts([_order(drug, 0.5, "g", route, "tid", skin_test=None)])
    negative = _alerts([_order(drug, 0.5, "g", route, "tid", skin_test="negative")])
    assert [a for a in negative if a[1] == "skin_test"] == []


def test_a_positive_skin_test_blocks_any_drug() -> None:
    assert (0, "skin_test", "high") in _alerts(
        [_order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd", skin_test="positive")])
    assert _alerts([_order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd", skin_test=None)]) == []


def test_prn_paracetamol_on_top_of_scheduled_paracetamol_warns_but_breakthrough_opioid_does_not() -> None:
    scheduled = [_order("对乙酰氨基酚片", 1, "g", "口服", "q6h")]
    prn = _alerts([_order("对乙酰氨基酚栓", 0.5, "g", "直肠给药", "prn")], scheduled)
    assert (0, "duplicate", "moderate") in prn
    first_dose_now = _alerts([_order("对乙酰氨基酚片", 1, "g", "口服", "st")], scheduled)
    assert (0, "duplicate", "low") in first_dose_now
    opioid = _alerts([_order("盐酸吗啡片", 10, "mg", "口服", "prn")],
                     [_order("硫酸吗啡缓释片", 30, "mg", "口服", "q12h")])
    assert [a for a in opioid if a[1] == "duplicate"] == [(0, "duplicate", "low")]


@pytest.mark.parametrize("patient", [{}, {"age_years": None, "weight_kg": None, "egfr": None},
                                     {"weight_kg": 0, "height_cm": 0, "age_years": 5},
                                     {"allergies": [], "diagnoses": [], "labs": []},
                                     {"age_years": 80, "sex": "F", "labs": [{"code": "Cr", "value": 0}]}])
def test_missing_or_zero_patient_fields_never_crash(patient: dict[str, Any]) -> None:
    orders = [_order("布洛芬混悬液", 100, "mg", "口服", "tid"),
              _order("注射用万古霉素", 1, "g", "ivgtt", "q12h"),
              _order("依诺肝素钠注射液", 4000, "IU", "皮下注射", "qd")]
    alerts = _alerts(orders, patient=patient)
    # Renal function and weight are unknown here: no renal or per-kg dose alert may be invented.
    assert [a for a in alerts if a[1] in ("renal", "dose_single", "dose_daily")] == []


def test_unknown_drug_and_missing_dose_are_unchecked_low_never_silent() -> None:
    assert _alerts([_order("某某新药胶囊", 1, "mg", "口服", "qd")]) == [(0, "unchecked", "low")]
    assert (0, "unchecked", "low") in _alerts([_order("华法林钠片", None, None, "口服", "qd")])
    assert _alerts([]) == []


@pytest.mark.parametrize("text", ["not json", "[]", '{"patient": {}}',
                                  '{"new_orders": [{"drug": "华法林", "dose": "三"}]}',
                                  '{"new_orders": [{"drug": "华法林", "skin_test": "maybe"}]}'])
def test_invalid_input_exits_2_with_one_line(text: str) -> None:
    done = subprocess.run([sys.executable, "main.py", "order-check", "--input", "-"], input=text,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1


def test_a_blind_case_file_is_accepted_by_the_cli_as_is() -> None:
    """Each case is a FORMAT.md input plus "id"/"note"/"expect": the CLI ignores the extras."""
    case = json.loads((ROOT / "tests/eval/blind/cases/allergy.json").read_text(encoding="utf-8"))[0]
    done = subprocess.run([sys.executable, "main.py", "order-check", "--input", "-"],
                          input=json.dumps(case, ensure_ascii=False), capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    alerts = json.loads(done.stdout)["alerts"]
    assert any(a["category"] == "allergy" and a["severity"] == "high" for a in alerts)
