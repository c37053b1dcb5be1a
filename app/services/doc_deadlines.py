"""Time-limit quality control of the medical record (CLINICAL.md §5, national deadlines).

What is due and overdue is derived from the encounter's events, never stored: admission (入院记录
24 h, 首次病程 8 h, 上级医师首次查房 48 h, 阶段小结 monthly), the daily progress note by acuity, a
surgery (术前小结/讨论 before it, 手术记录 24 h, 术后首次病程 at once), a transfer in (转入记录 24 h),
discharge and death (出院/死亡记录 24 h, 24小时内入出院/入院死亡记录, 死亡病例讨论 1 week). An item
stays overdue until a document of its type is signed; drafts and co-signatures are listed too.

A 医生交接班 entry marked 经治医师变更 (the receiving doctor takes the patient over) owes a 交班记录
from the handing doctor before the handover and a 接班记录 from the receiver 24 h after it.

A critical value (危急值, app/services/critical.py) not acknowledged in time, and one whose action
is not documented in a signed 病程记录 entry in time, are listed too.

The whole ward is seven statements whatever the number of patients (stays, documents, surgery
orders, transfers in, handovers, open 会诊 requests, critical values; the ward's deadlines for
these only when it has one): bench/records.py measures it for 40
patients at 30 ms a round trip.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional, Sequence

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from app.domain import documents as dd
from app.domain import orders as od
from app.store.schema import bed, bed_move, clin_doc, consult_req, doc_handover, encounter, med_order, patient

RECENT_DAYS = 8                # discharged or deceased stays still listed (死亡病例讨论: 1 week)
PREOP_WINDOW = timedelta(days=14)
TAKEOVER_WINDOW = timedelta(days=14)   # handovers that may still owe a 交班/接班记录
HANDOVER_LEAD = timedelta(days=2)      # a 交班记录 written this long before the handover counts
WRITE, SIGN, COSIGN = "write", "sign", "cosign"
LIVE_SURGERY = (od.SUBMITTED, od.VERIFIED, od.ACTIVE, od.EXECUTED, od.STOP_PENDING, od.STOPPED)
ADMISSION_RECORDS = ("admission", "readmission", "admit_discharge", "admit_death")


@dataclass(frozen=True)
class DueItem:
    encounter_id: str
    bed_no: str
    patient_name: str
    mrn: str
    doc_type: str
    kind: str                       # write, sign (a draft of it exists), cosign
    event: str                      # what started the clock (app.domain.documents.EVENTS)
    due_at: Optional[datetime]      # None: no deadline (a co-signature asked for)
    overdue: bool
    doc_id: Optional[str]           # the draft or the record to co-sign
    resident_id: Optional[str]
    attending_id: Optional[str]
    author_id: Optional[str] = None
    critical_id: Optional[str] = None   # a 危急值 item's critical value (app/services/critical.py)


@dataclass(frozen=True)
class BedMark:
    """The bed card's marker: how many documents are due and how many are overdue."""

    due: int
    overdue: int


def _stays(conn: Connection, ward_id: Optional[str], encounter_id: Optional[str],
           now: datetime) -> list[Any]:
    q = (select(encounter.c.id, encounter.c.visit_no, encounter.c.admitted_at,
                encounter.c.discharged_at, encounter.c.status, encounter.c.acuity,
                encounter.c.resident_id, encounter.c.attending_id, encounter.c.ward_id,
                bed.c.bed_no, patient.c.name, patient.c.mrn)
         .join(patient, patient.c.id == encounter.c.patient_id)
         .outerjoin(bed, bed.c.id == encounter.c.bed_id))
    if encounter_id is not None:
        q = q.where(encounter.c.id == encounter_id)
    else:
        q = q.where(encounter.c.ward_id == ward_id).where(or_(
            encounter.c.status == "admitted",
            and_(encounter.c.status.in_(("discharged", "deceased")),
                 encounter.c.discharged_at >= now - timedelta(days=RECENT_DAYS))))
    return list(conn.execute(q))


