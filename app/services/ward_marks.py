"""What the bed cards flag beside each patient, read after the board itself has painted:
orders waiting for a nurse's verification (issue 13), medical-record documents due and overdue
(issue 12, CLINICAL.md §5) and the nursing risk scores past their action threshold (issue 14,
CLINICAL.md §6), with a re-assessment that has come due.

A separate read from `ward_overview` on purpose: the board must appear in its two round trips;
the marks follow a moment later and are refreshed alone when orders, documents or scores change.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy.engine import Connection

from app.clock import as_utc, utcnow
from app.services import doc_deadlines as dl
from app.services.nursing_cmds import latest_assessments
from app.services.verification import queue_counts


@dataclass(frozen=True)
class WardMark:
    verify: int = 0                  # orders waiting for verification
    docs_due: int = 0                # documents still to write or sign (co-signatures aside)
    docs_overdue: int = 0            # ... of which past their deadline
    risks: tuple[str, ...] = ()      # scales past their action threshold: braden, morse, barthel, pain
    reassess_due: tuple[str, ...] = ()   # scales whose re-assessment date has passed

    @property
    def empty(self) -> bool:
        return not (self.verify or self.docs_due or self.risks or self.reassess_due)


RISK_ORDER = ("morse", "braden", "barthel", "pain")


def ward_marks(conn: Connection, ward_id: str, *, now: Optional[datetime] = None) -> dict[str, WardMark]:
    """encounter id -> WardMark for the ward's current stays (stays with nothing to flag left out)."""
    now = as_utc(now) if now is not None else utcnow()
    verify = queue_counts(conn, ward_id)
    docs = dl.bed_marks(dl.due_items(conn, now, ward_id=ward_id))
    risks: dict[str, list[str]] = {}
    reassess: dict[str, list[str]] = {}
    for (encounter_id, scale), a in latest_assessments(conn, ward_id).items():
        if a.alert:
            risks.setdefault(encounter_id, []).append(scale)
        if a.due_at is not None and as_utc(a.due_at) <= now:
            reassess.setdefault(encounter_id, []).append(scale)

    def ordered(scales: list[str]) -> tuple[str, ...]:
        return tuple(sorted(scales, key=lambda s: RISK_ORDER.index(s) if s in RISK_ORDER else 99))

    out: dict[str, WardMark] = {}
    for enc in set(verify) | set(docs) | set(risks) | set(reassess):
        d = docs.get(enc)
        mark = WardMark(verify.get(enc, 0), d.due if d else 0, d.overdue if d else 0,
                        ordered(risks.get(enc, [])), ordered(reassess.get(enc, [])))
        if not mark.empty:
            out[enc] = mark
    return out
