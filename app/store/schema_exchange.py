"""Regional exchange (医联体/区域平台, issue 17) on the one metadata of app/store/schema.py (which
re-exports these tables).

- member_inst: the member institutions the hospital keeps as data (name, code, level, the FHIR
  base URL of the platform that reaches it). Edited by IT, never by a handler in a hurry.
- referral: 双向转诊 out of this hospital (上转 up / 下转 down, from a stay) and into it (a
  platform's referral for one of our departments). A state row with a `version`: draft -> sent
  -> accepted / rejected (with the reason) -> completed.
- exchange_out: what waits to go to a platform (the server-side outbox). One row per FHIR
  Bundle, its identifier UNIQUE and stable, so a resend is a conditional create of the same
  Bundle and never a second copy; `attempts`, `next_try_at` and `last_error` say how sending
  went. A sender claims a due row by moving `next_try_at` forward with a versioned update, so
  two senders never post the same row at once, and a sender that died gives it back by time.
"""
from __future__ import annotations

from sqlalchemy import Column, Index, Integer, SmallInteger, String, Table, Unicode

from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import JSONText, UTCDateTime, flag

member_inst = Table(
    "member_inst", metadata, _pk(),
    Column("code", String(30), nullable=False, unique=True),   # 医疗机构代码 on the platform
    Column("name", Unicode(80), nullable=False),
    Column("inst_level", String(10), nullable=False),          # tertiary, secondary, primary
    Column("endpoint", String(200), nullable=False),           # the platform's FHIR base URL
    Column("is_active", flag("is_active"), nullable=False, default=True),
    _version(), *_stamps(),
)

referral = Table(
    "referral", metadata, _pk(),
    Column("direction", String(4), nullable=False),            # up 上转 / down 下转
    Column("inbound", flag("inbound"), nullable=False, default=False),   # received from a platform
    _fk("encounter_id", "encounter", index=True),              # outbound: the stay it leaves
    _fk("patient_id", "patient"),
    _fk("inst_id", "member_inst", nullable=False),             # the other institution
    Column("reason", Unicode(200), nullable=False),
    Column("to_dept", Unicode(60), nullable=False),            # the receiving department's name
    _fk("dept_id", "dept"),                                    # inbound: our receiving department
    Column("status", String(10), nullable=False),              # draft, sent, accepted, rejected, completed
    Column("reject_reason", Unicode(200)),
    Column("bundle_ident", String(64), nullable=False, unique=True),   # Bundle.identifier value
    Column("patient_name", Unicode(40)),                       # inbound: as the sender wrote it
    Column("summary", JSONText),                               # inbound: the Bundle received
    _fk("created_by", "staff"),
    _fk("sent_by", "staff"),
    Column("sent_at", UTCDateTime),
    _fk("answered_by", "staff"),
    Column("answered_at", UTCDateTime),
    Column("completed_at", UTCDateTime),
    _version(), *_stamps(),
)
Index("ix_referral_dept_status", referral.c.dept_id, referral.c.status)

exchange_out = Table(
    "exchange_out", metadata, _pk(),
    Column("kind", String(16), nullable=False),                # referral, referral_answer, document
    Column("bundle_ident", String(64), nullable=False, unique=True),
    _fk("referral_id", "referral", index=True),
    _fk("inst_id", "member_inst", nullable=False),             # where it goes (its endpoint)
    _fk("patient_id", "patient"),
    Column("payload", JSONText, nullable=False),               # the FHIR Bundle as queued
    Column("state", String(8), nullable=False),                # queued, sent, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_try_at", UTCDateTime, nullable=False),
    Column("last_status", SmallInteger),                       # the platform's HTTP status
    Column("last_error", Unicode(400)),                        # its message, or the fault
    Column("remote_ref", String(200)),                         # Location of the stored Bundle
    Column("queued_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    _version(),
)
Index("ix_exchange_out_due", exchange_out.c.state, exchange_out.c.next_try_at)
