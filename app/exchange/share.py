"""Shared documents (issue 17): every signed 出院记录 is offered to the platform as a FHIR
document Bundle, queued in exchange_out in the signature's own transaction, so sending never
blocks the doctor and a platform that is down loses nothing. Each revision is its own Bundle
(identifier doc-<id>-r<rev>): an amended summary reaches the platform as the new version, and a
replayed signature finds its Bundle already queued.

Offered only when the hospital names the platform's institution (setting exchange:share_to, a
member institution code) and the patient carries an identifier the platform accepts; otherwise
the signature goes on alone (the summary stays in the hospital, `exchange export` can still
produce it)."""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import select

from app.exchange.fhir_bundle import build_bundle
from app.exchange.queue import queue_bundle
from app.exchange.settings import exchange_settings
from app.exchange.stay_record import read_stay
from app.store.schema import exchange_out, member_inst

SHARED_TYPES = ("discharge", "admit_discharge")


def document_ident(doc_id: str, rev_no: int) -> str:
    return f"doc-{doc_id}-r{rev_no}"


def offer_document(uow: Any, doc: dict[str, Any], rev_no: int) -> Optional[str]:
    """Queue the signed document's Bundle (returns the outbox row id), or None when it is not
    shared: not a discharge summary, no platform named, no identifier, or queued before."""
    if doc.get("doc_type") not in SHARED_TYPES:
        return None
    conn = uow.conn
    settings = exchange_settings(conn)
    if not settings.share_to:
        return None
    inst = conn.execute(select(member_inst.c.id).where(member_inst.c.code == settings.share_to)
                        .where(member_inst.c.is_active == True)).scalar()  # noqa: E712
    if inst is None:
        return None
    ident = document_ident(str(doc["id"]), rev_no)
    if conn.execute(select(exchange_out.c.id).where(exchange_out.c.bundle_ident == ident)).first():
        return None
    record = read_stay(conn, str(doc["encounter_id"]))
    if not (record.patient.id_card or record.patient.health_card):
        return None
    if record.document is None or record.document.id != doc["id"]:
        return None                  # a later discharge summary is the one in force
    bundle = build_bundle(record, settings, ident=ident, timestamp=uow.now)
    return queue_bundle(conn, bundle, kind="document", inst_id=str(inst), now=uow.now,
                        patient_id=record.patient.id)
