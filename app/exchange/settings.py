"""The exchange's settings, hospital-wide in app_setting under `exchange:<name>`; anything not
set has the default shown here (STYLE.md rule 11: declared once, read as an immutable snapshot).

  org_code / org_name   this hospital on the platform (Organization.identifier, Bundle sender)
  sys_mrn               naming system of the 住院号 (Patient.identifier)
  sys_id_card           naming system of the 居民身份证号
  sys_health_card       naming system of the 居民健康卡号
  sys_bundle            naming system of Bundle.identifier (the resend-safe key)
  sys_icd10             code system of diagnoses (ICD-10 国家临床版 names as display)
  sys_drug / sys_lab / sys_ws445 / sys_inst
                        local code systems: drugs, lab tests, WS 445 data-element names (codes
                        where no standard code exists), member institution codes
  sys_route             the Bundle.meta.tag system naming the institution a referral or an
                        answer is for (the platform's mailbox is a `_tag` search)
  share_to              member institution code whose platform gets every signed 出院记录
                        ("" = none: discharge summaries are not offered)
  ca_bundle             the hospital's CA bundle (PEM file) for TLS; "" = the system's store
  connect_timeout / read_timeout   seconds, on every call
  parallel              requests in flight at once per flush (bounded)
  retries               retries of one call within one send (connection errors, 429, 5xx)
  recognise_lab_days / recognise_exam_days
                        结果互认 windows: a recognised external lab (imaging) result makes the same
                        test ordered again within this many days of the specimen (the exam) a
                        duplicate-test alert at signing
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.store.schema import app_setting

PREFIX = "exchange:"


@dataclass(frozen=True)
class ExchangeSettings:
    org_code: str = "WS-DEMO-0001"
    org_name: str = "演示医院"
    sys_mrn: str = "urn:wardstation:sid:mrn"
    sys_id_card: str = "urn:wardstation:sid:id-card"
    sys_health_card: str = "urn:wardstation:sid:health-card"
    sys_bundle: str = "urn:wardstation:sid:bundle"
    sys_icd10: str = "http://hl7.org/fhir/sid/icd-10"
    sys_drug: str = "urn:wardstation:cs:drug"
    sys_lab: str = "urn:wardstation:cs:lab"
    sys_ws445: str = "urn:wardstation:cs:ws445"
    sys_inst: str = "urn:wardstation:sid:institution"
    sys_route: str = "urn:wardstation:cs:route"
    share_to: str = ""
    ca_bundle: str = ""
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    parallel: int = 8
    retries: int = 3
    recognise_lab_days: int = 7
    recognise_exam_days: int = 30


_INT_RANGES = {"recognise_lab_days": (1, 365), "recognise_exam_days": (1, 365)}


def _coerce(default: Any, text: str, name: str = "") -> Any:
    try:
        if isinstance(default, bool):
            return text.strip() not in ("0", "false", "")
        if isinstance(default, int):
            low, high = _INT_RANGES.get(name, (1, 64))
            return max(low, min(high, int(text)))
        if isinstance(default, float):
            return max(0.1, min(600.0, float(text)))
    except ValueError:
        return default
    return text.strip()


def exchange_settings(conn: Connection) -> ExchangeSettings:
    """The settings in one query; a value that does not parse keeps its default."""
    rows: dict[str, Any] = {str(k): v for k, v in conn.execute(
        select(app_setting.c.skey, app_setting.c.svalue).where(app_setting.c.skey.like(PREFIX + "%")))}
    base = ExchangeSettings()
    values: dict[str, Any] = {}
    for f in fields(ExchangeSettings):
        text = rows.get(PREFIX + f.name)
        if text is not None:
            values[f.name] = _coerce(getattr(base, f.name), str(text), f.name)
    return ExchangeSettings(**values)
