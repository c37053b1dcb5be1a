"""Time: stored in UTC, shown in local time (DESIGN.md "Identity, versions, time")."""
from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    """The current time as an aware UTC datetime, the only kind the store accepts."""
    return datetime.now(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive value is taken to be local time."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(timezone.utc)
