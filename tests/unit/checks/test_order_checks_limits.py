"""Input limits and hostile input: the JSON path, the library call, the CLI's reader; and the
indexed pair selection, which must give exactly the alerts of checking every pair."""
from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

import pytest

from app.checks import (
    Alert,
    CheckInputError,
    CheckRequest,
    Order,
    check_orders,
    default_kb,
    from_json,
    model,
)
from app.checks.context import OrderFacts, order_facts, patient_facts
from app.checks.engine import _counts_together, _dedupe, _unchecked
from app.checks.rules_allergy import check_allergy, check_skin_test, resolve_allergens
from app.checks.rules_dose import check_concentration, check_dose, check_frequency, check_route
from app.checks.rules_pairs import check_pair
from app.checks.rules_patient import check_patient
from app.cli import run
from app.cli.check_cmds import InputProblem, parse_json, read_input
from bench.checks import large_request, request
from tests.eval.blind.evaluate import HOLDOUT_DIR
from tests.eval.blind.evaluate import load_cases as load_blind
from tests.eval.evaluate import load_cases

ROOT = Path(__file__).resolve().parents[3]
DRUG = {"drug": "阿莫西林胶囊", "dose": 0.5, "unit": "g", "route": "口服", "frequency": "tid"}


def _problem(raw: Any) -> str:
    with pytest.raises(CheckInputError) as caught:
        check_orders(from_json(raw))
    return str(caught.value)


# ---------------------------------------------------------------------- limits, JSON path

@pytest.mark.parametrize("raw, needle", [
    ({"active_orders": [DRUG] * (model.MAX_ACTIVE_ORDERS + 1), "new_orders": []},
     "active_orders: too many: 501 (at most 500)"),
    ({"new_orders": [DRUG] * (model.MAX_NEW_ORDERS + 1)}, "new_orders: too many: 201 (at most 200)"),
    ({"patient": {"allergies": ["青霉素"] * 101}, "new_orders": []}, "patient.allergies: too many"),
    ({"patient": {"diagnoses": ["I10"] * 101}, "new_orders": []}, "patient.diagnoses: too many"),
    ({"patient": {"labs": [{"code": "K", "value": 4}] * 501}, "new_orders": []}, "patient.labs: too many"),
    ({"new_orders": [{**DRUG, "drug": "阿" * 201}]}, "new_orders[0].drug: too long: 201 characters"),
    ({"new_orders": [{**DRUG, "unit": "m" * 65}]}, "new_orders[0].unit: too long"),
    ({"new_orders": [{**DRUG, "group": 10 ** 70}]}, "new_orders[0].group: too long"),
    ({"patient": {"allergies": [{"substance": "x", "reaction": "r" * 201}]}, "new_orders": []},
     "patient.allergies[0].reaction: too long"),
    ({"patient": {"diagnoses": ["d" * 201]}, "new_orders": []}, "patient.diagnoses[0]: too long"),
    ({"new_orders": [{**DRUG, "dose": 2e9}]}, "new_orders[0].dose: out of range"),
    ({"new_orders": [{**DRUG, "dose": 10 ** 30}]}, "new_orders[0].dose: out of range"),
    ({"patient": {"weight_kg": 1e300}, "new_orders": []}, "patient.weight_kg: out of range"),
    ({"new_orders": [{**DRUG, "drug": "\ud800"}]}, "new_orders[0].drug: not valid Unicode"),
])
def test_json_beyond_the_limits_is_refused(raw: Any, needle: str) -> None:
    assert needle in _problem(raw)


def test_requests_at_the_limits_are_checked() -> None:
    raw = {"patient": {"allergies": ["青霉素"] * 100, "diagnoses": ["I10"] * 100,
                       "labs": [{"code": "K", "value": 4}] * 500},
           "active_orders": [DRUG] * 500, "new_orders": [{**DRUG, "drug": "阿莫西林" + " " * 150}] * 200}
    assert check_orders(from_json(raw))


# ---------------------------------------------------------------- wrong types in every field

