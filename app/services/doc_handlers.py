"""Handlers of the medical-record commands: create, autosave, sign, co-sign, revise.

The clin_doc row is the document's state (status, current rev_no, version); doc_rev holds the
signed revisions, insert only (留痕); doc_draft is the author's autosave slot. Every change of
state is `update_versioned` (a second doctor editing the same record gets a ConflictError), and
sign / co-sign / revise leave an audit record with what was signed.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.domain import documents as dd
from app.domain import roles
from app.errors import PermissionDenied, ValidationError
from app.exchange.share import offer_document
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.doc_commands import (
    CosignDocument,
    CreateDocument,
    DiscardDocDraft,
    ReviseDocument,
    SaveDocDraft,
    SignDocument,
)
from app.services.handlers import actor_permissions, handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import clin_doc, doc_draft, doc_rev, encounter, staff

REASON_MAX = 100


def _doc(uow: UnitOfWork, doc_id: str) -> dict[str, Any]:
    row = uow.conn.execute(
        select(clin_doc, encounter.c.patient_id, encounter.c.admitted_at,
               encounter.c.attending_id)
        .join(encounter, encounter.c.id == clin_doc.c.encounter_id)
        .where(clin_doc.c.id == doc_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="clin_doc", id=doc_id)
    return dict(row)


def _rank(uow: UnitOfWork, staff_id: str) -> int:
    return int(uow.conn.execute(select(staff.c.title_rank).where(staff.c.id == staff_id)).scalar() or 0)


def _digest(sections: tuple[dd.Section, ...]) -> str:
    body = json.dumps(dd.sections_to_json(sections), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _check_sections(sections: tuple[dd.Section, ...]) -> None:
    missing = dd.missing_required(sections)
    if missing:
        raise ValidationError("doc.section_required", sections=missing,
                              titles=[s.title for s in sections if s.id in missing])


def _check_time(event_at: datetime, admitted_at: datetime, now: datetime) -> None:
    problem = dd.event_time_problem(event_at, admitted_at, now)
    if problem == "doc.event_in_future":
        raise ValidationError("doc.event_in_future", field="event_at", event_at=event_at)
    if problem is not None:
        raise ValidationError("doc.event_before_admission", field="event_at", event_at=event_at,
                              admitted_at=admitted_at)


def _add_rev(uow: UnitOfWork, doc_id: str, rev_no: int, sections: tuple[dd.Section, ...],
             editor: str, reason: Optional[str]) -> str:
    rev_id = new_id()
    uow.conn.execute(insert(doc_rev).values(
        id=rev_id, doc_id=doc_id, rev_no=rev_no, body={"sections": dd.sections_to_json(sections)},
        editor_id=editor, edited_at=uow.now, reason=reason))
    return rev_id


def _drop_draft(uow: UnitOfWork, doc_id: str, author_id: str) -> None:
    uow.conn.execute(delete(doc_draft).where(doc_draft.c.doc_id == doc_id)
                     .where(doc_draft.c.author_id == author_id))


def _write_slot(uow: UnitOfWork, doc_id: str, author_id: str, base_rev_no: int,
                sections: tuple[dd.Section, ...]) -> None:
    """Overwrite the author's slot, or make it: UNIQUE(doc_id, author_id) keeps it one row."""
    body = {"sections": dd.sections_to_json(sections)}
    values = {"body": body, "base_rev_no": base_rev_no, "saved_at": uow.now,
              "version": doc_draft.c.version + 1}
    stmt = (update(doc_draft).where(doc_draft.c.doc_id == doc_id)
            .where(doc_draft.c.author_id == author_id).values(**values))
    if uow.conn.execute(stmt).rowcount:
        return
    try:
        with uow.conn.begin_nested():
            uow.conn.execute(insert(doc_draft).values(
                id=new_id(), doc_id=doc_id, author_id=author_id, body=body,
                base_rev_no=base_rev_no, saved_at=uow.now, version=1))
    except IntegrityError:       # the author's other PC made the slot meanwhile: overwrite it
        uow.conn.execute(stmt)


def _changed(doc: dict[str, Any]) -> Changes:
    return Changes.of(kinds.DOCUMENT, [doc["id"]], [doc["patient_id"]])


