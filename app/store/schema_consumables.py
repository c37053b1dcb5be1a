"""附材 (issue 13): the consumables an order's executions use, on the one metadata of
app/store/schema.py (which re-exports them).

consumable is the supply catalogue (resources/dictionaries/consumables.csv). cons_rule is data
the hospital edits: an order matching its route / category / order item / drug form gets the
consumable, so many per execution, per day or per order. order_cons holds the bound items, each
on a plan item; bind_key (rule + plan item, rule + order + day, rule + order) makes binding
idempotent when two PCs generate the same day; a nurse's addition has its own key. A removal is
a status with reason and who, never a DELETE. preq_cons is the request's consumable lines
(per patient and consumable), preq_cons_item requests each bound item once.
"""
from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, Numeric, SmallInteger, String, Table, Unicode

from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import UTCDateTime, flag, uuid_type

consumable = Table(
    "consumable", metadata, _pk(),
    Column("code", String(30), nullable=False, unique=True),
    Column("name", Unicode(40), nullable=False),           # 一次性输液器
    Column("spec", Unicode(40)),                           # 5ml, 22G
    Column("unit", Unicode(10), nullable=False),           # 个, 支, 套
    Column("price", Numeric(10, 2)),
    Column("is_active", flag("is_active"), nullable=False, default=True),
)

cons_rule = Table(
    "cons_rule", metadata, _pk(),
    Column("code", String(30), nullable=False, unique=True),
    Column("route_code", String(12), ForeignKey("route.code")),   # NULL: any route
    Column("category", String(12)),                        # drug, treatment ... NULL: any
    _fk("item_id", "order_item"),                          # 鼻导管吸氧; NULL: any
    Column("drug_form", Unicode(20)),                      # 注射用粉针; NULL: any
    _fk("consumable_id", "consumable", nullable=False),
    Column("quantity", Numeric(8, 2), nullable=False),
    Column("per", String(8), nullable=False),              # exec, day, order
    Column("priority", SmallInteger, nullable=False, default=100),  # lower wins per consumable
    Column("is_active", flag("is_active"), nullable=False, default=True),
    _version(), *_stamps(),
)

order_cons = Table(
    "order_cons", metadata, _pk(),
    _fk("order_id", "med_order", nullable=False, index=True),
    _fk("plan_id", "order_exec_plan", nullable=False, index=True),
    Column("bind_key", String(100), nullable=False, unique=True),
    _fk("rule_id", "cons_rule"),                           # NULL: added by a nurse
    _fk("consumable_id", "consumable", nullable=False),
    Column("quantity", Numeric(8, 2), nullable=False),
    Column("per", String(8), nullable=False),
    Column("status", String(10), nullable=False),          # bound, removed
    _fk("added_by", "staff"),
    Column("add_reason", Unicode(100)),
    _fk("removed_by", "staff"),
    Column("removed_at", UTCDateTime),
    Column("remove_reason", Unicode(100)),
    _version(), *_stamps(),
)

preq_cons = Table(
    "preq_cons", metadata, _pk(),
    _fk("req_id", "pharm_req", nullable=False, index=True),
    _fk("encounter_id", "encounter", nullable=False),
    _fk("consumable_id", "consumable", nullable=False),
    Column("n_items", Integer, nullable=False),            # bound items covered
    Column("quantity", Numeric(12, 2), nullable=False),
    Column("unit", Unicode(10), nullable=False),
)

preq_cons_item = Table(
    "preq_cons_item", metadata,
    Column("bound_id", uuid_type(), ForeignKey("order_cons.id"), primary_key=True),
    _fk("line_id", "preq_cons", nullable=False, index=True),
)
