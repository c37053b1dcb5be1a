"""The medical record's read side: the stay's document list, one document with every revision and
the reader's draft, the templates, the phrase list, and sections to copy from earlier documents
of the same patient (never another's, CLINICAL.md §5).

Each function is a fixed, small number of statements whatever the number of revisions: opening a
document with 30 revisions is three round trips (bench/records.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from app.domain import documents as dd
from app.errors import ValidationError
from app.ids import new_id
from app.store.schema import clin_doc, doc_draft, doc_phrase, doc_rev, doc_template, encounter, staff


@dataclass(frozen=True)
class DocSummary:
    id: str
    doc_type: str
    title: str
    status: str
    event_at: datetime
    rev_no: int
    author_id: str
    author_name: str
    signed_at: Optional[datetime]
    cosign_needed: bool
    cosigned_at: Optional[datetime]
    late_entry: bool
    version: int

    @property
    def awaiting_cosign(self) -> bool:
        return self.cosign_needed and self.cosigned_at is None and self.status != dd.DRAFT


@dataclass(frozen=True)
class Revision:
    rev_no: int
    editor_id: str
    editor_name: str
    edited_at: datetime
    reason: Optional[str]
    sections: tuple[dd.Section, ...]


@dataclass(frozen=True)
class Draft:
    base_rev_no: int
    saved_at: datetime
    sections: tuple[dd.Section, ...]


@dataclass(frozen=True)
class DocumentView:
    doc: DocSummary
    encounter_id: str
    patient_id: str
    admitted_at: datetime
    signed_by_name: str
    cosigned_by_name: str
    revisions: tuple[Revision, ...]           # oldest first
    draft: Optional[Draft]                    # the reader's own slot

    @property
    def current(self) -> tuple[dd.Section, ...]:
        """What the editor shows: the reader's draft if any, else the latest revision."""
        if self.draft is not None:
            return self.draft.sections
        return self.revisions[-1].sections if self.revisions else ()


@dataclass(frozen=True)
class Template:
    id: str
    doc_type: str
    name: str
    dept_id: Optional[str]
    sections: tuple[dd.Section, ...]
    owner_id: Optional[str] = None         # a personal template (revision 0009)

    @property
    def scope(self) -> str:
        """personal / dept / hospital (app/services/template_cmds.py)."""
        return "personal" if self.owner_id else "dept" if self.dept_id else "hospital"


@dataclass(frozen=True)
class CopySource:
    doc_id: str
    title: str
    event_at: datetime
    section_id: str
    section_title: str
    text: str


_author = aliased(staff, name="author")
_signer = aliased(staff, name="signer")
_cosigner = aliased(staff, name="cosigner")


def _summary(r: Any) -> DocSummary:
    return DocSummary(r.id, r.doc_type, r.title, r.status, r.event_at, int(r.rev_no), r.author_id,
                      r.author_name or "", r.signed_at, bool(r.cosign_needed), r.cosigned_at,
                      bool(r.late_entry), int(r.version))


def _doc_columns() -> list[Any]:
    return [clin_doc.c.id, clin_doc.c.doc_type, clin_doc.c.title, clin_doc.c.status,
            clin_doc.c.event_at, clin_doc.c.rev_no, clin_doc.c.author_id,
            _author.c.full_name.label("author_name"), clin_doc.c.signed_at,
            clin_doc.c.cosign_needed, clin_doc.c.cosigned_at, clin_doc.c.late_entry,
            clin_doc.c.version]


def document_list(conn: Connection, encounter_id: str) -> list[DocSummary]:
    """This stay's documents, in the order they are about (one statement)."""
    rows = conn.execute(select(*_doc_columns())
                        .join(_author, _author.c.id == clin_doc.c.author_id)
                        .where(clin_doc.c.encounter_id == encounter_id)
                        .where(clin_doc.c.status != "voided")
                        .order_by(clin_doc.c.event_at, clin_doc.c.created_at))
    return [_summary(r) for r in rows]


