"""Handlers of the order commands (app/services/order_commands.py), one transaction each.

Every change is a version-checked update of the order (and of its group row), an order_event
row (from, to, who, when, why, op id) and an audit record, or nothing at all. Signed content is
never edited: a returned order goes back to `returned`, where the doctor may change and re-sign
it; anything else is stopped or voided and ordered again. Signing is in order_signing.py.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import delete, func, insert, select, update

from app.domain import orders as od
from app.domain import roles
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.handlers import current_row, handles, update_versioned
from app.services.order_commands import (
    ConfirmStop,
    DiscardDraft,
    GroupDrafts,
    OrderAction,
    OrderFields,
    ReturnOrder,
    SaveDraft,
    StopOrder,
    UngroupDrafts,
    VerifyOrder,
    VoidOrder,
    WithdrawOrder,
)
from app.services.uow import UnitOfWork
from app.store.schema import (
    drug,
    encounter,
    freq,
    med_order,
    order_event,
    order_exec,
    order_exec_plan,
    order_group,
    order_item,
    route,
)

REASON_MAX = 100

# The ids app.domain.orders.check_draft can report (ui/messages.py translates each).
DRAFT_ERRORS: dict[str, str] = {
    "order.bad_term": "order.bad_term", "order.bad_category": "order.bad_category",
    "order.content_required": "order.content_required",
    "order.dose_required": "order.dose_required", "order.dose_impossible": "order.dose_impossible",
    "order.unit_required": "order.unit_required", "order.unit_unknown": "order.unit_unknown",
    "order.route_required": "order.route_required", "order.route_unknown": "order.route_unknown",
    "order.route_for_form": "order.route_for_form", "order.freq_unknown": "order.freq_unknown",
    "order.freq_required": "order.freq_required",
    "order.stop_before_start": "order.stop_before_start",
    "order.first_day_times": "order.first_day_times", "order.bad_use_kind": "order.bad_use_kind",
    "order.bad_line_kind": "order.bad_line_kind",
}


def need_order(uow: UnitOfWork, order_id: str) -> dict[str, Any]:
    row = current_row(uow.conn, med_order, order_id)
    if row is None:
        raise ValidationError("not_found", entity="order", id=order_id)
    return row


def members_of(uow: UnitOfWork, order: dict[str, Any]) -> list[dict[str, Any]]:
    """The order's whole group in sheet order, or the order alone."""
    if not order["group_id"]:
        return [order]
    rows = uow.conn.execute(select(med_order).where(med_order.c.group_id == order["group_id"])
                            .order_by(med_order.c.group_seq)).mappings().all()
    return [dict(r) for r in rows]


def record_event(uow: UnitOfWork, order: dict[str, Any], to_status: str, actor: str,
                 op_id: str, device_time: datetime, reason: Optional[str] = None) -> None:
    uow.conn.execute(insert(order_event).values(
        id=new_id(), order_id=order["id"], from_status=order.get("status"), to_status=to_status,
        at=uow.now, staff_id=actor, reason=reason, op_id=op_id, device_time=device_time))


def patient_of(uow: UnitOfWork, encounter_id: str) -> str:
    found = uow.conn.execute(select(encounter.c.patient_id, encounter.c.status)
                             .where(encounter.c.id == encounter_id)).first()
    if found is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    return str(found.patient_id)


def transition(uow: UnitOfWork, cmd: OrderAction, action: str, *,
               values: Optional[dict[str, Any]] = None,
               reason_required: bool = False) -> Changes:
    """One lifecycle step on the order and every member of its group, all or nothing."""
    reason = (cmd.reason or "").strip() or None
    if reason_required and reason is None:
        raise ValidationError("order.reason_required", field="reason")
    if reason is not None and len(reason) > REASON_MAX:
        raise ValidationError("order.reason_too_long", field="reason", max=REASON_MAX)
    first = need_order(uow, cmd.order_id)
    if first["version"] != cmd.base_version:
        raise ConflictError("conflict.stale", entity="med_order", id=cmd.order_id,
                            base_version=cmd.base_version, current_version=first["version"],
                            current=jsonable(first))
    members = members_of(uow, first)
    patient_id = patient_of(uow, first["encounter_id"])
    target = ""
    for row in members:
        try:
            target = od.target_of(action, row["status"], row["term"])
        except od.TransitionRefused:
            raise ValidationError("order.cannot_transition", action=action, status=row["status"],
                                  order=row["id"]) from None
        base = cmd.base_version if row["id"] == first["id"] else int(row["version"])
        update_versioned(uow, med_order, row["id"], base, dict(values or {}, status=target))
        record_event(uow, row, target, cmd.actor_id, cmd.op_id, cmd.device_time, reason)
    if first["group_id"]:
        group = current_row(uow.conn, order_group, first["group_id"])
        if group is not None:
            shared = {k: v for k, v in (values or {}).items() if k in ("stop_at",)}
            update_versioned(uow, order_group, group["id"], int(group["version"]),
                             dict(shared, status=target))
    ids = [r["id"] for r in members]
    uow.audit(AuditEntry(action, kinds.ORDER, first["id"], cmd.actor_id, patient_id,
                         {"status": first["status"], "orders": ids},
                         {"status": target, "reason": reason, **jsonable(values or {})}, cmd.op_id))
    return Changes.of(kinds.ORDER, ids, [patient_id])


