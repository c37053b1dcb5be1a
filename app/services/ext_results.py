"""Reads of 结果互认 (issue 17): the open patient's own lab results beside the reports other member
institutions hold, and the recognised reports an order for the same test would repeat.

`chart_results` is two statements (the stay's own results; the patient's external reports with
who recognised them). `repeated_tests` is the signing's check: for each lab or exam order whose
orderable has a LOINC code, the newest recognised external report with that code still inside
its window (ExchangeSettings.recognise_lab_days / recognise_exam_days, counted from the
specimen or the exam); one statement, run only when such orders are being signed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.clock import as_utc
from app.errors import ValidationError
from app.exchange.settings import ExchangeSettings, exchange_settings
from app.services.ext_result_cmds import RECOGNISED
from app.store.schema import encounter, ext_result, lab_result, lab_test, member_inst, patient, staff


@dataclass(frozen=True)
class LocalResult:
    test_code: str
    name: str
    value: str
    unit: Optional[str]
    flag: Optional[str]
    taken_at: datetime


@dataclass(frozen=True)
class ExternalResult:
    id: str
    version: int
    inst_code: str
    inst_name: str
    kind: str
    name: str
    loinc: Optional[str]
    effective_at: datetime
    issued_at: Optional[datetime]
    items: tuple[dict[str, Any], ...]
    conclusion: Optional[str]
    status: str
    recognised_by: Optional[str]      # the doctor's name
    recognised_at: Optional[datetime]

    @property
    def recognised(self) -> bool:
        return self.status == RECOGNISED


@dataclass(frozen=True)
class ChartResults:
    patient_id: str
    local: tuple[LocalResult, ...]
    external: tuple[ExternalResult, ...]


def _value(num: Optional[Decimal], text: Optional[str]) -> str:
    if num is not None:
        return format(num.normalize(), "f") if isinstance(num, Decimal) else str(num)
    return text or ""


def _external(r: Any, doctor: Optional[str]) -> ExternalResult:
    items = r.items if isinstance(r.items, list) else []
    return ExternalResult(
        str(r.id), int(r.version), r.inst_code, r.inst_name, r.kind, r.name, r.loinc,
        as_utc(r.effective_at), as_utc(r.issued_at) if r.issued_at else None,
        tuple(i for i in items if isinstance(i, dict)), r.conclusion, r.status, doctor,
        as_utc(r.recognised_at) if r.recognised_at else None)


def chart_results(conn: Connection, encounter_id: str) -> ChartResults:
    local = conn.execute(
        select(lab_result.c.test_code, lab_test.c.name, lab_result.c.num_value,
               lab_result.c.text_value, lab_result.c.unit, lab_result.c.abnormal,
               lab_result.c.taken_at, encounter.c.patient_id)
        .join(lab_test, lab_test.c.code == lab_result.c.test_code)
        .join(encounter, encounter.c.id == lab_result.c.encounter_id)
        .where(lab_result.c.encounter_id == encounter_id)
        .order_by(lab_result.c.taken_at.desc(), lab_result.c.test_code)).all()
    patient_id = conn.execute(select(encounter.c.patient_id).where(encounter.c.id == encounter_id)
                              ).scalar() if not local else local[0].patient_id
    external = conn.execute(
        select(ext_result, staff.c.full_name.label("doctor"))
        .outerjoin(staff, staff.c.id == ext_result.c.recognised_by)
        .where(ext_result.c.patient_id == patient_id)
        .order_by(ext_result.c.effective_at.desc(), ext_result.c.name)).all()
    return ChartResults(
        str(patient_id or ""),
        tuple(LocalResult(r.test_code, r.name, _value(r.num_value, r.text_value), r.unit, r.abnormal,
                          as_utc(r.taken_at)) for r in local),
        tuple(_external(r, r.doctor) for r in external))


@dataclass(frozen=True)
class PullPlan:
    """What a pull needs, read before any network call: the platforms to ask (each once), the
    patient's identifiers the platforms know (居民身份证号, 居民健康卡号), the settings."""

    patient_id: str
    endpoints: tuple[str, ...]
    identifiers: tuple[tuple[str, str], ...]
    settings: ExchangeSettings


def pull_plan(conn: Connection, encounter_id: str) -> PullPlan:
    row = conn.execute(select(patient.c.id, patient.c.mrn, patient.c.id_card, patient.c.health_card)
                       .join(encounter, encounter.c.patient_id == patient.c.id)
                       .where(encounter.c.id == encounter_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    settings = exchange_settings(conn)
    idents = tuple((system, value) for system, value in ((settings.sys_id_card, row.id_card),
                                                         (settings.sys_health_card, row.health_card))
                   if value)
    if not idents:
        raise ValidationError("exchange.no_identifier", mrn=row.mrn)
    endpoints = tuple(dict.fromkeys(str(e) for e in conn.execute(
        select(member_inst.c.endpoint).where(member_inst.c.is_active.is_(True))
        .order_by(member_inst.c.code)).scalars()))
    if not endpoints:
        raise ValidationError("ext_result.no_platform")
    return PullPlan(str(row.id), endpoints, idents, settings)


def window_days(kind: str, settings: ExchangeSettings) -> int:
    return settings.recognise_lab_days if kind == "lab" else settings.recognise_exam_days


def repeated_tests(conn: Connection, patient_id: str, loincs: set[str], now: datetime,
                   settings: ExchangeSettings) -> dict[str, ExternalResult]:
    """LOINC code -> the newest recognised external report of it still inside its window."""
    if not loincs:
        return {}
    longest = max(settings.recognise_lab_days, settings.recognise_exam_days)
    rows = conn.execute(
        select(ext_result, staff.c.full_name.label("doctor"))
        .outerjoin(staff, staff.c.id == ext_result.c.recognised_by)
        .where(ext_result.c.patient_id == patient_id, ext_result.c.status == RECOGNISED,
               ext_result.c.loinc.in_(sorted(loincs)),
               ext_result.c.effective_at >= now - timedelta(days=longest))
        .order_by(ext_result.c.effective_at.desc())).all()
    found: dict[str, ExternalResult] = {}
    for r in rows:
        res = _external(r, r.doctor)
        if res.effective_at >= as_utc(now) - timedelta(days=window_days(res.kind, settings)):
            found.setdefault(str(res.loinc), res)
    return found
