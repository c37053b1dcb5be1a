"""The nurse side's tables (issue 13) on the one metadata of app/store/schema.py (which
re-exports them): the pharmacy requests of 集中发送 (a table the pharmacy's own system reads).

A request (发药申请 / 摆药单, or 退药 for a stopped order's undispensed doses) has lines per
patient and drug with the quantity in dispensing units; each plan item is requested once
(the key of pharm_req_item): two nurses sending the same doses at once cannot send them
twice, the second request holds only what was still unsent.
"""
from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, Numeric, String, Table, Unicode

from app.store.schema_base import _fk, _pk, _stamps, _version, metadata
from app.store.types import UTCDateTime, uuid_type

pharm_req = Table(
    "pharm_req", metadata, _pk(),
    _fk("ward_id", "ward", nullable=False, index=True),
    _fk("encounter_id", "encounter"),                      # NULL: the whole ward
    Column("kind", String(8), nullable=False),             # send / return (退药)
    Column("status", String(12), nullable=False),          # sent, dispensed, returned
    Column("window_from", UTCDateTime, nullable=False),
    Column("window_to", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=False),
    _fk("sent_by", "staff", nullable=False),
    _version(), *_stamps(),
)

pharm_req_line = Table(
    "pharm_req_line", metadata, _pk(),
    _fk("req_id", "pharm_req", nullable=False, index=True),
    _fk("encounter_id", "encounter", nullable=False),
    _fk("order_id", "med_order", nullable=False),
    _fk("drug_id", "drug", nullable=False),
    Column("doses", Integer, nullable=False),              # plan items covered
    Column("quantity", Numeric(12, 2), nullable=False),    # in dispensing units
    Column("unit", Unicode(10), nullable=False),           # 支, 瓶, 片, 粒 ...
)

pharm_req_item = Table(
    "pharm_req_item", metadata,
    Column("plan_id", uuid_type(), ForeignKey("order_exec_plan.id"), primary_key=True),
    Column("kind", String(8), primary_key=True),           # send / return: each once per item
    _fk("line_id", "pharm_req_line", nullable=False, index=True),
)
