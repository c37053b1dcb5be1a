"""`python main.py order-check`: JSON out and exit 0 on valid input; one line and exit 2 otherwise."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import run

ROOT = Path(__file__).resolve().parents[3]
VALID: dict[str, Any] = {
    "patient": {"age_years": 72.0, "sex": "F", "weight_kg": 55, "egfr": 25,
                "allergies": [{"substance": "青霉素", "reaction": "皮疹"}],
                "labs": [{"code": "K", "value": 5.8, "unit": "mmol/L"}, {"code": "INR", "value": 1.1}]},
    "active_orders": [{"drug": "华法林钠片", "dose": 3, "unit": "mg", "route": "口服", "frequency": "qd"}],
    "new_orders": [{"drug": "阿莫西林胶囊", "dose": 0.5, "unit": "g", "route": "口服", "frequency": "tid",
                    "group": None, "skin_test": None}],
}


def _write(tmp_path: Path, content: str) -> str:
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_valid_file_prints_alerts_and_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run(["order-check", "--input", _write(tmp_path, json.dumps(VALID, ensure_ascii=False))])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    first = out["alerts"][0]
    assert first == {"order": 0, "category": "allergy", "severity": "high",
                     "message": first["message"], "related": ["青霉素"]}


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"new_orders": []})))
    assert run(["order-check", "--input", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == {"alerts": []}


@pytest.mark.parametrize("content,needle", [
    ("{not json", "malformed JSON"),
    ("[]", "input: expected an object"),
    ('{"patient": {}}', "new_orders: missing"),
    ('{"new_orders": {}}', "new_orders: expected a list"),
    ('{"new_orders": [{"dose": 1}]}', "new_orders[0].drug: missing"),
    ('{"new_orders": [{"drug": "阿莫西林", "dose": "lots"}]}', "new_orders[0].dose: expected a number"),
    ('{"new_orders": [{"drug": "阿莫西林", "skin_test": "maybe"}]}', "new_orders[0].skin_test"),
    ('{"patient": {"age_years": "old"}, "new_orders": []}', "patient.age_years: expected a number"),
    ('{"patient": {"labs": [{"code": "K", "value": 4, "unit": "furlong"}]}, "new_orders": []}',
     "patient.labs[0].unit: unknown unit"),
])
def test_invalid_input_gives_one_line_and_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   content: str, needle: str) -> None:
    status = run(["order-check", "--input", _write(tmp_path, content)])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and needle in captured.err


def test_missing_file_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["order-check", "--input", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_unknown_unit_on_an_order_is_reported_not_fatal(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    body = {"new_orders": [{"drug": "阿莫西林胶囊", "dose": 1, "unit": "勺", "route": "口服",
                            "frequency": "tid"}]}
    assert run(["order-check", "--input", _write(tmp_path, json.dumps(body))]) == 0
    alerts = json.loads(capsys.readouterr().out)["alerts"]
    unchecked = [a for a in alerts if a["category"] == "unchecked"]
    assert [a["severity"] for a in unchecked] == ["low"] and "勺" in unchecked[0]["message"]


def test_real_process_through_main_py(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps(VALID, ensure_ascii=False))
    done = subprocess.run([sys.executable, "main.py", "order-check", "--input", path], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["alerts"]
    bad = subprocess.run([sys.executable, "main.py", "order-check", "--input", "-"], cwd=ROOT,
                         input="{oops", capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stdout == "" and len(bad.stderr.splitlines()) == 1
