"""The one write path: `run_unit(db, workstation, fn)` and `run_command(db, workstation, cmd)`.

A unit of work is opened from the Database (so failures are app errors), `fn(uow)` runs, and
the unit commits. Two cases run it again, both safe because nothing of a failed try was kept:
- ChainRace: another process of this workstation took the audit chain's next seq;
- a link found dead at once (a pooled connection the server dropped while idle): one more try
  on a fresh connection. A command carries its op_id, so even a try whose commit reached the
  server before the link died is applied once (handlers.execute returns the recorded result).
A deadline that fired is never retried: the caller has already waited its limit.
"""
from __future__ import annotations

import contextlib
import random
import time
from datetime import datetime
from typing import Any, Callable, Optional, TypeVar

from app.errors import DatabaseError, OfflineError, WardStationError
from app.services.audit import ChainRace
from app.services.changes import Changes
from app.services.commands import Command
from app.services.uow import UnitOfWork

T = TypeVar("T")
CHAIN_RACE_ATTEMPTS = 8


def run_unit(db: Any, workstation: str, fn: Callable[[UnitOfWork], T], *,
             now: Optional[datetime] = None, commit_on_error: bool = False) -> T:
    """fn(uow) in a committed unit of work; returns fn's result.

    `commit_on_error`: commit what fn wrote even when it raises an app error, then re-raise it
    (a failed login must still count and be audited)."""
    from app.store.db import retryable

    link_retried = False
    race = 0
    while True:
        start = time.monotonic()
        try:
            with UnitOfWork(db, workstation=workstation, now=now) as uow:
                try:
                    result = fn(uow)
                except DatabaseError:
                    raise
                except Exception as exc:
                    if commit_on_error and hasattr(exc, "message_id"):
                        uow.commit()
                    raise
                uow.commit()
                return result
        except ChainRace as exc:
            race += 1
            if race >= CHAIN_RACE_ATTEMPTS:
                raise db.translate(exc.original) from exc
            # Another process of this workstation: step aside a little, differently each time.
            time.sleep(random.uniform(0.0, 0.02 * race))
        except OfflineError as err:
            if link_retried or not retryable(err, time.monotonic() - start):
                raise
            link_retried = True


def run_command(db: Any, workstation: str, command: Command, *,
                now: Optional[datetime] = None) -> Changes:
    """Execute one command once (op_id) through its handler; returns what changed.

    A refusal (validation, permission, conflict, a clinical alert to confirm) is raised to the
    caller as it was, after its op record (outcome, reason, server time) has been written in a
    transaction of its own: the op does not vanish with the rollback."""
    from app.services.handlers import execute, record_refusal

    try:
        return run_unit(db, workstation, lambda uow: execute(uow, command), now=now)
    except WardStationError as error:
        if isinstance(error, (DatabaseError, OfflineError)):
            raise
        refusal = error

        def keep(uow: UnitOfWork) -> None:
            record_refusal(uow, command, refusal)

        with contextlib.suppress(DatabaseError):   # the refusal is the answer; its record best effort
            run_unit(db, workstation, keep, now=now)
        raise
