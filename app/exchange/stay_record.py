"""What a referral or a shared document carries, read from one stay in one read transaction:
the patient's identifiers, the active diagnoses with their dictionary (国家临床版) names, the
signed discharge summary (else the admission record), the current long drug orders and the
discharge medications, active allergies, and the last value of each vital sign.

Plain values only: app/exchange/fhir_bundle.py turns them into FHIR resources without a
database, so the same record can be built on the server or on the offline replica.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.engine import Connection

from app.domain import documents as docs
from app.domain import orders as od
from app.errors import ValidationError
from app.store.schema import (
    allergy,
    clin_doc,
    dept,
    diagnosis,
    doc_rev,
    drug,
    encounter,
    icd10,
    med_order,
    patient,
    staff,
    vital_obs,
)

VITAL_ITEMS = ("temp", "pulse", "hr", "resp", "sbp", "dbp", "spo2", "weight", "height")
# The document shared: the discharge summary when there is one, else the admission record.
DOC_PREFERENCE = ("discharge", "admit_discharge", "admission", "readmission")


@dataclass(frozen=True)
class PatientFacts:
    id: str
    mrn: str
    name: str
    sex: str                       # M / F / U
    birth_date: Optional[date]
    id_card: Optional[str]
    health_card: Optional[str]
    phone: Optional[str]
    address: Optional[str]


@dataclass(frozen=True)
class DiagnosisFact:
    id: str
    kind: str                      # admission, primary, secondary, discharge
    icd10_code: Optional[str]
    name: str                      # as the doctor wrote it
    dictionary_name: str           # the ICD-10 dictionary's Chinese name
    diagnosed_at: datetime


@dataclass(frozen=True)
class Section:
    title: str
    text: str


@dataclass(frozen=True)
class DocumentFact:
    id: str
    doc_type: str
    title: str
    rev_no: int
    event_at: datetime
    signed_at: Optional[datetime]
    signer_id: Optional[str]
    signer_name: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class MedicationFact:
    id: str
    content: str                   # the line as on the sheet
    drug_code: Optional[str]
    drug_name: Optional[str]
    dose: Optional[Decimal]
    dose_unit: Optional[str]
    route_code: Optional[str]
    freq_code: Optional[str]
    start_at: datetime
    signed_at: Optional[datetime]
    discharge: bool                # 出院带药


@dataclass(frozen=True)
class AllergyFact:
    id: str
    substance: str
    reaction: Optional[str]
    severity: Optional[str]
    recorded_at: datetime


@dataclass(frozen=True)
class VitalFact:
    id: str
    item: str
    value: Decimal
    measured_at: datetime


@dataclass(frozen=True)
class StayRecord:
    encounter_id: str
    admitted_at: datetime
    discharged_at: Optional[datetime]
    dept_name: str
    patient: PatientFacts
    diagnoses: tuple[DiagnosisFact, ...]
    document: Optional[DocumentFact]
    medications: tuple[MedicationFact, ...]
    allergies: tuple[AllergyFact, ...]
    vitals: tuple[VitalFact, ...]


def encounter_of_mrn(conn: Connection, mrn: str) -> str:
    """The patient's latest stay (住院号 -> encounter), or ValidationError exchange.unknown_patient."""
    row = conn.execute(select(encounter.c.id).join(patient, patient.c.id == encounter.c.patient_id)
                       .where(patient.c.mrn == mrn.strip())
                       .order_by(encounter.c.admitted_at.desc()).limit(1)).first()
    if row is None:
        raise ValidationError("exchange.unknown_patient", mrn=mrn)
    return str(row[0])


def read_stay(conn: Connection, encounter_id: str) -> StayRecord:
    enc = conn.execute(select(encounter, dept.c.name.label("dept_name"))
                       .join(dept, dept.c.id == encounter.c.dept_id)
                       .where(encounter.c.id == encounter_id)).mappings().first()
    if enc is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    p = conn.execute(select(patient).where(patient.c.id == enc["patient_id"])).mappings().one()
    facts = PatientFacts(p["id"], p["mrn"], p["name"], p["sex"], p["birth_date"], p["id_card"],
                         p["health_card"], p["phone"], p["address"])
    return StayRecord(encounter_id, enc["admitted_at"], enc["discharged_at"], str(enc["dept_name"]),
                      facts, _diagnoses(conn, encounter_id), _document(conn, encounter_id),
                      _medications(conn, encounter_id), _allergies(conn, str(p["id"])),
                      _vitals(conn, encounter_id))


