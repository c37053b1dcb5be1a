"""The demo ward 内科一病区: staff for every role, 32 patients and several days of history.

Everything is relative to `now` and drawn from a seeded random generator, so two seeds at the
same `now` are identical, and keys are uuid5 of stable names. Rows are written table by table
with executemany (few round trips, even on a remote server). The people and stories live in
resources/demo/ward.json; the clinical history is built in demo_history.py.
"""
from __future__ import annotations

import json
import pathlib
import random
from datetime import date, datetime, timedelta
from typing import Any, Optional

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from app.clock import as_utc, utcnow
from app.dictionaries import pinyin
from app.progress import OptionalProgress, no_progress
from app.services import audit
from app.services.audit import AuditEntry
from app.services.auth import hash_password
from app.services.demo_accounts import DEMO_ACCOUNTS  # noqa: F401  (re-exported)
from app.services.demo_ids import SEED, demo_id, local_at, local_today, rng_for  # noqa: F401
from app.store import schema as s

DEMO_FILE = pathlib.Path(__file__).resolve().parents[2] / "resources" / "demo" / "ward.json"
WORKSTATION = "demo-seed"


def load_spec() -> dict[str, Any]:
    with open(DEMO_FILE, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data




def has_demo_ward(conn: Connection) -> bool:
    code = load_spec()["ward"]["code"]
    return conn.execute(select(func.count()).select_from(s.ward)
                        .where(s.ward.c.code == code)).scalar_one() > 0


def _batch(conn: Connection, table: Any, rows: list[dict[str, Any]], counts: dict[str, int]) -> None:
    if rows:
        conn.execute(insert(table), rows)
    counts[table.name] = counts.get(table.name, 0) + len(rows)


def _organisation(spec: dict[str, Any], now: datetime) -> dict[str, list[dict[str, Any]]]:
    dept_id, ward_id = demo_id("dept"), demo_id("ward")
    beds = [{"id": demo_id("bed", n), "ward_id": ward_id, "bed_no": str(n), "sort_key": n,
             "is_active": True} for n in range(1, int(spec["bed_count"]) + 1)]
    staff_rows: list[dict[str, Any]] = []
    staff_roles: list[dict[str, Any]] = []
    for st in spec["staff"]:
        sid = demo_id("staff", st["key"])
        staff_rows.append({
            "id": sid, "login_name": st["key"], "full_name": st["name"],
            "pinyin": pinyin.initials(st["name"], 40), "title": st["title"],
            "title_rank": st["rank"], "dept_id": dept_id, "ward_id": ward_id,
            "password_hash": hash_password(st["password"]), "failed_logins": 0,
            "locked_until": None, "can_prescribe": st["prescribe"], "can_narcotic": st["narcotic"],
            "abx_grade": st["abx"], "is_active": True, "version": 1, "created_at": now,
            "updated_at": now})
        staff_roles.extend({"staff_id": sid, "role_code": r} for r in st["roles"])
    return {
        "dept": [{"id": dept_id, "code": spec["dept"]["code"], "name": spec["dept"]["name"]}],
        "ward": [{"id": ward_id, "code": spec["ward"]["code"], "name": spec["ward"]["name"],
                  "dept_id": dept_id}],
        "bed": beds, "staff": staff_rows, "staff_role": staff_roles}


DEMO_HOSPITAL = "演示医院"


def _hospital_missing(conn: Connection) -> list[dict[str, Any]]:
    """The hospital's name on every print, unless the database has one already."""
    have = conn.execute(select(s.app_setting.c.skey).where(s.app_setting.c.skey == "hospital_name")).first()
    return [] if have is not None else [{"skey": "hospital_name", "svalue": DEMO_HOSPITAL}]


ROLE_NAMES = {"doctor": "医生", "intern": "实习医生", "nurse": "护士", "head_nurse": "护士长",
              "admin": "系统管理员"}


def _roles_missing(conn: Connection) -> list[dict[str, Any]]:
    have = set(conn.execute(select(s.role.c.code)).scalars())
    return [{"code": c, "name": n} for c, n in ROLE_NAMES.items() if c not in have]


def admitted_at(p: dict[str, Any], now: datetime, rng: random.Random) -> datetime:
    """Admission day = 1: a patient with days=N came N-1 calendar days ago."""
    today = local_today(now)
    if int(p["days"]) <= 1:
        midnight = local_at(today, 0, 5)
        return max(midnight, now - timedelta(hours=3))
    return local_at(today - timedelta(days=int(p["days"]) - 1), rng.randint(8, 16),
                    rng.choice((0, 10, 20, 30, 40, 50)))


def _patients(spec: dict[str, Any], now: datetime, rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    ward_id, dept_id = demo_id("ward"), demo_id("dept")
    today = local_today(now)
    teams = spec["teams"]
    out: dict[str, list[dict[str, Any]]] = {"patient": [], "encounter": [], "diagnosis": [],
                                            "allergy": []}
    for i, p in enumerate(spec["patients"]):
        pid, eid = demo_id("patient", p["bed"]), demo_id("encounter", p["bed"])
        attending, resident = (demo_id("staff", k) for k in teams[p["team"]])
        birth = date(today.year - int(p["age"]), 1, 1) + timedelta(days=rng.randint(0, 364))
        if (today.month, today.day) < (birth.month, birth.day):
            birth = birth.replace(year=birth.year - 1)
        if (today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))) \
                != int(p["age"]):
            birth = birth.replace(year=birth.year + 1)
        adm = admitted_at(p, now, rng)
        p["_admitted_at"] = adm
        out["patient"].append({
            "id": pid, "mrn": f"{today.year % 100:02d}{310000 + i * 7 + 1:06d}", "name": p["name"],
            "pinyin": pinyin.initials(p["name"], 40), "sex": p["sex"], "birth_date": birth,
            "id_card": None, "phone": f"139{rng.randint(10000000, 99999999)}",
            "ethnicity": "汉族", "marital": "已婚" if int(p["age"]) > 30 else "未婚",
            "occupation": "退休" if int(p["age"]) >= 60 else "职员", "address": "本市",
            "version": 1, "created_at": adm, "updated_at": adm})
        nurse = demo_id("staff", "liufang" if p["team"] == "A" else "zhaoli")
        out["encounter"].append({
            "id": eid, "patient_id": pid, "visit_no": 2 if i % 3 == 0 else 1, "dept_id": dept_id,
            "ward_id": ward_id, "bed_id": demo_id("bed", p["bed"]), "attending_id": attending,
            "resident_id": resident, "nurse_id": nurse, "admitted_at": adm, "discharged_at": None,
            "status": "admitted", "nursing_grade": p["grade"], "acuity": p["acuity"],
            "diet": p.get("diet"), "isolation": None, "height_cm": None,
            "weight_kg": None, "version": 1, "created_at": adm, "updated_at": adm})
        for seq, (code, name) in enumerate(p["dx"], start=1):
            # The first diagnosis is both the admission and the working primary one.
            for kind in (("admission", "primary") if seq == 1 else ("secondary",)):
                out["diagnosis"].append({
                    "id": demo_id("dx", p["bed"], kind, seq), "encounter_id": eid,
                    "icd10_code": code, "name": name, "kind": kind, "seq_no": seq,
                    "diagnosed_at": min(now, adm + timedelta(hours=20 if kind == "primary" else 1)),
                    "diagnosed_by": resident, "status": "active", "version": 1,
                    "created_at": adm, "updated_at": adm})
        for j, (substance, reaction, severity) in enumerate(p.get("allergies", [])):
            out["allergy"].append({
                "id": demo_id("allergy", p["bed"], j), "patient_id": pid, "substance": substance,
                "drug_code": None, "reaction": reaction, "severity": severity,
                "source": "history", "status": "active", "recorded_at": adm + timedelta(minutes=30),
                "recorded_by": resident, "version": 1, "created_at": adm, "updated_at": adm})
    return out


