"""Signing orders: the checks on the server's data, overrides, rights, 皮试 and the red line.

`review(conn, encounter_id, order_ids)` is the read the F9 review shows; SignOrders runs the same
checks again inside its transaction (what was shown may be stale), so a high alert without a
written reason is refused with NeedsAcknowledgement carrying every such alert. Rights follow
CLINICAL.md §1 and §7: a drug order needs 处方权, a 麻醉/精一 drug its own right, and an
antibiotic above the signer's grade waits for a doctor who holds it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.engine import Connection

from app.checks import Allergy, CheckRequest, Diagnosis, Lab, Order, Patient, check_orders
from app.clock import as_utc
from app.domain import orders as od
from app.domain import roles
from app.errors import ConflictError, NeedsAcknowledgement, PermissionDenied, ValidationError
from app.exchange.settings import exchange_settings
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.ext_results import repeated_tests, window_days
from app.services.handlers import handles, update_versioned
from app.services.order_commands import ApproveOrders, OverrideReason, SignOrders
from app.services.order_handlers import need_order, patient_of, record_event
from app.services.uow import UnitOfWork
from app.services.ward import local_date
from app.store.schema import (
    allergy,
    diagnosis,
    drug,
    encounter,
    lab_result,
    med_order,
    order_event,
    order_group,
    order_item,
    order_override,
    patient,
    skin_test,
    staff,
)

SKIN_TEST_VALID = timedelta(hours=72)      # re-test a penicillin stopped > 72 h (CLINICAL.md §1)
NARCOTIC_CLASSES = ("麻醉", "精一")
OVERRIDE_TEXT_MAX = 200
DUPLICATE_TEST = "duplicate_test"          # 结果互认: the same test again within the window
REASON_REQUIRED = frozenset({DUPLICATE_TEST})


@dataclass(frozen=True)
class ReviewAlert:
    order_id: str
    category: str
    severity: str
    message: str
    related: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return (self.order_id, self.category, self.related)

    @property
    def needs_reason(self) -> bool:
        """A high alert, or a repeated test a recognised external result makes unnecessary
        (moderate, signed only with a reason)."""
        return self.severity == "high" or self.category in REASON_REQUIRED

    def to_params(self) -> dict[str, Any]:
        return {"order_id": self.order_id, "category": self.category, "severity": self.severity,
                "message": self.message, "related": list(self.related)}


def _age(birth: Any, now: datetime) -> Optional[float]:
    if birth is None:
        return None
    days: int = (as_utc(now).date() - birth).days
    return round(days / 365.25, 3)


def _patient(conn: Connection, encounter_id: str, now: datetime) -> tuple[str, Patient]:
    row = conn.execute(select(patient.c.id, patient.c.sex, patient.c.birth_date,
                              encounter.c.weight_kg, encounter.c.height_cm)
                       .join(encounter, encounter.c.patient_id == patient.c.id)
                       .where(encounter.c.id == encounter_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    allergies = conn.execute(select(allergy.c.substance, allergy.c.reaction)
                             .where(allergy.c.patient_id == row.id)
                             .where(allergy.c.status == "active")).all()
    diagnoses = conn.execute(select(diagnosis.c.icd10_code, diagnosis.c.name)
                             .where(diagnosis.c.encounter_id == encounter_id)
                             .where(diagnosis.c.status == "active")).all()
    latest = (select(lab_result.c.test_code, func.max(lab_result.c.taken_at).label("at"))
              .where(lab_result.c.encounter_id == encounter_id)
              .group_by(lab_result.c.test_code).subquery())
    labs = conn.execute(select(lab_result.c.test_code, lab_result.c.num_value, lab_result.c.unit)
                        .join(latest, and_(latest.c.test_code == lab_result.c.test_code,
                                           latest.c.at == lab_result.c.taken_at))
                        .where(lab_result.c.encounter_id == encounter_id)
                        .where(lab_result.c.num_value.is_not(None))).all()
    return str(row.id), Patient(
        age_years=_age(row.birth_date, now), sex=row.sex,
        weight_kg=float(row.weight_kg) if row.weight_kg else None,
        height_cm=float(row.height_cm) if row.height_cm else None,
        allergies=tuple(Allergy(a.substance, a.reaction) for a in allergies),
        diagnoses=tuple(Diagnosis(d.icd10_code, d.name) for d in diagnoses),
        labs=tuple(Lab(r.test_code, float(r.num_value), r.unit) for r in labs))


def _skin_results(conn: Connection, patient_id: str, now: datetime) -> dict[str, str]:
    """Substance -> the latest valid result ('negative' within 72 h, 'positive' ever)."""
    rows = conn.execute(select(skin_test.c.substance, skin_test.c.result, skin_test.c.read_at,
                               skin_test.c.tested_at)
                        .where(skin_test.c.patient_id == patient_id)
                        .where(skin_test.c.result.is_not(None))
                        .order_by(skin_test.c.tested_at)).all()
    out: dict[str, str] = {}
    for r in rows:
        at = r.read_at or r.tested_at
        if r.result == "positive" or (r.result == "negative" and now - at <= SKIN_TEST_VALID):
            out[r.substance] = r.result
        elif out.get(r.substance) == "negative":
            del out[r.substance]
    return out


def _drug_orders(conn: Connection, where: Any) -> list[dict[str, Any]]:
    rows = conn.execute(select(med_order, drug.c.generic_name, drug.c.base_name,
                               drug.c.narcotic, drug.c.skin_test.label("drug_skin_test"))
                        .join(drug, drug.c.id == med_order.c.drug_id).where(where)
                        .order_by(med_order.c.group_id, med_order.c.group_seq,
                                  med_order.c.start_at)).mappings().all()
    return [dict(r) for r in rows]


def _as_check_order(row: dict[str, Any], skin: dict[str, str]) -> Order:
    result = skin.get(row["base_name"])
    return Order(drug=row["generic_name"], dose=float(row["dose"]) if row["dose"] is not None else None,
                 unit=row["dose_unit"], route=row["route_code"], frequency=row["freq_code"],
                 group=row["group_id"], skin_test=result if row["drug_skin_test"] else None)


def review(conn: Connection, encounter_id: str, order_ids: tuple[str, ...],
           now: datetime, *, new: Optional[list[dict[str, Any]]] = None,
           facts: Optional[tuple[str, Patient, dict[str, str]]] = None) -> list[ReviewAlert]:
    """Every alert the checker raises for these drafts against the live orders, grouped by order
    (in the order given) and most severe first. `new` and `facts` (patient id, patient, skin
    results) may be handed in by the signing, which has read them already."""
    patient_id, pt, skin = facts if facts is not None else patient_facts(conn, encounter_id, now)
    if new is None:
        new = _drug_orders(conn, med_order.c.id.in_(order_ids))
    wanted = {oid: i for i, oid in enumerate(order_ids)}
    new = sorted(new, key=lambda r: wanted.get(r["id"], 0))
    rank = {"high": 0, "moderate": 1, "low": 2}
    repeats = (_repeated_tests(conn, patient_id, [o for o in order_ids if o not in {r["id"] for r in new}],
                               now) if len(new) < len(order_ids) else [])
    if not new:
        return sorted(repeats, key=lambda a: wanted.get(a.order_id, 0))
    live = _drug_orders(conn, and_(med_order.c.encounter_id == encounter_id,
                                   med_order.c.status.in_(od.LIVE),
                                   med_order.c.id.not_in(order_ids)))
    request = CheckRequest(patient=pt, active_orders=tuple(_as_check_order(r, skin) for r in live),
                           new_orders=tuple(_as_check_order(r, skin) for r in new))
    # A drug whose skin test is missing gets its 皮试 order with this signing (_skin_test_orders),
    # and the nurse cannot give it before a negative result: the missing precondition is being
    # met, so its alert is shown as a warning rather than asking the doctor for a reason.
    ordered_with = {r["id"] for r in new if r["drug_skin_test"] and r["route_code"] != "id"
                    and skin.get(r["base_name"]) is None}
    alerts = [ReviewAlert(new[a.order]["id"], a.category,
                          "moderate" if a.category == "skin_test" and a.severity == "high"
                          and new[a.order]["id"] in ordered_with else a.severity,
                          a.message, tuple(a.related))
              for a in check_orders(request)] + repeats
    return sorted(alerts, key=lambda a: (wanted.get(a.order_id, 0), rank.get(a.severity, 3)))


def _repeated_tests(conn: Connection, patient_id: str, order_ids: list[str],
                    now: datetime) -> list[ReviewAlert]:
    """A lab or exam order for a test an external report already answers, recognised (互认) and
    still inside its window: a moderate alert that asks for a reason (结果互认, issue 17)."""
    if not order_ids:
        return []
    items = conn.execute(
        select(med_order.c.id, order_item.c.loinc, order_item.c.name)
        .join(order_item, order_item.c.id == med_order.c.item_id)
        .where(med_order.c.id.in_(order_ids), med_order.c.category.in_(("lab", "exam")),
               order_item.c.loinc.is_not(None))).all()
    if not items:
        return []
    settings = exchange_settings(conn)
    found = repeated_tests(conn, patient_id, {str(r.loinc) for r in items}, now, settings)
    alerts = []
    for r in items:
        ext = found.get(str(r.loinc))
        if ext is None:
            continue
        message = (f"{ext.inst_name} {local_date(ext.effective_at):%Y-%m-%d} 的“{ext.name}”已互认"
                   f"（{window_days(ext.kind, settings)} 天内有效）：重复检查须说明理由")
        alerts.append(ReviewAlert(r.id, DUPLICATE_TEST, "moderate", message, (ext.id,)))
    return alerts


def patient_facts(conn: Connection, encounter_id: str,
                  now: datetime) -> tuple[str, Patient, dict[str, str]]:
    patient_id, pt = _patient(conn, encounter_id, now)
    return patient_id, pt, _skin_results(conn, patient_id, now)


def _signer(conn: Connection, staff_id: str) -> dict[str, Any]:
    row = conn.execute(select(staff).where(staff.c.id == staff_id)).mappings().first()
    if row is None:
        raise PermissionDenied("perm.denied", permission=roles.ORDER_SIGN)
    return dict(row)


def _check_rights(signer: dict[str, Any], row: dict[str, Any]) -> None:
    if row["category"] != "drug":
        return
    if not signer["can_prescribe"]:
        raise PermissionDenied("order.no_prescribing_right", permission=roles.ORDER_SIGN)
    if row.get("narcotic") in NARCOTIC_CLASSES and not signer["can_narcotic"]:
        raise PermissionDenied("order.no_narcotic_right", permission=roles.ORDER_SIGN)


def _valid_override(o: OverrideReason) -> bool:
    from app.checks import OVERRIDE_REASONS

    if o.reason not in OVERRIDE_REASONS:
        return False
    text = (o.text or "").strip()
    return len(text) <= OVERRIDE_TEXT_MAX and (o.reason != "other" or bool(text))


@handles(SignOrders, roles.ORDER_SIGN)
def sign(uow: UnitOfWork, cmd: SignOrders) -> Changes:
    """All of the drafts signed in one transaction, in a fixed number of round trips: the rows
    are read (and locked) together, written in one UPDATE per resulting status, their events in
    one batch. Each row's version is compared under the lock."""
    if not cmd.order_ids or len(cmd.order_ids) != len(cmd.base_versions) \
            or len(set(cmd.order_ids)) != len(cmd.order_ids):
        raise ValidationError("order.nothing_to_sign")
    signer = _signer(uow.conn, cmd.actor_id)
    found = {r["id"]: dict(r) for r in uow.conn.execute(
        select(med_order).where(med_order.c.id.in_(cmd.order_ids)).with_for_update()).mappings()}
    rows: list[dict[str, Any]] = []
    for oid, base in zip(cmd.order_ids, cmd.base_versions):
        row = found.get(oid)
        if row is None:
            raise ValidationError("not_found", entity="order", id=oid)
        if int(row["version"]) != base:
            raise ConflictError("conflict.stale", entity="med_order", id=oid, base_version=base,
                                current_version=row["version"], current=jsonable(row))
        if row["encounter_id"] != cmd.encounter_id:
            raise ValidationError("order.wrong_patient", order=oid)
        if row["status"] not in od.EDITABLE:
            raise ValidationError("order.cannot_sign", status=row["status"], order=oid)
        rows.append(row)
    groups = {r["group_id"] for r in rows if r["group_id"]}
    if groups:
        members = uow.conn.execute(select(med_order.c.id, med_order.c.group_id)
                                   .where(med_order.c.group_id.in_(groups))).all()
        if any(m.id not in found for m in members):
            raise ValidationError("order.group_partial",
                                  order=next(m.group_id for m in members if m.id not in found))
    drug_rows = _drug_orders(uow.conn, med_order.c.id.in_(cmd.order_ids))
    drugs = {r["id"]: r for r in drug_rows}
    for row in rows:
        _check_rights(signer, drugs.get(row["id"], row))
    facts = patient_facts(uow.conn, cmd.encounter_id, uow.now)
    patient_id = facts[0]
    alerts = review(uow.conn, cmd.encounter_id, cmd.order_ids, uow.now, new=drug_rows, facts=facts)
    given = {(o.order_id, o.category, tuple(o.related)): o for o in cmd.overrides if _valid_override(o)}
    blocking = [a for a in alerts if a.needs_reason]
    unanswered = [a for a in blocking if a.key not in given]
    if unanswered:
        raise NeedsAcknowledgement("checks.override_required", count=len(unanswered),
                                   alerts=[a.to_params() for a in unanswered])
    if blocking:
        uow.conn.execute(insert(order_override), [{
            "id": new_id(), "order_id": a.order_id, "rule": f"{a.category}:{'/'.join(a.related)}"[:60],
            "category": a.category, "severity": a.severity, "message": a.message[:200],
            "reason": _reason_text(given[a.key]), "staff_id": cmd.actor_id, "at": uow.now,
            "op_id": cmd.op_id} for a in blocking])
    by_target: dict[str, list[str]] = {}
    for row in rows:
        above = int(row["abx_grade"] or 0) > int(signer["abx_grade"] or 0)
        by_target.setdefault(od.AWAITING_APPROVAL if above else od.SUBMITTED, []).append(row["id"])
    for target, ids in by_target.items():
        done = uow.conn.execute(update(med_order).where(med_order.c.id.in_(ids)).values(
            status=target, signed_at=uow.now, signed_by=cmd.actor_id, return_reason=None,
            override_reason=None, version=med_order.c.version + 1, updated_at=uow.now))
        if done.rowcount != len(ids):
            raise ConflictError("conflict.stale", entity="med_order", id=ids[0],
                                base_version=None, current_version=None, current=None)
    for row in rows:
        summary = "; ".join(f"{a.category}: {given[a.key].reason}" for a in blocking
                            if a.order_id == row["id"])
        if summary:
            uow.conn.execute(update(med_order).where(med_order.c.id == row["id"])
                             .values(override_reason=summary[:200]))
    target_of = {oid: t for t, ids in by_target.items() for oid in ids}
    uow.conn.execute(insert(order_event), [{
        "id": new_id(), "order_id": r["id"], "from_status": r["status"], "to_status": target_of[r["id"]],
        "at": uow.now, "staff_id": cmd.actor_id, "reason": None, "op_id": cmd.op_id,
        "device_time": cmd.device_time} for r in rows])
    for group_id in groups:
        first = next(r for r in rows if r["group_id"] == group_id)
        _set_group_status(uow, group_id, target_of[first["id"]])
    touched = [r["id"] for r in rows]
    touched += _skin_test_orders(uow, cmd, rows, drugs, facts[2])
    touched += _red_line(uow, cmd, rows)
    uow.audit(AuditEntry("sign", kinds.ORDER, cmd.order_ids[0], cmd.actor_id, patient_id,
                         None, {"orders": list(cmd.order_ids),
                                "overrides": [a.to_params() for a in blocking],
                                "warnings": [a.to_params() for a in alerts
                                             if a.severity == "moderate" and not a.needs_reason]},
                         cmd.op_id))
    return Changes.of(kinds.ORDER, touched, [patient_id])


