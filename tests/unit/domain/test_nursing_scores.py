"""CLINICAL.md §6's scales: totals, bands, missing and impossible items refused."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import nursing_scores as ns
from app.errors import ValidationError

BRADEN_WORST = {"sensory": 1, "moisture": 1, "activity": 1, "mobility": 1, "nutrition": 1, "friction": 1}


def test_braden_range_and_bands() -> None:
    worst = ns.score(ns.BRADEN, BRADEN_WORST)
    assert worst.total == 6 and worst.level == "very_high" and worst.alert
    best = ns.score(ns.BRADEN, {**{k: 4 for k in BRADEN_WORST}, "friction": 3})
    assert best.total == 23 and best.level == "none" and not best.alert
    twelve = ns.score(ns.BRADEN, {"sensory": 2, "moisture": 2, "activity": 2, "mobility": 2,
                                  "nutrition": 2, "friction": 2})
    assert twelve.total == 12 and twelve.level == "high" and twelve.alert
    assert ns.reassess_days(twelve) == 1


def test_morse_bands() -> None:
    answers = {"fall_history": 25, "secondary_dx": 15, "ambulatory_aid": 0, "iv_access": 20,
               "gait": 0, "mental_status": 0}
    s = ns.score(ns.MORSE, answers)
    assert s.total == 60 and s.level == "high"
    assert ns.score(ns.MORSE, {**answers, "iv_access": 0}).level == "moderate"      # 40
    assert ns.score(ns.MORSE, {k: 0 for k in answers}).level == "low"


def test_barthel_dependency_bands() -> None:
    full = {k: max(v) for k, v in ns.ITEMS[ns.BARTHEL].items()}
    assert ns.score(ns.BARTHEL, full).total == 100
    assert ns.score(ns.BARTHEL, full).level == "independent"
    assert ns.score(ns.BARTHEL, {k: 0 for k in full}).level == "severe"


def test_pain_nrs() -> None:
    assert ns.score(ns.PAIN, {"nrs": 3}).level == "mild"
    assert ns.score(ns.PAIN, {"nrs": 4}).alert
    assert ns.reassess_days(ns.score(ns.PAIN, {"nrs": 7})) is None


def test_an_item_left_out_or_impossible_is_refused_by_name() -> None:
    partial = dict(BRADEN_WORST)
    del partial["nutrition"]
    with pytest.raises(ValidationError) as err:
        ns.score(ns.BRADEN, partial)
    assert err.value.message_id == "score.item_missing" and err.value.params["item"] == "nutrition"
    with pytest.raises(ValidationError) as err:
        ns.score(ns.BRADEN, {**BRADEN_WORST, "friction": 4})
    assert err.value.message_id == "score.bad_value"
    with pytest.raises(ValidationError):
        ns.score(ns.MORSE, {"gait": 10})


@given(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in ns.ITEMS[ns.BRADEN].items()}))
def test_braden_total_is_6_to_23(answers: dict[str, int]) -> None:
    s = ns.score(ns.BRADEN, answers)
    assert 6 <= s.total <= 23 and s.total == sum(answers.values())
