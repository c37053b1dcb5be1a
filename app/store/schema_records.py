"""The medical record's own tables (issue 12), on the one metadata of app/store/schema.py (which
re-exports them). clin_doc, doc_rev and doc_template are the foundation's, in schema.py.

- doc_draft: one slot per (document, author), overwritten by every autosave; never a revision.
  A lost connection or a crash loses at most one autosave interval, and the draft is there on
  every PC the author opens the document from.
- doc_phrase: a doctor's personal phrase list (常用语), inserted at the cursor.
- consult_req: a 会诊 request and its answer (the consulted department's queue).
- doc_handover: a doctors' shift handover (I-PASS per patient) and its acknowledgement.
doc_rev (the signed revisions) is append-only: SQLite refuses UPDATE and DELETE by trigger here,
server engines do not refuse it yet (app/store/grants.py grants the audit tables only).
"""
from __future__ import annotations

from sqlalchemy import DDL, Column, Index, Integer, String, Table, Unicode, UniqueConstraint, event

from app.store.append_only import sqlite_triggers
from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import JSONText, UTCDateTime, flag

doc_draft = Table(
    "doc_draft", metadata, _pk(),
    _fk("doc_id", "clin_doc", nullable=False),
    _fk("author_id", "staff", nullable=False),
    Column("body", JSONText, nullable=False),              # the sections as typed
    Column("base_rev_no", Integer, nullable=False),        # the revision it was started from
    Column("saved_at", UTCDateTime, nullable=False),
    _version(),
    UniqueConstraint("doc_id", "author_id", name="uq_doc_draft_slot"),
)

doc_phrase = Table(
    "doc_phrase", metadata, _pk(),
    _fk("staff_id", "staff", nullable=False, index=True),
    Column("sort_key", Integer, nullable=False),
    Column("text", Unicode(500), nullable=False),          # 500 since revision 0012
    _version(),                                            # since revision 0012
)

# 会诊: requested by the patient's doctor, accepted by the consulted department (or doctor), answered
# with a signed 会诊记录 in the patient's record (routine within 48 h; urgent at once).
consult_req = Table(
    "consult_req", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    _fk("requested_by", "staff", nullable=False),
    _fk("to_dept_id", "dept", nullable=False),
    _fk("to_staff_id", "staff"),
    Column("urgent", flag("urgent"), nullable=False, default=False),
    Column("question", Unicode(500), nullable=False),
    Column("status", String(12), nullable=False),          # requested, accepted, answered, cancelled
    Column("requested_at", UTCDateTime, nullable=False),
    _fk("accepted_by", "staff"),
    Column("accepted_at", UTCDateTime),
    Column("answered_at", UTCDateTime),
    _fk("doc_id", "clin_doc"),                             # the 会诊记录
    _version(), *_stamps(),
)
Index("ix_consult_req_dept_status", consult_req.c.to_dept_id, consult_req.c.status)

# 医生交接班: the handing doctor's I-PASS list for the ward (body: one entry per patient), then the
# receiving doctor's acknowledgement.
doc_handover = Table(
    "doc_handover", metadata, _pk(),
    _fk("ward_id", "ward", nullable=False, index=True),
    _fk("from_staff", "staff", nullable=False),
    _fk("to_staff", "staff"),
    Column("handed_at", UTCDateTime, nullable=False),
    Column("body", JSONText, nullable=False),
    Column("status", String(12), nullable=False),          # written, acknowledged
    _fk("ack_by", "staff"),
    Column("ack_at", UTCDateTime),
    _version(), *_stamps(),
)

DOC_REV_APPEND_ONLY = "doc_rev"

# After the whole metadata is created (doc_rev lives in schema.py, which imports this module).
for _stmt in sqlite_triggers(DOC_REV_APPEND_ONLY):
    event.listen(metadata, "after_create",
                 DDL(_stmt).execute_if(dialect="sqlite"))  # type: ignore[no-untyped-call]
