"""The audit trail and the replay records (DESIGN.md "Audit at hospital scale"), on the one
metadata of app/store/schema.py (which re-exports every table here)."""
from __future__ import annotations

from sqlalchemy import (
    DDL,
    BigInteger,
    Column,
    Identity,
    Index,
    SmallInteger,
    String,
    Table,
    Unicode,
    UniqueConstraint,
    event,
)

from app.store.append_only import APPEND_ONLY_TABLES, sqlite_triggers
from app.store.schema_base import _fk, _pk, metadata
from app.store.types import JSONText, UTCDateTime, uuid_type

# --- audit and offline replay ------------------------------------------------------------------

# Revision 0001's single hospital-wide chain: every audited write of every PC queued on the one
# head row. Kept read-only so `audit verify` still proves what was written before 0002.
audit_log = Table(
    "audit_log", metadata,
    Column("seq", BigInteger, Identity(start=1), primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    _fk("staff_id", "staff"),
    Column("workstation", String(60), nullable=False),
    Column("action", String(20), nullable=False),          # create, update, sign, void, print, view ...
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("patient_id", uuid_type()),
    Column("before_data", JSONText),
    Column("after_data", JSONText),
    Column("op_id", uuid_type()),
    Column("prev_hash", String(64), nullable=False),
    Column("row_hash", String(64), nullable=False),
)
Index("ix_audit_log_entity", audit_log.c.entity, audit_log.c.entity_id)

audit_head = Table(
    "audit_head", metadata,                                # one row: serialises the hash chain
    Column("id", SmallInteger, primary_key=True, autoincrement=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
)

# One hash chain per workstation (DESIGN.md "Audit at hospital scale"): the chain's next seq is
# claimed by UNIQUE(chain_id, chain_seq), so no row is ever updated or locked and the service
# account needs only INSERT and SELECT here. Keys are client-made (no IDENTITY insert).
audit_rec = Table(
    "audit_rec", metadata, _pk(),
    Column("chain_id", String(60), nullable=False),
    Column("chain_seq", BigInteger, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    _fk("staff_id", "staff"),
    Column("workstation", String(60), nullable=False),
    Column("action", String(20), nullable=False),          # create, update, sign, void, print, view ...
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("patient_id", uuid_type()),
    Column("before_data", JSONText),
    Column("after_data", JSONText),
    Column("op_id", uuid_type()),
    Column("prev_hash", String(64), nullable=False),
    Column("row_hash", String(64), nullable=False),
    UniqueConstraint("chain_id", "chain_seq", name="uq_audit_rec_chain_seq"),
)
Index("ix_audit_rec_entity", audit_rec.c.entity, audit_rec.c.entity_id)
Index("ix_audit_rec_patient", audit_rec.c.patient_id)
Index("ix_audit_rec_op", audit_rec.c.op_id)

applied_op = Table(
    "applied_op", metadata,                                # offline replay is idempotent on op_id
    Column("op_id", uuid_type(), primary_key=True),
    Column("device_id", String(60), nullable=False),
    _fk("staff_id", "staff", nullable=False),
    Column("op_type", String(40), nullable=False),
    Column("device_time", UTCDateTime, nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
    Column("outcome", String(12), nullable=False),         # applied, conflict, rejected
    Column("reason", Unicode(200)),                        # the message id of a refusal
    Column("received_at", UTCDateTime),                    # the server's clock, not the PC's
    Column("payload_version", SmallInteger),
)

app_setting = Table(
    "app_setting", metadata,
    Column("skey", String(60), primary_key=True),
    Column("svalue", Unicode(400)),
)


# SQLite has no grants: triggers keep the audit tables append-only when the schema is made
# with create_all (tests); migration 0002 creates the same triggers on an upgraded file.
for _name in APPEND_ONLY_TABLES:
    for _stmt in sqlite_triggers(_name):
        event.listen(metadata.tables[_name], "after_create",
                     DDL(_stmt).execute_if(dialect="sqlite"))  # type: ignore[no-untyped-call]
