"""Append-only, hash-chained audit records (DESIGN.md "Audit at hospital scale").

One chain per workstation: each record's hash is sha256(prev_hash + canonical JSON of the
record) and its `chain_seq` follows the chain's last one. The next seq is claimed by the
UNIQUE(chain_id, chain_seq) constraint, not by a locked head row, so no workstation waits on
another, no audit row is ever updated, and the service account needs only INSERT and SELECT.
Two writers on one chain (two processes on one PC) collide on that constraint: the loser gets
ChainRace and its unit of work runs again (app/services/write.py).

Verification (`verify_all`) proves every chain from its first record; what no in-database check
can see (a cut tail, a chain deleted whole, every hash recomputed after an edit) is caught by
the keyed checkpoints kept outside the database (app/services/audit_checkpoint.py).
Revision 0001's single chain (audit_log + audit_head) is still proved, read-only.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Iterator, Mapping, MutableMapping, Optional

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from app.clock import utcnow
from app.ids import new_id
from app.store.schema import audit_head, audit_log, audit_rec

GENESIS = "0" * 64
LEGACY_CHAIN = "(0001)"           # how revision 0001's hospital-wide chain is named in reports
CHAIN_LEN = 60
HASHED_FIELDS = ("chain_id", "chain_seq", "at", "staff_id", "workstation", "action", "entity",
                 "entity_id", "patient_id", "before_data", "after_data", "op_id")
LEGACY_FIELDS = ("seq", "at", "staff_id", "workstation", "action", "entity", "entity_id",
                 "patient_id", "before_data", "after_data", "op_id")

# chain_id -> (last seq, last hash), kept per Database for the chains this process writes.
Tips = MutableMapping[str, tuple[int, str]]


class ChainRace(Exception):
    """Another writer took this chain's next seq first: run the unit of work again."""

    def __init__(self, chain_id: str, original: BaseException) -> None:
        super().__init__(f"audit chain {chain_id}: next seq taken")
        self.chain_id = chain_id
        self.original = original


_AS_IS = frozenset({str, int, bool, type(None)})


def jsonable(value: Any) -> Any:
    """Before/after snapshots as plain JSON values, so they read back exactly as hashed."""
    kind = type(value)
    if kind in _AS_IS:                  # most values: no isinstance walk through the ABCs
        return value
    if kind is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
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


def _canonical(row: Mapping[str, Any], fields: tuple[str, ...]) -> str:
    data = {name: row.get(name) for name in fields}
    at = data["at"]
    if isinstance(at, datetime):
        data["at"] = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
    seq_field = "chain_seq" if "chain_seq" in fields else "seq"
    data[seq_field] = int(str(data[seq_field]))
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(row, HASHED_FIELDS)).encode("utf-8")).hexdigest()


def legacy_row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(row, LEGACY_FIELDS)).encode("utf-8")).hexdigest()


def _at(value: Optional[datetime]) -> datetime:
    # Milliseconds: every engine stores them exactly, so the hash reads back the same.
    value = (value or utcnow()).astimezone(timezone.utc)
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def chain_for(workstation: str) -> str:
    return (workstation or "unknown")[:CHAIN_LEN]


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
    at: Optional[datetime] = None     # when it happened, if not when it is written (queued views)
    id: Optional[str] = None          # made when queued, so a second drain cannot duplicate it


def read_tip(conn: Connection, chain_id: str) -> tuple[int, str]:
    """The chain's last seq and hash, (0, GENESIS) for a new chain: one indexed query."""
    found = conn.execute(select(audit_rec.c.chain_seq, audit_rec.c.row_hash)
                         .where(audit_rec.c.chain_id == chain_id)
                         .order_by(audit_rec.c.chain_seq.desc()).limit(1)).first()
    return (0, GENESIS) if found is None else (int(found[0]), str(found[1]))


def append(conn: Connection, entries: list[AuditEntry], *, workstation: str,
           now: Optional[datetime] = None, tips: Optional[Tips] = None) -> tuple[int, str]:
    """Chain `entries` onto this workstation's chain in the caller's transaction.

    Returns the new tip. `tips` (per database) saves the read of the tip; a stale one makes the
    insert collide, which raises ChainRace like a real race and forgets the cached tip."""
    chain_id = chain_for(workstation)
    if not entries:
        return tips.get(chain_id, (0, GENESIS)) if tips is not None else (0, GENESIS)
    cached = tips.pop(chain_id, None) if tips is not None else None
    last_seq, last_hash = cached if cached is not None else read_tip(conn, chain_id)
    rows: list[dict[str, Any]] = []
    for entry in entries:
        last_seq += 1
        row: dict[str, Any] = {
            "id": entry.id or new_id(), "chain_id": chain_id, "chain_seq": last_seq,
            "at": _at(entry.at or now), "staff_id": entry.staff_id,
            "workstation": workstation[:60], "action": entry.action[:20],
            "entity": entry.entity[:20], "entity_id": entry.entity_id[:36],
            "patient_id": entry.patient_id,
            "before_data": jsonable(entry.before), "after_data": jsonable(entry.after),
            "op_id": entry.op_id, "prev_hash": last_hash,
        }
        row["row_hash"] = last_hash = row_hash(last_hash, row)
        rows.append(row)
    try:
        conn.execute(insert(audit_rec), rows)
    except IntegrityError as exc:
        raise ChainRace(chain_id, exc) from exc
    return last_seq, last_hash


