"""附材 on the seeded demo ward (real SQLite): an IV drip's plan items get 输液器 and 输液贴 per
dose and one 留置针 per day by the rules, once however often the day is generated; a nurse removes
one with a reason (kept, audited) and adds another; 集中发送 requests them with the drugs, each
bound item once; rules are data an admin adds, edits and retires."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.ids import new_id
from app.services import consumable_cmds as cc
from app.services import consumables as cs
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec, cons_rule, order_cons, order_exec_plan
from tests import secret_service
from tests.unit.services import test_execution as te
from tests.unit.services import test_orders as t
from tests.unit.services import test_pharmacy as tp
from tests.unit.services.conftest import NOW

ADMIN = demo_id("staff", "zhouqiang")
CEF = "注射用头孢曲松钠 2g"
ENC_2 = demo_id("encounter", 2)          # bed 2: no drip of her own today (bed 7 has one)


def drip(db: Database, enc: str = ENC_2) -> str:
    return te.verified_order(db, t.fields(CEF, "J01DD04.02", "2", "g", "ivgtt", "bid"), enc)


def bound_of(db: Database, order_id: str, with_removed: bool = False) -> dict[str, list[cs.BoundItem]]:
    with db.connect() as conn:
        plan_ids = [str(p) for p in conn.execute(select(order_exec_plan.c.id)
                                                 .where(order_exec_plan.c.order_id == order_id)).scalars()]
        return cs.bound_items(conn, plan_ids, with_removed)


def names(items: list[cs.BoundItem]) -> list[str]:
    return sorted(b.name for b in items)


def act(db: Database, cmd_type: Any, actor: str = te.NURSE, **kw: Any) -> Any:
    return run_command(db, "pc-n", cmd_type(op_id=new_id(), actor_id=actor, device_time=NOW, **kw))


def test_an_iv_drip_gets_its_set_per_dose_and_one_cannula_a_day_once(demo_engine: Database) -> None:
    oid = drip(demo_engine)
    te.generate(demo_engine)
    te.generate(demo_engine, "pc-other")                 # a second PC: nothing bound twice
    per_plan = bound_of(demo_engine, oid)
    assert len(per_plan) >= 1
    all_items = [b for items in per_plan.values() for b in items]
    doses = len(per_plan)
    assert names(all_items).count("一次性输液器") == doses and names(all_items).count("输液贴") == doses
    assert names(all_items).count("静脉留置针") == 1       # per day, on the day's first dose
    second = drip(demo_engine, t.ENC_7)                   # bed 7 has a drip of the demo today
    te.generate(demo_engine)
    on_7 = [b for items in bound_of(demo_engine, second).values() for b in items]
    assert "一次性输液器" in names(on_7) and "静脉留置针" not in names(on_7)   # one 留置针 a day
    first = min(per_plan)   # any item: the labels read like the execution line
    assert all("×1" in b.label for b in per_plan[first])


def test_the_nurse_removes_with_a_reason_and_adds_and_pharmacy_gets_the_rest(demo_engine: Database) -> None:
    oid = drip(demo_engine)
    te.generate(demo_engine)
    per_plan = bound_of(demo_engine, oid)
    cannula = next(b for items in per_plan.values() for b in items if b.name == "静脉留置针")
    with pytest.raises(ValidationError) as err:
        act(demo_engine, cc.RemoveConsumable, bound_id=cannula.id, base_version=cannula.version, reason=" ")
    assert err.value.message_id == "cons.reason_required" and err.value.params["field"] == "reason"
    act(demo_engine, cc.RemoveConsumable, bound_id=cannula.id, base_version=cannula.version,
        reason="留置针在位，未更换")
    with demo_engine.connect() as conn:
        swab = next(c for c in cs.consumable_list(conn) if c.name == "医用棉签")
    act(demo_engine, cc.AddConsumable, plan_id=cannula.plan_id, consumable_id=swab.id, quantity=Decimal(2))
    after = bound_of(demo_engine, oid, with_removed=True)
    kept = next(b for b in after[cannula.plan_id] if b.id == cannula.id)
    assert kept.status == cs.REMOVED and kept.reason == "留置针在位，未更换"    # kept, not deleted
    te.generate(demo_engine)                                 # binding again does not bring it back
    assert "静脉留置针" not in names(bound_of(demo_engine, oid)[cannula.plan_id])
    with demo_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit_rec)
                            .where(audit_rec.c.entity == "consumable")).scalar() == 2
    tp.send(demo_engine)
    with demo_engine.connect() as conn:
        lines = [ln for ln in cs.request_consumables(conn, te.WARD, NOW - timedelta(days=1))
                 if ln.bed_no == "2"]
    got = {ln.content.split()[0]: ln.quantity for ln in lines}
    doses = len(bound_of(demo_engine, oid))
    in_window = got["一次性输液器"]
    assert 1 <= in_window <= doses and "静脉留置针" not in got
    assert got["医用棉签"] >= 2
    with pytest.raises(ValidationError):
        tp.send(demo_engine)                                 # drugs and 附材 all requested once


def test_rules_are_data_an_admin_adds_edits_and_retires(demo_engine: Database) -> None:
    with pytest.raises(ValidationError) as err:
        act(demo_engine, cc.SaveConsumableRule, ADMIN, code="R-X", consumable_code="C010",
            quantity=Decimal(1), per="day")
    assert err.value.message_id == "cons.rule_matches_all"
    act(demo_engine, cc.SaveConsumableRule, ADMIN, code="R-HEP-CAP", consumable_code="C010",
        quantity=Decimal(1), per="day", route_code="ivgtt", category="drug")
    oid = drip(demo_engine)
    te.generate(demo_engine)
    assert "肝素帽" in names([b for i in bound_of(demo_engine, oid).values() for b in i])
    with demo_engine.connect() as conn:
        rule = conn.execute(select(cons_rule.c.id, cons_rule.c.version)
                            .where(cons_rule.c.code == "R-HEP-CAP")).one()
    act(demo_engine, cc.SaveConsumableRule, ADMIN, code="R-HEP-CAP", consumable_code="C010",
        quantity=Decimal(2), per="day", route_code="ivgtt", rule_id=str(rule.id), base_version=rule.version)
    act(demo_engine, cc.RetireConsumableRule, ADMIN, rule_id=str(rule.id), base_version=rule.version + 1)
    with demo_engine.connect() as conn:
        assert conn.execute(select(cons_rule.c.is_active).where(cons_rule.c.id == rule.id)).scalar() is False
        assert conn.execute(select(func.count()).select_from(order_cons)
                            .where(order_cons.c.rule_id == rule.id)).scalar() >= 1


keyring_service = secret_service.keyring_fixture()


def test_a_removal_offline_runs_on_the_replica_and_replays_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    from app.offline.mode import OfflineLayer

    oid = drip(demo_engine)
    te.generate(demo_engine)
    cannula = next(b for items in bound_of(demo_engine, oid).values() for b in items
                   if b.name == "静脉留置针")
    layer = OfflineLayer(tmp_path, "cons", "pc-off")
    assert layer.refresh(demo_engine, te.WARD) >= 1                # the snapshot holds the 附材
    cmd = cc.RemoveConsumable(op_id=new_id(), actor_id=te.NURSE, device_time=NOW, bound_id=cannula.id,
                              base_version=cannula.version, reason="离线：留置针在位")
    layer.execute(cmd)                                            # the same handler, on the replica
    local = layer.read(lambda conn: cs.bound_items(conn, [cannula.plan_id], True))
    assert next(b for b in local[cannula.plan_id] if b.id == cannula.id).status == cs.REMOVED
    assert layer.queued() == 1
    assert layer.replay(demo_engine).applied == 1
    assert layer.replay(demo_engine).applied == 0
    layer.close()
    server = bound_of(demo_engine, oid, with_removed=True)[cannula.plan_id]
    assert next(b for b in server if b.id == cannula.id).reason == "离线：留置针在位"


def test_a_rule_matches_on_every_field_it_sets_and_the_lowest_priority_wins() -> None:
    from types import SimpleNamespace as R

    order = R(route_code="iv", category="drug", item_id=None, form="注射用粉针")
    rules = [R(route_code="iv", category=None, item_id=None, drug_form="注射用粉针", consumable_id="c5",
               priority=10, id="powder-5ml"),
             R(route_code="iv", category="drug", item_id=None, drug_form=None, consumable_id="c5",
               priority=100, id="iv-5ml"),
             R(route_code="im", category=None, item_id=None, drug_form=None, consumable_id="c2",
               priority=1, id="im-2ml"),
             R(route_code=None, category="drug", item_id=None, drug_form="片", consumable_id="c9",
               priority=1, id="tablets")]
    assert [r.id for r in cs.matching_rules(order, sorted(rules, key=lambda r: r.priority))] == ["powder-5ml"]
