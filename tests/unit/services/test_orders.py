"""Doctor orders through the one write path, on the seeded demo ward (real SQLite): drafts, a
grouped infusion, signing with the checker in the loop, rights, 皮试, antibiotic approval, the
whole lifecycle, conflicts and bad input. tests/integration/test_orders_pg.py runs the core of
it on PostgreSQL."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any, Optional

import pytest
from sqlalchemy import func, select

from app.domain import orders as od
from app.errors import ConflictError, NeedsAcknowledgement, PermissionDenied, ValidationError
from app.ids import new_id
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.order_signing import review
from app.services.orders import chart_orders, order_history, sheet_lines
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import med_order, order_event, order_group, order_override
from tests.unit.services.conftest import NOW

DOCTOR = demo_id("staff", "liming")          # 主治, abx grade 2, may prescribe narcotics
JUNIOR = demo_id("staff", "zhangwei")        # 住院医师, abx grade 1, no narcotic right
CHIEF = demo_id("staff", "wangjg")           # 主任, abx grade 3
INTERN = demo_id("staff", "chenxiao")
NURSE = demo_id("staff", "liufang")
ENC_7, ENC_5 = demo_id("encounter", 7), demo_id("encounter", 5)   # bed 5: penicillin anaphylaxis
WS = "pc-doc"


def fields(content: str, drug: Optional[str], dose: Optional[str], unit: Optional[str],
           route: Optional[str], freq: Optional[str], term: str = "long", category: str = "drug",
           **extra: Any) -> oc.OrderFields:
    return oc.OrderFields(term=term, category=category, content=content, drug_code=drug,
                          dose=None if dose is None else Decimal(dose), dose_unit=unit,
                          route_code=route, freq_code=freq, start_at=NOW, **extra)


def draft(db: Database, enc: str, f: oc.OrderFields, actor: str = DOCTOR) -> str:
    oid = new_id()
    run_command(db, WS, oc.SaveDraft(op_id=new_id(), actor_id=actor, device_time=NOW,
                                     encounter_id=enc, order_id=oid, base_version=0, fields=f))
    return oid


def version(db: Database, oid: str) -> int:
    with db.connect() as conn:
        return int(conn.execute(select(med_order.c.version).where(med_order.c.id == oid)).scalar_one())


def status(db: Database, oid: str) -> str:
    with db.connect() as conn:
        return str(conn.execute(select(med_order.c.status).where(med_order.c.id == oid)).scalar_one())


def sign(db: Database, enc: str, ids: list[str], actor: str = DOCTOR,
         overrides: tuple[oc.OverrideReason, ...] = ()) -> Any:
    return run_command(db, WS, oc.SignOrders(
        op_id=new_id(), actor_id=actor, device_time=NOW, encounter_id=enc, order_ids=tuple(ids),
        base_versions=tuple(version(db, i) for i in ids), overrides=overrides))


def act(db: Database, cls: type[oc.OrderAction], oid: str, actor: str, **kw: Any) -> Any:
    return run_command(db, WS, cls(op_id=new_id(), actor_id=actor, device_time=NOW, order_id=oid,
                                   base_version=version(db, oid), **kw))


SALINE = fields("0.9%氯化钠注射液 250ml", "B05XA03.02", "250", "ml", "ivgtt", "qd", rate="40 gtt/min")
CEFTRIAXONE = fields("注射用头孢曲松钠 2g", "J01DD04.02", "2", "g", "ivgtt", "qd")


def test_a_grouped_infusion_is_drafted_signed_verified_stopped_as_one(demo_engine: Database) -> None:
    a, b = draft(demo_engine, ENC_7, SALINE), draft(demo_engine, ENC_7, CEFTRIAXONE)
    group = new_id()
    run_command(demo_engine, WS, oc.GroupDrafts(
        op_id=new_id(), actor_id=DOCTOR, device_time=NOW, encounter_id=ENC_7, group_id=group,
        order_ids=(a, b), base_versions=(version(demo_engine, a), version(demo_engine, b))))
    with demo_engine.connect() as conn:
        rows = [r for r in chart_orders(conn, ENC_7) if r.group_id == group]
    assert [(r.id, r.group_mark, r.route_code, r.rate) for r in rows] == [
        (a, "┌", "ivgtt", "40 gtt/min"), (b, "└", "ivgtt", "40 gtt/min")]
    with pytest.raises(ValidationError, match=r"order\.group_partial"):
        sign(demo_engine, ENC_7, [a])
    changes = sign(demo_engine, ENC_7, [a, b])
    assert {a, b} <= {i for _, i in changes.ids}
    assert status(demo_engine, a) == status(demo_engine, b) == od.SUBMITTED
    act(demo_engine, oc.VerifyOrder, b, NURSE)                       # through any member
    assert status(demo_engine, a) == status(demo_engine, b) == od.ACTIVE
    act(demo_engine, oc.StopOrder, a, DOCTOR, stop_at=NOW + timedelta(days=3))
    act(demo_engine, oc.ConfirmStop, a, NURSE)
    assert status(demo_engine, a) == status(demo_engine, b) == od.STOPPED
    with demo_engine.connect() as conn:
        events = [(e.from_status, e.to_status) for e in order_history(conn, b)]
        group_row = conn.execute(select(order_group).where(order_group.c.id == group)).mappings().one()
        lines = sheet_lines(chart_orders(conn, ENC_7), "long")
    assert events == [(None, "draft"), ("draft", "submitted"), ("submitted", "active"),
                      ("active", "stop_pending"), ("stop_pending", "stopped")]
    assert group_row["status"] == od.STOPPED and group_row["stop_at"] == NOW + timedelta(days=3)
    line = next(x for x in lines if "头孢曲松" in x.content)
    assert line.content.startswith("└") and line.stop == NOW + timedelta(days=3)
    assert line.doctor == "李明" and line.nurse == "刘芳" and line.stop_nurse == "刘芳"


def test_a_high_alert_needs_a_written_reason_which_is_kept(demo_engine: Database) -> None:
    penicillin = draft(demo_engine, ENC_5, fields("注射用青霉素钠 480万U", "J01CE01.03", "480",
                                                  "万U", "ivgtt", "bid"))
    with demo_engine.connect() as conn:
        shown = review(conn, ENC_5, (penicillin,), NOW)
    high = [a for a in shown if a.severity == "high"]
    assert any(a.category == "allergy" for a in high)
    with pytest.raises(NeedsAcknowledgement) as err:
        sign(demo_engine, ENC_5, [penicillin])
    assert {a["category"] for a in err.value.params["alerts"]} == {a.category for a in high}
    assert status(demo_engine, penicillin) == od.DRAFT                    # nothing signed
    reasons = tuple(oc.OverrideReason(penicillin, a.category, a.related, "other", "过敏史核实为误记")
                    for a in high)
    sign(demo_engine, ENC_5, [penicillin], overrides=reasons)
    assert status(demo_engine, penicillin) == od.SUBMITTED
    with demo_engine.connect() as conn:
        kept = conn.execute(select(order_override.c.category, order_override.c.reason)
                            .where(order_override.c.order_id == penicillin)).all()
        tests = [r for r in chart_orders(conn, ENC_5) if r.content == "青霉素皮试"]
    assert sorted(c for c, _ in kept) == sorted(a.category for a in high)
    assert all("过敏史核实为误记" in r for _, r in kept)
    assert len(tests) == 1 and tests[0].route_code == "id" and tests[0].status == od.SUBMITTED


def test_rights_decide_who_signs(demo_engine: Database) -> None:
    morphine = draft(demo_engine, ENC_7, fields("盐酸吗啡注射液 5mg", "N02AA01.01", "5", "mg", "ih",
                                                "once", term="temp"), actor=INTERN)
    with pytest.raises(PermissionDenied):
        sign(demo_engine, ENC_7, [morphine], actor=INTERN)                # an intern drafts only
    with pytest.raises(PermissionDenied, match=r"order\.no_narcotic_right"):
        sign(demo_engine, ENC_7, [morphine], actor=JUNIOR)
    sign(demo_engine, ENC_7, [morphine], actor=DOCTOR)
    meropenem = draft(demo_engine, ENC_7, fields("注射用美罗培南 1g", "J01DH02.02", "1", "g", "ivgtt", "q8h"))
    sign(demo_engine, ENC_7, [meropenem], actor=DOCTOR)                   # grade 3 drug, grade 2 doctor
    assert status(demo_engine, meropenem) == od.AWAITING_APPROVAL
    approve = oc.ApproveOrders(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                               order_ids=(meropenem,), base_versions=(version(demo_engine, meropenem),))
    with pytest.raises(PermissionDenied, match=r"order\.abx_grade_too_low"):
        run_command(demo_engine, WS, approve)
    run_command(demo_engine, WS, oc.ApproveOrders(
        op_id=new_id(), actor_id=CHIEF, device_time=NOW, order_ids=(meropenem,),
        base_versions=(version(demo_engine, meropenem),)))
    assert status(demo_engine, meropenem) == od.SUBMITTED


def test_withdraw_return_resign_and_void(demo_engine: Database) -> None:
    oid = draft(demo_engine, ENC_7, CEFTRIAXONE)
    sign(demo_engine, ENC_7, [oid])
    with pytest.raises(PermissionDenied):
        act(demo_engine, oc.WithdrawOrder, oid, CHIEF)                  # only the signer withdraws
    act(demo_engine, oc.WithdrawOrder, oid, DOCTOR)
    assert status(demo_engine, oid) == od.DRAFT
    sign(demo_engine, ENC_7, [oid])
    with pytest.raises(ValidationError, match=r"order\.reason_required"):
        act(demo_engine, oc.ReturnOrder, oid, NURSE)
    act(demo_engine, oc.ReturnOrder, oid, NURSE, reason="剂量请核实")
    with demo_engine.connect() as conn:
        row = next(r for r in chart_orders(conn, ENC_7) if r.id == oid)
    assert (row.status, row.return_reason, row.editable) == (od.RETURNED, "剂量请核实", True)
    changed = fields("注射用头孢曲松钠 1g", "J01DD04.01", "1", "g", "ivgtt", "qd")
    run_command(demo_engine, WS, oc.SaveDraft(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                              encounter_id=ENC_7, order_id=oid,
                                              base_version=version(demo_engine, oid), fields=changed))
    sign(demo_engine, ENC_7, [oid])
    with pytest.raises(ValidationError, match=r"order\.signed_is_frozen"):
        run_command(demo_engine, WS, oc.SaveDraft(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                                  encounter_id=ENC_7, order_id=oid,
                                                  base_version=version(demo_engine, oid), fields=changed))
    act(demo_engine, oc.VoidOrder, oid, DOCTOR, reason="重复开立")
    with demo_engine.connect() as conn:
        line = next(x for x in sheet_lines(chart_orders(conn, ENC_7), "long") if "1g" in x.content)
    assert status(demo_engine, oid) == od.VOIDED and line.cancelled


def test_two_users_changing_one_order_the_second_sees_a_conflict(demo_engine: Database) -> None:
    oid = draft(demo_engine, ENC_7, CEFTRIAXONE)
    sign(demo_engine, ENC_7, [oid])
    seen = version(demo_engine, oid)                        # both screens show this version
    run_command(demo_engine, WS, oc.VerifyOrder(op_id=new_id(), actor_id=NURSE, device_time=NOW,
                                                order_id=oid, base_version=seen))
    with pytest.raises(ConflictError) as err:
        run_command(demo_engine, WS, oc.WithdrawOrder(op_id=new_id(), actor_id=DOCTOR,
                                                      device_time=NOW, order_id=oid, base_version=seen))
    assert err.value.params["current"]["status"] == od.ACTIVE
    assert status(demo_engine, oid) == od.ACTIVE


@pytest.mark.parametrize("bad, field, message", [
    (dict(dose=Decimal("0")), "dose", "order.dose_impossible"),
    (dict(dose=None), "dose", "order.dose_required"),
    (dict(dose_unit="斤"), "dose_unit", "order.unit_unknown"),
    (dict(dose_unit="ml"), "dose_unit", "order.unit_unknown"),          # a powder dosed in g
    (dict(route_code="po"), "route_code", "order.route_for_form"),       # an injection by mouth
    (dict(route_code="xx"), "route_code", "order.route_unknown"),
    (dict(stop_at=NOW - timedelta(hours=1)), "stop_at", "order.stop_before_start"),
    (dict(freq_code=None), "freq_code", "order.freq_required"),
])
def test_bad_input_is_named_at_its_field_and_nothing_is_saved(demo_engine: Database, bad: dict[str, Any],
                                                              field: str, message: str) -> None:
    import dataclasses

    def counts() -> tuple[int, int]:
        with demo_engine.connect() as conn:
            return (conn.execute(select(func.count()).select_from(med_order)).scalar_one(),
                    conn.execute(select(func.count()).select_from(order_event)).scalar_one())

    before = counts()
    with pytest.raises(ValidationError) as err:
        draft(demo_engine, ENC_7, dataclasses.replace(CEFTRIAXONE, **bad))
    assert (err.value.message_id, err.value.params["field"]) == (message, field)
    assert counts() == before


def test_a_red_line_stops_every_long_order_above_it(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        live_long = [r.id for r in chart_orders(conn, ENC_7, term="long", show="active")
                     if r.status in (od.ACTIVE, od.VERIFIED, od.SUBMITTED)]
    assert live_long
    line = draft(demo_engine, ENC_7, fields("术后医嘱", None, None, None, None, None, term="temp",
                                            category="line", line_kind="postop"))
    sign(demo_engine, ENC_7, [line])
    assert {status(demo_engine, oid) for oid in live_long} == {od.STOP_PENDING}
    with demo_engine.connect() as conn:
        red = [x for x in sheet_lines(chart_orders(conn, ENC_7), "temp") if x.red]
    assert [x.content for x in red] == ["术后医嘱"]


def test_every_draft_error_the_domain_reports_has_a_message_id() -> None:
    import ast
    from pathlib import Path

    from app.services import order_handlers
    from app.services.order_handlers import DRAFT_ERRORS

    source = "\n".join(Path(m.__file__).read_text(encoding="utf-8") for m in (od, order_handlers))
    reported = {n.args[1].value for n in ast.walk(ast.parse(source))
                if isinstance(n, ast.Call)
                and (getattr(n.func, "id", "") or getattr(n.func, "attr", "")) == "FieldError"
                and isinstance(n.args[1], ast.Constant)}
    assert reported == set(DRAFT_ERRORS)


def test_an_order_set_is_saved_then_applied_with_items_unticked(demo_engine: Database) -> None:
    from app.services.order_sets import ApplyOrderSet, SaveOrderSet, order_sets

    a, b = t_draft_group(demo_engine)
    c = draft(demo_engine, ENC_7, fields("氯化钾缓释片 1g", "B05XA01.03", "1", "g", "po", "tid"))
    set_id = new_id()
    run_command(demo_engine, WS, SaveOrderSet(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                              set_id=set_id, name="肺炎抗感染", scope="personal",
                                              order_ids=(a, b, c)))
    with demo_engine.connect() as conn:
        mine = [s for s in order_sets(conn, DOCTOR) if s.id == set_id]
        theirs = [s for s in order_sets(conn, CHIEF) if s.id == set_id]
    assert theirs == [] and len(mine) == 1 and mine[0].scope == "personal"
    items = mine[0].items
    assert [i.content for i in items][:2] == ["0.9%氯化钠注射液 250ml", "注射用头孢曲松钠 2g"]
    ticked = (items[0].id, items[1].id)                 # the potassium is unticked
    new_ids = (new_id(), new_id())
    run_command(demo_engine, WS, ApplyOrderSet(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                               encounter_id=ENC_5, set_id=set_id, item_ids=ticked,
                                               order_ids=new_ids))
    with demo_engine.connect() as conn:
        applied = [r for r in chart_orders(conn, ENC_5) if r.id in new_ids]
        alerts = review(conn, ENC_5, new_ids, NOW)
    assert {r.status for r in applied} == {od.DRAFT} and len({r.group_id for r in applied}) == 1
    assert [r.group_mark for r in applied] == ["┌", "└"]
    # The set's drafts are checked like any: bed 5's penicillin anaphylaxis meets the cephalosporin.
    assert any(x.category == "allergy" and x.order_id == applied[1].id for x in alerts), alerts


def t_draft_group(db: Database) -> tuple[str, str]:
    a, b = draft(db, ENC_7, SALINE), draft(db, ENC_7, CEFTRIAXONE)
    run_command(db, WS, oc.GroupDrafts(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                       encounter_id=ENC_7, group_id=new_id(), order_ids=(a, b),
                                       base_versions=(version(db, a), version(db, b))))
    return a, b


def test_the_demo_ward_has_orders_in_every_state_with_their_history(demo_engine: Database) -> None:
    from app.services.order_sets import order_sets

    with demo_engine.connect() as conn:
        statuses = set(conn.execute(select(med_order.c.status)).scalars())
        returned = conn.execute(select(med_order.c.id).where(med_order.c.status == od.RETURNED)).scalar()
        history = order_history(conn, str(returned))
        overrides = conn.execute(select(func.count()).select_from(order_override)).scalar_one()
        sets = {s.scope for s in order_sets(conn, DOCTOR)}
        groups = conn.execute(select(func.count()).select_from(order_group)).scalar_one()
    assert {od.DRAFT, od.SUBMITTED, od.AWAITING_APPROVAL, od.VERIFIED, od.ACTIVE, od.EXECUTED,
            od.STOP_PENDING, od.STOPPED, od.VOIDED, od.RETURNED} <= statuses
    assert [e.to_status for e in history] == ["draft", "submitted", "returned"]
    assert history[-1].reason and history[-1].staff_name
    assert overrides >= 1 and groups >= 1 and sets == {"personal", "dept", "hospital"}


def test_every_stored_value_fits_its_column() -> None:
    """SQLite does not enforce VARCHAR widths; PostgreSQL, DM and Oracle refuse what is longer."""
    assert max(map(len, od.STATUSES)) <= med_order.c.status.type.length  # type: ignore[attr-defined]
    assert max(map(len, od.STATUSES)) <= order_group.c.status.type.length  # type: ignore[attr-defined]
    assert max(map(len, od.CATEGORIES)) <= med_order.c.category.type.length  # type: ignore[attr-defined]
    assert max(map(len, od.USE_KINDS)) <= med_order.c.use_kind.type.length  # type: ignore[attr-defined]
    assert max(map(len, od.TERMS)) <= med_order.c.term.type.length  # type: ignore[attr-defined]


def test_the_approver_sees_what_waits_for_his_grade(demo_engine: Database) -> None:
    from app.services.orders import pending_approvals

    meropenem = draft(demo_engine, ENC_7, fields("注射用美罗培南 1g", "J01DH02.02", "1", "g", "ivgtt", "q8h"))
    sign(demo_engine, ENC_7, [meropenem], actor=DOCTOR)
    with demo_engine.connect() as conn:
        chief = [p.order_id for p in pending_approvals(conn, demo_id("ward"), 3)]
        attending = [p.order_id for p in pending_approvals(conn, demo_id("ward"), 2)]
    assert meropenem in chief and meropenem not in attending


def test_a_red_line_keeps_its_kind(demo_engine: Database) -> None:
    line = draft(demo_engine, ENC_7, fields("重整医嘱", None, None, None, None, None, term="temp",
                                            category="line", line_kind="reorganize"))
    with demo_engine.connect() as conn:
        row = next(r for r in chart_orders(conn, ENC_7) if r.id == line)
    assert (row.category, row.line_kind) == ("line", "reorganize")


def test_a_missing_skin_test_is_met_by_the_test_ordered_with_the_drug(demo_engine: Database) -> None:
    """No skin test on record: the checker's high alert (a missing precondition) becomes a warning
    because signing orders the 皮试 with the drug (and the nurse cannot give it before a negative
    result); a positive result on record stays a high alert that needs a reason."""
    from sqlalchemy import insert

    from app.store.schema import encounter, skin_test

    penicillin = fields("注射用青霉素钠 480万U", "J01CE01.03", "480", "万U", "ivgtt", "bid")
    first = draft(demo_engine, ENC_7, penicillin)
    with demo_engine.connect() as conn:
        shown = review(conn, ENC_7, (first,), NOW)
    skin = [a for a in shown if a.category == "skin_test"]
    assert skin and all(a.severity == "moderate" for a in skin)
    assert not [a for a in shown if a.severity == "high"]
    sign(demo_engine, ENC_7, [first])                                     # no reason asked
    with demo_engine.connect() as conn:
        tests = [r for r in chart_orders(conn, ENC_7) if r.content == "青霉素皮试"]
        patient_id = conn.execute(select(encounter.c.patient_id).where(encounter.c.id == ENC_7)).scalar_one()
    assert status(demo_engine, first) == od.SUBMITTED and len(tests) == 1
    with demo_engine.begin() as conn:
        conn.execute(insert(skin_test).values(
            id=new_id(), patient_id=patient_id, encounter_id=ENC_7, substance="青霉素", result="positive",
            tested_at=NOW - timedelta(hours=1), read_at=NOW - timedelta(minutes=40), tested_by=NURSE,
            version=1, created_at=NOW, updated_at=NOW))
    second = draft(demo_engine, ENC_7, penicillin)
    with demo_engine.connect() as conn:
        shown = review(conn, ENC_7, (second,), NOW)
    assert any(a.category == "skin_test" and a.severity == "high" for a in shown)
    with pytest.raises(NeedsAcknowledgement):
        sign(demo_engine, ENC_7, [second])
