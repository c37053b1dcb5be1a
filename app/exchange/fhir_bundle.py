"""A stay as an HL7 FHIR R4 document Bundle (issue 17): Patient, Condition, the signed record as
Composition, MedicationStatement (current long orders) and MedicationRequest (出院带药),
AllergyIntolerance, the last vitals as Observation (LOINC), the hospital as Organization and the
signer as Practitioner; for a referral also the ServiceRequest (上转/下转, reason, department).

Deterministic: the same record, identifier and timestamp give the same JSON, every fullUrl is a
uuid5 of the Bundle identifier and the row, so a resend is byte for byte the Bundle first sent
and the platform's conditional create (If-None-Exist on Bundle.identifier) finds it.
Plain dicts out (JSON-ready): the runtime needs no FHIR library; tests validate every resource
with the R4 models of fhir.resources.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, Optional

from app.exchange.settings import ExchangeSettings
from app.exchange.stay_record import (
    AllergyFact,
    DiagnosisFact,
    DocumentFact,
    MedicationFact,
    StayRecord,
    VitalFact,
)

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
_NS = uuid.UUID("6f1c8d3e-7b0a-5c2e-9d4f-1a2b3c4d5e6f")
# Composition.type by the shared document (LOINC document codes).
DOC_TYPES = {"discharge": ("18842-5", "Discharge summary"),
             "admit_discharge": ("18842-5", "Discharge summary"),
             "admission": ("34117-2", "History and physical note"),
             "readmission": ("34117-2", "History and physical note")}
REFERRAL_NOTE = ("57133-1", "Referral note")
# Section titles with a LOINC section code; every other title is kept as its WS 445
# data-element name in the hospital's WS 445 code system (settings.sys_ws445).
SECTION_LOINC = {"主诉": ("10154-3", "Chief complaint"),
                 "现病史": ("10164-2", "History of present illness"),
                 "既往史": ("11348-0", "History of past illness"),
                 "个人史": ("29762-2", "Social history"),
                 "家族史": ("10157-6", "History of family member diseases"),
                 "体格检查": ("29545-1", "Physical findings"),
                 "辅助检查": ("30954-2", "Relevant diagnostic tests/laboratory data"),
                 "初步诊断": ("46241-6", "Hospital admission diagnosis"),
                 "诊疗经过": ("8648-8", "Hospital course"),
                 "出院诊断": ("11535-2", "Hospital discharge diagnosis"),
                 "出院医嘱": ("8653-8", "Hospital discharge instructions")}
STRUCTURED_SECTIONS = {"diagnoses": ("29548-5", "Diagnosis", "诊断"),
                       "medications": ("10160-0", "History of medication use", "用药"),
                       "discharge_meds": ("10183-2", "Hospital discharge medications", "出院带药"),
                       "allergies": ("48765-2", "Allergies and adverse reactions", "过敏史"),
                       "vitals": ("8716-3", "Vital signs", "生命体征")}
# Vital items -> (LOINC, display, UCUM unit).
VITALS = {"temp": ("8310-5", "Body temperature", "Cel"),
          "pulse": ("8867-4", "Heart rate", "/min"),
          "hr": ("8867-4", "Heart rate", "/min"),
          "resp": ("9279-1", "Respiratory rate", "/min"),
          "spo2": ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%"),
          "weight": ("29463-7", "Body weight", "kg"),
          "height": ("8302-2", "Body height", "cm")}
BP_PANEL = ("85354-9", "Blood pressure panel with all children optional")
BP_PARTS = {"sbp": ("8480-6", "Systolic blood pressure"), "dbp": ("8462-4", "Diastolic blood pressure")}
SEX = {"M": "male", "F": "female", "U": "unknown"}
CRITICALITY = {"severe": "high", "moderate": "low", "mild": "low"}
SEVERITY = {"severe": "severe", "moderate": "moderate", "mild": "mild"}
DIAGNOSIS_ROLE = {"admission": ("AD", "Admission diagnosis"), "discharge": ("DD", "Discharge diagnosis"),
                  "primary": ("CC", "Chief complaint"), "secondary": ("CM", "Comorbidity diagnosis")}
DIRECTION = {"up": "上转", "down": "下转"}


@dataclass(frozen=True)
class ReferralInfo:
    id: str
    direction: str                 # up / down
    reason: str
    to_dept: str
    inst_code: str
    inst_name: str
    requested_at: datetime
    requester_id: Optional[str]
    requester_name: str


def instant(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


_instant = instant


def stable_id(ident: str, key: str) -> str:
    """A resource id made from the Bundle identifier: the same on every build."""
    return str(uuid.uuid5(_NS, f"{ident}/{key}"))


def _day(at: date) -> str:
    return at.isoformat()


def _number(value: Decimal) -> Any:
    exact = value.normalize()
    return int(exact) if exact == exact.to_integral() else float(exact)


def _coding(system: str, code: str, display: Optional[str] = None) -> dict[str, Any]:
    out: dict[str, Any] = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


class _Builder:
    def __init__(self, record: StayRecord, settings: ExchangeSettings, ident: str) -> None:
        self.r = record
        self.s = settings
        self.ident = ident
        self.entries: list[dict[str, Any]] = []

    def url(self, kind: str, key: str) -> str:
        return "urn:uuid:" + str(uuid.uuid5(_NS, f"{self.ident}/{kind}/{key}"))

    def add(self, resource: dict[str, Any], full_url: str) -> str:
        resource = dict(resource, id=full_url.rsplit(":", 1)[1])
        self.entries.append({"fullUrl": full_url, "resource": resource})
        return full_url

    # ---- the resources
    def patient(self) -> str:
        p = self.r.patient
        ids = [{"use": "usual", "type": {"coding": [_coding(
            "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")],
            "text": "住院号"}, "system": self.s.sys_mrn, "value": p.mrn}]
        if p.id_card:
            ids.append({"use": "official", "type": {"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/v2-0203", "NI",
                "National unique individual identifier")], "text": "居民身份证号"},
                "system": self.s.sys_id_card, "value": p.id_card})
        if p.health_card:
            ids.append({"use": "secondary", "type": {"text": "居民健康卡号"},
                        "system": self.s.sys_health_card, "value": p.health_card})
        res: dict[str, Any] = {"resourceType": "Patient", "identifier": ids,
                               "name": [{"use": "official", "text": p.name}],
                               "gender": SEX.get(p.sex, "unknown")}
        if p.birth_date is not None:
            res["birthDate"] = _day(p.birth_date)
        if p.phone:
            res["telecom"] = [{"system": "phone", "value": p.phone}]
        if p.address:
            res["address"] = [{"text": p.address}]
        return self.add(res, self.url("Patient", p.id))

    def organization(self) -> str:
        res = {"resourceType": "Organization", "name": self.s.org_name,
               "identifier": [{"system": self.s.sys_inst, "value": self.s.org_code}]}
        return self.add(res, self.url("Organization", self.s.org_code))

    def practitioner(self, staff_id: str, name: str) -> str:
        url = self.url("Practitioner", staff_id)
        if any(e["fullUrl"] == url for e in self.entries):
            return url
        return self.add({"resourceType": "Practitioner", "name": [{"text": name}]}, url)

    def condition(self, d: DiagnosisFact, subject: str) -> str:
        code: dict[str, Any] = {"text": d.name}
        if d.icd10_code:
            code["coding"] = [_coding(self.s.sys_icd10, d.icd10_code, d.dictionary_name)]
        role = DIAGNOSIS_ROLE.get(d.kind)
        res: dict[str, Any] = {
            "resourceType": "Condition",
            "clinicalStatus": {"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active")]},
            "verificationStatus": {"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "provisional" if d.kind == "admission" else "confirmed")]},
            "category": [{"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis",
                "Encounter Diagnosis")]}],
            "code": code, "subject": {"reference": subject}, "recordedDate": _instant(d.diagnosed_at)}
        if role is not None:
            res["note"] = [{"text": {"admission": "入院诊断", "discharge": "出院诊断",
                                     "primary": "主要诊断", "secondary": "其他诊断"}[d.kind]}]
            res["category"].append({"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/diagnosis-role", *role)]})
        return self.add(res, self.url("Condition", d.id))

    def _medication(self, m: MedicationFact) -> dict[str, Any]:
        concept: dict[str, Any] = {"text": m.drug_name or m.content}
        if m.drug_code:
            concept["coding"] = [_coding(self.s.sys_drug, m.drug_code, m.drug_name)]
        dosage: dict[str, Any] = {"text": m.content}
        if m.route_code:
            dosage["route"] = {"coding": [_coding("urn:wardstation:cs:route", m.route_code)]}
        if m.freq_code:
            dosage["timing"] = {"code": {"coding": [_coding("urn:wardstation:cs:freq", m.freq_code)]}}
        if m.dose is not None and m.dose_unit:
            dosage["doseAndRate"] = [{"doseQuantity": {"value": _number(m.dose), "unit": m.dose_unit}}]
        return {"concept": concept, "dosage": dosage}

    def medication(self, m: MedicationFact, subject: str) -> str:
        parts = self._medication(m)
        if m.discharge:
            res: dict[str, Any] = {
                "resourceType": "MedicationRequest", "status": "active", "intent": "order",
                "category": [{"coding": [_coding(
                    "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "discharge",
                    "Discharge")]}],
                "medicationCodeableConcept": parts["concept"], "subject": {"reference": subject},
                "authoredOn": _instant(m.signed_at or m.start_at),
                "dosageInstruction": [parts["dosage"]]}
            return self.add(res, self.url("MedicationRequest", m.id))
        res = {"resourceType": "MedicationStatement", "status": "active",
               "medicationCodeableConcept": parts["concept"], "subject": {"reference": subject},
               "effectivePeriod": {"start": _instant(m.start_at)}, "dosage": [parts["dosage"]]}
        return self.add(res, self.url("MedicationStatement", m.id))

    def allergy(self, a: AllergyFact, subject: str) -> str:
        res: dict[str, Any] = {
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": {"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active")]},
            "verificationStatus": {"coding": [_coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed")]},
            "code": {"text": a.substance}, "patient": {"reference": subject},
            "recordedDate": _instant(a.recorded_at)}
        if a.severity in CRITICALITY:
            res["criticality"] = CRITICALITY[a.severity]
        if a.reaction:
            reaction: dict[str, Any] = {"manifestation": [{"text": a.reaction}]}
            if a.severity in SEVERITY:
                reaction["severity"] = SEVERITY[a.severity]
            res["reaction"] = [reaction]
        return self.add(res, self.url("AllergyIntolerance", a.id))

    def _observation(self, code: tuple[str, str], at: datetime, subject: str) -> dict[str, Any]:
        return {"resourceType": "Observation", "status": "final",
                "category": [{"coding": [_coding(
                    "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs",
                    "Vital Signs")]}],
                "code": {"coding": [_coding(LOINC, *code)]}, "subject": {"reference": subject},
                "effectiveDateTime": _instant(at)}

    def vitals(self, facts: tuple[VitalFact, ...], subject: str) -> list[str]:
        out: list[str] = []
        by_item = {v.item: v for v in facts}
        if "hr" in by_item and "pulse" in by_item:     # one heart rate: the later of the two
            del by_item["hr" if by_item["pulse"].measured_at >= by_item["hr"].measured_at else "pulse"]
        for item, v in by_item.items():
            if item not in VITALS:
                continue
            loinc, display, unit = VITALS[item]
            res = self._observation((loinc, display), v.measured_at, subject)
            res["valueQuantity"] = {"value": _number(v.value), "unit": unit, "system": UCUM, "code": unit}
            out.append(self.add(res, self.url("Observation", v.id)))
        sbp, dbp = by_item.get("sbp"), by_item.get("dbp")
        if sbp is not None and dbp is not None:
            res = self._observation(BP_PANEL, max(sbp.measured_at, dbp.measured_at), subject)
            res["component"] = [{"code": {"coding": [_coding(LOINC, *BP_PARTS[k])]},
                                 "valueQuantity": {"value": _number(v.value), "unit": "mm[Hg]",
                                                   "system": UCUM, "code": "mm[Hg]"}}
                                for k, v in (("sbp", sbp), ("dbp", dbp))]
            out.append(self.add(res, self.url("Observation", f"bp/{sbp.id}/{dbp.id}")))
        return out

    def service_request(self, ref: ReferralInfo, subject: str, requester: Optional[str],
                        reasons: list[str]) -> str:
        res: dict[str, Any] = {
            "resourceType": "ServiceRequest",
            "identifier": [{"system": self.s.sys_bundle, "value": f"referral-{ref.id}"}],
            "status": "active", "intent": "order",
            "category": [{"coding": [_coding("urn:wardstation:cs:referral-direction", ref.direction,
                                             DIRECTION.get(ref.direction))]}],
            "code": {"coding": [_coding("http://snomed.info/sct", "3457005", "Patient referral")],
                     "text": f"{DIRECTION.get(ref.direction, '')}转诊"},
            "subject": {"reference": subject}, "authoredOn": _instant(ref.requested_at),
            "performer": [{"identifier": {"system": self.s.sys_inst, "value": ref.inst_code},
                           "display": ref.inst_name}],
            "performerType": {"text": ref.to_dept},
            "reasonCode": [{"text": ref.reason}]}
        if requester is not None:
            res["requester"] = {"reference": requester}
        if reasons:
            res["reasonReference"] = [{"reference": r} for r in reasons]
        return self.add(res, self.url("ServiceRequest", ref.id))

    def composition(self, doc: Optional[DocumentFact], subject: str, author: str,
                    signer: Optional[str], sections: list[dict[str, Any]],
                    referral: Optional[ReferralInfo], at: datetime) -> None:
        if doc is not None:
            loinc, display = DOC_TYPES.get(doc.doc_type, REFERRAL_NOTE)
            title, date_at, key = doc.title, doc.signed_at or doc.event_at, f"{doc.id}/r{doc.rev_no}"
        else:
            (loinc, display), title, date_at, key = REFERRAL_NOTE, "转诊单", at, "referral"
        if referral is not None:
            sections = [{"title": "转诊原因", "code": {"coding": [
                _coding(LOINC, "42349-1", "Reason for referral")]}, "text": _narrative(referral.reason)},
                *sections]
        comp: dict[str, Any] = {
            "resourceType": "Composition", "status": "final",
            "identifier": {"system": self.s.sys_bundle, "value": self.ident},
            "type": {"coding": [_coding(LOINC, loinc, display)], "text": title},
            "subject": {"reference": subject}, "date": _instant(date_at),
            "author": [{"reference": signer or author}], "title": title,
            "custodian": {"reference": author}, "section": sections}
        if signer is not None and doc is not None and doc.signed_at is not None:
            comp["attester"] = [{"mode": "legal", "time": _instant(doc.signed_at),
                                 "party": {"reference": signer}}]
        # The document's Composition is the first entry of a document Bundle.
        url = self.url("Composition", key)
        self.entries.insert(0, {"fullUrl": url, "resource": dict(comp, id=url.rsplit(":", 1)[1])})


def _narrative(text: str) -> dict[str, str]:
    from html import escape

    body = "<br/>".join(escape(line) for line in text.splitlines() or [""])
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def _section_code(settings: ExchangeSettings, title: str) -> dict[str, Any]:
    found = SECTION_LOINC.get(title)
    if found is not None:
        return {"coding": [_coding(LOINC, *found)], "text": title}
    return {"coding": [_coding(settings.sys_ws445, title, title)], "text": title}


def _structured(key: str, refs: list[str], lines: list[str]) -> dict[str, Any]:
    loinc, display, title = STRUCTURED_SECTIONS[key]
    return {"title": title, "code": {"coding": [_coding(LOINC, loinc, display)], "text": title},
            "text": _narrative("\n".join(lines)), "entry": [{"reference": r} for r in refs]}


def _vital_line(v: VitalFact) -> str:
    if v.item in BP_PARTS:
        return f"{BP_PARTS[v.item][1]} {_number(v.value)} mm[Hg]"
    display, unit = VITALS[v.item][1:] if v.item in VITALS else (v.item, "")
    return f"{display} {_number(v.value)} {unit}".rstrip()


def build_bundle(record: StayRecord, settings: ExchangeSettings, *, ident: str, timestamp: datetime,
                 referral: Optional[ReferralInfo] = None) -> dict[str, Any]:
    """The document Bundle of `record`; `ident` is Bundle.identifier's value (stable per send)."""
    b = _Builder(record, settings, ident)
    subject = b.patient()
    org = b.organization()
    doc = record.document
    signer = b.practitioner(doc.signer_id, doc.signer_name) \
        if doc is not None and doc.signer_id and doc.signer_name else None
    sections: list[dict[str, Any]] = []
    if doc is not None:
        sections += [{"title": s.title, "code": _section_code(settings, s.title), "text": _narrative(s.text)}
                     for s in doc.sections]
    conditions = [b.condition(d, subject) for d in record.diagnoses]
    if conditions:
        sections.append(_structured("diagnoses", conditions, [
            f"{d.name}（{d.icd10_code}）" if d.icd10_code else d.name for d in record.diagnoses]))
    current = [m for m in record.medications if not m.discharge]
    leaving = [m for m in record.medications if m.discharge]
    if current:
        sections.append(_structured("medications", [b.medication(m, subject) for m in current],
                                    [m.content for m in current]))
    if leaving:
        sections.append(_structured("discharge_meds", [b.medication(m, subject) for m in leaving],
                                    [m.content for m in leaving]))
    if record.allergies:
        sections.append(_structured("allergies", [b.allergy(a, subject) for a in record.allergies],
                                    [a.substance + (f"（{a.reaction}）" if a.reaction else "")
                                     for a in record.allergies]))
    vitals = b.vitals(record.vitals, subject)
    if vitals:
        sections.append(_structured("vitals", vitals, [_vital_line(v) for v in record.vitals]))
    if referral is not None:
        requester = b.practitioner(referral.requester_id, referral.requester_name) \
            if referral.requester_id and referral.requester_name else signer
        b.service_request(referral, subject, requester, conditions)
    b.composition(doc, subject, org, signer, sections, referral, timestamp)
    bundle: dict[str, Any] = {"resourceType": "Bundle", "id": str(uuid.uuid5(_NS, ident)),
                              "identifier": {"system": settings.sys_bundle, "value": ident},
                              "type": "document", "timestamp": _instant(timestamp), "entry": b.entries}
    if referral is not None:
        bundle["meta"] = route_meta(settings, referral.inst_code)
    return bundle


def route_meta(settings: ExchangeSettings, to_code: str) -> dict[str, Any]:
    """Bundle.meta naming the institution it is for: the platform's mailbox is a `_tag` search
    (app/exchange/mailbox.py), a search parameter every FHIR server has."""
    return {"tag": [{"system": settings.sys_route, "code": to_code}]}


def bundle_ident(bundle: dict[str, Any]) -> tuple[str, str]:
    """(system, value) of a Bundle's identifier: the conditional create's search key."""
    ident = bundle.get("identifier") or {}
    return str(ident.get("system", "")), str(ident.get("value", ""))


def resources(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle.get("entry", []) if isinstance(e, dict) and "resource" in e]
