"""Knowledge coverage per facet (issue 18): for every drug of the ward dictionary, is each facet
filled by a rule row, stated explicitly as not applicable in facets.csv, or missing?

A facet is *filled* when a row of its table names the drug or one of its groups; *explicit* when
facets.csv says `na` (the facet does not apply: a topical drug has no renal band) or `none` (the
cited label or guideline sets no limit: 头孢曲松 needs no renal adjustment) for the drug or one of
its groups; otherwise it is *missing*. Skin test, high-alert and antibiotic grade are columns of
the ward dictionary (resources/dictionaries/drugs.csv), explicit for every product.

`python main.py order-check --coverage` prints the table; tests/unit/checks fails on a gap.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from app.checks.kb import DICTIONARY_DRUGS, KnowledgeBase, default_kb
from app.checks.kb_loader import RESOURCE_DIR, KnowledgeError, read_csv

# (facet id, label printed, how it is filled)
FACETS: tuple[tuple[str, str], ...] = (
    ("pregnancy", "pregnancy (by trimester where the label says)"),
    ("lactation", "lactation"),
    ("dose_adult", "dose single/daily, adult"),
    ("elderly", "dose/age, elderly >=65 (>=80)"),
    ("child", "paediatric per kg (adult caps) or age limit"),
    ("renal", "renal bands (eGFR/CrCl)"),
    ("hepatic", "hepatic (Child-Pugh, ALT)"),
    ("disease", "drug-disease (ICD-10 ranges)"),
    ("routes", "routes allowed/forbidden"),
    ("skin_test", "skin test"),
    ("high_alert", "high-alert flag"),
    ("abx_grade", "antibiotic grade"),
    ("interactions", "interactions (class and drug)"),
    ("iv_compat", "IV incompatibility"),
)
FACET_IDS = tuple(f for f, _ in FACETS)
EXPLICIT = ("na", "none")
DICTIONARY_FACETS = {"skin_test": "skin_test", "high_alert": "high_alert", "abx_grade": "abx_grade"}
ELDERLY_AGE = 60.0


@dataclass
class FacetCount:
    rules: int = 0
    explicit: int = 0
    missing: list[str] = field(default_factory=list)


@dataclass
class Coverage:
    drugs: list[str]
    facets: dict[str, FacetCount]

    @property
    def complete(self) -> bool:
        return all(not count.missing for count in self.facets.values())

    def gaps(self) -> dict[str, list[str]]:
        """drug -> the facets it lacks."""
        out: dict[str, list[str]] = {}
        for facet, count in self.facets.items():
            for drug in count.missing:
                out.setdefault(drug, []).append(facet)
        return out


def read_facets(kb: KnowledgeBase, folder: Path = RESOURCE_DIR) -> dict[str, dict[str, str]]:
    """facets.csv: ingredient or @group -> {facet: 'na' | 'none'}; a bad cell names its line."""
    out: dict[str, dict[str, str]] = {}
    path = folder / "facets.csv"
    if not path.exists():
        return out
    stated_facets = tuple(f for f in FACET_IDS if f not in DICTIONARY_FACETS)
    for row in read_csv(path, ("drug", *stated_facets, "source")):
        ref = row.required("drug")
        if ref.startswith("@"):
            if ref[1:] not in kb.groups:
                raise row.fail(f"unknown group '{ref}'")
        else:
            match = kb.names.resolve(ref)
            if match is None or match.how == "contained":
                raise row.fail(f"unknown drug '{ref}'")
            ref = match.ingredient
        cells: dict[str, str] = {}
        for facet in stated_facets:
            value = row.get(facet).lower()
            if value and value not in EXPLICIT:
                raise row.fail(f"column '{facet}': '{value}' is not na, none or empty")
            if value:
                cells[facet] = value
        if cells:
            row.source()
        if ref in out:
            raise row.fail(f"'{ref}' listed twice")
        out[ref] = cells
    return out


def dictionary_bases(path: Path = DICTIONARY_DRUGS) -> dict[str, list[dict[str, str]]]:
    """Ward dictionary products by ingredient (base_name)."""
    out: dict[str, list[dict[str, str]]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row.get("base_name", ""), []).append(row)
    return out


def _filled(kb: KnowledgeBase, drug: str, tokens: frozenset[str]) -> dict[str, bool]:
    def table(name: str, both: bool = False) -> bool:
        index = kb.indexes.get(name, {})
        return any(index.get(token) for token in tokens) if not both else any(
            rule.drug in tokens or rule.other in tokens
            for token in tokens for rule in index.get(token, ()))

    limits = kb.dose_limits.get(drug, [])
    ages = [r for t in tokens for r in kb.indexes.get("age", {}).get(t, ()) if r.drug in tokens]
    return {
        "pregnancy": table("pregnancy"),
        "lactation": table("lactation"),
        "dose_adult": any(limit.population in ("adult", "any") for limit in limits),
        "elderly": any(limit.population in ("elderly", "elderly80") for limit in limits)
        or any(r.low is not None and r.low >= ELDERLY_AGE for r in ages),
        "child": any(limit.population == "child" for limit in limits)
        or any(r.high is not None and r.high <= 18 and not r.low for r in ages),
        "renal": table("renal"),
        "hepatic": table("hepatic"),
        "disease": table("drug_disease"),
        "routes": table("routes"),
        "skin_test": table("skin_test"),
        "interactions": table("interactions", both=True),
        "iv_compat": table("iv_compat", both=True),
    }


def coverage(kb: Optional[KnowledgeBase] = None, folder: Path = RESOURCE_DIR,
             dictionary: Path = DICTIONARY_DRUGS) -> Coverage:
    kb = kb or default_kb()
    explicit = read_facets(kb, folder)
    bases = dictionary_bases(dictionary)
    drugs: list[str] = []
    for base in bases:
        match = kb.names.resolve(base)
        drugs.append(match.ingredient if match is not None and match.how != "contained" else base)
    drugs = sorted(set(drugs))
    result = Coverage(drugs, {facet: FacetCount() for facet in FACET_IDS})
    for drug in drugs:
        if drug not in kb.drugs:
            for count in result.facets.values():
                count.missing.append(drug)
            continue
        tokens = kb.tokens.get(drug, frozenset({drug}))
        filled = _filled(kb, drug, tokens)
        stated: dict[str, str] = {}
        for ref in sorted(tokens, key=lambda t: t.startswith("@")):  # the drug's own row first
            for facet, value in explicit.get(ref, {}).items():
                stated.setdefault(facet, value)
        products = bases.get(drug, [])
        for facet in FACET_IDS:
            count = result.facets[facet]
            if facet in DICTIONARY_FACETS:
                column = DICTIONARY_FACETS[facet]
                if filled.get(facet):
                    count.rules += 1
                elif products and all(p.get(column, "").strip() for p in products):
                    count.explicit += 1
                else:
                    count.missing.append(drug)
            elif filled[facet]:
                count.rules += 1
            elif facet in stated:
                count.explicit += 1
            else:
                count.missing.append(drug)
    return result


def render(result: Coverage) -> str:
    lines = [f"{len(result.drugs)} ingredients of the ward drug dictionary "
             "(filled = rule rows; explicit = na/none in facets.csv or the dictionary's column)",
             f"{'facet':<48}{'filled':>8}{'explicit':>10}{'missing':>9}"]
    for facet, label in FACETS:
        count = result.facets[facet]
        lines.append(f"{label:<48}{count.rules:>8}{count.explicit:>10}{len(count.missing):>9}")
    gaps = result.gaps()
    if gaps:
        lines.append(f"{len(gaps)} ingredients lack a facet, e.g.:")
        for drug in sorted(gaps)[:10]:
            lines.append(f"  {drug}: {', '.join(gaps[drug])}")
    else:
        lines.append("every ingredient has every facet")
    return "\n".join(lines)


__all__ = ["FACETS", "Coverage", "KnowledgeError", "coverage", "read_facets", "render"]