@pytest.mark.parametrize("raw, needle", [
    (None, "input: expected an object"), ([], "input: expected an object"), (3, "input: expected an object"),
    ("x", "input: expected an object"), ({}, "new_orders: missing"),
    ({"new_orders": None}, "new_orders: expected a list"),
    ({"new_orders": "x"}, "new_orders: expected a list"),
    ({"new_orders": [None]}, "new_orders[0]: expected an object"),
    ({"new_orders": [[]]}, "new_orders[0]: expected an object"),
    ({"new_orders": [{"drug": None}]}, "new_orders[0].drug: missing"),
    ({"new_orders": [{"drug": "  "}]}, "new_orders[0].drug: missing"),
    ({"new_orders": [{"drug": []}]}, "new_orders[0].drug: expected a string"),
    ({"new_orders": [{"drug": True}]}, "new_orders[0].drug: expected a string"),
    ({"new_orders": [{**DRUG, "dose": "lots"}]}, "new_orders[0].dose: expected a number"),
    ({"new_orders": [{**DRUG, "dose": "1e400"}]}, "new_orders[0].dose: expected a finite number"),
    ({"new_orders": [{**DRUG, "dose": "nan"}]}, "new_orders[0].dose: expected a finite number"),
    ({"new_orders": [{**DRUG, "dose": float("inf")}]}, "new_orders[0].dose: expected a finite number"),
    ({"new_orders": [{**DRUG, "dose": True}]}, "new_orders[0].dose: expected a number"),
    ({"new_orders": [{**DRUG, "dose": [1]}]}, "new_orders[0].dose: expected a number"),
    ({"new_orders": [{**DRUG, "dose": -0.5}]}, "new_orders[0].dose: must not be negative"),
    ({"new_orders": [{**DRUG, "unit": {}}]}, "new_orders[0].unit: expected a string"),
    ({"new_orders": [{**DRUG, "route": []}]}, "new_orders[0].route: expected a string"),
    ({"new_orders": [{**DRUG, "frequency": False}]}, "new_orders[0].frequency: expected a string"),
    ({"new_orders": [{**DRUG, "group": {}}]}, "new_orders[0].group: expected a string"),
    ({"new_orders": [{**DRUG, "skin_test": "maybe"}]}, "new_orders[0].skin_test"),
    ({"new_orders": [{**DRUG, "skin_test": 1}]}, "new_orders[0].skin_test"),
    ({"active_orders": {}, "new_orders": []}, "active_orders: expected a list"),
    ({"active_orders": [1], "new_orders": []}, "active_orders[0]: expected an object"),
    ({"patient": [], "new_orders": []}, "patient: expected an object"),
    ({"patient": "x", "new_orders": []}, "patient: expected an object"),
    ({"patient": {"age_years": "old"}, "new_orders": []}, "patient.age_years: expected a number"),
    ({"patient": {"age_years": -1}, "new_orders": []}, "patient.age_years: must not be negative"),
    ({"patient": {"sex": []}, "new_orders": []}, "patient.sex: expected a string"),
    ({"patient": {"weight_kg": {}}, "new_orders": []}, "patient.weight_kg: expected a number"),
    ({"patient": {"height_cm": "tall"}, "new_orders": []}, "patient.height_cm: expected a number"),
    ({"patient": {"pregnant": "yes"}, "new_orders": []}, "patient.pregnant: expected true, false or null"),
    ({"patient": {"lactating": 1}, "new_orders": []}, "patient.lactating: expected true, false or null"),
    ({"patient": {"egfr": "low"}, "new_orders": []}, "patient.egfr: expected a number"),
    ({"patient": {"crcl": -3}, "new_orders": []}, "patient.crcl: must not be negative"),
    ({"patient": {"child_pugh": ["C"]}, "new_orders": []}, "patient.child_pugh: expected a string"),
    ({"patient": {"allergies": {}}, "new_orders": []}, "patient.allergies: expected a list"),
    ({"patient": {"allergies": [1]}, "new_orders": []}, "patient.allergies[0]: expected an object"),
    ({"patient": {"allergies": [{"substance": None}]}, "new_orders": []},
     "patient.allergies[0].substance: missing"),
    ({"patient": {"allergies": [{"substance": "x", "reaction": []}]}, "new_orders": []},
     "patient.allergies[0].reaction: expected a string"),
    ({"patient": {"diagnoses": "I10"}, "new_orders": []}, "patient.diagnoses: expected a list"),
    ({"patient": {"diagnoses": [1]}, "new_orders": []}, "patient.diagnoses[0]: expected an object"),
    ({"patient": {"diagnoses": [{"icd10": []}]}, "new_orders": []}, "patient.diagnoses[0].icd10"),
    ({"patient": {"diagnoses": [{"name": {}}]}, "new_orders": []}, "patient.diagnoses[0].name"),
    ({"patient": {"labs": {}}, "new_orders": []}, "patient.labs: expected a list"),
    ({"patient": {"labs": ["K"]}, "new_orders": []}, "patient.labs[0]: expected an object"),
    ({"patient": {"labs": [{"value": 4}]}, "new_orders": []}, "patient.labs[0].code: missing"),
    ({"patient": {"labs": [{"code": "K", "value": "high"}]}, "new_orders": []},
     "patient.labs[0].value: expected a number"),
    ({"patient": {"labs": [{"code": "K", "value": 4, "unit": []}]}, "new_orders": []},
     "patient.labs[0].unit: expected a string"),
])
def test_wrong_types_name_the_field(raw: Any, needle: str) -> None:
    assert needle in _problem(raw)


