"""Allergy (drug, class and cross-reactivity) and skin-test checks.

An allergy names a class (青霉素类, 头孢, 磺胺) or one drug. A class allergy blocks every member;
a drug allergy blocks that ingredient (alone or inside a combination) and reaches related drugs
through allergy_cross.csv, whose second severity applies after a severe reaction (anaphylaxis).
"""
from __future__ import annotations

from typing import Optional

from app.checks.context import Allergen, OrderFacts, PatientFacts, make_alert, route_ok
from app.checks.identity import normalize
from app.checks.kb import KnowledgeBase
from app.checks.model import SEVERITY_RANK, Alert, Patient


def resolve_allergens(kb: KnowledgeBase, patient: Patient) -> tuple[Allergen, ...]:
    severe_words = tuple(normalize(w) for w in kb.vocab.get("severe_reaction", {}))
    mild_words = tuple(normalize(w) for w in kb.vocab.get("mild_reaction", {}))
    noise = tuple(normalize(w) for w in kb.vocab.get("allergy_noise", {}))
    prefixes = tuple(normalize(w) for w in kb.vocab.get("allergy_prefix", {}))
    out: list[Allergen] = []
    for allergy in patient.allergies:
        reaction = normalize(allergy.reaction or "")
        severe = any(word and word in reaction for word in severe_words)
        mild = not severe and any(word and word in reaction for word in mild_words)
        text = normalize(allergy.substance)
        for word in noise:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)]
        # A name that is a drug as written stays that drug: "对乙酰氨基酚" is not "对" + a name.
        exact = kb.names.resolve(text)
        if exact is not None and exact.how != "contained":
            target: Optional[str] = exact.ingredient
        else:
            for word in prefixes:
                if text.startswith(word) and len(text) > len(word):
                    text = text[len(word):]
            for word in noise:
                if text.endswith(word) and len(text) > len(word):
                    text = text[: -len(word)]
            target = _target(kb, text)
        if target is None:
            continue  # food, pollen, or a drug this knowledge base does not know
        if target.startswith("@"):
            out.append(Allergen(allergy.substance, frozenset({target}), True, None, severe, mild))
        else:
            tokens = kb.tokens.get(target, frozenset({target}))
            out.append(Allergen(allergy.substance, tokens, False, target, severe, mild))
    return tuple(out)


def _target(kb: KnowledgeBase, text: str) -> Optional[str]:
    if text in kb.allergy_terms:
        return kb.allergy_terms[text]
    match = kb.names.resolve(text)
    if match is not None and match.how != "contained":
        return match.ingredient
    best = max((term for term in kb.allergy_terms if term and term in text), key=len, default=None)
    if best is not None:
        return kb.allergy_terms[best]
    return match.ingredient if match is not None else None


def check_allergy(kb: KnowledgeBase, pt: PatientFacts, o: OrderFacts) -> list[Alert]:
    alerts: list[Alert] = []
    mild_cross = kb.vocab.get("mild_cross", {})
    for allergen in pt.allergens:
        best: Optional[Alert] = None
        if allergen.ingredient is not None and allergen.ingredient in o.tokens:
            best = make_alert(kb, o, "allergy", "high", "allergy.same", (allergen.label,),
                              allergen=allergen.label, name=allergen.ingredient)
        elif allergen.is_class and allergen.tokens & o.tokens:
            group = next(iter(allergen.tokens))
            best = make_alert(kb, o, "allergy", "high", "allergy.class", (allergen.label,),
                              allergen=allergen.label, label=kb.label(group), name=o.name)
        else:
            for rule in kb.rules_for("allergy_cross", o.tokens):
                if rule.drug not in allergen.tokens or rule.other not in o.tokens:
                    continue
                severity = rule.severity_alt if allergen.severe else rule.severity
                if allergen.mild and severity == "moderate" and rule.drug in mild_cross:
                    # β-lactam guideline 2021: after a non-severe reaction a drug of another
                    # class and R1 side chain may be given (same side chain rows stay high).
                    severity = "low"
                if best is None or SEVERITY_RANK[severity] > SEVERITY_RANK[best.severity]:
                    best = make_alert(kb, o, "allergy", severity, "allergy.cross", (allergen.label,),
                                      allergen=allergen.label, name=o.name, message=rule.message)
        if best is not None:
            alerts.append(best)
    return alerts


def check_skin_test(kb: KnowledgeBase, o: OrderFacts, others: list[OrderFacts]) -> list[Alert]:
    # A positive result blocks whatever the drug (CLINICAL.md §1: positive -> block the drug), also
    # for drugs tested only by hospital policy or label (cephalosporins, antitoxins).
    if o.order.skin_test == "positive":
        return [make_alert(kb, o, "skin_test", "high", "skin_test.positive", (o.name,), name=o.name)]
    rules = [r for r in kb.rules_for("skin_test", o.tokens) if r.drug in o.tokens]
    if not rules:
        return []
    skin_refs = {r.drug for r in rules}
    for other in others:
        if other.order.skin_test == "positive" and skin_refs & other.tokens:
            return [make_alert(kb, o, "skin_test", "high", "skin_test.positive_other", (other.name,),
                               name=o.name, other=other.name)]
    if o.order.skin_test in ("negative", "exempt"):
        return []
    if any(other.order.skin_test == "negative" and other.ingredient == o.ingredient for other in others):
        return []
    applicable = [r for r in rules if route_ok(r.routes, o)]
    if not applicable:
        return []
    rule = max(applicable, key=lambda r: SEVERITY_RANK[r.severity])
    return [make_alert(kb, o, "skin_test", rule.severity, "skin_test.missing", (o.name,), name=o.name,
                       message=rule.message)]
