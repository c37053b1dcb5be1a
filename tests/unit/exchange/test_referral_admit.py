"""收入院 from a referral, end to end between two hospitals' databases: hospital A refers a patient
up (its Bundle as the platform stores it), hospital B receives it, accepts it and admits the
patient into an empty bed with nothing retyped: identifiers, diagnoses, allergies come from the
Bundle; the referral is linked to the stay (its documents and medications read in the chart).
A replay admits once; a bed someone fills first, an unaccepted referral and a taken 住院号 are
refused with their reasons; a patient hospital B already knows keeps his record and 住院号."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from app.clock import utcnow
from app.errors import ConflictError, ValidationError
from app.exchange.inbound import receive_referral
from app.ids import new_id
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.services.doc_pull import chart_facts
from app.services.referral_admit import AdmitReferral
from app.services.referrals import stay_referrals
from app.services.write import run_command, run_unit
from app.store.db import Database
from app.store.schema import allergy, bed, diagnosis, encounter, exchange_out, patient, referral
from tests.unit.services.conftest import make_engine

DOCTOR = demo_id("staff", "liming")
PC = "pc-admit"
PROVINCE = demo_id("member_inst", "PRH-3A-0001")


@pytest.fixture
def hospital_b(seeded_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "b.db"
    shutil.copy(seeded_file, path)
    db = make_engine(path)
    yield db
    db.dispose()


def _bundle_from_a(a: Database, bed_no: int, id_card: str) -> dict[str, Any]:
    """Hospital A refers its bed's patient up; the Bundle it queued is what the platform holds."""
    with a.begin() as conn:              # a person hospital B has never seen
        pid = conn.execute(select(encounter.c.patient_id).where(
            encounter.c.id == demo_id("encounter", bed_no))).scalar_one()
        conn.execute(update(patient).where(patient.c.id == pid).values(id_card=id_card, name="赵德明"))
    run_command(a, PC, rc.CreateReferral(
        op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), referral_id=new_id(),
        encounter_id=demo_id("encounter", bed_no), inst_id=PROVINCE, direction="up",
        reason="冠脉造影提示三支病变，上转行冠脉搭桥评估", to_dept="内科", send=True))
    with a.read() as conn:
        payload: dict[str, Any] = conn.execute(select(exchange_out.c.payload)).scalar_one()
    return payload


def _receive(b: Database, bundle: dict[str, Any]) -> str:
    return str(run_unit(b, PC, lambda uow: receive_referral(
        uow, bundle, inst_id=demo_id("member_inst", "CCH-2A-0107"), dept_id=demo_id("dept"))))


def _version(db: Database, referral_id: str) -> int:
    with db.read() as conn:
        return int(conn.execute(select(referral.c.version).where(referral.c.id == referral_id)).scalar_one())


def _empty_beds(db: Database) -> list[str]:
    with db.read() as conn:
        used = select(encounter.c.bed_id).where(encounter.c.status == "admitted")
        return [str(b) for b in conn.execute(select(bed.c.id).where(bed.c.ward_id == demo_id("ward"))
                                             .where(bed.c.id.not_in(used)).order_by(bed.c.sort_key)).scalars()]


def _admit(db: Database, referral_id: str, bed_id: str, mrn: str = "2612040001", **kw: Any) -> AdmitReferral:
    cmd = AdmitReferral(op_id=kw.get("op_id", new_id()), actor_id=DOCTOR, device_time=utcnow(),
                        referral_id=referral_id, base_version=_version(db, referral_id),
                        encounter_id=kw.get("encounter_id", new_id()), patient_id=new_id(), bed_id=bed_id,
                        mrn=mrn)
    run_command(db, PC, cmd)
    return cmd


def _accept(db: Database, referral_id: str) -> None:
    run_command(db, PC, rc.AcceptReferral(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                          referral_id=referral_id, base_version=_version(db, referral_id)))