# --- drafts -------------------------------------------------------------------------------------

def _draft_values(uow: UnitOfWork, cmd: SaveDraft) -> dict[str, Any]:
    f: OrderFields = cmd.fields
    drug_row = None
    if f.drug_code:
        drug_row = uow.conn.execute(select(drug).where(drug.c.code == f.drug_code)
                                    .where(drug.c.is_active == True)).mappings().first()  # noqa: E712
        if drug_row is None:
            raise ValidationError("order.drug_unknown", field="content", code=f.drug_code)
    item_id = None
    if f.item_code:
        item_id = uow.conn.execute(select(order_item.c.id)
                                   .where(order_item.c.code == f.item_code)).scalar()
        if item_id is None:
            raise ValidationError("order.item_unknown", field="content", code=f.item_code)
    routes = frozenset(uow.conn.execute(select(route.c.code)).scalars())
    freqs = frozenset(uow.conn.execute(select(freq.c.code)).scalars())
    start = f.start_at or cmd.device_time
    facts = None if drug_row is None else od.DrugFacts(drug_row["form"], drug_row["dose_unit"],
                                                       drug_row["strength_unit"])
    errors = od.check_draft(
        term=f.term, category=f.category, content=f.content, dose=f.dose, dose_unit=f.dose_unit,
        route_code=f.route_code, freq_code=f.freq_code, start_at=start, stop_at=f.stop_at,
        first_day_times=f.first_day_times, drug=facts, known_routes=routes, known_freqs=freqs)
    if f.use_kind not in od.USE_KINDS:
        errors.append(od.FieldError("use_kind", "order.bad_use_kind"))
    if f.category == "line" and f.line_kind not in od.LINE_KINDS:
        errors.append(od.FieldError("content", "order.bad_line_kind"))
    if errors:
        first = errors[0]
        raise ValidationError(DRAFT_ERRORS[first.message_id], field=first.field, **dict(first.params),
                              errors=[(e.field, e.message_id) for e in errors])
    content = f.content.strip()
    if f.category == "line":
        content = f"{content}" if content else f.line_kind or ""
    return {
        "term": f.term, "category": f.category, "drug_id": None if drug_row is None else drug_row["id"],
        "item_id": item_id, "content": content[:200], "dose": f.dose, "dose_unit": f.dose_unit,
        "route_code": f.route_code, "freq_code": f.freq_code, "first_day_times": f.first_day_times,
        "rate": (f.rate or None), "instruction": (f.instruction or None),
        "use_kind": f.use_kind, "start_at": start, "stop_at": f.stop_at, "verbal": f.verbal,
        "line_kind": f.line_kind if f.category == "line" else None,
        "skin_test_req": bool(drug_row["skin_test"]) if drug_row is not None else False,
        "abx_grade": int(drug_row["abx_grade"] or 0) if drug_row is not None else 0,
        "print_page": None, "print_row": None,
    }


@handles(SaveDraft, roles.ORDER_ENTER)
def save_draft(uow: UnitOfWork, cmd: SaveDraft) -> Changes:
    """A new draft (base_version 0) or a change to a draft or a returned order."""
    patient_id = patient_of(uow, cmd.encounter_id)
    values = _draft_values(uow, cmd)
    if cmd.base_version == 0:
        row = dict(values, id=cmd.order_id, encounter_id=cmd.encounter_id, status=od.DRAFT,
                   ordered_by=cmd.actor_id, version=1, created_at=uow.now, updated_at=uow.now,
                   group_id=None, group_seq=None)
        uow.conn.execute(insert(med_order).values(**row))
        record_event(uow, {"id": cmd.order_id, "status": None}, od.DRAFT, cmd.actor_id,
                     cmd.op_id, cmd.device_time)
        uow.audit(AuditEntry("create", kinds.ORDER, cmd.order_id, cmd.actor_id, patient_id,
                             None, jsonable(row), cmd.op_id))
        return Changes.of(kinds.ORDER, [cmd.order_id], [patient_id])
    before = need_order(uow, cmd.order_id)
    if before["status"] not in od.EDITABLE:
        raise ValidationError("order.signed_is_frozen", status=before["status"])
    if before["encounter_id"] != cmd.encounter_id:
        raise ValidationError("order.wrong_patient", order=cmd.order_id)
    update_versioned(uow, med_order, cmd.order_id, cmd.base_version, values)
    uow.audit(AuditEntry("update", kinds.ORDER, cmd.order_id, cmd.actor_id, patient_id,
                         jsonable({k: before[k] for k in values}), jsonable(values), cmd.op_id))
    return Changes.of(kinds.ORDER, [cmd.order_id], [patient_id])


