"""The evaluation set: >= 150 cases (>= 40 ordinary), >= 95% of harmful orders caught,
<= 5% of ordinary orders with a moderate or high alert."""
from __future__ import annotations

from app.checks.model import CATEGORIES
from tests.eval.evaluate import evaluate, load_cases


def test_the_set_is_big_enough_and_covers_every_category() -> None:
    cases = load_cases()
    ordinary = [c for c in cases if c["kind"] == "ordinary"]
    assert len(cases) >= 150
    assert len(ordinary) >= 40
    covered = {c["category"] for c in cases if c["kind"] == "harmful"}
    assert covered == set(CATEGORIES) - {"unchecked"}
    assert len({c["id"] for c in cases}) == len(cases)


def test_catch_rate_and_nuisance_rate() -> None:
    score = evaluate()
    assert score.catch_rate >= 0.95, "\n".join(score.missed)
    assert score.nuisance_rate <= 0.05, "\n".join(score.nuisance)
