"""Executing orders (执行, CLINICAL.md §2): the day's execution items of a ward, and the
execution facts recorded against them.

`execution_day` reads a ward day in four queries (plan items with their orders, the facts on
them, the skin-test state of the ward, the ward's settings), never one per patient. An infusion
group (成组医嘱) is one item: its members' plan items at the same time, shown with every drug.

`RecordExecution` inserts facts, never updates one: executed, not executed (a reason from
CLINICAL.md §2), infusion started or finished. The first record of an item's phase takes its
claim key (UNIQUE); a second nurse recording the same item at the same moment cannot take it, so
her fact is kept with `is_duplicate` set, for review: nothing is dropped. `VoidExecution` is the
correction: a new row naming the fact it voids (once). Refused, with nothing written: a stopped,
voided, unverified order or a cancelled item; a drug whose skin test is not negative; a time in
the future or before the order's start; the wrong patient; a second nurse who is the same person
or may not execute; a high-alert drug or blood without a second nurse.
"""
from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable, Optional

from sqlalchemy import and_, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from app.domain import execution as ex
from app.domain import orders as od
from app.domain import plans, roles
from app.errors import ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import actor_permissions, handles, update_versioned
from app.services.order_handlers import record_event
from app.services.skin_tests import skin_states
from app.services.uow import UnitOfWork
from app.services.ward_settings import nurse_settings
from app.store.schema import (
    bed,
    drug,
    encounter,
    med_order,
    order_exec,
    order_exec_plan,
    patient,
    route,
    staff,
)

EXECUTABLE = (od.VERIFIED, od.ACTIVE, od.STOP_PENDING, od.EXECUTED)
SHOWN = (*EXECUTABLE,)


@dataclass(frozen=True)
class ExecDrug:
    content: str
    dose: Optional[Decimal]
    dose_unit: Optional[str]
    high_alert: bool
    skin_test: Optional[str]          # None: no test needed; negative / positive / running / due


@dataclass(frozen=True)
class ExecFact:
    id: str
    kind: str                         # done, not_done, started, finished, void
    at: Optional[datetime]
    nurse_name: str
    second_name: str
    reason_code: Optional[str]
    reason_text: Optional[str]
    duplicate: bool
    voided: bool
    voids_id: Optional[str]


@dataclass(frozen=True)
class ExecItem:
    plan_id: str                      # the first member's plan item: what a command names
    plan_ids: tuple[str, ...]
    order_id: str
    order_status: str
    encounter_id: str
    patient_id: str
    bed_no: str
    patient_name: str
    mrn: str
    sheet: str
    planned_at: datetime
    term: str
    freq_code: Optional[str]
    route_code: Optional[str]
    route_name: str
    rate: Optional[str]
    drugs: tuple[ExecDrug, ...]
    high_alert: bool
    second_needed: bool
    facts: tuple[ExecFact, ...]
    overdue: bool

    @property
    def state(self) -> str:
        """planned, done, not_done, running (started, not finished), finished."""
        live = [f for f in self.facts if not f.voided and f.kind != ex.VOID]
        kinds_seen = {f.kind for f in live}
        if ex.FINISHED in kinds_seen:
            return ex.FINISHED
        if ex.STARTED in kinds_seen:
            return "running"
        for k in (ex.DONE, ex.NOT_DONE):
            if k in kinds_seen:
                return k
        return "planned"

    @property
    def blocked(self) -> Optional[str]:
        """Why a skin test forbids it: positive / running / due, or None."""
        for d in self.drugs:
            if d.skin_test in ("positive", "running", "due"):
                return d.skin_test
        return None

    @property
    def has_duplicate(self) -> bool:
        return any(f.duplicate and not f.voided for f in self.facts)


@dataclass(frozen=True)
class ExecutionDay:
    day: date
    items: tuple[ExecItem, ...]
    overdue_minutes: int


def _zone(offset_minutes: int) -> timezone:
    return timezone(timedelta(minutes=offset_minutes))


