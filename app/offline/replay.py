"""Replaying the outbox against the server when it is back (DESIGN.md "Offline fallback").

The queue goes in batches (app/offline/batching.py: one server transaction and a few round
trips per batch), in the order it was typed, so each patient's order is kept. The server's
applied-op table makes it idempotent: a command whose commit reached the server before this PC
recorded it (a crash, a kill -9, a link that died at the commit) is found on record and settled
as it was, never run twice. A refusal settles as rejected, a version clash as a conflict for a
licensed user to resolve; nothing is dropped. When the link dies again the replay stops, the
rest stays queued: the batch in flight either committed (found on record next time) or not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from app.errors import DatabaseError, OfflineError
from app.offline.outbox import APPLIED, CONFLICT, REJECTED, Outbox
from app.progress import OptionalProgress

# Commands per server transaction. At 30 ms a round trip the batch's fixed round trips (about 17
# for a ward's mix) decide the rate: 2,000 a batch keeps a ward's backlog over 1,000 ops/s with
# executions in it (bench/offline.py), a transaction of about two seconds.
BATCH = 2000


@dataclass(frozen=True)
class ReplayReport:
    applied: int
    rejected: int
    conflicts: int
    remaining: int
    stopped_by: Optional[str] = None      # the error id that stopped it (offline again ...)


def replay(outbox: Outbox, db: Any, workstation: str, *, batch: int = BATCH,
           progress: OptionalProgress = None) -> ReplayReport:
    from app.offline.batching import run_batches

    counts = {APPLIED: 0, REJECTED: 0, CONFLICT: 0}
    total = outbox.counts()["queued"]
    stopped: Optional[str] = None
    retried = False
    stale = outbox.stale_rows()             # rows found changed on the server, this queue
    if progress is not None and total:
        progress(0, total, "replay")
    while True:
        queued = outbox.pending(batch)
        if not queued:
            break
        commands = [item.command() for item in queued]
        try:
            outcomes = run_batches(db, workstation, commands, stale)
        except OfflineError as err:
            stopped = err.message_id
            break
        except DatabaseError as err:
            # Another replayer of the same ops committed first (their UNIQUE op_id): once more,
            # the next try finds them on record. Anything else: keep it queued, say why.
            if err.kind == "constraint" and not retried:
                retried = True
                continue
            stopped = err.message_id
            break
        retried = False
        outbox.settle_many([(o.op_id, o.state, o.reason) for o in outcomes], stale)
        for o in outcomes:
            counts[o.state] = counts.get(o.state, 0) + 1
        if progress is not None:
            progress(sum(counts.values()), total, "replay")
    outbox.note_error(stopped)
    if stopped is None and not outbox.counts()["queued"]:
        outbox.forget_stale()
    return ReplayReport(counts[APPLIED], counts[REJECTED], counts[CONFLICT],
                        outbox.counts()["queued"], stopped)
