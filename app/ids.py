"""Client-generated identifiers: rows created offline need no server round trip (DESIGN.md)."""
from __future__ import annotations

import uuid
from typing import NewType

PatientId = NewType("PatientId", str)
EncounterId = NewType("EncounterId", str)
StaffId = NewType("StaffId", str)
WardId = NewType("WardId", str)
BedId = NewType("BedId", str)
OrderId = NewType("OrderId", str)
DocumentId = NewType("DocumentId", str)
OpId = NewType("OpId", str)


def new_id() -> str:
    """A new UUID4 as the 36-character string every table uses as its key."""
    return str(uuid.uuid4())