def open_document(conn: Connection, doc_id: str, reader_id: str) -> DocumentView:
    """The document, every revision (with its editor) and the reader's draft: three statements."""
    head = conn.execute(
        select(*_doc_columns(), clin_doc.c.encounter_id, encounter.c.patient_id,
               encounter.c.admitted_at, _signer.c.full_name.label("signer_name"),
               _cosigner.c.full_name.label("cosigner_name"))
        .join(_author, _author.c.id == clin_doc.c.author_id)
        .join(encounter, encounter.c.id == clin_doc.c.encounter_id)
        .outerjoin(_signer, _signer.c.id == clin_doc.c.signed_by)
        .outerjoin(_cosigner, _cosigner.c.id == clin_doc.c.cosigned_by)
        .where(clin_doc.c.id == doc_id)).first()
    if head is None:
        raise ValidationError("not_found", entity="clin_doc", id=doc_id)
    revs = conn.execute(
        select(doc_rev.c.rev_no, doc_rev.c.editor_id, staff.c.full_name, doc_rev.c.edited_at,
               doc_rev.c.reason, doc_rev.c.body)
        .join(staff, staff.c.id == doc_rev.c.editor_id)
        .where(doc_rev.c.doc_id == doc_id).order_by(doc_rev.c.rev_no)).all()
    slot = conn.execute(select(doc_draft.c.base_rev_no, doc_draft.c.saved_at, doc_draft.c.body)
                        .where(doc_draft.c.doc_id == doc_id)
                        .where(doc_draft.c.author_id == reader_id)).first()
    return DocumentView(
        _summary(head), head.encounter_id, head.patient_id, head.admitted_at,
        head.signer_name or "", head.cosigner_name or "",
        tuple(Revision(int(r.rev_no), r.editor_id, r.full_name or "", r.edited_at, r.reason,
                       dd.sections_from_json(r.body)) for r in revs),
        None if slot is None else Draft(int(slot.base_rev_no), slot.saved_at,
                                        dd.sections_from_json(slot.body)))


def templates(conn: Connection, dept_id: Optional[str] = None,
              owner_id: Optional[str] = None) -> list[Template]:
    """The templates a doctor picks from: her own (owner_id), her department's and the
    hospital's, in that order, each in the §5 order of document types."""
    order = {code: n for n, code in enumerate(dd.doc_types())}
    shared = doc_template.c.owner_id.is_(None) & or_(doc_template.c.dept_id.is_(None),
                                                     doc_template.c.dept_id == dept_id)
    rows = conn.execute(select(doc_template.c.id, doc_template.c.doc_type, doc_template.c.name,
                               doc_template.c.dept_id, doc_template.c.owner_id, doc_template.c.body)
                        .where(doc_template.c.is_active == True)  # noqa: E712
                        .where(or_(shared, doc_template.c.owner_id == owner_id)
                               if owner_id is not None else shared)).all()
    out = [Template(r.id, r.doc_type, r.name, r.dept_id, dd.sections_from_json(r.body), r.owner_id)
           for r in rows]
    rank = {"personal": 0, "dept": 1, "hospital": 2}
    return sorted(out, key=lambda t: (rank[t.scope], order.get(t.doc_type, 99), t.name))


def ensure_templates(conn: Connection, now: datetime) -> int:
    """The hospital templates of every §5 document type (from resources/emr), added once."""
    have = set(conn.execute(select(doc_template.c.doc_type)
                            .where(doc_template.c.dept_id.is_(None))
                            .where(doc_template.c.owner_id.is_(None))).scalars())
    rows = [{"id": new_id(), "doc_type": t.code, "name": t.name, "dept_id": None,
             "body": {"sections": dd.sections_to_json(t.sections)}, "is_active": True,
             "version": 1, "created_at": now, "updated_at": now}
            for t in dd.doc_types().values() if t.code not in have]
    if rows:
        conn.execute(insert(doc_template), rows)
    return len(rows)


def phrases(conn: Connection, staff_id: str) -> list[str]:
    return list(conn.execute(select(doc_phrase.c.text).where(doc_phrase.c.staff_id == staff_id)
                             .order_by(doc_phrase.c.sort_key)).scalars())


def copy_sources(conn: Connection, doc_id: str) -> list[CopySource]:
    """Sections of the signed documents of the patient this document belongs to (every stay),
    newest first. The patient is found from the document, so a caller cannot ask for another's."""
    this = conn.execute(select(encounter.c.patient_id)
                        .join(clin_doc, clin_doc.c.encounter_id == encounter.c.id)
                        .where(clin_doc.c.id == doc_id)).scalar()
    if this is None:
        raise ValidationError("not_found", entity="clin_doc", id=doc_id)
    rows = conn.execute(
        select(clin_doc.c.id, clin_doc.c.title, clin_doc.c.event_at, doc_rev.c.body)
        .join(encounter, encounter.c.id == clin_doc.c.encounter_id)
        .join(doc_rev, and_(doc_rev.c.doc_id == clin_doc.c.id, doc_rev.c.rev_no == clin_doc.c.rev_no))
        .where(encounter.c.patient_id == this).where(clin_doc.c.id != doc_id)
        .where(clin_doc.c.status.in_(dd.FROZEN))
        .order_by(clin_doc.c.event_at.desc())).all()
    return [CopySource(r.id, r.title, r.event_at, s.id, s.title, s.text)
            for r in rows for s in dd.sections_from_json(r.body) if s.text.strip()]