@handles(DiscardDraft, roles.ORDER_ENTER)
def discard_draft(uow: UnitOfWork, cmd: DiscardDraft) -> Changes:
    """A draft never signed is deleted (its content stays in the audit record)."""
    before = need_order(uow, cmd.order_id)
    if before["status"] != od.DRAFT:
        raise ValidationError("order.cannot_discard", status=before["status"])
    if before["version"] != cmd.base_version:
        raise ConflictError("conflict.stale", entity="med_order", id=cmd.order_id,
                            base_version=cmd.base_version, current_version=before["version"],
                            current=jsonable(before))
    patient_id = patient_of(uow, before["encounter_id"])
    uow.conn.execute(delete(order_event).where(order_event.c.order_id == cmd.order_id))
    uow.conn.execute(delete(med_order).where(med_order.c.id == cmd.order_id))
    if before["group_id"]:
        left = uow.conn.execute(select(func.count()).select_from(med_order)
                                .where(med_order.c.group_id == before["group_id"])).scalar_one()
        if left <= 1:
            uow.conn.execute(update(med_order).where(med_order.c.group_id == before["group_id"])
                             .values(group_id=None, group_seq=None))
            uow.conn.execute(delete(order_group).where(order_group.c.id == before["group_id"]))
    uow.audit(AuditEntry("discard", kinds.ORDER, cmd.order_id, cmd.actor_id, patient_id,
                         jsonable(before), None, cmd.op_id))
    return Changes.of(kinds.ORDER, [cmd.order_id], [patient_id])


@handles(GroupDrafts, roles.ORDER_ENTER)
def group_drafts(uow: UnitOfWork, cmd: GroupDrafts) -> Changes:
    if len(cmd.order_ids) < 2 or len(cmd.order_ids) != len(cmd.base_versions) \
            or len(set(cmd.order_ids)) != len(cmd.order_ids):
        raise ValidationError("order.group_needs_two")
    rows = [need_order(uow, oid) for oid in cmd.order_ids]
    for row in rows:
        if row["status"] != od.DRAFT or row["category"] != "drug":
            raise ValidationError("order.group_drafts_only", order=row["id"])
        if row["group_id"]:
            raise ValidationError("order.already_grouped", order=row["id"])
        if row["encounter_id"] != cmd.encounter_id or row["term"] != rows[0]["term"]:
            raise ValidationError("order.group_mixed", order=row["id"])
    head = rows[0]
    patient_id = patient_of(uow, cmd.encounter_id)
    uow.conn.execute(insert(order_group).values(
        id=cmd.group_id, encounter_id=cmd.encounter_id, term=head["term"],
        route_code=head["route_code"], freq_code=head["freq_code"], rate=head["rate"],
        first_day_times=head["first_day_times"], start_at=head["start_at"],
        stop_at=head["stop_at"], status=od.DRAFT, version=1, created_at=uow.now,
        updated_at=uow.now))
    shared = {"route_code": head["route_code"], "freq_code": head["freq_code"],
              "rate": head["rate"], "first_day_times": head["first_day_times"],
              "start_at": head["start_at"], "stop_at": head["stop_at"]}
    for seq, (row, base) in enumerate(zip(rows, cmd.base_versions), start=1):
        update_versioned(uow, med_order, row["id"], base,
                         dict(shared, group_id=cmd.group_id, group_seq=seq))
    uow.audit(AuditEntry("group", kinds.ORDER, cmd.group_id, cmd.actor_id, patient_id, None,
                         {"orders": list(cmd.order_ids), **jsonable(shared)}, cmd.op_id))
    return Changes.of(kinds.ORDER, list(cmd.order_ids), [patient_id])


