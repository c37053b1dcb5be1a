"""The outbox: every command typed while the server is away, durable on disk, in order.

A local SQLite file (WAL + synchronous=FULL: PLATFORM.md's power-cut runs lost no acknowledged
commit in that mode) holding exactly what the write path executes: the command as its replay-safe
payload (app/services/commands.py), its op_id (UNIQUE: a command is queued once), the patient
it concerns (replay keeps each patient's order) and what became of it on the server.
`enqueue` returns only once the row is on disk.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from app.clock import utcnow
from app.services.commands import Command, from_payload, to_payload

QUEUED, APPLIED, REJECTED, CONFLICT = "queued", "applied", "rejected", "conflict"
_STALE = "stale:"          # outbox_note keys of `Outbox.stale_rows`

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    patient_key TEXT,
    op_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    reason TEXT,
    settled_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, seq);
CREATE TABLE IF NOT EXISTS outbox_note (nkey TEXT PRIMARY KEY, nvalue TEXT, noted_at TEXT);
"""


@dataclass(frozen=True)
class Queued:
    seq: int
    op_id: str
    patient_key: Optional[str]
    op_type: str
    payload: dict[str, Any]
    state: str
    reason: Optional[str]

    def command(self) -> Command:
        return from_payload(self.payload)


class Outbox:
    def __init__(self, path: Path, key: Optional[str] = None,
                 opener: Optional[Callable[[Path], Any]] = None) -> None:
        """`key`: the outbox lives in the encrypted replica file (app/offline/replica.py), so a
        command's local effect and its entry commit together (app/offline/mode.py). `opener`:
        another DB-API-like connection to the file (the power-cut tests' crash-simulating VFS)."""
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        if opener is not None:
            self._conn = opener(path)
        elif key is None:
            self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None,
                                         timeout=10)
        else:
            from sqlcipher3 import dbapi2

            self._conn = dbapi2.connect(str(path), check_same_thread=False, isolation_level=None,
                                        timeout=10)
            self._conn.execute(f"PRAGMA key = '{key}'")
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(_SCHEMA)

    def enqueue(self, command: Command, patient_key: Optional[str] = None,
                effect: Optional[Callable[[sqlite3.Connection], None]] = None) -> int:
        """Queue a command (again: a no-op for an op_id already queued); returns its seq once
        the row is on disk. `effect(conn)`, the command's local effect in this same file, runs
        in the same transaction: after a crash both are there or neither is."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                seq = queue_entry(self._conn, command, patient_key)
                if effect is not None and seq is not None:
                    effect(self._conn)
                if seq is None:
                    row = self._conn.execute("SELECT seq FROM outbox WHERE op_id = ?",
                                             (command.op_id,)).fetchone()
                    seq = int(row[0])
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        return seq

    def pending(self, limit: int = 200) -> list[Queued]:
        """The oldest queued commands, in the order they were typed."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, op_id, patient_key, op_type, payload, state, reason FROM outbox "
                "WHERE state = ? ORDER BY seq LIMIT ?", (QUEUED, limit)).fetchall()
        return [Queued(int(r[0]), r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]

    def settle(self, op_id: str, state: str, reason: Optional[str] = None) -> None:
        with self._lock:
            self._conn.execute("UPDATE outbox SET state = ?, reason = ?, settled_at = ? WHERE op_id = ?",
                               (state, reason, utcnow().isoformat(), op_id))

    def settle_many(self, outcomes: list[tuple[str, str, Optional[str]]],
                    stale: Optional[dict[str, dict[str, Any]]] = None) -> None:
        """(op_id, state, reason) of a whole replay batch, in one local transaction, with the
        rows found changed on the server so far (`stale_rows`: a replay cut short and begun
        again still knows them)."""
        now = utcnow().isoformat()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(
                    "UPDATE outbox SET state = ?, reason = ?, settled_at = ? WHERE op_id = ?",
                    [(state, reason, now, op_id) for op_id, state, reason in outcomes])
                self._conn.executemany(
                    "INSERT OR IGNORE INTO outbox_note VALUES (?, ?, ?)",
                    [(_STALE + row_id, json.dumps(params, ensure_ascii=False), now)
                     for row_id, params in (stale or {}).items()])
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def note_error(self, message_id: Optional[str]) -> None:
        """The error that stopped the last replay (None: it ran to the end), for `offline status`."""
        with self._lock:
            if message_id is None:
                self._conn.execute("DELETE FROM outbox_note WHERE nkey = 'last_error'")
            else:
                self._conn.execute("INSERT OR REPLACE INTO outbox_note VALUES ('last_error', ?, ?)",
                                   (message_id, utcnow().isoformat()))

    def stale_rows(self) -> dict[str, dict[str, Any]]:
        """Rows a replayed change of this queue met a conflict on, while changes typed after it
        are still queued: those were made on a version the server never had."""
        with self._lock:
            rows = self._conn.execute("SELECT nkey, nvalue FROM outbox_note WHERE nkey LIKE ?",
                                      (_STALE + "%",)).fetchall()
        return {str(k)[len(_STALE):]: json.loads(v) for k, v in rows}

    def forget_stale(self) -> None:
        """The queue is empty: whatever is typed next starts from the server's versions."""
        with self._lock:
            self._conn.execute("DELETE FROM outbox_note WHERE nkey LIKE ?", (_STALE + "%",))

    def last_error(self) -> Optional[str]:
        with self._lock:
            row = self._conn.execute("SELECT nvalue, noted_at FROM outbox_note "
                                     "WHERE nkey = 'last_error'").fetchone()
        return None if row is None else f"{row[0]} at {row[1]}"

    def counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()
        out = {QUEUED: 0, APPLIED: 0, REJECTED: 0, CONFLICT: 0}
        out.update({str(state): int(n) for state, n in rows})
        return out

    def settled(self, state: str) -> list[Queued]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, op_id, patient_key, op_type, payload, state, reason FROM outbox "
                "WHERE state = ? ORDER BY seq", (state,)).fetchall()
        return [Queued(int(r[0]), r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def create_outbox(conn: Any) -> None:
    """The outbox table in a DB-API connection's database (its own file, or the replica's)."""
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def queue_entry(conn: Any, command: Command, patient_key: Optional[str]) -> Optional[int]:
    """The outbox row for `command` in the caller's transaction on `conn` (a DB-API connection:
    sqlite3, or sqlcipher3 under the replica's unit of work); None when it was queued before."""
    payload = json.dumps(to_payload(command), ensure_ascii=False, sort_keys=True)
    cur = conn.execute(
        "INSERT OR IGNORE INTO outbox (op_id, patient_key, op_type, payload, queued_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (command.op_id, patient_key, type(command).__name__, payload, utcnow().isoformat()))
    return int(cur.lastrowid) if cur.rowcount == 1 else None


def outbox_path(data_dir: Path, profile: Optional[str]) -> Path:
    return data_dir / f"outbox-{profile or 'demo'}.sqlite"
