"""The demo ward's nurse side (issue 13), after the orders' history is written (demo.py calls
`seed` once): the history's executions become plan items with facts against them (what the
execution lists read), a high-alert drug waits in the verification queue, and the skin-test list
has a test due (its drug blocked until it is read) and one running.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from app.domain import execution as ex
from app.services.demo_ids import demo_id
from app.store import schema as s

Rows = list[dict[str, Any]]


def _plans(conn: Connection) -> dict[str, int]:
    """One plan item per history execution; done / not done rows become facts on their item,
    planned / cancelled rows (plans, not facts) are replaced by the item itself."""
    rows = conn.execute(select(s.order_exec.c.id, s.order_exec.c.order_id, s.order_exec.c.planned_at,
                               s.order_exec.c.status, s.order_exec.c.created_at)
                        .where(s.order_exec.c.plan_id.is_(None))).all()
    plans = [{"id": demo_id("plan", r.id), "order_id": r.order_id, "planned_at": r.planned_at,
              "status": "cancelled" if r.status == "cancelled" else "planned",
              "created_at": r.created_at, "version": 1} for r in rows]
    facts = [{"fid": r.id, "pid": demo_id("plan", r.id),
              "claim": ex.claim_key(demo_id("plan", r.id), ex.DONE, 0)}
             for r in rows if r.status in (ex.DONE, ex.NOT_DONE)]
    if plans:
        conn.execute(insert(s.order_exec_plan), plans)
    if facts:
        conn.execute(update(s.order_exec).where(s.order_exec.c.id == bindparam("fid"))
                     .values(plan_id=bindparam("pid"), claim_key=bindparam("claim"),
                             device_id="demo-seed"), facts)
    conn.execute(delete(s.order_exec).where(s.order_exec.c.plan_id.is_(None))
                 .where(s.order_exec.c.status.in_(("planned", "cancelled"))))
    return {"order_exec_plan": len(plans)}


def _drug_id(conn: Connection, code: str) -> Optional[str]:
    found = conn.execute(select(s.drug.c.id).where(s.drug.c.code == code)).scalar()
    return None if found is None else str(found)


def _order(bed: int, key: str, *, term: str, content: str, drug_id: Optional[str], dose: str,
           unit: str, route: str, freq: str, status: str, start: datetime, doctor: str,
           nurse: Optional[str], skin: bool = False) -> dict[str, Any]:
    checked = status not in ("submitted",)
    return {
        "id": demo_id("order", bed, key), "encounter_id": demo_id("encounter", bed), "term": term,
        "category": "drug", "drug_id": drug_id, "item_id": None, "content": content,
        "dose": Decimal(dose), "dose_unit": unit, "route_code": route, "freq_code": freq,
        "first_day_times": None, "rate": "40 gtt/min" if route == "ivgtt" else None, "group_id": None,
        "group_seq": None, "skin_test_req": skin, "instruction": None, "status": status,
        "start_at": start, "stop_at": None, "ordered_by": doctor, "signed_at": start, "signed_by": doctor,
        "verified_at": start + timedelta(minutes=10) if checked else None,
        "verified_by": nurse if checked else None, "stop_signed_at": None, "stopped_by": None,
        "stop_checked_at": None, "stop_checked_by": None, "void_reason": None, "return_reason": None,
        "verbal": False, "override_reason": None, "print_page": None, "print_row": None,
        "use_kind": "regular", "line_kind": None, "abx_grade": 0, "approved_at": None,
        "approved_by": None, "version": 1, "created_at": start, "updated_at": start}


def _events(orders: Rows) -> Rows:
    path = {"submitted": ("draft", "submitted"), "verified": ("draft", "submitted", "verified"),
            "active": ("draft", "submitted", "active"), "executed": ("draft", "submitted", "verified",
                                                                   "executed")}
    out: Rows = []
    for o in orders:
        prev: Optional[str] = None
        for step in path[o["status"]]:
            who = o["verified_by"] if step in ("verified", "active", "executed") else o["signed_by"]
            out.append({"id": demo_id("event", o["id"], step), "order_id": o["id"], "from_status": prev,
                        "to_status": step, "at": o["start_at"], "staff_id": who, "reason": None,
                        "op_id": None, "device_time": o["start_at"]})
            prev = step
    return out


def seed(conn: Connection, now: datetime) -> dict[str, int]:
    """Rows written per table."""
    counts = _plans(conn)
    doctor, nurse = demo_id("staff", "liming"), demo_id("staff", "liufang")
    heparin, pen, pen_test = (_drug_id(conn, c) for c in ("B01AB01.01", "J01CE01.02", "J01CE01.ST"))
    orders: Rows = []
    if heparin:   # bed 11 (ACS, just admitted): a high-alert drug among the orders to verify
        orders.append(_order(11, "heparin", term="long", content="肝素钠注射液 5000U ivvp q12h",
                             drug_id=heparin, dose="5000", unit="U", route="ivvp", freq="q12h",
                             status="submitted", start=now - timedelta(minutes=25), doctor=doctor,
                             nurse=None))
    tests: Rows = []
    if pen:
        # Bed 8: penicillin ordered, its skin test due: the drug waits on the execution list.
        orders.append(_order(8, "pen", term="long", content="注射用青霉素钠 160万U ivgtt bid",
                             drug_id=pen, dose="160", unit="万U", route="ivgtt", freq="bid",
                             status="active", start=now - timedelta(hours=1), doctor=doctor,
                             nurse=nurse, skin=True))
        orders.append(_order(8, "pen_st", term="temp", content="青霉素皮试", drug_id=pen_test or pen,
                             dose="0.1", unit="ml", route="id", freq="once", status="verified",
                             start=now - timedelta(hours=1), doctor=doctor, nurse=nurse, skin=True))
        # Bed 29: a test placed eight minutes ago, running.
        placed = now - timedelta(minutes=8)
        orders.append(_order(29, "pen_st", term="temp", content="青霉素皮试", drug_id=pen_test or pen,
                             dose="0.1", unit="ml", route="id", freq="once", status="executed",
                             start=placed - timedelta(minutes=20), doctor=doctor, nurse=nurse, skin=True))
        tests.append({"id": demo_id("skin", 29, "running"), "patient_id": demo_id("patient", 29),
                      "encounter_id": demo_id("encounter", 29), "order_id": demo_id("order", 29, "pen_st"),
                      "drug_id": pen_test or pen, "substance": "青霉素", "batch_no": "PS2412031",
                      "result": None, "tested_at": placed, "read_at": None, "tested_by": nurse,
                      "read_by": None, "checked_by": None, "version": 1, "created_at": placed,
                      "updated_at": placed})
    if orders:
        conn.execute(insert(s.med_order), orders)
        conn.execute(insert(s.order_event), _events(orders))
    if tests:
        conn.execute(insert(s.skin_test), tests)
    counts.update(med_order=len(orders), skin_test=len(tests))
    return counts
