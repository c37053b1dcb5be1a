"""Dose (single, daily, per kg, frequency), route and infusion-concentration checks.

Limits come from dose_limits.csv in one base unit (mg, IU, mmol, ml); the order's dose is
converted through the unit table, the w/v percentage in the product name, or strengths.csv.
An overdose of at least twice the limit is treated as a slip (10-fold, mg/g) and is high; so is
any dose over a 中国药典 极量 (the legal maximum: 处方管理办法 asks the prescriber to state the reason
and sign again, which is what a high alert asks for).
"""
from __future__ import annotations

from typing import Optional

from app.checks.context import OrderFacts, PatientFacts, amount_as, fmt, make_alert, route_ok
from app.checks.identity import normalize, percent_in
from app.checks.kb import DoseLimit, KnowledgeBase
from app.checks.model import SEVERITY_RANK, Alert

ADULT_AGE = 18.0
ELDERLY_FROM = {"elderly": 65.0, "elderly80": 80.0}  # dose_limits populations by age (years)
SLIP_RATIO = 2.0
UNIT_LABEL = {"mg": "mg", "IU": "IU", "mmol": "mmol", "ml": "ml", "amp": "瓶(支)"}


def _severity(ratio: float, limit: DoseLimit) -> str:
    return "high" if ratio >= SLIP_RATIO or limit.legal_max else "moderate"


def _applicable(limits: list[DoseLimit], o: OrderFacts, pt: PatientFacts) -> list[DoseLimit]:
    age = pt.age
    child = age is not None and age < ADULT_AGE
    out = []
    for limit in limits:
        if limit.routes is not None and (o.route is None or o.route not in limit.routes):
            continue
        if limit.population == "child" and not child:
            continue
        if limit.population in ELDERLY_FROM and (age is None or age < ELDERLY_FROM[limit.population]):
            continue
        if limit.per_kg and pt.patient.weight_kg is None:
            continue
        if limit.form:
            wanted = not limit.form.startswith("!")
            if (limit.form.lstrip("!") in o.text) != wanted:
                continue
        out.append(limit)
    return out


def check_dose(kb: KnowledgeBase, pt: PatientFacts, o: OrderFacts,
               same_drug: list[OrderFacts]) -> list[Alert]:
    if o.ingredient is None:
        return []
    if o.order.dose is None or (o.unit is None and not o.order.unit):
        # Nothing passes silently: a drug ordered without a dose or unit was not dose-checked.
        return [make_alert(kb, o, "unchecked", "low", "unchecked.no_dose", (o.name,), name=o.name)]
    if o.unit is None:
        return []
    every_limit = kb.dose_limits.get(o.ingredient, [])
    limits = _applicable(every_limit, o, pt)
    missing_weight = _weight_missing(kb, every_limit, o, pt)
    if not limits:
        return missing_weight
    weight = pt.patient.weight_kg or 0.0
    child = pt.age is not None and pt.age < ADULT_AGE
    single_alert: Optional[Alert] = None
    daily_alert: Optional[Alert] = None
    converted = False

    def keep(current: Optional[Alert], new: Alert) -> Alert:
        if current is None or SEVERITY_RANK[new.severity] > SEVERITY_RANK[current.severity]:
            return new
        return current

    for limit in limits:
        amount = amount_as(kb, o, limit.base_unit)
        if amount is None:
            continue
        converted = True
        scale = weight if limit.per_kg else 1.0
        unit = UNIT_LABEL[limit.base_unit]
        basis = kb.text("dose.basis_kg" if limit.per_kg else "dose.basis_" + limit.population,
                        weight=fmt(weight))
        if limit.single_max is not None and amount > limit.single_max * scale * 1.0001:
            ratio = amount / (limit.single_max * scale)
            single_alert = keep(single_alert, make_alert(
                kb, o, "dose_single", _severity(ratio, limit), "dose.single_over", (o.name,), name=o.name,
                dose=fmt(amount) + unit, limit=fmt(limit.single_max * scale) + unit, basis=basis))
        adult_floor_for_child = child and limit.population == "adult"
        if (limit.plausible_min is not None and not adult_floor_for_child
                and amount < limit.plausible_min * scale * 0.9999):
            floor = limit.plausible_min * scale
            # Far below any real dose (a mg/g or μg/mg slip): stop; merely low: warn.
            severity = "high" if amount * SLIP_RATIO * 5 < floor else "moderate"
            single_alert = keep(single_alert, make_alert(
                kb, o, "dose_single", severity, "dose.single_low", (o.name,), name=o.name,
                dose=fmt(amount) + unit, limit=fmt(limit.plausible_min * scale) + unit))
        if limit.daily_max is not None and o.per_day is not None:
            total = amount * o.per_day
            for other in same_drug:
                if other.per_day is None or not (limit.routes is None or other.route in limit.routes):
                    continue
                other_amount = amount_as(kb, other, limit.base_unit)
                if other_amount is not None:
                    total += other_amount * other.per_day
            cap = limit.daily_max * scale
            if total > cap * 1.0001:
                daily_alert = keep(daily_alert, make_alert(
                    kb, o, "dose_daily", _severity(total / cap, limit), "dose.daily_over", (o.name,),
                    name=o.name, dose=fmt(total) + unit, limit=fmt(cap) + unit, basis=basis))
    alerts = [a for a in (single_alert, daily_alert) if a is not None] + missing_weight
    if not converted:
        alerts.append(make_alert(kb, o, "unchecked", "low", "unchecked.dose", (o.name,), name=o.name,
                                 unit=o.order.unit or ""))
    return alerts


