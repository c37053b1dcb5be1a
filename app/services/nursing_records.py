"""Reads of the 护理记录 side: a stay's record lines as the form shows them (each corrected line
struck through with its replacement below it), the 24-hour intake/output on the ward's boundary,
the lines' I/O for the 体温单's bottom rows, and one patient's latest risk assessments for the
chart header. Each read is one statement (the setting aside).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import and_, exists, select
from sqlalchemy.engine import Connection

from app.domain import nursing_records as nr
from app.domain import nursing_scores as ns
from app.domain import vitals_due as due
from app.services.nursing_cmds import ASSESSMENT, Assessment
from app.services.nursing_rec_cmds import SIGNED, VOIDED
from app.services.ward_settings import nurse_settings
from app.store.schema import encounter, nursing_rec, staff

CURRENT, CORRECTED, STRUCK = "current", "corrected", "voided"


@dataclass(frozen=True)
class NursingLine:
    id: str
    rec_type: str
    recorded_at: datetime
    body: dict[str, Any]
    nurse_name: str
    created_at: datetime
    state: str                             # current / corrected (a later line replaces it) / voided
    replaces_id: Optional[str] = None
    reason: Optional[str] = None           # why this line corrects the one it replaces
    struck_reason: Optional[str] = None    # why this line was corrected or voided
    struck_by: str = ""                    # who corrected or voided it
    struck_at: Optional[datetime] = None

    @property
    def current(self) -> bool:
        return self.state == CURRENT

    def vital(self, item: str) -> Optional[Decimal]:
        value = (self.body.get("vitals") or {}).get(item)
        return None if value is None else Decimal(str(value))

    @property
    def io(self) -> nr.IOTotals:
        return nr.io_totals([self.body])


def _base() -> Any:
    return (select(nursing_rec.c.id, nursing_rec.c.rec_type, nursing_rec.c.recorded_at,
                   nursing_rec.c.body, nursing_rec.c.status, nursing_rec.c.created_at,
                   nursing_rec.c.replaces_id, nursing_rec.c.reason, staff.c.full_name)
            .outerjoin(staff, staff.c.id == nursing_rec.c.nurse_id))


def record_lines(conn: Connection, encounter_id: str, rec_type: str) -> list[NursingLine]:
    """The stay's lines of one record type in the form's order: by time, a corrected line
    followed at once by what replaced it (the chain placed at its current line's time)."""
    rows = conn.execute(_base().where(nursing_rec.c.encounter_id == encounter_id)
                        .where(nursing_rec.c.rec_type == rec_type)
                        .order_by(nursing_rec.c.recorded_at, nursing_rec.c.created_at)).all()
    by_id = {r.id: r for r in rows}
    successor = {r.replaces_id: r for r in rows if r.replaces_id is not None}
    lines: dict[str, NursingLine] = {}
    for r in rows:
        if r.status == VOIDED:
            continue
        nxt = successor.get(r.id)
        state = CURRENT if nxt is None else (STRUCK if nxt.status == VOIDED else CORRECTED)
        lines[r.id] = NursingLine(
            r.id, r.rec_type, r.recorded_at, dict(r.body or {}), r.full_name or "", r.created_at,
            state, r.replaces_id, r.reason, None if nxt is None else nxt.reason,
            "" if nxt is None else (nxt.full_name or ""), None if nxt is None else nxt.created_at)
    chains: list[list[NursingLine]] = []
    for line in lines.values():
        if line.replaces_id is not None and line.replaces_id in by_id:
            continue                        # placed in its root's chain
        chain = [line]
        while (nxt := successor.get(chain[-1].id)) is not None and nxt.id in lines:
            chain.append(lines[nxt.id])
        chains.append(chain)
    chains.sort(key=lambda c: (c[-1].recorded_at, c[0].created_at))
    return [line for chain in chains for line in chain]


def _current_lines() -> Any:
    later = nursing_rec.alias("later")
    return and_(nursing_rec.c.status == SIGNED, nursing_rec.c.rec_type.in_(nr.REC_TYPES),
                ~exists().where(later.c.replaces_id == nursing_rec.c.id))


@dataclass(frozen=True)
class RecordIO:
    """One current line's intake and output, for the 体温单 (app/printing/tempchart_model.py)."""

    at: datetime
    intake: int
    output: int
    urine: int


def record_io(conn: Connection, encounter_id: str, start: datetime, end: datetime) -> tuple[RecordIO, ...]:
    """The current lines with intake or output between start and end (one statement)."""
    return records_io(conn, [encounter_id], start, end).get(encounter_id, ())


def records_io(conn: Connection, encounter_ids: list[str], start: datetime,
               end: datetime) -> dict[str, tuple[RecordIO, ...]]:
    """record_io for several stays at once (one statement): stay -> its lines."""
    rows = conn.execute(select(nursing_rec.c.encounter_id, nursing_rec.c.recorded_at, nursing_rec.c.body)
                        .where(nursing_rec.c.encounter_id.in_(encounter_ids)).where(_current_lines())
                        .where(nursing_rec.c.recorded_at >= start)
                        .where(nursing_rec.c.recorded_at < end)
                        .order_by(nursing_rec.c.recorded_at)).all()
    out: dict[str, list[RecordIO]] = {}
    for r in rows:
        t = nr.io_totals([r.body or {}])
        if not t.empty:
            out.setdefault(r.encounter_id, []).append(RecordIO(r.recorded_at, t.intake, t.output, t.urine))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class IOSummary:
    day: date                              # the chart date the 24 hours belong to
    start: datetime
    end: datetime
    totals: nr.IOTotals
    lines: int                             # lines with intake or output in the period
    complete: bool                         # the period is over


def io_summary(conn: Connection, encounter_id: str, at: datetime, *, zone: Optional[tzinfo] = None,
               boundary: Optional[time] = None, now: Optional[datetime] = None) -> IOSummary:
    """The 24 hours of intake and output on the ward's boundary (default 07:00-07:00) that
    contain `at`: the totals the 体温单's 入量/出量/尿量 rows show for that date."""
    zone = zone or datetime.now().astimezone().tzinfo or timezone.utc
    if boundary is None:
        ward_id = conn.execute(select(encounter.c.ward_id)
                               .where(encounter.c.id == encounter_id)).scalar()
        boundary = nurse_settings(conn, ward_id).io_boundary if ward_id else due.IO_BOUNDARY
    day = due.io_day(at, zone, boundary)
    start, end = due.io_window(day, zone, boundary)
    rows = conn.execute(select(nursing_rec.c.body)
                        .where(nursing_rec.c.encounter_id == encounter_id).where(_current_lines())
                        .where(nursing_rec.c.recorded_at >= start)
                        .where(nursing_rec.c.recorded_at < end)).scalars().all()
    bodies = [b or {} for b in rows]
    totals = nr.io_totals(bodies)
    n = sum(1 for b in bodies if not nr.io_totals([b]).empty)
    now = now or datetime.now(timezone.utc)
    return IOSummary(day, start, end, totals, n, now >= end)


def patient_assessments(conn: Connection, encounter_id: str) -> dict[str, Assessment]:
    """scale -> the stay's last assessment (risk level, alert, re-assessment due): the header."""
    rows = conn.execute(select(nursing_rec.c.body, nursing_rec.c.recorded_at)
                        .where(nursing_rec.c.encounter_id == encounter_id)
                        .where(nursing_rec.c.rec_type == ASSESSMENT)
                        .where(nursing_rec.c.status == SIGNED)
                        .order_by(nursing_rec.c.recorded_at, nursing_rec.c.created_at)).all()
    out: dict[str, Assessment] = {}
    for r in rows:
        body: Any = r.body
        result = ns.Score(body["scale"], int(body["total"]), body["level"], bool(body["alert"]))
        days = ns.reassess_days(result)
        out[result.scale] = Assessment(encounter_id, result.scale, result.total, result.level,
                                       result.alert, r.recorded_at,
                                       r.recorded_at + timedelta(days=days) if days else None)
    return out
