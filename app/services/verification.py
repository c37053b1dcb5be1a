"""The nurse's verification (医嘱审核/校对) side of the orders, ward-wide (issue 13, first part).

`verification_queue` is what waits for the ward's nurses: new (signed, not yet verified),
changed (returned to the doctor and signed again), stopped (stop signed, not yet confirmed) and
voided (voided after a nurse had verified it, not yet seen by a nurse: `AcknowledgeVoid`)
orders, grouped by patient in bed order, the patients with urgent orders (st, verbal/rescue)
first and their urgent orders first. `VerifyOrders` verifies a batch in one transaction; a high-alert
drug (高警示, CLINICAL.md §7) needs its second look: the batch refuses, naming them, until the
nurse confirms each (NeedsAcknowledgement), and nothing is verified half-way.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import and_, case, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from app.domain import orders as od
from app.domain import roles
from app.errors import NeedsAcknowledgement, ValidationError
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles, update_versioned
from app.services.order_commands import VerifyOrder
from app.services.order_handlers import members_of, need_order, patient_of, transition
from app.services.uow import UnitOfWork
from app.store.schema import (
    bed,
    drug,
    encounter,
    med_order,
    order_event,
    order_exec_plan,
    patient,
    staff,
)

NEW, CHANGED, STOP, VOID = "new", "changed", "stop", "void"
KIND_RANK = {NEW: 0, CHANGED: 0, STOP: 1, VOID: 2}


@dataclass(frozen=True)
class QueueItem:
    order_id: str
    version: int
    kind: str                   # new / stop
    encounter_id: str
    bed_no: str
    patient_name: str
    mrn: str
    term: str
    content: str
    group_id: Optional[str]
    high_alert: bool
    urgent: bool
    signed_by_name: str
    signed_at: Optional[datetime]
    reason: Optional[str] = None   # a voided order's reason


def _waiting() -> Any:
    """The orders a nurse still has to look at: signed, stop signed, or voided after verification
    and not yet acknowledged (an order_event voided -> voided by a nurse)."""
    seen = exists().where(order_event.c.order_id == med_order.c.id) \
        .where(order_event.c.from_status == od.VOIDED).where(order_event.c.to_status == od.VOIDED)
    return or_(med_order.c.status.in_((od.SUBMITTED, od.STOP_PENDING)),
               and_(med_order.c.status == od.VOIDED, med_order.c.verified_at.is_not(None), ~seen))


def verification_queue(conn: Connection, ward_id: str) -> list[QueueItem]:
    """One query: the ward's orders waiting for a nurse, grouped by patient, urgent first."""
    signer = staff.alias("signer")
    was_returned = exists().where(order_event.c.order_id == med_order.c.id) \
        .where(order_event.c.to_status == od.RETURNED)
    rows = conn.execute(
        select(med_order.c.id, med_order.c.version, med_order.c.status, med_order.c.encounter_id,
               bed.c.bed_no, bed.c.sort_key, patient.c.name, patient.c.mrn, med_order.c.term,
               med_order.c.content, med_order.c.group_id, med_order.c.group_seq,
               med_order.c.freq_code, med_order.c.verbal, drug.c.high_alert,
               signer.c.full_name.label("signer_name"), med_order.c.signed_at,
               med_order.c.stop_signed_at, med_order.c.updated_at, med_order.c.void_reason,
               case((was_returned, 1), else_=0).label("was_returned"))
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .outerjoin(drug, drug.c.id == med_order.c.drug_id)
        .outerjoin(signer, signer.c.id == med_order.c.signed_by)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        .where(_waiting())).all()
    items: list[QueueItem] = []
    for r in rows:
        kind = {od.SUBMITTED: CHANGED if r.was_returned else NEW, od.STOP_PENDING: STOP}.get(
            r.status, VOID)
        items.append(QueueItem(
            order_id=r.id, version=int(r.version), kind=kind, encounter_id=r.encounter_id,
            bed_no=r.bed_no or "", patient_name=r.name, mrn=r.mrn, term=r.term, content=r.content,
            group_id=r.group_id, high_alert=bool(r.high_alert),
            urgent=r.status == od.SUBMITTED and (r.freq_code == "st" or bool(r.verbal)),
            signed_by_name=r.signer_name or "",
            signed_at={STOP: r.stop_signed_at, VOID: r.updated_at}.get(kind, r.signed_at),
            reason=r.void_reason if kind == VOID else None))
    keys = {r.id: (r.sort_key if r.sort_key is not None else 10**6, r.group_seq or 0) for r in rows}
    urgent_patients = {i.encounter_id for i in items if i.urgent}
    return sorted(items, key=lambda i: (i.encounter_id not in urgent_patients, keys[i.order_id][0],
                                        i.encounter_id, not i.urgent, KIND_RANK[i.kind],
                                        i.group_id or i.order_id, keys[i.order_id][1]))


