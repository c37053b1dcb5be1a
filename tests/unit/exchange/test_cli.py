"""`exchange export / send / status` on the command line: the Bundle file (valid R4, whole or
absent), a flush with its progress line, the queue's counts and last error; bad input one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select, update

from app.cli import run
from app.clock import utcnow
from app.ids import new_id
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec, member_inst, patient
from tests.unit.exchange.fhir_check import validate_bundle
from tests.unit.exchange.fhir_server import FhirServer


def _url(db: Database) -> str:
    return str(db.engine.url)


def test_export_writes_a_valid_bundle_and_audits_it(demo_engine: Database, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with demo_engine.read() as conn:
        mrn = conn.execute(select(patient.c.mrn).where(patient.c.id == demo_id("patient", 7))).scalar_one()
    out = tmp_path / "b.json"
    assert run(["exchange", "export", "--url", _url(demo_engine), "--patient", mrn, "--out", str(out)]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert validate_bundle(bundle)[0] == "Composition"
    assert mrn in capsys.readouterr().out
    with demo_engine.read() as conn:
        actions = conn.execute(select(audit_rec.c.action).where(audit_rec.c.action == "export")).all()
    assert len(actions) == 1


def test_export_of_an_unknown_patient_is_one_line_and_no_file(demo_engine: Database, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.json"
    code = run(["exchange", "export", "--url", _url(demo_engine), "--patient", "NOPE", "--out", str(out)])
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "NOPE" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "demo.db"]


def test_send_and_status(demo_engine: Database, capsys: pytest.CaptureFixture[str]) -> None:
    server = HTTPServer(threaded=True)
    server.start()
    try:
        fhir = FhirServer(server)
        with demo_engine.begin() as conn:
            conn.execute(update(member_inst).values(endpoint=fhir.base))
        for bed in (3, 7):
            run_command(demo_engine, "pc", rc.CreateReferral(
                op_id=new_id(), actor_id=demo_id("staff", "zhangwei"), device_time=utcnow(),
                referral_id=new_id(), encounter_id=demo_id("encounter", bed),
                inst_id=demo_id("member_inst", "PRH-3A-0001"), direction="up", reason="上转",
                to_dept="心内科", send=True))
        fhir.faults.append("400")
        assert run(["exchange", "status", "--url", _url(demo_engine)]) == 0
        assert "2 queued, 0 sent, 0 failed" in capsys.readouterr().out
        assert run(["exchange", "send", "--url", _url(demo_engine)]) == 1
        captured = capsys.readouterr()
        assert "1 sent" in captured.out and "1 failed" in captured.out
        assert "exchange send" in captured.err                       # the progress line
        assert run(["exchange", "status", "--url", _url(demo_engine)]) == 0
        out = capsys.readouterr().out
        assert "0 queued, 1 sent, 1 failed" in out and "患者身份证号校验位错误" in out
        assert run(["exchange", "send", "--url", _url(demo_engine), "--platform", "http://x/"]) == 1
        assert "no member institution" in capsys.readouterr().err
    finally:
        server.clear()
        server.stop()


def test_institutions_are_listed_added_changed_and_disabled(demo_engine: Database,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = _url(demo_engine)
    assert run(["exchange", "institutions", "--url", url]) == 0
    assert "3 member institutions" in capsys.readouterr().out
    name = ["--name", "南桥社区卫生服务中心", "--level", "primary"]
    assert run(["exchange", "institutions", "--url", url, "--set", "NQ-CHC-0408", *name,
                "--endpoint", "https://platform.example/fhir/"]) == 0
    assert "NQ-CHC-0408 added" in capsys.readouterr().out
    assert run(["exchange", "institutions", "--url", url, "--set", "NQ-CHC-0408", *name,
                "--endpoint", "https://platform2.example/fhir"]) == 0
    assert run(["exchange", "institutions", "--url", url, "--disable", "DQ-CHC-0312"]) == 0
    capsys.readouterr()
    assert run(["exchange", "institutions", "--url", url]) == 0
    listed = capsys.readouterr().out
    assert "NQ-CHC-0408\t南桥社区卫生服务中心\tprimary\thttps://platform2.example/fhir\n" in listed
    assert "DQ-CHC-0312" in listed and "(disabled)" in listed
    from app.services.referrals import institutions

    with demo_engine.read() as conn:
        offered = [i.code for i in institutions(conn)]
        audited = conn.execute(select(audit_rec.c.action)
                               .where(audit_rec.c.entity == "member_inst")).scalars().all()
    assert "DQ-CHC-0312" not in offered and "NQ-CHC-0408" in offered
    assert sorted(audited) == ["create", "update", "update"]
    for bad in (["--set", "X", "--name", "X", "--level", "primary", "--endpoint", "ftp://x"],
                ["--disable", "NOPE"], ["--name", "X"]):
        assert run(["exchange", "institutions", "--url", url, *bad]) != 0
        assert capsys.readouterr().err.count("\n") == 1
