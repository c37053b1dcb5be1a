"""Order sets (组套): personal, department and hospital sets of order templates.

A set is saved from orders the doctor selected (their content, not their state); applying it
makes ordinary drafts, one per ticked item, which are then checked and signed like any other:
a set never bypasses the checks. Groups inside a set stay groups (the items carry a group key).
Scope: owner_id set = personal; dept_id set = the department's; neither = the hospital's.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import insert, or_, select
from sqlalchemy.engine import Connection

from app.domain import roles
from app.errors import PermissionDenied, ValidationError
from app.ids import new_id
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import actor_permissions, handles
from app.services.order_commands import GroupDrafts, OrderFields, SaveDraft
from app.services.order_handlers import group_drafts, save_draft
from app.services.uow import UnitOfWork
from app.store.schema import drug, med_order, order_item, order_set, order_set_item, staff

SCOPES = ("personal", "dept", "hospital")
NAME_MAX = 60


@dataclass(frozen=True)
class SaveOrderSet(Command):
    set_id: str                       # client-made
    name: str
    scope: str                        # personal, dept, hospital
    order_ids: tuple[str, ...]        # the orders whose content becomes the set's items


@dataclass(frozen=True)
class ApplyOrderSet(Command):
    """The ticked items of a set become drafts for this stay (their ids made by the client)."""

    encounter_id: str
    set_id: str
    item_ids: tuple[str, ...]         # the ticked ones, in the set's order
    order_ids: tuple[str, ...]        # one new draft id per ticked item
    start_at: Optional[datetime] = None


register(SaveOrderSet, ApplyOrderSet)


def _template(row: dict[str, Any]) -> dict[str, Any]:
    return {"term": row["term"], "category": row["category"], "content": row["content"],
            "drug_code": row.get("drug_code"), "item_code": row.get("item_code"),
            "dose": None if row["dose"] is None else str(row["dose"]), "dose_unit": row["dose_unit"],
            "route_code": row["route_code"], "freq_code": row["freq_code"],
            "first_day_times": row["first_day_times"], "rate": row["rate"],
            "instruction": row["instruction"], "use_kind": row["use_kind"] or "regular",
            "group": row["group_id"]}


@handles(SaveOrderSet, roles.ORDER_ENTER)
def save_set(uow: UnitOfWork, cmd: SaveOrderSet) -> Changes:
    name = cmd.name.strip()
    if not name or len(name) > NAME_MAX:
        raise ValidationError("order_set.bad_name", field="name", max=NAME_MAX)
    if cmd.scope not in SCOPES:
        raise ValidationError("order_set.bad_scope", field="scope")
    if not cmd.order_ids:
        raise ValidationError("order_set.empty")
    if cmd.scope == "hospital" and roles.ADMIN not in actor_permissions(uow.conn, cmd.actor_id):
        raise PermissionDenied("perm.denied", permission=roles.ADMIN)
    from app.dictionaries import pinyin  # here, not at import: pypinyin is large

    author = uow.conn.execute(select(staff.c.dept_id).where(staff.c.id == cmd.actor_id)).first()
    rows = uow.conn.execute(select(med_order, drug.c.code.label("drug_code"),
                                   order_item.c.code.label("item_code"))
                            .outerjoin(drug, drug.c.id == med_order.c.drug_id)
                            .outerjoin(order_item, order_item.c.id == med_order.c.item_id)
                            .where(med_order.c.id.in_(cmd.order_ids))).mappings().all()
    by_id = {r["id"]: dict(r) for r in rows}
    missing = [oid for oid in cmd.order_ids if oid not in by_id]
    if missing:
        raise ValidationError("not_found", entity="order", id=missing[0])
    uow.conn.execute(insert(order_set).values(
        id=cmd.set_id, name=name, pinyin=pinyin.initials(name, 40),
        dept_id=author.dept_id if author is not None and cmd.scope == "dept" else None,
        owner_id=cmd.actor_id if cmd.scope == "personal" else None, is_active=True, version=1,
        created_at=uow.now, updated_at=uow.now))
    uow.conn.execute(insert(order_set_item), [
        {"id": new_id(), "set_id": cmd.set_id, "seq_no": n, "template": _template(by_id[oid])}
        for n, oid in enumerate(cmd.order_ids, start=1)])
    uow.audit(AuditEntry("create", "order_set", cmd.set_id, cmd.actor_id, None, None,
                         {"name": name, "scope": cmd.scope, "items": len(cmd.order_ids)}, cmd.op_id))
    return Changes.of("order_set", [cmd.set_id])


@handles(ApplyOrderSet, roles.ORDER_ENTER)
def apply_set(uow: UnitOfWork, cmd: ApplyOrderSet) -> Changes:
    if not cmd.item_ids or len(cmd.item_ids) != len(cmd.order_ids):
        raise ValidationError("order_set.nothing_ticked")
    items = {r.id: r for r in uow.conn.execute(
        select(order_set_item).where(order_set_item.c.set_id == cmd.set_id)
        .where(order_set_item.c.id.in_(cmd.item_ids)))}
    if len(items) != len(cmd.item_ids):
        raise ValidationError("not_found", entity="order_set_item", id=cmd.set_id)
    changes = Changes()
    groups: dict[str, list[str]] = {}
    for item_id, order_id in zip(cmd.item_ids, cmd.order_ids):
        t: dict[str, Any] = dict(items[item_id].template)
        fields = OrderFields(
            term=t["term"], category=t["category"], content=t["content"], drug_code=t.get("drug_code"),
            item_code=t.get("item_code"), dose=None if t.get("dose") is None else Decimal(t["dose"]),
            dose_unit=t.get("dose_unit"), route_code=t.get("route_code"), freq_code=t.get("freq_code"),
            first_day_times=t.get("first_day_times"), rate=t.get("rate"),
            instruction=t.get("instruction"), use_kind=t.get("use_kind") or "regular",
            start_at=cmd.start_at)
        draft = SaveDraft(op_id=cmd.op_id, actor_id=cmd.actor_id,
                          device_time=cmd.device_time, encounter_id=cmd.encounter_id,
                          order_id=order_id, base_version=0, fields=fields)
        changes = changes.merge(save_draft(uow, draft))
        if t.get("group"):
            groups.setdefault(str(t["group"]), []).append(order_id)
    for members in groups.values():
        if len(members) >= 2:
            changes = changes.merge(group_drafts(uow, GroupDrafts(
                op_id=cmd.op_id, actor_id=cmd.actor_id, device_time=cmd.device_time,
                encounter_id=cmd.encounter_id, group_id=new_id(), order_ids=tuple(members),
                base_versions=(1,) * len(members))))
    return changes


@dataclass(frozen=True)
class SetItem:
    id: str
    seq_no: int
    content: str
    term: str
    group: Optional[str]


@dataclass(frozen=True)
class OrderSetView:
    id: str
    name: str
    pinyin: str
    scope: str
    items: tuple[SetItem, ...]


def order_sets(conn: Connection, staff_id: str) -> list[OrderSetView]:
    """The sets this doctor may apply: their own, their department's and the hospital's."""
    dept_id = conn.execute(select(staff.c.dept_id).where(staff.c.id == staff_id)).scalar()
    sets = conn.execute(select(order_set).where(order_set.c.is_active == True)  # noqa: E712
                        .where(or_(order_set.c.owner_id == staff_id,
                                   order_set.c.dept_id == dept_id,
                                   (order_set.c.owner_id.is_(None)) & (order_set.c.dept_id.is_(None))))
                        .order_by(order_set.c.name)).mappings().all()
    if not sets:
        return []
    items = conn.execute(select(order_set_item).where(order_set_item.c.set_id.in_([s["id"] for s in sets]))
                         .order_by(order_set_item.c.set_id, order_set_item.c.seq_no)).mappings().all()
    by_set: dict[str, list[SetItem]] = {}
    for i in items:
        t = i["template"]
        by_set.setdefault(i["set_id"], []).append(
            SetItem(i["id"], int(i["seq_no"]), t.get("content", ""), t.get("term", ""), t.get("group")))
    return [OrderSetView(s["id"], s["name"], s["pinyin"],
                         "personal" if s["owner_id"] else "dept" if s["dept_id"] else "hospital",
                         tuple(by_set.get(s["id"], ()))) for s in sets]
