"""Referrals sent to a FHIR R4 server on a real socket (pytest-httpserver), with faults: a lost
answer, a timeout, 429 with Retry-After, 503, an OperationOutcome. What users would notice:
the platform holds each Bundle once, nothing queued is lost while it is down, a refusal is kept
with the platform's own words, and the doctor's save never waited on any of it."""
from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import func, insert, select, update

from app.clock import utcnow
from app.errors import ValidationError
from app.exchange import queue as q
from app.exchange.fhir_bundle import build_bundle
from app.exchange.inbound import receive_referral
from app.exchange.sender import flush
from app.exchange.settings import exchange_settings
from app.exchange.stay_record import read_stay
from app.ids import new_id
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.services.write import run_command, run_unit
from app.store.db import Database
from app.store.schema import app_setting, exchange_out, member_inst, referral
from tests.unit.exchange.fhir_check import validate_bundle
from tests.unit.exchange.fhir_server import FhirServer

DOCTOR = demo_id("staff", "zhangwei")
COMMUNITY = demo_id("member_inst", "DQ-CHC-0312")
PC = "pc-exchange"

OUTBOUND = select(func.count()).select_from(referral).where(referral.c.inbound.is_(False))


@pytest.fixture
def fhir() -> Iterator[FhirServer]:
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield FhirServer(server)
    finally:
        server.clear()
        server.stop()


@pytest.fixture
def db(demo_engine: Database, fhir: FhirServer) -> Database:
    with demo_engine.begin() as conn:
        conn.execute(update(member_inst).values(endpoint=fhir.base))
        conn.execute(insert(app_setting), [
            {"skey": "exchange:connect_timeout", "svalue": "2"},
            {"skey": "exchange:read_timeout", "svalue": "2"},      # a loaded test machine is slow
            {"skey": "exchange:retries", "svalue": "2"}])
    return demo_engine


def _refer(db: Database, bed: int, *, send: bool = True) -> rc.CreateReferral:
    cmd = rc.CreateReferral(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                            referral_id=new_id(), encounter_id=demo_id("encounter", bed),
                            inst_id=COMMUNITY, direction="down", reason="病情稳定，下转社区康复",
                            to_dept="全科", send=send)
    run_command(db, PC, cmd)
    return cmd


