"""Execution lists and execution facts on the seeded demo ward (real SQLite): the day's items by
sheet with the group's drugs, overdue items, facts recorded and corrected (never edited), a second
record of the same item kept as a duplicate, every refusal with nothing written, and 皮试 gating
the drug until a negative result (a positive one is an allergy and blocks it)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Optional

import pytest
from sqlalchemy import func, insert, select

from app.errors import ValidationError
from app.ids import new_id
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.execution import RecordExecution, VoidExecution, execution_day
from app.services.plan_cmds import GeneratePlans
from app.services.skin_tests import ReadSkinTest, StartSkinTest, skin_test_list
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import allergy, med_order, order_exec, order_exec_plan, patient
from tests.unit.services import test_orders as t
from tests.unit.services.conftest import NOW

NURSE, NURSE2, HEAD = demo_id("staff", "liufang"), demo_id("staff", "zhaoli"), demo_id("staff", "sunmin")
WARD = demo_id("ward")


def offset() -> int:
    return int(NOW.astimezone().utcoffset().total_seconds() // 60)  # type: ignore[union-attr]


def day() -> Any:
    return NOW.astimezone().date()


def generate(db: Database, ws: str = "pc-n") -> Any:
    return run_command(db, ws, GeneratePlans(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                             ward_id=WARD, day=day(), utc_offset_minutes=offset()))


def items(db: Database, now: datetime = NOW) -> list[Any]:
    with db.connect() as conn:
        return list(execution_day(conn, WARD, day(), offset(), now).items)


def mrn_of(db: Database, bed: int) -> str:
    with db.connect() as conn:
        return str(conn.execute(select(patient.c.mrn).where(patient.c.id == demo_id("patient", bed)))
                   .scalar_one())


def record(db: Database, item: Any, kind: str = "done", actor: str = NURSE, at: Optional[datetime] = None,
           mrn: Optional[str] = None, ws: str = "pc-n", **kw: Any) -> Any:
    return run_command(db, ws, RecordExecution(
        op_id=new_id(), actor_id=actor, device_time=NOW, fact_id=new_id(), plan_id=item.plan_id,
        kind=kind, at=at or NOW, patient_mrn=mrn if mrn is not None else item.mrn, **kw))


def facts(db: Database) -> int:
    with db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(order_exec)
                                .where(order_exec.c.plan_id.is_not(None))).scalar_one())


def verified_order(db: Database, f: oc.OrderFields, enc: str = t.ENC_7) -> str:
    oid = t.draft(db, enc, f)
    t.sign(db, enc, [oid])
    t.act(db, oc.VerifyOrder, oid, NURSE)
    return oid


def test_the_days_lists_by_sheet_with_the_groups_drugs_and_overdue_items(demo_engine: Database) -> None:
    made = generate(demo_engine)
    assert made.ids and not generate(demo_engine).ids                    # once per dose time
    day_items = items(demo_engine)
    sheets = {i.sheet for i in day_items}
    assert {"infusion", "oral"} <= sheets
    groups = [i for i in day_items if len(i.drugs) > 1]
    assert groups and all(i.sheet == "infusion" and len(i.plan_ids) == len(i.drugs) for i in groups)
    assert all(i.mrn and i.patient_name for i in day_items)
    early = [i for i in day_items if i.planned_at < NOW - timedelta(minutes=30)]
    assert all(i.overdue == (i.state == "planned") for i in early)
    assert any(i.state == "done" for i in early)                      # the demo's morning doses
    assert any(i.overdue for i in early)                              # ... and the ones missed
    assert not any(i.overdue for i in day_items if i.planned_at > NOW)


def test_an_execution_is_a_fact_and_a_correction_voids_it(demo_engine: Database) -> None:
    generate(demo_engine)
    item = next(i for i in items(demo_engine) if i.sheet == "oral" and not i.second_needed
                and i.state == "planned" and not i.blocked)
    record(demo_engine, item)
    shown = next(i for i in items(demo_engine) if i.plan_id == item.plan_id)
    assert shown.state == "done" and not shown.overdue and shown.facts[0].nurse_name
    fact = shown.facts[0]
    run_command(demo_engine, "pc-n", VoidExecution(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                                   fact_id=new_id(), voids_id=fact.id, reason="记错患者"))
    with pytest.raises(ValidationError) as err:
        run_command(demo_engine, "pc-n", VoidExecution(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                                       fact_id=new_id(), voids_id=fact.id, reason="再次"))
    assert err.value.message_id == "exec.already_voided"
    again = next(i for i in items(demo_engine) if i.plan_id == item.plan_id)
    assert again.state == "planned" and len(again.facts) == 2         # both rows kept
    record(demo_engine, item, "not_done", reason_code="patient_refused")
    last = next(i for i in items(demo_engine) if i.plan_id == item.plan_id)
    assert last.state == "not_done" and not last.has_duplicate        # the correction is no duplicate


def test_a_second_record_of_the_same_item_is_kept_and_flagged(demo_engine: Database) -> None:
    generate(demo_engine)
    item = next(i for i in items(demo_engine) if i.sheet == "oral" and not i.second_needed
                and i.state == "planned" and not i.blocked)
    record(demo_engine, item, actor=NURSE, ws="pc-1")
    record(demo_engine, item, actor=NURSE2, ws="pc-2")
    shown = next(i for i in items(demo_engine) if i.plan_id == item.plan_id)
    assert len(shown.facts) == 2 and [f.duplicate for f in shown.facts] == [False, True]


@pytest.mark.parametrize(("change", "message_id"), [
    ({"mrn": "000"}, "exec.patient_mismatch"),
    ({"at": "future"}, "exec.time_in_future"),
    ({"at": "before"}, "exec.before_order_start"),
    ({"kind": "not_done"}, "exec.reason_required"),
    ({"kind": "finished"}, "exec.not_started"),
])
def test_bad_input_is_refused_with_nothing_written(demo_engine: Database, change: dict[str, Any],
                                                    message_id: str) -> None:
    generate(demo_engine)
    item = next(i for i in items(demo_engine) if i.sheet == "infusion" and not i.second_needed and i.state == "planned"  # noqa: E501
                and not i.blocked)
    before = facts(demo_engine)
    kw: dict[str, Any] = {}
    if "mrn" in change:
        kw["mrn"] = change["mrn"]
    if change.get("at") == "future":
        kw["at"] = datetime.now().astimezone() + timedelta(hours=1)
    if change.get("at") == "before":
        kw["at"] = NOW - timedelta(days=60)
    with pytest.raises(ValidationError) as err:
        record(demo_engine, item, change.get("kind", "done"), **kw)
    assert err.value.message_id == message_id and facts(demo_engine) == before


def test_high_alert_drugs_need_a_second_nurse_who_may_execute(demo_engine: Database) -> None:
    heparin = t.fields("肝素钠注射液 5000U", "B01AB01.01", "5000", "U", "ivvp", "q12h")
    oid = verified_order(demo_engine, heparin)
    generate(demo_engine)
    item = next(i for i in items(demo_engine) if i.order_id == oid)
    assert item.high_alert and item.second_needed and item.sheet == "infusion"
    at = item.planned_at
    before = facts(demo_engine)
    for second, message_id in ((None, "exec.second_nurse_required"), (NURSE, "exec.second_nurse_same"),
                               (t.DOCTOR, "exec.second_nurse_not_allowed")):
        with pytest.raises(ValidationError) as err:
            record(demo_engine, item, "started", at=max(at, NOW), second_nurse_id=second)
        assert err.value.message_id == message_id
    assert facts(demo_engine) == before
    record(demo_engine, item, "started", at=max(at, NOW), second_nurse_id=HEAD)
    record(demo_engine, item, "finished", at=max(at, NOW) + timedelta(minutes=1))
    assert next(i for i in items(demo_engine) if i.plan_id == item.plan_id).state == "finished"


def test_stopped_voided_and_unverified_orders_are_refused(demo_engine: Database) -> None:
    stopped = verified_order(demo_engine, t.fields("呋塞米片 20mg", "C03CA01.01", "20", "mg", "po", "tid"))
    voided = verified_order(demo_engine, t.fields("呋塞米片 20mg", "C03CA01.01", "20", "mg", "po", "bid"))
    generate(demo_engine)
    by_order = {i.order_id: i for i in items(demo_engine)}
    late = by_order[stopped]
    t.act(demo_engine, oc.StopOrder, stopped, t.DOCTOR, stop_at=NOW + timedelta(minutes=1))
    t.act(demo_engine, oc.ConfirmStop, stopped, NURSE)
    t.act(demo_engine, oc.VoidOrder, voided, t.DOCTOR, reason="开错")
    later = [i for i in [late] if i.planned_at > NOW]
    for item, message_id in [(by_order[voided], "exec.order_voided"),
                             *[(i, "exec.item_cancelled") for i in later]]:
        with pytest.raises(ValidationError) as err:
            record(demo_engine, item)
        assert err.value.message_id == message_id
    furosemide = t.fields("呋塞米片 20mg", "C03CA01.01", "20", "mg", "po", "qd")
    before = facts(demo_engine)
    unverified = t.draft(demo_engine, t.ENC_7, furosemide)
    t.sign(demo_engine, t.ENC_7, [unverified])
    plan_id = new_id()
    with demo_engine.begin() as conn:
        conn.execute(insert(order_exec_plan).values(id=plan_id, order_id=unverified, planned_at=NOW,
                                                    status="planned", created_at=NOW, version=1))
    with pytest.raises(ValidationError) as err:
        record(demo_engine, type("I", (), {"plan_id": plan_id, "mrn": mrn_of(demo_engine, 7)})())
    assert err.value.message_id == "exec.order_not_verified" and facts(demo_engine) == before


def _penicillin(db: Database) -> tuple[str, str]:
    """A penicillin for bed 7: signing adds its 皮试 order; the nurse verifies both."""
    pen = t.draft(db, t.ENC_7, t.fields("注射用青霉素钠 160万U", "J01CE01.02", "160", "万U", "ivgtt", "bid"))
    signed = t.sign(db, t.ENC_7, [pen])
    test_order = next(i for i in signed.ids_of("order") if i != pen)
    for oid in (pen, test_order):
        t.act(db, oc.VerifyOrder, oid, NURSE)
    return pen, test_order


def _place_and_read(db: Database, test_order: str, result: str) -> str:
    """Placed and read on the real clock: signing made the 皮试 order just now."""
    from app.clock import utcnow

    test_id, placed = new_id(), utcnow()
    run_command(db, "pc-n", StartSkinTest(op_id=new_id(), actor_id=NURSE, device_time=placed,
                                          test_id=test_id, order_id=test_order,
                                          base_version=t.version(db, test_order), batch_no="PS2406",
                                          at=placed))
    with db.connect() as conn:
        running = [i for i in skin_test_list(conn, WARD, placed) if i.test_id == test_id]
    assert running and running[0].kind == "running"
    assert running[0].read_due_at == running[0].tested_at + timedelta(minutes=20)
    for bad, message_id in (({"second_nurse_id": NURSE}, "exec.second_nurse_same"),
                            ({"at": placed - timedelta(minutes=1)}, "skin.read_before_test")):
        kw: dict[str, Any] = {"second_nurse_id": NURSE2, "at": utcnow(), **bad}
        with pytest.raises(ValidationError) as err:
            run_command(db, "pc-n", ReadSkinTest(op_id=new_id(), actor_id=NURSE, device_time=placed,
                                                 test_id=test_id, base_version=1, result=result,
                                                 allergy_id=new_id(), **kw))
        assert err.value.message_id == message_id
    run_command(db, "pc-n", ReadSkinTest(op_id=new_id(), actor_id=NURSE, device_time=placed, test_id=test_id,
                                         base_version=1, result=result, at=utcnow(),
                                         second_nurse_id=NURSE2, allergy_id=new_id()))
    return test_id


def test_a_drug_needing_a_skin_test_waits_for_a_negative_result(demo_engine: Database) -> None:
    pen, test_order = _penicillin(demo_engine)
    with demo_engine.connect() as conn:
        assert any(i.kind == "due" and i.order_id == test_order for i in skin_test_list(conn, WARD, NOW))
    generate(demo_engine)
    item = next(i for i in items(demo_engine) if i.order_id == pen and i.planned_at > NOW)
    assert item.blocked == "due"
    with pytest.raises(ValidationError) as err:
        record(demo_engine, item, at=NOW + timedelta(minutes=25))
    assert err.value.message_id == "exec.skin_test_pending"
    _place_and_read(demo_engine, test_order, "negative")
    assert next(i for i in items(demo_engine) if i.plan_id == item.plan_id).blocked is None
    record(demo_engine, item, at=NOW + timedelta(minutes=25))


def test_a_positive_skin_test_is_an_allergy_and_blocks_the_drug(demo_engine: Database) -> None:
    pen, test_order = _penicillin(demo_engine)
    _place_and_read(demo_engine, test_order, "positive")
    with demo_engine.connect() as conn:
        substances = set(conn.execute(select(allergy.c.substance).where(
            allergy.c.patient_id == demo_id("patient", 7)).where(allergy.c.source == "skin_test")).scalars())
        assert substances == {"青霉素"}
        status = conn.execute(select(med_order.c.status).where(med_order.c.id == test_order)).scalar()
        assert status == "executed"
    generate(demo_engine)
    item = next(i for i in items(demo_engine) if i.order_id == pen)
    assert item.blocked == "positive"
    with pytest.raises(ValidationError) as err:
        record(demo_engine, item, at=NOW + timedelta(minutes=30))
    assert err.value.message_id == "exec.skin_test_positive"
