"""The demo ward seed: complete, deterministic, idempotent, and independent of the dictionaries."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app.services.audit import verify_all
from app.services.demo import demo_id, seed_demo
from app.store.schema import (
    clin_doc,
    doc_rev,
    drug,
    med_order,
    order_exec,
    order_exec_plan,
    skin_test,
    staff,
    staff_role,
    vital_obs,
)
from tests.unit.services.conftest import NOW

STATES = {"draft", "submitted", "verified", "active", "executed", "stop_pending", "stopped",
          "voided", "returned"}


def test_orders_in_every_state_long_and_temp_and_one_group(demo_engine: Engine) -> None:
    with demo_engine.connect() as conn:
        orders = conn.execute(select(med_order)).mappings().all()
    assert {o["status"] for o in orders} >= STATES
    assert {o["term"] for o in orders} == {"long", "temp"}
    groups = Counter(o["group_id"] for o in orders if o["group_id"])
    assert groups and max(groups.values()) >= 2
    # Drugs present in the dictionary are linked by id; the seed also names them in full.
    assert any(o["drug_id"] for o in orders)
    ceftriaxone = [o for o in orders if "头孢曲松" in o["content"]]
    assert ceftriaxone and all(o["drug_id"] for o in ceftriaxone)
    returned = next(o for o in orders if o["status"] == "returned")
    assert returned["return_reason"]


def test_history_executions_vitals_documents_staff(demo_engine: Engine) -> None:
    with demo_engine.connect() as conn:
        execs = Counter(conn.execute(select(order_exec.c.status)).scalars())
        assert execs["done"] > 100 and execs["not_done"] >= 1 and not execs["planned"]   # facts only
        plans = Counter(conn.execute(select(order_exec_plan.c.status)).scalars())   # issue 13
        assert plans["planned"] > execs["done"]
        vitals = conn.execute(select(func.count()).select_from(vital_obs)).scalar_one()
        assert vitals > 1000
        docs = Counter(conn.execute(select(clin_doc.c.title)).scalars())
        assert {"入院记录", "首次病程记录", "日常病程记录"} <= set(docs)
        revised = conn.execute(select(func.count()).select_from(doc_rev)
                               .where(doc_rev.c.rev_no > 1)).scalar_one()
        assert revised >= 1
        results = set(conn.execute(select(skin_test.c.result)).scalars())
        assert results == {"positive", "negative", None}          # None: one running (issue 13)
        roles = set(conn.execute(select(staff_role.c.role_code)).scalars())
        assert roles == {"doctor", "intern", "nurse", "head_nurse", "admin"}
        titles = set(conn.execute(select(staff.c.title)).scalars())
        assert {"主治医师", "住院医师", "实习医师"} <= titles
        assert all(r.intact for r in verify_all(conn))


def test_second_seed_is_a_no_op(demo_engine: Engine) -> None:
    with demo_engine.begin() as conn:
        before = conn.execute(select(func.count()).select_from(med_order)).scalar_one()
        assert seed_demo(conn, now=NOW) == {}
        assert conn.execute(select(func.count()).select_from(med_order)).scalar_one() == before


def test_seed_without_dictionaries_uses_free_text(engine: Engine) -> None:
    with engine.begin() as conn:
        assert conn.execute(select(func.count()).select_from(drug)).scalar_one() == 0
        counts = seed_demo(conn, now=NOW)
    assert counts["patient"] == 32 and counts["med_order"] > 200
    with engine.connect() as conn:
        orders = conn.execute(select(med_order.c.drug_id, med_order.c.content, med_order.c.route_code)
                              ).all()
    assert all(o.drug_id is None and o.route_code is None for o in orders)
    assert any(o.content.startswith("注射用头孢曲松钠 2g ivgtt qd") for o in orders)


def test_seed_is_deterministic(engine: Engine, demo_engine: Engine) -> None:
    with engine.begin() as conn:
        seed_demo(conn, now=NOW)
    key = demo_id("encounter", 8)
    query = (select(vital_obs.c.measured_at, vital_obs.c.item, vital_obs.c.num_value)
             .where(vital_obs.c.encounter_id == key).order_by(vital_obs.c.id))
    with engine.connect() as a, demo_engine.connect() as b:
        assert a.execute(query).all() == b.execute(query).all()


def test_the_demo_prints_carry_a_hospital_name_and_a_site_keeps_its_own(demo_engine: Engine,
                                                                        engine: Engine) -> None:
    from sqlalchemy import insert

    from app.services.record_printing import hospital_name
    from app.store.schema import app_setting

    with demo_engine.connect() as conn:
        assert hospital_name(conn) == "演示医院"                  # not the program's name
    with engine.begin() as conn:
        conn.execute(insert(app_setting).values(skey="hospital_name", svalue="第一人民医院"))
        assert "app_setting" not in {k for k, v in seed_demo(conn, now=NOW).items() if v}
    with engine.connect() as conn:
        assert hospital_name(conn) == "第一人民医院"
