"""集中发送 (issue 13): the nurse sends the ward's (or a patient's) verified drug orders to the
pharmacy for a time window in one step. The request (发药申请 / 摆药单) is a record the pharmacy's
own system reads (pharm_req, app/store/schema_nurse.py): lines per patient and drug, the quantity
computed from the plan items in the window and the dispensing unit. Each plan item is requested
once (the key of pharm_req_item): what another nurse sent meanwhile is left out. A stopped
order's sent but now cancelled items become a 退药 request in the same step.
The 附材 bound to the window's plan items (app/services/consumables.py) go with the send as
consumable lines per patient and consumable (preq_cons); each bound item is requested once (the
key of preq_cons_item), so a per-day 留置针 is requested once per day whoever sends first.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from typing import Any, Optional

from sqlalchemy import and_, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from app.domain import orders as od
from app.domain import roles
from app.errors import ValidationError
from app.ids import new_id
from app.services import changes as kinds
from app.services import consumables as cs
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.store.schema import (
    bed,
    consumable,
    drug,
    encounter,
    med_order,
    order_cons,
    order_exec_plan,
    patient,
    pharm_req,
    pharm_req_item,
    pharm_req_line,
    preq_cons,
    preq_cons_item,
    staff,
)

SEND, RETURN = "send", "return"
LIVE = (od.VERIFIED, od.ACTIVE, od.STOP_PENDING)
ATTEMPTS = 3
# The unit a dosage form is dispensed in (a form not listed: by the dose unit itself).
FORM_UNITS = {"片": "片", "缓释片": "片", "控释片": "片", "肠溶片": "片", "分散片": "片",
              "胶囊": "粒", "缓释胶囊": "粒", "肠溶胶囊": "粒", "软胶囊": "粒", "注射液": "支",
              "注射用粉针": "瓶", "冻干粉": "瓶", "颗粒": "袋", "散剂": "袋", "粉剂": "袋",
              "干混悬剂": "袋", "口服溶液": "瓶", "糖浆": "瓶", "混悬液": "瓶", "滴丸": "丸",
              "咀嚼片": "片", "泡腾片": "片", "口崩片": "片", "肠溶软胶囊": "粒", "吸入溶液": "支",
              "吸入混悬液": "支", "气雾剂": "瓶", "吸入粉雾剂": "瓶", "滴眼剂": "支", "眼膏": "支",
              "乳膏": "支", "软膏": "支", "凝胶": "支", "栓剂": "粒", "贴剂": "贴", "灌肠剂": "支"}


def units_per_dose(dose: Optional[Decimal], dose_unit: Optional[str], strength: Optional[Decimal],
                   strength_unit: Optional[str]) -> Decimal:
    """How many dispensing units one dose takes: the dose over the product's strength, rounded up
    (a 2 g dose of a 1 g vial is 2 vials); 1 when they cannot be compared."""
    if dose is None or not strength or not dose_unit or not strength_unit:
        return Decimal(1)
    scale = {**od.MASS, **od.VOLUME}
    if dose_unit == strength_unit:
        ratio = dose / strength
    elif dose_unit in scale and strength_unit in scale and (
            (dose_unit in od.MASS) == (strength_unit in od.MASS)):
        ratio = dose * scale[dose_unit] / (strength * scale[strength_unit])
    else:
        return Decimal(1)
    return max(Decimal(1), ratio.quantize(Decimal(1), rounding=ROUND_CEILING))


def dispensing_unit(form: str, dose_unit: Optional[str]) -> str:
    return FORM_UNITS.get(form, dose_unit or form)[:10]


@dataclass(frozen=True)
class SendToPharmacy(Command):
    ward_id: str
    window_from: datetime
    window_to: datetime
    encounter_id: Optional[str] = None     # one patient, or the whole ward


register(SendToPharmacy)


def _items(uow: UnitOfWork, cmd: SendToPharmacy, kind: str) -> list[Any]:
    sent = select(pharm_req_item.c.plan_id).where(pharm_req_item.c.kind == kind)
    stmt = (select(order_exec_plan.c.id.label("plan_id"), med_order.c.id.label("order_id"),
                   med_order.c.encounter_id, med_order.c.dose, med_order.c.dose_unit,
                   drug.c.id.label("drug_id"), drug.c.form, drug.c.strength, drug.c.strength_unit)
            .join(med_order, med_order.c.id == order_exec_plan.c.order_id)
            .join(encounter, encounter.c.id == med_order.c.encounter_id)
            .join(drug, drug.c.id == med_order.c.drug_id)
            .where(encounter.c.ward_id == cmd.ward_id).where(encounter.c.status == "admitted")
            .where(med_order.c.category == "drug").where(med_order.c.route_code != "id")
            .where(order_exec_plan.c.id.not_in(sent)))
    if cmd.encounter_id:
        stmt = stmt.where(med_order.c.encounter_id == cmd.encounter_id)
    if kind == SEND:
        stmt = stmt.where(med_order.c.status.in_(LIVE)).where(order_exec_plan.c.status == "planned") \
            .where(and_(order_exec_plan.c.planned_at >= cmd.window_from,
                        order_exec_plan.c.planned_at < cmd.window_to))
    else:   # 退药: sent, then cancelled by a stop (or a void) before it was given
        stmt = stmt.where(order_exec_plan.c.status == "cancelled") \
            .where(order_exec_plan.c.id.in_(select(pharm_req_item.c.plan_id)
                                            .where(pharm_req_item.c.kind == SEND)))
    return list(uow.conn.execute(stmt).all())


def _cons_items(uow: UnitOfWork, cmd: SendToPharmacy) -> list[Any]:
    """The bound 附材 of the window's live plan items not requested yet."""
    sent = select(preq_cons_item.c.bound_id)
    stmt = (select(order_cons.c.id.label("bound_id"), order_cons.c.consumable_id, order_cons.c.quantity,
                   consumable.c.unit, med_order.c.encounter_id)
            .join(order_exec_plan, order_exec_plan.c.id == order_cons.c.plan_id)
            .join(med_order, med_order.c.id == order_cons.c.order_id)
            .join(encounter, encounter.c.id == med_order.c.encounter_id)
            .join(consumable, consumable.c.id == order_cons.c.consumable_id)
            .where(encounter.c.ward_id == cmd.ward_id).where(encounter.c.status == "admitted")
            .where(order_cons.c.status == cs.BOUND).where(order_cons.c.id.not_in(sent))
            .where(med_order.c.status.in_(LIVE)).where(order_exec_plan.c.status == "planned")
            .where(and_(order_exec_plan.c.planned_at >= cmd.window_from,
                        order_exec_plan.c.planned_at < cmd.window_to)))
    if cmd.encounter_id:
        stmt = stmt.where(med_order.c.encounter_id == cmd.encounter_id)
    return list(uow.conn.execute(stmt).all())


