"""A referral that came in from a platform (a document Bundle with a ServiceRequest), kept as
an inbound referral row for the receiving department's queue; the Bundle itself is kept whole
(summary), so the source documents stay readable, marked with the institution they came from.
Idempotent on the Bundle identifier: the same Bundle pulled twice is one referral."""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import insert, select

from app.errors import ValidationError
from app.exchange.fhir_bundle import bundle_ident, resources
from app.ids import new_id
from app.services.audit import AuditEntry
from app.services.uow import UnitOfWork
from app.store.schema import referral

IN_REASON_MAX = 200


def _first(bundle: dict[str, Any], kind: str) -> Optional[dict[str, Any]]:
    return next((r for r in resources(bundle) if r.get("resourceType") == kind), None)


def receive_referral(uow: UnitOfWork, bundle: dict[str, Any], *, inst_id: str, dept_id: str) -> str:
    """The inbound referral row for `bundle` (its id; the existing one if it came before)."""
    _, ident = bundle_ident(bundle)
    request = _first(bundle, "ServiceRequest")
    if not ident or request is None or len(ident) > 64:
        raise ValidationError("exchange.bad_referral")
    known = uow.conn.execute(select(referral.c.id).where(referral.c.bundle_ident == ident)).scalar()
    if known is not None:
        return str(known)
    person = _first(bundle, "Patient") or {}
    names = person.get("name") or [{}]
    direction = next((c.get("code") for cat in request.get("category", [])
                      for c in cat.get("coding", []) if c.get("code") in ("up", "down")), "up")
    reason = "；".join(str(r.get("text", "")) for r in request.get("reasonCode", []) if r.get("text"))
    row_id = new_id()
    uow.conn.execute(insert(referral).values(
        id=row_id, direction=direction, inbound=True, inst_id=inst_id,
        reason=(reason or "-")[:IN_REASON_MAX], to_dept=str((request.get("performerType") or {})
                                                           .get("text", ""))[:60] or "-",
        dept_id=dept_id, status="sent", bundle_ident=ident,
        patient_name=str(names[0].get("text", ""))[:40] or None, summary=bundle,
        version=1, created_at=uow.now, updated_at=uow.now))
    uow.audit(AuditEntry("receive", "referral", row_id, None, None, None,
                         {"bundle": ident, "inst_id": inst_id, "dept_id": dept_id}))
    return row_id