@handles(CreateDocument, roles.DOC_WRITE)
def create_document(uow: UnitOfWork, cmd: CreateDocument) -> Changes:
    spec = dd.doc_types().get(cmd.doc_type)
    if spec is None:
        raise ValidationError("doc.unknown_type", doc_type=cmd.doc_type)
    enc = uow.conn.execute(select(encounter.c.patient_id, encounter.c.admitted_at, encounter.c.status)
                           .where(encounter.c.id == cmd.encounter_id)).first()
    if enc is None:
        raise ValidationError("not_found", entity="encounter", id=cmd.encounter_id)
    _check_time(cmd.event_at, enc.admitted_at, uow.now)
    title = (cmd.title.strip() or spec.name)[:60]
    row = {"id": cmd.doc_id, "encounter_id": cmd.encounter_id, "doc_type": cmd.doc_type,
           "title": title, "status": dd.DRAFT, "event_at": cmd.event_at,
           "due_at": None, "rev_no": 0, "author_id": cmd.actor_id,
           "cosign_needed": roles.DOC_SIGN not in actor_permissions(uow.conn, cmd.actor_id),
           "late_entry": cmd.late_entry,
           "version": 1, "created_at": uow.now, "updated_at": uow.now}
    uow.conn.execute(insert(clin_doc).values(**row))
    _write_slot(uow, cmd.doc_id, cmd.actor_id, 0, cmd.sections)
    uow.audit(AuditEntry("create", kinds.DOCUMENT, cmd.doc_id, cmd.actor_id, enc.patient_id,
                         None, row, cmd.op_id))
    return Changes.of(kinds.DOCUMENT, [cmd.doc_id], [enc.patient_id])


@handles(SaveDocDraft, roles.DOC_WRITE)
def save_draft(uow: UnitOfWork, cmd: SaveDocDraft) -> Changes:
    """No audit record and no broadcast: a draft is not yet part of the record, and autosave
    runs every few seconds (the slot is overwritten, so it never piles up)."""
    exists = uow.conn.execute(select(clin_doc.c.id).where(clin_doc.c.id == cmd.doc_id)).first()
    if exists is None:
        raise ValidationError("not_found", entity="clin_doc", id=cmd.doc_id)
    _write_slot(uow, cmd.doc_id, cmd.actor_id, cmd.base_rev_no, cmd.sections)
    return Changes()


@handles(DiscardDocDraft, roles.DOC_WRITE)
def discard_draft(uow: UnitOfWork, cmd: DiscardDocDraft) -> Changes:
    _drop_draft(uow, cmd.doc_id, cmd.actor_id)
    return Changes()


@handles(SignDocument, None)
def sign_document(uow: UnitOfWork, cmd: SignDocument) -> Changes:
    """A doctor's signature freezes revision 1; an intern's (no DOC_SIGN) is a signature that
    waits for a licensed doctor's co-sign. Only the author signs his draft."""
    perms = actor_permissions(uow.conn, cmd.actor_id)
    if roles.DOC_WRITE not in perms:
        raise PermissionDenied("perm.denied", permission=roles.DOC_SIGN)
    doc = _doc(uow, cmd.doc_id)
    if doc["status"] != dd.DRAFT:
        raise ValidationError("doc.already_signed", status=doc["status"])
    if doc["author_id"] != cmd.actor_id:
        raise PermissionDenied("doc.not_author")
    _check_sections(cmd.sections)
    event_at = cmd.event_at or doc["event_at"]
    _check_time(event_at, doc["admitted_at"], uow.now)
    needs_cosign = roles.DOC_SIGN not in perms
    version = update_versioned(uow, clin_doc, doc["id"], cmd.base_version, {
        "status": dd.SIGNED, "rev_no": 1, "signed_at": uow.now, "signed_by": cmd.actor_id,
        "cosign_needed": needs_cosign, "event_at": event_at})
    _add_rev(uow, doc["id"], 1, cmd.sections, cmd.actor_id, None)
    _drop_draft(uow, doc["id"], cmd.actor_id)
    uow.audit(AuditEntry("sign", kinds.DOCUMENT, doc["id"], cmd.actor_id, doc["patient_id"],
                         {"status": doc["status"], "version": doc["version"]},
                         {"status": dd.SIGNED, "rev_no": 1, "version": version,
                          "cosign_needed": needs_cosign, "sha256": _digest(cmd.sections)},
                         cmd.op_id))
    if not needs_cosign:                 # an intern's is offered once co-signed
        offer_document(uow, doc, 1)
    return _changed(doc)


