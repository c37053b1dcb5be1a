"""附材 writes (issue 13): a nurse adds a consumable to an execution item (reason optional) or
removes one (reason required; a status, never a DELETE), and the hospital's binding rules are
added, edited and retired as data. Each is versioned and audited, and runs offline on the
replica like every command (the tables are in app/offline/replica.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from sqlalchemy import insert, select

from app.domain import roles
from app.errors import ValidationError
from app.ids import new_id
from app.services import consumables as cs
from app.services.audit import AuditEntry
from app.services.changes import CONSUMABLE, Changes
from app.services.commands import Command, register
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import (
    cons_rule,
    consumable,
    encounter,
    med_order,
    order_cons,
    order_exec_plan,
    order_item,
    route,
)

REASON_MAX = 100
CATEGORIES = ("drug", "lab", "exam", "treatment", "nursing", "diet", "surgery", "other")


@dataclass(frozen=True)
class AddConsumable(Command):
    plan_id: str
    consumable_id: str
    quantity: Decimal = Decimal(1)
    reason: Optional[str] = None


@dataclass(frozen=True)
class RemoveConsumable(Command):
    bound_id: str
    base_version: int
    reason: str


@dataclass(frozen=True)
class SaveConsumableRule(Command):
    """Add (rule_id None) or edit a binding rule; empty match fields mean "any"."""
    code: str
    consumable_code: str
    quantity: Decimal
    per: str
    route_code: Optional[str] = None
    category: Optional[str] = None
    item_code: Optional[str] = None
    drug_form: Optional[str] = None
    priority: int = 100
    rule_id: Optional[str] = None
    base_version: int = 0


@dataclass(frozen=True)
class RetireConsumableRule(Command):
    rule_id: str
    base_version: int


for _t in (AddConsumable, RemoveConsumable, SaveConsumableRule, RetireConsumableRule):
    register(_t)


def _patient_of_plan(uow: UnitOfWork, plan_id: str) -> tuple[str, str]:
    row = uow.conn.execute(select(med_order.c.id, encounter.c.patient_id)
                           .join(med_order, med_order.c.id == order_exec_plan.c.order_id)
                           .join(encounter, encounter.c.id == med_order.c.encounter_id)
                           .where(order_exec_plan.c.id == plan_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="order_exec_plan", id=plan_id)
    return str(row.id), str(row.patient_id)


def _quantity(q: Decimal) -> Decimal:
    if not q.is_finite() or q <= 0 or q > 999:
        raise ValidationError("cons.bad_quantity", field="quantity")
    return q


@handles(AddConsumable, roles.ORDER_EXECUTE)
def add(uow: UnitOfWork, cmd: AddConsumable) -> Changes:
    order_id, patient_id = _patient_of_plan(uow, cmd.plan_id)
    if uow.conn.execute(select(consumable.c.id).where(consumable.c.id == cmd.consumable_id)
                        .where(consumable.c.is_active.is_(True))).first() is None:
        raise ValidationError("cons.unknown", field="consumable")
    reason = (cmd.reason or "").strip()[:REASON_MAX] or None
    row_id = new_id()
    row = {"id": row_id, "order_id": order_id, "plan_id": cmd.plan_id, "bind_key": f"nurse:{row_id}",
           "rule_id": None, "consumable_id": cmd.consumable_id, "quantity": _quantity(cmd.quantity),
           "per": cs.EXEC, "status": cs.BOUND, "added_by": cmd.actor_id, "add_reason": reason,
           "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(order_cons).values(**row))
    uow.audit(AuditEntry("create", CONSUMABLE, row_id, cmd.actor_id, patient_id, None,
                         {"plan": cmd.plan_id, "consumable": cmd.consumable_id,
                          "quantity": str(row["quantity"]), "reason": reason}, cmd.op_id))
    return Changes.of(CONSUMABLE, [row_id], [patient_id])


@handles(RemoveConsumable, roles.ORDER_EXECUTE)
def remove(uow: UnitOfWork, cmd: RemoveConsumable) -> Changes:
    reason = (cmd.reason or "").strip()
    if not reason:
        raise ValidationError("cons.reason_required", field="reason")
    row = uow.conn.execute(select(order_cons.c.plan_id, order_cons.c.status)
                           .where(order_cons.c.id == cmd.bound_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="order_cons", id=cmd.bound_id)
    if row.status != cs.BOUND:
        raise ValidationError("cons.already_removed")
    _order_id, patient_id = _patient_of_plan(uow, str(row.plan_id))
    update_versioned(uow, order_cons, cmd.bound_id, cmd.base_version,
                     {"status": cs.REMOVED, "removed_by": cmd.actor_id, "removed_at": uow.now,
                      "remove_reason": reason[:REASON_MAX]})
    uow.audit(AuditEntry("remove", CONSUMABLE, cmd.bound_id, cmd.actor_id, patient_id,
                         {"status": cs.BOUND}, {"status": cs.REMOVED, "reason": reason}, cmd.op_id))
    return Changes.of(CONSUMABLE, [cmd.bound_id], [patient_id])


def _rule_values(uow: UnitOfWork, cmd: SaveConsumableRule) -> dict[str, object]:
    code = cmd.code.strip()
    if not code or len(code) > 30:
        raise ValidationError("cons.rule_code", field="code")
    cons_id = cs.find_consumable(uow.conn, cmd.consumable_code.strip())
    if cons_id is None:
        raise ValidationError("cons.unknown", field="consumable")
    if cmd.per not in cs.PERS:
        raise ValidationError("cons.bad_per", field="per")
    route_code = (cmd.route_code or "").strip() or None
    if route_code and uow.conn.execute(
            select(route.c.code).where(route.c.code == route_code)).first() is None:
        raise ValidationError("cons.unknown_route", field="route")
    category = (cmd.category or "").strip() or None
    if category and category not in CATEGORIES:
        raise ValidationError("cons.bad_category", field="category")
    item_id = None
    if (item_code := (cmd.item_code or "").strip()):
        item_id = uow.conn.execute(select(order_item.c.id).where(order_item.c.code == item_code)).scalar()
        if item_id is None:
            raise ValidationError("cons.unknown_item", field="item")
    if not (route_code or category or item_id or (cmd.drug_form or "").strip()):
        raise ValidationError("cons.rule_matches_all", field="route")
    if not 0 <= cmd.priority <= 9999:
        raise ValidationError("cons.bad_priority", field="priority")
    return {"code": code, "route_code": route_code, "category": category,
            "item_id": None if item_id is None else str(item_id),
            "drug_form": (cmd.drug_form or "").strip()[:20] or None, "consumable_id": cons_id,
            "quantity": _quantity(cmd.quantity), "per": cmd.per, "priority": cmd.priority}


@handles(SaveConsumableRule, roles.ADMIN)
def save_rule(uow: UnitOfWork, cmd: SaveConsumableRule) -> Changes:
    values = _rule_values(uow, cmd)
    clash = uow.conn.execute(select(cons_rule.c.id).where(cons_rule.c.code == values["code"])).scalar()
    if clash is not None and str(clash) != (cmd.rule_id or ""):
        raise ValidationError("cons.rule_code_taken", field="code")
    if cmd.rule_id is None:
        rule_id = new_id()
        uow.conn.execute(insert(cons_rule).values(id=rule_id, is_active=True, version=1,
                                                  created_at=uow.now, updated_at=uow.now, **values))
        uow.audit(AuditEntry("create", "cons_rule", rule_id, cmd.actor_id, None, None,
                             {k: str(v) for k, v in values.items()}, cmd.op_id))
    else:
        rule_id = cmd.rule_id
        update_versioned(uow, cons_rule, rule_id, cmd.base_version, values)
        uow.audit(AuditEntry("update", "cons_rule", rule_id, cmd.actor_id, None, None,
                             {k: str(v) for k, v in values.items()}, cmd.op_id))
    return Changes.of(CONSUMABLE, [rule_id])


@handles(RetireConsumableRule, roles.ADMIN)
def retire_rule(uow: UnitOfWork, cmd: RetireConsumableRule) -> Changes:
    update_versioned(uow, cons_rule, cmd.rule_id, cmd.base_version, {"is_active": False})
    uow.audit(AuditEntry("retire", "cons_rule", cmd.rule_id, cmd.actor_id, None, None,
                         {"is_active": False}, cmd.op_id))
    return Changes.of(CONSUMABLE, [cmd.rule_id])