def test_nulls_mean_unknown() -> None:
    raw = {"patient": {k: None for k in ("age_years", "sex", "weight_kg", "height_cm", "pregnant",
                                         "lactating", "egfr", "crcl", "allergies", "diagnoses", "labs",
                                         "child_pugh")},
           "active_orders": None,
           "new_orders": [{"drug": "奥美拉唑肠溶胶囊", "dose": None, "unit": None, "route": None,
                           "frequency": None, "group": None, "skin_test": None}]}
    assert all(a.severity == "low" for a in check_orders(from_json(raw)))


# ---------------------------------------------------------------- the library call's guard

@pytest.mark.parametrize("change, needle", [
    (lambda r: dataclasses.replace(r, active_orders=r.active_orders * 17), "active_orders: too many"),
    (lambda r: dataclasses.replace(r, new_orders=r.new_orders * 11), "new_orders: too many"),
    (lambda r: dataclasses.replace(r, new_orders=(Order("x" * 201),)), "new_orders[0].drug: too long"),
    (lambda r: dataclasses.replace(r, new_orders=(Order("阿莫西林", dose=float("nan")),)),
     "new_orders[0].dose: expected a finite number"),
    (lambda r: dataclasses.replace(r, new_orders=(Order("阿莫西林", dose=-1),)), "must not be negative"),
    (lambda r: dataclasses.replace(r, new_orders=(Order("阿莫西林", dose="1"),)),  # type: ignore[arg-type]
     "new_orders[0].dose: expected a number"),
    (lambda r: dataclasses.replace(r, new_orders=(Order("阿莫西林", skin_test="maybe"),)), "skin_test"),
    (lambda r: dataclasses.replace(r, new_orders=("阿莫西林",)), "new_orders[0]: expected an Order"),
    (lambda r: dataclasses.replace(r, patient=dataclasses.replace(r.patient, egfr=float("inf"))),
     "patient.egfr: expected a finite number"),
    (lambda r: dataclasses.replace(
        r, patient=dataclasses.replace(r.patient, allergies=r.patient.allergies * 51)),
     "patient.allergies: too many"),
    (lambda r: dataclasses.replace(r, patient=None), "patient: expected a Patient"),
])
def test_the_library_call_has_the_same_limits(change: Any, needle: str) -> None:
    with pytest.raises(CheckInputError) as caught:
        check_orders(change(request()))
    assert needle in str(caught.value)
    assert caught.value.message_id == "checks.bad_input"


# ---------------------------------------------------------------------- the CLI's reader

def test_reader_refuses_what_it_must_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (model.MAX_INPUT_BYTES + 1))
    cases = {str(tmp_path): "it is a directory", str(fifo): "not a regular file",
             "/dev/zero": "not a regular file", str(tmp_path / "none.json"): "No such file",
             str(big): "too large"}
    for name, needle in cases.items():
        started = time.monotonic()
        with pytest.raises(InputProblem) as caught:
            read_input(name, model.MAX_INPUT_BYTES)
        assert needle in str(caught.value) and time.monotonic() - started < 2


def test_reader_reads_at_most_one_byte_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless(io.RawIOBase):
        asked = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            Endless.asked += len(buffer)
            buffer[:] = b"0" * len(buffer)
            return len(buffer)

    stream = io.TextIOWrapper(io.BufferedReader(Endless()))
    monkeypatch.setattr(sys, "stdin", stream)
    with pytest.raises(InputProblem, match="too large"):
        read_input("-", 1000)
    assert Endless.asked < 100_000


def test_a_terminal_on_standard_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Tty("{}"))
    with pytest.raises(InputProblem, match="terminal"):
        read_input("-", 1000)


