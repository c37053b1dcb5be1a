"""A stay's diagnoses on the seeded demo ward (real SQLite): add from the ICD-10 dictionary,
revise (the old statement kept), remove entered in error, reorder with the main diagnosis first,
and what the header, the bed card and the documents then show.

The scenario functions take a Database so tests/integration/test_diagnoses_pg.py runs them on
the real PostgreSQL too.
"""
from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.domain import diagnoses as dg
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.services import diagnosis_cmds as dc
from app.services.demo_ids import demo_id
from app.services.doc_pull import chart_facts
from app.services.ward import patient_header, ward_overview
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec, diagnosis
from tests.unit.services.conftest import NOW

WS = "pc-dx"
ENC_7 = demo_id("encounter", 7)            # 吴淑珍, 急性肾盂肾炎 (admission + primary), team A
DOCTOR = demo_id("staff", "zhangwei")      # 住院医师
ATTENDING = demo_id("staff", "liming")
NURSE = demo_id("staff", "liufang")
INTERN = demo_id("staff", "chenxiao")


def add(db: Database, code: str, kind: str = dg.WORKING, *, name: str = "", actor: str = DOCTOR,
        at: Any = None, enc: str = ENC_7) -> str:
    dx_id = new_id()
    run_command(db, WS, dc.AddDiagnosis(op_id=new_id(), actor_id=actor, device_time=NOW,
                                        encounter_id=enc, diagnosis_id=dx_id, kind=kind,
                                        icd10_code=code, diagnosed_at=at or NOW, name=name), now=NOW)
    return dx_id


def listed(db: Database, enc: str = ENC_7) -> list[dc.DiagnosisRow]:
    with db.connect() as conn:
        return dc.encounter_diagnoses(conn, enc)


def names(db: Database, group: str, enc: str = ENC_7) -> list[str]:
    return [d.name for d in listed(db, enc) if d.group == group]


def header_text(db: Database, enc: str = ENC_7) -> str:
    with db.connect() as conn:
        return patient_header(conn, enc, now=NOW).diagnosis


def reorder(db: Database, group: str, ids: list[str], versions: list[int], actor: str = DOCTOR) -> None:
    run_command(db, WS, dc.ReorderDiagnoses(op_id=new_id(), actor_id=actor, device_time=NOW,
                                            encounter_id=ENC_7, kind=group, diagnosis_ids=tuple(ids),
                                            base_versions=tuple(versions)), now=NOW)


def refusal(db: Database, fn: Any) -> Any:
    with pytest.raises((ValidationError, PermissionDenied, ConflictError)) as err:
        fn()
    return err.value


# ---- scenarios (also on PostgreSQL) ----------------------------------------------------------

def scenario_add_reorder_and_the_header_follows(db: Database) -> None:
    assert header_text(db) == "急性肾盂肾炎"
    pneumonia = add(db, "j18.9", name="社区获得性肺炎（右下叶）")       # code typed in lower case
    rows = {d.id: d for d in listed(db)}
    assert rows[pneumonia].icd10_code == "J18.9" and rows[pneumonia].kind == dg.SECONDARY
    assert rows[pneumonia].dictionary_name == "未特指的肺炎"
    assert names(db, dg.WORKING) == ["急性肾盂肾炎", "社区获得性肺炎（右下叶）"]
    add(db, "I10", kind=dg.DISCHARGE)                                    # the dictionary's name
    assert names(db, dg.DISCHARGE) == ["特发性（原发性）高血压"]
    assert header_text(db) == "急性肾盂肾炎"
    working = [d for d in listed(db) if d.group == dg.WORKING]
    reorder(db, dg.WORKING, [working[1].id, working[0].id], [working[1].version, working[0].version])
    after = [d for d in listed(db) if d.group == dg.WORKING]
    assert [d.name for d in after] == ["社区获得性肺炎（右下叶）", "急性肾盂肾炎"]
    assert [d.kind for d in after] == [dg.PRIMARY, dg.SECONDARY] and [d.seq_no for d in after] == [1, 2]
    assert header_text(db) == "社区获得性肺炎（右下叶）"                  # the new main diagnosis
    with db.connect() as conn:
        card = next(c for c in ward_overview(conn, demo_id("ward"), now=NOW) if c.encounter_id == ENC_7)
        pulled = chart_facts(conn, ENC_7, ("diagnoses",), now=NOW).diagnoses
        audited = conn.execute(select(audit_rec.c.action).where(audit_rec.c.entity == "diagnosis")
                               .where(audit_rec.c.patient_id == demo_id("patient", 7))).scalars().all()
    assert card.diagnosis == "社区获得性肺炎（右下叶）"
    assert pulled[0][:2] == ("J18.9", "社区获得性肺炎（右下叶）")
    assert sorted(audited) == ["create", "create", "reorder"]


