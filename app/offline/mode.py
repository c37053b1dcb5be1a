"""The offline layer the GUI's backend uses when the server is away (DESIGN.md "A write, end to
end": offline, the unit of work is one local transaction holding the local effect and the outbox
entry).

`OfflineLayer.execute(command)` runs the command's own handler (app.services.handlers.execute)
on the replica and queues it in the outbox table of the same encrypted file, in one SQLite
transaction: after a crash both are there or neither. `replay(server)` sends the queue in
batches (app/offline/replay.py). Nothing here imports Qt.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Optional

from app.clock import utcnow
from app.offline import replica
from app.offline.outbox import Outbox, create_outbox, queue_entry
from app.offline.replay import BATCH, ReplayReport, replay
from app.progress import OptionalProgress
from app.services.changes import Changes
from app.services.commands import Command

# Health checks come every few seconds; the replica asks the change sequence at most this often
# (one indexed query per workstation per 10 s when nothing changed: bench/freshness.py).
REFRESH_SECONDS = 10.0

# The window replays in the command line's batches (app/offline/replay.py BATCH): at 100 a batch
# the round trips held a 10,000-command backlog to 155 ops/s behind 30 ms, and small first batches
# growing to full ones cost 1.2 s of 10 (bench/offline_gui.py). The bar is there from the start.


def patient_key(command: Command) -> Optional[str]:
    """The patient (or stay) a command concerns, for the replay's order per patient."""
    for field in ("patient_id", "encounter_id"):
        value = getattr(command, field, None)
        if isinstance(value, str):
            return value
    return None


@dataclass(frozen=True)
class OfflineState:
    online: bool
    queued: int
    as_of: Optional[datetime]       # the replica's data, by the server's clock at its snapshot
    settled: int = 0                # queued changes the server took, refused or held this time


log = logging.getLogger(__name__)

# Who signed in on this PC while online (and so may sign in here through an outage): a local
# table of the replica, outside the ward snapshot that replaces the copied tables.
PC_LOGIN = ("CREATE TABLE IF NOT EXISTS pc_login (login_name TEXT PRIMARY KEY, staff_id TEXT NOT NULL, "
            "last_at TEXT NOT NULL)")


