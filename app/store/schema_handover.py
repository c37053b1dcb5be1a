"""The nurses' shift handover (护士交接班, issue 14; CLINICAL.md §6) on the one metadata of
app/store/schema.py (which re-exports it).

One report per ward, shift date and shift code (UNIQUE): two nurses starting the same shift's
report at once cannot make two, the second meets the first. A state row (draft -> handed ->
received) with a `version`: the counts (原有, 入院 ... 现有) as the handing nurse signed them and the
per-patient notes are JSON. Once handed, the content is frozen; receiving only adds who and when.
"""
from __future__ import annotations

from sqlalchemy import Column, Date, String, Table, UniqueConstraint

from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import JSONText, UTCDateTime

nurse_handover = Table(
    "nurse_handover", metadata, _pk(),
    _fk("ward_id", "ward", nullable=False),
    Column("shift_date", Date, nullable=False),            # the local date the shift starts on
    Column("shift_code", String(8), nullable=False),       # day / evening / night
    Column("shift_start", UTCDateTime, nullable=False),
    Column("shift_end", UTCDateTime, nullable=False),
    Column("counts", JSONText),                            # as signed (NULL while a draft)
    Column("notes", JSONText, nullable=False),             # {"entries": [...], "explanation": ...}
    Column("status", String(10), nullable=False),          # draft, handed, received
    _fk("drafted_by", "staff", nullable=False),
    _fk("handed_by", "staff"),
    Column("handed_at", UTCDateTime),
    _fk("received_by", "staff"),
    Column("received_at", UTCDateTime),
    _version(), *_stamps(),
    UniqueConstraint("ward_id", "shift_date", "shift_code", name="uq_nurse_handover_shift"),
)
