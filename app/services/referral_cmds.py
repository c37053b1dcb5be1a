"""双向转诊 (issue 17): refer a stay up (上转) or down (下转), and answer a referral that came in.

A referral is a state row (draft -> sent -> accepted / rejected -> completed) changed through
`update_versioned`. Sending builds the FHIR document Bundle from the stay (app/exchange) and puts
it in exchange_out in the same transaction as the status change: the doctor never waits on the
platform, and a platform that is down loses nothing. Answering an incoming referral queues the
answer (a Task naming the referral) the same way. Every command carries its op_id, so a replay
(offline queue, a retried save) changes nothing twice; the Bundle identifier is made from the
referral's own key, so even a second send of it could not make a second copy on the platform.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.exchange import fhir_bundle as fb
from app.exchange.queue import queue_bundle
from app.exchange.settings import exchange_settings
from app.exchange.stay_record import read_stay
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import encounter, member_inst, referral, staff

DIRECTIONS = ("up", "down")
DRAFT, SENT, ACCEPTED, REJECTED, COMPLETED = "draft", "sent", "accepted", "rejected", "completed"
REASON_MAX, DEPT_MAX = 200, 60


@dataclass(frozen=True)
class CreateReferral(Command):
    """A referral of this stay to a member institution; `send` queues it at once as well."""

    referral_id: str                 # client-made key (also the Bundle identifier's)
    encounter_id: str
    inst_id: str
    direction: str                   # up 上转 / down 下转
    reason: str
    to_dept: str                     # the receiving department there
    send: bool = False


@dataclass(frozen=True)
class SendReferral(Command):
    referral_id: str
    base_version: int


@dataclass(frozen=True)
class AcceptReferral(Command):
    """An incoming referral taken by this department."""

    referral_id: str
    base_version: int


@dataclass(frozen=True)
class RejectReferral(Command):
    referral_id: str
    base_version: int
    reason: str


register(CreateReferral, SendReferral, AcceptReferral, RejectReferral)


def referral_ident(referral_id: str) -> str:
    return f"ref-{referral_id}"


def answer_ident(referral_id: str) -> str:
    return f"ans-{referral_id}"


def _text(value: str, field: str, limit: int) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValidationError("referral.reason_required" if field == "reason" else
                              "referral.dept_required" if field == "dept" else
                              "referral.reject_reason_required", field=field)
    if len(text) > limit:
        raise ValidationError("referral.too_long", field=field, max=limit, length=len(text))
    return text


def _institution(conn: Connection, inst_id: str) -> Any:
    row = conn.execute(select(member_inst).where(member_inst.c.id == inst_id)).mappings().first()
    if row is None or not row["is_active"]:
        raise ValidationError("referral.unknown_institution", field="inst_id", id=inst_id)
    return row


def _referral(conn: Connection, referral_id: str) -> dict[str, Any]:
    row = conn.execute(select(referral).where(referral.c.id == referral_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="referral", id=referral_id)
    return dict(row)


def _snapshot(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "direction", "inbound", "encounter_id", "inst_id", "reason", "to_dept", "status",
            "reject_reason", "version")
    snap: dict[str, Any] = jsonable({k: row.get(k) for k in keys})
    return snap


def _changes(referral_id: str, patient_id: Optional[str]) -> Changes:
    return Changes.of(kinds.REFERRAL, [referral_id], [patient_id] if patient_id else [])


def _queue_referral(uow: UnitOfWork, row: dict[str, Any], actor_id: str) -> None:
    """Build the stay's Bundle and queue it (same transaction); the patient must carry an
    identifier the platform accepts (居民身份证号 or 居民健康卡号)."""
    conn = uow.conn
    inst = _institution(conn, row["inst_id"])
    record = read_stay(conn, row["encounter_id"])
    if not (record.patient.id_card or record.patient.health_card):
        raise ValidationError("exchange.no_identifier", mrn=record.patient.mrn)
    who = conn.execute(select(staff.c.full_name).where(staff.c.id == (row["created_by"] or actor_id))
                       ).scalar()
    info = fb.ReferralInfo(row["id"], row["direction"], row["reason"], row["to_dept"], inst["code"],
                           inst["name"], row["created_at"], row["created_by"], str(who or ""))
    bundle = fb.build_bundle(record, exchange_settings(conn), ident=row["bundle_ident"],
                             timestamp=uow.now, referral=info)
    queue_bundle(conn, bundle, kind="referral", inst_id=inst["id"], now=uow.now,
                 referral_id=row["id"], patient_id=record.patient.id)


@handles(CreateReferral, roles.REFERRAL)
def create_referral(uow: UnitOfWork, cmd: CreateReferral) -> Changes:
    if cmd.direction not in DIRECTIONS:
        raise ValidationError("referral.bad_direction", field="direction", direction=cmd.direction)
    reason = _text(cmd.reason, "reason", REASON_MAX)
    to_dept = _text(cmd.to_dept, "dept", DEPT_MAX)
    _institution(uow.conn, cmd.inst_id)
    enc = uow.conn.execute(select(encounter.c.patient_id).where(encounter.c.id == cmd.encounter_id)).first()
    if enc is None:
        raise ValidationError("not_found", entity="encounter", id=cmd.encounter_id)
    row: dict[str, Any] = {
        "id": cmd.referral_id, "direction": cmd.direction, "inbound": False,
        "encounter_id": cmd.encounter_id, "patient_id": enc.patient_id, "inst_id": cmd.inst_id,
        "reason": reason, "to_dept": to_dept, "dept_id": None, "status": DRAFT,
        "bundle_ident": referral_ident(cmd.referral_id), "created_by": cmd.actor_id,
        "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(referral).values(**row))
    uow.audit(AuditEntry("create", kinds.REFERRAL, cmd.referral_id, cmd.actor_id, enc.patient_id,
                         None, _snapshot(row), cmd.op_id))
    if cmd.send:
        _send(uow, row, cmd.actor_id, cmd.op_id)
    return _changes(cmd.referral_id, enc.patient_id)


def _send(uow: UnitOfWork, row: dict[str, Any], actor_id: str, op_id: str) -> None:
    if row["inbound"]:
        raise ValidationError("referral.not_outbound", id=row["id"])
    if row["status"] != DRAFT:
        raise ConflictError("referral.not_draft", id=row["id"], status=row["status"])
    _queue_referral(uow, row, actor_id)
    version = update_versioned(uow, referral, row["id"], int(row["version"]),
                               {"status": SENT, "sent_by": actor_id, "sent_at": uow.now})
    uow.audit(AuditEntry("send", kinds.REFERRAL, row["id"], actor_id, row["patient_id"],
                         {"status": row["status"], "version": row["version"]},
                         {"status": SENT, "version": version, "bundle": row["bundle_ident"]}, op_id))


@handles(SendReferral, roles.REFERRAL)
def send_referral(uow: UnitOfWork, cmd: SendReferral) -> Changes:
    row = _referral(uow.conn, cmd.referral_id)
    if int(row["version"]) != cmd.base_version:
        raise ConflictError("conflict.stale", entity="referral", id=cmd.referral_id,
                            base_version=cmd.base_version, current_version=row["version"],
                            current=_snapshot(row))
    _send(uow, row, cmd.actor_id, cmd.op_id)
    return _changes(cmd.referral_id, row["patient_id"])


def _answer(uow: UnitOfWork, cmd: Command, referral_id: str, base_version: int, status: str,
            reason: Optional[str]) -> Changes:
    row = _referral(uow.conn, referral_id)
    if not row["inbound"]:
        raise ValidationError("referral.not_inbound", id=referral_id)
    if row["status"] != SENT:
        raise ConflictError("referral.answered", id=referral_id, status=row["status"])
    values: dict[str, Any] = {"status": status, "answered_by": cmd.actor_id, "answered_at": uow.now}
    if reason is not None:
        values["reject_reason"] = reason
    version = update_versioned(uow, referral, referral_id, base_version, values)
    inst = _institution(uow.conn, row["inst_id"])
    settings = exchange_settings(uow.conn)
    queue_bundle(uow.conn, answer_bundle(row, status, reason, settings, uow.now, inst["code"]), kind="answer",
                 inst_id=inst["id"], now=uow.now, referral_id=referral_id)
    uow.audit(AuditEntry("accept" if status == ACCEPTED else "reject", kinds.REFERRAL, referral_id,
                         cmd.actor_id, row["patient_id"],
                         {"status": row["status"], "version": row["version"]},
                         {"status": status, "version": version, "reason": reason}, cmd.op_id))
    return _changes(referral_id, row["patient_id"])


def answer_bundle(row: dict[str, Any], status: str, reason: Optional[str],
                  settings: Any, now: Any, to_code: str = "") -> dict[str, Any]:
    """The answer to an incoming referral: a Task on the sender's ServiceRequest (by its
    identifier), accepted or rejected with the reason, in a collection Bundle of its own."""
    ident = answer_ident(row["id"])
    task: dict[str, Any] = {
        "resourceType": "Task", "id": fb.stable_id(ident, "Task"),
        "status": "accepted" if status == ACCEPTED else "rejected", "intent": "order",
        "focus": {"identifier": {"system": settings.sys_bundle, "value": row["bundle_ident"]}},
        "owner": {"identifier": {"system": settings.sys_inst, "value": settings.org_code},
                  "display": settings.org_name},
        "lastModified": fb.instant(now)}
    if reason:
        task["statusReason"] = {"text": reason}
    bundle: dict[str, Any] = {
        "resourceType": "Bundle", "id": fb.stable_id(ident, "Bundle"),
        "identifier": {"system": settings.sys_bundle, "value": ident}, "type": "collection",
        "timestamp": fb.instant(now), "entry": [{"fullUrl": "urn:uuid:" + task["id"], "resource": task}]}
    if to_code:
        bundle["meta"] = fb.route_meta(settings, to_code)
    return bundle


@handles(AcceptReferral, roles.REFERRAL)
def accept_referral(uow: UnitOfWork, cmd: AcceptReferral) -> Changes:
    return _answer(uow, cmd, cmd.referral_id, cmd.base_version, ACCEPTED, None)


@handles(RejectReferral, roles.REFERRAL)
def reject_referral(uow: UnitOfWork, cmd: RejectReferral) -> Changes:
    reason = _text(cmd.reason, "reject_reason", REASON_MAX)
    return _answer(uow, cmd, cmd.referral_id, cmd.base_version, REJECTED, reason)