def _facts(conn: Connection, ward_id: str, start: datetime, end: datetime) -> dict[str, list[ExecFact]]:
    nurse, second = staff.alias("nurse"), staff.alias("second")
    rows = conn.execute(
        select(order_exec.c.id, order_exec.c.plan_id, order_exec.c.status, order_exec.c.done_at,
               order_exec.c.reason_code, order_exec.c.reason_text, order_exec.c.is_duplicate,
               order_exec.c.voids_id, order_exec.c.created_at, nurse.c.full_name.label("nurse_name"),
               second.c.full_name.label("second_name"))
        .join(order_exec_plan, order_exec_plan.c.id == order_exec.c.plan_id)
        .join(med_order, med_order.c.id == order_exec_plan.c.order_id)
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .outerjoin(nurse, nurse.c.id == order_exec.c.done_by)
        .outerjoin(second, second.c.id == order_exec.c.checked_by)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        .where(and_(order_exec_plan.c.planned_at >= start, order_exec_plan.c.planned_at < end))
        .order_by(order_exec.c.created_at, order_exec.c.id)).all()
    voided = {r.voids_id for r in rows if r.voids_id}
    out: dict[str, list[ExecFact]] = defaultdict(list)
    for r in rows:
        out[r.plan_id].append(ExecFact(r.id, r.status, r.done_at, r.nurse_name or "", r.second_name or "",
                                       r.reason_code, r.reason_text, bool(r.is_duplicate),
                                       r.id in voided, r.voids_id))
    return out


def execution_day(conn: Connection, ward_id: str, day: date, utc_offset_minutes: int,
                  now: datetime) -> ExecutionDay:
    """The ward's execution items of `day` (every sheet), by time, then bed."""
    zone = _zone(utc_offset_minutes)
    start, end = plans.day_bounds(day, zone)
    settings = nurse_settings(conn, ward_id)
    rows = conn.execute(
        select(order_exec_plan.c.id.label("plan_id"), order_exec_plan.c.planned_at,
               med_order.c.id.label("order_id"), med_order.c.status, med_order.c.group_id,
               med_order.c.group_seq, med_order.c.encounter_id, med_order.c.category,
               med_order.c.content, med_order.c.dose, med_order.c.dose_unit, med_order.c.term,
               med_order.c.freq_code, med_order.c.route_code, med_order.c.rate,
               drug.c.high_alert, drug.c.skin_test.label("needs_test"), drug.c.base_name,
               route.c.name.label("route_name"), route.c.exec_sheet, patient.c.id.label("patient_id"),
               patient.c.name, patient.c.mrn, bed.c.bed_no, bed.c.sort_key)
        .join(med_order, med_order.c.id == order_exec_plan.c.order_id)
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .outerjoin(drug, drug.c.id == med_order.c.drug_id)
        .outerjoin(route, route.c.code == med_order.c.route_code)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        .where(and_(order_exec_plan.c.planned_at >= start, order_exec_plan.c.planned_at < end))
        .where(order_exec_plan.c.status == "planned")
        .where(med_order.c.status.in_(SHOWN))).all()
    facts = _facts(conn, ward_id, start, end)
    skin = skin_states(conn, ward_id, now, settings) if any(r.needs_test for r in rows) else {}
    groups: dict[tuple[str, datetime], list[Any]] = defaultdict(list)
    for r in rows:
        groups[(r.group_id or r.order_id, r.planned_at)].append(r)
    tolerance = timedelta(minutes=settings.overdue_minutes)
    items: list[ExecItem] = []
    for (_key, at), members in groups.items():
        members.sort(key=lambda r: r.group_seq or 0)
        head = members[0]
        sheet = ex.sheet_of(head.category, head.exec_sheet, head.route_code)
        if sheet is None:
            continue
        drugs = tuple(ExecDrug(
            m.content, m.dose, m.dose_unit, bool(m.high_alert),
            (skin.get((m.patient_id, m.base_name), "due")
             if m.needs_test and m.route_code != "id" else None)) for m in members)
        high = any(d.high_alert for d in drugs)
        item_facts = tuple(f for m in members for f in facts.get(m.plan_id, []))
        opened = any(f.kind in ex.OPENING and not f.voided for f in item_facts)
        items.append(ExecItem(
            plan_id=head.plan_id, plan_ids=tuple(m.plan_id for m in members), order_id=head.order_id,
            order_status=head.status, encounter_id=head.encounter_id, patient_id=head.patient_id,
            bed_no=head.bed_no or "", patient_name=head.name, mrn=head.mrn, sheet=sheet,
            planned_at=at, term=head.term, freq_code=head.freq_code, route_code=head.route_code,
            route_name=head.route_name or "", rate=head.rate, drugs=drugs, high_alert=high,
            second_needed=ex.needs_second_nurse(high, " ".join(m.content for m in members)),
            facts=item_facts, overdue=not opened and at + tolerance < now))
    sort_keys = {r.plan_id: r.sort_key if r.sort_key is not None else 10**6 for r in rows}
    items.sort(key=lambda i: (i.planned_at, sort_keys[i.plan_id], i.encounter_id, i.plan_id))
    return ExecutionDay(day, tuple(items), settings.overdue_minutes)