def scenario_revise_keeps_the_old_statement_and_remove_promotes_the_next(db: Database) -> None:
    second = add(db, "J18.9")
    old = next(d for d in listed(db) if d.id == second)
    new = new_id()
    run_command(db, WS, dc.ReviseDiagnosis(op_id=new_id(), actor_id=ATTENDING, device_time=NOW,
                                           diagnosis_id=second, base_version=old.version, new_id=new,
                                           icd10_code="J18.9", name="肺炎（左下叶）",
                                           diagnosed_at=NOW), now=NOW)
    with db.connect() as conn:
        kept = conn.execute(select(diagnosis.c.status, diagnosis.c.name)
                            .where(diagnosis.c.id == second)).one()
    assert tuple(kept) == ("revised", "未特指的肺炎")                      # still there, as it was
    revised = next(d for d in listed(db) if d.id == new)
    assert (revised.name, revised.seq_no, revised.kind, revised.diagnosed_by) == (
        "肺炎（左下叶）", old.seq_no, dg.SECONDARY, ATTENDING)
    # A demo code from before the dictionary (N10.x00) may keep its code when the name changes.
    main = next(d for d in listed(db) if d.kind == dg.PRIMARY)
    run_command(db, WS, dc.ReviseDiagnosis(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                           diagnosis_id=main.id, base_version=main.version,
                                           new_id=new_id(), icd10_code=main.icd10_code or "",
                                           name="急性肾盂肾炎（右侧）", diagnosed_at=NOW), now=NOW)
    assert header_text(db) == "急性肾盂肾炎（右侧）"
    main = next(d for d in listed(db) if d.kind == dg.PRIMARY)
    run_command(db, WS, dc.RemoveDiagnosis(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                                           diagnosis_id=main.id, base_version=main.version,
                                           reason="录入错误：非本患者"), now=NOW)
    working = [d for d in listed(db) if d.group == dg.WORKING]
    assert [(d.name, d.kind) for d in working] == [("肺炎（左下叶）", dg.PRIMARY)]
    assert header_text(db) == "肺炎（左下叶）"
    with db.connect() as conn:
        status = conn.execute(select(diagnosis.c.status).where(diagnosis.c.id == main.id)).scalar()
        reason = conn.execute(select(audit_rec.c.after_data).where(audit_rec.c.entity_id == main.id)
                              .where(audit_rec.c.action == "void")).scalar()
    assert status == "error" and "录入错误：非本患者" in str(reason)
    gone = refusal(db, lambda: run_command(db, WS, dc.RemoveDiagnosis(
        op_id=new_id(), actor_id=DOCTOR, device_time=NOW, diagnosis_id=main.id,
        base_version=main.version + 1, reason="再删一次"), now=NOW))
    assert gone.message_id == "diagnosis.not_active"


