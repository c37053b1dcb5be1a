"""Printing a patient's medical record documents and 护理记录: what to print, read in a fixed
number of statements, and the audit of a print (which document at which revision, which record
lines). Like the 体温单, a record print keeps no placements: the audit entry is all.

Only signed documents are printed (a draft is not part of the record yet): every one of the
stay, one (`doc_id`), or those of one type (`kind`: the type's code or its Chinese name, or
病程记录 for the whole progress-note family). The GUI records a print through the
`RecordDocumentPrint` command (the one write path); the command line, with no signed-in user,
through `audit_record_print` / `audit_nursing_print` in a unit of work.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.domain import documents as dd
from app.domain import nursing_records as nr
from app.domain import roles
from app.errors import ValidationError
from app.printing.nursing_pdf import NursingRow
from app.printing.record_pdf import (
    PROGRESS_FAMILY,
    PrintedDoc,
    PrintedSection,
    RecordHeader,
    RevisionNote,
)
from app.services import audit
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.store.schema import app_setting, clin_doc, doc_rev, encounter, staff

RECORD, NURSING = "record", "nursing_record"
PROGRESS_KIND = "病程记录"


@dataclass(frozen=True)
class RecordDocumentPrint(Command):
    """A print of documents (`what` "record": doc_ids) or of a 护理记录 (`what` "nursing_record":
    rec_types) of one stay, `pages` pages: audited with the revision each document was at."""

    encounter_id: str
    what: str
    doc_ids: tuple[str, ...] = ()
    rec_types: tuple[str, ...] = ()
    pages: int = 0


register(RecordDocumentPrint)


def hospital_name(conn: Connection) -> str:
    return str(conn.execute(select(app_setting.c.svalue)
                            .where(app_setting.c.skey == "hospital_name")).scalar() or "WardStation")


def record_header(conn: Connection, encounter_id: str) -> RecordHeader:
    from app.services.ward import patient_header

    h = patient_header(conn, encounter_id)
    return RecordHeader(hospital_name(conn), h.name, h.dept_name, h.ward_name, h.bed_no, h.mrn)


def kind_codes(kind: str) -> frozenset[str]:
    """The document types `kind` names: a code, a Chinese name, or 病程记录 (the family)."""
    text = kind.strip()
    if text in (PROGRESS_KIND, "progress-notes"):
        return PROGRESS_FAMILY
    for code, spec in dd.doc_types().items():
        if text in (code, spec.name):
            return frozenset({code})
    raise ValidationError("print.unknown_doc_kind", kind=kind)


_signer = aliased(staff, name="signer")
_cosigner = aliased(staff, name="cosigner")


def printed_documents(conn: Connection, encounter_id: str, doc_id: Optional[str] = None,
                      kind: Optional[str] = None) -> list[PrintedDoc]:
    """The stay's signed documents to print, in the order they are about (two statements)."""
    codes = kind_codes(kind) if kind else None
    query = (select(clin_doc.c.id, clin_doc.c.doc_type, clin_doc.c.title, clin_doc.c.status,
                    clin_doc.c.event_at, clin_doc.c.rev_no, clin_doc.c.late_entry,
                    clin_doc.c.signed_at, clin_doc.c.cosign_needed, clin_doc.c.cosigned_at,
                    _signer.c.full_name.label("signer"), _cosigner.c.full_name.label("cosigner"))
             .outerjoin(_signer, _signer.c.id == clin_doc.c.signed_by)
             .outerjoin(_cosigner, _cosigner.c.id == clin_doc.c.cosigned_by)
             .where(clin_doc.c.encounter_id == encounter_id).where(clin_doc.c.status != "voided")
             .order_by(clin_doc.c.event_at, clin_doc.c.created_at))
    if doc_id is not None:
        query = query.where(clin_doc.c.id == doc_id)
    rows = conn.execute(query).all()
    if doc_id is not None:
        if not rows:
            raise ValidationError("print.unknown_document", doc_id=doc_id)
        if rows[0].status not in dd.FROZEN:
            raise ValidationError("print.doc_unsigned", doc_id=doc_id)
    rows = [r for r in rows if r.status in dd.FROZEN and (codes is None or r.doc_type in codes)]
    if not rows:
        raise ValidationError("print.no_documents", kind=kind or "")
    revs: dict[str, list[Any]] = {}
    for r in conn.execute(select(doc_rev.c.doc_id, doc_rev.c.rev_no, doc_rev.c.body, doc_rev.c.edited_at,
                                 doc_rev.c.reason, staff.c.full_name)
                          .join(staff, staff.c.id == doc_rev.c.editor_id)
                          .where(doc_rev.c.doc_id.in_([d.id for d in rows]))
                          .order_by(doc_rev.c.doc_id, doc_rev.c.rev_no)):
        revs.setdefault(r.doc_id, []).append(r)
    out = []
    for d in rows:
        history = [(int(r.rev_no), r.full_name or "", r.edited_at, r.reason or "",
                    dd.sections_from_json(r.body)) for r in revs.get(d.id, [])
                   if int(r.rev_no) <= int(d.rev_no)]
        sections, notes = revision_marks(history)
        out.append(PrintedDoc(str(d.id), d.doc_type, d.title, d.event_at, int(d.rev_no), bool(d.late_entry),
                              sections, d.signer or "", d.signed_at, bool(d.cosign_needed),
                              d.cosigner or "", d.cosigned_at, notes))
    return out


History = Sequence[tuple[int, str, Any, str, tuple[dd.Section, ...]]]


