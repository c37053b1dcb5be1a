"""The unit of work: one transaction that rolls back unless `commit()` is called (cosmicpython).

Online it wraps a server connection; offline the same class wraps the local replica, so a
command runs through the same handler either way (STYLE.md rule 6). Audit rows collected during
the work are chained in the same transaction just before commit.
"""
from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Any, Optional

from sqlalchemy.engine import Connection, Engine

from app.clock import utcnow
from app.services import audit


class UnitOfWork:
    """`with UnitOfWork(engine_or_db, workstation=...) as uow: ...; uow.commit()`."""

    def __init__(self, source: Any, *, workstation: str, now: Optional[datetime] = None) -> None:
        # source: an Engine, an app.store.db.Database (has .engine), or an open Connection
        # whose transaction this unit of work then owns.
        self._source = source
        self.workstation = workstation
        self.now = now or utcnow()
        self._conn: Optional[Connection] = None
        self._owns_conn = False
        self._pending: list[audit.AuditEntry] = []
        self._committed = False

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("unit of work not entered")
        return self._conn

    def __enter__(self) -> UnitOfWork:
        if isinstance(self._source, Connection):
            self._conn = self._source
        else:
            engine: Engine = getattr(self._source, "engine", self._source)
            self._conn = engine.connect()
            self._owns_conn = True
        if not self.conn.in_transaction():
            self.conn.begin()
        self._committed = False
        return self

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        try:
            if self._conn is not None and self._conn.in_transaction():
                self._conn.rollback()   # not committed (or failed): nothing is kept
        finally:
            self._pending.clear()
            if self._owns_conn and self._conn is not None:
                self._conn.close()
            self._conn = None

    def audit(self, entry: audit.AuditEntry) -> None:
        """Queue an audit row; it is chained at commit, in the same transaction."""
        self._pending.append(entry)

    def flush_audit(self) -> None:
        if self._pending:
            audit.append(self.conn, list(self._pending), workstation=self.workstation, now=self.now)
            self._pending.clear()

    def commit(self) -> None:
        self.flush_audit()
        self.conn.commit()
        self._committed = True

    def rollback(self) -> None:
        self._pending.clear()
        self.conn.rollback()

    @property
    def committed(self) -> bool:
        return self._committed