def _diagnoses(conn: Connection, encounter_id: str) -> tuple[DiagnosisFact, ...]:
    rows = conn.execute(select(diagnosis, icd10.c.name_cn, icd10.c.name_en)
                        .outerjoin(icd10, icd10.c.code == diagnosis.c.icd10_code)
                        .where(diagnosis.c.encounter_id == encounter_id)
                        .where(diagnosis.c.status == "active")
                        .order_by(diagnosis.c.kind, diagnosis.c.seq_no, diagnosis.c.id)).mappings()
    return tuple(DiagnosisFact(r["id"], r["kind"], r["icd10_code"], r["name"],
                               str(r["name_cn"] or r["name_en"] or r["name"]), r["diagnosed_at"])
                 for r in rows)


def _document(conn: Connection, encounter_id: str) -> Optional[DocumentFact]:
    rows = conn.execute(select(clin_doc, staff.c.full_name)
                        .outerjoin(staff, staff.c.id == clin_doc.c.signed_by)
                        .where(clin_doc.c.encounter_id == encounter_id)
                        .where(clin_doc.c.doc_type.in_(DOC_PREFERENCE))
                        .where(clin_doc.c.status.in_(docs.FROZEN))).mappings().all()
    if not rows:
        return None
    rank = {t: i for i, t in enumerate(DOC_PREFERENCE)}
    d = min(rows, key=lambda r: (rank[r["doc_type"]], -r["event_at"].timestamp()))
    body = conn.execute(select(doc_rev.c.body).where(doc_rev.c.doc_id == d["id"])
                        .order_by(doc_rev.c.rev_no.desc()).limit(1)).scalar()
    sections = tuple(Section(s.title, s.text) for s in docs.sections_from_json(body) if s.text.strip())
    return DocumentFact(d["id"], d["doc_type"], d["title"], int(d["rev_no"]), d["event_at"],
                        d["signed_at"], d["signed_by"], str(d["full_name"] or ""), sections)


def _medications(conn: Connection, encounter_id: str) -> tuple[MedicationFact, ...]:
    current = and_(med_order.c.term == od.LONG, med_order.c.status.in_(od.LIVE))
    leaving = and_(med_order.c.use_kind == "discharge",
                   med_order.c.status.notin_((od.DRAFT, od.VOIDED, od.RETURNED)))
    rows = conn.execute(select(med_order, drug.c.code.label("drug_code"),
                               drug.c.generic_name)
                        .outerjoin(drug, drug.c.id == med_order.c.drug_id)
                        .where(med_order.c.encounter_id == encounter_id)
                        .where(med_order.c.category == "drug")
                        .where(or_(current, leaving))
                        .order_by(med_order.c.start_at, med_order.c.id)).mappings()
    return tuple(MedicationFact(r["id"], r["content"], r["drug_code"], r["generic_name"],
                                None if r["dose"] is None else Decimal(str(r["dose"])),
                                r["dose_unit"], r["route_code"], r["freq_code"], r["start_at"],
                                r["signed_at"], r["use_kind"] == "discharge") for r in rows)


def _allergies(conn: Connection, patient_id: str) -> tuple[AllergyFact, ...]:
    rows = conn.execute(select(allergy).where(allergy.c.patient_id == patient_id)
                        .where(allergy.c.status == "active")
                        .order_by(allergy.c.recorded_at, allergy.c.id)).mappings()
    return tuple(AllergyFact(r["id"], r["substance"], r["reaction"], r["severity"],
                             r["recorded_at"]) for r in rows)


def _vitals(conn: Connection, encounter_id: str) -> tuple[VitalFact, ...]:
    """The last current value of each item (corrections and voids applied)."""
    later = vital_obs.alias("later")
    rows = conn.execute(select(vital_obs.c.id, vital_obs.c.item, vital_obs.c.num_value,
                               vital_obs.c.measured_at)
                        .where(vital_obs.c.encounter_id == encounter_id)
                        .where(vital_obs.c.item.in_(VITAL_ITEMS))
                        .where(vital_obs.c.num_value.is_not(None))
                        .where(vital_obs.c.voided == False)  # noqa: E712
                        .where(~exists().where(later.c.voids == vital_obs.c.id))
                        .order_by(vital_obs.c.measured_at.desc(), vital_obs.c.id)).all()
    last: dict[str, Any] = {}
    for r in rows:
        last.setdefault(str(r.item), r)
    return tuple(VitalFact(str(r.id), str(r.item), Decimal(str(r.num_value)), r.measured_at)
                 for r in sorted(last.values(), key=lambda r: (VITAL_ITEMS.index(r.item))))
