"""The demo ward's orders beyond the care plans (demo_history.py): each order's event history as
its state implies it, a high alert signed with its reason, an antibiotic waiting for approval,
and order sets of every scope, so every order view has something real to show."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable, Optional

from app.services.demo_ids import demo_id

Rows = list[dict[str, Any]]

# The path each status was reached by (CLINICAL.md §1).
PATHS = {
    "draft": ("draft",),
    "submitted": ("draft", "submitted"),
    "pending_approval": ("draft", "pending_approval"),
    "verified": ("draft", "submitted", "verified"),
    "active": ("draft", "submitted", "active"),
    "executed": ("draft", "submitted", "verified", "executed"),
    "stop_pending": ("draft", "submitted", "active", "stop_pending"),
    "stopped": ("draft", "submitted", "active", "stop_pending", "stopped"),
    "voided": ("draft", "submitted", "voided"),
    "returned": ("draft", "submitted", "returned"),
}
STEP_MINUTES = {"draft": 0, "submitted": 2, "pending_approval": 2, "verified": 15, "active": 15,
                "executed": 40, "voided": 30, "returned": 20}


def events(orders: Rows) -> Rows:
    """One order_event row per step of each order's path, at the times its stamps say."""
    out: Rows = []
    for o in orders:
        path = PATHS.get(o["status"], ("draft", o["status"]))
        prev: Optional[str] = None
        for step in path:
            at = _step_time(o, step)
            who = {"draft": o["ordered_by"], "submitted": o["signed_by"], "verified": o["verified_by"],
                   "active": o["verified_by"], "stop_pending": o["stopped_by"],
                   "stopped": o["stop_checked_by"] or o["verified_by"],
                   "returned": o["verified_by"]}.get(step) or o["signed_by"] or o["ordered_by"]
            reason = {"voided": o["void_reason"], "returned": o["return_reason"]}.get(step)
            out.append({"id": demo_id("event", o["id"], step), "order_id": o["id"],
                        "from_status": prev, "to_status": step, "at": at, "staff_id": who,
                        "reason": reason, "op_id": None, "device_time": at})
            prev = step
    return out


def _step_time(o: dict[str, Any], step: str) -> datetime:
    if step == "stop_pending" and o["stop_signed_at"]:
        signed: datetime = o["stop_signed_at"]
        return signed
    if step == "stopped" and o["stop_at"]:
        stop: datetime = o["stop_at"]
        return stop + timedelta(minutes=10)
    start: datetime = o["start_at"]
    return start + timedelta(minutes=STEP_MINUTES.get(step, 30))


def special(add_order: Callable[..., dict[str, Any]], ctx: Any, by_bed: dict[int, dict[str, Any]],
            now: datetime) -> Rows:
    """A ceftriaxone signed for bed 5 over a penicillin-anaphylaxis alert (with its reason), and a
    meropenem a resident signed above his antibiotic grade, waiting for a chief's approval.
    Returns the override rows."""
    p = by_bed[5]
    cef = add_order(ctx, p, "cef1", {"term": "long", "drug": "J01DD04.02", "name": "注射用头孢曲松钠",
                                     "dose": 2, "unit": "g", "route": "ivgtt", "freq": "qd"},
                    start=now - timedelta(hours=20), status="active",
                    override_reason="allergy: senior_confirmed", abx_grade=1)
    p12 = by_bed[12]
    add_order(ctx, p12, "mero1", {"term": "long", "drug": "J01DH02.02", "name": "注射用美罗培南",
                                  "dose": 1, "unit": "g", "route": "ivgtt", "freq": "q8h"},
              start=now - timedelta(minutes=40), status="pending_approval", abx_grade=3,
              ordered_by=ctx.staff("zhangwei"), signed_by=ctx.staff("zhangwei"),
              verified_at=None, verified_by=None)
    return [{"id": demo_id("override", 5, "cef1"), "order_id": cef["id"],
             "rule": "allergy:青霉素", "category": "allergy", "severity": "high",
             "message": "青霉素过敏性休克史：头孢菌素类交叉过敏风险", "staff_id": cef["signed_by"],
             "reason": "senior_confirmed: 上级医师确认，既往头孢曲松耐受", "at": cef["signed_at"],
             "op_id": None}]


SetLine = tuple[str, str, Optional[str], Optional[str], Optional[str], Optional[str], Optional[str],
                Optional[str]]
# (key, name, pinyin, scope, owner key, items: (term, content, drug code, dose, unit, route, freq, group))
SETS: list[tuple[str, str, str, str, Optional[str], list[SetLine]]] = [
    ("cap", "社区获得性肺炎抗感染", "SQHDXFYKGR", "personal", "liming", [
        ("long", "0.9%氯化钠注射液 100ml", "B05XA03.01", "100", "ml", "ivgtt", "qd", "g1"),
        ("long", "注射用头孢曲松钠 2g", "J01DD04.02", "2", "g", "ivgtt", "qd", "g1"),
        ("temp", "血常规", None, None, None, None, None, None),
        ("temp", "C反应蛋白", None, None, None, None, None, None)]),
    ("hf", "慢性心衰常规", "MXXSCG", "dept", None, [
        ("long", "呋塞米片 20mg", "C03CA01.01", "20", "mg", "po", "qd", None),
        ("long", "低盐低脂饮食", None, None, None, None, None, None),
        ("long", "记24小时出入量", None, None, None, None, None, None)]),
    ("adm", "入院常规检查", "RYCGJC", "hospital", None, [
        ("temp", "血常规", None, None, None, None, None, None),
        ("temp", "尿常规", None, None, None, None, None, None),
        ("temp", "肝肾功能", None, None, None, None, None, None),
        ("temp", "胸部X线正位片", None, None, None, None, None, None)]),
]


def order_sets(dept_id: str, staff: Callable[[str], str], now: datetime) -> tuple[Rows, Rows]:
    sets: Rows = []
    items: Rows = []
    for key, name, initials, scope, owner, lines in SETS:
        set_id = demo_id("order_set", key)
        sets.append({"id": set_id, "name": name, "pinyin": initials,
                     "dept_id": dept_id if scope == "dept" else None,
                     "owner_id": staff(owner) if scope == "personal" and owner else None,
                     "is_active": True, "version": 1, "created_at": now, "updated_at": now})
        for n, (term, content, code, dose, unit, route, freq, group) in enumerate(lines, start=1):
            category = "drug" if code else ("lab" if term == "temp" and "X线" not in content
                                            else "exam" if "X线" in content else "nursing")
            items.append({"id": demo_id("order_set_item", key, n), "set_id": set_id, "seq_no": n,
                          "template": {"term": term, "category": category, "content": content,
                                       "drug_code": code, "item_code": None, "dose": dose,
                                       "dose_unit": unit, "route_code": route, "freq_code": freq,
                                       "first_day_times": None, "rate": "40 gtt/min" if group else None,
                                       "instruction": None, "use_kind": "regular", "group": group}})
    return sets, items
