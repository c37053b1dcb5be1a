"""The narrow face of app/ that the GUI's operations use; every method runs on a worker thread.

It holds the Database and hands each call to an app service: reads through `Database.run_read`
(the read pool: no lock, no BEGIN, retried once on a link found dead), every mutation through
`execute(command)` -> app.services.write (the one write path: a unit of work from Database,
errors translated, replay-safe commands). No widget ever holds a session or connection
(STYLE.md rule 3), and this module never opens a transaction itself. Tests hand the operations
another object with the same methods (e.g. one that sleeps, to prove the GUI thread does not
wait).
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Protocol

if TYPE_CHECKING:
    from app.domain.staff import StaffUser
    from app.domain.ward import BedCard, PatientHeader, WardInfo
    from app.progress import Progress
    from app.services.changes import Changes
    from app.services.commands import Command

log = logging.getLogger(__name__)

SPOOL_DRAIN_SECONDS = 5.0     # queued chart-view audits reach the server within this


@dataclass(frozen=True)
class DemoAccount:
    login: str
    password: str
    role_label_id: str


class Backend(Protocol):
    profile_name: Optional[str]   # None: the embedded demo database

    def prepare(self, progress: Progress) -> list[DemoAccount]: ...
    def authenticate(self, login_name: str, password: str) -> StaffUser: ...
    def list_wards(self) -> list[WardInfo]: ...
    def ward_overview(self, ward_id: str) -> list[BedCard]: ...
    def open_chart(self, encounter_id: str, staff_id: str) -> PatientHeader: ...
    def execute(self, command: Command) -> Changes: ...
    def health_check(self, timeout: float) -> None: ...


def data_dir() -> Path:
    """The user's XDG data dir (WARDSTATION_DATA_DIR overrides it)."""
    base = os.environ.get("WARDSTATION_DATA_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_data_dir("WardStation", appauthor=False)
    return Path(base)


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


class AppBackend:
    """The real services over app.store.db: a server URL, a profile, or the demo database."""

    def __init__(self, profile_name: Optional[str] = None, demo_path: Optional[Path] = None,
                 url: Optional[str] = None, spool_path: Optional[Path] = None) -> None:
        self.profile_name = profile_name
        self._demo_path = demo_path
        self._url = url
        self._spool_path = spool_path
        self._db: Any = None
        self._spool: Any = None
        self.workstation = socket.gethostname()
        self._write_lock = threading.Lock()     # the write executor is serial; the drain too
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._drainer: Optional[threading.Thread] = None

    # ---- start-up
    def prepare(self, progress: Progress) -> list[DemoAccount]:
        from app.store.db import open_database

        accounts: list[DemoAccount] = []
        if self._url:
            progress(0, 0, "profile")
            self._db = open_database(self._url)
        elif self.profile_name:
            from app.profiles import load_profile

            progress(0, 0, "profile")
            self._db = open_database(load_profile(self.profile_name))
        else:
            from app.services.demo_accounts import DEMO_ACCOUNTS
            from app.services.demo_db import ensure_demo_database

            path = self._demo_path or demo_database_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = ensure_demo_database(path, progress)
            accounts = [DemoAccount(*row) for row in DEMO_ACCOUNTS]
        self._open_spool()
        return accounts

    def _open_spool(self) -> None:
        from app.services.audit_spool import AuditSpool, default_spool_path

        if self._demo_path is not None and self._spool_path is None:
            path = self._demo_path.parent / "audit-spool-demo.sqlite"
        else:
            path = self._spool_path or default_spool_path(data_dir(), self.profile_name)
        self._spool = AuditSpool(path, scope=self._db.safe_url)
        self._drainer = threading.Thread(target=self._drain_loop, name="audit-spool", daemon=True)
        self._drainer.start()
        if self._spool.pending():
            self._wake.set()                    # views queued before a crash go out first

    def _require(self) -> Any:
        if self._db is None:
            raise RuntimeError("database not prepared")
        return self._db

    # ---- reads (the read pool)
    def list_wards(self) -> list[WardInfo]:
        from app.services.ward import list_wards

        result: list[WardInfo] = self._require().run_read(list_wards)
        return result

    def ward_overview(self, ward_id: str) -> list[BedCard]:
        from app.services.ward import ward_overview

        result: list[BedCard] = self._require().run_read(lambda conn: ward_overview(conn, ward_id))
        return result

    def open_chart(self, encounter_id: str, staff_id: str) -> PatientHeader:
        """The chart's header; the view is audited through the local queue, off the read path."""
        from app.services.ward import chart_view, patient_header

        header: PatientHeader = self._require().run_read(
            lambda conn: patient_header(conn, encounter_id))
        if self._spool is not None:
            self._spool.add(chart_view(encounter_id, header.patient_id, staff_id))
            self._wake.set()
        return header

    # ---- writes (one path)
    def authenticate(self, login_name: str, password: str) -> StaffUser:
        from app.services.auth import authenticate
        from app.services.write import run_unit

        with self._write_lock:
            user: StaffUser = run_unit(
                self._require(), self.workstation,
                lambda uow: authenticate(uow.conn, login_name, password,
                                         workstation=self.workstation),
                commit_on_error=True)   # a failed attempt must still count towards the lockout
            return user

    def execute(self, command: Command) -> Changes:
        """Run one command through its handler, once (op_id), in one unit of work."""
        from app.services.write import run_command

        with self._write_lock:
            changes: Changes = run_command(self._require(), self.workstation, command)
            return changes

    def flush_audit(self) -> int:
        """Write every queued chart view now; returns how many reached the server."""
        if self._spool is None:
            return 0
        written = 0
        while self._spool.pending():
            with self._write_lock:
                written += self._spool.drain(self._require(), self.workstation)
        return written

    def _drain_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(SPOOL_DRAIN_SECONDS)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.flush_audit()
            except Exception as exc:     # offline or a bug: the entries stay queued
                log.info("queued audit entries not written yet: %s", exc)
                self._stop.wait(SPOOL_DRAIN_SECONDS)

    def health_check(self, timeout: float) -> None:
        """One round trip through the driver under its deadline; raises when the database cannot answer."""
        self._require().ping(timeout)

    def close(self) -> None:
        """Stop the background writer (queued views stay on disk for the next start), close pools."""
        self._stop.set()
        self._wake.set()
        if self._drainer is not None:
            self._drainer.join(timeout=SPOOL_DRAIN_SECONDS + 1)
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self._db is not None:
            self._db.dispose()