def _rows(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        return [dict(r) for r in conn.execute(select(exchange_out).order_by(exchange_out.c.queued_at))
                .mappings()]


def test_a_referral_is_queued_with_its_save_and_stored_once_after_a_lost_answer(
        db: Database, fhir: FhirServer) -> None:
    cmd = _refer(db, 7)
    [row] = _rows(db)
    assert (row["state"], row["kind"]) == ("queued", "referral")
    assert row["bundle_ident"] == f"ref-{cmd.referral_id}"
    assert fhir.posts == 0                                   # the save did not talk to the platform
    fhir.faults.append("drop")                              # stored, then the answer lost
    report = flush(db, workstation=PC)
    assert (report.sent, report.already, report.failed) == (0, 1, 0)
    assert fhir.posts == 2 and len(fhir.stored) == 1
    [stored] = fhir.stored.values()
    kinds = validate_bundle(stored)
    assert "ServiceRequest" in kinds and stored["identifier"]["value"] == f"ref-{cmd.referral_id}"
    [row] = _rows(db)
    assert row["state"] == "sent" and row["attempts"] == 1 and row["last_error"] is None
    assert flush(db, workstation=PC).done == 0              # nothing due: nothing sent again
    with db.read() as conn:
        status = conn.execute(select(referral.c.status).where(referral.c.id == cmd.referral_id)).scalar()
    assert status == "sent"


def test_the_same_command_twice_is_one_referral_and_one_queued_bundle(db: Database) -> None:
    cmd = _refer(db, 7)
    run_command(db, PC, cmd)                                 # a retried save, same op_id
    assert len(_rows(db)) == 1
    with db.read() as conn:
        assert conn.execute(OUTBOUND).scalar_one() == 1


def test_a_platform_down_for_a_day_loses_nothing_and_duplicates_nothing(
        db: Database, fhir: FhirServer) -> None:
    for bed in (3, 7, 9):
        _refer(db, bed)
    with db.begin() as conn:                                 # one request at a time: see the others wait
        conn.execute(insert(app_setting).values(skey="exchange:parallel", svalue="1"))
    fhir.down = True
    started = time.monotonic()
    report = flush(db, workstation=PC)
    assert report.done == 0 and report.retry == 1 and report.deferred == 2
    assert time.monotonic() - started < 10                   # one platform's retries, not three
    rows = _rows(db)
    assert [r["state"] for r in rows] == ["queued"] * 3
    assert any(r["last_error"] == "维护中" for r in rows)
    assert all(r["next_try_at"] > utcnow() for r in rows)    # backing off
    assert flush(db, workstation=PC).done == 0               # not due yet
    fhir.down = False
    tomorrow = utcnow() + timedelta(days=1)
    report = flush(db, workstation=PC, now=lambda: tomorrow)
    assert report.sent == 3 and len(fhir.stored) == 3
    assert [r["state"] for r in _rows(db)] == ["sent"] * 3


def test_a_4xx_with_an_operation_outcome_is_failed_with_the_platforms_words(
        db: Database, fhir: FhirServer) -> None:
    _refer(db, 7)
    fhir.faults.append("400")
    report = flush(db, workstation=PC)
    assert report.failed == 1 and "患者身份证号校验位错误" in report.errors[0]
    [row] = _rows(db)
    assert (row["state"], row["last_status"], row["last_error"]) == ("failed", 400, "患者身份证号校验位错误")
    assert fhir.stored == {}


def test_429_waits_as_the_platform_asks_and_a_timeout_is_tried_again(
        db: Database, fhir: FhirServer) -> None:
    _refer(db, 7)
    _refer(db, 9)
    fhir.faults.extend(["429", "timeout"])
    with db.begin() as conn:
        conn.execute(insert(app_setting).values(skey="exchange:parallel", svalue="1"))
    started = time.monotonic()
    report = flush(db, workstation=PC)
    assert report.sent + report.already == 2 and len(fhir.stored) == 2
    assert time.monotonic() - started >= 1.0                 # Retry-After: 1


def test_a_patient_without_an_identifier_the_platform_accepts_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        _refer(db, 30)
    assert err.value.message_id == "exchange.no_identifier"
    assert _rows(db) == []
    with db.read() as conn:                                  # the whole save rolled back
        assert conn.execute(OUTBOUND).scalar_one() == 0


def test_an_incoming_referral_rejected_with_a_reason_sends_the_answer(
        db: Database, fhir: FhirServer) -> None:
    with db.read() as conn:
        incoming = build_bundle(read_stay(conn, demo_id("encounter", 3)), exchange_settings(conn),
                                ident="ref-from-community-1", timestamp=utcnow(),
                                referral=rc.fb.ReferralInfo("r1", "up", "血糖控制不佳，上转", "内科", "WS",
                                                            "演示医院", utcnow(), None, ""))
    ref_id = run_unit(db, PC, lambda uow: receive_referral(uow, incoming, inst_id=COMMUNITY,
                                                           dept_id=demo_id("dept")))
    again = run_unit(db, PC, lambda uow: receive_referral(uow, incoming, inst_id=COMMUNITY,
                                                          dept_id=demo_id("dept")))
    assert again == ref_id
    run_command(db, PC, rc.RejectReferral(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                          referral_id=ref_id, base_version=1, reason="床位已满"))
    with db.read() as conn:
        row = conn.execute(select(referral).where(referral.c.id == ref_id)).mappings().one()
    assert (row["status"], row["reject_reason"], row["direction"]) == ("rejected", "床位已满", "up")
    assert flush(db, workstation=PC).sent == 1
    [answer] = fhir.stored.values()
    assert validate_bundle(answer) == ["Task"]
    task = answer["entry"][0]["resource"]
    assert task["status"] == "rejected" and task["statusReason"]["text"] == "床位已满"
    assert task["focus"]["identifier"]["value"] == "ref-from-community-1"
    with pytest.raises(Exception) as err:
        run_command(db, PC, rc.AcceptReferral(op_id=new_id(), actor_id=DOCTOR, device_time=utcnow(),
                                              referral_id=ref_id, base_version=2))
    assert getattr(err.value, "message_id", "") == "referral.answered"


def test_the_queue_status_counts_and_says_the_last_error(db: Database, fhir: FhirServer) -> None:
    _refer(db, 7)
    _refer(db, 9)
    fhir.faults.append("400")
    with db.begin() as conn:
        conn.execute(insert(app_setting).values(skey="exchange:parallel", svalue="1"))
    flush(db, workstation=PC)
    with db.read() as conn:
        seen = q.status(conn)
    assert seen.counts == {"queued": 0, "sent": 1, "failed": 1}
    assert seen.last_error == "患者身份证号校验位错误"
