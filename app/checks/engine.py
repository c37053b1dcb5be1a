"""check_orders: the one entry point the CLI and the doctor workstation share.

The knowledge base is loaded once per process (cached); checking is pure Python over frozen
inputs, so the call is safe from any thread and needs no database.
"""
from __future__ import annotations

from typing import Optional

from app.checks.context import OrderFacts, make_alert, order_facts, patient_facts
from app.checks.kb import KnowledgeBase, default_kb
from app.checks.model import SEVERITY_RANK, Alert, CheckRequest
from app.checks.rules_allergy import check_allergy, check_skin_test, resolve_allergens
from app.checks.rules_dose import check_concentration, check_dose, check_frequency, check_route
from app.checks.rules_pairs import check_pair
from app.checks.rules_patient import check_patient


def check_orders(request: CheckRequest, kb: Optional[KnowledgeBase] = None) -> list[Alert]:
    """Alerts for the new orders, most severe first within each order, one per finding."""
    kb = kb or default_kb()
    pt = patient_facts(kb, request.patient, resolve_allergens(kb, request.patient))
    active = [order_facts(kb, o, -1, False) for o in request.active_orders]
    new = [order_facts(kb, o, i, True) for i, o in enumerate(request.new_orders)]
    everything = active + new
    alerts: list[Alert] = []
    for o in new:
        alerts += _unchecked(kb, o)
        if o.ingredient is None:
            continue
        earlier = active + new[: o.index]
        others = [x for x in everything if x is not o]
        alerts += check_allergy(kb, pt, o)
        alerts += check_skin_test(kb, o, others)
        same_drug = [x for x in others if x.ingredient == o.ingredient and _counts_together(x, o)]
        alerts += check_dose(kb, pt, o, same_drug)
        alerts += check_frequency(kb, o)
        alerts += check_route(kb, o)
        group = [o]
        if o.order.group is not None:
            group = [x for x in everything if x.order.group == o.order.group]
        alerts += check_concentration(kb, o, group)
        o_interactions = kb.rules_for("interactions", o.tokens)
        for p in earlier:
            if p.ingredient is not None:
                alerts += check_pair(kb, pt, o, p, o_interactions)
        alerts += check_patient(kb, pt, o)
    return _dedupe(alerts)


def _counts_together(other: OrderFacts, o: OrderFacts) -> bool:
    """Doses of the same drug that add up to one daily total: new orders listed before this one
    and active orders; a later new order adds its own total."""
    return not other.is_new or other.index < o.index


def _unchecked(kb: KnowledgeBase, o: OrderFacts) -> list[Alert]:
    out: list[Alert] = []
    if o.ingredient is None:
        out.append(make_alert(kb, o, "unchecked", "low", "unchecked.drug", (o.order.drug,)))
    if o.order.unit and o.unit is None:
        out.append(make_alert(kb, o, "unchecked", "low", "unchecked.unit", (o.order.unit,),
                              unit=o.order.unit))
    if o.order.route and o.route is None:
        out.append(make_alert(kb, o, "unchecked", "low", "unchecked.route", (o.order.route,),
                              route=o.order.route))
    if o.order.frequency and o.freq is None:
        out.append(make_alert(kb, o, "unchecked", "low", "unchecked.frequency", (o.order.frequency,),
                              frequency=o.order.frequency))
    return out


def _dedupe(alerts: list[Alert]) -> list[Alert]:
    best: dict[tuple[int, str, tuple[str, ...]], Alert] = {}
    for alert in alerts:
        key = (alert.order, alert.category, alert.related)
        current = best.get(key)
        if current is None or SEVERITY_RANK[alert.severity] > SEVERITY_RANK[current.severity]:
            best[key] = alert
    return sorted(best.values(), key=lambda a: (a.order, -SEVERITY_RANK[a.severity], a.category))
