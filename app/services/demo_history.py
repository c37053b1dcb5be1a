"""The demo ward's clinical history: orders in every state, executions, skin tests, labs.

Vital signs and documents are in demo_charts.py. Drugs are referenced by dictionary code when
the drug table has them; otherwise the order is free text with drug_id NULL, so the seed works
on a database whose dictionaries are not loaded. Route, frequency and lab codes that the
dictionaries lack are left out the same way, so no foreign key can fail.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Iterator, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.services.demo_ids import demo_id, local_at, local_today, rng_for
from app.store import schema as s

Rows = list[dict[str, Any]]

# Administration times used for the execution plan when the frequency dictionary is empty.
SLOTS: dict[str, tuple[str, ...]] = {
    "qd": ("08:00",), "bid": ("08:00", "16:00"), "tid": ("08:00", "12:00", "16:00"),
    "q12h": ("08:00", "20:00"), "q8h": ("00:00", "08:00", "16:00"), "qn": ("20:00",),
    "ac": ("06:30", "10:30", "16:30"), "qid": ("08:00", "12:00", "16:00", "20:00"),
}
ROUTE_NAMES = {"po": "口服", "ivgtt": "静脉滴注", "iv": "静脉注射", "ih": "皮下注射",
               "inh": "雾化吸入", "id": "皮内注射", "im": "肌内注射"}
FREQ_NAMES = {"qd": "qd", "bid": "bid", "tid": "tid", "q12h": "q12h", "q8h": "q8h", "qn": "qn",
              "ac": "tid ac", "st": "st", "once": "once", "qid": "qid"}


# Drugs the special states and demo_orders order beyond the care plans.
EXTRA_DRUGS = {"A02BC01.01", "C08CA05.02", "N02BE01.01", "J01CE01.ST", "J01DD04.02", "J01DH02.02"}


@dataclass
class Lookups:
    """What the dictionaries hold; anything missing degrades to free text."""

    drugs: dict[str, str] = field(default_factory=dict)          # code or generic name -> id
    routes: set[str] = field(default_factory=set)
    freqs: set[str] = field(default_factory=set)
    items: dict[str, str] = field(default_factory=dict)          # order_item code -> id
    labs: dict[str, tuple[Optional[Decimal], Optional[Decimal], Optional[str]]] = \
        field(default_factory=dict)

    @classmethod
    def read(cls, conn: Connection, spec: dict[str, Any]) -> Lookups:
        codes = {o["drug"] for plan in spec["plans"].values() for o in plan if o.get("drug")}
        codes |= EXTRA_DRUGS
        names = {o["name"] for plan in spec["plans"].values() for o in plan if o.get("name")}
        look = cls()
        for did, code in conn.execute(select(s.drug.c.id, s.drug.c.code)
                                            .where(s.drug.c.code.in_(sorted(codes)))):
            look.drugs[code] = did
        for did, name in conn.execute(select(s.drug.c.id, s.drug.c.generic_name)
                                      .where(s.drug.c.generic_name.in_(sorted(names)))):
            look.drugs.setdefault(name, did)
        look.routes = set(conn.execute(select(s.route.c.code)).scalars())
        look.freqs = set(conn.execute(select(s.freq.c.code)).scalars())
        look.items = {c: i for i, c in conn.execute(select(s.order_item.c.id, s.order_item.c.code))}
        look.labs = {r.code: (r.low, r.high, r.unit) for r in conn.execute(
            select(s.lab_test.c.code, s.lab_test.c.low, s.lab_test.c.high, s.lab_test.c.unit))}
        return look


def _fmt(value: Any) -> str:
    d = Decimal(str(value))
    return str(d.quantize(Decimal(1))) if d == d.to_integral() else str(d.normalize())


def order_text(o: dict[str, Any]) -> str:
    """The line as the order sheet prints it: 呋塞米片 20mg po qd."""
    if not o.get("drug"):
        return str(o["content"])
    return f"{o['name']} {_fmt(o['dose'])}{o['unit']} {o['route']} {FREQ_NAMES.get(o['freq'], o['freq'])}"


@dataclass
class Ctx:
    conn: Connection
    spec: dict[str, Any]
    now: datetime
    rng: random.Random
    look: Lookups
    orders: Rows = field(default_factory=list)
    execs: Rows = field(default_factory=list)
    skin: Rows = field(default_factory=list)
    allergies: Rows = field(default_factory=list)
    labs: Rows = field(default_factory=list)

    def staff(self, key: str) -> str:
        return demo_id("staff", key)


def _team(ctx: Ctx, p: dict[str, Any]) -> tuple[str, str, str]:
    doctor_key, resident_key = ctx.spec["teams"][p["team"]]
    nurse_key = "liufang" if p["team"] == "A" else "zhaoli"
    return ctx.staff(resident_key), ctx.staff(doctor_key), ctx.staff(nurse_key)


def add_order(ctx: Ctx, p: dict[str, Any], key: str, o: dict[str, Any], *, start: datetime,
              status: str, group: Optional[tuple[str, int]] = None, **extra: Any) -> dict[str, Any]:
    """One med_order row; `status` decides which signature and check stamps are filled."""
    resident, _, nurse = _team(ctx, p)
    drug_id = ctx.look.drugs.get(o.get("drug") or "") or ctx.look.drugs.get(o.get("name") or "")
    route = o.get("route")
    freq = o.get("freq") or ("once" if o["term"] == "temp" else None)
    content = order_text(o).replace("{diet}", p.get("diet") or "普食")
    signed = status != "draft"
    checked = status not in ("draft", "submitted", "returned")
    row: dict[str, Any] = {
        "id": demo_id("order", p["bed"], key), "encounter_id": demo_id("encounter", p["bed"]),
        "term": o["term"], "category": o.get("category", "drug"), "drug_id": drug_id,
        "item_id": ctx.look.items.get(o.get("item") or ""), "content": content[:200],
        "dose": Decimal(str(o["dose"])) if o.get("dose") is not None else None,
        "dose_unit": o.get("unit"), "route_code": route if route in ctx.look.routes else None,
        "freq_code": freq if freq in ctx.look.freqs else None, "first_day_times": None,
        "rate": "40 gtt/min" if route == "ivgtt" else None,
        "group_id": demo_id("group", p["bed"], group[0]) if group else None,
        "group_seq": group[1] if group else None, "skin_test_req": bool(o.get("skin")),
        "instruction": None, "status": status, "start_at": start, "stop_at": None,
        "ordered_by": extra.pop("ordered_by", resident),
        "signed_at": start if signed else None, "signed_by": resident if signed else None,
        "verified_at": start + timedelta(minutes=15) if checked else None,
        "verified_by": nurse if checked else None, "stop_signed_at": None, "stopped_by": None,
        "stop_checked_at": None, "stop_checked_by": None, "void_reason": None,
        "return_reason": None, "verbal": False, "override_reason": None, "print_page": None,
        "print_row": None, "use_kind": "regular", "line_kind": None, "abx_grade": 0, "approved_at": None,
        "approved_by": None, "version": 1, "created_at": start, "updated_at": start}
    row.update(extra)
    ctx.orders.append(row)
    if row["category"] == "drug" and status in ("active", "stop_pending", "stopped"):
        _plan_executions(ctx, p, row, freq or "qd")
    if o["term"] == "temp" and status == "executed":
        _exec(ctx, row, start + timedelta(minutes=40), "done", nurse)
    return row


def _exec(ctx: Ctx, order: dict[str, Any], at: datetime, status: str, nurse: str,
          reason: Optional[str] = None) -> None:
    done = status in ("done", "not_done")
    ctx.execs.append({
        "id": demo_id("exec", order["id"], at.isoformat()), "order_id": order["id"],
        "planned_at": at, "status": status,
        "done_at": at + timedelta(minutes=rng_for(order["id"], at).randint(0, 25)) if done else None,
        "done_by": nurse if done else None, "checked_by": None, "reason_code": reason,
        "reason_text": None, "device_time": None, "received_at": None, "flag_note": None,
        "version": 1, "created_at": at, "updated_at": at})


def _plan_executions(ctx: Ctx, p: dict[str, Any], order: dict[str, Any], freq: str) -> None:
    """The last two days' doses done (one refused), today's later doses planned."""
    _, _, nurse = _team(ctx, p)
    today = local_today(ctx.now)
    end = order["stop_at"] or (ctx.now + timedelta(hours=24))
    for offset in (2, 1, 0):
        day: date = today - timedelta(days=offset)
        for slot in SLOTS.get(freq, ("08:00",)):
            hh, mm = (int(x) for x in slot.split(":"))
            at = local_at(day, hh, mm)
            if at < order["start_at"] or at >= end or at > ctx.now + timedelta(hours=12):
                continue
            if at > ctx.now - timedelta(minutes=30):
                _exec(ctx, order, at, "planned", nurse)
            elif p["bed"] == 31 and offset == 1 and slot == SLOTS.get(freq, ("08:00",))[0]:
                _exec(ctx, order, at, "not_done", nurse, "patient_refused")
            else:
                _exec(ctx, order, at, "done", nurse)


def _grade_orders(ctx: Ctx, p: dict[str, Any], adm: datetime) -> None:
    names = {0: "特级护理", 1: "一级护理", 2: "二级护理", 3: "三级护理"}
    resident, _, nurse = _team(ctx, p)
    grade = int(p["grade"])
    if int(p["days"]) >= 5 and grade >= 2:
        # Admitted on 一级护理, stepped down on day 3: a stopped order and its successor.
        switch = adm + timedelta(days=2, hours=1)
        add_order(ctx, p, "grade0", {"term": "long", "category": "nursing", "content": "一级护理"},
                  start=adm + timedelta(minutes=20), status="stopped", stop_at=switch,
                  stop_signed_at=switch, stopped_by=resident,
                  stop_checked_at=switch + timedelta(minutes=20), stop_checked_by=nurse)
        add_order(ctx, p, "grade", {"term": "long", "category": "nursing",
                                    "content": names[grade]}, start=switch, status="active")
    else:
        add_order(ctx, p, "grade", {"term": "long", "category": "nursing", "content": names[grade]},
                  start=adm + timedelta(minutes=20), status=_initial(p, "long"))
    if p["acuity"] != "stable":
        label = "病危" if p["acuity"] == "critical" else "病重"
        add_order(ctx, p, "acuity", {"term": "long", "category": "nursing", "content": label},
                  start=adm + timedelta(minutes=25), status=_initial(p, "long"))


def _initial(p: dict[str, Any], term: str) -> str:
    """Just-admitted patients' orders await the nurse's check; others are running or done."""
    if p.get("new"):
        return "submitted"
    return "active" if term == "long" else "executed"


def _plan_orders(ctx: Ctx, p: dict[str, Any]) -> None:
    adm: datetime = p["_admitted_at"]
    _grade_orders(ctx, p, adm)
    plans = ctx.spec["plans"]
    lines = list(plans["base"]) + list(plans.get(p["plan"], []))
    if p.get("hypok"):
        lines += plans["hypok"]
    seq: dict[str, int] = {}
    for n, o in enumerate(lines):
        group = None
        if o.get("group"):
            seq[o["group"]] = seq.get(o["group"], 0) + 1
            group = (o["group"], seq[o["group"]])
        start = adm + timedelta(minutes=30 + n)
        add_order(ctx, p, f"plan{n}", o, start=start, status=_initial(p, o["term"]), group=group)


def _special_states(ctx: Ctx, by_bed: dict[int, dict[str, Any]]) -> None:
    """The states a demo must show: draft, stop_pending, voided, returned, temp orders."""
    now = ctx.now
    intern = ctx.staff("chenxiao")
    p = by_bed[28]
    add_order(ctx, p, "draft1", {"term": "temp", "category": "lab", "content": "血常规",
                                 "item": "L0001"}, start=now - timedelta(minutes=20),
              status="draft", ordered_by=intern)
    add_order(ctx, p, "draft2", {"term": "long", "drug": "A02BC01.01", "name": "奥美拉唑肠溶胶囊",
                                 "dose": 20, "unit": "mg", "route": "po", "freq": "qd"},
              start=now - timedelta(minutes=18), status="draft", ordered_by=intern)
    p = by_bed[27]
    for row in ctx.orders:
        if row["encounter_id"] == demo_id("encounter", 27) and "左氧氟沙星" in row["content"]:
            row.update(status="stop_pending", stop_at=now - timedelta(hours=1),
                       stop_signed_at=now - timedelta(hours=1),
                       stopped_by=ctx.staff("huanglei"), version=2)
            for ex in ctx.execs:
                if ex["order_id"] == row["id"] and ex["planned_at"] > row["stop_at"]:
                    ex["status"] = "cancelled"
    p = by_bed[10]
    add_order(ctx, p, "void1", {"term": "temp", "category": "exam", "content": "胸部X线正位片"},
              start=now - timedelta(days=2), status="voided", void_reason="重复开立", version=2)
    p = by_bed[17]
    add_order(ctx, p, "ret1", {"term": "long", "drug": "C08CA05.02", "name": "硝苯地平控释片",
                               "dose": 60, "unit": "mg", "route": "po", "freq": "qd"},
              start=now - timedelta(hours=3), status="returned", version=2,
              return_reason="与在用硝苯地平重复，剂量请核对")
    p = by_bed[8]   # the febrile patient: antipyretic and cooling as temp orders
    add_order(ctx, p, "fever1", {"term": "temp", "drug": "N02BE01.01", "name": "对乙酰氨基酚片",
                                 "dose": 0.5, "unit": "g", "route": "po", "freq": "once"},
              start=p["_admitted_at"] + timedelta(hours=6), status="executed")
    add_order(ctx, p, "fever2", {"term": "temp", "category": "treatment", "content": "温水擦浴物理降温"},
              start=p["_admitted_at"] + timedelta(hours=30), status="executed")
    add_order(ctx, p, "cbc2", {"term": "temp", "category": "lab", "content": "复查血常规+CRP"},
              start=now - timedelta(minutes=50), status="verified")


def _skin_tests(ctx: Ctx, by_bed: dict[int, dict[str, Any]]) -> None:
    for bed_no in (22, 25):
        p = by_bed[bed_no]
        _, _, nurse = _team(ctx, p)
        at = p["_admitted_at"] + timedelta(hours=1)
        order = add_order(ctx, p, "skin", {"term": "temp", "category": "drug", "drug": "J01CE01.ST",
                                           "name": "青霉素皮试液", "dose": 0.1, "unit": "ml",
                                           "route": "id", "freq": "once"},
                          start=at, status="executed")
        result = p["skin_test"]
        ctx.skin.append({
            "id": demo_id("skin", bed_no), "patient_id": demo_id("patient", bed_no),
            "encounter_id": demo_id("encounter", bed_no), "order_id": order["id"],
            "drug_id": None, "substance": "青霉素", "batch_no": "PS2405118", "result": result,
            "tested_at": at, "read_at": at + timedelta(minutes=20), "tested_by": nurse,
            "read_by": nurse, "checked_by": ctx.staff("sunmin"), "version": 1,
            "created_at": at, "updated_at": at + timedelta(minutes=20)})
        if result == "positive":
            ctx.allergies.append({
                "id": demo_id("allergy", bed_no, "skin"), "patient_id": demo_id("patient", bed_no),
                "substance": "青霉素", "drug_code": None, "reaction": "皮试阳性", "severity": "moderate",
                "source": "skin_test", "status": "active", "recorded_at": at + timedelta(minutes=20),
                "recorded_by": nurse, "version": 1, "created_at": at, "updated_at": at})


# Admission panel per plan: code -> value (anything not listed is drawn inside the normal range).
LAB_PROFILES: dict[str, dict[str, float]] = {
    "pneumonia": {"WBC": 13.6, "NEUT": 86.0, "CRP": 88.0, "PCT": 0.9},
    "gibleed": {"HGB": 71.0, "RBC": 2.4, "BUN": 14.2},
    "dm": {"GLU": 13.8, "HBA1C": 9.1},
    "hf": {"CR": 128.0, "NA": 133.0},
    "copd": {"WBC": 10.8, "NEUT": 79.0},
    "uti": {"WBC": 12.1, "CRP": 46.0},
    "anemia": {"HGB": 82.0, "MCV": 71.0},
    "gout": {"UA": 612.0},
}
PANEL = ("WBC", "NEUT", "HGB", "RBC", "PLT", "CRP", "K", "NA", "CR", "BUN", "GLU", "ALT")


def _lab(ctx: Ctx, bed_no: int, code: str, value: float, taken: datetime, key: str) -> None:
    if code not in ctx.look.labs:
        return
    low, high, unit = ctx.look.labs[code]
    flag = None
    if high is not None and value > float(high):
        flag = "HH" if value > 2 * float(high) else "H"
    elif low is not None and value < float(low):
        flag = "L"
    ctx.labs.append({
        "id": demo_id("lab", bed_no, key, code), "encounter_id": demo_id("encounter", bed_no),
        "test_code": code, "num_value": Decimal(str(round(value, 2))), "text_value": None,
        "unit": unit, "abnormal": flag, "taken_at": taken, "reported_at": taken + timedelta(hours=2)})


def _labs(ctx: Ctx, p: dict[str, Any]) -> None:
    taken = p["_admitted_at"] + timedelta(hours=1)
    if taken + timedelta(hours=2) > ctx.now:
        return   # just admitted: results not back yet
    rng = rng_for("labs", p["bed"])
    profile = dict(LAB_PROFILES.get(p["plan"], {}))
    if p.get("hypok"):
        profile["K"] = 2.9
    codes = list(PANEL) + [c for c in profile if c not in PANEL]
    for code in codes:
        if code in profile:
            value = profile[code] * rng.uniform(0.95, 1.05)
        elif code in ctx.look.labs:
            low, high, _ = ctx.look.labs[code]
            lo = float(low) if low is not None else 0.0
            hi = float(high) if high is not None else lo * 2 + 1
            value = rng.uniform(lo + (hi - lo) * 0.15, hi - (hi - lo) * 0.15)
        else:
            continue
        _lab(ctx, p["bed"], code, value, taken, "adm")
    if p.get("fever"):
        later = local_at(local_today(ctx.now) - timedelta(days=1), 6, 0)
        for code, value in (("WBC", 11.2), ("NEUT", 80.1), ("CRP", 52.0), ("PCT", 0.31)):
            _lab(ctx, p["bed"], code, value, later, "d3")
    if p.get("hypok"):
        _lab(ctx, p["bed"], "K", 3.4, local_at(local_today(ctx.now) - timedelta(days=1), 6, 0), "k2")


def _groups(orders: Rows) -> Rows:
    """One order_group row per 成组医嘱, from its first member (what the members share)."""
    firsts: dict[str, dict[str, Any]] = {}
    for o in sorted((o for o in orders if o["group_id"]), key=lambda o: o["group_seq"] or 0):
        firsts.setdefault(o["group_id"], o)
    return [{"id": gid, "encounter_id": o["encounter_id"], "term": o["term"],
             "route_code": o["route_code"], "freq_code": o["freq_code"], "rate": o["rate"],
             "first_day_times": o["first_day_times"], "start_at": o["start_at"],
             "stop_at": o["stop_at"], "status": o["status"], "version": 1,
             "created_at": o["created_at"], "updated_at": o["updated_at"]}
            for gid, o in firsts.items()]


def build(conn: Connection, spec: dict[str, Any], now: datetime,
          rng: random.Random) -> Iterator[tuple[str, Rows]]:
    """(table, rows) in foreign-key order."""
    from app.services import demo_charts, demo_orders

    ctx = Ctx(conn, spec, now, rng, Lookups.read(conn, spec))
    by_bed = {int(p["bed"]): p for p in spec["patients"]}
    for p in spec["patients"]:
        _plan_orders(ctx, p)
        _labs(ctx, p)
    _special_states(ctx, by_bed)
    _skin_tests(ctx, by_bed)
    overrides = demo_orders.special(add_order, ctx, by_bed, now)
    sets, set_items = demo_orders.order_sets(demo_id("dept"), ctx.staff, now)
    yield "order_group", _groups(ctx.orders)
    yield "med_order", ctx.orders
    yield "order_event", demo_orders.events(ctx.orders)
    yield "order_override", overrides
    yield "order_set", sets
    yield "order_set_item", set_items
    yield "order_exec", ctx.execs
    yield "skin_test", ctx.skin
    yield "allergy", ctx.allergies
    yield "lab_result", ctx.labs
    yield from demo_charts.build(spec, now, rng)