def record(conn: Connection, entry: AuditEntry, *, workstation: str,
           now: Optional[datetime] = None) -> int:
    """One entry in the caller's transaction (no tip cache); returns its seq."""
    return append(conn, [entry], workstation=workstation, now=now)[0]


# --- verification ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChainReport:
    chain_id: str
    entries: int                       # records proved, from the first
    last_seq: int = 0
    last_hash: str = GENESIS
    broken_seq: Optional[int] = None
    reason: str = ""                   # missing, link, hash, head

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def chains(conn: Connection) -> list[str]:
    rows = conn.execute(select(audit_rec.c.chain_id).group_by(audit_rec.c.chain_id)
                        .order_by(audit_rec.c.chain_id)).scalars().all()
    return [str(r) for r in rows]


def _chain_rows(conn: Connection, chain_id: str, batch: int = 2000) -> Iterator[dict[str, Any]]:
    after = 0
    while True:
        chunk = conn.execute(select(audit_rec).where(audit_rec.c.chain_id == chain_id)
                             .where(audit_rec.c.chain_seq > after)
                             .order_by(audit_rec.c.chain_seq).limit(batch)).mappings().all()
        if not chunk:
            return
        yield from (dict(row) for row in chunk)
        after = int(chunk[-1]["chain_seq"])


def verify_chain(conn: Connection, chain_id: str) -> ChainReport:
    """Walk one chain from seq 1; the first record whose seq, link or hash fails is reported."""
    prev = GENESIS
    expected = 1
    for row in _chain_rows(conn, chain_id):
        seq = int(row["chain_seq"])
        if seq != expected:
            return ChainReport(chain_id, expected - 1, expected - 1, prev, expected, "missing")
        if row["prev_hash"] != prev:
            return ChainReport(chain_id, expected - 1, expected - 1, prev, seq, "link")
        if row_hash(prev, row) != row["row_hash"]:
            return ChainReport(chain_id, expected - 1, expected - 1, prev, seq, "hash")
        prev = str(row["row_hash"])
        expected += 1
    return ChainReport(chain_id, expected - 1, expected - 1, prev)


def _legacy_rows(conn: Connection, batch: int = 2000) -> Iterator[dict[str, Any]]:
    after = 0
    while True:
        chunk = conn.execute(select(audit_log).where(audit_log.c.seq > after)
                             .order_by(audit_log.c.seq).limit(batch)).mappings().all()
        if not chunk:
            return
        yield from (dict(row) for row in chunk)
        after = int(chunk[-1]["seq"])


def verify_legacy(conn: Connection) -> Optional[ChainReport]:
    """Revision 0001's chain (audit_log + its head row), or None when it holds nothing."""
    head = conn.execute(select(audit_head.c.last_seq, audit_head.c.last_hash)).first()
    has_rows = conn.execute(select(func.count()).select_from(audit_log)).scalar_one() > 0
    if head is None and not has_rows:
        return None
    prev, expected = GENESIS, 1
    for row in _legacy_rows(conn):
        seq = int(row["seq"])
        if seq != expected:
            return ChainReport(LEGACY_CHAIN, expected - 1, expected - 1, prev, expected, "missing")
        if row["prev_hash"] != prev:
            return ChainReport(LEGACY_CHAIN, expected - 1, expected - 1, prev, seq, "link")
        if legacy_row_hash(prev, row) != row["row_hash"]:
            return ChainReport(LEGACY_CHAIN, expected - 1, expected - 1, prev, seq, "hash")
        prev = str(row["row_hash"])
        expected += 1
    count = expected - 1
    head_seq, head_hash = (0, GENESIS) if head is None else (int(head[0]), str(head[1]))
    if head_seq != count or head_hash != prev:
        return ChainReport(LEGACY_CHAIN, count, count, prev,
                           count + 1 if head_seq > count else head_seq, "head")
    return ChainReport(LEGACY_CHAIN, count, count, prev)


def verify_all(conn: Connection) -> list[ChainReport]:
    """Every chain in the database, revision 0001's first when it has records."""
    reports = [verify_chain(conn, chain_id) for chain_id in chains(conn)]
    legacy = verify_legacy(conn)
    return ([legacy] if legacy is not None else []) + reports


def hash_at(conn: Connection, chain_id: str, seq: int) -> Optional[str]:
    """The stored hash of one record (checkpoint comparison), None when it is gone."""
    if chain_id == LEGACY_CHAIN:
        stmt = select(audit_log.c.row_hash).where(audit_log.c.seq == seq)
    else:
        stmt = (select(audit_rec.c.row_hash).where(audit_rec.c.chain_id == chain_id)
                .where(audit_rec.c.chain_seq == seq))
    found = conn.execute(stmt).scalar()
    return None if found is None else str(found)
