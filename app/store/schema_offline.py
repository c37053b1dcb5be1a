"""The change sequence (DESIGN.md "Freshness: the change sequence"), on the one metadata of
app/store/schema.py (which re-exports it).

One row per (patient, entity kind) a committed write touched, with the patient's ward, written in
the same transaction as the change (app/offline/changeseq.py, from the unit of work's audit
entries), numbered by the server. A workstation asks "anything after N for my ward?" in one
indexed query; `recorded_at` (the server's clock) lets it look again at the last seconds too, so
a transaction that took its number earlier but committed later is not missed.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, Identity, Index, Integer, String, Table

from app.store.schema_base import metadata
from app.store.types import UTCDateTime, uuid_type

change_seq = Table(
    "change_seq", metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), Identity(start=1), primary_key=True),
    Column("ward_id", uuid_type(), nullable=False),
    Column("patient_id", uuid_type()),
    Column("kind", String(20), nullable=False),            # the entity kind (app/services/changes.py)
    Column("recorded_at", UTCDateTime, nullable=False),    # the server's clock
    Index("ix_change_seq_ward_seq", "ward_id", "seq"),
    Index("ix_change_seq_ward_at", "ward_id", "recorded_at"),
)
