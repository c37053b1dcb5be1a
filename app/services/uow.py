"""The unit of work: one transaction that rolls back unless `commit()` is called (cosmicpython).

Its connection comes from `Database` (app/store/db.py), so every driver failure, a deadline
included, leaves as an app error (OfflineError for a dead link) and never as a raw SQLAlchemy
exception. Offline the same class wraps the local replica, so a command runs through the same
handler either way (STYLE.md rule 6). Audit entries collected during the work are chained onto
this workstation's chain in the same transaction just before commit.
"""
from __future__ import annotations

import contextlib
import threading
from datetime import datetime
from types import TracebackType
from typing import Any, Optional

from sqlalchemy.engine import Connection

from app.clock import utcnow
from app.services import audit

_LOCKS_GUARD = threading.Lock()


class UnitOfWork:
    """`with UnitOfWork(db, workstation=...) as uow: ...; uow.commit()`.

    `source` is an app.store.db.Database (the normal case), or an open Connection whose
    transaction this unit of work then owns (a caller already inside Database.connect()).
    """

    def __init__(self, source: Any, *, workstation: str, now: Optional[datetime] = None) -> None:
        if not isinstance(source, Connection) and not hasattr(source, "connect"):
            raise TypeError("UnitOfWork needs a Database or a Connection")
        if not isinstance(source, Connection) and not hasattr(source, "translate"):
            raise TypeError("UnitOfWork needs an app.store.db.Database (errors must be translated)")
        self._source = source
        self.workstation = workstation
        self.now = now or utcnow()
        self._conn: Optional[Connection] = None
        self._stack: Optional[contextlib.ExitStack] = None
        self._pending: list[audit.AuditEntry] = []
        self._committed = False
        self._tip: Optional[tuple[int, str]] = None

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("unit of work not entered")
        return self._conn

    @property
    def _tips(self) -> Optional[audit.Tips]:
        state = getattr(self._source, "state", None)
        if not isinstance(state, dict):
            return None
        tips: audit.Tips = state.setdefault("audit_tips", {})
        return tips

    def __enter__(self) -> UnitOfWork:
        if isinstance(self._source, Connection):
            self._conn = self._source
        else:
            self._stack = contextlib.ExitStack()
            self._conn = self._stack.enter_context(self._source.connect())
        try:
            if not self.conn.in_transaction():
                self.conn.begin()
        except BaseException:
            self._close(*_exc_info())
            raise
        self._committed = False
        return self

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> Optional[bool]:
        return self._close(exc_type, exc, tb)

    def _close(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
               tb: Optional[TracebackType]) -> Optional[bool]:
        try:
            if self._conn is not None and self._conn.in_transaction():
                with contextlib.suppress(Exception):   # a dead link: nothing to roll back
                    self._conn.rollback()              # not committed (or failed): nothing kept
        finally:
            self._pending.clear()
            self._conn = None
            stack, self._stack = self._stack, None
        if stack is not None:
            # Database.connect() sees the exception and translates it (OfflineError ...).
            return bool(stack.__exit__(exc_type, exc, tb))
        return None

    def audit(self, entry: audit.AuditEntry) -> None:
        """Queue an audit entry; it is chained at commit, in the same transaction."""
        self._pending.append(entry)

    def flush_audit(self) -> None:
        if self._pending:
            from app.offline import changeseq  # the change sequence, in the same transaction

            changeseq.record(self.conn, self._pending)
            self._tip = audit.append(self.conn, list(self._pending), workstation=self.workstation,
                                     now=self.now, tips=self._tips)
            self._pending.clear()

    def _chain_lock(self) -> Any:
        """Writers of one chain in this process take turns from the tip read to the commit:
        otherwise the one that always commits first starves the other (each retry reads a tip
        the winner is already extending). Other processes are separated by the constraint."""
        state = getattr(self._source, "state", None)
        if not isinstance(state, dict) or not self._pending:
            return contextlib.nullcontext()
        with _LOCKS_GUARD:
            locks: dict[str, threading.Lock] = state.setdefault("audit_locks", {})
            return locks.setdefault(audit.chain_for(self.workstation), threading.Lock())

    def commit(self) -> None:
        with self._chain_lock():
            self.flush_audit()
            self.conn.commit()
            self._committed = True
            tips = self._tips
            if self._tip is not None and tips is not None:
                # Known good only now: the next unit of work need not read the tip again.
                tips[audit.chain_for(self.workstation)] = self._tip

    def rollback(self) -> None:
        self._pending.clear()
        self._tip = None
        self.conn.rollback()

    @property
    def committed(self) -> bool:
        return self._committed


def _exc_info() -> tuple[Any, Any, Any]:
    import sys

    return sys.exc_info()