def _weight_missing(kb: KnowledgeBase, limits: list[DoseLimit], o: OrderFacts,
                    pt: PatientFacts) -> list[Alert]:
    """A child's dose is set per kg: without a weight it cannot be checked, which the doctor is
    told (unchecked, low: FORMAT.md's category for what the checker could not verify; an unknown
    weight never invents a dose alert). An adult drug dosed only per kg: the same."""
    if pt.patient.weight_kg is not None or pt.age is None:
        return []
    child = pt.age < ADULT_AGE
    per_kg = [limit for limit in limits if limit.per_kg
              and (limit.routes is None or (o.route is not None and o.route in limit.routes))
              and (limit.population != "child" or child)]
    if not per_kg:
        return []
    if child:
        return [make_alert(kb, o, "unchecked", "low", "dose.weight_missing", (o.name,), name=o.name)]
    absolute = [limit for limit in limits if not limit.per_kg and limit.population != "child"]
    if absolute:
        return []
    return [make_alert(kb, o, "unchecked", "low", "unchecked.weight", (o.name,), name=o.name)]


def check_frequency(kb: KnowledgeBase, o: OrderFacts) -> list[Alert]:
    if o.freq is None:
        return []
    alerts = []
    for rule in kb.rules_for("frequency_rules", o.tokens):
        if rule.drug in o.tokens and route_ok(rule.routes, o) and o.freq not in rule.extra.split("|"):
            alerts.append(make_alert(kb, o, "dose_daily", rule.severity, "dose.frequency", (o.name,),
                                     name=o.name, message=rule.message))
    return alerts[:1]


def check_route(kb: KnowledgeBase, o: OrderFacts) -> list[Alert]:
    if o.route is None or o.ingredient is None:
        return []
    rules = [r for r in kb.rules_for("routes", o.tokens) if r.drug in o.tokens]
    explicit: Optional[Alert] = None
    allowed_extra: set[str] = set()
    for rule in rules:
        routes = rule.routes or frozenset()
        verdict = rule.extra
        if verdict == "allow":
            allowed_extra |= routes
            continue
        hit = o.route in routes if verdict == "forbid" else o.route not in routes
        if hit and (explicit is None or SEVERITY_RANK[rule.severity] > SEVERITY_RANK[explicit.severity]):
            explicit = make_alert(kb, o, "route", rule.severity, "route.rule", (o.name,), name=o.name,
                                  message=rule.message, route=o.order.route or "")
        if verdict == "only" and not hit:
            allowed_extra |= routes
    if explicit is not None:
        return [explicit]
    if o.route in allowed_extra:
        return []
    allowed = _form_routes(kb, o)
    if allowed is None or o.route in allowed:
        return []
    severity = _mismatch_severity(kb, o.route, allowed)
    return [make_alert(kb, o, "route", severity, "route.form", (o.name,), name=o.name,
                       route=o.order.route or "")]


def _form_routes(kb: KnowledgeBase, o: OrderFacts) -> Optional[set[str]]:
    """Routes the named product (or, for a bare generic, any of its forms) can be given by."""
    keywords = kb.form_routes()
    found: set[str] = set()
    for keyword, routes in keywords:
        if keyword in o.text:
            found |= routes
    if found:
        return found
    drug = kb.drugs.get(o.ingredient or "")
    if drug is None:
        return None
    for form in drug.forms:
        form_text = normalize(form)
        for keyword, routes in keywords:
            if keyword in form_text:
                found |= routes
    return found or None


def _mismatch_severity(kb: KnowledgeBase, route: str, allowed: set[str]) -> str:
    parenteral = kb.route_set("parenteral") | {"it"}
    if route in parenteral:
        return "high"  # a tablet, cream or inhalation product cannot be injected; intrathecal kills
    return "moderate" if route in kb.route_set("oral") and not allowed & kb.route_set("oral") else "low"


def check_concentration(kb: KnowledgeBase, o: OrderFacts, group: list[OrderFacts]) -> list[Alert]:
    """Peripheral infusion concentration (e.g. KCl <= 0.3%) over the whole bag of one group."""
    if o.ingredient is None:
        return []
    limits = kb.vocab.get("max_conc", {}).get(o.ingredient)
    if not limits or o.route not in kb.route_set("infusion"):
        return []
    warn, stop = (float(x) for x in limits.split("|"))
    if len(group) < 2:
        # Alone in its bag: the concentration is the one printed on the product, if any.
        pct_named = percent_in(o.order.drug)
        if pct_named is None:
            return []
        pct = pct_named
    else:
        mg = amount_as(kb, o, "mg")
        volume = sum(m.amount or 0.0 for m in group if m.base_unit == "ml")
        if mg is None or volume <= 0:
            return []
        pct = mg / volume / 10.0
    if pct <= warn * 1.0001:
        return []
    severity = "high" if pct > stop else "moderate"
    return [make_alert(kb, o, "route", severity, "route.concentration", (o.name,), name=o.name,
                       pct=f"{pct:.2f}", limit=fmt(warn))]