def _cons_lines(uow: UnitOfWork, req_id: str, items: list[Any]) -> None:
    by_key: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for it in items:
        by_key[(str(it.encounter_id), str(it.consumable_id))].append(it)
    lines, links = [], []
    for (enc_id, cons_id), its in sorted(by_key.items()):
        line_id = new_id()
        lines.append({"id": line_id, "req_id": req_id, "encounter_id": enc_id, "consumable_id": cons_id,
                      "n_items": len(its), "quantity": sum((Decimal(i.quantity) for i in its), Decimal(0)),
                      "unit": its[0].unit})
        links += [{"bound_id": it.bound_id, "line_id": line_id} for it in its]
    uow.conn.execute(insert(preq_cons), lines)
    uow.conn.execute(insert(preq_cons_item), links)


def _request(uow: UnitOfWork, cmd: SendToPharmacy, kind: str, items: list[Any],
             cons: Optional[list[Any]] = None) -> Optional[str]:
    if not items and not cons:
        return None
    req_id = new_id()
    by_order: dict[str, list[Any]] = defaultdict(list)
    for it in items:
        by_order[it.order_id].append(it)
    lines, links = [], []
    for order_id, its in by_order.items():
        head = its[0]
        line_id = new_id()
        per_dose = units_per_dose(head.dose, head.dose_unit, head.strength, head.strength_unit)
        lines.append({"id": line_id, "req_id": req_id, "encounter_id": head.encounter_id,
                      "order_id": order_id, "drug_id": head.drug_id, "doses": len(its),
                      "quantity": per_dose * len(its), "unit": dispensing_unit(head.form, head.dose_unit)})
        links += [{"plan_id": it.plan_id, "kind": kind, "line_id": line_id} for it in its]
    uow.conn.execute(insert(pharm_req).values(
        id=req_id, ward_id=cmd.ward_id, encounter_id=cmd.encounter_id, kind=kind,
        status="sent" if kind == SEND else "returned", window_from=cmd.window_from,
        window_to=cmd.window_to, sent_at=uow.now, sent_by=cmd.actor_id, version=1,
        created_at=uow.now, updated_at=uow.now))
    if lines:
        uow.conn.execute(insert(pharm_req_line), lines)
        uow.conn.execute(insert(pharm_req_item), links)
    if cons:
        _cons_lines(uow, req_id, cons)
    return req_id


