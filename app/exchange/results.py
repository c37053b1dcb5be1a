"""External results (结果互认, issue 17): the lab and imaging reports other member institutions
hold for a patient, read from the platform with a FHIR search and turned into plain rows.

`pull_reports` asks every platform the hospital's member institutions name (each endpoint once)
for `DiagnosticReport?patient.identifier=<system>|<value>` with its Observations included,
following the searchset's `next` links (a bounded number of pages). `parse_searchset` is pure:
a report it cannot attribute to an institution, date or name is skipped and counted, never
guessed at; only final, amended, corrected and appended reports are kept (a preliminary report
is not one a doctor may recognise). Nothing here writes: the caller sends the rows through
`RecordExternalResults` like any other change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Optional

from app.exchange.client import PlatformClient, PlatformUnavailable, platform_token
from app.exchange.settings import ExchangeSettings

LOINC = "http://loinc.org"
KEPT_STATUSES = frozenset({"final", "amended", "corrected", "appended"})
LAB_CATEGORIES = frozenset({"LAB", "HM", "CH", "MB", "SP", "BLB", "SR", "IMM", "CP", "HLA"})
MAX_PAGES = 10
PAGE_SIZE = 100
NAME_MAX, CONCLUSION_MAX, ITEMS_MAX = 80, 1000, 60


@dataclass(frozen=True)
class ReportItem:
    """One value of a lab report (an Observation): its name, LOINC code, value and flag."""

    name: str
    loinc: Optional[str]
    value: str
    unit: Optional[str]
    flag: Optional[str]               # H, L, HH, LL, A, AA
    range: Optional[str]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "loinc": self.loinc, "value": self.value, "unit": self.unit,
                "flag": self.flag, "range": self.range}


@dataclass(frozen=True)
class ExternalReport:
    inst_code: str
    inst_name: str
    source_ref: str                   # DiagnosticReport/<id>
    kind: str                         # lab, exam
    code_system: Optional[str]
    code: Optional[str]
    loinc: Optional[str]
    name: str
    effective_at: datetime
    issued_at: Optional[datetime]
    items: tuple[ReportItem, ...] = ()
    conclusion: Optional[str] = None


@dataclass
class PullOutcome:
    reports: list[ExternalReport] = field(default_factory=list)
    skipped: int = 0                  # reports that could not be read (no source, date or name)
    failures: list[tuple[str, str]] = field(default_factory=list)   # (endpoint, why)


def _instant(value: Any) -> Optional[datetime]:
    if not isinstance(value, str) or not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            at = datetime.fromisoformat(text + "T00:00:00+08:00")
        else:
            at = datetime.fromisoformat(text)
    except ValueError:
        return None
    if at.tzinfo is None:
        return None                   # FHIR instants carry a zone; a bare time is unreadable
    return at.astimezone(timezone.utc)


def _codings(concept: Any) -> list[dict[str, Any]]:
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


def concept_name(concept: Any) -> Optional[str]:
    if not isinstance(concept, dict):
        return None
    text = concept.get("text")
    if isinstance(text, str) and text.strip():
        return text.strip()
    for c in _codings(concept):
        if isinstance(c.get("display"), str) and c["display"].strip():
            return str(c["display"]).strip()
    return None


def _loinc(concept: Any) -> Optional[str]:
    for c in _codings(concept):
        if c.get("system") == LOINC and isinstance(c.get("code"), str):
            return str(c["code"])[:20]
    return None


def _kind(report: dict[str, Any]) -> str:
    for concept in report.get("category") or []:
        for c in _codings(concept):
            if str(c.get("code", "")).upper() in LAB_CATEGORIES:
                return "lab"
    return "exam"


def number_text(value: Any) -> Optional[str]:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    return str(value)


def _item(obs: dict[str, Any]) -> Optional[ReportItem]:
    name = concept_name(obs.get("code"))
    if not name:
        return None
    value: Optional[str] = None
    unit: Optional[str] = None
    quantity = obs.get("valueQuantity")
    if isinstance(quantity, dict):
        value = number_text(quantity.get("value"))
        unit = quantity.get("unit") or quantity.get("code")
    elif isinstance(obs.get("valueString"), str):
        value = obs["valueString"]
    elif isinstance(obs.get("valueCodeableConcept"), dict):
        value = concept_name(obs["valueCodeableConcept"])
    flag = None
    for concept in obs.get("interpretation") or []:
        for c in _codings(concept):
            if c.get("code") in ("H", "L", "HH", "LL", "A", "AA"):
                flag = str(c["code"])
    ranges = [r for r in obs.get("referenceRange") or [] if isinstance(r, dict)]
    reference = None
    if ranges:
        r = ranges[0]
        low = number_text((r.get("low") or {}).get("value")) if isinstance(r.get("low"), dict) else None
        high = number_text((r.get("high") or {}).get("value")) if isinstance(r.get("high"), dict) else None
        reference = r.get("text") if isinstance(r.get("text"), str) else (
            f"{low or ''}-{high or ''}" if (low or high) else None)
    return ReportItem(name[:NAME_MAX], _loinc(obs.get("code")), (value or "")[:60],
                      str(unit)[:20] if unit else None, flag,
                      str(reference)[:40] if reference else None)


def _organization(report: dict[str, Any], by_ref: dict[str, dict[str, Any]],
                  sys_inst: str) -> Optional[tuple[str, str]]:
    for performer in report.get("performer") or []:
        if not isinstance(performer, dict):
            continue
        org = by_ref.get(str(performer.get("reference", "")))
        ident = performer.get("identifier") if isinstance(performer.get("identifier"), dict) else None
        name = performer.get("display")
        if org is not None:
            name = org.get("name") or name
            for i in org.get("identifier") or []:
                if isinstance(i, dict) and i.get("system") == sys_inst:
                    ident = i
        if ident and ident.get("system") == sys_inst and ident.get("value"):
            code = str(ident["value"])[:30]
            return code, str(name or code)[:80]
    return None


def parse_searchset(bundle: dict[str, Any], settings: ExchangeSettings) -> tuple[list[ExternalReport], int]:
    """The reports of one searchset page and how many were skipped as unreadable."""
    resources: list[dict[str, Any]] = [
        e["resource"] for e in bundle.get("entry") or []
        if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
    by_ref = {f"{r.get('resourceType')}/{r.get('id')}": r for r in resources if r.get("id")}
    reports: list[ExternalReport] = []
    skipped = 0
    for r in resources:
        if r.get("resourceType") != "DiagnosticReport":
            continue
        if r.get("status") not in KEPT_STATUSES:
            continue
        org = _organization(r, by_ref, settings.sys_inst)
        name = concept_name(r.get("code"))
        period: dict[str, Any] = r["effectivePeriod"] if isinstance(r.get("effectivePeriod"), dict) else {}
        effective = _instant(r.get("effectiveDateTime")) or _instant(period.get("start"))
        if not (org and name and effective and r.get("id")):
            skipped += 1
            continue
        items = []
        for ref in r.get("result") or []:
            obs = by_ref.get(str((ref or {}).get("reference", ""))) if isinstance(ref, dict) else None
            item = _item(obs) if obs is not None and obs.get("resourceType") == "Observation" else None
            if item is not None:
                items.append(item)
        first = next(iter(_codings(r.get("code"))), {})
        conclusion = r.get("conclusion") if isinstance(r.get("conclusion"), str) else None
        reports.append(ExternalReport(
            inst_code=org[0], inst_name=org[1], source_ref=f"DiagnosticReport/{r['id']}"[:200],
            kind=_kind(r), code_system=(str(first["system"])[:100] if first.get("system") else None),
            code=(str(first["code"])[:40] if first.get("code") else None), loinc=_loinc(r.get("code")),
            name=name[:NAME_MAX], effective_at=effective, issued_at=_instant(r.get("issued")),
            items=tuple(items[:ITEMS_MAX]),
            conclusion=conclusion.strip()[:CONCLUSION_MAX] if conclusion else None))
    return reports, skipped


def search_reports(client: PlatformClient, identifiers: Iterable[tuple[str, str]],
                   settings: ExchangeSettings) -> tuple[list[ExternalReport], int]:
    """Every report one platform has for any of the patient's identifiers, each once."""
    found: dict[tuple[str, str], ExternalReport] = {}
    skipped = 0
    for system, value in identifiers:
        params = {"patient.identifier": f"{system}|{value}", "_include": "DiagnosticReport:result",
                  "_count": str(PAGE_SIZE)}
        for bundle in client.search_pages("DiagnosticReport", params, MAX_PAGES):
            reports, bad = parse_searchset(bundle, settings)
            skipped += bad
            for rep in reports:
                found.setdefault((rep.inst_code, rep.source_ref), rep)
    return list(found.values()), skipped


def pull_reports(endpoints: Iterable[str], identifiers: list[tuple[str, str]], settings: ExchangeSettings,
                 *, own_code: str, client_for: Callable[[str], PlatformClient]) -> PullOutcome:
    """Ask each platform once; a platform that fails is named in `failures`, the others still
    answer. Reports of this hospital itself (its own code) are left out: they are local."""
    outcome = PullOutcome()
    seen: set[tuple[str, str]] = set()
    for endpoint in dict.fromkeys(endpoints):
        client = client_for(endpoint)
        try:
            reports, skipped = search_reports(client, identifiers, settings)
        except PlatformUnavailable as exc:
            outcome.failures.append((endpoint, str(exc)))
            continue
        except ValueError as exc:
            outcome.failures.append((endpoint, str(exc) or "bad answer"))
            continue
        finally:
            client.close()
        outcome.skipped += skipped
        for rep in reports:
            key = (rep.inst_code, rep.source_ref)
            if rep.inst_code != own_code and key not in seen:
                seen.add(key)
                outcome.reports.append(rep)
    return outcome


def default_client(endpoint: str, settings: ExchangeSettings) -> PlatformClient:
    return PlatformClient(endpoint, settings, token=platform_token(endpoint))
