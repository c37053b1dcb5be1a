"""Emptying exchange_out: due rows claimed in one transaction, sent with a bounded number of
parallel requests (one Session per platform), each outcome recorded on its row.

- created / exists (the conditional create found it): `sent`, with the platform's Location;
- 4xx with an OperationOutcome: `failed`, the platform's own message kept (retrying cannot help);
- 5xx, 429, timeouts, a dropped connection: still `queued`, attempts counted, the next try moved
  out with exponential backoff (or the platform's Retry-After), the fault kept as last_error.
A platform that failed that way is not tried again in the same flush: its other rows wait for
the next one without costing a timeout each. A claim moves next_try_at forward by LEASE with a
versioned update, so a second sender skips the row and a sender that died gives it back in time.
Nothing is ever deleted: a platform down for a day loses nothing, and the Bundle identifier makes
every resend a no-op on the platform.
"""
from __future__ import annotations

import concurrent.futures
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Optional

from sqlalchemy import bindparam, select, update

from app.clock import utcnow
from app.exchange import queue as q
from app.exchange.client import CREATED, EXISTS, FAILED, RETRY, PlatformClient, SendResult, platform_token
from app.exchange.settings import ExchangeSettings, exchange_settings
from app.progress import OptionalProgress, no_progress
from app.store.schema import exchange_out

LEASE = timedelta(minutes=5)
BATCH = 200
RETRY_BASE = timedelta(seconds=30)
RETRY_CAP = timedelta(hours=1)
DEFERRED = "deferred"            # not tried this flush: its platform was down

ClientFactory = Callable[[str, ExchangeSettings], PlatformClient]


def default_client(endpoint: str, settings: ExchangeSettings) -> PlatformClient:
    return PlatformClient(endpoint, settings, token=platform_token(endpoint))


def next_delay(attempts: int, retry_after: Optional[float] = None) -> timedelta:
    """After `attempts` failed tries: 30 s, 1 min, 2 min ... at most 1 h; Retry-After if longer."""
    delay: timedelta = min(RETRY_CAP, RETRY_BASE * int(2 ** max(0, min(attempts - 1, 20))))
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=min(retry_after, RETRY_CAP.total_seconds())))
    return delay


@dataclass
class FlushReport:
    sent: int = 0
    already: int = 0               # the platform had it (a resend after a lost answer)
    failed: int = 0
    retry: int = 0                 # kept queued (5xx, 429, timeout ...)
    deferred: int = 0              # its platform was down: not tried
    errors: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.sent + self.already


def _claim(db: Any, workstation: str, now: datetime, limit: int,
           endpoint: Optional[str]) -> list[q.OutItem]:
    """Due rows taken for this flush in two statements, whatever their number: one UPDATE moves
    their next try to this sender's own lease time (a random microsecond makes it its mark),
    then the rows carrying that mark are this sender's; a row another sender took first is not."""
    from app.services.write import run_unit

    def work(uow: Any) -> list[q.OutItem]:
        due = q.due(uow.conn, now, limit, endpoint)
        if not due:
            return []
        lease = now + LEASE + timedelta(microseconds=random.randrange(1, 1_000_000))
        ids = [item.id for item in due]
        uow.conn.execute(update(exchange_out).where(exchange_out.c.id.in_(ids))
                         .where(exchange_out.c.state == q.QUEUED)
                         .where(exchange_out.c.next_try_at <= now)
                         .values(next_try_at=lease, version=exchange_out.c.version + 1))
        mine = dict(uow.conn.execute(select(exchange_out.c.id, exchange_out.c.version)
                                     .where(exchange_out.c.id.in_(ids))
                                     .where(exchange_out.c.next_try_at == lease)).all())
        return [q.OutItem(item.id, item.kind, item.bundle_ident, item.endpoint, item.inst_code,
                          item.payload_text, item.attempts, int(mine[item.id]))
                for item in due if item.id in mine]

    result: list[q.OutItem] = run_unit(db, workstation, work)
    return result


