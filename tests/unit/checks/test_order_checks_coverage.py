"""Issue 18: every drug of the ward dictionary is known to the checker with every facet, and every
knowledge row's severity follows its label wording (one policy, applied by data)."""
from __future__ import annotations

import csv

import pytest

from app.checks import load
from app.checks.coverage import FACET_IDS, coverage, render
from app.checks.kb import DICTIONARY_DRUGS
from tests.unit.checks.helpers_order_checks import find, order, run

# Gaps left when issue 18's first pass stopped (see resources/cds/README.md "Coverage"): the number
# may only go down. Lower it whenever rows are added; the strict test below then starts passing.
MAX_FACET_GAPS = 0
MAX_ROWS_WITHOUT_WORDING = 322
# Unworded rows whose message carries a policy word of another severity (a high 避免合用 interaction,
# a low 监测 advice on an accepted combination ...): each is a decision for the pharmacy, listed by
# the test below when it fails. The number may only go down.
MAX_ROWS_AGAINST_THEIR_WORDS = 51


def _dictionary_ingredients() -> set[str]:
    with DICTIONARY_DRUGS.open(encoding="utf-8", newline="") as handle:
        return {row["base_name"] for row in csv.DictReader(handle)}


def test_every_dictionary_ingredient_is_a_known_drug() -> None:
    kb = load()
    unknown = []
    for base in sorted(_dictionary_ingredients()):
        match = kb.names.resolve(base)
        if match is None or match.how == "contained" or match.ingredient not in kb.drugs:
            unknown.append(base)
    assert not unknown, unknown


def test_dictionary_products_resolve_to_their_ingredient() -> None:
    kb = load()
    with DICTIONARY_DRUGS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wrong = []
    for row in rows:
        product, base = kb.names.resolve(row["generic_name"]), kb.names.resolve(row["base_name"])
        if product is None or base is None or product.ingredient != base.ingredient:
            wrong.append(row["generic_name"])
    assert not wrong, wrong[:20]


def test_coverage_gaps_only_shrink() -> None:
    result = coverage()
    gaps = sum(len(count.missing) for count in result.facets.values())
    assert gaps <= MAX_FACET_GAPS, render(result)
    # The dictionary's own columns are explicit for every product.
    for facet in ("skin_test", "high_alert", "abx_grade"):
        assert not result.facets[facet].missing, facet


def test_every_dictionary_drug_has_every_facet() -> None:
    result = coverage()
    assert result.complete, render(result)


def test_coverage_table_names_every_facet() -> None:
    text = render(coverage())
    assert len(text.splitlines()) >= len(FACET_IDS) + 2


def test_dictionary_skin_test_flag_matches_a_skin_test_rule() -> None:
    """A product flagged 皮试 in the dictionary is checked for a negative result, and vice versa."""
    kb = load()
    with DICTIONARY_DRUGS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    index = kb.indexes["skin_test"]
    for row in rows:
        match = kb.names.resolve(row["base_name"])
        assert match is not None
        tokens = kb.tokens.get(match.ingredient, frozenset({match.ingredient}))
        ruled = any(index.get(token) for token in tokens)
        assert ruled == (row["skin_test"] == "1"), row["generic_name"]


def test_a_drug_the_checker_does_not_know_is_never_silent() -> None:
    alerts = run([order("不存在的新药片", 1, "片", "口服", "qd")])
    unchecked = find(alerts, "unchecked")
    assert unchecked and all(a.severity == "low" for a in unchecked)


@pytest.mark.parametrize("drug", ["丙泊酚", "伊马替尼", "依达拉奉"])
def test_the_issue_examples_are_known(drug: str) -> None:
    kb = load()
    match = kb.names.resolve(drug)
    assert match is not None and match.ingredient == drug and drug in kb.drugs


# ------------------------------------------------------------------ the severity policy

