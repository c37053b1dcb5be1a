"""What a received referral Bundle says about its patient, as plain facts for the admission
(issue 17: accepted, then admitted with nothing retyped): the person and the identifiers the
platform's naming systems name, the diagnoses (ICD-10 where coded), the allergies, the current
and discharge medications (既往用药), and the source documents (Composition sections as text),
each named with the institution that sent them. Pure: reads the dict, never the network.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from sqlalchemy import ColumnElement, or_

from app.exchange.fhir_bundle import resources
from app.exchange.settings import ExchangeSettings
from app.store.schema import patient

SEX = {"male": "M", "female": "F"}
SEVERITY = {"mild": "mild", "moderate": "moderate", "severe": "severe"}


@dataclass(frozen=True)
class ReferralFacts:
    name: str
    sex: str                          # M / F / U
    birth_date: Optional[date]
    id_card: Optional[str]
    health_card: Optional[str]
    phone: Optional[str]
    address: Optional[str]
    diagnoses: tuple[tuple[Optional[str], str], ...]          # (ICD-10 code, name)
    allergies: tuple[tuple[str, Optional[str], Optional[str]], ...]   # substance, reaction, severity
    medications: tuple[str, ...]
    documents: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]    # title, (section, text)


def identifies(facts: Optional[ReferralFacts]) -> Optional[ColumnElement[bool]]:
    """Our patient rows the Bundle's person is, by the identifiers the region shares (居民身份证号,
    居民健康卡号); None when it carries neither."""
    if facts is None:
        return None
    conds = [column == value for column, value in ((patient.c.id_card, facts.id_card),
                                                   (patient.c.health_card, facts.health_card)) if value]
    return or_(*conds) if conds else None


def _plain(div: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", div))).strip()


def _ident(person: dict[str, Any], system: str, type_code: str, label: str) -> Optional[str]:
    for i in person.get("identifier") or []:
        if not isinstance(i, dict) or not i.get("value"):
            continue
        codes = {c.get("code") for c in ((i.get("type") or {}).get("coding") or []) if isinstance(c, dict)}
        if i.get("system") == system or type_code in codes or (i.get("type") or {}).get("text") == label:
            return str(i["value"]).strip()
    return None


def _day(value: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_referral(bundle: Any, settings: ExchangeSettings) -> Optional[ReferralFacts]:
    """None when the Bundle names no patient."""
    if not isinstance(bundle, dict):
        return None
    people = [r for r in resources(bundle) if r.get("resourceType") == "Patient"]
    if not people:
        return None
    p = people[0]
    name = str(((p.get("name") or [{}])[0] or {}).get("text", "")).strip()
    telecom = next((t.get("value") for t in p.get("telecom") or [] if isinstance(t, dict)
                    and t.get("system") == "phone"), None)
    address = next((a.get("text") for a in p.get("address") or [] if isinstance(a, dict)), None)
    diagnoses = []
    allergies = []
    medications = []
    documents = []
    for r in resources(bundle):
        kind = r.get("resourceType")
        if kind == "Condition":
            code = r.get("code") or {}
            coding = next((c for c in code.get("coding") or [] if isinstance(c, dict)), {})
            text = str(code.get("text") or coding.get("display") or "").strip()
            if text:
                diagnoses.append((str(coding["code"])[:16] if coding.get("code") else None, text[:120]))
        elif kind == "AllergyIntolerance":
            substance = str((r.get("code") or {}).get("text", "")).strip()
            reaction = next((m.get("text") for x in r.get("reaction") or [] if isinstance(x, dict)
                             for m in x.get("manifestation") or [] if isinstance(m, dict)), None)
            severity = next((SEVERITY.get(str(x.get("severity"))) for x in r.get("reaction") or []
                             if isinstance(x, dict) and x.get("severity")), None)
            if substance:
                allergies.append((substance[:60], str(reaction)[:60] if reaction else None, severity))
        elif kind in ("MedicationStatement", "MedicationRequest"):
            dosage = (r.get("dosage") or r.get("dosageInstruction") or [{}])[0] or {}
            text = str(dosage.get("text") or (r.get("medicationCodeableConcept") or {}).get("text", ""))
            if text.strip():
                medications.append(text.strip()[:200])
        elif kind == "Composition":
            sections = tuple((str(s.get("title", "")), _plain(str((s.get("text") or {}).get("div", ""))))
                             for s in r.get("section") or [] if isinstance(s, dict))
            documents.append((str(r.get("title", "")), sections))
    return ReferralFacts(
        name=name[:40], sex=SEX.get(str(p.get("gender")), "U"), birth_date=_day(p.get("birthDate")),
        id_card=_ident(p, settings.sys_id_card, "NI", "居民身份证号"),
        health_card=_ident(p, settings.sys_health_card, "", "居民健康卡号"),
        phone=str(telecom)[:20] if telecom else None, address=str(address)[:120] if address else None,
        diagnoses=tuple(diagnoses), allergies=tuple(allergies), medications=tuple(medications),
        documents=tuple(documents))
