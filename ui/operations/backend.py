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
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol, TypeVar

if TYPE_CHECKING:
    from app.dictionaries.search import SearchItem
    from app.domain.staff import StaffUser
    from app.domain.ward import BedCard, PatientHeader, WardInfo
    from app.offline.mode import OfflineLayer
    from app.progress import Progress
    from app.services.changes import Changes
    from app.services.commands import Command
    from app.services.order_signing import ReviewAlert
    from app.services.orders import Orderable, OrderEventRow, OrderRow

from app.paths import data_dir

log = logging.getLogger(__name__)
T = TypeVar("T")

SPOOL_DRAIN_SECONDS = 5.0     # queued chart-view audits reach the server within this
OPEN_WAIT_SECONDS = 60.0      # a call made while the database still opens waits this long
EXCHANGE_EVERY_SECONDS = 30.0  # the exchange queue is flushed at most this often (issue 17)
MAILBOX_EVERY_SECONDS = 60.0   # ... and the platforms' mailboxes read (referrals in, answers)


@dataclass(frozen=True)
class ChartData:
    """What opening a chart shows at once: the header and the first tab's orders."""

    header: PatientHeader
    orders: list[OrderRow]


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

    # The orders tab (optional for test backends that do not show it).
    # def chart(self, encounter_id: str, staff_id: str) -> ChartData
    # def chart_orders(self, encounter_id: str) -> list[OrderRow]
    # def order_history(self, order_id: str) -> list[OrderEventRow]
    # def review_orders(self, encounter_id: str, order_ids: tuple[str, ...]) -> list[ReviewAlert]
    # def search_orderables(self, text: str, limit: int = 20) -> list[SearchItem]
    # def orderable(self, kind: str, code: str) -> Optional[Orderable]
    def health_check(self, timeout: float) -> None: ...


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite"