@dataclass(frozen=True)
class StaffRef:
    id: str
    login_name: str
    full_name: str


def staff_by_login(conn: Connection, login: str) -> Optional[StaffRef]:
    """The second nurse of a 双人核对, by login name."""
    row = conn.execute(select(staff.c.id, staff.c.login_name, staff.c.full_name)
                       .where(staff.c.login_name == login.strip())
                       .where(staff.c.is_active == True)).first()  # noqa: E712
    return None if row is None else StaffRef(row.id, row.login_name, row.full_name)


# ---- commands ------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordExecution(Command):
    fact_id: str                      # client-made key of the first member's fact
    plan_id: str                      # the item (a group: its first member's plan item)
    kind: str                         # done, not_done, started, finished
    at: datetime                      # when it was done, as the nurse says
    patient_mrn: str                  # the identified patient's 住院号 (two identifiers, UI)
    second_nurse_id: Optional[str] = None
    reason_code: Optional[str] = None
    reason_text: Optional[str] = None


@dataclass(frozen=True)
class VoidExecution(Command):
    """The correction of a fact recorded by mistake: a new row that voids it (who, when, why)."""

    fact_id: str
    voids_id: str
    reason: str


register(RecordExecution, VoidExecution)


def member_fact_id(fact_id: str, plan_id: str) -> str:
    return str(uuid.uuid5(uuid.UUID(fact_id), plan_id)) if plan_id else fact_id


def item_select() -> Any:
    """Plan items with what executing them checks: the order, its drug, the stay and patient."""
    cols = (order_exec_plan.c.id.label("plan_id"), order_exec_plan.c.planned_at,
            order_exec_plan.c.status.label("plan_status"), med_order.c.id.label("order_id"),
            med_order.c.status, med_order.c.version, med_order.c.term, med_order.c.group_id,
            med_order.c.group_seq, med_order.c.start_at, med_order.c.stop_at, med_order.c.content,
            med_order.c.route_code, med_order.c.encounter_id, drug.c.high_alert,
            drug.c.skin_test.label("needs_test"), drug.c.base_name, encounter.c.patient_id,
            encounter.c.ward_id, patient.c.mrn)
    return (select(*cols).join(med_order, med_order.c.id == order_exec_plan.c.order_id)
            .join(encounter, encounter.c.id == med_order.c.encounter_id)
            .join(patient, patient.c.id == encounter.c.patient_id)
            .outerjoin(drug, drug.c.id == med_order.c.drug_id))