@handles(SendToPharmacy, roles.ORDER_EXECUTE)
def send(uow: UnitOfWork, cmd: SendToPharmacy) -> Changes:
    if cmd.window_to <= cmd.window_from:
        raise ValidationError("pharm.bad_window")
    made: list[str] = []
    for _attempt in range(ATTEMPTS):
        try:
            with uow.conn.begin_nested():
                made = [r for r in (_request(uow, cmd, SEND, _items(uow, cmd, SEND), _cons_items(uow, cmd)),
                                    _request(uow, cmd, RETURN, _items(uow, cmd, RETURN))) if r]
            break
        except IntegrityError:
            made = []         # another nurse sent some of them meanwhile: read again, send the rest
    if not made:
        raise ValidationError("pharm.nothing_to_send")
    uow.audit(AuditEntry("send", kinds.PHARMACY, made[0], cmd.actor_id, None, None,
                         {"requests": made, "from": cmd.window_from.isoformat(),
                          "to": cmd.window_to.isoformat(), "encounter": cmd.encounter_id}, cmd.op_id))
    return Changes.of(kinds.PHARMACY, made)


@dataclass(frozen=True)
class PharmLine:
    req_id: str
    kind: str
    status: str
    sent_at: datetime
    sent_by_name: str
    bed_no: str
    patient_name: str
    mrn: str
    content: str
    doses: int
    quantity: Decimal
    unit: str


def pharmacy_lines(conn: Connection, ward_id: str, since: datetime) -> list[PharmLine]:
    """The ward's requests since `since`, line by line (one query), newest request first."""
    rows = conn.execute(
        select(pharm_req.c.id, pharm_req.c.kind, pharm_req.c.status, pharm_req.c.sent_at,
               staff.c.full_name, bed.c.bed_no, bed.c.sort_key, patient.c.name, patient.c.mrn,
               med_order.c.content, pharm_req_line.c.doses, pharm_req_line.c.quantity,
               pharm_req_line.c.unit)
        .join(pharm_req_line, pharm_req_line.c.req_id == pharm_req.c.id)
        .join(staff, staff.c.id == pharm_req.c.sent_by)
        .join(med_order, med_order.c.id == pharm_req_line.c.order_id)
        .join(encounter, encounter.c.id == pharm_req_line.c.encounter_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .where(pharm_req.c.ward_id == ward_id).where(pharm_req.c.sent_at >= since)).all()
    ordered = sorted(rows, key=lambda r: (-r.sent_at.timestamp(), r.id, r.sort_key or 0, r.content))
    return [PharmLine(r.id, r.kind, r.status, r.sent_at, r.full_name, r.bed_no or "", r.name, r.mrn,
                      r.content, int(r.doses), Decimal(r.quantity), r.unit) for r in ordered]