def test_a_referral_from_another_hospital_is_admitted_with_nothing_retyped(
        demo_engine: Database, hospital_b: Database) -> None:
    bundle = _bundle_from_a(demo_engine, 3, "330102195001011234")
    rid = _receive(hospital_b, bundle)
    free = _empty_beds(hospital_b)
    with pytest.raises(ConflictError):                      # accepted first
        _admit(hospital_b, rid, free[0])
    _accept(hospital_b, rid)
    cmd = _admit(hospital_b, rid, free[0])
    run_command(hospital_b, PC, cmd)                        # the same op again (a replay): once
    with hospital_b.read() as conn:
        stay = conn.execute(select(encounter).where(encounter.c.id == cmd.encounter_id)).mappings().one()
        person = conn.execute(select(patient).where(patient.c.id == stay["patient_id"])).mappings().one()
        dx = conn.execute(select(diagnosis.c.icd10_code, diagnosis.c.name, diagnosis.c.kind)
                          .where(diagnosis.c.encounter_id == cmd.encounter_id)).all()
        with demo_engine.read() as a:
            a_dx = a.execute(select(diagnosis.c.icd10_code).where(
                diagnosis.c.encounter_id == demo_id("encounter", 3))
                .where(diagnosis.c.status == "active")).scalars().all()
            a_allergies = sorted(a.execute(select(allergy.c.substance).where(
                allergy.c.patient_id == select(encounter.c.patient_id).where(
                    encounter.c.id == demo_id("encounter", 3)).scalar_subquery())
                .where(allergy.c.status == "active")).scalars())
        b_allergies = sorted(conn.execute(select(allergy.c.substance)
                                          .where(allergy.c.patient_id == person["id"])).scalars())
        linked = stay_referrals(conn, cmd.encounter_id)
        pulled = chart_facts(conn, cmd.encounter_id, ["allergies"], utcnow()).prior_medications
        stays = conn.execute(select(func.count()).select_from(encounter)
                             .where(encounter.c.patient_id == person["id"])).scalar()
    assert (stay["bed_id"], stay["status"], stay["resident_id"]) == (free[0], "admitted", DOCTOR)
    assert (person["name"], person["id_card"]) == ("赵德明", "330102195001011234")
    assert person["mrn"] == "2612040001"
    assert {k for _c, _n, k in dx} == {"admission"} and sorted(c for c, _n, _k in dx) == sorted(set(a_dx))
    assert b_allergies == a_allergies
    assert stays == 1
    [ref] = linked
    assert ref.status == "completed" and ref.inbound and ref.inst_name == "城关县人民医院"
    sent = [e["resource"] for e in bundle["entry"]
            if e["resource"]["resourceType"] in ("MedicationStatement", "MedicationRequest")]
    assert sent and [m for _inst, m in pulled] == [
        (r.get("dosage") or r.get("dosageInstruction"))[0]["text"] for r in sent]   # 既往用药, one key
    assert {inst for inst, _m in pulled} == {"城关县人民医院"}


def test_refusals_say_why_and_a_known_patient_keeps_his_record(demo_engine: Database,
                                                               hospital_b: Database) -> None:
    with hospital_b.read() as conn:     # bed 9's patient in hospital B, discharged since
        known = conn.execute(select(patient).join(encounter, encounter.c.patient_id == patient.c.id)
                             .where(encounter.c.id == demo_id("encounter", 9))).mappings().one()
    with hospital_b.begin() as conn:
        conn.execute(update(encounter).where(encounter.c.id == demo_id("encounter", 9))
                     .values(status="discharged", discharged_at=utcnow(), bed_id=None))
    bundle = _bundle_from_a(demo_engine, 3, str(known["id_card"]))
    rid = _receive(hospital_b, bundle)
    _accept(hospital_b, rid)
    with hospital_b.read() as conn:
        occupied = conn.execute(select(encounter.c.bed_id).where(
            encounter.c.id == demo_id("encounter", 7))).scalar_one()
    with pytest.raises(ConflictError) as err:
        _admit(hospital_b, rid, str(occupied))
    assert err.value.message_id == "bed.occupied"
    cmd = _admit(hospital_b, rid, _empty_beds(hospital_b)[0], mrn="")   # known: no new 住院号 needed
    with hospital_b.read() as conn:
        stay = conn.execute(select(encounter).where(encounter.c.id == cmd.encounter_id)).mappings().one()
    assert stay["patient_id"] == known["id"] and stay["visit_no"] == 2


def test_a_new_patient_needs_a_free_mrn(demo_engine: Database, hospital_b: Database) -> None:
    rid = _receive(hospital_b, _bundle_from_a(demo_engine, 3, "330102195001011234"))
    _accept(hospital_b, rid)
    with hospital_b.read() as conn:
        taken = str(conn.execute(select(patient.c.mrn).limit(1)).scalar_one())
    for mrn, message in (("", "admit.mrn_required"), (taken, "admit.mrn_taken")):
        with pytest.raises(ValidationError) as err:
            _admit(hospital_b, rid, _empty_beds(hospital_b)[0], mrn=mrn)
        assert err.value.message_id == message
