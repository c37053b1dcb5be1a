"""Append-only, hash-chained audit log (DESIGN.md "Security"), written in the caller's transaction.

Each row's hash is sha256(prev_hash + canonical JSON of the row), and the one-row audit_head
table holds the chain's tip. Appending locks that row (SELECT ... FOR UPDATE) so two
workstations writing at once queue up instead of forking the chain; seq is taken from the head,
so the chain has no gaps and a deleted row is as visible as an edited one.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Iterator, Mapping, Optional

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.clock import utcnow
from app.store.schema import audit_head, audit_log

GENESIS = "0" * 64
HEAD_ID = 1
HASHED_FIELDS = ("seq", "at", "staff_id", "workstation", "action", "entity", "entity_id",
                 "patient_id", "before_data", "after_data", "op_id")


def jsonable(value: Any) -> Any:
    """Before/after snapshots as plain JSON values, so they read back exactly as hashed."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, float):
        return repr(value)
    return value


def _canonical(row: Mapping[str, Any]) -> str:
    data = {name: row.get(name) for name in HASHED_FIELDS}
    at = data["at"]
    if isinstance(at, datetime):
        data["at"] = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
    data["seq"] = int(str(data["seq"]))
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(row)).encode("utf-8")).hexdigest()


def _at(now: Optional[datetime]) -> datetime:
    # Milliseconds: every engine stores them exactly, so the hash reads back the same.
    value = (now or utcnow()).astimezone(timezone.utc)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


@dataclass(frozen=True)
class AuditEntry:
    """One thing that happened, before it is chained."""

    action: str                       # create, update, sign, void, print, view, login ...
    entity: str
    entity_id: str
    staff_id: Optional[str] = None
    patient_id: Optional[str] = None
    before: Any = None
    after: Any = None
    op_id: Optional[str] = None


def _lock_head(conn: Connection) -> tuple[int, str]:
    stmt = select(audit_head.c.last_seq, audit_head.c.last_hash).where(
        audit_head.c.id == HEAD_ID).with_for_update()
    found = conn.execute(stmt).first()
    if found is None:
        conn.execute(insert(audit_head).values(id=HEAD_ID, last_seq=0, last_hash=GENESIS))
        found = conn.execute(stmt).first()
        assert found is not None
    return int(found[0]), str(found[1])


def append(conn: Connection, entries: list[AuditEntry], *, workstation: str,
           now: Optional[datetime] = None) -> int:
    """Chain `entries` onto the log inside the caller's transaction; returns the last seq."""
    if not entries:
        return 0
    last_seq, last_hash = _lock_head(conn)
    at = _at(now)
    rows: list[dict[str, Any]] = []
    for entry in entries:
        last_seq += 1
        row: dict[str, Any] = {
            "seq": last_seq, "at": at, "staff_id": entry.staff_id,
            "workstation": workstation[:60], "action": entry.action[:20],
            "entity": entry.entity[:20], "entity_id": entry.entity_id[:36],
            "patient_id": entry.patient_id,
            "before_data": jsonable(entry.before), "after_data": jsonable(entry.after),
            "op_id": entry.op_id, "prev_hash": last_hash,
        }
        row["row_hash"] = last_hash = row_hash(last_hash, row)
        rows.append(row)
    conn.execute(insert(audit_log), rows)
    conn.execute(update(audit_head).where(audit_head.c.id == HEAD_ID)
                 .values(last_seq=last_seq, last_hash=last_hash))
    return last_seq


def record(conn: Connection, entry: AuditEntry, *, workstation: str,
           now: Optional[datetime] = None) -> int:
    return append(conn, [entry], workstation=workstation, now=now)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_seq: Optional[int] = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def _rows(conn: Connection, batch: int = 2000) -> Iterator[dict[str, Any]]:
    after = 0
    while True:
        chunk = conn.execute(select(audit_log).where(audit_log.c.seq > after)
                             .order_by(audit_log.c.seq).limit(batch)).mappings().all()
        if not chunk:
            return
        yield from (dict(row) for row in chunk)
        after = int(chunk[-1]["seq"])


def verify_chain(conn: Connection) -> ChainReport:
    """Walk the chain in seq order; the first row whose link or hash does not hold is reported."""
    prev = GENESIS
    expected = 1
    count = 0
    for row in _rows(conn):
        seq = int(row["seq"])
        if seq != expected:
            return ChainReport(count, expected, "missing")
        if row["prev_hash"] != prev:
            return ChainReport(count, seq, "link")
        if row_hash(prev, row) != row["row_hash"]:
            return ChainReport(count, seq, "hash")
        prev = str(row["row_hash"])
        expected += 1
        count += 1
    head = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)
                        .where(audit_head.c.id == HEAD_ID)).first()
    head_seq, head_hash = (0, GENESIS) if head is None else (int(head[0]), str(head[1]))
    if head_seq != count or head_hash != prev:
        return ChainReport(count, count + 1 if head_seq > count else head_seq, "head")
    return ChainReport(count)
