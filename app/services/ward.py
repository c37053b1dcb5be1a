"""The ward's read side: ward list, bed cards and patient header (app/domain/ward.py).

The whole ward is read in two queries, never one per patient: beds with their current stay,
patient and doctors; then allergies and diagnoses of every patient on the ward as one UNION ALL.
On a ward network at 30 ms a round trip, forty per-patient queries would be over a second.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import and_, func, literal_column, select, union_all
from sqlalchemy.engine import Connection

from app.clock import as_utc, utcnow
from app.domain.ward import BedCard, PatientHeader, WardInfo
from app.errors import ValidationError
from app.services.audit import AuditEntry
from app.store.schema import allergy, bed, dept, diagnosis, encounter, patient, staff, ward

ADMITTED = "admitted"
# Which diagnosis heads the card: the working primary diagnosis, else the admission one.
_KIND_RANK = {"primary": 0, "admission": 1, "discharge": 2, "secondary": 3}


def list_wards(conn: Connection) -> list[WardInfo]:
    beds = (select(bed.c.ward_id, func.count().label("n")).where(bed.c.is_active == True)  # noqa: E712
            .group_by(bed.c.ward_id).subquery())
    rows = conn.execute(
        select(ward.c.id, ward.c.code, ward.c.name, dept.c.name.label("dept_name"), beds.c.n)
        .join(dept, dept.c.id == ward.c.dept_id)
        .outerjoin(beds, beds.c.ward_id == ward.c.id)
        .order_by(ward.c.code))
    return [WardInfo(r.id, r.code, r.name, r.dept_name, int(r.n or 0)) for r in rows]


def local_date(value: datetime) -> date:
    """The calendar day on the ward's clock (days in hospital and ages count local days)."""
    return as_utc(value).astimezone().date()


def age_years(birth: Optional[date], today: date) -> Optional[int]:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def days_in_hospital(admitted_at: datetime, now: datetime) -> int:
    """Admission day is day 1."""
    return max(1, (local_date(now) - local_date(admitted_at)).days + 1)


@functools.lru_cache(maxsize=1)
def _stay_query() -> Any:
    """Built once (the aliases and labels cost several ms of CPU per call); callers add to it."""
    att = staff.alias("att")
    res = staff.alias("res")
    return (select(encounter.c.id.label("encounter_id"), encounter.c.patient_id,
                   encounter.c.bed_id, encounter.c.admitted_at, encounter.c.nursing_grade,
                   encounter.c.acuity, encounter.c.diet, encounter.c.ward_id,
                   encounter.c.dept_id, patient.c.name, patient.c.sex, patient.c.birth_date,
                   patient.c.mrn, att.c.full_name.label("attending_name"),
                   res.c.full_name.label("resident_name"))
            .join(patient, patient.c.id == encounter.c.patient_id)
            .outerjoin(att, att.c.id == encounter.c.attending_id)
            .outerjoin(res, res.c.id == encounter.c.resident_id))


