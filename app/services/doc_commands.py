"""Medical-record commands (病历, CLINICAL.md §5): replay-safe data for the one write path.

A document's sections travel as `Section` values (app/domain/documents.py). Every command that
changes a document carries the `base_version` of the clin_doc row the user saw, so a second
doctor editing the same record is told (ConflictError) and never overwrites the first.
The handlers are in app/services/doc_handlers.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from app.domain.documents import Section
from app.services.commands import Command, register, register_values


@dataclass(frozen=True)
class CreateDocument(Command):
    """A new document of this stay from a template; the author's draft slot starts with it."""

    encounter_id: str
    doc_id: str                            # client-made
    doc_type: str                          # a code of resources/emr/templates.json
    title: str
    event_at: datetime                     # the time the record is about
    sections: tuple[Section, ...]
    late_entry: bool = False               # 补记 (抢救记录 written afterwards)


@dataclass(frozen=True)
class SaveDocDraft(Command):
    """Autosave: overwrite the author's slot for this document (never a revision)."""

    doc_id: str
    base_rev_no: int                       # the revision the text was started from (0: none)
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class DiscardDocDraft(Command):
    doc_id: str


@dataclass(frozen=True)
class SignDocument(Command):
    """Sign a draft: it becomes revision 1, frozen. An intern's signature asks for a co-sign."""

    doc_id: str
    base_version: int
    sections: tuple[Section, ...]
    event_at: Optional[datetime] = None    # None: keep the document's


@dataclass(frozen=True)
class CosignDocument(Command):
    """A licensed doctor's co-signature of an intern's record, with the edits he made (if any:
    a new revision by him)."""

    doc_id: str
    base_version: int
    sections: Optional[tuple[Section, ...]] = None
    reason: Optional[str] = None


@dataclass(frozen=True)
class ReviseDocument(Command):
    """A signed record changed: a new revision with editor, time and reason (留痕)."""

    doc_id: str
    base_version: int
    sections: tuple[Section, ...]
    reason: str


register_values(Section)
register(CreateDocument, SaveDocDraft, DiscardDocDraft, SignDocument, CosignDocument, ReviseDocument)
