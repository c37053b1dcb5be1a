"""Checks against the patient: renal, hepatic, age, pregnancy, lactation, diagnoses and labs.

Each rule fires only on a known fact: an unknown eGFR, age or pregnancy status never alerts.
Rules with a daily-dose threshold fire only when the order's daily dose is known and above it.
"""
from __future__ import annotations

from typing import Optional

from app.checks.context import (
    OrderFacts,
    PatientFacts,
    amount_as,
    compare,
    fmt,
    make_alert,
    route_ok,
)
from app.checks.kb import KnowledgeBase, Rule
from app.checks.model import SEVERITY_RANK, Alert


def _daily(kb: KnowledgeBase, o: OrderFacts, rule: Rule) -> Optional[float]:
    base = rule.unit[:-3] if rule.unit.endswith("/kg") else rule.unit
    unit = base if base in ("IU", "mmol") else "mg"
    amount = amount_as(kb, o, unit)
    if amount is None or o.per_day is None:
        return None
    return amount * o.per_day


def _over_limit(kb: KnowledgeBase, o: OrderFacts, rule: Rule, weight: Optional[float]) -> bool:
    """A band's daily maximum, absolute or per kg (依诺肝素 CrCl<30: 1 mg/kg a day). Per kg
    without a weight: the adjustment cannot be verified, so the rule fires as if none had a cap."""
    if rule.limit is None:
        return True
    limit = rule.limit
    if rule.unit.endswith("/kg"):
        if not weight:
            return True
        limit *= weight
    daily = _daily(kb, o, rule)
    return daily is not None and daily > limit * 1.0001


def _best(alerts: list[Alert]) -> list[Alert]:
    if not alerts:
        return []
    return [max(alerts, key=lambda a: SEVERITY_RANK[a.severity])]


def _matching(kb: KnowledgeBase, table: str, o: OrderFacts) -> list[Rule]:
    return [r for r in kb.rules_for(table, o.tokens) if r.drug in o.tokens]


def check_patient(kb: KnowledgeBase, pt: PatientFacts, o: OrderFacts) -> list[Alert]:
    alerts: list[Alert] = []
    p = pt.patient
    if pt.renal is not None:
        inferred = pt.renal_inferred
        renal_id, renal_text = "renal", fmt(pt.renal)
        if inferred is not None:  # no eGFR, CrCl or creatinine: the CKD stage of a diagnosis
            renal_id, renal_text = "renal.diagnosis", fmt(inferred.below)
        alerts += _best([
            make_alert(kb, o, "renal", r.severity, renal_id, (o.name,), name=o.name,
                       renal=renal_text, diagnosis=inferred.evidence if inferred else "",
                       message=r.message)
            for r in _matching(kb, "renal", o)
            if route_ok(r.routes, o) and (r.low or 0.0) <= pt.renal < (r.high or 0.0)
            and _over_limit(kb, o, r, p.weight_kg)])
    if pt.hepatic is not None or pt.alt25 or pt.alt3 or pt.alt5:
        alerts += _best([
            make_alert(kb, o, "hepatic", r.severity, "hepatic", (o.name,), name=o.name, message=r.message)
            for r in _matching(kb, "hepatic", o)
            if _hepatic_applies(pt, r.extra) and _over_limit(kb, o, r, p.weight_kg)])
    if p.age_years is not None:
        age = p.age_years
        alerts += _best([
            make_alert(kb, o, "age", r.severity, "age", (o.name,), name=o.name, age=_age_text(kb, age),
                       message=r.message)
            for r in _matching(kb, "age", o)
            if route_ok(r.routes, o) and (r.low is None or age >= r.low)
            and (r.high is None or age < r.high)])
    if pt.pregnancy is not None:
        trimesters = pt.pregnancy.trimesters
        alerts += _best([
            make_alert(kb, o, "pregnancy", r.severity, "pregnancy", (o.name,), name=o.name,
                       message=r.message, fda=r.extra)
            for r in _matching(kb, "pregnancy", o) if route_ok(r.routes, o)
            and (r.trimesters is None or r.trimesters & trimesters)])
    if pt.lactation is not None:
        alerts += _best([
            make_alert(kb, o, "lactation", r.severity, "lactation", (o.name,), name=o.name,
                       message=r.message)
            for r in _matching(kb, "lactation", o)])
    if pt.icd:
        alerts += _diseases(kb, pt, o)
    if pt.labs:
        alerts += _best([
            make_alert(kb, o, "lab", r.severity, "lab", (r.extra,), name=o.name, lab=r.extra,
                       value=fmt(pt.labs[r.extra]), message=r.message)
            for r in _matching(kb, "labs", o)
            if r.extra in pt.labs and route_ok(r.routes, o) and r.limit is not None
            and compare(pt.labs[r.extra], r.op, r.limit)])
    return alerts


def _hepatic_applies(pt: PatientFacts, condition: str) -> bool:
    if condition == "alt2.5":
        return pt.alt25
    if condition == "alt3":
        return pt.alt3
    if condition == "alt5":
        return pt.alt5
    if condition == "severe":
        return pt.hepatic == "severe"
    return pt.hepatic in ("impairment", "severe")


def _age_text(kb: KnowledgeBase, age: float) -> str:
    if age < 1:
        return kb.text("age.months", months=fmt(round(age * 12, 1)))
    return kb.text("age.years", years=fmt(round(age, 1)))


def _diseases(kb: KnowledgeBase, pt: PatientFacts, o: OrderFacts) -> list[Alert]:
    out: list[Alert] = []
    diagnoses = [d for d in pt.patient.diagnoses if d.icd10]
    for rule in _matching(kb, "drug_disease", o):
        prefixes = [c.replace(".", "") for c in rule.extra.split("|")]
        for diagnosis, code in zip(diagnoses, pt.icd):
            if any(code.startswith(prefix) for prefix in prefixes):
                out.append(make_alert(kb, o, "drug_disease", rule.severity, "drug_disease",
                                      (diagnosis.icd10 or "",), name=o.name,
                                      diagnosis=diagnosis.name or diagnosis.icd10 or "",
                                      message=rule.message))
                break
    # One alert per diagnosis: the most severe rule.
    by_dx: dict[tuple[str, ...], Alert] = {}
    for alert in out:
        current = by_dx.get(alert.related)
        if current is None or SEVERITY_RANK[alert.severity] > SEVERITY_RANK[current.severity]:
            by_dx[alert.related] = alert
    return list(by_dx.values())