@handles(CosignDocument, roles.DOC_COSIGN)
def cosign_document(uow: UnitOfWork, cmd: CosignDocument) -> Changes:
    doc = _doc(uow, cmd.doc_id)
    if not doc["cosign_needed"] or doc["cosigned_at"] is not None or doc["status"] == dd.DRAFT:
        raise ValidationError("doc.no_cosign_pending", status=doc["status"])
    if doc["author_id"] == cmd.actor_id:
        raise PermissionDenied("doc.cosign_self")
    rev_no = int(doc["rev_no"])
    values: dict[str, Any] = {"status": dd.COSIGNED, "cosigned_at": uow.now,
                              "cosigned_by": cmd.actor_id}
    after: dict[str, Any] = {"status": dd.COSIGNED}
    if cmd.sections is not None:
        _check_sections(cmd.sections)
        current = _latest_sections(uow, doc["id"], rev_no)
        if dd.sections_to_json(cmd.sections) != dd.sections_to_json(current):
            rev_no += 1
            _add_rev(uow, doc["id"], rev_no, cmd.sections, cmd.actor_id,
                     (cmd.reason or "").strip()[:REASON_MAX] or None)
            values["rev_no"] = rev_no
            after["sha256"] = _digest(cmd.sections)
    version = update_versioned(uow, clin_doc, doc["id"], cmd.base_version, values)
    _drop_draft(uow, doc["id"], cmd.actor_id)
    after.update(rev_no=rev_no, version=version)
    uow.audit(AuditEntry("cosign", kinds.DOCUMENT, doc["id"], cmd.actor_id, doc["patient_id"],
                         {"status": doc["status"], "rev_no": doc["rev_no"]}, after, cmd.op_id))
    offer_document(uow, doc, rev_no)
    return _changed(doc)


def _latest_sections(uow: UnitOfWork, doc_id: str, rev_no: int) -> tuple[dd.Section, ...]:
    body = uow.conn.execute(select(doc_rev.c.body).where(doc_rev.c.doc_id == doc_id)
                            .where(doc_rev.c.rev_no == rev_no)).scalar()
    return dd.sections_from_json(body)


@handles(ReviseDocument, roles.DOC_SIGN)
def revise_document(uow: UnitOfWork, cmd: ReviseDocument) -> Changes:
    """A signed record changes only as a new revision, by its author or a more senior doctor,
    with a reason; the earlier revisions stay as they were (留痕)."""
    reason = cmd.reason.strip()
    if not reason:
        raise ValidationError("doc.reason_required", field="reason")
    doc = _doc(uow, cmd.doc_id)
    if doc["status"] not in dd.FROZEN:
        raise ValidationError("doc.not_signed", status=doc["status"])
    if cmd.actor_id != doc["author_id"] and _rank(uow, cmd.actor_id) <= _rank(uow, doc["author_id"]):
        raise PermissionDenied("doc.revise_not_senior")
    _check_sections(cmd.sections)
    rev_no = int(doc["rev_no"]) + 1
    version = update_versioned(uow, clin_doc, doc["id"], cmd.base_version,
                               {"status": dd.AMENDED, "rev_no": rev_no})
    _add_rev(uow, doc["id"], rev_no, cmd.sections, cmd.actor_id, reason[:REASON_MAX])
    _drop_draft(uow, doc["id"], cmd.actor_id)
    uow.audit(AuditEntry("revise", kinds.DOCUMENT, doc["id"], cmd.actor_id, doc["patient_id"],
                         {"status": doc["status"], "rev_no": doc["rev_no"]},
                         {"status": dd.AMENDED, "rev_no": rev_no, "version": version,
                          "reason": reason, "sha256": _digest(cmd.sections)}, cmd.op_id))
    offer_document(uow, doc, rev_no)     # the amended version goes to the platform as well
    return _changed(doc)
