"""Run the order-check evaluation set (tests/eval/cases/*.json) and score it the Leapfrog way.

A harmful case is caught when its new order gets an alert of the expected category at or above the
expected severity. An ordinary case is a nuisance when any of its orders gets a moderate or high
alert (low severity never interrupts the doctor).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.checks import Alert, check_orders, from_json
from app.checks.model import SEVERITY_RANK

CASES_DIR = Path(__file__).resolve().parent / "cases"


@dataclass
class Score:
    caught: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    ordinary: int = 0
    nuisance: list[str] = field(default_factory=list)

    @property
    def harmful(self) -> int:
        return sum(self.total.values())

    @property
    def caught_all(self) -> int:
        return sum(self.caught.values())

    @property
    def catch_rate(self) -> float:
        return self.caught_all / self.harmful if self.harmful else 1.0

    @property
    def nuisance_rate(self) -> float:
        return len(self.nuisance) / self.ordinary if self.ordinary else 0.0


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES_DIR.glob("*.json")):
        cases.extend(json.loads(path.read_text(encoding="utf-8")))
    return cases


def is_caught(case: dict[str, Any], alerts: list[Alert]) -> bool:
    floor = SEVERITY_RANK[case["min_severity"]]
    return any(a.order == case["order"] and a.category == case["category"]
               and SEVERITY_RANK[a.severity] >= floor for a in alerts)


def evaluate() -> Score:
    score = Score()
    for case in load_cases():
        alerts = check_orders(from_json(case["request"]))
        if case["kind"] == "ordinary":
            score.ordinary += 1
            loud = [a for a in alerts if a.severity in ("moderate", "high")]
            if loud:
                score.nuisance.append(f"{case['id']}: " + "; ".join(
                    f"{a.category}/{a.severity} {a.message}" for a in loud))
            continue
        category = case["category"]
        score.total[category] = score.total.get(category, 0) + 1
        if is_caught(case, alerts):
            score.caught[category] = score.caught.get(category, 0) + 1
        else:
            got = ", ".join(f"{a.order}:{a.category}/{a.severity}" for a in alerts) or "no alerts"
            score.missed.append(f"{case['id']} ({case['note']}): {got}")
    return score