def _item(uow: UnitOfWork, plan_id: str) -> list[dict[str, Any]]:
    """The plan item with its order, and its group's items at the same time (first = the one named)."""
    base = item_select()
    head = uow.conn.execute(base.where(order_exec_plan.c.id == plan_id)).mappings().first()
    if head is None:
        raise ValidationError("not_found", entity="plan_item", id=plan_id)
    if not head["group_id"]:
        return [dict(head)]
    rows = uow.conn.execute(base.where(med_order.c.group_id == head["group_id"])
                            .where(order_exec_plan.c.planned_at == head["planned_at"])
                            .order_by(med_order.c.group_seq)).mappings().all()
    return [dict(head)] + [dict(r) for r in rows if r["plan_id"] != plan_id]


def _refuse_order(row: dict[str, Any]) -> None:
    """An executed temp order stays executable: a second record is kept, flagged."""
    status = row["status"]
    if row["plan_status"] != "planned":
        raise ValidationError("exec.item_cancelled")
    if status in (od.STOPPED, od.VOIDED):
        raise ValidationError("exec.order_stopped" if status == od.STOPPED else "exec.order_voided")
    if status not in EXECUTABLE:
        raise ValidationError("exec.order_not_verified", status=status)
    if status == od.STOP_PENDING and row["stop_at"] is not None and row["planned_at"] >= row["stop_at"]:
        raise ValidationError("exec.order_stopped")


def _check_second(cmd: RecordExecution, needed: bool, permissions: Callable[[str], frozenset[str]]) -> None:
    if cmd.second_nurse_id is None:
        if needed and cmd.kind in (ex.DONE, ex.STARTED):
            raise ValidationError("exec.second_nurse_required", field="second_nurse")
        return
    if cmd.second_nurse_id == cmd.actor_id:
        raise ValidationError("exec.second_nurse_same", field="second_nurse")
    if roles.ORDER_EXECUTE not in permissions(cmd.second_nurse_id):
        raise ValidationError("exec.second_nurse_not_allowed", field="second_nurse")


def _check_time(uow: UnitOfWork, cmd: RecordExecution, rows: list[dict[str, Any]]) -> None:
    if cmd.at > uow.now + timedelta(seconds=ex.FUTURE_SLACK_SECONDS):
        raise ValidationError("exec.time_in_future", field="at")
    if cmd.at < min(r["start_at"] for r in rows):
        raise ValidationError("exec.before_order_start", field="at")


