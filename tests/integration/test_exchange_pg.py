"""The exchange on the real PostgreSQL (revision 0014 migrated, not create_all): referrals sent
from the demo ward, then two senders flushing the same queue at once against one FHIR server on
a real socket: each Bundle is claimed by one of them and POSTed once, every row ends sent."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select, update

from app.clock import utcnow
from app.exchange.sender import flush
from app.ids import new_id
from app.services import referral_cmds as rc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database, open_database
from app.store.schema import encounter, exchange_out, member_inst, patient
from tests.integration.conftest import seed_postgres
from tests.unit.exchange.fhir_server import FhirServer

pytestmark = pytest.mark.pg


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    seed_postgres(pg_url)
    database = open_database(pg_url)
    yield database
    database.dispose()


def test_two_senders_at_once_post_each_bundle_once(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.exchange import sender

    monkeypatch.setattr(sender, "BATCH", 4)          # many small claims: the two senders interleave
    server = HTTPServer(threaded=True)
    server.start()
    try:
        fhir = FhirServer(server, latency=0.02)
        with db.begin() as conn:
            conn.execute(update(member_inst).values(endpoint=fhir.base))
        with db.read() as conn:                 # the ward's patients the platform can identify
            beds = conn.execute(select(encounter.c.id).join(patient, patient.c.id == encounter.c.patient_id)
                                .where(patient.c.id_card.is_not(None))).scalars().all()
        assert len(beds) > 20
        for stay in beds:
            run_command(db, "pc-ward", rc.CreateReferral(
                op_id=new_id(), actor_id=demo_id("staff", "zhangwei"), device_time=utcnow(),
                referral_id=new_id(), encounter_id=stay,
                inst_id=demo_id("member_inst", "CCH-2A-0107"), direction="down", reason="下转康复",
                to_dept="康复科", send=True))
        reports: list = []
        threads = [threading.Thread(target=lambda w=w: reports.append(flush(db, workstation=w)))
                   for w in ("sender-a", "sender-b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert sum(r.sent + r.already for r in reports) == len(beds)
        assert fhir.posts == len(beds) and len(fhir.stored) == len(beds)
        with db.read() as conn:
            states = conn.execute(select(exchange_out.c.state)).scalars().all()
        assert states == ["sent"] * len(beds)
    finally:
        server.clear()
        server.stop()