@handles(UngroupDrafts, roles.ORDER_ENTER)
def ungroup_drafts(uow: UnitOfWork, cmd: UngroupDrafts) -> Changes:
    group = current_row(uow.conn, order_group, cmd.group_id)
    if group is None:
        raise ValidationError("not_found", entity="order_group", id=cmd.group_id)
    if group["status"] != od.DRAFT:
        raise ValidationError("order.cannot_ungroup", status=group["status"])
    update_versioned(uow, order_group, cmd.group_id, cmd.base_version, {"status": od.VOIDED})
    ids = list(uow.conn.execute(select(med_order.c.id)
                                .where(med_order.c.group_id == cmd.group_id)).scalars())
    uow.conn.execute(update(med_order).where(med_order.c.group_id == cmd.group_id)
                     .values(group_id=None, group_seq=None, version=med_order.c.version + 1))
    uow.conn.execute(delete(order_group).where(order_group.c.id == cmd.group_id))
    patient_id = patient_of(uow, group["encounter_id"])
    uow.audit(AuditEntry("ungroup", kinds.ORDER, cmd.group_id, cmd.actor_id, patient_id,
                         {"orders": ids}, None, cmd.op_id))
    return Changes.of(kinds.ORDER, ids, [patient_id])


# --- lifecycle ------------------------------------------------------------------------------------

@handles(WithdrawOrder, roles.ORDER_SIGN)
def withdraw(uow: UnitOfWork, cmd: WithdrawOrder) -> Changes:
    order = need_order(uow, cmd.order_id)
    if order["signed_by"] != cmd.actor_id:
        raise PermissionDenied("order.withdraw_own_only", permission=roles.ORDER_SIGN)
    return transition(uow, cmd, "withdraw", values={"signed_at": None, "signed_by": None,
                                                    "approved_at": None, "approved_by": None})


@handles(ReturnOrder, roles.ORDER_VERIFY)
def return_order(uow: UnitOfWork, cmd: ReturnOrder) -> Changes:
    return transition(uow, cmd, "return", values={"return_reason": (cmd.reason or "").strip()[:100]},
                      reason_required=True)


@handles(VerifyOrder, roles.ORDER_VERIFY)
def verify(uow: UnitOfWork, cmd: VerifyOrder) -> Changes:
    return transition(uow, cmd, "verify", values={"verified_at": uow.now,
                                                  "verified_by": cmd.actor_id})


@handles(StopOrder, roles.ORDER_SIGN)
def stop(uow: UnitOfWork, cmd: StopOrder) -> Changes:
    order = need_order(uow, cmd.order_id)
    stop_at = cmd.stop_at or cmd.device_time
    if stop_at <= order["start_at"]:
        raise ValidationError("order.stop_before_start", field="stop_at")
    return transition(uow, cmd, "stop", values={"stop_at": stop_at, "stop_signed_at": uow.now,
                                                "stopped_by": cmd.actor_id})


@handles(ConfirmStop, roles.ORDER_VERIFY)
def confirm_stop(uow: UnitOfWork, cmd: ConfirmStop) -> Changes:
    changes = transition(uow, cmd, "confirm_stop", values={"stop_checked_at": uow.now,
                                                           "stop_checked_by": cmd.actor_id})
    order = need_order(uow, cmd.order_id)
    ids = [r["id"] for r in members_of(uow, order)]
    # Plan items after the stop time are cancelled (CLINICAL.md §2).
    uow.conn.execute(update(order_exec_plan).where(order_exec_plan.c.order_id.in_(ids))
                     .where(order_exec_plan.c.planned_at > order["stop_at"])
                     .where(order_exec_plan.c.status == "planned")
                     .values(status="cancelled", version=order_exec_plan.c.version + 1))
    uow.conn.execute(update(order_exec).where(order_exec.c.order_id.in_(ids))
                     .where(order_exec.c.planned_at > order["stop_at"])
                     .where(order_exec.c.status == "planned")
                     .values(status="cancelled", version=order_exec.c.version + 1))
    return changes


@handles(VoidOrder, roles.ORDER_SIGN)
def void(uow: UnitOfWork, cmd: VoidOrder) -> Changes:
    order = need_order(uow, cmd.order_id)
    ids = [r["id"] for r in members_of(uow, order)]
    executed = uow.conn.execute(select(func.count()).select_from(order_exec)
                                .where(order_exec.c.order_id.in_(ids))
                                .where(order_exec.c.status.in_(("done", "not_done")))).scalar_one()
    if executed or order["status"] == od.EXECUTED:
        raise ValidationError("order.executed_cannot_void")
    return transition(uow, cmd, "void", values={"void_reason": (cmd.reason or "").strip()[:100]},
                      reason_required=True)
