"""What the chart already knows, for pulling into a document section with one key (never
retyped): demographics, today's vital signs, the latest labs, allergies, current orders and
diagnoses. Values, not text: ui/records/pull.py words them in the user's language.

`chart_facts` reads only the kinds asked for, one statement each.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Iterable, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.domain import orders as od
from app.errors import ValidationError
from app.services.ward import local_date
from app.store.schema import (
    allergy,
    diagnosis,
    encounter,
    lab_result,
    lab_test,
    med_order,
    member_inst,
    patient,
    referral,
    vital_obs,
)

LAB_DAYS = 7
_DX_RANK = {"primary": 0, "admission": 1, "secondary": 2, "discharge": 3}
CURRENT_ORDER_STATES = (od.SUBMITTED, od.VERIFIED, od.ACTIVE, od.STOP_PENDING)


@dataclass(frozen=True)
class Demographics:
    name: str
    sex: str
    birth_date: Optional[date]
    age: Optional[int]
    ethnicity: Optional[str]
    marital: Optional[str]
    occupation: Optional[str]
    address: Optional[str]
    admitted_at: datetime
    mrn: str


@dataclass(frozen=True)
class VitalValue:
    item: str
    value: Optional[Decimal]
    code: Optional[str]
    measured_at: datetime


@dataclass(frozen=True)
class LabValue:
    code: str
    name: str
    value: str
    unit: str
    abnormal: Optional[str]
    taken_at: datetime


@dataclass(frozen=True)
class ChartFacts:
    demographics: Optional[Demographics] = None
    vitals: tuple[VitalValue, ...] = ()
    labs: tuple[LabValue, ...] = ()
    allergies: tuple[tuple[str, Optional[str]], ...] = ()     # substance, reaction
    # 既往用药 a referral into this stay carried: (institution, the medication as it wrote it)
    prior_medications: tuple[tuple[str, str], ...] = ()
    orders: tuple[tuple[str, str], ...] = ()                  # term, content
    diagnoses: tuple[tuple[Optional[str], str, str], ...] = ()   # icd10, name, kind


def _age(birth: Optional[date], on: date) -> Optional[int]:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def chart_facts(conn: Connection, encounter_id: str, kinds: Iterable[str], now: datetime) -> ChartFacts:
    wanted = set(kinds)
    enc = conn.execute(select(encounter.c.patient_id, encounter.c.admitted_at)
                       .where(encounter.c.id == encounter_id)).first()
    if enc is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    facts: dict[str, object] = {}
    if "demographics" in wanted:
        p = conn.execute(select(patient).where(patient.c.id == enc.patient_id)).mappings().one()
        facts["demographics"] = Demographics(
            p["name"], p["sex"], p["birth_date"], _age(p["birth_date"], local_date(now)),
            p["ethnicity"], p["marital"], p["occupation"], p["address"], enc.admitted_at, p["mrn"])
    if "vitals" in wanted:
        start = now - timedelta(hours=24)
        rows = conn.execute(select(vital_obs.c.item, vital_obs.c.num_value, vital_obs.c.code,
                                   vital_obs.c.measured_at)
                            .where(vital_obs.c.encounter_id == encounter_id)
                            .where(vital_obs.c.voided == False)  # noqa: E712
                            .where(vital_obs.c.measured_at >= start)
                            .where(vital_obs.c.measured_at <= now)
                            .where(vital_obs.c.item != "event")
                            .order_by(vital_obs.c.measured_at.desc())).all()
        latest: dict[str, VitalValue] = {}
        for r in rows:
            latest.setdefault(r.item, VitalValue(r.item, r.num_value, r.code, r.measured_at))
        facts["vitals"] = tuple(latest.values())
    if "labs" in wanted:
        rows = conn.execute(select(lab_result.c.test_code, lab_test.c.name, lab_result.c.num_value,
                                   lab_result.c.text_value, lab_result.c.unit, lab_result.c.abnormal,
                                   lab_result.c.taken_at)
                            .join(lab_test, lab_test.c.code == lab_result.c.test_code)
                            .where(lab_result.c.encounter_id == encounter_id)
                            .where(lab_result.c.taken_at >= now - timedelta(days=LAB_DAYS))
                            .order_by(lab_result.c.taken_at.desc())).all()
        labs: dict[str, LabValue] = {}
        for r in rows:
            value = r.text_value if r.num_value is None else _plain(r.num_value)
            labs.setdefault(r.test_code, LabValue(r.test_code, r.name, value or "", r.unit or "",
                                                  r.abnormal, r.taken_at))
        facts["labs"] = tuple(labs.values())
    if "allergies" in wanted:
        facts["allergies"] = tuple(
            (r.substance, r.reaction) for r in conn.execute(
                select(allergy.c.substance, allergy.c.reaction)
                .where(allergy.c.patient_id == enc.patient_id).where(allergy.c.status == "active")
                .order_by(allergy.c.recorded_at)))
        facts["prior_medications"] = _referral_medications(conn, encounter_id)
    if "orders" in wanted:
        facts["orders"] = tuple(
            (r.term, r.content) for r in conn.execute(
                select(med_order.c.term, med_order.c.content)
                .where(med_order.c.encounter_id == encounter_id)
                .where(med_order.c.status.in_(CURRENT_ORDER_STATES))
                .order_by(med_order.c.term, med_order.c.start_at)))
    if "diagnoses" in wanted:
        rows = conn.execute(select(diagnosis.c.icd10_code, diagnosis.c.name, diagnosis.c.kind,
                                   diagnosis.c.seq_no)
                            .where(diagnosis.c.encounter_id == encounter_id)
                            .where(diagnosis.c.status == "active")).all()
        ranked = sorted(rows, key=lambda r: (_DX_RANK.get(r.kind, 9), r.seq_no))
        facts["diagnoses"] = tuple((r.icd10_code, r.name, r.kind) for r in ranked)
    return ChartFacts(**facts)  # type: ignore[arg-type]


def _referral_medications(conn: Connection, encounter_id: str) -> tuple[tuple[str, str], ...]:
    """The medications of the referrals this stay was admitted from (既往用药, not retyped)."""
    from app.exchange.referral_facts import read_referral
    from app.exchange.settings import ExchangeSettings

    out: list[tuple[str, str]] = []
    for r in conn.execute(select(referral.c.summary, member_inst.c.name)
                          .join(member_inst, member_inst.c.id == referral.c.inst_id)
                          .where(referral.c.encounter_id == encounter_id)
                          .where(referral.c.inbound == True)  # noqa: E712
                          .order_by(referral.c.created_at)):
        facts = read_referral(r.summary, ExchangeSettings())
        out += [(str(r.name), m) for m in (facts.medications if facts else ())]
    return tuple(out)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text