def scenario_bad_input_is_refused_at_its_field_and_nothing_is_written(db: Database) -> None:
    before = listed(db)
    cases = [
        (lambda: add(db, "X99.99"), "diagnosis.unknown_code", "icd10_code"),
        (lambda: add(db, ""), "diagnosis.code_required", "icd10_code"),
        (lambda: add(db, "J18.9", at=NOW + timedelta(hours=2)), "diagnosis.in_future", "diagnosed_at"),
        (lambda: add(db, "J18.9", at=NOW - timedelta(days=30)), "diagnosis.before_admission",
         "diagnosed_at"),
        (lambda: add(db, "J18.9", name="肺" * 121), "diagnosis.name_too_long", "name"),
        (lambda: add(db, "J18.9", kind="final"), "diagnosis.bad_kind", "kind"),
    ]
    for fn, message_id, field in cases:
        err = refusal(db, fn)
        assert isinstance(err, ValidationError), message_id
        assert (err.message_id, err.params.get("field")) == (message_id, field)
    main = next(d for d in listed(db) if d.kind == dg.PRIMARY)
    err = refusal(db, lambda: run_command(db, WS, dc.RemoveDiagnosis(
        op_id=new_id(), actor_id=DOCTOR, device_time=NOW, diagnosis_id=main.id,
        base_version=main.version, reason="  "), now=NOW))
    assert (err.message_id, err.params.get("field")) == ("diagnosis.reason_required", "reason")
    for actor in (NURSE, INTERN):                                        # doctors only
        err = refusal(db, lambda a=actor: add(db, "J18.9", actor=a))
        assert isinstance(err, PermissionDenied) and err.params["permission"] == "diagnosis.record"
    assert listed(db) == before


def scenario_concurrent_reorders_one_wins_the_other_conflicts(db: Database) -> None:
    add(db, "J18.9")
    add(db, "I10")
    working = [d for d in listed(db) if d.group == dg.WORKING]
    assert len(working) == 3
    ids, versions = [d.id for d in working], [d.version for d in working]
    orders = [[ids[1], ids[0], ids[2]], [ids[2], ids[0], ids[1]]]
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def go(order: list[str]) -> None:
        by_id = dict(zip(ids, versions))
        barrier.wait()
        try:
            reorder(db, dg.WORKING, order, [by_id[i] for i in order])
            outcomes.append("ok")
        except ConflictError as exc:
            outcomes.append(exc.message_id)

    threads = [threading.Thread(target=go, args=(o,)) for o in orders]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(outcomes) == ["conflict.stale", "ok"]
    shown = [d.id for d in listed(db) if d.group == dg.WORKING]
    assert shown in orders
    # The loser's stale versions are refused again; one added meanwhile is a changed list.
    err = refusal(db, lambda: reorder(db, dg.WORKING, ids, versions))
    assert err.message_id == "conflict.stale"
    add(db, "E11.9")
    fresh = [d for d in listed(db) if d.group == dg.WORKING]
    err = refusal(db, lambda: reorder(db, dg.WORKING, [d.id for d in fresh[:3]],
                                      [d.version for d in fresh[:3]]))
    assert err.message_id == "diagnosis.list_changed"


# ---- on SQLite -------------------------------------------------------------------------------

def test_add_reorder_and_the_header_follows(demo_engine: Database) -> None:
    scenario_add_reorder_and_the_header_follows(demo_engine)


def test_revise_keeps_the_old_statement_and_remove_promotes_the_next(demo_engine: Database) -> None:
    scenario_revise_keeps_the_old_statement_and_remove_promotes_the_next(demo_engine)


def test_bad_input_is_refused_at_its_field(demo_engine: Database) -> None:
    scenario_bad_input_is_refused_at_its_field_and_nothing_is_written(demo_engine)


def test_concurrent_reorders(demo_engine: Database) -> None:
    scenario_concurrent_reorders_one_wins_the_other_conflicts(demo_engine)


def test_a_replayed_add_is_applied_once(demo_engine: Database) -> None:
    cmd = dc.AddDiagnosis(op_id=new_id(), actor_id=DOCTOR, device_time=NOW, encounter_id=ENC_7,
                          diagnosis_id=new_id(), kind=dg.ADMISSION, icd10_code="J18.9",
                          diagnosed_at=NOW)
    first = run_command(demo_engine, WS, cmd, now=NOW)
    again = run_command(demo_engine, WS, cmd, now=NOW)
    assert first.touches("diagnosis") and again.replayed
    assert names(demo_engine, dg.ADMISSION) == ["急性肾盂肾炎", "未特指的肺炎"]


def test_the_same_code_and_name_twice_in_one_list_is_refused(demo_engine: Database) -> None:
    add(demo_engine, "J18.9")
    err = refusal(demo_engine, lambda: add(demo_engine, "J18.9"))
    assert (err.message_id, err.params.get("field")) == ("diagnosis.duplicate", "icd10_code")
    add(demo_engine, "J18.9", kind=dg.DISCHARGE)                          # another list: fine