def seed_demo(conn: Connection, progress: OptionalProgress = None,
              now: Optional[datetime] = None) -> dict[str, int]:
    """Write the demo ward in the caller's transaction (the caller commits).

    Returns rows written per table; an empty dict when the demo ward is already there.
    """
    from app.services import demo_history, demo_records, demo_vitals

    report = progress or no_progress
    if has_demo_ward(conn):
        report(1, 1, "demo.present")
        return {}
    now = as_utc(now) if now is not None else utcnow()
    now = now.replace(microsecond=0)
    rng = random.Random(SEED)
    spec = load_spec()
    counts: dict[str, int] = {}
    steps = 4
    report(0, steps, "demo.staff")
    _batch(conn, s.role, _roles_missing(conn), counts)
    for name, rows in _organisation(spec, now).items():
        _batch(conn, s.metadata.tables[name], rows, counts)
    _batch(conn, s.app_setting, _hospital_missing(conn), counts)   # the prints' heading
    report(1, steps, "demo.patients")
    for name, rows in _patients(spec, now, rng).items():
        _batch(conn, s.metadata.tables[name], rows, counts)
    report(2, steps, "demo.history")
    for name, rows in demo_history.build(conn, spec, now, rng):
        _batch(conn, s.metadata.tables[name], rows, counts)
    from app.services import demo_nurse

    for name, n in demo_nurse.seed(conn, now).items():   # the nurse side (issue 13)
        counts[name] = counts.get(name, 0) + n
    from app.services import demo_consumables

    counts.update(demo_consumables.seed(conn, now))              # 附材 rules (issue 13)
    counts.update(demo_consumables.bind_demo_plans(conn, now))
    counts.update(demo_records.seed(conn, now))
    for name, rows in demo_vitals.build(spec, now):          # issue 14: I/O, heights
        _batch(conn, s.metadata.tables[name], rows, counts)
    from app.services import demo_nursing

    for name, rows in demo_nursing.build(spec, now):         # issue 14: 护理记录
        _batch(conn, s.metadata.tables[name], rows, counts)
    from app.services import demo_handover

    counts.update(demo_handover.seed(conn, now))             # issue 14: the last shift's report
    from app.services import demo_exchange

    counts.update(demo_exchange.seed(conn, now))             # issue 17: member institutions, ids
    report(3, steps, "demo.audit")
    audit.record(conn, AuditEntry("seed", "ward", demo_id("ward"),
                                  after={"tables": dict(sorted(counts.items()))}),
                 workstation=WORKSTATION, now=now)
    report(steps, steps, "demo.done")
    return counts


def ensure_demo_database(path: pathlib.Path, progress: OptionalProgress = None) -> Any:
    """The GUI's first run: create, migrate, load dictionaries and seed (see demo_db.py)."""
    from app.services.demo_db import ensure_demo_database as ensure

    return ensure(path, progress)
