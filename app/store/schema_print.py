"""What was printed where: one row per order line, stop or 取消 put on a 医嘱单's paper
(CLINICAL.md §1 "Printed sheets": 续打 prints new lines at the next free row and stop data into
lines printed before, so the client must know page and row of everything already printed).

Facts: written once, never updated. UNIQUE(encounter, sheet, order, what) makes two PCs that
continue the same sheet at once collide in the database instead of printing two lines onto one
row of paper.
"""
from __future__ import annotations

from sqlalchemy import Column, Index, Integer, SmallInteger, String, Table, UniqueConstraint

from app.store.schema_base import _fk, _pk, metadata
from app.store.types import UTCDateTime, uuid_type

sheet_print = Table(
    "sheet_print", metadata, _pk(),
    _fk("encounter_id", "encounter", nullable=False),
    Column("sheet", String(8), nullable=False),             # long, temp
    _fk("order_id", "med_order", nullable=False),
    Column("what", String(8), nullable=False),              # line, stop, cancel
    Column("page_no", Integer, nullable=False),             # 1-based page of the sheet
    Column("row_no", SmallInteger, nullable=False),         # 0-based row on it
    Column("span", SmallInteger, nullable=False),           # rows the wrapped line takes
    Column("printed_at", UTCDateTime, nullable=False),
    _fk("printed_by", "staff"),                              # NULL: printed by IT from the CLI
    Column("op_id", uuid_type()),
    UniqueConstraint("encounter_id", "sheet", "order_id", "what", name="uq_sheet_print_line"),
)
Index("ix_sheet_print_enc", sheet_print.c.encounter_id, sheet_print.c.sheet)
