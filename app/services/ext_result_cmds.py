"""结果互认 (issue 17): external results pulled from the platform, and a doctor's recognition.

RecordExternalResults keeps what a pull brought (facts, as fetched): a report already held
(same institution, same platform reference) is left as it is, so a pull repeated, replayed from
the offline queue or run on two PCs at once keeps one row. RecogniseExternalResult marks one
report recognised (互认), or takes the mark back, as a versioned state change; a recognised report
makes the same test ordered again within the window a duplicate-test alert at signing
(app/services/order_signing.py). Both audited.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.exc import IntegrityError

from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.exchange.results import ExternalReport, ReportItem
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import ext_result, patient

FETCHED, RECOGNISED = "fetched", "recognised"
MAX_REPORTS = 500


@dataclass(frozen=True)
class RecordExternalResults(Command):
    patient_id: str
    reports: tuple[ExternalReport, ...]


@dataclass(frozen=True)
class RecogniseExternalResult(Command):
    result_id: str
    base_version: int
    recognised: bool = True           # False takes the mark back


register_values(ReportItem, ExternalReport)
register(RecordExternalResults, RecogniseExternalResult)


def _row(uow: UnitOfWork, patient_id: str, rep: ExternalReport) -> dict[str, object]:
    return {"id": new_id(), "patient_id": patient_id, "inst_code": rep.inst_code,
            "inst_name": rep.inst_name, "source_ref": rep.source_ref, "kind": rep.kind,
            "code_system": rep.code_system, "code": rep.code, "loinc": rep.loinc, "name": rep.name,
            "items": [i.to_json() for i in rep.items] or None, "conclusion": rep.conclusion,
            "effective_at": rep.effective_at, "issued_at": rep.issued_at, "fetched_at": uow.now,
            "status": FETCHED, "recognised_by": None, "recognised_at": None, "version": 1,
            "created_at": uow.now, "updated_at": uow.now}


@handles(RecordExternalResults, roles.CHART_VIEW)
def record_external_results(uow: UnitOfWork, cmd: RecordExternalResults) -> Changes:
    if len(cmd.reports) > MAX_REPORTS:
        raise ValidationError("ext_result.too_many", count=len(cmd.reports), max=MAX_REPORTS)
    if uow.conn.execute(select(patient.c.id).where(patient.c.id == cmd.patient_id)).first() is None:
        raise ValidationError("not_found", entity="patient", id=cmd.patient_id)
    for rep in cmd.reports:
        if rep.kind not in ("lab", "exam") or not rep.inst_code or not rep.source_ref or not rep.name:
            raise ValidationError("ext_result.unreadable", source=rep.source_ref)
    wanted = {(r.inst_code, r.source_ref): r for r in cmd.reports}
    held: set[tuple[str, str]] = set()
    keys = list(wanted)
    for start in range(0, len(keys), 100):
        chunk = keys[start:start + 100]
        held |= {(r.inst_code, r.source_ref) for r in uow.conn.execute(
            select(ext_result.c.inst_code, ext_result.c.source_ref).where(or_(*[
                and_(ext_result.c.inst_code == c, ext_result.c.source_ref == s) for c, s in chunk])))}
    rows = [_row(uow, cmd.patient_id, rep) for key, rep in wanted.items() if key not in held]
    if rows:
        try:
            with uow.conn.begin_nested():
                uow.conn.execute(insert(ext_result), rows)
        except IntegrityError:
            # Another PC stored some of them a moment ago: keep theirs, add the rest one by one.
            for row in rows:
                try:
                    with uow.conn.begin_nested():
                        uow.conn.execute(insert(ext_result), [row])
                except IntegrityError:
                    row["id"] = None
            rows = [r for r in rows if r["id"] is not None]
    if rows:
        uow.audit(AuditEntry("fetch", kinds.EXT_RESULT, str(rows[0]["id"]), cmd.actor_id,
                             cmd.patient_id, None,
                             {"reports": [f"{r['inst_code']}:{r['source_ref']}" for r in rows]},
                             cmd.op_id))
    return Changes.of(kinds.EXT_RESULT, [str(r["id"]) for r in rows], [cmd.patient_id])


@handles(RecogniseExternalResult, roles.ORDER_SIGN)
def recognise_external_result(uow: UnitOfWork, cmd: RecogniseExternalResult) -> Changes:
    row = uow.conn.execute(select(ext_result).where(ext_result.c.id == cmd.result_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="ext_result", id=cmd.result_id)
    target = RECOGNISED if cmd.recognised else FETCHED
    if row["status"] == target:
        raise ConflictError("ext_result.already", id=cmd.result_id, status=row["status"])
    values: dict[str, object] = ({"status": RECOGNISED, "recognised_by": cmd.actor_id,
                                  "recognised_at": uow.now} if cmd.recognised else
                                 {"status": FETCHED, "recognised_by": None, "recognised_at": None})
    version = update_versioned(uow, ext_result, cmd.result_id, cmd.base_version, values)
    uow.audit(AuditEntry("recognise" if cmd.recognised else "unrecognise", kinds.EXT_RESULT,
                         cmd.result_id, cmd.actor_id, row["patient_id"],
                         {"status": row["status"], "version": row["version"]},
                         {"status": target, "version": version}, cmd.op_id))
    return Changes.of(kinds.EXT_RESULT, [cmd.result_id], [row["patient_id"]])

