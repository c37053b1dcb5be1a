"""Two hospitals' databases and one FHIR R4 platform on a real socket: hospital A refers a patient
to hospital B's 内科 and sends it; B's mailbox pull (a `_tag` search) keeps it as an incoming
referral, once however often it pulls; B accepts and sends the answer; A's pull marks its referral
accepted. A sender that is not a member institution, or a department B does not have, is left
for IT with a line saying why; a platform that is down is named and nothing is lost."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import insert, select, update

from app.clock import utcnow
from app.exchange import mailbox
from app.exchange.sender import flush
from app.ids import new_id
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import app_setting, member_inst, referral
from tests.unit.exchange.fhir_server import FhirServer
from tests.unit.services.conftest import make_engine

DOCTOR = demo_id("staff", "liming")
B_CODE = "CCH-2A-0107"                    # 城关县人民医院 in A's list of member institutions


@pytest.fixture
def fhir() -> Iterator[FhirServer]:
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield FhirServer(server)
    finally:
        server.clear()
        server.stop()


def _point_at(db: Database, fhir: FhirServer) -> None:
    with db.begin() as conn:
        conn.execute(update(member_inst).values(endpoint=fhir.base))
        conn.execute(insert(app_setting), [{"skey": "exchange:read_timeout", "svalue": "2"},
                                           {"skey": "exchange:retries", "svalue": "0"}])


@pytest.fixture
def hospital_b(seeded_file: Path, tmp_path: Path, fhir: FhirServer) -> Iterator[Database]:
    """A second hospital: its own code on the platform, hospital A among its member institutions."""
    shutil.copy(seeded_file, tmp_path / "b.db")
    db = make_engine(tmp_path / "b.db")
    _point_at(db, fhir)
    now = utcnow()
    with db.begin() as conn:
        conn.execute(insert(app_setting).values(skey="exchange:org_code", svalue=B_CODE))
        conn.execute(insert(member_inst).values(
            id=new_id(), code="WS-DEMO-0001", name="演示医院", inst_level="tertiary", endpoint=fhir.base,
            is_active=True, version=1, created_at=now, updated_at=now))
    yield db
    db.dispose()


def _refer(a: Database, to_dept: str = "内科") -> str:
    cmd = rc.CreateReferral(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(), referral_id=new_id(),
                            encounter_id=demo_id("encounter", 3), inst_id=demo_id("member_inst", B_CODE),
                            direction="down", reason="病情稳定，下转县医院继续治疗", to_dept=to_dept,
                            send=True)
    run_command(a, "pc-a", cmd)
    return cmd.referral_id


def _status(db: Database, referral_id: str) -> str:
    with db.read() as conn:
        return str(conn.execute(select(referral.c.status).where(referral.c.id == referral_id)).scalar_one())


def test_a_referral_and_its_answer_go_round_through_the_platform(
        demo_engine: Database, hospital_b: Database, fhir: FhirServer) -> None:
    a = demo_engine
    _point_at(a, fhir)
    sent = _refer(a)
    assert flush(a, workstation="pc-a").sent == 1
    report = mailbox.pull(hospital_b, workstation="pc-b")
    assert (report.referrals, report.left, report.failures) == (1, [], [])
    again = mailbox.pull(hospital_b, workstation="pc-b")           # the cursor: nothing taken twice
    assert again.referrals == 0
    with hospital_b.read() as conn:
        [row] = conn.execute(select(referral).where(referral.c.inbound == True)  # noqa: E712
                             .where(referral.c.bundle_ident == rc.referral_ident(sent))).mappings().all()
    assert (row["status"], row["dept_id"], row["to_dept"]) == ("sent", demo_id("dept"), "内科")
    run_command(hospital_b, "pc-b", rc.AcceptReferral(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                                      referral_id=row["id"], base_version=row["version"]))
    assert flush(hospital_b, workstation="pc-b").sent == 1
    assert _status(a, sent) == "sent"
    back = mailbox.pull(a, workstation="pc-a")
    assert (back.answers, back.left) == (1, [])
    assert _status(a, sent) == "accepted"
    with a.begin() as conn:                                         # a cursor lost: taken once anyway
        conn.execute(update(app_setting).where(app_setting.c.skey.like("exchange:mailbox:%"))
                     .values(svalue=""))
    assert mailbox.pull(a, workstation="pc-a").answers == 0


def test_what_cannot_be_placed_is_left_for_it_and_a_platform_down_is_named(
        demo_engine: Database, hospital_b: Database, fhir: FhirServer) -> None:
    a = demo_engine
    _point_at(a, fhir)
    _refer(a, to_dept="心胸外科")
    flush(a, workstation="pc-a")
    report = mailbox.pull(hospital_b, workstation="pc-b")
    assert report.referrals == 0 and len(report.left) == 1 and "心胸外科" in report.left[0]
    fhir.down = True
    report = mailbox.pull(hospital_b, workstation="pc-b")
    assert len(report.failures) == 1 and report.referrals == 0


def test_exchange_receive_on_the_command_line(demo_engine: Database, hospital_b: Database, fhir: FhirServer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run

    _point_at(demo_engine, fhir)
    _refer(demo_engine)
    _refer(demo_engine, to_dept="心胸外科")
    flush(demo_engine, workstation="pc-a")
    url = str(hospital_b.engine.url)
    assert run(["exchange", "receive", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "1 referrals in" in out and "1 left for IT" in out and "心胸外科" in out
    fhir.down = True
    assert run(["exchange", "receive", "--url", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be read" in err


def test_a_critical_value_from_the_platform_reaches_the_ward_once(demo_engine: Database,
                                                                 fhir: FhirServer) -> None:
    from app.services.critical import open_alerts
    from app.store.schema import encounter, patient

    a = demo_engine
    _point_at(a, fhir)
    with a.read() as conn:
        id_card = conn.execute(select(patient.c.id_card)
                               .join(encounter, encounter.c.patient_id == patient.c.id)
                               .where(encounter.c.id == demo_id("encounter", 7))).scalar_one()
    bundle = {"resourceType": "Bundle", "type": "collection",
              "identifier": {"system": "urn:wardstation:sid:bundle", "value": "crit-k-1"},
              "meta": {"tag": [{"system": "urn:wardstation:cs:route", "code": "WS-DEMO-0001"}],
                       "lastUpdated": "2026-01-01T00:00:09.000+00:00"},
              "entry": [{"resource": {"resourceType": "Organization", "id": "lab", "name": "医共体检验中心",
                                      "identifier": [{"system": "urn:wardstation:sid:institution",
                                                      "value": "CCH-2A-0107"}]}},
                        {"resource": {"resourceType": "Patient", "id": "p", "identifier": [
                            {"system": "urn:wardstation:sid:id-card", "value": id_card}]}},
                        {"resource": {"resourceType": "Observation", "id": "k-7", "status": "final",
                                      "code": {"text": "血钾"}, "subject": {"reference": "Patient/p"},
                                      "valueQuantity": {"value": 6.9, "unit": "mmol/L"},
                                      "issued": utcnow().isoformat(),
                                      "interpretation": [{"coding": [{"code": "HH"}]}]}}]}
    fhir.stored["crit-k-1"] = bundle
    report = mailbox.pull(a, workstation="pc-a")
    assert (report.criticals, report.left) == (1, [])
    with a.begin() as conn:            # read again from the start: still one alert
        conn.execute(update(app_setting).where(app_setting.c.skey.like("exchange:mailbox:%")).values(svalue=""))
    mailbox.pull(a, workstation="pc-a")
    with a.read() as conn:
        alerts = [x for x in open_alerts(conn, demo_id("ward")) if x.test_name == "血钾"]
    assert len(alerts) == 1 and alerts[0].value_with_unit == "6.9 mmol/L" and alerts[0].bed_no == "7"
