"""收入院 from an accepted referral (issue 17): the stay made from what the referral carried,
nothing retyped.

AdmitReferral takes an accepted incoming referral into an empty bed of the department's ward:
the patient is the one we already know by the 居民身份证号 (or 居民健康卡号), or a new one with the
referral's name, sex, birth date, identifiers, phone and address and the 住院号 the admission
office gave; the stay carries the referral's diagnoses as 入院诊断 and the patient its allergies;
the referral is linked to the stay (so its documents read in the chart, marked with the sending
institution, and its medications pull into the record as 既往用药) and completed. One
transaction, ids made by the client: a replay (offline queue, a retried save) admits once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from app.dictionaries import pinyin
from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.exchange.referral_facts import ReferralFacts, identifies, read_referral
from app.exchange.settings import exchange_settings
from app.ids import new_id
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import allergy, bed, diagnosis, encounter, patient, referral, staff_role, ward

MRN_MAX = 20


@dataclass(frozen=True)
class AdmitReferral(Command):
    referral_id: str
    base_version: int
    encounter_id: str                # client-made key of the new stay
    patient_id: str                  # client-made key, used when no known patient has the identifier
    bed_id: str
    mrn: str                         # 住院号 (the admission office's); a known patient keeps his


register(AdmitReferral)


def _known_patient(uow: UnitOfWork, facts: ReferralFacts) -> Any:
    same = identifies(facts)
    if same is None:
        return None
    return uow.conn.execute(select(patient).where(same).order_by(patient.c.created_at)).mappings().first()


@handles(AdmitReferral, roles.REFERRAL)
def admit_referral(uow: UnitOfWork, cmd: AdmitReferral) -> Changes:
    conn = uow.conn
    ref = conn.execute(select(referral).where(referral.c.id == cmd.referral_id)).mappings().first()
    if ref is None:
        raise ValidationError("not_found", entity="referral", id=cmd.referral_id)
    if not ref["inbound"]:
        raise ValidationError("referral.not_inbound", id=cmd.referral_id)
    if ref["status"] != "accepted":
        raise ConflictError("referral.not_accepted", id=cmd.referral_id, status=ref["status"])
    facts = read_referral(ref["summary"], exchange_settings(conn))
    if facts is None or not facts.name:
        raise ValidationError("exchange.bad_referral")
    place = conn.execute(select(bed.c.id, bed.c.bed_no, bed.c.is_active, bed.c.ward_id, ward.c.dept_id)
                         .join(ward, ward.c.id == bed.c.ward_id).where(bed.c.id == cmd.bed_id)).first()
    if place is None or not place.is_active:
        raise ValidationError("admit.bad_bed", field="bed")
    if ref["dept_id"] and place.dept_id != ref["dept_id"]:
        raise ValidationError("admit.other_dept", field="bed", bed_no=place.bed_no)
    taken = conn.execute(select(encounter.c.id).where(encounter.c.bed_id == cmd.bed_id)
                         .where(encounter.c.status == "admitted")).first()
    if taken is not None:
        raise ConflictError("bed.occupied", bed_no=place.bed_no, encounter=taken[0])
    known = _known_patient(uow, facts)
    if known is not None:
        if conn.execute(select(encounter.c.id).where(encounter.c.patient_id == known["id"])
                        .where(encounter.c.status == "admitted")).first() is not None:
            raise ConflictError("admit.already_in", mrn=known["mrn"])
        patient_id = str(known["id"])
    else:
        mrn = cmd.mrn.strip()
        if not mrn or len(mrn) > MRN_MAX:
            raise ValidationError("admit.mrn_required", field="mrn", max=MRN_MAX)
        if conn.execute(select(patient.c.id).where(patient.c.mrn == mrn)).first() is not None:
            raise ValidationError("admit.mrn_taken", field="mrn", mrn=mrn)
        patient_id = cmd.patient_id
        conn.execute(insert(patient).values(
            id=patient_id, mrn=mrn, name=facts.name, pinyin=pinyin.initials(facts.name, 40) or None,
            sex=facts.sex, birth_date=facts.birth_date, id_card=facts.id_card,
            health_card=facts.health_card, phone=facts.phone, address=facts.address, version=1,
            created_at=uow.now, updated_at=uow.now))
    visits = conn.execute(select(func.count()).select_from(encounter)
                          .where(encounter.c.patient_id == patient_id)).scalar() or 0
    doctor = conn.execute(select(staff_role.c.staff_id).where(staff_role.c.staff_id == cmd.actor_id)
                          .where(staff_role.c.role_code == roles.DOCTOR)).first() is not None
    try:
        with conn.begin_nested():
            conn.execute(insert(encounter).values(
                id=cmd.encounter_id, patient_id=patient_id, visit_no=int(visits) + 1,
                dept_id=place.dept_id, ward_id=place.ward_id, bed_id=cmd.bed_id,
                resident_id=cmd.actor_id if doctor else None, admitted_at=uow.now, status="admitted",
                nursing_grade=2, acuity="stable", version=1, created_at=uow.now, updated_at=uow.now))
    except IntegrityError:            # another PC filled the bed between the check and now
        raise ConflictError("bed.occupied", bed_no=place.bed_no, encounter=None) from None
    diagnoses = list(dict.fromkeys(facts.diagnoses))     # its 入院 and 主要 diagnosis are often one
    if diagnoses:
        conn.execute(insert(diagnosis), [{
            "id": new_id(), "encounter_id": cmd.encounter_id, "icd10_code": code, "name": name,
            "kind": "admission", "seq_no": n, "diagnosed_at": uow.now, "diagnosed_by": cmd.actor_id,
            "status": "active", "version": 1, "created_at": uow.now, "updated_at": uow.now}
            for n, (code, name) in enumerate(diagnoses, start=1)])
    held = {str(s) for s in conn.execute(select(allergy.c.substance).where(
        allergy.c.patient_id == patient_id).where(allergy.c.status == "active")).scalars()}
    new_allergies = [a for a in dict.fromkeys(facts.allergies) if a[0] not in held]
    if new_allergies:
        conn.execute(insert(allergy), [{
            "id": new_id(), "patient_id": patient_id, "substance": substance, "drug_code": None,
            "reaction": reaction, "severity": severity, "source": "history",
            "status": "active", "recorded_at": uow.now, "recorded_by": cmd.actor_id, "version": 1,
            "created_at": uow.now, "updated_at": uow.now}
            for substance, reaction, severity in new_allergies])
    update_versioned(uow, referral, cmd.referral_id, cmd.base_version, {
        "status": "completed", "completed_at": uow.now, "encounter_id": cmd.encounter_id,
        "patient_id": patient_id})
    uow.audit(AuditEntry("admit", kinds.ENCOUNTER, cmd.encounter_id, cmd.actor_id, patient_id, None,
                         {"referral": cmd.referral_id, "bed_id": cmd.bed_id,
                          "known_patient": known is not None, "diagnoses": len(diagnoses),
                          "allergies": len(new_allergies)}, cmd.op_id))
    return (Changes.of(kinds.ENCOUNTER, [cmd.encounter_id], [patient_id])
            .merge(Changes.of(kinds.REFERRAL, [cmd.referral_id], [patient_id]))
            .merge(Changes.of(kinds.BED, [cmd.bed_id])))