@pytest.mark.parametrize("data, needle", [
    (b"", "empty input"), (b" \n\t", "empty input"), (b"\xff\xfe{}", "not UTF-8"),
    (b"\x00\x01garbage", "malformed JSON"), (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    (b'{"new_orders": [NaN]}', "NaN is not a JSON number"), (b"[-Infinity]", "-Infinity is not"),
    (b"1" * 5000, "an integer of 5000 digits"), ("\ufeff{".encode(), "malformed JSON"),
])
def test_decoding_problems_are_one_line(data: bytes, needle: str) -> None:
    with pytest.raises(InputProblem) as caught:
        parse_json(data, "x.json")
    assert needle in str(caught.value) and "\n" not in str(caught.value)


def test_a_byte_order_mark_is_allowed() -> None:
    assert parse_json("\ufeff{\"new_orders\": []}".encode(), "x.json") == {"new_orders": []}


def test_cli_error_lines_escape_what_the_input_holds(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"patient": {"labs": [{"code": "K", "value": 4, "unit": "a\nb\x00"}]},
                                "new_orders": []}), encoding="utf-8")
    assert run(["order-check", "--input", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a\\nb\\x00" in err


# ------------------------------------------------------- pair index: same alerts as all pairs

def _all_pairs(req: CheckRequest) -> list[Alert]:
    """The engine as it was before the pair index: every earlier order meets every new one."""
    kb = default_kb()
    pt = patient_facts(kb, req.patient, resolve_allergens(kb, req.patient))
    active = [order_facts(kb, o, -1, False) for o in req.active_orders]
    new = [order_facts(kb, o, i, True) for i, o in enumerate(req.new_orders)]
    everything = active + new
    alerts: list[Alert] = []
    for o in new:
        alerts += _unchecked(kb, o)
        if o.ingredient is None:
            continue
        others = [x for x in everything if x is not o]
        alerts += check_allergy(kb, pt, o)
        alerts += check_skin_test(kb, o, others)
        same: list[OrderFacts] = [x for x in others
                                  if x.ingredient == o.ingredient and _counts_together(x, o)]
        alerts += check_dose(kb, pt, o, same)
        alerts += check_frequency(kb, o)
        alerts += check_route(kb, o)
        group = [o] if o.order.group is None else [x for x in everything if x.order.group == o.order.group]
        alerts += check_concentration(kb, o, group)
        rules = kb.rules_for("interactions", o.tokens)
        for p in active + new[: o.index]:
            if p.ingredient is not None:
                alerts += check_pair(kb, pt, o, p, rules)
        alerts += check_patient(kb, pt, o)
    return _dedupe(alerts)


def _requests() -> list[CheckRequest]:
    cases = load_cases() + load_blind() + load_blind(HOLDOUT_DIR)
    out = [from_json(c["request"]) for c in cases]
    big = large_request()
    # Every order also in one infusion group now and then, and skin-test results among them.
    tests = ("negative", "positive", None)
    grouped = tuple(dataclasses.replace(o, group=str(i % 7) if i % 3 == 0 else None,
                                        skin_test=tests[i % 3] if i % 5 == 0 else None)
                    for i, o in enumerate(big.active_orders + big.new_orders))
    out += [request(), big, dataclasses.replace(big, active_orders=grouped[:300], new_orders=grouped[300:])]
    return out


def test_the_pair_index_finds_every_alert_of_all_pairs() -> None:
    for req in _requests():
        assert check_orders(req) == _all_pairs(req)


def test_same_request_same_alerts_whatever_the_hash_seed() -> None:
    script = ("import json; from app.checks import check_orders, to_json; "
              "from bench.checks import large_request; "
              "print(json.dumps(to_json(check_orders(large_request())), ensure_ascii=False))")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed), timeout=60).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and next(iter(outputs))


# ------------------------------------------------------------------------------------ speed

def _best_ms(req: CheckRequest, runs: int) -> float:
    best: Optional[float] = None
    for _ in range(runs):
        started = time.thread_time()
        check_orders(req)
        elapsed = (time.thread_time() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    assert best is not None
    return best


def test_three_hundred_active_and_fifty_new_orders_check_in_under_100_ms() -> None:
    default_kb()
    req = large_request()
    assert len(req.active_orders) == 300 and len(req.new_orders) == 50
    assert _best_ms(req, 5) < 100


def test_a_request_at_the_limits_stays_fast() -> None:
    default_kb()
    assert _best_ms(large_request(model.MAX_ACTIVE_ORDERS, model.MAX_NEW_ORDERS), 3) < 500
