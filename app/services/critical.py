"""Critical values (危急值, issue 17): a result the lab flags critical reaches the ward at once,
stays on every logged-in PC of the ward until a nurse acknowledges it (who, when, whom she
told), and owes a 病程记录 entry from the doctor documenting the action.

`report_critical(uow, report)`: how the lab's result comes in (the hospital's lab system or its
interface engine, the regional platform, `main.py demo critical`): the lab_result row when the
sender gives the value, the crit_value row, an audit record with the patient (so the change
sequence numbers it for the patient's ward, DESIGN.md "Freshness") in one transaction.
Idempotent on the sender's own id of the result (UNIQUE(source, source_ref)): a resend answers
the first alert's id. Not a user's command: the lab is no user of a ward PC, so no op record.

The reads: `open_alerts(conn, ward_id)` (the banner and the bed cards), `for_encounter` (the
chart), `due_items(conn, stays, ids, now)` (the record's time-limit list,
app/services/doc_deadlines.py): an alert not acknowledged within the ward's
`crit_ack_minutes` (default 0: at once), and one whose action is not documented in a signed
病程记录 entry within `crit_note_hours` (default 6) of its arrival.
The commands (acknowledge, link the note) are in app/services/critical_cmds.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from app.clock import as_utc
from app.errors import ValidationError
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.uow import UnitOfWork
from app.store.schema import bed, clin_doc, crit_value, encounter, lab_result, lab_test, patient, staff

OPEN, ACKED, NOTED = "open", "acked", "noted"
SOURCES = ("lab", "platform")
CRITICAL_FLAGS = ("HH", "LL", "H", "L")
# 病程记录 entries that may document the action (CLINICAL.md §5).
NOTE_TYPES = ("progress", "first_progress", "senior_round", "rescue", "stage_summary")
ACK_DOC, NOTE_DOC = "critical_ack", "critical_note"      # the time-limit list's item types


@dataclass(frozen=True)
class CriticalReport:
    """A critical result as the lab sends it."""

    source_ref: str                    # the sender's own id of the result
    mrn: str                           # 住院号 of the patient (an admitted stay)
    test_code: str
    value_text: str
    reported_at: datetime
    unit: Optional[str] = None
    abnormal: Optional[str] = "HH"
    taken_at: Optional[datetime] = None
    test_name: Optional[str] = None    # when the code is not in the lab dictionary
    source: str = "lab"


@dataclass(frozen=True)
class CriticalAlert:
    id: str
    version: int
    encounter_id: str
    patient_id: str
    bed_no: str
    patient_name: str
    mrn: str
    test_code: Optional[str]
    test_name: str
    value_text: str
    unit: Optional[str]
    abnormal: Optional[str]
    reported_at: datetime
    received_at: datetime
    status: str
    resident_name: str = ""
    attending_name: str = ""
    ack_by_name: str = ""
    ack_at: Optional[datetime] = None
    told_name: str = ""
    note_doc_id: Optional[str] = None
    note_status: Optional[str] = None
    resident_id: Optional[str] = None
    attending_id: Optional[str] = None

    @property
    def value_with_unit(self) -> str:
        return f"{self.value_text} {self.unit}".strip() if self.unit else self.value_text


def _number(text: str) -> Optional[Decimal]:
    try:
        value = Decimal(text.strip())
    except (ArithmeticError, ValueError):
        return None
    return value if value.is_finite() else None


def report_critical(uow: UnitOfWork, report: CriticalReport) -> str:
    """Store the lab's critical result for the patient's current stay; returns the alert's id
    (the first one's for a resend of the same source_ref)."""
    conn = uow.conn
    if report.source not in SOURCES:
        raise ValidationError("critical.bad_source", field="source", source=report.source)
    if not report.source_ref.strip() or len(report.source_ref) > 64:
        raise ValidationError("critical.bad_ref", field="source_ref")
    if report.abnormal is not None and report.abnormal not in CRITICAL_FLAGS:
        raise ValidationError("critical.bad_flag", field="abnormal", flag=report.abnormal)
    if not report.value_text.strip() or len(report.value_text) > 60:
        raise ValidationError("critical.bad_value", field="value")
    same = conn.execute(select(crit_value.c.id).where(crit_value.c.source == report.source)
                        .where(crit_value.c.source_ref == report.source_ref)).scalar()
    if same is not None:
        return str(same)
    stay = conn.execute(select(encounter.c.id, encounter.c.patient_id)
                        .join(patient, patient.c.id == encounter.c.patient_id)
                        .where(patient.c.mrn == report.mrn.strip())
                        .where(encounter.c.status == "admitted")).first()
    if stay is None:
        raise ValidationError("critical.no_stay", field="patient", mrn=report.mrn)
    test = conn.execute(select(lab_test.c.name, lab_test.c.unit)
                        .where(lab_test.c.code == report.test_code)).first()
    if test is None and not report.test_name:
        raise ValidationError("critical.unknown_test", field="test", code=report.test_code)
    name = str(test.name if test is not None else report.test_name)[:60]
    unit = report.unit if report.unit is not None else (test.unit if test is not None else None)
    reported = as_utc(report.reported_at)
    result_id = new_id() if test is not None else None
    number = _number(report.value_text)
    alert_id = new_id()
    row = {"id": alert_id, "encounter_id": stay.id, "lab_result_id": result_id,
           "source": report.source, "source_ref": report.source_ref, "test_code": report.test_code,
           "test_name": name, "value_text": report.value_text.strip(), "unit": unit,
           "abnormal": report.abnormal, "reported_at": reported, "received_at": uow.now,
           "status": OPEN, "version": 1, "created_at": uow.now, "updated_at": uow.now}
    try:
        with conn.begin_nested():            # the result row and the alert, or neither
            if result_id is not None:        # the hospital's own test: its result row as well
                conn.execute(insert(lab_result).values(
                    id=result_id, encounter_id=stay.id, test_code=report.test_code, num_value=number,
                    text_value=None if number is not None else report.value_text[:60], unit=unit,
                    abnormal=report.abnormal, taken_at=as_utc(report.taken_at or report.reported_at),
                    reported_at=reported))
            conn.execute(insert(crit_value).values(**row))
    except IntegrityError:                   # the same result sent twice at once: the first stands
        again = conn.execute(select(crit_value.c.id).where(crit_value.c.source == report.source)
                             .where(crit_value.c.source_ref == report.source_ref)).scalar()
        if again is None:
            raise
        return str(again)
    uow.audit(AuditEntry("create", kinds.CRITICAL, alert_id, None, stay.patient_id, None,
                         jsonable(row)))
    return alert_id


def _query() -> Any:
    resident, attending, acker = aliased(staff), aliased(staff), aliased(staff)
    return (select(crit_value, encounter.c.patient_id, encounter.c.resident_id, encounter.c.attending_id,
                   bed.c.bed_no, patient.c.name.label("patient_name"),
                   patient.c.mrn, resident.c.full_name.label("resident_name"),
                   attending.c.full_name.label("attending_name"), acker.c.full_name.label("ack_by_name"),
                   clin_doc.c.status.label("note_status"))
            .join(encounter, encounter.c.id == crit_value.c.encounter_id)
            .join(patient, patient.c.id == encounter.c.patient_id)
            .outerjoin(bed, bed.c.id == encounter.c.bed_id)
            .outerjoin(resident, resident.c.id == encounter.c.resident_id)
            .outerjoin(attending, attending.c.id == encounter.c.attending_id)
            .outerjoin(acker, acker.c.id == crit_value.c.ack_by)
            .outerjoin(clin_doc, clin_doc.c.id == crit_value.c.note_doc_id))


def _alert(r: Any) -> CriticalAlert:
    return CriticalAlert(
        str(r.id), int(r.version), str(r.encounter_id), str(r.patient_id), str(r.bed_no or ""),
        str(r.patient_name), str(r.mrn), r.test_code, str(r.test_name), str(r.value_text), r.unit,
        r.abnormal, as_utc(r.reported_at), as_utc(r.received_at), str(r.status),
        str(r.resident_name or ""), str(r.attending_name or ""), str(r.ack_by_name or ""),
        as_utc(r.ack_at) if r.ack_at is not None else None, str(r.told_name or ""),
        r.note_doc_id, r.note_status, r.resident_id, r.attending_id)


def open_alerts(conn: Connection, ward_id: str) -> list[CriticalAlert]:
    """The ward's critical values nobody has acknowledged yet, oldest first (one statement)."""
    rows = conn.execute(_query().where(encounter.c.ward_id == ward_id)
                        .where(encounter.c.status == "admitted")
                        .where(crit_value.c.status == OPEN)
                        .order_by(crit_value.c.received_at, crit_value.c.id))
    return [_alert(r) for r in rows]


def for_encounter(conn: Connection, encounter_id: str) -> list[CriticalAlert]:
    """Every critical value of the stay, newest first."""
    rows = conn.execute(_query().where(crit_value.c.encounter_id == encounter_id)
                        .order_by(crit_value.c.received_at.desc(), crit_value.c.id))
    return [_alert(r) for r in rows]


def get(conn: Connection, critical_id: str) -> Optional[CriticalAlert]:
    row = conn.execute(_query().where(crit_value.c.id == critical_id)).first()
    return None if row is None else _alert(row)


def due_items(conn: Connection, stays: list[Any], ids: list[str], now: datetime) -> list[Any]:
    """The time-limit list's critical-value items of these stays (doc_deadlines.DueItem): one
    statement, and the wards' two deadlines only when there is anything to time."""
    from app.domain.documents import FROZEN
    from app.services.doc_deadlines import SIGN, WRITE, DueItem
    from app.services.ward_settings import nurse_settings

    rows = conn.execute(select(crit_value.c.id, crit_value.c.encounter_id, crit_value.c.status,
                               crit_value.c.received_at, crit_value.c.note_doc_id,
                               clin_doc.c.status.label("note_status"), clin_doc.c.author_id)
                        .outerjoin(clin_doc, clin_doc.c.id == crit_value.c.note_doc_id)
                        .where(crit_value.c.encounter_id.in_(ids))
                        .where(crit_value.c.received_at >= now - timedelta(days=14))).all()
    if not rows:
        return []
    by_id = {s.id: s for s in stays}
    settings = {w: nurse_settings(conn, w) for w in sorted({str(s.ward_id) for s in stays})}
    out: list[Any] = []
    for r in rows:
        s = by_id[r.encounter_id]
        ward = settings[str(s.ward_id)]
        received = as_utc(r.received_at)
        if r.status == OPEN:
            due = received + timedelta(minutes=ward.crit_ack_minutes)
            out.append(DueItem(s.id, s.bed_no or "", s.name, s.mrn, ACK_DOC, WRITE, "critical", due,
                               due <= now, None, s.resident_id, s.attending_id, None, str(r.id)))
        if r.note_status in FROZEN:
            continue                          # documented in a signed 病程记录 entry
        due = received + timedelta(hours=ward.crit_note_hours)
        drafted = r.note_doc_id is not None
        out.append(DueItem(s.id, s.bed_no or "", s.name, s.mrn, NOTE_DOC, SIGN if drafted else WRITE,
                           "critical", due, due < now, r.note_doc_id, s.resident_id, s.attending_id,
                           r.author_id if drafted else None, str(r.id)))
    return out


def open_counts(alerts: list[CriticalAlert]) -> dict[str, int]:
    """encounter id -> how many open critical values (the bed cards' mark)."""
    out: dict[str, int] = {}
    for a in alerts:
        out[a.encounter_id] = out.get(a.encounter_id, 0) + 1
    return out


@dataclass(frozen=True)
class PollState:
    """Where a workstation is in its ward's change sequence."""

    ward_id: str = ""
    seq: int = -1                     # -1: never asked
    at: Optional[datetime] = None     # the server's time recorded with it
    seen: frozenset[int] = field(default_factory=frozenset)   # numbers inside the look-back window


@dataclass(frozen=True)
class PollResult:
    state: PollState
    alerts: Optional[list[CriticalAlert]]    # the ward's open critical values; None: unchanged
    kinds: frozenset[str]                    # the entity kinds that changed on the ward meanwhile


def poll_ward(conn: Connection, ward_id: str, state: PollState, resync: bool = False) -> PollResult:
    """What a logged-in PC asks every few seconds (DESIGN.md "Freshness"). The first call: where
    the change sequence is now, and the ward's open critical values. Later calls: "anything after
    N for my ward?" (one indexed query), and the open values again only when a critical value
    changed, or when `resync` asks (a safety net for a lab system that writes its rows without the
    sequence's)."""
    from app.offline import changeseq
    from app.store.sqlfunc import utc_now

    if state.seq < 0 or state.ward_id != ward_id:
        now = as_utc(conn.execute(select(utc_now())).scalar_one())
        start = PollState(ward_id, changeseq.latest(conn), now)
        return PollResult(start, open_alerts(conn, ward_id), frozenset())
    mark = changeseq.Mark(state.seq, state.at)
    found = [c for c in changeseq.after(conn, ward_id, mark) if c.seq not in state.seen]
    mark = mark.advanced(found)
    horizon = mark.at - changeseq.LOOK_BACK if mark.at is not None else None
    seen = {c.seq for c in found if horizon is None or c.recorded_at > horizon}
    seen |= {s for s in state.seen if s > mark.seq - 10_000}
    changed = frozenset(c.kind for c in found)
    # A stay leaving the ward (discharge, transfer) takes its alerts off the ward's banner too.
    moved = changed & {kinds.CRITICAL, kinds.ENCOUNTER, kinds.BED}
    alerts = open_alerts(conn, ward_id) if resync or moved else None
    return PollResult(PollState(ward_id, mark.seq, mark.at, frozenset(seen)), alerts, changed)
