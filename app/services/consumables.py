"""附材 (issue 13): binding consumables to orders by the hospital's rules, and reading them.

Binding is materialized on the plan items (order_cons): when a day's plans are generated
(app/services/plan_cmds.py) every live plan item of the day gets what the active rules give its
order: per execution on each item, per day once per patient and consumable on the day's first
item of the orders it matches (two drips, one 留置针), per order on its first item.
bind_key makes it idempotent: two PCs generating the same day insert one set (the loser's
savepoint fails on the key, it reads again and adds the rest). A removed item keeps its key, so
binding again never brings it back. A 成组医嘱 (one drip of several drugs) binds on its first
member only.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Iterable, Optional

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from app.ids import new_id
from app.store.schema import (
    bed,
    cons_rule,
    consumable,
    drug,
    encounter,
    med_order,
    order_cons,
    order_exec_plan,
    patient,
    pharm_req,
    preq_cons,
    staff,
)

BOUND, REMOVED = "bound", "removed"
EXEC, DAY, ORDER = "exec", "day", "order"
PERS = (EXEC, DAY, ORDER)
ATTEMPTS = 3
CHUNK = 500


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _rules(conn: Connection) -> list[Any]:
    return list(conn.execute(
        select(cons_rule.c.id, cons_rule.c.route_code, cons_rule.c.category, cons_rule.c.item_id,
               cons_rule.c.drug_form, cons_rule.c.consumable_id, cons_rule.c.quantity,
               cons_rule.c.per, cons_rule.c.priority)
        .join(consumable, consumable.c.id == cons_rule.c.consumable_id)
        .where(cons_rule.c.is_active.is_(True)).where(consumable.c.is_active.is_(True))
        .order_by(cons_rule.c.priority, cons_rule.c.code)).all())


def matching_rules(order: Any, rules: list[Any]) -> list[Any]:
    """The rules an order gets: every field a rule sets must match; per consumable the rule of
    the lowest priority wins."""
    chosen: dict[str, Any] = {}
    for r in rules:
        if r.route_code and r.route_code != order.route_code:
            continue
        if r.category and r.category != order.category:
            continue
        if r.item_id and str(r.item_id) != str(order.item_id or ""):
            continue
        if r.drug_form and r.drug_form != order.form:
            continue
        chosen.setdefault(str(r.consumable_id), r)
    return list(chosen.values())


def _orders(conn: Connection, order_ids: list[str]) -> list[Any]:
    rows: list[Any] = []
    for part in _chunks(order_ids):
        rows += conn.execute(
            select(med_order.c.id, med_order.c.encounter_id, med_order.c.route_code, med_order.c.category,
                   med_order.c.item_id, med_order.c.group_id, med_order.c.group_seq, drug.c.form)
            .outerjoin(drug, drug.c.id == med_order.c.drug_id)
            .where(or_(med_order.c.id.in_(part), med_order.c.group_id.in_(
                select(med_order.c.group_id).where(med_order.c.id.in_(part))
                .where(med_order.c.group_id.is_not(None)))))).all()
    heads: dict[str, Any] = {}
    for r in rows:      # a group binds on its first member
        if r.group_id is None:
            heads[str(r.id)] = r
            continue
        key = f"g:{r.group_id}"
        if key not in heads or (r.group_seq or 0) < (heads[key].group_seq or 0):
            heads[key] = r
    wanted = set(order_ids)
    return [r for r in heads.values() if str(r.id) in wanted]


def _wanted(conn: Connection, order_ids: list[str], start: datetime, end: datetime,
            zone: timezone) -> dict[str, dict[str, Any]]:
    rules = _rules(conn)
    if not rules or not order_ids:
        return {}
    heads = _orders(conn, order_ids)
    orders = {str(o.id): matching_rules(o, rules) for o in heads}
    enc_of = {str(o.id): str(o.encounter_id) for o in heads}
    plans: dict[str, list[Any]] = defaultdict(list)
    for part in _chunks([oid for oid, rs in orders.items() if rs]):
        for p in conn.execute(select(order_exec_plan.c.id, order_exec_plan.c.order_id,
                                     order_exec_plan.c.planned_at)
                              .where(order_exec_plan.c.order_id.in_(part))
                              .where(order_exec_plan.c.status == "planned")
                              .where(and_(order_exec_plan.c.planned_at >= start,
                                          order_exec_plan.c.planned_at < end))):
            plans[str(p.order_id)].append(p)
    out: dict[str, dict[str, Any]] = {}
    daily: dict[str, tuple[Any, str, Any]] = {}     # key -> (first plan item, order, rule)
    for oid, its in plans.items():
        its.sort(key=lambda p: (p.planned_at, str(p.id)))
        first_of_day: dict[date, Any] = {}
        for p in its:
            first_of_day.setdefault(p.planned_at.astimezone(zone).date(), p)
        for r in orders[oid]:
            if r.per == EXEC:
                targets = [(f"{r.id}:{p.id}", p) for p in its]
            elif r.per == DAY:      # once a day per patient and consumable, whatever the orders
                for d, p in first_of_day.items():
                    key = f"day:{r.consumable_id}:{enc_of[oid]}:{d.isoformat()}"
                    if key not in daily or (p.planned_at, str(p.id)) < (daily[key][0].planned_at,
                                                                       str(daily[key][0].id)):
                        daily[key] = (p, oid, r)
                continue
            else:
                targets = [(f"{r.id}:{oid}", its[0])]
            for key, p in targets:
                out[key] = {"order_id": oid, "plan_id": str(p.id), "bind_key": key,
                            "rule_id": str(r.id), "consumable_id": str(r.consumable_id),
                            "quantity": Decimal(r.quantity), "per": r.per}
    for key, (p, oid, r) in daily.items():
        out[key] = {"order_id": oid, "plan_id": str(p.id), "bind_key": key, "rule_id": str(r.id),
                    "consumable_id": str(r.consumable_id), "quantity": Decimal(r.quantity), "per": r.per}
    return out


def bind(conn: Connection, now: datetime, order_ids: list[str], start: datetime, end: datetime,
         utc_offset_minutes: int) -> list[str]:
    """Bind what the rules give the orders' plan items in [start, end); returns the new rows' ids
    (none when another PC bound them already)."""
    zone = timezone(timedelta(minutes=utc_offset_minutes))
    made: list[str] = []
    for _attempt in range(ATTEMPTS):
        wanted = _wanted(conn, sorted(set(order_ids)), start, end, zone)
        have: set[str] = set()
        keys = sorted(wanted)
        for part in _chunks(keys):
            have |= {str(k) for k in conn.execute(
                select(order_cons.c.bind_key).where(order_cons.c.bind_key.in_(part))).scalars()}
        rows = [{"id": new_id(), **v, "status": BOUND, "version": 1, "created_at": now,
                 "updated_at": now} for k, v in sorted(wanted.items()) if k not in have]
        if not rows:
            return made
        try:
            with conn.begin_nested():
                conn.execute(insert(order_cons), rows)
        except IntegrityError:
            continue          # another PC bound some of them meanwhile: read again, add the rest
        return [r["id"] for r in rows]
    return made


@dataclass(frozen=True)
class BoundItem:
    id: str
    plan_id: str
    consumable_id: str
    name: str
    spec: str
    unit: str
    quantity: Decimal
    per: str
    status: str
    from_rule: bool
    reason: str
    version: int

    @property
    def label(self) -> str:
        q = self.quantity.normalize()
        return f"{self.name}{(' ' + self.spec) if self.spec else ''}×{q:f}"


def bound_items(conn: Connection, plan_ids: list[str],
                with_removed: bool = False) -> dict[str, list[BoundItem]]:
    """The consumables bound to these plan items, per plan item, in name order."""
    out: dict[str, list[BoundItem]] = defaultdict(list)
    for part in _chunks(sorted(set(plan_ids))):
        stmt = (select(order_cons.c.id, order_cons.c.plan_id, order_cons.c.consumable_id,
                       consumable.c.name, consumable.c.spec, consumable.c.unit, order_cons.c.quantity,
                       order_cons.c.per, order_cons.c.status, order_cons.c.rule_id,
                       order_cons.c.remove_reason, order_cons.c.add_reason, order_cons.c.version)
                .join(consumable, consumable.c.id == order_cons.c.consumable_id)
                .where(order_cons.c.plan_id.in_(part)))
        if not with_removed:
            stmt = stmt.where(order_cons.c.status == BOUND)
        for r in conn.execute(stmt):
            out[str(r.plan_id)].append(BoundItem(
                str(r.id), str(r.plan_id), str(r.consumable_id), r.name, r.spec or "", r.unit,
                Decimal(r.quantity), r.per, r.status, r.rule_id is not None,
                (r.remove_reason if r.status == REMOVED else r.add_reason) or "", int(r.version)))
    for items in out.values():
        items.sort(key=lambda b: (b.status != BOUND, b.name, b.spec, b.id))
    return dict(out)


@dataclass(frozen=True)
class ConsumableEntry:
    id: str
    code: str
    name: str
    spec: str
    unit: str


def consumable_list(conn: Connection) -> list[ConsumableEntry]:
    return [ConsumableEntry(str(r.id), r.code, r.name, r.spec or "", r.unit) for r in conn.execute(
        select(consumable.c.id, consumable.c.code, consumable.c.name, consumable.c.spec,
               consumable.c.unit).where(consumable.c.is_active.is_(True)).order_by(consumable.c.code))]


def find_consumable(conn: Connection, code: str) -> Optional[str]:
    found = conn.execute(select(consumable.c.id).where(consumable.c.code == code)).scalar()
    return None if found is None else str(found)


@dataclass(frozen=True)
class ConsLine:
    """A request's 附材 line, shaped like pharmacy.PharmLine (kind "consumable")."""
    req_id: str
    kind: str
    status: str
    sent_at: datetime
    sent_by_name: str
    bed_no: str
    patient_name: str
    mrn: str
    content: str          # 一次性输液器 带针
    doses: int            # bound items covered
    quantity: Decimal
    unit: str


