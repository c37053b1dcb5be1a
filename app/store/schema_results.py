"""External results (结果互认, issue 17) on the one metadata of app/store/schema.py (which
re-exports the table).

ext_result: a lab or imaging report another member institution holds for one of our patients,
pulled from the platform (a FHIR DiagnosticReport with its Observations). A fact as fetched plus
one state: a doctor may mark it recognised (互认), which makes ordering the same test again within
the recognition window a duplicate-test alert at signing. UNIQUE(inst_code, source_ref): pulling
the same report twice keeps one row. `items` holds the report's values as JSON (name, LOINC,
value, unit, flag, range), `conclusion` the imaging report's impression.
"""
from __future__ import annotations

from sqlalchemy import Column, Index, String, Table, Unicode, UniqueConstraint

from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import JSONText, UTCDateTime

ext_result = Table(
    "ext_result", metadata, _pk(),
    _fk("patient_id", "patient", nullable=False),
    Column("inst_code", String(30), nullable=False),       # the performing institution's code
    Column("inst_name", Unicode(80), nullable=False),
    Column("source_ref", String(200), nullable=False),     # DiagnosticReport/<id> on the platform
    Column("kind", String(8), nullable=False),             # lab, exam
    Column("code_system", String(100)),                    # the report's first coding
    Column("code", String(40)),
    Column("loinc", String(20)),                           # its LOINC code, when it has one
    Column("name", Unicode(80), nullable=False),
    Column("items", JSONText),                             # the values (lab)
    Column("conclusion", Unicode(1000)),                   # the impression (imaging)
    Column("effective_at", UTCDateTime, nullable=False),   # specimen taken / exam done
    Column("issued_at", UTCDateTime),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("status", String(10), nullable=False),          # fetched, recognised
    _fk("recognised_by", "staff"),
    Column("recognised_at", UTCDateTime),
    _version(), *_stamps(),
    UniqueConstraint("inst_code", "source_ref", name="uq_ext_result_source"),
)
Index("ix_ext_result_patient", ext_result.c.patient_id, ext_result.c.effective_at)
