"""The replica following the ward while online (issue 15): a change on the server names its
patient, and only that patient's rows are read again, in the poll's own transaction; a patient
who left the ward goes from the copy with all that hangs on him; the whole copy is taken again
only when it is due (what has no patient: dictionaries, staff), after offline writes, or for
another ward; a quiet poll dates the copy in the server's time."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select, update

from app.clock import utcnow
from app.ids import new_id
from app.offline import replica as r
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store import schema as s
from app.store.db import Database
from tests import secret_service

keyring_service = secret_service.keyring_fixture()
WARD = demo_id("ward")


def _statements(db: Database) -> list[str]:
    sent: list[str] = []
    event.listen(db.read_engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: sent.append(sql))
    return sent


def _count(local: Database, table: Any, *where: Any) -> int:
    with local.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def test_a_change_re_reads_only_its_patient(keyring_service: Any, demo_engine: Database,
                                            tmp_path: Path) -> None:
    sent = _statements(demo_engine)
    with r.opened(tmp_path / "replica-p.db", "p") as local:
        r.snapshot(demo_engine, local, profile="p", ward_id=WARD)
        # Changed on the server without a change of its own (as no write of the app does): the
        # copy keeps what it had until that patient changes or the whole copy is due.
        with demo_engine.begin() as conn:
            conn.execute(update(s.patient).where(s.patient.c.id == demo_id("patient", 3))
                         .values(name="未通知的改名"))
        cmd = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"), device_time=utcnow(),
                              patient_id=demo_id("patient", 7), allergy_id=new_id(), substance="青霉素类")
        run_command(demo_engine, "pc-other", cmd)
        sent.clear()
        assert r.refresh(demo_engine, local, profile="p", ward_id=WARD) >= 1
        reads = [q for q in sent if q.lstrip().upper().startswith("SELECT")]
        assert len(reads) == 2 + len(r.patient_tables())     # the poll, the server's time, a table each
        assert not any(" FROM icd10" in q or " FROM drug" in q or " FROM staff" in q for q in reads)
        assert _count(local, s.allergy, s.allergy.c.id == cmd.allergy_id) == 1
        with local.connect() as conn:
            name = conn.execute(select(s.patient.c.name)
                                .where(s.patient.c.id == demo_id("patient", 3))).scalar_one()
        assert name != "未通知的改名"
        assert _count(local, s.encounter) == _count(demo_engine, s.encounter, s.encounter.c.ward_id == WARD,
                                                    s.encounter.c.status == "admitted")


def test_a_patient_who_left_goes_with_his_orders_documents_and_executions(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    with demo_engine.connect() as conn:
        enc, pat = conn.execute(
            select(s.encounter.c.id, s.encounter.c.patient_id)
            .where(s.encounter.c.ward_id == WARD, s.encounter.c.status == "admitted")
            .where(s.encounter.c.id.in_(select(s.med_order.c.encounter_id)))
            .where(s.encounter.c.id.in_(select(s.clin_doc.c.encounter_id)))
            .order_by(s.encounter.c.id)).first()
    with r.opened(tmp_path / "replica-q.db", "q") as local:
        r.snapshot(demo_engine, local, profile="q", ward_id=WARD)
        orders = _count(local, s.med_order, s.med_order.c.encounter_id == enc)
        revisions = _count(local, s.doc_rev, s.doc_rev.c.doc_id.in_(
            select(s.clin_doc.c.id).where(s.clin_doc.c.encounter_id == enc)))
        assert orders > 0 and revisions > 0
        others = _count(local, s.med_order) - orders
        with demo_engine.begin() as conn:      # discharged by the HIS, the change announced
            conn.execute(update(s.encounter).where(s.encounter.c.id == enc).values(status="discharged"))
            conn.execute(insert(s.change_seq).values(ward_id=WARD, patient_id=pat, kind="encounter",
                                                     recorded_at=utcnow()))
        assert r.refresh(demo_engine, local, profile="q", ward_id=WARD) == 1
        assert _count(local, s.encounter, s.encounter.c.id == enc) == 0
        assert _count(local, s.patient, s.patient.c.id == pat) == 0
        assert _count(local, s.med_order, s.med_order.c.encounter_id == enc) == 0
        assert _count(local, s.doc_rev) > 0 and _count(local, s.med_order) == others
        with local.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            doc_rev_triggers = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'doc_rev'").scalar()
        assert doc_rev_triggers                 # append-only again after the replacement
        assert r.refresh(demo_engine, local, profile="q", ward_id=WARD) == 0


def test_the_whole_copy_comes_again_when_due(keyring_service: Any, demo_engine: Database,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _statements(demo_engine)
    with r.opened(tmp_path / "replica-w.db", "w") as local:
        r.snapshot(demo_engine, local, profile="w", ward_id=WARD)
        with demo_engine.begin() as conn:      # a new colleague: no patient, no change number
            conn.execute(update(s.staff).where(s.staff.c.id == demo_id("staff", "liufang"))
                         .values(full_name="刘芳芳"))
        sent.clear()
        assert r.refresh(demo_engine, local, profile="w", ward_id=WARD) == 0
        assert len(sent) == 1                   # nothing changed: one query
        monkeypatch.setattr(r, "FULL_EVERY", timedelta(0))
        assert r.refresh(demo_engine, local, profile="w", ward_id=WARD) == 1
        with local.connect() as conn:
            assert conn.execute(select(s.staff.c.full_name).where(
                s.staff.c.id == demo_id("staff", "liufang"))).scalar_one() == "刘芳芳"


def test_a_quiet_poll_dates_the_copy_in_the_servers_time(keyring_service: Any, demo_engine: Database,
                                                         tmp_path: Path) -> None:
    with r.opened(tmp_path / "replica-t.db", "t") as local:
        first = r.snapshot(demo_engine, local, profile="t", ward_id=WARD).as_of
        with local.begin() as conn:             # as if the snapshot were ten minutes old
            conn.exec_driver_sql("UPDATE replica_meta SET mvalue = ? WHERE mkey = 'as_of'",
                                 ((first - timedelta(minutes=10)).isoformat(),))
        assert r.refresh(demo_engine, local, profile="t", ward_id=WARD) == 0
        seen = r.info(local)
        assert seen is not None and seen.as_of is not None and first is not None
        assert abs((seen.as_of - first).total_seconds()) < 30     # "数据截至" this poll, not 10 min ago


def test_a_pc_clock_days_off_does_not_age_the_copy(keyring_service: Any, demo_engine: Database,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy is dated by the server's clock, its age reckoned with the skew measured at the
    read: a PC three days behind sees a fresh copy, not one from the future, and is told so."""
    behind = timedelta(days=3)
    monkeypatch.setattr(r, "utcnow", lambda: utcnow() - behind)
    with r.opened(tmp_path / "replica-c.db", "c") as local:
        r.snapshot(demo_engine, local, profile="c", ward_id=WARD)
        seen = r.info(local)
        assert seen is not None
        assert abs(seen.skew_seconds - behind.total_seconds()) < 60
        age = seen.age_seconds(utcnow() - behind)
        assert age is not None and abs(age) < 60
        assert r.refresh(demo_engine, local, profile="c", ward_id=WARD) == 0    # no whole copy: not due
