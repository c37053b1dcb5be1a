"""皮试 (skin tests, CLINICAL.md §1): the ward's list (due, running with the time to read it,
read), placing a test and reading it, and the state that gates executing a drug that needs one.

A drug whose dictionary entry needs a skin test is executed only with a valid negative result for
its substance (drug.base_name): read within the ward's `skin_valid_hours` (72 h), or the drug
given within that time since (a stop longer than that needs a new test). A positive result is an
allergy at once (allergy row, source skin_test: the header, the bed card and the order checker
show it) and blocks the drug for good; a recorded allergy to the substance blocks it too.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from app.domain import orders as od
from app.domain import roles
from app.errors import ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import actor_permissions, current_row, handles, update_versioned
from app.services.order_handlers import need_order, patient_of, record_event
from app.services.uow import UnitOfWork
from app.services.ward_settings import NurseSettings, nurse_settings
from app.store.schema import (
    allergy,
    bed,
    drug,
    encounter,
    med_order,
    order_exec,
    patient,
    skin_test,
    staff,
)

RESULTS = ("negative", "positive")
READ_SHOWN_HOURS = 24
FUTURE_SLACK = timedelta(minutes=2)


def skin_states(conn: Connection, ward_id: str, now: datetime, settings: NurseSettings,
                patient_id: Optional[str] = None) -> dict[tuple[str, str], str]:
    """(patient id, substance) -> negative (valid), positive, running; absent: a test is due."""
    def scope(stmt: Any) -> Any:
        stmt = stmt.join(encounter, encounter.c.patient_id == patient.c.id) \
            .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
        return stmt.where(patient.c.id == patient_id) if patient_id else stmt

    tests = conn.execute(scope(
        select(skin_test.c.patient_id, skin_test.c.substance, skin_test.c.result, skin_test.c.read_at,
               skin_test.c.tested_at).join(patient, patient.c.id == skin_test.c.patient_id))
        .order_by(skin_test.c.tested_at)).all()
    valid_from = now - timedelta(hours=settings.skin_valid_hours)
    given_q = (select(encounter.c.patient_id, drug.c.base_name,
                      func.max(order_exec.c.done_at).label("last"))
               .select_from(order_exec).join(med_order, med_order.c.id == order_exec.c.order_id)
               .join(drug, drug.c.id == med_order.c.drug_id)
               .join(encounter, encounter.c.id == med_order.c.encounter_id)
               .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")
               .where(drug.c.skin_test == True).where(med_order.c.route_code != "id")  # noqa: E712
               .where(order_exec.c.status.in_(("done", "started")))
               .where(order_exec.c.done_at >= valid_from)
               .group_by(encounter.c.patient_id, drug.c.base_name))
    if patient_id:
        given_q = given_q.where(encounter.c.patient_id == patient_id)
    given = {(r.patient_id, r.base_name): r.last for r in conn.execute(given_q)}
    out: dict[tuple[str, str], str] = {}
    for r in tests:
        key = (r.patient_id, r.substance)
        if out.get(key) == "positive":
            continue
        if r.result is None:
            out[key] = "running"
        elif r.result == "positive":
            out[key] = "positive"
        else:
            last = max(x for x in (r.read_at or r.tested_at, given.get(key)) if x is not None)
            if last >= valid_from:
                out[key] = "negative"
            else:
                out.pop(key, None)
    allergies = select(allergy.c.patient_id, allergy.c.substance) \
        .join(patient, patient.c.id == allergy.c.patient_id).where(allergy.c.status == "active")
    for pid, substance in conn.execute(scope(allergies)).all():
        out[(pid, substance)] = "positive"
    return out


@dataclass(frozen=True)
class SkinTestItem:
    kind: str                         # due / running / read
    encounter_id: str
    patient_id: str
    bed_no: str
    patient_name: str
    mrn: str
    substance: str
    order_id: Optional[str]
    order_version: int
    test_id: Optional[str] = None
    test_version: int = 0
    batch_no: Optional[str] = None
    tested_at: Optional[datetime] = None
    read_due_at: Optional[datetime] = None
    result: Optional[str] = None
    read_at: Optional[datetime] = None
    tested_by_name: str = ""
    read_by_name: str = ""
    checked_by_name: str = ""


def _substance(content: str, base_name: Optional[str]) -> str:
    if base_name:
        return base_name
    return content.split()[0].replace("皮试液", "").replace("皮试", "")[:60] or content[:60]


def skin_test_list(conn: Connection, ward_id: str, now: datetime) -> list[SkinTestItem]:
    """Due (a verified 皮试 order not yet placed), running (placed, with the time to read it) and
    read (the last 24 h) for the ward, by bed: three queries."""
    settings = nurse_settings(conn, ward_id)
    stays = (select(encounter.c.id, encounter.c.patient_id, patient.c.name, patient.c.mrn, bed.c.bed_no,
                    bed.c.sort_key)
             .join(patient, patient.c.id == encounter.c.patient_id)
             .outerjoin(bed, bed.c.id == encounter.c.bed_id)
             .where(encounter.c.ward_id == ward_id).where(encounter.c.status == "admitted")).subquery()
    due = conn.execute(
        select(med_order.c.id, med_order.c.version, med_order.c.content, drug.c.base_name,
               stays.c.id.label("stay_id"), stays.c.patient_id, stays.c.name, stays.c.mrn,
               stays.c.bed_no, stays.c.sort_key)
        .join(stays, stays.c.id == med_order.c.encounter_id)
        .outerjoin(drug, drug.c.id == med_order.c.drug_id)
        .where(med_order.c.route_code == "id").where(med_order.c.status == od.VERIFIED)).all()
    tester, reader, checker = staff.alias("tester"), staff.alias("reader"), staff.alias("checker")
    tests = conn.execute(
        select(skin_test, tester.c.full_name.label("tester_name"), reader.c.full_name.label("reader_name"),
               checker.c.full_name.label("checker_name"), stays.c.name, stays.c.mrn, stays.c.bed_no,
               stays.c.sort_key, stays.c.id.label("stay_id"))
        .join(stays, stays.c.id == skin_test.c.encounter_id)
        .outerjoin(tester, tester.c.id == skin_test.c.tested_by)
        .outerjoin(reader, reader.c.id == skin_test.c.read_by)
        .outerjoin(checker, checker.c.id == skin_test.c.checked_by)
        .where((skin_test.c.result.is_(None))
               | (skin_test.c.read_at >= now - timedelta(hours=READ_SHOWN_HOURS)))).mappings().all()
    read_after = timedelta(minutes=settings.skin_read_minutes)
    items = [SkinTestItem("due", r.stay_id, r.patient_id, r.bed_no or "", r.name, r.mrn,
                          _substance(r.content, r.base_name), r.id, int(r.version)) for r in due]
    sort = {r.stay_id: r.sort_key or 0 for r in due}
    for t in tests:
        items.append(SkinTestItem(
            "running" if t["result"] is None else "read", t["stay_id"], t["patient_id"], t["bed_no"] or "",
            t["name"], t["mrn"], t["substance"], t["order_id"], 0, t["id"], int(t["version"]),
            t["batch_no"], t["tested_at"], t["tested_at"] + read_after, t["result"], t["read_at"],
            t["tester_name"] or "", t["reader_name"] or "", t["checker_name"] or ""))
        sort[t["stay_id"]] = t["sort_key"] or 0
    rank = {"running": 0, "due": 1, "read": 2}
    return sorted(items, key=lambda i: (rank[i.kind], i.read_due_at or now, sort.get(i.encounter_id, 0)))


@dataclass(frozen=True)
class StartSkinTest(Command):
    """The test is placed (皮内注射): the 皮试 order is executed, the reading time starts."""

    test_id: str                      # client-made key of the skin_test row
    order_id: str
    base_version: int
    batch_no: str
    at: datetime


@dataclass(frozen=True)
class ReadSkinTest(Command):
    """The result, read by the nurse and a second nurse; a positive one becomes an allergy."""

    test_id: str
    base_version: int
    result: str                       # negative / positive
    at: datetime
    second_nurse_id: str
    allergy_id: str                   # client-made key of the allergy a positive result makes


register(StartSkinTest, ReadSkinTest)


@handles(StartSkinTest, roles.ORDER_EXECUTE)
def start_skin_test(uow: UnitOfWork, cmd: StartSkinTest) -> Changes:
    order = need_order(uow, cmd.order_id)
    if order["route_code"] != "id":
        raise ValidationError("skin.not_a_skin_test")
    if order["status"] != od.VERIFIED:
        raise ValidationError("exec.order_not_verified", status=order["status"])
    batch = cmd.batch_no.strip()
    if not batch:
        raise ValidationError("skin.batch_required", field="batch_no")
    if cmd.at > uow.now + FUTURE_SLACK:
        raise ValidationError("exec.time_in_future", field="at")
    if cmd.at < order["start_at"]:
        raise ValidationError("exec.before_order_start", field="at")
    found = current_row(uow.conn, drug, order["drug_id"]) if order["drug_id"] else None
    substance = _substance(order["content"], found["base_name"] if found else None)
    patient_id = patient_of(uow, order["encounter_id"])
    uow.conn.execute(insert(skin_test).values(
        id=cmd.test_id, patient_id=patient_id, encounter_id=order["encounter_id"], order_id=order["id"],
        drug_id=order["drug_id"], substance=substance, batch_no=batch[:30], result=None,
        tested_at=cmd.at, read_at=None, tested_by=cmd.actor_id, read_by=None, checked_by=None,
        version=1, created_at=uow.now, updated_at=uow.now))
    update_versioned(uow, med_order, order["id"], cmd.base_version, {"status": od.EXECUTED})
    record_event(uow, order, od.EXECUTED, cmd.actor_id, cmd.op_id, cmd.device_time)
    uow.audit(AuditEntry("create", kinds.SKIN_TEST, cmd.test_id, cmd.actor_id, patient_id, None,
                         {"substance": substance, "batch_no": batch, "at": cmd.at.isoformat()}, cmd.op_id))
    return Changes.of(kinds.SKIN_TEST, [cmd.test_id], [patient_id]).merge(
        Changes.of(kinds.ORDER, [order["id"]], [patient_id]))


@handles(ReadSkinTest, roles.ORDER_EXECUTE)
def read_skin_test(uow: UnitOfWork, cmd: ReadSkinTest) -> Changes:
    test = current_row(uow.conn, skin_test, cmd.test_id)
    if test is None:
        raise ValidationError("not_found", entity="skin_test", id=cmd.test_id)
    if test["result"] is not None:
        raise ValidationError("skin.already_read")
    if cmd.result not in RESULTS:
        raise ValidationError("skin.bad_result", field="result")
    if cmd.at > uow.now + FUTURE_SLACK:
        raise ValidationError("exec.time_in_future", field="at")
    if cmd.at < test["tested_at"]:
        raise ValidationError("skin.read_before_test", field="at")
    if cmd.second_nurse_id == cmd.actor_id:
        raise ValidationError("exec.second_nurse_same", field="second_nurse")
    if roles.ORDER_EXECUTE not in actor_permissions(uow.conn, cmd.second_nurse_id):
        raise ValidationError("exec.second_nurse_not_allowed", field="second_nurse")
    update_versioned(uow, skin_test, cmd.test_id, cmd.base_version, {
        "result": cmd.result, "read_at": cmd.at, "read_by": cmd.actor_id,
        "checked_by": cmd.second_nurse_id})
    changes = Changes.of(kinds.SKIN_TEST, [cmd.test_id], [test["patient_id"]])
    if cmd.result == "positive":
        uow.conn.execute(insert(allergy).values(
            id=cmd.allergy_id, patient_id=test["patient_id"], substance=test["substance"],
            drug_code=None, reaction=None, severity=None, source="skin_test", status="active",
            recorded_at=cmd.at, recorded_by=cmd.actor_id, version=1, created_at=uow.now,
            updated_at=uow.now))
        uow.audit(AuditEntry("create", kinds.ALLERGY, cmd.allergy_id, cmd.actor_id, test["patient_id"],
                             None, {"substance": test["substance"], "source": "skin_test"}, cmd.op_id))
        changes = changes.merge(Changes.of(kinds.ALLERGY, [cmd.allergy_id], [test["patient_id"]]))
    uow.audit(AuditEntry("read", kinds.SKIN_TEST, cmd.test_id, cmd.actor_id, test["patient_id"],
                         {"result": None}, {"result": cmd.result, "at": cmd.at.isoformat(),
                                            "second": cmd.second_nurse_id}, cmd.op_id))
    return changes
