"""结果互认: external lab and imaging reports pulled from a FHIR R4 server on a real socket
(pytest-httpserver: a searchset in two pages, Observations included), kept once however often
they are pulled, recognised by a doctor; the same test ordered again within the window then asks
for a reason at signing, and the reason is kept. What is served is valid R4 (fhir.resources)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import func, select, update
from werkzeug import Request, Response

from app.clock import utcnow
from app.errors import NeedsAcknowledgement, PermissionDenied
from app.exchange.results import PullOutcome, default_client, pull_reports
from app.exchange.settings import ExchangeSettings
from app.ids import new_id
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.ext_result_cmds import RecogniseExternalResult, RecordExternalResults
from app.services.ext_results import chart_results, pull_plan
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import ext_result, member_inst, order_override
from tests.unit.services.test_orders import draft, sign, status, version

DOCTOR = demo_id("staff", "liming")
NURSE = demo_id("staff", "liufang")
ENC_7 = demo_id("encounter", 7)
PC = "pc-results"
S = ExchangeSettings()
FHIR = "application/fhir+json"


def _org(code: str, name: str) -> dict[str, Any]:
    return {"resourceType": "Organization", "id": f"org-{code}", "name": name,
            "identifier": [{"system": S.sys_inst, "value": code}]}


def _report(rid: str, org: str, name: str, loinc: str, at: datetime, *, lab: bool = True,
            status: str = "final", results: tuple[str, ...] = (), conclusion: str = "") -> dict[str, Any]:
    res: dict[str, Any] = {
        "resourceType": "DiagnosticReport", "id": rid, "status": status,
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074",
                                  "code": "LAB" if lab else "RAD"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": loinc}], "text": name},
        "subject": {"identifier": {"system": S.sys_id_card, "value": "x"}},
        "effectiveDateTime": at.isoformat(), "issued": (at + timedelta(hours=2)).isoformat(),
        "performer": [{"reference": f"Organization/org-{org}"}]}
    if results:
        res["result"] = [{"reference": f"Observation/{r}"} for r in results]
    if conclusion:
        res["conclusion"] = conclusion
    return res


def _obs(oid: str, name: str, value: float, unit: str, flag: str = "") -> dict[str, Any]:
    res: dict[str, Any] = {"resourceType": "Observation", "id": oid, "status": "final",
                           "code": {"text": name}, "valueQuantity": {"value": value, "unit": unit},
                           "referenceRange": [{"low": {"value": 3.5}, "high": {"value": 9.5}}]}
    if flag:
        res["interpretation"] = [{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": flag}]}]
    return res


def _page(base: str, resources: list[dict[str, Any]], nxt: str = "") -> dict[str, Any]:
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "total": len(resources),
                              "entry": [{"fullUrl": f"{base}/{r['resourceType']}/{r['id']}", "resource": r}
                                        for r in resources]}
    if nxt:
        bundle["link"] = [{"relation": "next", "url": nxt}]
    return bundle


class Platform:
    """DiagnosticReport search in two pages; `down` answers 503 to everything."""

    def __init__(self, server: HTTPServer, now: datetime) -> None:
        self.server, self.down, self.asked = server, False, []
        base = server.url_for("/fhir")
        city, own = "PRH-3A-0001", S.org_code
        self.pages = [
            _page(base, [_org(city, "省人民医院"), _org(own, S.org_name),
                         _report("cbc-1", city, "血常规", "58410-2", now - timedelta(days=2),
                                 results=("wbc-1", "hb-1")),
                         _obs("wbc-1", "白细胞计数", 12.3, "10^9/L", "H"),
                         _obs("hb-1", "血红蛋白", 128, "g/L"),
                         _report("own-1", own, "C反应蛋白", "1988-5", now - timedelta(days=1)),
                         _report("pre-1", city, "降钙素原", "33959-8", now, status="preliminary")],
                  f"{base}/DiagnosticReport?page=2"),
            _page(base, [_org(city, "省人民医院"),
                         _report("ct-1", city, "胸部CT平扫", "29252-4", now - timedelta(days=40), lab=False,
                                 conclusion="右肺下叶少许炎症"),
                         {**_report("anon-1", city, "尿常规", "24356-8", now), "performer": []}])]
        server.expect_request("/fhir/DiagnosticReport", method="GET").respond_with_handler(self._search)

    def _search(self, request: Request) -> Response:
        self.asked.append(dict(request.args))
        if self.down:
            down = {"resourceType": "OperationOutcome",
                    "issue": [{"severity": "error", "code": "transient", "diagnostics": "维护中"}]}
            return Response(json.dumps(down), 503, content_type=FHIR)
        page = self.pages[1 if request.args.get("page") == "2" else 0]
        return Response(json.dumps(page), 200, content_type=FHIR)


@pytest.fixture
def platform() -> Iterator[Platform]:
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield Platform(server, utcnow())
    finally:
        server.clear()
        server.stop()


@pytest.fixture
def db(demo_engine: Database, platform: Platform) -> Database:
    with demo_engine.begin() as conn:
        conn.execute(update(member_inst).values(endpoint=platform.server.url_for("/fhir")))
    return demo_engine


def _pull(db: Database) -> tuple[str, PullOutcome]:
    with db.read() as conn:
        plan = pull_plan(conn, ENC_7)
    fast = ExchangeSettings(connect_timeout=2, read_timeout=2, retries=0)
    return plan.patient_id, pull_reports(plan.endpoints, list(plan.identifiers), plan.settings,
                                         own_code=plan.settings.org_code,
                                         client_for=lambda e: default_client(e, fast))


def _record(db: Database, patient_id: str, outcome: PullOutcome) -> None:
    run_command(db, PC, RecordExternalResults(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                              patient_id=patient_id, reports=tuple(outcome.reports)))


def test_what_is_served_is_valid_r4() -> None:
    from fhir.resources import construct_fhir_element

    server = HTTPServer()
    try:
        for page in Platform(server, utcnow()).pages:
            construct_fhir_element("Bundle", page)
            for entry in page["entry"]:
                construct_fhir_element(entry["resource"]["resourceType"], entry["resource"])
    finally:
        server.clear()


def test_a_pull_reads_every_page_and_keeps_only_what_a_doctor_may_recognise(
        db: Database, platform: Platform) -> None:
    patient_id, outcome = _pull(db)
    assert outcome.failures == []
    names = sorted(r.name for r in outcome.reports)
    assert names == ["胸部CT平扫", "血常规"]            # not our own, not preliminary, not unattributed
    assert outcome.skipped == 1
    cbc = next(r for r in outcome.reports if r.name == "血常规")
    assert (cbc.inst_name, cbc.kind, cbc.loinc) == ("省人民医院", "lab", "58410-2")
    assert [(i.name, i.value, i.flag) for i in cbc.items] == [("白细胞计数", "12.3", "H"),
                                                              ("血红蛋白", "128", None)]
    ct = next(r for r in outcome.reports if r.kind == "exam")
    assert ct.conclusion == "右肺下叶少许炎症"
    assert platform.asked[0]["patient.identifier"].startswith(S.sys_id_card + "|")
    assert len(platform.asked) == 2                   # both pages, one platform asked once

    _record(db, patient_id, outcome)
    _record(db, patient_id, outcome)                  # pulled again (another PC, a replay): one row each
    with db.read() as conn:
        pulled = conn.execute(select(func.count()).select_from(ext_result).where(
            ext_result.c.source_ref.in_(("DiagnosticReport/cbc-1", "DiagnosticReport/ct-1")))).scalar()
        shown = chart_results(conn, ENC_7)
    assert pulled == 2
    assert [r.name for r in shown.external][:2] == ["血常规", "胸部CT平扫"]      # newest first
    assert shown.patient_id == patient_id


def test_a_platform_that_is_down_is_named_and_nothing_is_recorded(db: Database, platform: Platform) -> None:
    platform.down = True
    _patient_id, outcome = _pull(db)
    assert outcome.reports == [] and len(outcome.failures) == 1
    assert "维护中" in outcome.failures[0][1]


def _lab_order(db: Database, code: str, content: str) -> str:
    return draft(db, ENC_7, oc.OrderFields(term="temp", category="lab", content=content, item_code=code,
                                           start_at=utcnow()))


def test_recognised_a_repeat_of_the_same_test_needs_a_reason_which_is_kept(db: Database) -> None:
    patient_id, outcome = _pull(db)
    _record(db, patient_id, outcome)
    with db.read() as conn:
        cbc, ct = chart_results(conn, ENC_7).external[:2]
    with pytest.raises(PermissionDenied):            # a nurse reads them; a doctor recognises
        run_command(db, PC, RecogniseExternalResult(op_id=new_id(), actor_id=NURSE, device_time=utcnow(),
                                                    result_id=cbc.id, base_version=cbc.version))
    before = _lab_order(db, "L0001", "血常规")
    sign(db, ENC_7, [before])                        # not recognised yet: no alert
    assert status(db, before) != "draft"
    for res in (cbc, ct):
        run_command(db, PC, RecogniseExternalResult(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                                    result_id=res.id, base_version=res.version))
    again = _lab_order(db, "L0001", "血常规")
    with pytest.raises(NeedsAcknowledgement) as err:
        sign(db, ENC_7, [again])
    [alert] = err.value.params["alerts"]
    assert (alert["category"], alert["severity"]) == ("duplicate_test", "moderate")
    assert "省人民医院" in alert["message"] and "血常规" in alert["message"]
    reason = oc.OverrideReason(again, "duplicate_test", tuple(alert["related"]), "other", "病情变化需复查")
    sign(db, ENC_7, [again], overrides=(reason,))
    assert status(db, again) != "draft"
    with db.read() as conn:
        kept = conn.execute(select(order_override.c.reason)
                            .where(order_override.c.order_id == again)).scalar()
    assert "病情变化需复查" in str(kept)
    ct_again = draft(db, ENC_7, oc.OrderFields(term="temp", category="exam", content="胸部CT平扫",
                                               item_code="E0008", start_at=utcnow()))
    sign(db, ENC_7, [ct_again])                      # recognised, but 40 days ago: outside 30 days
    assert status(db, ct_again) != "draft"
    assert version(db, ct_again) >= 2
