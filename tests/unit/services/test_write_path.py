"""The write path: rollback unless committed, version conflicts, replay applied once, audit."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.services import commands as c
from app.services.audit import verify_all
from app.services.commands import from_payload, to_payload
from app.services.demo_ids import demo_id
from app.services.handlers import execute
from app.services.uow import UnitOfWork
from app.services.ward import ward_overview
from app.store.schema import allergy, applied_op, audit_rec, bed_move, encounter
from tests.unit.services.conftest import NOW

DOCTOR = demo_id("staff", "liming")
NURSE = demo_id("staff", "liufang")
HEAD_NURSE = demo_id("staff", "sunmin")
INTERN = demo_id("staff", "chenxiao")
PATIENT_7 = demo_id("patient", 7)
ENC_7 = demo_id("encounter", 7)


def _uow(engine: Engine) -> UnitOfWork:
    return UnitOfWork(engine, workstation="ws-5", now=NOW)


def _allergy(op_id: str = "", allergy_id: str = "", actor: str = DOCTOR) -> c.RecordAllergy:
    return c.RecordAllergy(op_id=op_id or new_id(), actor_id=actor, device_time=NOW,
                           patient_id=PATIENT_7, allergy_id=allergy_id or new_id(),
                           substance="青霉素", reaction="皮疹", severity="moderate")


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def _card(engine: Engine, bed_no: str) -> object:
    with engine.connect() as conn:
        return next(x for x in ward_overview(conn, demo_id("ward"), now=NOW) if x.bed_no == bed_no)


def test_without_commit_nothing_is_kept(demo_engine: Engine) -> None:
    before = (_count(demo_engine, allergy), _count(demo_engine, audit_rec))
    with _uow(demo_engine) as uow:
        execute(uow, _allergy())
    with pytest.raises(RuntimeError), _uow(demo_engine) as uow:
        execute(uow, _allergy())
        raise RuntimeError("crash before commit")
    assert (_count(demo_engine, allergy), _count(demo_engine, audit_rec)) == before
    assert _card(demo_engine, "7").allergies == ()   # type: ignore[attr-defined]


def test_committed_allergy_shows_on_the_card_and_is_audited(demo_engine: Engine) -> None:
    with _uow(demo_engine) as uow:
        changes = execute(uow, _allergy())
        uow.commit()
    assert changes.touches("allergy") and changes.patient_ids == {PATIENT_7}
    assert _card(demo_engine, "7").allergies == ("青霉素",)  # type: ignore[attr-defined]
    with demo_engine.connect() as conn:
        last = conn.execute(select(audit_rec).where(audit_rec.c.chain_id == "ws-5")
                            .order_by(audit_rec.c.chain_seq.desc())).mappings().first()
        assert last is not None and last["action"] == "create" and last["after_data"]["substance"] == "青霉素"
        assert all(r.intact for r in verify_all(conn))


def test_replayed_op_id_is_applied_once_and_returns_the_same_changes(demo_engine: Engine) -> None:
    cmd = _allergy()
    with _uow(demo_engine) as uow:
        first = execute(uow, cmd)
        uow.commit()
    replay = from_payload(to_payload(cmd))     # as the offline outbox would send it again
    assert replay == cmd
    with _uow(demo_engine) as uow:
        second = execute(uow, replay)
        uow.commit()
    assert second.replayed and not first.replayed
    assert second.ids == first.ids and second.patient_ids == first.patient_ids
    with demo_engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(allergy)
                         .where(allergy.c.patient_id == PATIENT_7)).scalar_one()
        ops = conn.execute(select(func.count()).select_from(applied_op)
                           .where(applied_op.c.op_id == cmd.op_id)).scalar_one()
    assert (n, ops) == (1, 1)


def test_stale_version_is_a_conflict_with_both_versions(demo_engine: Engine) -> None:
    grade = c.SetNursingGrade(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                              encounter_id=ENC_7, base_version=1, nursing_grade=1)
    with _uow(demo_engine) as uow:
        execute(uow, grade)
        uow.commit()
    # A second workstation still showing version 1 tries to mark the patient 病重.
    late = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=NOW + timedelta(minutes=1),
                       encounter_id=ENC_7, base_version=1, acuity="serious")
    with pytest.raises(ConflictError) as err, _uow(demo_engine) as uow:
        execute(uow, late)
    assert err.value.params["base_version"] == 1 and err.value.params["current_version"] == 2
    assert err.value.params["current"]["nursing_grade"] == 1
    card = _card(demo_engine, "7")
    assert (card.nursing_grade, card.acuity) == (1, "stable")   # type: ignore[attr-defined]


def test_move_bed_and_occupied_bed(demo_engine: Engine) -> None:
    move = c.MoveBed(op_id=new_id(), actor_id=HEAD_NURSE, device_time=NOW, encounter_id=ENC_7,
                     base_version=1, to_bed_id=demo_id("bed", 4), move_id=new_id(), reason="换床")
    with _uow(demo_engine) as uow:
        changes = execute(uow, move)
        uow.commit()
    assert changes.ids_of("bed") == {demo_id("bed", 7), demo_id("bed", 4)}
    assert _card(demo_engine, "4").name == "吴淑珍"   # type: ignore[attr-defined]
    assert not _card(demo_engine, "7").occupied       # type: ignore[attr-defined]
    assert _count(demo_engine, bed_move) == 1
    onto_taken = c.MoveBed(op_id=new_id(), actor_id=HEAD_NURSE, device_time=NOW,
                           encounter_id=ENC_7, base_version=2, to_bed_id=demo_id("bed", 8),
                           move_id=new_id())
    with pytest.raises(ConflictError, match=r"bed\.occupied"), _uow(demo_engine) as uow:
        execute(uow, onto_taken)


def test_permissions_are_checked_from_the_database(demo_engine: Engine) -> None:
    intern_grade = c.SetAcuity(op_id=new_id(), actor_id=INTERN, device_time=NOW,
                               encounter_id=ENC_7, base_version=1, acuity="critical")
    with pytest.raises(PermissionDenied), _uow(demo_engine) as uow:
        execute(uow, intern_grade)
    nurse_move = c.MoveBed(op_id=new_id(), actor_id=NURSE, device_time=NOW, encounter_id=ENC_7,
                           base_version=1, to_bed_id=demo_id("bed", 4), move_id=new_id())
    with pytest.raises(PermissionDenied), _uow(demo_engine) as uow:
        execute(uow, nurse_move)
    with demo_engine.connect() as conn:
        version = conn.execute(select(encounter.c.version).where(encounter.c.id == ENC_7)).scalar()
    assert version == 1


def test_bad_input_is_a_validation_error(demo_engine: Engine) -> None:
    bad = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=NOW, encounter_id=ENC_7,
                      base_version=1, acuity="dying")
    with pytest.raises(ValidationError), _uow(demo_engine) as uow:
        execute(uow, bad)
    with _uow(demo_engine) as uow:
        execute(uow, _allergy())
        with pytest.raises(ValidationError, match=r"allergy\.duplicate"):
            execute(uow, _allergy())


def test_refused_and_conflicting_ops_leave_a_record(demo_engine: Engine) -> None:
    from app.services.write import run_command
    from app.store.schema import audit_rec

    first = c.SetNursingGrade(op_id=new_id(), actor_id=DOCTOR, device_time=NOW,
                              encounter_id=ENC_7, base_version=1, nursing_grade=1)
    run_command(demo_engine, "ws-5", first)
    stale = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=NOW, encounter_id=ENC_7,
                        base_version=1, acuity="serious")
    denied = c.SetAcuity(op_id=new_id(), actor_id=INTERN, device_time=NOW, encounter_id=ENC_7,
                         base_version=2, acuity="critical")
    bad = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=NOW, encounter_id=ENC_7,
                      base_version=2, acuity="dying")
    for cmd, error in ((stale, ConflictError), (denied, PermissionDenied), (bad, ValidationError)):
        with pytest.raises(error):
            run_command(demo_engine, "ws-5", cmd)
    with demo_engine.connect() as conn:
        rows = {r.op_id: r for r in conn.execute(select(applied_op))}
        refusals = conn.execute(select(audit_rec.c.action, audit_rec.c.entity_id)
                                .where(audit_rec.c.entity == "op")).all()
    assert (rows[first.op_id].outcome, rows[first.op_id].reason) == ("applied", None)
    assert (rows[stale.op_id].outcome, rows[stale.op_id].reason) == ("conflict", "conflict.stale")
    assert (rows[denied.op_id].outcome, rows[denied.op_id].reason) == ("rejected", "perm.denied")
    assert rows[bad.op_id].reason == "encounter.bad_acuity"
    from app.clock import utcnow

    for r in rows.values():   # the server's clock beside the device's (the test's PC is in 2024)
        assert r.device_time == NOW and abs((r.received_at - utcnow()).total_seconds()) < 120
    assert sorted(refusals) == sorted([("conflict", stale.op_id), ("rejected", denied.op_id),
                                       ("rejected", bad.op_id)])
    # The same op sent again (an outbox replay) is answered from its record, not re-run.
    with pytest.raises(ConflictError, match=r"op\.not_applied"):
        run_command(demo_engine, "ws-5", stale)
