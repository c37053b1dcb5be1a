"""Writing and reading the change sequence (app/store/schema_offline.py).

`record(conn, entries)`: from a unit of work's audit entries (every write audits what it touched,
with the patient), one INSERT ... SELECT that numbers a row per (patient, kind) with the ward the
patient is admitted to: one statement in the writer's transaction, no extra read.
`after(conn, ward_id, seq)`: the one indexed query a workstation sends to learn what changed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import Integer, String, cast, insert, literal, or_, select, union_all
from sqlalchemy.engine import Connection

from app.clock import as_utc
from app.store.schema import change_seq, encounter
from app.store.sqlfunc import utc_now

# A transaction that took its number and committed later than one after it is found again by
# looking back this long (every database call has a deadline well under it).
LOOK_BACK = timedelta(seconds=30)
_NOT_CHANGES = frozenset({"view", "print"})       # audited reads, not changes


def record(conn: Connection, entries: Sequence[Any]) -> None:
    pairs = sorted({(e.patient_id, e.entity[:20]) for e in entries
                    if e.patient_id and e.action not in _NOT_CHANGES})
    if not pairs:
        return
    touched = union_all(*[select(cast(literal(p), String(36)).label("patient_id"),
                                 cast(literal(k), String(20)).label("kind"))
                          for p, k in pairs]).subquery()
    rows = (select(encounter.c.ward_id, touched.c.patient_id, touched.c.kind, utc_now())
            .select_from(touched.join(encounter, encounter.c.patient_id == touched.c.patient_id))
            .where(encounter.c.status == "admitted"))
    conn.execute(insert(change_seq).from_select(
        ["ward_id", "patient_id", "kind", "recorded_at"], rows))


@dataclass(frozen=True)
class Change:
    seq: int
    patient_id: Optional[str]
    kind: str
    recorded_at: datetime


@dataclass(frozen=True)
class Mark:
    """Where a reader is: the highest number seen and the server time recorded with it."""

    seq: int = 0
    at: Optional[datetime] = None

    def advanced(self, changes: Sequence[Change]) -> Mark:
        if not changes:
            return self
        last = max(changes, key=lambda c: c.seq)
        return Mark(last.seq, last.recorded_at) if last.seq > self.seq else self


def after(conn: Connection, ward_id: str, mark: Mark) -> list[Change]:
    """The ward's changes numbered after the mark, plus those recorded up to LOOK_BACK before
    the mark's time (a late commit with an earlier number); the caller drops numbers it saw."""
    query = (select(change_seq.c.seq, change_seq.c.patient_id, change_seq.c.kind,
                    change_seq.c.recorded_at).where(change_seq.c.ward_id == ward_id))
    if mark.at is None:
        query = query.where(change_seq.c.seq > mark.seq)
    else:
        query = query.where(or_(change_seq.c.seq > mark.seq,
                                change_seq.c.recorded_at > mark.at - LOOK_BACK))
    rows = conn.execute(query.order_by(change_seq.c.seq)).all()
    return [Change(int(r[0]), r[1], str(r[2]), as_utc(r[3])) for r in rows]


def latest(conn: Connection) -> int:
    value = conn.execute(select(cast(change_seq.c.seq, Integer)).order_by(
        change_seq.c.seq.desc()).limit(1)).scalar()
    return int(value or 0)
