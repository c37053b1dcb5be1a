"""Generating the execution plans of a ward day (CLINICAL.md §2), once per (order, planned time).
The day's 附材 are bound on its plan items in the same step (app/services/consumables.py).

Two nurses' PCs may generate the same day at the same moment: the plan items are inserted in a
savepoint, and UNIQUE(order_id, planned_at) refuses the second copy of an item; the loser reads
what is there now and inserts only what is still missing. No item is ever planned twice.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import orders as od
from app.domain import plans, roles
from app.ids import new_id
from app.services import consumables
from app.services.audit import AuditEntry
from app.services.changes import CONSUMABLE, Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.services.ward_settings import nurse_settings
from app.store.schema import encounter, freq, med_order, order_exec_plan

PLAN = "plan"
ATTEMPTS = 3
PLANNED_CATEGORIES = ("drug", "treatment", "lab", "nursing", "diet")


@dataclass(frozen=True)
class GeneratePlans(Command):
    ward_id: str
    day: date                  # the ward's calendar day
    utc_offset_minutes: int    # the ward's clock (a setting); the PC's own zone by default


register(GeneratePlans)


def _wanted(uow: UnitOfWork, cmd: GeneratePlans) -> dict[tuple[str, datetime], str]:
    zone = timezone(timedelta(minutes=cmd.utc_offset_minutes))
    freqs = {r.code: r for r in uow.conn.execute(select(freq.c.code, freq.c.slots, freq.c.every_days))}
    ward_times = nurse_settings(uow.conn, cmd.ward_id)      # the ward's own default times
    rows = uow.conn.execute(
        select(med_order.c.id, med_order.c.term, med_order.c.freq_code, med_order.c.start_at,
               med_order.c.stop_at, med_order.c.first_day_times, med_order.c.category)
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .where(encounter.c.ward_id == cmd.ward_id).where(encounter.c.status == "admitted")
        .where(med_order.c.category.in_(PLANNED_CATEGORIES))
        .where(med_order.c.status.in_((od.ACTIVE, od.VERIFIED, od.STOP_PENDING)))).all()
    wanted: dict[tuple[str, datetime], str] = {}
    for r in rows:
        if r.category != "drug" and r.term == od.LONG and not r.freq_code:
            continue                  # 一级护理, 普食: in force, not a dose to give
        f: Any = freqs.get(r.freq_code or "")
        slots = ward_times.slots_for(r.freq_code or "") or \
            tuple(x for x in ((f.slots if f else "") or "").split(",") if x)
        for at in plans.plan_times(freq_code=r.freq_code, slots=slots,
                                   every_days=int(f.every_days if f else 1), start_at=r.start_at,
                                   stop_at=r.stop_at, first_day_times=r.first_day_times,
                                   day=cmd.day, zone=zone, term=r.term):
            wanted[(r.id, at.replace(microsecond=0))] = r.id
    return wanted


def _existing(uow: UnitOfWork, order_ids: list[str], cmd: GeneratePlans) -> set[tuple[str, datetime]]:
    if not order_ids:
        return set()
    zone = timezone(timedelta(minutes=cmd.utc_offset_minutes))
    start, end = plans.day_bounds(cmd.day, zone)
    rows = uow.conn.execute(select(order_exec_plan.c.order_id, order_exec_plan.c.planned_at)
                            .where(order_exec_plan.c.order_id.in_(order_ids))
                            .where(and_(order_exec_plan.c.planned_at >= start,
                                        order_exec_plan.c.planned_at < end))).all()
    return {(r.order_id, r.planned_at) for r in rows}


@handles(GeneratePlans, roles.ORDER_EXECUTE)
def generate(uow: UnitOfWork, cmd: GeneratePlans) -> Changes:
    wanted = _wanted(uow, cmd)
    order_ids = sorted({oid for oid, _ in wanted})
    made: list[str] = []
    for _attempt in range(ATTEMPTS):
        missing = sorted(set(wanted) - _existing(uow, order_ids, cmd))
        if not missing:
            break
        rows: list[dict[str, Any]] = [{"id": new_id(), "order_id": oid, "planned_at": at, "status": "planned",
                 "created_at": uow.now, "version": 1} for oid, at in missing]
        try:
            with uow.conn.begin_nested():
                uow.conn.execute(insert(order_exec_plan), rows)
        except IntegrityError:
            continue          # another PC planned some of them meanwhile: read again, add the rest
        made = [r["id"] for r in rows]
        break
    start, end = plans.day_bounds(cmd.day, timezone(timedelta(minutes=cmd.utc_offset_minutes)))
    bound = consumables.bind(uow.conn, uow.now, order_ids, start, end, cmd.utc_offset_minutes)
    if made or bound:
        uow.audit(AuditEntry("plan", PLAN, cmd.ward_id, cmd.actor_id, None, None,
                             {"day": cmd.day.isoformat(), "items": len(made),
                              "consumables": len(bound)}, cmd.op_id))
    plan_changes = Changes.of(PLAN, made)   # ids: the plan items only (what callers count)
    return replace(plan_changes, kinds=plan_changes.kinds | {CONSUMABLE}) if bound else plan_changes
