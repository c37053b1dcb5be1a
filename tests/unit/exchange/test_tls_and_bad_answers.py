"""TLS against the hospital's CA bundle (a setting), and answers that cannot be used: a server
the CA did not sign, a huge answer, a malformed one. Each is a clear outcome on the queued row,
nothing lost, no traceback."""
from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import insert, select, update
from werkzeug import Response

from app.clock import utcnow
from app.exchange import client as cl
from app.exchange.sender import flush
from app.exchange.settings import ExchangeSettings
from app.ids import new_id
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import app_setting, exchange_out, member_inst
from tests.unit.exchange.fhir_server import FhirServer
from tests.unit.exchange.test_ca import make_ca


@pytest.fixture
def tls(tmp_path: Path) -> Iterator[tuple[FhirServer, Path]]:
    ca, cert, key = make_ca(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    server = HTTPServer(host="127.0.0.1", ssl_context=context, threaded=True)
    server.start()
    try:
        yield FhirServer(server), ca
    finally:
        server.clear()
        server.stop()


def _queue(db: Database, endpoint: str, **settings: str) -> None:
    with db.begin() as conn:
        conn.execute(update(member_inst).values(endpoint=endpoint))
        conn.execute(insert(app_setting), [{"skey": f"exchange:{k}", "svalue": v}
                                           for k, v in dict(settings, retries="1", read_timeout="2").items()])
    run_command(db, "pc", rc.CreateReferral(
        op_id=new_id(), actor_id=demo_id("staff", "zhangwei"), device_time=utcnow(),
        referral_id=new_id(), encounter_id=demo_id("encounter", 7),
        inst_id=demo_id("member_inst", "PRH-3A-0001"), direction="up", reason="上转", to_dept="心内科",
        send=True))


def _row(db: Database) -> dict:
    with db.read() as conn:
        return dict(conn.execute(select(exchange_out)).mappings().one())


def test_tls_with_the_hospitals_ca_bundle_is_sent(demo_engine: Database, tls: tuple[FhirServer, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fhir, ca = tls
    # requests lets this variable override Session.verify; the setting must win over it.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    assert fhir.base.startswith("https://")
    _queue(demo_engine, fhir.base, ca_bundle=str(ca))
    assert flush(demo_engine, workstation="pc").sent == 1
    assert _row(demo_engine)["state"] == "sent" and len(fhir.stored) == 1


def test_a_server_the_ca_did_not_sign_is_refused_and_the_item_kept(
        demo_engine: Database, tls: tuple[FhirServer, Path]) -> None:
    fhir, _ca = tls
    _queue(demo_engine, fhir.base)                      # the system's store: the test CA is unknown
    report = flush(demo_engine, workstation="pc")
    row = _row(demo_engine)
    assert report.done == 0 and row["state"] == "queued"
    assert row["last_error"] == "TLS: CERTIFICATE_VERIFY_FAILED"
    assert fhir.posts == 0 and fhir.stored == {}


@pytest.fixture
def plain() -> Iterator[HTTPServer]:
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def test_a_huge_answer_is_not_read_whole(plain: HTTPServer) -> None:
    plain.expect_request("/fhir/Bundle").respond_with_handler(
        lambda r: Response(b"{" + b" " * (cl.MAX_RESPONSE + 10) + b"}", 201, content_type="application/json"))
    client = cl.PlatformClient(plain.url_for("/fhir"), ExchangeSettings(retries=0), sleep=lambda s: None)
    res = client.create_bundle("{}", "s", "v")
    assert res.outcome == cl.RETRY and "larger than" in res.message


def test_a_malformed_error_answer_is_failed_with_its_status(plain: HTTPServer) -> None:
    plain.expect_request("/fhir/Bundle").respond_with_data("<html>bad gateway config</html>", 422)
    client = cl.PlatformClient(plain.url_for("/fhir"), ExchangeSettings(retries=0))
    res = client.create_bundle("{}", "s", "v")
    assert (res.outcome, res.status, res.message) == (cl.FAILED, 422, "HTTP 422")


def test_retry_after_as_seconds_or_an_http_date() -> None:
    from datetime import datetime, timezone

    now = datetime(2026, 12, 4, 8, 0, tzinfo=timezone.utc)
    assert cl.retry_after_seconds("7") == 7.0
    assert cl.retry_after_seconds("Fri, 04 Dec 2026 08:00:30 GMT", now) == 30.0
    assert cl.retry_after_seconds("soon") is None
