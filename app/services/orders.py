"""The order reads of a chart: the current orders (one query), an order's history, and the
长期/临时医嘱单 rows laid out as the printed sheet has them (CLINICAL.md §1 "Printed sheets").

Read-only, on the read pool; the 医嘱 tab opens with the header's queries plus `chart_orders`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Optional

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from app.domain import orders as od
from app.store.schema import drug, freq, med_order, order_event, order_group, staff

SHOWN = {
    "active": (od.DRAFT, od.RETURNED, *od.LIVE),
    "stopped": (od.STOPPED, od.EXECUTED, od.VOIDED),
    "all": od.STATUSES,
}


@dataclass(frozen=True)
class OrderRow:
    id: str
    term: str
    category: str
    content: str
    status: str
    version: int
    start_at: datetime
    stop_at: Optional[datetime]
    dose: Optional[Decimal]
    dose_unit: Optional[str]
    route_code: Optional[str]
    freq_code: Optional[str]
    rate: Optional[str]
    first_day_times: Optional[int]
    instruction: Optional[str]
    use_kind: str
    verbal: bool                      # 口头医嘱 entered after a rescue
    line_kind: Optional[str]          # a red line's kind: postop, delivery, transfer_in ...
    group_id: Optional[str]
    group_mark: str                   # ┌ │ └ or ""
    group_version: Optional[int]      # the group row's version (UngroupDrafts needs it)
    drug_code: Optional[str]
    high_alert: bool
    skin_test_req: bool
    abx_grade: int
    ordered_by: str
    ordered_by_name: str
    signed_by_name: str
    signed_at: Optional[datetime]
    verified_by_name: str
    verified_at: Optional[datetime]
    stopped_by_name: str
    stop_signed_at: Optional[datetime]
    stop_checked_by_name: str
    stop_checked_at: Optional[datetime]
    return_reason: Optional[str]
    void_reason: Optional[str]
    override_reason: Optional[str]
    group_seq: int = 0                # the member's place in its group

    @property
    def editable(self) -> bool:
        return self.status in od.EDITABLE


def _orders_query(encounter_id: str) -> Any:
    return _orders_base().where(med_order.c.encounter_id == encounter_id)


@functools.lru_cache(maxsize=1)
def _orders_base() -> Any:
    """The orders with their names joined, built once: building this select cost about 20 ms of
    CPU per chart open (every column and alias made anew); each call only adds its WHERE."""
    names = {k: staff.alias(f"s_{k}") for k in ("ord", "sig", "ver", "stp", "chk")}
    return (select(med_order, drug.c.code.label("drug_code"), drug.c.high_alert,
                   order_group.c.version.label("group_version"),
                   *[a.c.full_name.label(f"{k}_name") for k, a in names.items()])
            .outerjoin(drug, drug.c.id == med_order.c.drug_id)
            .outerjoin(order_group, order_group.c.id == med_order.c.group_id)
            .outerjoin(names["ord"], names["ord"].c.id == med_order.c.ordered_by)
            .outerjoin(names["sig"], names["sig"].c.id == med_order.c.signed_by)
            .outerjoin(names["ver"], names["ver"].c.id == med_order.c.verified_by)
            .outerjoin(names["stp"], names["stp"].c.id == med_order.c.stopped_by)
            .outerjoin(names["chk"], names["chk"].c.id == med_order.c.stop_checked_by))


def chart_orders(conn: Connection, encounter_id: str, *, term: Optional[str] = None,
                 show: str = "all") -> list[OrderRow]:
    """The stay's orders in sheet order (start time, then group members together), in one query."""
    stmt = _orders_query(encounter_id).where(med_order.c.status.in_(SHOWN.get(show, od.STATUSES)))
    if term in od.TERMS:
        stmt = stmt.where(med_order.c.term == term)
    return arrange(_order_row(r) for r in conn.execute(stmt).mappings())