def revision_marks(history: History) -> tuple[tuple[PrintedSection, ...], tuple[RevisionNote, ...]]:
    """The latest revision's sections, each with the revision that last changed it, and what
    every revision after the first added, changed and removed."""
    if not history:
        return (), ()
    changed_in: dict[str, int] = {}
    notes: list[RevisionNote] = []
    for (_n0, _e0, _a0, _r0, before), (n, editor, at, reason, after) in zip(history, history[1:]):
        old = {s.id: s for s in before}
        new = {s.id: s for s in after}
        added, changed, removed = [], [], []
        for s in after:
            o = old.get(s.id)
            if not s.text.strip():
                continue
            if o is None or not o.text.strip():
                added.append(s.title)
                changed_in[s.id] = n
            elif o.text.strip() != s.text.strip():
                changed.append((s.title, o.text.strip()))
                changed_in[s.id] = n
        for s in before:
            if s.text.strip() and (s.id not in new or not new[s.id].text.strip()):
                removed.append((s.title, s.text.strip()))
        notes.append(RevisionNote(n, editor, at, reason, tuple(added), tuple(changed), tuple(removed)))
    latest = history[-1][4]
    return (tuple(PrintedSection(s.title, s.text, changed_in.get(s.id, 1)) for s in latest),
            tuple(notes))


def nursing_rows(conn: Connection, encounter_id: str,
                 rec_types: Sequence[str] = nr.REC_TYPES) -> dict[str, list[NursingRow]]:
    """rec_type -> its lines as the form shows them (corrected ones struck, with the why)."""
    from app.services.nursing_records import record_lines

    out: dict[str, list[NursingRow]] = {}
    for rec_type in rec_types:
        if rec_type not in nr.REC_TYPES:
            raise ValidationError("nursing.bad_type", field="rec_type", value=rec_type)
        lines = record_lines(conn, encounter_id, rec_type)
        if lines:
            out[rec_type] = [NursingRow(line.recorded_at, line.body, line.nurse_name, line.state,
                                        line.reason if line.replaces_id else None, line.struck_reason,
                                        line.struck_by, line.struck_at) for line in lines]
    if not out:
        raise ValidationError("print.no_nursing", rec_types=list(rec_types))
    return out


@dataclass(frozen=True)
class RecordJob:
    """What the print preview of a stay's documents (`what` record) or 护理记录 (nursing_record)
    needs, read in one go."""

    encounter_id: str
    what: str
    header: RecordHeader
    docs: tuple[PrintedDoc, ...] = ()
    rows: tuple[tuple[str, tuple[NursingRow, ...]], ...] = ()     # (rec_type, its lines)


def record_job(conn: Connection, encounter_id: str, doc_id: Optional[str] = None,
               kind: Optional[str] = None) -> RecordJob:
    return RecordJob(encounter_id, RECORD, record_header(conn, encounter_id),
                     tuple(printed_documents(conn, encounter_id, doc_id, kind)))


def nursing_job(conn: Connection, encounter_id: str, rec_types: Sequence[str] = nr.REC_TYPES) -> RecordJob:
    rows = nursing_rows(conn, encounter_id, rec_types)
    return RecordJob(encounter_id, NURSING, record_header(conn, encounter_id),
                     rows=tuple((t, tuple(v)) for t, v in rows.items()))


def _patient(uow: UnitOfWork, encounter_id: str) -> str:
    pid = uow.conn.execute(select(encounter.c.patient_id).where(encounter.c.id == encounter_id)).scalar()
    if pid is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    return str(pid)


def audit_record_print(uow: UnitOfWork, encounter_id: str, doc_ids: Sequence[str], pages: int,
                       staff_id: Optional[str], op_id: Optional[str]) -> Changes:
    """One audit entry per document printed, with the revision it was printed at."""
    pid = _patient(uow, encounter_id)
    rows = uow.conn.execute(select(clin_doc.c.id, clin_doc.c.rev_no, clin_doc.c.doc_type)
                            .where(clin_doc.c.encounter_id == encounter_id)
                            .where(clin_doc.c.id.in_(list(doc_ids)))).all()
    if len(rows) != len(set(doc_ids)):
        raise ValidationError("print.unknown_document", doc_id=",".join(doc_ids))
    for r in rows:
        uow.audit(audit.AuditEntry("print", "clin_doc", str(r.id), staff_id, pid, None,
                                   {"sheet": RECORD, "doc_type": r.doc_type, "rev_no": int(r.rev_no),
                                    "pages": pages}, op_id))
    return Changes()


def audit_nursing_print(uow: UnitOfWork, encounter_id: str, rec_types: Sequence[str], lines: int,
                        pages: int, staff_id: Optional[str], op_id: Optional[str]) -> Changes:
    pid = _patient(uow, encounter_id)
    uow.audit(audit.AuditEntry("print", NURSING, encounter_id, staff_id, pid, None,
                               {"sheet": NURSING, "rec_types": list(rec_types), "lines": lines,
                                "pages": pages}, op_id))
    return Changes()


@handles(RecordDocumentPrint, roles.PRINT)
def record_document_print(uow: UnitOfWork, cmd: RecordDocumentPrint) -> Changes:
    if cmd.what == RECORD and cmd.doc_ids:
        return audit_record_print(uow, cmd.encounter_id, cmd.doc_ids, cmd.pages, cmd.actor_id, cmd.op_id)
    if cmd.what == NURSING and cmd.rec_types:
        from app.services.nursing_records import record_lines

        lines = sum(len(record_lines(uow.conn, cmd.encounter_id, t)) for t in cmd.rec_types
                    if t in nr.REC_TYPES)
        return audit_nursing_print(uow, cmd.encounter_id, cmd.rec_types, lines, cmd.pages,
                                   cmd.actor_id, cmd.op_id)
    raise ValidationError("print.bad_request", sheet=cmd.what, kind="")