def queue_counts(conn: Connection, ward_id: str) -> dict[str, int]:
    """Orders waiting for a nurse per stay (encounter id -> count): the bed cards' badge and the
    status bar's total, one GROUP BY."""
    rows = conn.execute(
        select(med_order.c.encounter_id, func.count())
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        .where(_waiting()).group_by(med_order.c.encounter_id)).all()
    return {str(e): int(n) for e, n in rows}


@dataclass(frozen=True)
class VerifyOrders(Command):
    """审核 a batch: one, a patient's, or the ticked ones across the ward."""

    order_ids: tuple[str, ...]
    base_versions: tuple[int, ...]
    high_alert_confirmed: tuple[str, ...] = ()   # the second look, per high-alert order


@dataclass(frozen=True)
class AcknowledgeVoid(Command):
    """A nurse has seen that an order she verified was voided (作废): it leaves the queue and
    its plan items that were still to come are cancelled."""

    order_id: str
    base_version: int


register(VerifyOrders, AcknowledgeVoid)


@handles(VerifyOrders, roles.ORDER_VERIFY)
def verify_batch(uow: UnitOfWork, cmd: VerifyOrders) -> Changes:
    if not cmd.order_ids or len(cmd.order_ids) != len(cmd.base_versions):
        raise ValidationError("order.nothing_to_verify")
    flagged = set(uow.conn.execute(
        select(med_order.c.id).join(drug, drug.c.id == med_order.c.drug_id)
        .where(med_order.c.id.in_(cmd.order_ids)).where(drug.c.high_alert == True)).scalars())  # noqa: E712
    unconfirmed = sorted(flagged - set(cmd.high_alert_confirmed))
    if unconfirmed:
        raise NeedsAcknowledgement("order.high_alert_second_look", count=len(unconfirmed),
                                   orders=unconfirmed)
    changes = Changes()
    done: set[str] = set()
    for order_id, base in zip(cmd.order_ids, cmd.base_versions):
        if order_id in done:
            continue                     # a group member verified with its group already
        step: Any = VerifyOrder(op_id=cmd.op_id, actor_id=cmd.actor_id, device_time=cmd.device_time,
                                order_id=order_id, base_version=base)
        result = transition(uow, step, "verify", values={"verified_at": uow.now,
                                                         "verified_by": cmd.actor_id})
        done |= {i for kind, i in result.ids if kind == "order"}
        changes = changes.merge(result)
    return changes


@handles(AcknowledgeVoid, roles.ORDER_VERIFY)
def acknowledge_void(uow: UnitOfWork, cmd: AcknowledgeVoid) -> Changes:
    order = need_order(uow, cmd.order_id)
    if order["status"] != od.VOIDED:
        raise ValidationError("order.cannot_transition", action="acknowledge", status=order["status"],
                              order=cmd.order_id)
    patient_id = patient_of(uow, order["encounter_id"])
    ids: list[str] = []
    for row in members_of(uow, order):
        base = cmd.base_version if row["id"] == order["id"] else int(row["version"])
        update_versioned(uow, med_order, row["id"], base, {})
        uow.conn.execute(insert(order_event).values(
            id=new_id(), order_id=row["id"], from_status=od.VOIDED, to_status=od.VOIDED,
            at=uow.now, staff_id=cmd.actor_id, reason=None, op_id=cmd.op_id,
            device_time=cmd.device_time))
        ids.append(row["id"])
    uow.conn.execute(update(order_exec_plan).where(order_exec_plan.c.order_id.in_(ids))
                     .where(order_exec_plan.c.status == "planned")
                     .values(status="cancelled", version=order_exec_plan.c.version + 1))
    uow.audit(AuditEntry("acknowledge_void", kinds.ORDER, order["id"], cmd.actor_id, patient_id,
                         None, {"orders": ids}, cmd.op_id))
    return Changes.of(kinds.ORDER, ids, [patient_id])