def demo_file_is_current(path: Path) -> bool:
    """Whether the demo file exists at this client's schema revision with the demo ward in it,
    asked with the standard library only (read-only, one query each)."""
    import sqlite3

    from app.services.demo_accounts import DEMO_WARD_CODE
    from app.store.head import HEAD_REVISION

    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            ward = con.execute("SELECT COUNT(*) FROM ward WHERE code = ?", (DEMO_WARD_CODE,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return revision is not None and revision[0] == HEAD_REVISION and bool(ward and ward[0])


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
        self._opened = threading.Event()
        self._index: Any = None
        self._freqs: Any = None
        self._index_lock = threading.Lock()
        self._opener: Optional[threading.Thread] = None
        self._open_error: Optional[BaseException] = None
        # A server profile keeps working through an outage on its replica (the demo file is
        # local already). Opened on first use: the keyring is asked only then.
        self.offline: Optional[OfflineLayer] = None
        self.server_down = False        # the last health check or call found the server away
        self._exchange: Optional[threading.Thread] = None
        self._exchange_at = float("-inf")
        self._mailbox_at = float("-inf")
        if profile_name is not None:
            from app.offline.mode import OfflineLayer

            self.offline = OfflineLayer(data_dir(), profile_name, self.workstation,
                                        server=self._require)

    # ---- start-up
    def prepare(self, progress: Progress) -> list[DemoAccount]:
        """Ready for a sign-in: the database is there and its schema is this client's.

        An existing, current demo file is checked with the standard library alone (one query
        each for the revision and the demo ward): the login accepts input at once while the
        database layer opens in the background; the first call that needs it waits for it."""
        if self._url or self.profile_name:
            from app.store.db import open_database

            progress(0, 0, "profile")
            if self._url:
                self._db = open_database(self._url)
            else:
                from app.profiles import load_profile

                self._db = open_database(load_profile(self.profile_name or ""))
            self._finish_opening()
            return []
        from app.services.demo_accounts import DEMO_ACCOUNTS

        path = self._demo_path or demo_database_path()
        accounts = [DemoAccount(*row) for row in DEMO_ACCOUNTS]
        if demo_file_is_current(path):
            progress(1, 1, "demo.present")
            self._opener = threading.Thread(target=self._open_demo, args=(path,), name="db-open",
                                            daemon=True)
            self._opener.start()
            return accounts
        from app.services.demo_db import ensure_demo_database

        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = ensure_demo_database(path, progress)
        self._finish_opening()
        return accounts

    def _open_demo(self, path: Path) -> None:
        try:
            from app.services.demo_db import ensure_demo_database

            self._db = ensure_demo_database(path)
            self._finish_opening()
        except BaseException as exc:       # handed to the first call that needs the database
            self._open_error = exc
            self._opened.set()

    def _finish_opening(self) -> None:
        """Warm both pools (a new connection's first-use queries happen here, behind the login
        page, not in the first ward view) and start the queued-audit writer."""
        try:
            self._db.ping()
            with self._db.connect() as conn:
                conn.exec_driver_sql(self._db.driver.health_sql)
        except Exception as exc:            # offline at start: the health check says so later
            log.info("database not warmed at start: %s", exc)
        self._open_spool()
        self._opened.set()

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
        if self._opener is not None and not self._opened.wait(OPEN_WAIT_SECONDS):
            raise RuntimeError("database not prepared")
        if self._open_error is not None:
            raise self._open_error
        if self._db is None:
            raise RuntimeError("database not prepared")
        return self._db

    # ---- reads (the read pool; through an outage, the replica)
    def _run_read(self, fn: Callable[[Any], T]) -> T:
        """fn(connection) on the server's read pool; when the server is away, on the offline
        replica (a server profile that has one): straight there while the last health check or
        call found the server down, so no screen waits out the link's deadline twice."""
        from app.errors import OfflineError

        layer = self.offline
        if self.server_down and layer is not None and layer.has_data():
            local: T = layer.read(fn)
            return local
        try:
            result: T = self._require().run_read(fn)
        except OfflineError:
            self.server_down = True
            if layer is None or not layer.has_data():
                raise
            result = layer.read(fn)
        return result

    def read(self, fn: Callable[[Any], T]) -> T:
        """Any service read, `fn(connection)`, on the read pool (deadline, one retry on a fast
        link loss). Screens' operation modules (ui/operations/<area>.py) use this for their own
        reads rather than a method here each."""
        return self._run_read(fn)

    def record_view(self, entry: Any) -> None:
        """Audit a view (a chart section, a document) through the local queue, off the read path;
        `entry` as app.services.ward.chart_view builds it."""
        if self._spool is not None:
            self._spool.add(entry)
            self._wake.set()

    def list_wards(self) -> list[WardInfo]:
        from app.services.ward import list_wards

        result: list[WardInfo] = self._run_read(list_wards)
        return result

    def ward_overview(self, ward_id: str) -> list[BedCard]:
        from app.services.ward import ward_overview

        result: list[BedCard] = self._run_read(lambda conn: ward_overview(conn, ward_id))
        return result

    def open_chart(self, encounter_id: str, staff_id: str) -> PatientHeader:
        """The chart's header; the view is audited through the local queue, off the read path."""
        from app.services.ward import chart_view, patient_header

        header: PatientHeader = self._run_read(
            lambda conn: patient_header(conn, encounter_id))
        if self._spool is not None:
            self._spool.add(chart_view(encounter_id, header.patient_id, staff_id))
            self._wake.set()
        return header

    def chart(self, encounter_id: str, staff_id: str) -> ChartData:
        """Header, allergies and diagnoses, and the orders: three queries on one read connection;
        the view is audited through the local queue."""
        from app.services.orders import chart_orders
        from app.services.ward import chart_view, patient_header

        def read(conn: Any) -> ChartData:
            return ChartData(patient_header(conn, encounter_id), chart_orders(conn, encounter_id))

        data: ChartData = self._run_read(read)
        if self._spool is not None:
            self._spool.add(chart_view(encounter_id, data.header.patient_id, staff_id))
            self._wake.set()
        return data

    def chart_orders(self, encounter_id: str) -> list[OrderRow]:
        from app.services.orders import chart_orders

        rows: list[OrderRow] = self._run_read(lambda conn: chart_orders(conn, encounter_id))
        return rows

    def order_history(self, order_id: str) -> list[OrderEventRow]:
        from app.services.orders import order_history

        rows: list[OrderEventRow] = self._run_read(lambda conn: order_history(conn, order_id))
        return rows

    def review_orders(self, encounter_id: str, order_ids: tuple[str, ...]) -> list[ReviewAlert]:
        """What signing these drafts would raise (the F9 review); signing checks again."""
        from app.clock import utcnow
        from app.services.order_signing import review

        alerts: list[ReviewAlert] = self._run_read(
            lambda conn: review(conn, encounter_id, order_ids, utcnow()))
        return alerts

    def search_orderables(self, text: str, limit: int = 20) -> list[SearchItem]:
        """Drugs, order items, routes and frequencies by pinyin initials, Chinese or English; the
        index is built once from the dictionaries (about 0.15 s), then each query is in memory."""
        index = self._search_index()
        return list(index.search(text, limit, kinds=("drug", "item")))

    def search_diagnoses(self, text: str, limit: int = 20) -> list[SearchItem]:
        """ICD-10 codes by pinyin initials, Chinese, English or code, from the same in-memory
        index as the order search (ui/operations/diagnoses.py)."""
        index = self._search_index()
        return list(index.search(text, limit, kinds=("icd10",)))

    def pending_approvals(self, ward_id: str, approver_grade: int) -> list[Any]:
        """Antibiotics of the ward waiting for an approval this grade may give."""
        from app.services.orders import pending_approvals

        rows: list[Any] = self._run_read(
            lambda conn: pending_approvals(conn, ward_id, approver_grade))
        return rows

    def frequencies(self) -> list[Any]:
        """The frequency dictionary with its default times (read once, then kept)."""
        from app.services.orders import frequencies

        if self._freqs is None:
            self._freqs = self._run_read(frequencies)
        return list(self._freqs)

    def order_sets(self, staff_id: str) -> list[Any]:
        """The order sets this doctor may apply (their own, the department's, the hospital's)."""
        from app.services.order_sets import order_sets

        sets: list[Any] = self._run_read(lambda conn: order_sets(conn, staff_id))
        return sets

    def orderable(self, kind: str, code: str) -> Optional[Orderable]:
        """The dictionary's defaults for a picked item (dose, unit, route, form, flags)."""
        from app.services.orders import orderable

        found: Optional[Orderable] = self._run_read(lambda conn: orderable(conn, kind, code))
        return found

    def _search_index(self) -> Any:
        with self._index_lock:
            if self._index is None:
                from app.dictionaries.search import build_index

                self._index = self._run_read(build_index)
            return self._index

    # ---- writes (one path)
    def authenticate(self, login_name: str, password: str) -> StaffUser:
        """Sign-in on the server; through an outage, on the replica for a user who signed in on
        this PC before (her verifier and lockout count are there; anyone else is refused)."""
        from app.errors import OfflineError
        from app.services.auth import authenticate
        from app.services.write import run_unit

        layer = self.offline
        with self._write_lock:
            try:
                if self.server_down and layer is not None and layer.has_data():
                    raise OfflineError("db.unreachable", "unreachable")
                user: StaffUser = run_unit(
                    self._require(), self.workstation,
                    lambda uow: authenticate(uow.conn, login_name, password,
                                             workstation=self.workstation),
                    commit_on_error=True)   # a failed attempt must still count towards the lockout
            except OfflineError:
                self.server_down = True
                if layer is None or not layer.has_data():
                    raise
                offline_user: StaffUser = layer.authenticate(login_name, password)
                return offline_user
        if layer is not None:
            layer.remember_login(user.login_name, user.id)
        return user

    def confirm_colleague(self, login_name: str, password: str) -> StaffUser:
        """A second nurse's own password (双人核对), checked like a sign-in and counted towards her
        lockout, without signing her in; offline, against the replica's cached verifiers."""
        from app.errors import OfflineError
        from app.services.auth import confirm_colleague
        from app.services.write import run_unit

        def check(uow: Any) -> StaffUser:
            return confirm_colleague(uow.conn, login_name, password, workstation=self.workstation)

        with self._write_lock:
            try:
                if self.server_down and self.offline is not None and self.offline.has_data():
                    raise OfflineError("db.unreachable", "unreachable")
                user: StaffUser = run_unit(self._require(), self.workstation, check, commit_on_error=True)
            except OfflineError:
                self.server_down = True
                if self.offline is None:
                    raise
                user = self.offline.run_local(check)
            return user

    def execute(self, command: Command) -> Changes:
        """Run one command through its handler, once (op_id), in one unit of work."""
        from app.errors import OfflineError
        from app.services.write import run_command

        with self._write_lock:
            try:
                if self.server_down and self.offline is not None and self.offline.has_data():
                    raise OfflineError("db.unreachable", "unreachable")   # to the replica at once
                changes: Changes = run_command(self._require(), self.workstation, command)
            except OfflineError:
                if self.offline is None:
                    raise
                self.server_down = True
                # The server is away: the same handler on the replica, queued with its effect.
                changes = self.offline.execute(command)
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
        """One round trip through the driver under its deadline; raises when the database cannot
        answer. Its answer decides where reads and writes go until the next one."""
        try:
            self._require().ping(timeout)
        except Exception:
            self.server_down = True
            raise
        self.server_down = False

    def send_exchange_soon(self) -> bool:
        """After a health check found the server: send what the exchange queue holds for the
        platforms (app/exchange/sender.py) on a thread of its own, one flush at a time and at
        most every EXCHANGE_EVERY_SECONDS; nothing here waits on it. True when one started."""
        import time

        if self.server_down or self._db is None or self._stop.is_set():
            return False
        if self._exchange is not None and self._exchange.is_alive():
            return False
        if time.monotonic() - self._exchange_at < EXCHANGE_EVERY_SECONDS:
            return False
        self._exchange_at = time.monotonic()
        db = self._db

        def run() -> None:
            from app.clock import utcnow
            from app.exchange import queue
            from app.exchange.sender import flush

            try:
                with db.read() as conn:           # one indexed query when nothing is due
                    due = queue.due(conn, utcnow(), 1)
                if due and not self._stop.is_set():
                    flush(db, workstation=self.workstation)
            except Exception:                     # an outage or a bug: said in the log, kept queued
                log.warning("the exchange queue could not be sent", exc_info=True)
            if self._stop.is_set() or time.monotonic() - self._mailbox_at < MAILBOX_EVERY_SECONDS:
                return
            self._mailbox_at = time.monotonic()
            try:                                  # what the platforms hold for us (app/exchange/mailbox.py)
                from dataclasses import replace

                from app.exchange import mailbox
                from app.exchange.results import default_client

                # One try a minute, no backoff sleeps on this thread: closing the app never
                # waits for a platform that is away.
                report = mailbox.pull(db, workstation=self.workstation,
                                      client_for=lambda e, s: default_client(e, replace(s, retries=0)))
                for line in report.left:
                    log.warning("the platform's mailbox: %s", line)
            except Exception:
                log.warning("the platforms' mailboxes could not be read", exc_info=True)

        self._exchange = threading.Thread(target=run, name="exchange-send", daemon=True)
        self._exchange.start()
        return True

    def close(self) -> None:
        """Stop the background writer (queued views stay on disk for the next start), close pools."""
        if self._opener is not None:
            self._opener.join(OPEN_WAIT_SECONDS)
        self._stop.set()
        self._wake.set()
        if self._exchange is not None:
            self._exchange.join(timeout=SPOOL_DRAIN_SECONDS + 1)
        if self._drainer is not None:
            self._drainer.join(timeout=SPOOL_DRAIN_SECONDS + 1)
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self.offline is not None:
            self.offline.close()
        if self._db is not None:
            self._db.dispose()
