"""check_orders: the one entry point the CLI and the doctor workstation share.

The knowledge base is loaded once per process (cached); checking is pure Python over frozen
inputs, so the call is safe from any thread and needs no database. A request beyond the input
limits (app.checks.model) raises CheckInputError before any rule runs.

The pair rules only meet the orders that can match: those sharing an identity token with the new
order (duplicates, classes), holding a token an interaction rule pairs with it, or in its infusion
group (for a neonate, also a partner of an iv_compat rule that holds across lines), looked up
in per-request indexes and taken in request order. Every other pair yields no
alert (rules_pairs.check_pair needs a shared token, an interaction partner or a shared group), so
the alerts are those of checking every pair, at a fraction of the cost for a long order list.
"""
from __future__ import annotations

from typing import Iterable, Optional

from app.checks.context import OrderFacts, make_alert, order_facts, patient_facts
from app.checks.kb import KnowledgeBase, default_kb
from app.checks.model import SEVERITY_RANK, Alert, CheckRequest, Order, validate_request
from app.checks.rules_allergy import check_allergy, check_skin_test, resolve_allergens
from app.checks.rules_dose import check_concentration, check_dose, check_frequency, check_route
from app.checks.rules_pairs import check_pair, interaction_partners, neonate
from app.checks.rules_patient import check_patient


def check_orders(request: CheckRequest, kb: Optional[KnowledgeBase] = None) -> list[Alert]:
    """Alerts for the new orders, most severe first within each order, one per finding."""
    validate_request(request)
    kb = kb or default_kb()
    pt = patient_facts(kb, request.patient, resolve_allergens(kb, request.patient))
    active = [order_facts(kb, o, -1, False) for o in request.active_orders]
    new = [order_facts(kb, o, i, True) for i, o in enumerate(request.new_orders)]
    everything = active + new
    index = _Index(everything)
    # Only skin-test results matter to check_skin_test's look at the other orders.
    tested = [x for x in everything if x.order.skin_test in ("positive", "negative")]
    alerts: list[Alert] = []
    for o in new:
        alerts += _unchecked(kb, o)
        if o.ingredient is None:
            continue
        position = len(active) + o.index  # o's place in `everything`: earlier orders come before
        alerts += check_allergy(kb, pt, o)
        alerts += check_skin_test(kb, o, [x for x in tested if x is not o])
        same_drug = [x for x in index.orders(index.by_ingredient.get(o.ingredient, ()))
                     if x is not o and _counts_together(x, o)]
        alerts += check_dose(kb, pt, o, same_drug)
        alerts += check_frequency(kb, o)
        alerts += check_route(kb, o)
        group = [o]
        if o.order.group is not None:
            group = index.orders(index.by_group.get(o.order.group, ()))
        alerts += check_concentration(kb, o, group)
        o_interactions = kb.rules_for("interactions", o.tokens)
        partners = interaction_partners(o, o_interactions)
        if neonate(pt):                         # pairs that hold across separate lines too
            partners |= interaction_partners(o, [r for r in kb.rules_for("iv_compat", o.tokens)
                                                 if r.extra == "neonate_any"])
        met: set[Order] = set()  # check_pair reads only p's order: a repeat adds the same alerts
        for p in index.orders(index.pair_candidates(o, partners, position)):
            if p.ingredient is not None and p.order not in met:
                met.add(p.order)
                alerts += check_pair(kb, pt, o, p, o_interactions)
        alerts += check_patient(kb, pt, o)
    return _dedupe(alerts)


class _Index:
    """Positions in the request's order list by identity token, ingredient and infusion group."""

    def __init__(self, everything: list[OrderFacts]) -> None:
        self.everything = everything
        self.by_token: dict[str, list[int]] = {}
        self.by_ingredient: dict[str, list[int]] = {}
        self.by_group: dict[str, list[int]] = {}
        for position, facts in enumerate(everything):
            for token in facts.tokens:
                self.by_token.setdefault(token, []).append(position)
            if facts.ingredient is not None:
                self.by_ingredient.setdefault(facts.ingredient, []).append(position)
            if facts.order.group is not None:
                self.by_group.setdefault(facts.order.group, []).append(position)

    def orders(self, positions: Iterable[int]) -> list[OrderFacts]:
        return [self.everything[i] for i in positions]

    def pair_candidates(self, o: OrderFacts, partners: frozenset[str], before: int) -> list[int]:
        """Positions before `before` that share a token or group with o or hold a partner token,
        in request order (the order check_pair saw them in when every pair was checked)."""
        found: set[int] = set()
        for token in o.tokens | partners:
            found.update(self.by_token.get(token, ()))
        if o.order.group is not None:
            found.update(self.by_group.get(o.order.group, ()))
        return sorted(i for i in found if i < before)


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
