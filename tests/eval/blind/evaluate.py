"""Score the independently written evaluation sets: tests/eval/blind/cases/*.json, and the
held-out tests/eval/holdout/cases/*.json (written later, by someone who read neither the rules
nor the other sets: its first score, before any rule was changed for it, is in tests/eval/README.md).

Each case is a FORMAT.md input object (patient, active_orders, new_orders) plus an "id", a "note"
and an "expect" block: {"kind": "ordinary"} or {"kind": "harmful", "category", "min_severity",
"order"}. Cases are turned into the shape tests/eval uses so both sets are scored the same way.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.checks import check_orders, from_json
from tests.eval.evaluate import Score, is_caught

CASES_DIR = Path(__file__).resolve().parent / "cases"
HOLDOUT_DIR = Path(__file__).resolve().parents[1] / "holdout" / "cases"
SETS = {"blind": CASES_DIR, "holdout": HOLDOUT_DIR}
INPUT_KEYS = ("patient", "active_orders", "new_orders")


def load_cases(cases_dir: Path = CASES_DIR) -> list[dict[str, Any]]:
    """Every case in the shape of tests/eval/cases: expectation at top level, input in "request"."""
    cases: list[dict[str, Any]] = []
    for path in sorted(cases_dir.glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8")):
            case = {"id": raw["id"], "note": raw["note"], **raw["expect"]}
            case["request"] = {key: raw[key] for key in INPUT_KEYS if key in raw}
            cases.append(case)
    return cases


def evaluate(cases_dir: Path = CASES_DIR) -> Score:
    score = Score()
    for case in load_cases(cases_dir):
        alerts = check_orders(from_json(case["request"]))
        if case["kind"] == "ordinary":
            score.ordinary += 1
            loud = [a for a in alerts if a.severity in ("moderate", "high")]
            if loud:
                score.nuisance.append(f"{case['id']} ({case['note']}): " + "; ".join(
                    f"{a.order}:{a.category}/{a.severity} {a.message}" for a in loud))
            continue
        category = case["category"]
        score.total[category] = score.total.get(category, 0) + 1
        if is_caught(case, alerts):
            score.caught[category] = score.caught.get(category, 0) + 1
        else:
            got = ", ".join(f"{a.order}:{a.category}/{a.severity}" for a in alerts) or "no alerts"
            score.missed.append(f"{case['id']} ({case['note']}): {got}")
    return score
