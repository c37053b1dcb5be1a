"""A local, durable queue of audit entries that must not cost the user a round trip.

Viewing a chart is audited (DESIGN.md), but the read path takes no lock and waits for no
write: the view is queued here (a local SQLite file, WAL + synchronous=FULL, the setting that
lost no acknowledged commit in PLATFORM.md's power-cut runs) and written to the server's
audit chain by `drain` in the background. Each entry gets its audit record id when queued, so a
drain that crashed after the server committed but before the local delete writes nothing twice.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import select

from app.clock import as_utc, utcnow
from app.ids import new_id
from app.services.audit import AuditEntry, jsonable
from app.store.schema import audit_rec

DRAIN_BATCH = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spool (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL,
    entry TEXT NOT NULL
)"""


def _to_json(entry: AuditEntry) -> str:
    data = {"action": entry.action, "entity": entry.entity, "entity_id": entry.entity_id,
            "staff_id": entry.staff_id, "patient_id": entry.patient_id,
            "before": jsonable(entry.before), "after": jsonable(entry.after),
            "op_id": entry.op_id, "id": entry.id,
            "at": None if entry.at is None else as_utc(entry.at).isoformat()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _from_json(text: str) -> AuditEntry:
    data: dict[str, Any] = json.loads(text)
    at = data.pop("at")
    return AuditEntry(at=None if at is None else as_utc(datetime.fromisoformat(at)), **data)


class AuditSpool:
    """`add()` from any thread; `drain(db, workstation)` writes what is queued for `scope`.

    `scope` names the database the entries belong to, so a profile pointed elsewhere never
    receives another database's views."""

    def __init__(self, path: Path, scope: str) -> None:
        self.path = path
        self.scope = scope
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._conn.execute(_SCHEMA)

    def add(self, entry: AuditEntry) -> AuditEntry:
        """Queue durably (returns once on disk); the entry gets its record id and time now."""
        queued = AuditEntry(entry.action, entry.entity, entry.entity_id, entry.staff_id,
                            entry.patient_id, entry.before, entry.after, entry.op_id,
                            entry.at or utcnow(), entry.id or new_id())
        with self._lock:
            self._conn.execute("INSERT INTO spool (scope, entry) VALUES (?, ?)",
                               (self.scope, _to_json(queued)))
        return queued

    def pending(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT COUNT(*) FROM spool WHERE scope = ?",
                                     (self.scope,)).fetchone()
        return int(row[0])

    def peek(self, limit: int = DRAIN_BATCH) -> list[tuple[int, AuditEntry]]:
        with self._lock:
            rows = self._conn.execute("SELECT n, entry FROM spool WHERE scope = ? ORDER BY n LIMIT ?",
                                      (self.scope, limit)).fetchall()
        return [(int(n), _from_json(text)) for n, text in rows]

    def forget(self, numbers: list[int]) -> None:
        if not numbers:
            return
        with self._lock:
            self._conn.executemany("DELETE FROM spool WHERE n = ?", [(n,) for n in numbers])

    def drain(self, db: Any, workstation: str, *, limit: int = DRAIN_BATCH) -> int:
        """Write one batch of queued entries to the audit chain; returns how many were new."""
        from app.services.write import run_unit

        batch = self.peek(limit)
        if not batch:
            return 0

        def write(uow: Any) -> int:
            ids = [entry.id for _, entry in batch if entry.id]
            done = set(uow.conn.execute(select(audit_rec.c.id).where(audit_rec.c.id.in_(ids)))
                       .scalars().all())
            fresh = [entry for _, entry in batch if entry.id not in done]
            for entry in fresh:
                uow.audit(entry)
            return len(fresh)

        written = run_unit(db, workstation, write)
        self.forget([n for n, _ in batch])
        return written

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def default_spool_path(data_dir: Path, profile: Optional[str]) -> Path:
    return data_dir / f"audit-spool-{profile or 'demo'}.sqlite"