def changed_orders(conn: Connection, encounter_id: str, ids: Iterable[str]) -> list[OrderRow]:
    """These orders and the other members of their groups as they are now (one query): what a
    view refreshes after its own command, instead of the whole chart. An id not returned is gone
    (a discarded draft)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    groups = select(med_order.c.group_id).where(med_order.c.id.in_(wanted)) \
        .where(med_order.c.group_id.is_not(None))
    stmt = _orders_query(encounter_id).where(or_(med_order.c.id.in_(wanted),
                                                 med_order.c.group_id.in_(groups)))
    return [_order_row(r) for r in conn.execute(stmt).mappings()]


def merged(current: Iterable[OrderRow], fresh: Iterable[OrderRow], asked: Iterable[str]) -> list[OrderRow]:
    """A view's rows with `fresh` (from changed_orders for the ids `asked`) put in: the asked and
    fresh rows replaced, asked rows that came back no more dropped, then in sheet order again."""
    fresh_rows = list(fresh)
    replaced = set(asked) | {r.id for r in fresh_rows}
    return arrange([r for r in current if r.id not in replaced] + fresh_rows)


def arrange(rows: Iterable[OrderRow]) -> list[OrderRow]:
    """Sheet order: by start time; members of a group together under the group's first start,
    in their group order, with their ┌ │ └ marks."""
    items = list(rows)
    first_start: dict[str, datetime] = {}
    sizes: dict[str, int] = {}
    for r in items:
        if r.group_id:
            at = first_start.get(r.group_id)
            first_start[r.group_id] = r.start_at if at is None else min(at, r.start_at)
            sizes[r.group_id] = sizes.get(r.group_id, 0) + 1
    ordered = sorted(items, key=lambda r: (first_start[r.group_id] if r.group_id else r.start_at,
                                           r.group_id or r.id, r.group_seq))
    seen: dict[str, int] = {}
    out: list[OrderRow] = []
    for r in ordered:
        mark = ""
        if r.group_id:
            i = seen.get(r.group_id, 0)
            seen[r.group_id] = i + 1
            mark = od.group_marks(sizes[r.group_id])[i]
        out.append(r if r.group_mark == mark else replace(r, group_mark=mark))
    return out


def _order_row(r: Any) -> OrderRow:
    return OrderRow(
        id=r["id"], term=r["term"], category=r["category"], content=r["content"],
        status=r["status"], version=int(r["version"]), start_at=r["start_at"],
        stop_at=r["stop_at"], dose=r["dose"], dose_unit=r["dose_unit"],
        route_code=r["route_code"], freq_code=r["freq_code"], rate=r["rate"],
        first_day_times=r["first_day_times"], instruction=r["instruction"],
        use_kind=r["use_kind"] or "regular", verbal=bool(r["verbal"]), line_kind=r["line_kind"],
        group_id=r["group_id"],
        group_mark="",
        group_version=None if r["group_version"] is None else int(r["group_version"]),
        drug_code=r["drug_code"], high_alert=bool(r["high_alert"]),
        skin_test_req=bool(r["skin_test_req"]), abx_grade=int(r["abx_grade"] or 0),
        ordered_by=r["ordered_by"], ordered_by_name=r["ord_name"] or "",
        signed_by_name=r["sig_name"] or "", signed_at=r["signed_at"],
        verified_by_name=r["ver_name"] or "", verified_at=r["verified_at"],
        stopped_by_name=r["stp_name"] or "", stop_signed_at=r["stop_signed_at"],
        stop_checked_by_name=r["chk_name"] or "", stop_checked_at=r["stop_checked_at"],
        return_reason=r["return_reason"], void_reason=r["void_reason"],
        override_reason=r["override_reason"], group_seq=int(r["group_seq"] or 0))


@dataclass(frozen=True)
class OrderEventRow:
    at: datetime
    from_status: Optional[str]
    to_status: str
    staff_name: str
    reason: Optional[str]


def order_history(conn: Connection, order_id: str) -> list[OrderEventRow]:
    rows = conn.execute(select(order_event.c.at, order_event.c.from_status, order_event.c.to_status,
                               staff.c.full_name, order_event.c.reason)
                        .join(staff, staff.c.id == order_event.c.staff_id)
                        .where(order_event.c.order_id == order_id)
                        .order_by(order_event.c.at, order_event.c.id)).all()
    return [OrderEventRow(r.at, r.from_status, r.to_status, r.full_name, r.reason) for r in rows]


@dataclass(frozen=True)
class SheetLine:
    """One printed line of a 医嘱单; `red` lines are the 重整/术后 headings and 取消 stamps."""

    start: Optional[datetime]
    content: str
    doctor: str
    nurse: str
    stop: Optional[datetime] = None
    stop_doctor: str = ""
    stop_nurse: str = ""
    red: bool = False
    cancelled: bool = False
    order_id: str = ""


def sheet_lines(rows: list[OrderRow], term: str) -> list[SheetLine]:
    """The 长期医嘱单 (term long: start, content, doctor, nurse | stop, doctor, nurse) or the
    临时医嘱单 (term temp: time, content, doctor | executed, nurse) from signed orders only."""
    out: list[SheetLine] = []
    for r in rows:
        if r.term != term or r.status in (od.DRAFT, od.AWAITING_APPROVAL):
            continue
        if r.category == "line":
            out.append(SheetLine(r.start_at, r.content, r.signed_by_name, r.verified_by_name, red=True,
                                 order_id=r.id))
            continue
        text = f"{r.group_mark}{r.content}" if r.group_mark else r.content
        if r.use_kind in ("prn", "sos"):
            text = f"{text} {r.use_kind}"
        out.append(SheetLine(
            r.start_at, text, r.signed_by_name, r.verified_by_name,
            stop=r.stop_at if term == od.LONG and r.status in (od.STOP_PENDING, od.STOPPED) else None,
            stop_doctor=r.stopped_by_name if term == od.LONG else "",
            stop_nurse=r.stop_checked_by_name if term == od.LONG else "",
            cancelled=r.status == od.VOIDED, order_id=r.id))
    return out


@dataclass(frozen=True)
class Orderable:
    """What order entry fills in when an item is picked (the dictionary's defaults)."""

    kind: str                         # drug / item
    code: str
    name: str                         # the sheet's content line starts with it
    category: str                     # drug, lab, exam, treatment, nursing, diet ...
    form: Optional[str] = None
    dose: Optional[Decimal] = None
    dose_unit: Optional[str] = None
    route_code: Optional[str] = None
    high_alert: bool = False
    skin_test: bool = False
    abx_grade: int = 0
    unit: Optional[str] = None        # order items: their unit (次, 项)


def orderable(conn: Connection, kind: str, code: str) -> Optional[Orderable]:
    from app.store.schema import order_item

    if kind == "drug":
        r = conn.execute(select(drug).where(drug.c.code == code)).mappings().first()
        if r is None:
            return None
        return Orderable("drug", r["code"], r["generic_name"], "drug", r["form"], r["strength"],
                         r["dose_unit"], r["default_route"], bool(r["high_alert"]),
                         bool(r["skin_test"]), int(r["abx_grade"] or 0))
    r = conn.execute(select(order_item).where(order_item.c.code == code)).mappings().first()
    if r is None:
        return None
    return Orderable("item", r["code"], r["name"], r["category"], unit=r["unit"])


@dataclass(frozen=True)
class PendingApproval:
    """An antibiotic signed above its signer's grade, for a doctor who may approve it (§7)."""

    order_id: str
    version: int
    encounter_id: str
    bed_no: str
    patient_name: str
    content: str
    abx_grade: int
    signed_by_name: str
    signed_at: Optional[datetime]


def pending_approvals(conn: Connection, ward_id: str, approver_grade: int) -> list[PendingApproval]:
    """The ward's orders waiting for an approval this doctor's grade allows, oldest first."""
    from app.store.schema import bed, encounter, patient

    signer = staff.alias("signer")
    rows = conn.execute(
        select(med_order.c.id, med_order.c.version, med_order.c.encounter_id, bed.c.bed_no,
               patient.c.name, med_order.c.content, med_order.c.abx_grade,
               signer.c.full_name, med_order.c.signed_at)
        .join(encounter, encounter.c.id == med_order.c.encounter_id)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .outerjoin(signer, signer.c.id == med_order.c.signed_by)
        .where(encounter.c.ward_id == ward_id)
        .where(med_order.c.status == od.AWAITING_APPROVAL)
        .where(med_order.c.abx_grade <= approver_grade)
        .order_by(med_order.c.signed_at)).all()
    return [PendingApproval(r[0], int(r[1]), r[2], r[3] or "", r[4], r[5], int(r[6] or 0),
                            r[7] or "", r[8]) for r in rows]


@dataclass(frozen=True)
class Frequency:
    code: str
    name: str
    times_per_day: Optional[Decimal]
    interval_hours: Optional[int]
    slots: tuple[str, ...]            # default times "08:00" ... (ward settings, CLINICAL.md §1)
    every_days: int


def frequencies(conn: Connection) -> list[Frequency]:
    rows = conn.execute(select(freq).order_by(freq.c.sort_key, freq.c.code)).mappings().all()
    return [Frequency(r["code"], r["name"], r["times_per_day"], r["interval_hours"],
                      tuple(x for x in (r["slots"] or "").split(",") if x), int(r["every_days"] or 1))
            for r in rows]
