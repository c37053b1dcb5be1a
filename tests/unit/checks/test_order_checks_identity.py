"""Every drug of shared/cds/drugs.csv is recognised in its Chinese, product and English spellings."""
from __future__ import annotations

import csv

import pytest

from app.checks import default_kb
from app.checks.kb_loader import RESOURCE_DIR


def _drugs() -> list[dict[str, str]]:
    with open(RESOURCE_DIR / "drugs.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_drug_list_is_complete() -> None:
    assert len(_drugs()) >= 220


@pytest.mark.parametrize("row", _drugs(), ids=lambda r: r["cn_generic"])
def test_every_spelling_maps_to_one_ingredient(row: dict[str, str]) -> None:
    kb = default_kb()
    cn = row["cn_generic"]
    spellings = [cn, row["en_inn"], row["en_inn"].upper(), f"{row['en_inn']} tablets",
                 *row["typical_forms"].split("|")]
    for spelling in spellings:
        match = kb.names.resolve(spelling)
        assert match is not None and match.ingredient == cn, spelling


@pytest.mark.parametrize("spelling,ingredient", [
    ("注射用头孢曲松钠", "头孢曲松"), ("头孢曲松钠", "头孢曲松"), ("Ceftriaxone Sodium", "头孢曲松"),
    ("注射用头孢曲松钠（罗氏芬）", "头孢曲松"), ("盐酸左氧氟沙星注射液", "左氧氟沙星"),
    ("0.9%氯化钠注射液", "氯化钠"), ("NS", "氯化钠"), ("5%GS", "葡萄糖"), ("KCl 10%", "氯化钾"),
    ("头孢哌酮钠舒巴坦钠", "头孢哌酮舒巴坦"), ("co-amoxiclav", "阿莫西林克拉维酸钾"),
    ("Piperacillin Sodium and Tazobactam Sodium for Injection", "哌拉西林他唑巴坦"),
    ("acetaminophen", "对乙酰氨基酚"), ("速尿", "呋塞米"), ("地尔硫卓", "地尔硫䓬"),
])
def test_common_variants(spelling: str, ingredient: str) -> None:
    match = default_kb().names.resolve(spelling)
    assert match is not None and match.ingredient == ingredient


@pytest.mark.parametrize("spelling", ["阿芬太尼", "氟哌利多", "xyz"])
def test_unknown_or_different_drugs_are_not_guessed(spelling: str) -> None:
    # 阿芬太尼 contains 芬太尼 but is a different drug the formulary does not list.
    assert default_kb().names.resolve(spelling) is None


@pytest.mark.parametrize("spelling,ingredient", [("舒芬太尼", "舒芬太尼"), ("瑞芬太尼", "瑞芬太尼"),
                                                 ("枸橼酸舒芬太尼注射液", "舒芬太尼")])
def test_a_longer_name_containing_another_is_its_own_drug(spelling: str, ingredient: str) -> None:
    # 舒芬太尼 contains 芬太尼 but is a different, far more potent drug (issue 18: now in the formulary).
    match = default_kb().names.resolve(spelling)
    assert match is not None and match.ingredient == ingredient


def test_combinations_know_their_parts() -> None:
    kb = default_kb()
    tokens = kb.tokens["阿莫西林克拉维酸钾"]
    assert "阿莫西林" in tokens and "@penicillins" in tokens
    assert "缬沙坦" in kb.tokens["沙库巴曲缬沙坦"]
