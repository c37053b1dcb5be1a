"""Orders and patient reduced to the facts the rules compare: ingredient tokens, route code, dose
in a base unit, doses per day, renal function, normalised labs, liver status, allergens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from app.checks.identity import normalize, percent_in
from app.checks.inference import Pregnancy, RenalInference, infer_lactation, infer_pregnancy, infer_renal
from app.checks.kb import KnowledgeBase
from app.checks.model import Alert, CheckInputError, Order, Patient
from app.checks.units import UNIT_BASE

# Lab code -> {unit spelling (lower): factor to the unit the rules use}.
LAB_UNITS: dict[str, dict[str, float]] = {
    "K": {"": 1.0, "mmol/l": 1.0, "meq/l": 1.0},
    "NA": {"": 1.0, "mmol/l": 1.0, "meq/l": 1.0},
    "CR": {"": 1.0, "μmol/l": 1.0, "umol/l": 1.0, "mg/dl": 88.4},
    "INR": {"": 1.0},
    "PLT": {"": 1.0, "10^9/l": 1.0, "×10^9/l": 1.0, "x10^9/l": 1.0, "10^3/μl": 1.0, "10^3/ul": 1.0,
            "10*9/l": 1.0, "g/l": 1.0},
    "ALT": {"": 1.0, "u/l": 1.0, "iu/l": 1.0},
    "GLU": {"": 1.0, "mmol/l": 1.0, "mg/dl": 1 / 18.0},
    "QTC": {"": 1.0, "ms": 1.0, "msec": 1.0},
}

ALT_ULN = 40.0


@dataclass(frozen=True)
class OrderFacts:
    index: int  # index in new_orders; active orders get -1
    is_new: bool
    order: Order
    ingredient: Optional[str]
    form: Optional[str]
    tokens: frozenset[str]
    route: Optional[str]
    unit: Optional[str]
    amount: Optional[float]  # dose in the base unit of `unit`
    base_unit: Optional[str]
    freq: Optional[str]
    per_day: Optional[float]  # doses per day; None when unknown or as needed
    text: str = ""
    ingredients: frozenset[str] = frozenset()  # the ingredient and a combination's parts

    @property
    def name(self) -> str:
        return self.ingredient or self.order.drug


@dataclass(frozen=True)
class Allergen:
    label: str
    tokens: frozenset[str]
    is_class: bool  # the allergy names a whole class (青霉素类), not one drug
    ingredient: Optional[str]
    severe: bool
    mild: bool = False  # the reaction is recorded as mild (vocab mild_reaction) and not severe


@dataclass
class PatientFacts:
    patient: Patient
    renal: Optional[float] = None  # eGFR, else CrCl, else Cockcroft-Gault
    labs: dict[str, float] = field(default_factory=dict)
    icd: tuple[str, ...] = ()
    hepatic: Optional[str] = None  # "severe" / "impairment" / None
    alt25: bool = False            # ALT > 2.5x the upper limit (thiazolidinediones: label)
    alt3: bool = False
    alt5: bool = False             # ALT > 5x the upper limit: stop hepatotoxic drugs (guidelines)
    allergens: tuple[Allergen, ...] = ()
    sex: Optional[str] = None  # M / F when known
    pregnancy: Optional[Pregnancy] = None  # from the flag or the diagnoses (app.checks.inference)
    lactation: Optional[str] = None  # what says the patient breastfeeds, when something does
    renal_inferred: Optional[RenalInference] = None  # set when `renal` comes from a CKD diagnosis

    @property
    def age(self) -> Optional[float]:
        return self.patient.age_years


def order_facts(kb: KnowledgeBase, order: Order, index: int, is_new: bool) -> OrderFacts:
    match = kb.names.resolve(order.drug)
    ingredient = match.ingredient if match else None
    tokens = kb.tokens.get(ingredient, frozenset({ingredient})) if ingredient else frozenset()
    route = _code(kb, "route", order.route)
    unit = _code(kb, "unit", order.unit)
    amount = base = None
    if unit and order.dose is not None and unit in UNIT_BASE:
        base, factor = UNIT_BASE[unit]
        amount = order.dose * factor
    freq = _code(kb, "freq", order.frequency)
    per_day: Optional[float] = None
    if freq:
        factor_text = kb.vocab.get("freq_per_day", {}).get(freq, "")
        per_day = float(factor_text) if factor_text else None
    ingredients = frozenset(t for t in tokens if not t.startswith("@"))
    if route and kb.route_refs:
        # Rule refs limited to some routes (维拉帕米[intravenous]) hold for this order's route.
        tokens = tokens | {token for token, (ref, routes) in kb.route_refs.items()
                           if route in routes and ref in tokens}
    return OrderFacts(index, is_new, order, ingredient, match.form if match else None, tokens,
                      route, unit, amount, base, freq, per_day, normalize(order.drug), ingredients)


def _code(kb: KnowledgeBase, kind: str, text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    table = kb.vocab.get(kind, {})
    compact = text.strip().lower().replace(".", "").replace(" ", "")  # q.d. / i.v. / b i d
    code = (table.get(text) or table.get(text.strip().lower()) or table.get(normalize(text))
            or table.get(compact))
    return code or None


def amount_as(kb: KnowledgeBase, facts: OrderFacts, target: str) -> Optional[float]:
    """The dose expressed in `target` (mg, IU, mmol, ml), using strengths when needed."""
    if facts.amount is None or facts.base_unit is None:
        return None
    if facts.base_unit == target:
        return facts.amount
    if facts.base_unit == "ml" and target == "mg":
        pct = percent_in(facts.order.drug)
        if pct is not None:
            return facts.amount * pct * 10.0
    for strength in kb.strengths.get(facts.ingredient or "", ()):
        if strength.form != "*" and strength.form not in facts.text:
            continue
        if strength.unit == facts.base_unit and strength.amount_unit == target:
            return facts.amount * strength.amount
        if strength.unit == target and strength.amount_unit == facts.base_unit and strength.amount:
            return facts.amount / strength.amount
        if (strength.unit == "mmol" and facts.base_unit == "ml" and target == "mmol"):
            mg = amount_as(kb, facts, "mg")
            return mg / strength.amount if mg is not None and strength.amount else None
    return None


def patient_facts(kb: KnowledgeBase, patient: Patient, allergens: tuple[Allergen, ...]) -> PatientFacts:
    labs: dict[str, float] = {}
    lab_codes = {k.upper(): v for k, v in kb.vocab.get("lab_code", {}).items()}
    for i, lab in enumerate(patient.labs):
        code = lab.code.strip().upper()
        code = lab_codes.get(code, code)
        units = LAB_UNITS.get(code)
        if units is None:
            continue  # a lab the rules do not use
        spelled = normalize(lab.unit or "").replace(" ", "").replace("µ", "μ")
        if spelled not in units:
            raise CheckInputError(f"patient.labs[{i}].unit", f"unknown unit '{lab.unit}' for {code}")
        labs[code] = lab.value * units[spelled]
    facts = PatientFacts(patient=patient, labs=labs, allergens=allergens)
    facts.icd = tuple(d.icd10.upper().replace(".", "").strip() for d in patient.diagnoses if d.icd10)
    sexes = {k.upper(): v for k, v in kb.vocab.get("sex", {}).items()}
    facts.sex = sexes.get((patient.sex or "").strip().upper())
    facts.renal = _renal(patient, labs, facts.sex)
    if facts.renal is None:
        facts.renal_inferred = infer_renal(patient, kb.vocab)
        if facts.renal_inferred is not None:
            # The top of the band (CKD 4 = eGFR < 30): only rules certain for the whole band fire.
            facts.renal = facts.renal_inferred.below - 0.01
    facts.pregnancy = infer_pregnancy(patient, kb.vocab, facts.sex)
    facts.lactation = infer_lactation(patient, kb.vocab)
    facts.hepatic = _hepatic(kb, patient, facts.icd)
    alt = labs.get("ALT")
    facts.alt25 = alt is not None and alt > 2.5 * ALT_ULN
    facts.alt3 = alt is not None and alt > 3 * ALT_ULN
    facts.alt5 = alt is not None and alt > 5 * ALT_ULN
    return facts


def _renal(patient: Patient, labs: dict[str, float], sex: Optional[str]) -> Optional[float]:
    if patient.egfr is not None:
        return patient.egfr
    if patient.crcl is not None:
        return patient.crcl
    cr = labs.get("CR")
    age, weight = patient.age_years, patient.weight_kg
    if cr is None or cr <= 0 or age is None or weight is None or sex not in ("M", "F") or age < 18:
        return None
    crcl = (140 - age) * weight / (72 * (cr / 88.4))  # Cockcroft-Gault, creatinine in mg/dL
    return crcl * 0.85 if sex == "F" else crcl


def _hepatic(kb: KnowledgeBase, patient: Patient, icd: tuple[str, ...]) -> Optional[str]:
    child = (patient.child_pugh or "").strip().upper()[:1]
    if child == "C":
        return "severe"
    codes = kb.vocab.get("hepatic_icd", {})
    level: Optional[str] = "impairment" if child == "B" else None
    found = [severity for code in icd for prefix, severity in codes.items()
             if code.startswith(prefix.replace(".", ""))]
    # The diagnosis text often says more than its code: 肝硬化失代偿期, Child-Pugh C级.
    words = kb.vocab.get("hepatic_text", {})
    for diagnosis in patient.diagnoses:
        name = _squeeze(diagnosis.name or "")
        found += [severity for word, severity in words.items() if word and _squeeze(word) in name]
    if "severe" in found:
        return "severe"
    return "impairment" if found else level


def _squeeze(text: str) -> str:
    """Lower case without spaces or dashes: 'Child-Pugh C级' and 'child pugh c' compare equal."""
    return re.sub(r"[\s\-_–—/]+", "", normalize(text))


def route_ok(rule_routes: Optional[frozenset[str]], facts: OrderFacts) -> bool:
    """A rule limited to some routes applies when the order's route is one of them; an order
    without a known route only meets route-independent rules (never alert on the unknown)."""
    return rule_routes is None or (facts.route is not None and facts.route in rule_routes)


def fmt(value: float) -> str:
    return f"{value:.4g}"


def make_alert(kb: KnowledgeBase, facts: OrderFacts, category: str, severity: str, message_id: str,
               related: tuple[str, ...] = (), **params: object) -> Alert:
    params.setdefault("drug", facts.order.drug)
    return Alert(order=facts.index, category=category, severity=severity,
                 message=kb.text(message_id, **params), related=related)


def compare(value: float, op: str, limit: float) -> bool:
    if op == "<":
        return value < limit
    if op == "<=":
        return value <= limit
    if op == ">":
        return value > limit
    return value >= limit