def needs_skin_check(cmd: RecordExecution, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The members whose drug needs a valid negative skin test before this record."""
    if cmd.kind not in (ex.DONE, ex.STARTED):
        return []
    return [r for r in rows if r["needs_test"] and r["route_code"] != "id"]


def _check_skin(tested: list[dict[str, Any]], states: dict[tuple[str, str], str]) -> None:
    for r in tested:
        state = states.get((r["patient_id"], r["base_name"]), "due")
        if state == "positive":
            raise ValidationError("exec.skin_test_positive", substance=r["base_name"])
        if state != "negative":
            raise ValidationError("exec.skin_test_pending", substance=r["base_name"])


def ward_skin_states(conn: Connection, ward_id: str, now: datetime,
                     patient_id: Optional[str] = None) -> dict[tuple[str, str], str]:
    return skin_states(conn, ward_id, now, nurse_settings(conn, ward_id), patient_id=patient_id)


def check_execution(uow: UnitOfWork, cmd: RecordExecution, rows: list[dict[str, Any]], *,
                    permissions: Callable[[str], frozenset[str]],
                    skin: Callable[[list[dict[str, Any]]], dict[tuple[str, str], str]],
                    started: Callable[[str], bool]) -> tuple[Optional[str], Optional[str]]:
    """Every check of RecordExecution on the item's rows (the replay's set-based form passes what
    it read once for a run); returns the not-done reason (code, text)."""
    if cmd.kind not in ex.KINDS:
        raise ValidationError("exec.bad_kind", kind=cmd.kind)
    head = rows[0]
    if cmd.patient_mrn.strip() != head["mrn"]:
        raise ValidationError("exec.patient_mismatch", field="patient")
    for r in rows:
        _refuse_order(r)
    reason_code = reason_text = None
    if cmd.kind == ex.NOT_DONE:
        reason_code = cmd.reason_code
        reason_text = (cmd.reason_text or "").strip()[:100] or None
        if reason_code not in ex.NOT_DONE_REASONS:
            raise ValidationError("exec.reason_required", field="reason")
        if reason_code == "other" and not reason_text:
            raise ValidationError("exec.reason_text_required", field="reason")
    _check_time(uow, cmd, rows)
    high = any(bool(r["high_alert"]) for r in rows)
    _check_second(cmd, ex.needs_second_nurse(high, " ".join(r["content"] for r in rows)), permissions)
    tested = needs_skin_check(cmd, rows)
    if tested:
        _check_skin(tested, skin(tested))
    if cmd.kind == ex.FINISHED and not started(head["plan_id"]):
        raise ValidationError("exec.not_started")
    return reason_code, reason_text


def _voided_counts(uow: UnitOfWork, plan_ids: list[str]) -> dict[str, int]:
    voids = order_exec.alias("voids")
    rows = uow.conn.execute(select(order_exec.c.plan_id, func.count())
                            .join(voids, voids.c.voids_id == order_exec.c.id)
                            .where(order_exec.c.plan_id.in_(plan_ids))
                            .group_by(order_exec.c.plan_id)).all()
    return {str(p): int(n) for p, n in rows}


def started_items(uow: UnitOfWork, plan_ids: list[str]) -> set[str]:
    """The items with a started record nobody voided (an infusion running)."""
    voids = order_exec.alias("voids")
    return {str(p) for p in uow.conn.execute(
        select(order_exec.c.plan_id).outerjoin(voids, voids.c.voids_id == order_exec.c.id)
        .where(order_exec.c.plan_id.in_(plan_ids)).where(order_exec.c.status == ex.STARTED)
        .where(voids.c.id.is_(None))).scalars()}


def fact_values(uow: UnitOfWork, cmd: RecordExecution, r: dict[str, Any],
                reason: tuple[Optional[str], Optional[str]]) -> dict[str, Any]:
    """The order_exec row of one member (its claim and duplicate flag apart)."""
    fact_id = cmd.fact_id if r["plan_id"] == cmd.plan_id else member_fact_id(cmd.fact_id, r["plan_id"])
    return {"id": fact_id, "order_id": r["order_id"], "plan_id": r["plan_id"],
            "planned_at": r["planned_at"], "status": cmd.kind, "done_at": cmd.at,
            "done_by": cmd.actor_id, "checked_by": cmd.second_nurse_id,
            "reason_code": reason[0], "reason_text": reason[1],
            "device_time": cmd.device_time, "received_at": uow.now,
            "device_id": uow.workstation[:60], "version": 1, "created_at": uow.now,
            "updated_at": uow.now}


def mark_temp_executed(uow: UnitOfWork, cmd: RecordExecution, rows: list[dict[str, Any]]) -> list[str]:
    """已审核 -> 已执行: a temp order is done once it is executed (CLINICAL.md §1). The rows'
    status and version follow, for the replay's later commands on them."""
    changed = []
    for r in rows:
        if r["status"] == od.VERIFIED:
            version = update_versioned(uow, med_order, r["order_id"], int(r["version"]),
                                       {"status": od.EXECUTED})
            record_event(uow, {"id": r["order_id"], "status": r["status"]}, od.EXECUTED,
                         cmd.actor_id, cmd.op_id, cmd.device_time)
            r["status"], r["version"] = od.EXECUTED, version
            changed.append(r["order_id"])
    return changed


def audit_execution(uow: UnitOfWork, cmd: RecordExecution, rows: list[dict[str, Any]], first: bool) -> None:
    uow.audit(AuditEntry("execute", kinds.EXECUTION, cmd.fact_id, cmd.actor_id, rows[0]["patient_id"], None,
                         {"kind": cmd.kind, "plan_items": [r["plan_id"] for r in rows],
                          "at": cmd.at.isoformat(), "second": cmd.second_nurse_id,
                          "reason": cmd.reason_code if cmd.kind == ex.NOT_DONE else None,
                          "duplicate": not first}, cmd.op_id))


