"""Critical values (危急值, issue 17) on the one metadata of app/store/schema.py (which
re-exports it).

A critical result reaches the ward as one `crit_value` row per result, written by the hospital's
lab system (or its interface engine, or the regional platform) through
app/services/critical.py `report_critical`: the row, its audit record and its change-sequence
row in one transaction, so every logged-in PC of the ward sees it within seconds. A lab system
that can only INSERT into the database writes the same two rows itself in one transaction: the
`crit_value` row (status "open", version 1) and a `change_seq` row (the patient's ward, the
patient, kind "critical", the server's time). UNIQUE(source, source_ref): the lab's own id of
the result, so a resend never makes a second alert.

A state row with a `version`: open -> acked (the nurse who took it, when, whom she told) ->
noted (the doctor's 病程记录 entry that documents the action). The result itself stays in
lab_result (its `abnormal` HH / LL); `lab_result_id` names it when the lab wrote one.
"""
from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table, Unicode, UniqueConstraint

from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import UTCDateTime, uuid_type

crit_value = Table(
    "crit_value", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False, index=True),
    Column("lab_result_id", uuid_type(), ForeignKey("lab_result.id")),
    Column("source", String(20), nullable=False),          # lab, platform
    Column("source_ref", String(64), nullable=False),      # the sender's own id of the result
    Column("test_code", String(12)),
    Column("test_name", Unicode(60), nullable=False),
    Column("value_text", Unicode(60), nullable=False),     # as reported: "6.8", "阳性"
    Column("unit", String(20)),
    Column("abnormal", String(2)),                         # HH, LL (H, L)
    Column("reported_at", UTCDateTime, nullable=False),    # the lab's time of the report
    Column("received_at", UTCDateTime, nullable=False),    # the server's: the deadlines count from it
    Column("status", String(10), nullable=False),          # open, acked, noted
    _fk("ack_by", "staff"),
    Column("ack_at", UTCDateTime),
    Column("told_name", Unicode(40)),                      # whom the nurse told (the doctor informed)
    _fk("told_staff_id", "staff"),
    _fk("note_doc_id", "clin_doc"),                        # the 病程记录 entry of the action
    _fk("noted_by", "staff"),
    Column("noted_at", UTCDateTime),
    _version(), *_stamps(),
    UniqueConstraint("source", "source_ref", name="uq_crit_value_source_ref"),
)
