"""Putting a Bundle in the server-side outbox (exchange_out) inside the caller's transaction, and
the rows a sender reads and settles. The Bundle is stored as it was built: every retry sends the
same bytes, and the platform's conditional create on its identifier stores it once."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import UnicodeText, func, insert, select, type_coerce
from sqlalchemy.engine import Connection

from app.exchange.fhir_bundle import bundle_ident
from app.ids import new_id
from app.store.schema import exchange_out, member_inst

QUEUED, SENT, FAILED = "queued", "sent", "failed"
STATES = (QUEUED, SENT, FAILED)


def queue_bundle(conn: Connection, bundle: dict[str, Any], *, kind: str, inst_id: str,
                 now: datetime, referral_id: Optional[str] = None,
                 patient_id: Optional[str] = None, row_id: Optional[str] = None) -> str:
    """The outbox row for `bundle` (due now); returns its id. A second queue of the same Bundle
    identifier fails on the UNIQUE key: one Bundle, one row."""
    _, ident = bundle_ident(bundle)
    out_id = row_id or new_id()
    conn.execute(insert(exchange_out).values(
        id=out_id, kind=kind, bundle_ident=ident, referral_id=referral_id, inst_id=inst_id,
        patient_id=patient_id, payload=bundle, state=QUEUED, attempts=0, next_try_at=now,
        queued_at=now, version=1))
    return out_id


@dataclass(frozen=True)
class OutItem:
    id: str
    kind: str
    bundle_ident: str
    endpoint: str
    inst_code: str
    payload_text: str
    attempts: int
    version: int


def due(conn: Connection, now: datetime, limit: int, endpoint: Optional[str] = None) -> list[OutItem]:
    """Queued rows whose next try is due, oldest first (the state/next_try_at index)."""
    # The payload as stored (JSONText writes compact JSON, keys sorted): the bytes to send, with
    # no parse and dump of each Bundle on the way.
    raw = type_coerce(exchange_out.c.payload, UnicodeText)
    query = (select(exchange_out.c.id, exchange_out.c.kind, exchange_out.c.bundle_ident,
                    member_inst.c.endpoint, member_inst.c.code, raw,
                    exchange_out.c.attempts, exchange_out.c.version)
             .join(member_inst, member_inst.c.id == exchange_out.c.inst_id)
             .where(exchange_out.c.state == QUEUED).where(exchange_out.c.next_try_at <= now)
             .order_by(exchange_out.c.next_try_at, exchange_out.c.queued_at, exchange_out.c.id)
             .limit(limit))
    if endpoint is not None:
        query = query.where(member_inst.c.endpoint == endpoint)
    return [OutItem(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]),
                    int(r[6]), int(r[7])) for r in conn.execute(query).all()]


@dataclass(frozen=True)
class QueueStatus:
    counts: dict[str, int]
    last_error: Optional[str]        # of the latest row not sent (its platform's message)
    next_try_at: Optional[datetime]  # the earliest queued row's next try


def status(conn: Connection, endpoint: Optional[str] = None) -> QueueStatus:
    base = select(exchange_out.c.state, func.count()).join(
        member_inst, member_inst.c.id == exchange_out.c.inst_id)
    if endpoint is not None:
        base = base.where(member_inst.c.endpoint == endpoint)
    counts = {s: 0 for s in STATES}
    counts.update({str(s): int(n) for s, n in conn.execute(base.group_by(exchange_out.c.state)).all()})
    last = select(exchange_out.c.last_error).join(
        member_inst, member_inst.c.id == exchange_out.c.inst_id).where(
        exchange_out.c.last_error.is_not(None)).where(exchange_out.c.state != SENT)
    if endpoint is not None:
        last = last.where(member_inst.c.endpoint == endpoint)
    row = conn.execute(last.order_by(exchange_out.c.next_try_at.desc()).limit(1)).first()
    nxt = select(func.min(exchange_out.c.next_try_at)).where(exchange_out.c.state == QUEUED)
    if endpoint is not None:
        nxt = nxt.join(member_inst, member_inst.c.id == exchange_out.c.inst_id).where(
            member_inst.c.endpoint == endpoint)
    return QueueStatus(counts, None if row is None else str(row[0]), conn.execute(nxt).scalar())