def _insert_fact(uow: UnitOfWork, row: dict[str, Any], values: dict[str, Any], claim: str) -> bool:
    """Insert the fact with its claim; if another nurse's fact holds it, insert it flagged.
    Returns whether this fact is the first (not a duplicate)."""
    try:
        with uow.conn.begin_nested():
            uow.conn.execute(insert(order_exec).values(**values, claim_key=claim, is_duplicate=False))
        return True
    except IntegrityError:
        uow.conn.execute(insert(order_exec).values(
            **values, claim_key=None, is_duplicate=True,
            flag_note=f"duplicate of {row['plan_id']}"[:100]))
        return False


@handles(RecordExecution, roles.ORDER_EXECUTE)
def record_execution(uow: UnitOfWork, cmd: RecordExecution) -> Changes:
    if cmd.kind not in ex.KINDS:
        raise ValidationError("exec.bad_kind", kind=cmd.kind)
    rows = _item(uow, cmd.plan_id)
    head = rows[0]
    reason = check_execution(
        uow, cmd, rows, permissions=lambda staff_id: actor_permissions(uow.conn, staff_id),
        skin=lambda tested: ward_skin_states(uow.conn, tested[0]["ward_id"], uow.now,
                                             tested[0]["patient_id"]),
        started=lambda plan_id: plan_id in started_items(uow, [plan_id]))
    voided = _voided_counts(uow, [r["plan_id"] for r in rows])
    ids: list[str] = []
    first = True
    for r in rows:
        values = fact_values(uow, cmd, r, reason)
        first = _insert_fact(uow, r, values, ex.claim_key(r["plan_id"], cmd.kind,
                                                          voided.get(r["plan_id"], 0))) and first
        ids.append(values["id"])
    touched = Changes.of(kinds.EXECUTION, ids, [head["patient_id"]])
    if first and cmd.kind == ex.DONE and head["term"] == od.TEMP:
        mark_temp_executed(uow, cmd, rows)
        touched = touched.merge(Changes.of(kinds.ORDER, [r["order_id"] for r in rows], [head["patient_id"]]))
    audit_execution(uow, cmd, rows, first)
    return touched


@handles(VoidExecution, roles.ORDER_EXECUTE)
def void_execution(uow: UnitOfWork, cmd: VoidExecution) -> Changes:
    reason = cmd.reason.strip()[:100]
    if not reason:
        raise ValidationError("exec.reason_text_required", field="reason")
    target = uow.conn.execute(select(order_exec, encounter.c.patient_id)
                              .join(med_order, med_order.c.id == order_exec.c.order_id)
                              .join(encounter, encounter.c.id == med_order.c.encounter_id)
                              .where(order_exec.c.id == cmd.voids_id)).mappings().first()
    if target is None or target["status"] == ex.VOID:
        raise ValidationError("not_found", entity="execution", id=cmd.voids_id)
    try:
        with uow.conn.begin_nested():
            uow.conn.execute(insert(order_exec).values(
                id=cmd.fact_id, order_id=target["order_id"], plan_id=target["plan_id"],
                planned_at=target["planned_at"], status=ex.VOID, done_at=uow.now,
                done_by=cmd.actor_id, reason_text=reason, voids_id=cmd.voids_id,
                device_time=cmd.device_time, received_at=uow.now, device_id=uow.workstation[:60],
                is_duplicate=False, version=1, created_at=uow.now, updated_at=uow.now))
    except IntegrityError:
        raise ValidationError("exec.already_voided") from None
    uow.audit(AuditEntry("void", kinds.EXECUTION, cmd.voids_id, cmd.actor_id, target["patient_id"],
                         {"kind": target["status"]}, {"voided_by": cmd.fact_id, "reason": reason},
                         cmd.op_id))
    return Changes.of(kinds.EXECUTION, [cmd.fact_id, cmd.voids_id], [target["patient_id"]])
