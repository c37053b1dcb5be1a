"""Checks between two orders: duplicate ingredient, therapeutic duplication by class, drug-drug
interaction (optionally escalated by a lab value), and incompatibility within one infusion group
(for a neonate, some pairs in separate intravenous lines as well).

Every pair is reported once, on the new order (the later one when both are new). One-off and
as-needed orders beside a scheduled one are deliberate far more often than not, so duplication
involving them is only information.
"""
from __future__ import annotations

from app.checks.context import OrderFacts, PatientFacts, compare, fmt, make_alert
from app.checks.kb import KnowledgeBase, Rule
from app.checks.model import Alert

OCCASIONAL = ("prn", "st", "once")


def _ingredients(o: OrderFacts) -> frozenset[str]:
    return o.ingredients


def _exempt(kb: KnowledgeBase, shared: frozenset[str], o: OrderFacts, p: OrderFacts) -> bool:
    """Vehicles (saline, glucose) are in many bags; some additives (KCl) are split over several
    infusions on purpose: their daily total is checked instead."""
    vehicles = kb.groups.get("vehicles", frozenset())
    if shared <= vehicles:
        return True
    infusion = kb.route_set("infusion")
    split = kb.groups.get("duplicate_exempt", frozenset()) | vehicles
    return shared <= split and o.route in infusion and p.route in infusion


def _occasional(kb: KnowledgeBase, shared: frozenset[str], o: OrderFacts, p: OrderFacts) -> bool:
    """An extra one-off/as-needed order beside a scheduled one is usually deliberate (breakthrough
    opioid, first dose now); an as-needed dose on top of scheduled paracetamol or an NSAID adds up
    to a toxic daily total, so it stays a warning."""
    if o.freq not in OCCASIONAL and p.freq not in OCCASIONAL:
        return False
    cumulative = kb.groups.get("duplicate_prn_cumulative", frozenset())
    prn_on_scheduled = "prn" in (o.freq, p.freq) and not {o.freq, p.freq} <= set(OCCASIONAL)
    return not (prn_on_scheduled and shared & cumulative)


def interaction_partners(o: OrderFacts, o_interactions: list[Rule]) -> frozenset[str]:
    """The tokens another order must hold for one of o's interaction rules to match the pair:
    `_interactions` matches rule.drug in o and rule.other in p, or the other way round."""
    partners: set[str] = set()
    for rule in o_interactions:
        if rule.drug in o.tokens:
            partners.add(rule.other)
        if rule.other in o.tokens:
            partners.add(rule.drug)
    return frozenset(partners)


def check_pair(kb: KnowledgeBase, pt: PatientFacts, o: OrderFacts, p: OrderFacts,
               o_interactions: list[Rule]) -> list[Alert]:
    """`o_interactions`: the interaction rules touching o, looked up once per new order."""
    alerts: list[Alert] = []
    shared = _ingredients(o) & _ingredients(p)
    if shared and not _exempt(kb, shared, o, p):
        severity = "low" if _occasional(kb, shared, o, p) else "moderate"
        alerts.append(make_alert(kb, o, "duplicate", severity, "duplicate", (p.order.drug,),
                                 name=o.name, other=p.order.drug))
    elif not shared:
        alerts.extend(_therapeutic(kb, o, p))
    if not shared and o_interactions:
        alerts.extend(_interactions(kb, pt, o, p, o_interactions))
    # FORMAT.md: orders (active or new) with the same non-null group value are one bag.
    if o.order.group is not None and o.order.group == p.order.group:
        alerts.extend(_iv(kb, o, p))
    elif neonate(pt) and {o.route, p.route} <= kb.route_set("intravenous"):
        alerts.extend(_iv(kb, o, p, lines="neonate_any"))
    return alerts


NEONATE_YEARS = 28 / 365.25


def neonate(pt: PatientFacts) -> bool:
    age = pt.patient.age_years
    return age is not None and age <= NEONATE_YEARS


def _therapeutic(kb: KnowledgeBase, o: OrderFacts, p: OrderFacts) -> list[Alert]:
    common = o.tokens & p.tokens
    if not common:
        return []
    best: list[Alert] = []
    for rule in kb.tables["duplication"]:
        if rule.drug in common:
            severity = "low" if _occasional(kb, frozenset(), o, p) else rule.severity
            alert = make_alert(kb, o, "therapeutic_duplication", severity, "therapeutic_duplication",
                               (p.order.drug,), name=o.name, other=p.name,
                               label=kb.label(rule.drug), message=rule.message)
            if not best or _rank(alert) > _rank(best[0]):
                best = [alert]
    return best


def _rank(alert: Alert) -> int:
    return {"high": 3, "moderate": 2, "low": 1}[alert.severity]


def _interactions(kb: KnowledgeBase, pt: PatientFacts, o: OrderFacts, p: OrderFacts,
                  rules: list[Rule]) -> list[Alert]:
    best: list[Alert] = []
    for rule in rules:
        forward = rule.drug in o.tokens and rule.other in p.tokens
        backward = rule.other in o.tokens and rule.drug in p.tokens
        if not (forward or backward):
            continue
        severity, message_id, extra = rule.severity, "drug_drug", {}
        value = pt.labs.get(rule.extra) if rule.extra else None
        if value is not None and rule.limit is not None and compare(value, rule.op, rule.limit):
            severity, message_id = rule.severity_alt, "drug_drug.lab"
            extra = {"lab": rule.extra, "value": fmt(value)}
        alert = make_alert(kb, o, "drug_drug", severity, message_id, (p.order.drug,), name=o.name,
                           other=p.name, message=rule.message, **extra)
        if not best or _rank(alert) > _rank(best[0]):
            best = [alert]
    return best


def _iv(kb: KnowledgeBase, o: OrderFacts, p: OrderFacts, lines: str = "") -> list[Alert]:
    """Incompatibility of two orders in one infusion group; with `lines`, only the rules that
    hold across separate lines for this patient (iv_compat `lines`)."""
    vehicles = kb.groups.get("vehicles", frozenset())
    best: list[Alert] = []
    for rule in kb.rules_for("iv_compat", o.tokens | p.tokens):
        if lines and rule.extra != lines:
            continue
        for first, second in ((o, p), (p, o)):
            if rule.drug not in first.tokens:
                continue
            if rule.other == "*":
                hit = second.ingredient is not None and second.ingredient not in vehicles
            else:
                hit = rule.other in second.tokens
            if hit:
                alert = make_alert(kb, o, "iv_compatibility", rule.severity, "iv.lines" if lines else "iv",
                                   (p.order.drug,),
                                   name=o.name, other=p.name, message=rule.message)
                if not best or _rank(alert) > _rank(best[0]):
                    best = [alert]
    return best

