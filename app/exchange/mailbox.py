"""What the platforms hold for this hospital (issue 17): referrals other member institutions sent
to one of our departments, and their answers to the referrals we sent.

Every referral Bundle and every answer names the institution it is for in `Bundle.meta.tag`
(system `sys_route`, code the institution's code: app/exchange/fhir_bundle.py route_meta), so a
platform's mailbox is one standard search: `Bundle?_tag=<sys_route>|<our code>`, newest pages
followed, from the last `meta.lastUpdated` taken (kept per platform in app_setting
`exchange:mailbox:<a hash of the endpoint>`). Each Bundle is taken in a unit of work of its own:

- a referral (it has a ServiceRequest): kept as an inbound referral for the department its
  performerType names (receive_referral, idempotent on the Bundle identifier), from the member
  institution its Organization names; an unknown sender or department is left for IT (counted,
  said), never guessed;
- an answer (a Task on one of our referrals' Bundles): the referral becomes accepted or rejected
  with the platform's reason, once;
- a critical value (Observations flagged HH, LL or AA, e.g. from the 医共体's central lab) for a
  patient we have in hospital, found by the 居民身份证号 or 居民健康卡号: reported like the lab's own
  (app/services/critical.py, source "platform", the sender's Observation as its reference), so
  the ward's banner shows it within seconds and a resend is one alert.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Optional

from sqlalchemy import insert, select, update

from app.errors import WardStationError
from app.exchange.client import PlatformClient, PlatformUnavailable
from app.exchange.fhir_bundle import resources
from app.exchange.inbound import receive_referral
from app.exchange.settings import ExchangeSettings, exchange_settings
from app.services.audit import AuditEntry
from app.services.uow import UnitOfWork
from app.store.schema import app_setting, dept, member_inst, referral

MAX_PAGES = 20
PAGE_SIZE = 50
CURSOR = "exchange:mailbox:"


@dataclass
class MailReport:
    referrals: int = 0               # new referrals kept for a department
    answers: int = 0                 # answers applied to our referrals
    criticals: int = 0               # critical-value Bundles reported to the ward
    already: int = 0                 # taken before (a repeated pull)
    left: list[str] = field(default_factory=list)     # what IT must look at, one line each
    failures: list[tuple[str, str]] = field(default_factory=list)   # (endpoint, why)


def fetch(client: PlatformClient, settings: ExchangeSettings, since: Optional[str]) -> list[dict[str, Any]]:
    """The Bundles the platform holds for us (searchset entries that are Bundles)."""
    params = {"_tag": f"{settings.sys_route}|{settings.org_code}", "_count": str(PAGE_SIZE),
              "_sort": "_lastUpdated"}
    if since:
        params["_lastUpdated"] = f"ge{since}"
    return [e["resource"] for page in client.search_pages("Bundle", params, MAX_PAGES)
            for e in page.get("entry") or [] if isinstance(e, dict)
            and isinstance(e.get("resource"), dict) and e["resource"].get("resourceType") == "Bundle"]


def _sender(uow: UnitOfWork, bundle: dict[str, Any], settings: ExchangeSettings) -> Optional[str]:
    for r in resources(bundle):
        if r.get("resourceType") != "Organization":
            continue
        for i in r.get("identifier") or []:
            if isinstance(i, dict) and i.get("system") == settings.sys_inst and i.get("value"):
                found = uow.conn.execute(select(member_inst.c.id).where(
                    member_inst.c.code == str(i["value"]))).scalar()
                if found is not None:
                    return str(found)
    return None


def take(uow: UnitOfWork, bundle: dict[str, Any], settings: ExchangeSettings) -> str:
    """One Bundle: "referral", "answer", "already", or a line for IT (starts with "left:")."""
    kinds = {r.get("resourceType"): r for r in resources(bundle)}
    ident = str((bundle.get("identifier") or {}).get("value", ""))
    if "ServiceRequest" in kinds:
        known = uow.conn.execute(select(referral.c.id).where(referral.c.bundle_ident == ident)).scalar()
        if known is not None:
            return "already"
        inst_id = _sender(uow, bundle, settings)
        if inst_id is None:
            return f"left: {ident}: the sending institution is not a member institution"
        wanted = str((kinds["ServiceRequest"].get("performerType") or {}).get("text", "")).strip()
        dept_id = uow.conn.execute(select(dept.c.id).where(dept.c.name == wanted)).scalar()
        if dept_id is None:
            return f"left: {ident}: no department named {wanted!r}"
        receive_referral(uow, bundle, inst_id=inst_id, dept_id=str(dept_id))
        return "referral"
    task = kinds.get("Task")
    if task is not None:
        focus = str(((task.get("focus") or {}).get("identifier") or {}).get("value", ""))
        row = uow.conn.execute(select(referral).where(referral.c.bundle_ident == focus)
                               .where(referral.c.inbound == False)).mappings().first()  # noqa: E712
        if row is None:
            return f"left: {ident}: an answer to no referral of ours ({focus})"
        status = "accepted" if task.get("status") == "accepted" else \
            "rejected" if task.get("status") == "rejected" else None
        if status is None:
            return f"left: {ident}: an answer with status {task.get('status')!r}"
        if row["status"] != "sent":
            return "already"
        reason = str((task.get("statusReason") or {}).get("text", ""))[:200] or None
        uow.conn.execute(update(referral).where(referral.c.id == row["id"]).values(
            status=status, reject_reason=reason if status == "rejected" else None,
            answered_at=uow.now, version=referral.c.version + 1, updated_at=uow.now))
        uow.audit(AuditEntry("answered", "referral", str(row["id"]), None, row["patient_id"],
                             {"status": row["status"]}, {"status": status, "reason": reason,
                                                        "answer": ident}))
        return "answer"
    flagged = [(r, flag) for r in resources(bundle) if r.get("resourceType") == "Observation"
               for flag in [_critical_flag(r)] if flag is not None]
    if flagged:
        return _critical(uow, bundle, ident, flagged, settings)
    return f"left: {ident}: neither a referral nor an answer"


def _critical_flag(obs: dict[str, Any]) -> Optional[str]:
    """HH / LL for a critical value, "" for a critical one without direction (AA), else None."""
    for concept in obs.get("interpretation") or []:
        for c in (concept or {}).get("coding") or [] if isinstance(concept, dict) else []:
            code = c.get("code") if isinstance(c, dict) else None
            if code in ("HH", "LL"):
                return str(code)
            if code == "AA":
                return ""
    return None


def _critical(uow: UnitOfWork, bundle: dict[str, Any], ident: str,
              flagged: list[tuple[dict[str, Any], str]], settings: ExchangeSettings) -> str:
    from app.exchange.referral_facts import identifies, read_referral
    from app.exchange.results import concept_name, number_text
    from app.services.critical import CriticalReport, report_critical
    from app.store.schema import encounter, patient

    facts = read_referral(bundle, settings)
    same = identifies(facts)
    mrn = None
    if same is not None:
        mrn = uow.conn.execute(select(patient.c.mrn).join(encounter, encounter.c.patient_id == patient.c.id)
                               .where(same).where(encounter.c.status == "admitted")).scalar()
    if mrn is None:
        return f"left: {ident}: a critical value for a patient not in hospital here"
    org = next((i.get("value") for r in resources(bundle) if r.get("resourceType") == "Organization"
                for i in r.get("identifier") or []
                if isinstance(i, dict) and i.get("system") == settings.sys_inst), "platform")
    for obs, flag in flagged:
        quantity: dict[str, Any] = obs["valueQuantity"] if isinstance(obs.get("valueQuantity"), dict) else {}
        value = number_text(quantity.get("value")) if quantity else None
        value = value or (obs.get("valueString") if isinstance(obs.get("valueString"), str) else None)
        coding = next((c for c in (obs.get("code") or {}).get("coding") or [] if isinstance(c, dict)), {})
        at = str(obs.get("issued") or obs.get("effectiveDateTime") or "")
        try:
            reported = datetime.fromisoformat(at.replace("Z", "+00:00")) if at else uow.now
        except ValueError:
            reported = uow.now
        if reported.tzinfo is None:
            reported = uow.now
        report_critical(uow, CriticalReport(
            source_ref=f"{org}:{obs.get('id') or ident}"[:64], mrn=str(mrn),
            test_code=str(coding.get("code") or "EXT")[:12], value_text=str(value or "?")[:60],
            reported_at=reported, unit=(str(quantity.get("unit"))[:20] if quantity.get("unit") else None),
            abnormal=flag or None, test_name=(concept_name(obs.get("code")) or "外院危急值")[:60],
            source="platform"))
    return "critical"


def cursor_key(endpoint: str) -> str:
    """app_setting's key of one platform's mailbox cursor (short whatever the URL's length)."""
    return CURSOR + hashlib.sha1(endpoint.encode("utf-8")).hexdigest()[:20]


def _cursor(conn: Any, endpoint: str) -> Optional[str]:
    value = conn.execute(select(app_setting.c.svalue).where(app_setting.c.skey == cursor_key(endpoint))
                         ).scalar()
    return str(value) if value else None


def pull(db: Any, *, workstation: str,
         client_for: Optional[Callable[[str, ExchangeSettings], PlatformClient]] = None) -> MailReport:
    """Every platform the member institutions name, asked once; each Bundle taken on its own."""
    from app.exchange.results import default_client
    from app.services.write import run_unit

    client_for = client_for or default_client
    with db.read() as conn:
        settings = exchange_settings(conn)
        endpoints = list(dict.fromkeys(str(e) for e in conn.execute(
            select(member_inst.c.endpoint).where(member_inst.c.is_active == True)  # noqa: E712
            .order_by(member_inst.c.code)).scalars()))
        cursors = {e: _cursor(conn, e) for e in endpoints}
    report = MailReport()
    for endpoint in endpoints:
        client = client_for(endpoint, settings)
        try:
            bundles = fetch(client, settings, cursors[endpoint])
        except (PlatformUnavailable, ValueError) as exc:
            report.failures.append((endpoint, str(exc) or "bad answer"))
            continue
        finally:
            client.close()
        newest = cursors[endpoint]
        for bundle in bundles:
            def one(uow: UnitOfWork, b: dict[str, Any] = bundle) -> str:
                return take(uow, b, settings)

            try:
                outcome = run_unit(db, workstation, one)
            except WardStationError as exc:
                report.left.append(f"{(bundle.get('identifier') or {}).get('value', '?')}: {exc.message_id}")
                continue
            if outcome == "referral":
                report.referrals += 1
            elif outcome == "answer":
                report.answers += 1
            elif outcome == "critical":
                report.criticals += 1
            elif outcome == "already":
                report.already += 1
            else:
                report.left.append(outcome.removeprefix("left: "))
            stamp = str((bundle.get("meta") or {}).get("lastUpdated") or "")
            if stamp and (newest is None or stamp > newest):
                newest = stamp
        if newest and newest != cursors[endpoint]:
            key = cursor_key(endpoint)

            def save(uow: UnitOfWork, value: str = newest, k: str = key) -> None:
                done = uow.conn.execute(update(app_setting).where(app_setting.c.skey == k)
                                        .values(svalue=value))
                if done.rowcount == 0:
                    uow.conn.execute(insert(app_setting).values(skey=k, svalue=value))

            run_unit(db, workstation, save)
    return report