def _reason_text(o: OverrideReason) -> str:
    return (o.reason if not o.text else f"{o.reason}: {o.text.strip()}")[:200]


def _set_group_status(uow: UnitOfWork, group_id: str, status: str) -> None:
    found = uow.conn.execute(select(order_group.c.version, order_group.c.status)
                             .where(order_group.c.id == group_id)).first()
    if found is not None and found.status != status:
        update_versioned(uow, order_group, group_id, int(found.version), {"status": status})


def _skin_test_orders(uow: UnitOfWork, cmd: SignOrders, rows: list[dict[str, Any]],
                      drugs: dict[str, dict[str, Any]], results: dict[str, str]) -> list[str]:
    """A drug that needs a skin test gets its 皮试 order with it, unless a valid negative result
    or a live 皮试 order for the substance exists (a positive one is the checker's high alert)."""
    if not any(d["drug_skin_test"] and d["route_code"] != "id" for d in drugs.values()):
        return []
    live_tests = set(uow.conn.execute(
        select(drug.c.base_name).join(med_order, med_order.c.drug_id == drug.c.id)
        .where(med_order.c.encounter_id == cmd.encounter_id).where(med_order.c.route_code == "id")
        .where(med_order.c.status.in_((*od.LIVE, od.EXECUTED)))).scalars())
    made: list[str] = []
    for row in rows:
        d = drugs.get(row["id"])
        if d is None or not d["drug_skin_test"] or row["route_code"] == "id":
            continue
        substance = d["base_name"]
        if substance in results or substance in live_tests:
            continue
        live_tests.add(substance)
        test_id = new_id()
        uow.conn.execute(insert(med_order).values(
            id=test_id, encounter_id=cmd.encounter_id, term=od.TEMP, category="treatment",
            drug_id=row["drug_id"], item_id=None, content=f"{substance}皮试",
            dose=Decimal("0.1"), dose_unit="ml", route_code="id", freq_code="once",
            first_day_times=None, rate=None, group_id=None, group_seq=None, skin_test_req=True,
            instruction=None, status=od.SUBMITTED, start_at=uow.now, stop_at=None,
            ordered_by=cmd.actor_id, signed_at=uow.now, signed_by=cmd.actor_id, verbal=False,
            use_kind="regular", abx_grade=0, version=1, created_at=uow.now, updated_at=uow.now))
        record_event(uow, {"id": test_id, "status": None}, od.SUBMITTED, cmd.actor_id,
                     cmd.op_id, cmd.device_time, f"skin test for {row['id']}")
        made.append(test_id)
    return made