def request_consumables(conn: Connection, ward_id: str, since: datetime) -> list[ConsLine]:
    """The 附材 lines of the ward's requests since `since` (one query), newest request first."""
    rows = conn.execute(
        select(pharm_req.c.id, pharm_req.c.status, pharm_req.c.sent_at, staff.c.full_name, bed.c.bed_no,
               bed.c.sort_key, patient.c.name, patient.c.mrn, consumable.c.name.label("cname"),
               consumable.c.spec, consumable.c.code, preq_cons.c.n_items, preq_cons.c.quantity,
               preq_cons.c.unit)
        .join(preq_cons, preq_cons.c.req_id == pharm_req.c.id)
        .join(staff, staff.c.id == pharm_req.c.sent_by)
        .join(consumable, consumable.c.id == preq_cons.c.consumable_id)
        .join(encounter, encounter.c.id == preq_cons.c.encounter_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .where(pharm_req.c.ward_id == ward_id).where(pharm_req.c.sent_at >= since)).all()
    ordered = sorted(rows, key=lambda r: (-r.sent_at.timestamp(), str(r.id), r.sort_key or 0, r.code))
    return [ConsLine(str(r.id), "consumable", r.status, r.sent_at, r.full_name, r.bed_no or "", r.name,
                     r.mrn, f"{r.cname} {r.spec}" if r.spec else r.cname, int(r.n_items),
                     Decimal(r.quantity), r.unit) for r in ordered]