class OfflineLayer:
    def __init__(self, data_dir: Path, profile: Optional[str], workstation: str,
                 server: Optional[Callable[[], Any]] = None) -> None:
        """`server()`: the server's Database when it is open (the backend's), for follow()."""
        self.profile = profile or "demo"
        self.workstation = workstation
        self._server = server
        self.path = replica.replica_path(data_dir, profile)
        self._lock = threading.Lock()
        self._following = threading.Lock()
        self._db: Any = None
        self._box: Optional[Outbox] = None
        self._has_data = False
        self._refreshed_at = float("-inf")

    def _open(self) -> tuple[Any, Outbox]:
        with self._lock:
            if self._db is None or self._box is None:
                key = replica.replica_key(self.profile)
                self._db = replica.open_replica(self.path, key, self.profile)
                from app.store.schema import metadata

                metadata.create_all(self._db.engine)
                with self._db.connect() as conn:
                    create_outbox(conn.connection.driver_connection)
                self._box = Outbox(self.path, key=key)
            return self._db, self._box

    def refresh(self, server: Any, ward_id: str) -> int:
        """While online: the replica follows the ward (one query when nothing changed). Not while
        anything is still queued: a new copy would hide what was typed here until it replays."""
        db, box = self._open()
        if box.counts()["queued"]:
            return 0
        return replica.refresh(server, db, profile=self.profile, ward_id=ward_id)

    def written(self, ward_id: str) -> int:
        """After a save on the server, from a worker: the replica takes it now (its change is in
        the change sequence already), not at the next poll. Best effort: a failure waits for
        the next health check's refresh."""
        if self._server is None or not self._following.acquire(blocking=False):
            return 0                        # a replay or a refresh is running: it will see it
        try:
            self._refreshed_at = time.monotonic()
            return self.refresh(self._server(), ward_id)
        except Exception:
            log.warning("the replica could not take the save at once", exc_info=True)
            return 0
        finally:
            self._following.release()

    def execute(self, command: Command) -> Changes:
        from app.services.handlers import execute
        from app.services.write import run_unit

        db, _ = self._open()

        def local(uow: Any) -> Changes:
            changes = execute(uow, command)
            queue_entry(uow.conn.connection.driver_connection, command, patient_key(command))
            replica.note_local_write(uow.conn)
            return changes

        result: Changes = run_unit(db, self.workstation, local)
        return result

    # ---- reading and signing in through an outage
    def has_data(self) -> bool:
        """Whether a replica with a ward in it exists here (without it, offline is just offline)."""
        if self._has_data:
            return True
        if not self.path.exists():
            return False
        try:
            self._has_data = self.as_of() is not None
            return self._has_data
        except Exception:                   # no key, a foreign file: the caller says offline
            log.warning("the offline replica cannot be used", exc_info=True)
            return False

    def read(self, fn: Callable[[Any], Any]) -> Any:
        """A service read, fn(connection), on the replica."""
        db, _ = self._open()
        return db.run_read(fn)

    def remember_login(self, login_name: str, staff_id: str) -> None:
        """After a sign-in on the server: this user may sign in here offline later (her verifier
        comes with the ward's snapshot). Best effort: a PC without a keyring still signs in."""
        try:
            db, _ = self._open()
            with db.connect() as conn:
                conn.exec_driver_sql(PC_LOGIN)
                conn.exec_driver_sql("INSERT OR REPLACE INTO pc_login (login_name, staff_id, last_at) "
                                     "VALUES (?, ?, ?)", (login_name, staff_id, utcnow().isoformat()))
                conn.commit()
        except Exception:
            log.warning("could not note the sign-in for offline use", exc_info=True)

    def authenticate(self, login_name: str, password: str) -> Any:
        """Sign-in against the replica: only a user who signed in on this PC before; the same
        checks, timing and lockout count as on the server, audited as offline_login."""
        from app.errors import AuthError
        from app.services.auth import authenticate

        def check(uow: Any) -> Any:
            uow.conn.exec_driver_sql(PC_LOGIN)
            known = uow.conn.exec_driver_sql("SELECT staff_id FROM pc_login WHERE login_name = ?",
                                             (login_name.strip(),)).first()
            if known is None:
                raise AuthError("auth.offline_unknown_user")
            return authenticate(uow.conn, login_name, password, workstation=self.workstation,
                                actions=("offline_login", "offline_login_failed"))

        return self.run_local(check)

    def run_local(self, fn: Callable[[Any], Any]) -> Any:
        """fn(uow) on the replica, committed also when it raises an app error (a wrong second
        nurse's password counts there while the server is away); not queued."""
        from app.services.write import run_unit

        db, _ = self._open()
        return run_unit(db, self.workstation, fn, commit_on_error=True)

    def as_of(self) -> Optional[datetime]:
        db, _ = self._open()
        seen = replica.info(db)
        return None if seen is None else seen.as_of

    def queued(self) -> int:
        _, box = self._open()
        return box.counts()["queued"]

    def replay(self, server: Any, progress: OptionalProgress = None,
               batch: int = BATCH) -> ReplayReport:
        _, box = self._open()
        return replay(box, server, self.workstation, batch=batch, progress=progress)

    def follow(self, online: bool, ward_id: Optional[str],
               progress: OptionalProgress = None) -> OfflineState:
        """After each health check, on a worker thread: online, send what is queued (`progress`
        told each batch: done, total, "replay"), then let the replica follow the ward; offline,
        just say how old it is and what waits."""
        settled = 0
        if online and self._server is not None and self._following.acquire(blocking=False):
            try:                            # one at a time: health checks come every few seconds
                server = self._server()
                if self.queued():
                    report = self.replay(server, progress)
                    settled = report.applied + report.rejected + report.conflicts
                if ward_id and time.monotonic() - self._refreshed_at >= REFRESH_SECONDS:
                    self._refreshed_at = time.monotonic()
                    self.refresh(server, ward_id)
            finally:
                self._following.release()
        return OfflineState(online, self.queued(), self.as_of(), settled)

    def close(self) -> None:
        with self._lock:
            if self._box is not None:
                self._box.close()
                self._box = None
            if self._db is not None:
                self._db.dispose()
                self._db = None