def due_items(conn: Connection, now: datetime, *, ward_id: Optional[str] = None,
              encounter_id: Optional[str] = None) -> list[DueItem]:
    """Everything due on the ward (or for one stay), overdue first, then by deadline."""
    stays = _stays(conn, ward_id, encounter_id, now)
    if not stays:
        return []
    ids = [s.id for s in stays]
    docs: dict[str, list[Any]] = defaultdict(list)
    for d in conn.execute(select(clin_doc.c.id, clin_doc.c.encounter_id, clin_doc.c.doc_type,
                                 clin_doc.c.status, clin_doc.c.event_at, clin_doc.c.author_id,
                                 clin_doc.c.cosign_needed, clin_doc.c.cosigned_at)
                          .where(clin_doc.c.encounter_id.in_(ids))
                          .where(clin_doc.c.status != "voided")):
        docs[d.encounter_id].append(d)
    surgeries: dict[str, list[datetime]] = defaultdict(list)
    for r in conn.execute(select(med_order.c.encounter_id, med_order.c.start_at)
                          .where(med_order.c.encounter_id.in_(ids))
                          .where(med_order.c.category == "surgery")
                          .where(med_order.c.status.in_(LIVE_SURGERY))):
        surgeries[r.encounter_id].append(r.start_at)
    transfers: dict[str, list[datetime]] = defaultdict(list)
    for r in conn.execute(select(bed_move.c.encounter_id, bed_move.c.moved_at, bed_move.c.to_ward_id,
                                 bed_move.c.from_ward_id)
                          .where(bed_move.c.encounter_id.in_(ids))
                          .where(bed_move.c.from_ward_id.isnot(None))
                          .where(bed_move.c.from_ward_id != bed_move.c.to_ward_id)):
        transfers[r.encounter_id].append(r.moved_at)
    takeovers = _takeovers(conn, {s.ward_id for s in stays}, now)
    items: list[DueItem] = []
    for s in stays:
        items.extend(_stay_items(s, docs[s.id], surgeries[s.id], transfers[s.id], now,
                                 takeovers.get(s.id, [])))
    items.extend(_consult_items(conn, stays, ids, now))
    from app.services import critical  # 危急值: acknowledged at once, documented within 6 h

    items.extend(critical.due_items(conn, stays, ids, now))
    far = datetime.max.replace(tzinfo=now.tzinfo)
    items.sort(key=lambda i: (not i.overdue, i.due_at or far, i.bed_no or ""))
    return items


@dataclass(frozen=True)
class Takeover:
    """A 医生交接班 entry marked 经治医师变更: who handed the patient over, when, who took over."""

    handed_at: datetime
    from_staff: str
    ack_at: Optional[datetime]
    ack_by: Optional[str]


def _takeovers(conn: Connection, ward_ids: set[str], now: datetime) -> dict[str, list[Takeover]]:
    """The wards' handovers of the last weeks that change a patient's resident (one statement)."""
    out: dict[str, list[Takeover]] = defaultdict(list)
    for r in conn.execute(select(doc_handover.c.body, doc_handover.c.handed_at, doc_handover.c.from_staff,
                                 doc_handover.c.ack_at, doc_handover.c.ack_by)
                          .where(doc_handover.c.ward_id.in_(sorted(ward_ids)))
                          .where(doc_handover.c.handed_at >= now - TAKEOVER_WINDOW)):
        body: Any = r.body or {}
        for e in body.get("entries", []):
            if e.get("takes_over"):
                out[str(e["encounter_id"])].append(Takeover(r.handed_at, r.from_staff, r.ack_at, r.ack_by))
    return out


