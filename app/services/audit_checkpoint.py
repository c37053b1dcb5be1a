"""Keyed checkpoints of the audit chains, kept outside the database (`audit checkpoint`).

A hash chain whose records live in the database proves nothing against whoever can write that
database: they can cut its tail, delete a chain whole, or edit a record and recompute every
later hash. A checkpoint is each chain's count and last hash at a moment, signed with HMAC-
SHA256 under a secret that is not in the database (the system keyring), written to a file IT
keeps elsewhere. `audit verify --checkpoint FILE` then proves that every checkpointed record is
still there, unchanged: anything done to records up to the checkpoint is detected; records
written after it are proved by the chain alone until the next checkpoint.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy.engine import Connection

from app.clock import utcnow
from app.errors import ValidationError
from app.services.audit import ChainReport, hash_at, verify_all

KEYRING_SERVICE = "wardstation"
KEYRING_USER = "audit-checkpoint-key"
FORMAT = "wardstation-audit-checkpoint/1"


def checkpoint_key(create: bool) -> bytes:
    """The secret from the system keyring; made (32 random bytes) on the first checkpoint."""
    import keyring
    from keyring.errors import KeyringError

    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
        if stored is None and create:
            stored = secrets.token_hex(32)
            keyring.set_password(KEYRING_SERVICE, KEYRING_USER, stored)
    except (KeyringError, RuntimeError) as exc:
        raise ValidationError("audit.no_keyring", cause=type(exc).__name__) from exc
    if stored is None:
        raise ValidationError("audit.no_checkpoint_key")
    return bytes.fromhex(stored)


def _mac(key: bytes, body: dict[str, Any]) -> str:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def make(conn: Connection, key: bytes, database: str,
         now: Optional[datetime] = None) -> tuple[dict[str, Any], list[ChainReport]]:
    """Prove every chain, then sign their heads. Broken chains are reported, not signed."""
    reports = verify_all(conn)
    body: dict[str, Any] = {
        "format": FORMAT, "database": database, "at": (now or utcnow()).isoformat(),
        "chains": [{"chain": r.chain_id, "count": r.entries, "last_seq": r.last_seq,
                    "last_hash": r.last_hash} for r in reports if r.intact],
    }
    return dict(body, mac=_mac(key, body)), [r for r in reports if not r.intact]


@dataclass(frozen=True)
class Finding:
    chain_id: str
    what: str           # missing_chain, truncated, rewritten
    detail: dict[str, Any]


def load(text: str, key: bytes) -> dict[str, Any]:
    """A checkpoint read back; ValidationError when it is not one or its MAC does not hold."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValidationError("audit.checkpoint_unreadable") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or "mac" not in data:
        raise ValidationError("audit.checkpoint_unreadable")
    body = {k: v for k, v in data.items() if k != "mac"}
    if not hmac.compare_digest(str(data["mac"]), _mac(key, body)):
        raise ValidationError("audit.checkpoint_forged")
    return body


def compare(conn: Connection, checkpoint: dict[str, Any],
            reports: list[ChainReport]) -> list[Finding]:
    """What the database lost or changed since the checkpoint."""
    by_chain = {r.chain_id: r for r in reports}
    findings: list[Finding] = []
    for item in checkpoint.get("chains", []):
        chain_id, count = str(item["chain"]), int(item["count"])
        if count == 0:
            continue
        report = by_chain.get(chain_id)
        if report is None:
            findings.append(Finding(chain_id, "missing_chain", {"count": count}))
            continue
        stored = hash_at(conn, chain_id, int(item["last_seq"]))
        if stored is None:
            findings.append(Finding(chain_id, "truncated", {"count": count, "now": report.entries}))
        elif stored != item["last_hash"]:
            findings.append(Finding(chain_id, "rewritten", {"seq": int(item["last_seq"])}))
    return findings
