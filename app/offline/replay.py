"""Replaying the outbox against the server when it is back (DESIGN.md "Offline fallback").

Each queued command runs through the one write path (app.services.write.run_command), in the
order it was typed (so each patient's order is kept). The server's applied-op table makes it
idempotent: a command whose commit reached the server before this PC recorded it (a crash, a
kill -9, a link that died at the commit) is answered "replayed" and settled as applied, never run
twice. A refusal settles as rejected, a version clash as a conflict for a licensed user to
resolve; nothing is dropped. When the link dies again the replay stops, the rest stays queued.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from app.errors import ConflictError, DatabaseError, OfflineError, WardStationError
from app.offline.outbox import APPLIED, CONFLICT, REJECTED, Outbox
from app.progress import OptionalProgress


@dataclass(frozen=True)
class ReplayReport:
    applied: int
    rejected: int
    conflicts: int
    remaining: int
    stopped_by: Optional[str] = None      # the error id that stopped it (offline again ...)


def replay(outbox: Outbox, db: Any, workstation: str, *, batch: int = 200,
           progress: OptionalProgress = None) -> ReplayReport:
    from app.services.write import run_command

    applied = rejected = conflicts = 0
    total = outbox.counts()["queued"]
    stopped: Optional[str] = None
    while stopped is None:
        queued = outbox.pending(batch)
        if not queued:
            break
        for item in queued:
            try:
                run_command(db, workstation, item.command())
            except OfflineError as err:
                stopped = err.message_id
                break
            except ConflictError as err:
                # "op.not_applied": the server refused this op on an earlier try whose answer
                # never reached this PC; it keeps that first word (rejected or conflict).
                state = REJECTED if err.params.get("outcome") == "rejected" else CONFLICT
                outbox.settle(item.op_id, state, err.message_id)
                if state == CONFLICT:
                    conflicts += 1
                else:
                    rejected += 1
            except DatabaseError as err:
                stopped = err.message_id          # a server-side failure: keep it queued
                break
            except WardStationError as err:
                outbox.settle(item.op_id, REJECTED, err.message_id)
                rejected += 1
            else:
                outbox.settle(item.op_id, APPLIED)
                applied += 1
            if progress is not None:
                progress(applied + rejected + conflicts, total, "replay")
    return ReplayReport(applied, rejected, conflicts, outbox.counts()["queued"], stopped)