def _stay_items(s: Any, docs: list[Any], surgeries: list[datetime], transfers: list[datetime],
                now: datetime, takeovers: Sequence[Takeover] = ()) -> list[DueItem]:
    types = dd.doc_types()
    out: list[DueItem] = []
    slack = dd.CLOCK_SLACK

    def signed(doc_types: tuple[str, ...], since: Optional[datetime] = None) -> list[Any]:
        return [d for d in docs if d.doc_type in doc_types and d.status in dd.FROZEN
                and (since is None or d.event_at >= since - slack)]

    def need(doc_type: str, event: str, event_at: datetime, *, counts: tuple[str, ...] = (),
             since: Optional[datetime] = None, due_at: Optional[datetime] = None,
             resident: Optional[str] = None) -> None:
        if signed(counts or (doc_type,), since):
            return
        due = due_at or event_at + types[doc_type].deadline.after(s.acuity)
        draft = next((d for d in docs if d.doc_type == doc_type and d.status == dd.DRAFT), None)
        out.append(DueItem(s.id, s.bed_no or "", s.name, s.mrn, doc_type,
                           SIGN if draft is not None else WRITE, event, due, due < now,
                           None if draft is None else draft.id, resident or s.resident_id, s.attending_id,
                           None if draft is None else draft.author_id))

    adm = s.admitted_at
    end = s.discharged_at
    short = end is not None and end - adm <= timedelta(hours=24)
    if s.status == "deceased" and end is not None:
        need("admit_death" if short else "death", "death", end)
        need("death_discussion", "death", end)
    elif s.status == "discharged" and end is not None:
        need("admit_discharge" if short else "discharge", "discharge", end)
    if not short:
        first = "readmission" if int(s.visit_no or 1) > 1 else "admission"
        need(first, "admission", adm, counts=ADMISSION_RECORDS)
    if s.status == "admitted" or not short:
        need("first_progress", "admission", adm)
        need("senior_round", "admission", adm, counts=("senior_round",))
    if s.status == "admitted":
        notes = signed(("progress", "first_progress", "senior_round"))
        anchor = max([adm] + [d.event_at for d in notes])
        need("progress", "progress", anchor, since=anchor + timedelta(seconds=1))
        summaries = signed(("stage_summary", "transfer_in", "handover_on"))
        last = max([adm] + [d.event_at for d in summaries])
        if now - last > timedelta(days=20):      # shown ahead of the monthly deadline
            need("stage_summary", "admission", last, since=last + timedelta(seconds=1))
    for at in surgeries:
        need("preop_summary", "surgery", at, since=at - PREOP_WINDOW, due_at=at)
        need("preop_discussion", "surgery", at, since=at - PREOP_WINDOW, due_at=at)
        if at <= now:
            need("operation", "surgery", at, since=at)
            need("postop_first", "surgery", at, since=at)
    for at in transfers:
        need("transfer_in", "transfer_in", at, since=at)
    if s.status == "admitted":
        for t in takeovers:           # 交班记录 by the handing doctor before, 接班记录 24 h after
            need("handover_off", "handover", t.handed_at, since=t.handed_at - HANDOVER_LEAD,
                 due_at=t.handed_at, resident=t.from_staff)
            if t.ack_at is not None:
                need("handover_on", "handover", t.ack_at, since=t.handed_at - HANDOVER_LEAD,
                     resident=t.ack_by)
    for d in docs:
        if d.cosign_needed and d.cosigned_at is None and d.status in dd.FROZEN:
            out.append(DueItem(s.id, s.bed_no or "", s.name, s.mrn, d.doc_type, COSIGN, "cosign",
                               None, False, d.id, s.resident_id, s.attending_id, d.author_id))
    return out


def _consult_items(conn: Connection, stays: list[Any], ids: list[str], now: datetime) -> list[DueItem]:
    """会诊 asked and not answered yet: the requesting team sees them in its list too."""
    from app.services.consults import due_at

    by_id = {s.id: s for s in stays}
    out = []
    for r in conn.execute(select(consult_req.c.encounter_id, consult_req.c.requested_at,
                                 consult_req.c.urgent, consult_req.c.id)
                          .where(consult_req.c.encounter_id.in_(ids))
                          .where(consult_req.c.status.in_(("requested", "accepted")))):
        s = by_id[r.encounter_id]
        due = due_at(r.requested_at, bool(r.urgent))
        out.append(DueItem(s.id, s.bed_no or "", s.name, s.mrn, "consult", WRITE, "consult", due,
                           due < now, None, s.resident_id, s.attending_id))
    return out


def for_doctor(items: list[DueItem], staff_id: str) -> list[DueItem]:
    """The signed-in doctor's list: his patients' deadlines, his drafts; co-signatures he is
    asked for (the attending or resident of the stay, never the author himself)."""
    mine = []
    for i in items:
        if i.kind == COSIGN:
            if i.author_id != staff_id and staff_id in (i.attending_id, i.resident_id):
                mine.append(i)
        elif staff_id in (i.resident_id, i.attending_id, i.author_id):
            mine.append(i)
    return mine


def bed_marks(items: list[DueItem]) -> dict[str, BedMark]:
    """Per stay, for the bed card's small marker (encounter id -> counts)."""
    due: dict[str, int] = defaultdict(int)
    late: dict[str, int] = defaultdict(int)
    for i in items:
        if i.kind == COSIGN or i.doc_type == "critical_ack":   # the card marks those itself
            continue
        due[i.encounter_id] += 1
        if i.overdue:
            late[i.encounter_id] += 1
    return {enc: BedMark(n, late[enc]) for enc, n in due.items()}