def test_every_worded_row_follows_the_policy_and_its_message() -> None:
    """The loader refuses a wording whose policy severity differs from the row's; here: the word
    is in the message, and a message that says 禁用/禁忌/严禁 is never below high."""
    kb = load()
    policy = kb.vocab["severity_wording"]
    forbid = [w for w, s in policy.items() if s == "high" and w != "必须"]
    without = 0
    for rules in kb.tables.values():
        for rule in rules:
            where = f"{rule.file}:{rule.line}"
            if not rule.wording:
                without += 1
                continue
            assert policy[rule.wording] == rule.severity, where
            assert rule.wording in rule.message, where
            if rule.wording_alt:
                assert policy[rule.wording_alt] == rule.severity_alt, where
            first = next((w for w in policy if w in rule.message), None)
            if first in forbid:
                assert rule.severity == "high", f"{where}: says {first} but is {rule.severity}"
    assert without <= MAX_ROWS_WITHOUT_WORDING


def test_unworded_rows_that_contradict_their_words_only_shrink() -> None:
    """Every knowledge row: when it has no wording yet, the policy words its message uses must not
    name another severity than the row's (issue 18 severity policy), except the pinned remainder."""
    kb = load()
    policy = kb.vocab["severity_wording"]
    against = []
    for rules in kb.tables.values():
        for rule in rules:
            if rule.wording:
                continue
            said = {policy[w] for w in policy if w != "可" and w in rule.message}
            if said and said != {rule.severity}:
                against.append(f"{rule.file}:{rule.line} {rule.severity} {rule.message}")
    assert len(against) <= MAX_ROWS_AGAINST_THEIR_WORDS, "\n".join(against)


def test_a_missing_skin_test_and_pregnancy_caution_follow_the_policy() -> None:
    """必须 (a required precondition missing) is high; 孕妇慎用 is moderate (resources/cds/README.md)."""
    pen = order("阿莫西林胶囊", 0.5, "g", "口服", "tid")
    assert {a.severity for a in find(run([pen]), "skin_test")} == {"high"}
    alerts = run([order("甲硝唑片", 0.4, "g", "口服", "tid")], age_years=28, sex="F",
                 diagnoses=[{"icd10": "O26.9", "name": "孕8周"}])
    assert {a.severity for a in find(alerts, "pregnancy")} == {"moderate"}
    kb = load()
    for rule in kb.tables["pregnancy"]:
        if "慎用" in rule.message and rule.wording:
            assert rule.severity == "moderate", f"{rule.file}:{rule.line}"


def test_a_wording_that_contradicts_the_severity_stops_loading(tmp_path: object) -> None:
    import shutil
    from pathlib import Path

    from app.checks import KnowledgeError
    from app.checks.kb_loader import RESOURCE_DIR

    target = Path(str(tmp_path)) / "cds"
    shutil.copytree(RESOURCE_DIR, target)
    path = target / "lactation.csv"
    path.write_text(path.read_text(encoding="utf-8") + "氯雷他定,low,哺乳期禁用氯雷他定,说明书,禁用\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeError, match="'禁用' means severity high"):
        load(target)


def test_cli_coverage_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run as cli

    status = cli(["order-check", "--coverage"])
    out = capsys.readouterr().out
    assert "pregnancy" in out and "IV incompatibility" in out and "ingredients" in out
    assert status == (0 if coverage().complete else 1)


def test_cli_coverage_and_input_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run as cli

    assert cli(["order-check", "--coverage", "--input", "-"]) == 2
    assert "not allowed with" in capsys.readouterr().err


def test_a_combination_dosed_by_the_vial_has_a_vial_ceiling() -> None:
    """注射用水溶性维生素: 成人每日1瓶 (说明书); two vials a day is over the ceiling, one is not."""
    from tests.unit.checks.helpers_order_checks import loud, order, run, severities

    one = run([order("注射用水溶性维生素", 1, "瓶", "ivgtt", "qd")])
    assert not loud(one)
    two = run([order("注射用水溶性维生素", 1, "瓶", "ivgtt", "bid")])
    assert severities(two, "dose_daily") & {"moderate", "high"}
    assert any("瓶" in a.message for a in two if a.category == "dose_daily")
