"""The nurse's verification (医嘱审核/校对) side of the orders, ward-wide (issue 13, first part).

`verification_queue` is what waits for the ward's nurses: new (signed, not yet verified) and
stopped (stop signed, not yet confirmed) orders, grouped by patient in bed order, urgent first
(st, verbal/rescue orders). `VerifyOrders` verifies a batch in one transaction; a high-alert
drug (高警示, CLINICAL.md §7) needs its second look: the batch refuses, naming them, until the
nurse confirms each (NeedsAcknowledgement), and nothing is verified half-way.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.domain import orders as od
from app.domain import roles
from app.errors import NeedsAcknowledgement, ValidationError
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.order_commands import VerifyOrder
from app.services.order_handlers import transition
from app.services.uow import UnitOfWork
from app.store.schema import bed, drug, encounter, med_order, patient, staff

NEW, STOP = "new", "stop"


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


def verification_queue(conn: Connection, ward_id: str) -> list[QueueItem]:
    """One query: the ward's orders waiting for a nurse, urgent first, then by bed."""
    signer = staff.alias("signer")
    rows = conn.execute(
        select(med_order.c.id, med_order.c.version, med_order.c.status, med_order.c.encounter_id,
               bed.c.bed_no, bed.c.sort_key, patient.c.name, patient.c.mrn, med_order.c.term,
               med_order.c.content, med_order.c.group_id, med_order.c.group_seq,
               med_order.c.freq_code, med_order.c.verbal, drug.c.high_alert,
               signer.c.full_name.label("signer_name"), med_order.c.signed_at,
               med_order.c.stop_signed_at)
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .outerjoin(drug, drug.c.id == med_order.c.drug_id)
        .outerjoin(signer, signer.c.id == med_order.c.signed_by)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        .where(med_order.c.status.in_((od.SUBMITTED, od.STOP_PENDING)))).all()
    items = [QueueItem(
        order_id=r.id, version=int(r.version), kind=NEW if r.status == od.SUBMITTED else STOP,
        encounter_id=r.encounter_id, bed_no=r.bed_no or "", patient_name=r.name, mrn=r.mrn,
        term=r.term, content=r.content, group_id=r.group_id, high_alert=bool(r.high_alert),
        urgent=r.status == od.SUBMITTED and (r.freq_code == "st" or bool(r.verbal)),
        signed_by_name=r.signer_name or "",
        signed_at=r.stop_signed_at if r.status == od.STOP_PENDING else r.signed_at) for r in rows]
    sort_keys = {r.id: (r.sort_key if r.sort_key is not None else 10**6, r.group_seq or 0) for r in rows}
    return sorted(items, key=lambda i: (not i.urgent, sort_keys[i.order_id][0], i.encounter_id,
                                        i.kind, i.group_id or i.order_id, sort_keys[i.order_id][1]))


@dataclass(frozen=True)
class VerifyOrders(Command):
    """审核 a batch: one, a patient's, or the ticked ones across the ward."""

    order_ids: tuple[str, ...]
    base_versions: tuple[int, ...]
    high_alert_confirmed: tuple[str, ...] = ()   # the second look, per high-alert order


register(VerifyOrders)


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