def _record(db: Any, workstation: str, done: list[tuple[q.OutItem, SendResult]], now: datetime) -> None:
    """Every outcome of a batch in one transaction: one executemany per kind of outcome (a few
    statements a batch on the engines that batch executemany), each row's claim version checked."""
    from app.services.write import run_unit

    rows: dict[str, list[dict[str, Any]]] = {}
    for item, res in done:
        common = {"b_id": item.id, "b_version": item.version, "version": item.version + 1,
                  "last_status": res.status}
        if res.outcome == DEFERRED:
            rows.setdefault("deferred", []).append(dict(
                common, next_try_at=now + next_delay(max(1, item.attempts), res.retry_after)))
        elif res.done:
            rows.setdefault("sent", []).append(dict(
                common, state=q.SENT, sent_at=now, remote_ref=(res.location or "")[:200] or None,
                last_error=None, attempts=item.attempts + 1))
        elif res.outcome == FAILED:
            rows.setdefault("failed", []).append(dict(
                common, state=q.FAILED, last_error=res.message[:400], attempts=item.attempts + 1))
        else:
            rows.setdefault("retry", []).append(dict(
                common, last_error=res.message[:400], attempts=item.attempts + 1,
                next_try_at=now + next_delay(item.attempts + 1, res.retry_after)))

    def work(uow: Any) -> None:
        for group in rows.values():
            names = [k for k in group[0] if not k.startswith("b_")]
            stmt = (update(exchange_out).where(exchange_out.c.id == bindparam("b_id"))
                    .where(exchange_out.c.version == bindparam("b_version"))
                    .values({k: bindparam(k) for k in names}))
            uow.conn.execute(stmt, group)

    run_unit(db, workstation, work)


def flush(db: Any, *, workstation: str, endpoint: Optional[str] = None,
          client_factory: ClientFactory = default_client, progress: OptionalProgress = None,
          now: Optional[Callable[[], datetime]] = None, limit: Optional[int] = None) -> FlushReport:
    """Send what is due (all platforms, or those at `endpoint`); returns what became of it."""
    clock = now or utcnow
    report = progress or no_progress
    with db.read() as conn:
        settings = exchange_settings(conn)
        total = q.status(conn, endpoint).counts[q.QUEUED]
    out = FlushReport()
    clients: dict[str, PlatformClient] = {}
    down: set[str] = set()
    lock = threading.Lock()
    handled = 0

    def client(url: str) -> PlatformClient:
        with lock:
            if url not in clients:
                clients[url] = client_factory(url, settings)
            return clients[url]

    def send(item: q.OutItem) -> SendResult:
        with lock:
            if item.endpoint in down:
                return SendResult(DEFERRED, message="platform down")
        system = settings.sys_bundle
        res = client(item.endpoint).create_bundle(item.payload_text, system, item.bundle_ident)
        if res.outcome == RETRY:
            with lock:
                down.add(item.endpoint)    # down after the retries: spare the rest of its queue
        return res

    workers = max(1, settings.parallel)

    def take() -> list[q.OutItem]:
        size = BATCH if limit is None else min(BATCH, limit - handled - len(batch))
        return _claim(db, workstation, clock(), size, endpoint) if size > 0 else []

    batch: list[q.OutItem] = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            batch = take()
            while batch:
                futures = [(item, pool.submit(send, item)) for item in batch]
                # The next batch is claimed while this one is on the wire (its rows are leased:
                # the claim cannot take them again).
                following = take() if len(batch) == BATCH else []
                results = [(item, f.result()) for item, f in futures]
                _record(db, workstation, results, clock())
                for item, res in results:
                    _count(out, item, res)
                handled += len(batch)
                report(min(handled, total) if total else handled, total, "exchange.send")
                batch = following
    finally:
        for c in clients.values():
            c.close()
    return out


def _count(out: FlushReport, item: q.OutItem, res: SendResult) -> None:
    if res.outcome == CREATED:
        out.sent += 1
    elif res.outcome == EXISTS:
        out.already += 1
    elif res.outcome == FAILED:
        out.failed += 1
        out.errors.append(f"{item.bundle_ident}: {res.message}")
    elif res.outcome == DEFERRED:
        out.deferred += 1
    else:
        out.retry += 1
        if res.message and res.message not in out.errors:
            out.errors.append(res.message)
