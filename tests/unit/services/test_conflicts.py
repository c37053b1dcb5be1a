"""离线冲突 on the seeded demo ward (real SQLite files): a PC changes a patient's 病情 through an
outage while a doctor changes it online; on replay the offline change is refused as a conflict and
listed with both versions; a licensed user keeps the server's version or submits the offline one
again on the current version, each with a reason and an audit record; a refused fact is listed
too; nobody resolves one twice, without a reason, or without the right."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.clock import utcnow
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.offline.outbox import Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services.conflicts import ResolveConflict, open_conflicts
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec, encounter

DOCTOR, CHIEF, NURSE = demo_id("staff", "liming"), demo_id("staff", "wangjg"), demo_id("staff", "liufang")
ENC_7, WARD = demo_id("encounter", 7), demo_id("ward")


def _version(db: Database) -> tuple[int, str]:
    with db.connect() as conn:
        row = conn.execute(select(encounter.c.version, encounter.c.acuity)
                           .where(encounter.c.id == ENC_7)).one()
    return int(row.version), str(row.acuity)


def _outage(db: Database, tmp_path: Path) -> c.SetAcuity:
    """PC A marks bed 7 病危 offline on the version it saw; meanwhile a doctor marks it 病重 online."""
    seen, _ = _version(db)
    offline = c.SetAcuity(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), encounter_id=ENC_7,
                          base_version=seen, acuity="critical")
    box = Outbox(tmp_path / "outbox.sqlite")
    box.enqueue(offline, patient_key=ENC_7)
    run_command(db, "pc-b", c.SetAcuity(op_id=new_id(), actor_id=CHIEF, device_time=utcnow(),
                                        encounter_id=ENC_7, base_version=seen, acuity="serious"))
    report = replay(box, db, "pc-a")
    assert report.conflicts == 1
    box.close()
    return offline


def resolve(db: Database, op_id: str, resolution: str, reason: str = "与主治医师核实后处理",
            actor: str = DOCTOR) -> None:
    run_command(db, "pc-c", ResolveConflict(op_id=new_id(), actor_id=actor, device_time=utcnow(),
                                            refused_op_id=op_id, resolution=resolution, reason=reason))


def test_a_conflict_is_listed_with_both_versions_and_kept_as_the_server_has_it(
        demo_engine: Database, tmp_path: Path) -> None:
    offline = _outage(demo_engine, tmp_path)
    with demo_engine.connect() as conn:
        items = open_conflicts(conn, WARD)
    assert [i.op_id for i in items] == [offline.op_id]
    item = items[0]
    assert item.kind == "conflict" and item.reason == "conflict.stale" and item.bed_no == "7"
    assert dict(item.mine)["acuity"] == "critical" and dict(item.theirs)["acuity"] == "serious"
    assert item.actor_name == "李明" and item.can_reapply
    resolve(demo_engine, offline.op_id, "discard")
    assert _version(demo_engine)[1] == "serious"
    with demo_engine.connect() as conn:
        assert open_conflicts(conn, WARD) == []
        audit = conn.execute(select(audit_rec.c.after_data)
                             .where(audit_rec.c.action == "resolve")).scalar_one()
    assert audit["resolution"] == "discard" and audit["reason"] == "与主治医师核实后处理"
    with pytest.raises(ConflictError) as twice:
        resolve(demo_engine, offline.op_id, "discard")
    assert twice.value.message_id == "conflicts.already_resolved"


def test_the_offline_change_submitted_again_on_the_current_version(
        demo_engine: Database, tmp_path: Path) -> None:
    offline = _outage(demo_engine, tmp_path)
    before, _ = _version(demo_engine)
    with pytest.raises(ValidationError):
        resolve(demo_engine, offline.op_id, "reapply", reason=" ")
    with pytest.raises(PermissionDenied):                  # a nurse may not set 病危
        resolve(demo_engine, offline.op_id, "reapply", actor=NURSE)
    resolve(demo_engine, offline.op_id, "reapply")
    assert _version(demo_engine) == (before + 1, "critical")
    with demo_engine.connect() as conn:
        assert open_conflicts(conn, WARD) == []


def test_a_refused_fact_is_listed_for_a_person_too(demo_engine: Database, tmp_path: Path) -> None:
    allergy_id = new_id()
    first = c.RecordAllergy(op_id=new_id(), actor_id=NURSE, device_time=utcnow(),
                            patient_id=demo_id("patient", 7), allergy_id=allergy_id, substance="头孢")
    run_command(demo_engine, "pc-b", first)
    again = c.RecordAllergy(op_id=new_id(), actor_id=NURSE, device_time=utcnow(),
                            patient_id=demo_id("patient", 7), allergy_id=allergy_id, substance="头孢")
    box = Outbox(tmp_path / "outbox.sqlite")
    box.enqueue(again)
    assert replay(box, demo_engine, "pc-a").rejected == 1
    box.close()
    with demo_engine.connect() as conn:
        items = open_conflicts(conn, WARD)
    assert [(i.op_id, i.kind) for i in items] == [(again.op_id, "rejected")]
    assert dict(items[0].mine)["substance"] == "头孢"


def test_a_nurse_deactivated_while_offline_loses_nothing_she_charted(demo_engine: Database,
                                                                     tmp_path: Path) -> None:
    """Her account was closed on the server during the outage: what she typed is refused with
    the rights' reason, never applied under a closed account, and listed with what she typed for
    a licensed user to take over; the clock of the PC, days ahead, changes nothing of that."""
    from datetime import timedelta

    from sqlalchemy import update

    from app.store.schema import staff

    typed = c.RecordAllergy(op_id=new_id(), actor_id=NURSE, device_time=utcnow() + timedelta(days=3),
                            patient_id=demo_id("patient", 7), allergy_id=new_id(), substance="磺胺")
    box = Outbox(tmp_path / "outbox.sqlite")
    box.enqueue(typed)
    with demo_engine.begin() as conn:
        conn.execute(update(staff).where(staff.c.id == NURSE).values(is_active=False))
    report = replay(box, demo_engine, "pc-a")
    assert (report.applied, report.rejected, report.remaining) == (0, 1, 0)
    assert box.settled("rejected")[0].reason == "perm.denied"
    box.close()
    with demo_engine.connect() as conn:
        items = open_conflicts(conn, WARD)
        applied = conn.execute(select(audit_rec.c.id).where(audit_rec.c.op_id == typed.op_id)
                               .where(audit_rec.c.action == "create")).first()
    assert applied is None                                   # not written under a closed account
    assert [(i.op_id, i.kind) for i in items] == [(typed.op_id, "rejected")]
    assert dict(items[0].mine)["substance"] == "磺胺"