def _details(conn: Connection, enc_filter: Any) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Active allergies per patient and diagnoses per encounter, in one round trip."""
    # Inline literals, not bind parameters: Oracle and DM refuse untyped binds in a UNION list.
    allergies = (select(literal_column("'A'").label("k"), allergy.c.patient_id.label("ref"),
                        allergy.c.substance.label("txt"), literal_column("0").label("rnk"))
                 .join(encounter, encounter.c.patient_id == allergy.c.patient_id)
                 .where(enc_filter).where(allergy.c.status == "active"))
    diags = (select(literal_column("'D'").label("k"), diagnosis.c.encounter_id.label("ref"),
                    diagnosis.c.name.label("txt"), diagnosis.c.seq_no.label("rnk"))
             .join(encounter, encounter.c.id == diagnosis.c.encounter_id)
             .where(enc_filter).where(diagnosis.c.status == "active")
             .add_columns(diagnosis.c.kind))
    allergies = allergies.add_columns(literal_column("'-'").label("kind"))
    by_patient: dict[str, list[str]] = defaultdict(list)
    diag_rows: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for row in conn.execute(union_all(allergies, diags)):
        if row.k == "A":
            if row.txt not in by_patient[row.ref]:
                by_patient[row.ref].append(row.txt)
        else:
            diag_rows[row.ref].append((_KIND_RANK.get(row.kind, 9), int(row.rnk or 0), row.txt))
    # Admission and working diagnosis are often the same text: show it once.
    by_encounter = {ref: list(dict.fromkeys(t for _, _, t in sorted(items)))
                    for ref, items in diag_rows.items()}
    # Sorted so a refresh never reshuffles the chips on a card.
    return {ref: sorted(items) for ref, items in by_patient.items()}, by_encounter


def ward_overview(conn: Connection, ward_id: str, *, now: Optional[datetime] = None) -> list[BedCard]:
    """Every bed of the ward in sort_key order, empty beds included, with its current patient."""
    now = as_utc(now) if now is not None else utcnow()
    today = local_date(now)
    stays = _stay_query().where(encounter.c.ward_id == ward_id) \
        .where(encounter.c.status == ADMITTED).subquery()
    rows = conn.execute(
        select(bed.c.id.label("bed_id"), bed.c.bed_no, bed.c.sort_key, stays)
        .outerjoin(stays, stays.c.bed_id == bed.c.id)
        .where(bed.c.ward_id == ward_id).where(bed.c.is_active == True)  # noqa: E712
        .order_by(bed.c.sort_key, bed.c.bed_no)).mappings().all()
    enc_filter = and_(encounter.c.ward_id == ward_id, encounter.c.status == ADMITTED)
    allergies, diagnoses = _details(conn, enc_filter) if any(r["encounter_id"] for r in rows) \
        else ({}, {})
    cards: list[BedCard] = []
    seen_beds: set[str] = set()
    for r in rows:
        if r["bed_id"] in seen_beds:   # two open stays in one bed: show the first, never crash
            continue
        seen_beds.add(r["bed_id"])
        if r["encounter_id"] is None:
            cards.append(BedCard(r["bed_id"], r["bed_no"], int(r["sort_key"])))
            continue
        diags = diagnoses.get(r["encounter_id"], [])
        cards.append(BedCard(
            bed_id=r["bed_id"], bed_no=r["bed_no"], sort_key=int(r["sort_key"]),
            encounter_id=r["encounter_id"], patient_id=r["patient_id"], name=r["name"],
            sex=r["sex"], age_years=age_years(r["birth_date"], today), mrn=r["mrn"],
            admitted_at=r["admitted_at"], days_in_hospital=days_in_hospital(r["admitted_at"], now),
            nursing_grade=int(r["nursing_grade"]), acuity=r["acuity"],
            allergies=tuple(allergies.get(r["patient_id"], [])),
            attending_name=r["attending_name"] or "", resident_name=r["resident_name"] or "",
            diagnosis=diags[0] if diags else "", diet=r["diet"] or ""))
    return cards


def patient_header(conn: Connection, encounter_id: str, *, now: Optional[datetime] = None) -> PatientHeader:
    """The chart's header for one stay (two queries). Pure read: the view is audited through `chart_view`."""
    now = as_utc(now) if now is not None else utcnow()
    row = conn.execute(
        _stay_query().add_columns(bed.c.bed_no, ward.c.name.label("ward_name"),
                                  dept.c.name.label("dept_name"))
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .join(ward, ward.c.id == encounter.c.ward_id)
        .join(dept, dept.c.id == encounter.c.dept_id)
        .where(encounter.c.id == encounter_id)).mappings().first()
    if row is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    allergies, diagnoses = _details(conn, encounter.c.id == encounter_id)
    diags = diagnoses.get(encounter_id, [])
    return PatientHeader(
        patient_id=row["patient_id"], encounter_id=encounter_id, name=row["name"], sex=row["sex"],
        age_years=age_years(row["birth_date"], local_date(now)), mrn=row["mrn"],
        bed_no=row["bed_no"] or "", ward_name=row["ward_name"], dept_name=row["dept_name"],
        admitted_at=row["admitted_at"], days_in_hospital=days_in_hospital(row["admitted_at"], now),
        diagnosis=diags[0] if diags else "", allergies=tuple(allergies.get(row["patient_id"], [])),
        attending_name=row["attending_name"] or "", resident_name=row["resident_name"] or "",
        nursing_grade=int(row["nursing_grade"]), acuity=row["acuity"], diagnoses=tuple(diags))


def chart_view(encounter_id: str, patient_id: str, staff_id: str,
               at: Optional[datetime] = None) -> AuditEntry:
    """The audit entry of a chart being opened (DESIGN.md: chart views are audited). It is
    queued locally and written in the background, never on the read path (audit_spool.py)."""
    return AuditEntry("view", "encounter", encounter_id, staff_id, patient_id, at=at)