def _red_line(uow: UnitOfWork, cmd: SignOrders, rows: list[dict[str, Any]]) -> list[str]:
    """术后/转科/重整医嘱: every long order that started before the line stops at it."""
    lines = [r for r in rows if r["category"] == "line"]
    if not lines:
        return []
    at = min(r["start_at"] for r in lines)
    above = uow.conn.execute(select(med_order).where(med_order.c.encounter_id == cmd.encounter_id)
                             .where(med_order.c.term == od.LONG)
                             .where(med_order.c.status.in_((od.SUBMITTED, od.VERIFIED, od.ACTIVE)))
                             .where(med_order.c.start_at < at)
                             .where(med_order.c.id.not_in(cmd.order_ids))).mappings().all()
    stopped: list[str] = []
    for row in above:
        update_versioned(uow, med_order, row["id"], int(row["version"]), {
            "status": od.STOP_PENDING, "stop_at": at, "stop_signed_at": uow.now,
            "stopped_by": cmd.actor_id})
        record_event(uow, dict(row), od.STOP_PENDING, cmd.actor_id, cmd.op_id, cmd.device_time,
                     lines[0]["content"][:100])
        stopped.append(row["id"])
    return stopped


@handles(ApproveOrders, roles.ORDER_SIGN)
def approve(uow: UnitOfWork, cmd: ApproveOrders) -> Changes:
    approver = _signer(uow.conn, cmd.actor_id)
    touched: list[str] = []
    patient_id = ""
    for order_id, base in zip(cmd.order_ids, cmd.base_versions):
        row = need_order(uow, order_id)
        if row["status"] != od.AWAITING_APPROVAL:
            raise ValidationError("order.cannot_approve", status=row["status"], order=order_id)
        if int(approver["abx_grade"] or 0) < int(row["abx_grade"] or 0):
            raise PermissionDenied("order.abx_grade_too_low", permission=roles.ORDER_SIGN)
        patient_id = patient_of(uow, row["encounter_id"])
        update_versioned(uow, med_order, order_id, base, {
            "status": od.SUBMITTED, "approved_at": uow.now, "approved_by": cmd.actor_id})
        record_event(uow, row, od.SUBMITTED, cmd.actor_id, cmd.op_id, cmd.device_time, "approved")
        touched.append(order_id)
    uow.audit(AuditEntry("approve", kinds.ORDER, cmd.order_ids[0] if cmd.order_ids else "",
                         cmd.actor_id, patient_id or None, None, {"orders": touched}, cmd.op_id))
    return Changes.of(kinds.ORDER, touched, [patient_id] if patient_id else [])
