"""危急值 on the seeded demo ward (real SQLite): the lab's report (the result row, the alert, the
change sequence for the ward, once per result id), the nurse's acknowledgement (who, when, whom
told, audited; once), the 病程记录 entry that documents the action, and both deadlines in the
record's time-limit list as the ward sets them."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Optional

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.ids import new_id
from app.offline import changeseq
from app.services import critical as cv
from app.services import doc_deadlines as dl
from app.services.critical_cmds import AcknowledgeCriticalValue, LinkCriticalNote
from app.services.demo_ids import demo_id
from app.services.ward_settings_cmds import SaveWardSettings
from app.services.write import run_command, run_unit
from app.store.db import Database
from app.store.schema import audit_rec, crit_value, lab_result
from tests.unit.services import test_records as tr
from tests.unit.services.conftest import NOW

WS = "pc-lab"
WARD = demo_id("ward")
BED1_MRN = "24310001"                            # 赵德明, bed 1, team A (李明 / 张伟)
ENC_1 = demo_id("encounter", 1)
LIUFANG = demo_id("staff", "liufang")            # nurse
ZHAOLI = demo_id("staff", "zhaoli")              # nurse
SUNMIN = demo_id("staff", "sunmin")              # head nurse
ZHANGWEI = demo_id("staff", "zhangwei")          # the stay's resident
INTERN = demo_id("staff", "chenxiao")


def report(db: Database, *, ref: Optional[str] = None, test: str = "K", value: str = "6.8",
           at: datetime = NOW, mrn: str = BED1_MRN) -> str:
    rep = cv.CriticalReport(source_ref=ref or new_id(), mrn=mrn, test_code=test, value_text=value,
                            reported_at=at, abnormal="HH")
    alert_id: str = run_unit(db, WS, lambda uow: cv.report_critical(uow, rep), now=at)
    return alert_id


def ack(db: Database, alert_id: str, actor: str = LIUFANG, told: str = "张伟",
        told_id: Optional[str] = ZHANGWEI, at: datetime = NOW) -> Any:
    with db.connect() as conn:
        alert = cv.get(conn, alert_id)
    assert alert is not None
    cmd = AcknowledgeCriticalValue(op_id=new_id(), actor_id=actor, device_time=at, critical_id=alert_id,
                                   encounter_id=alert.encounter_id, base_version=alert.version,
                                   told_name=told, told_staff_id=told_id)
    return run_command(db, WS, cmd, now=at), cmd


def test_a_reported_value_alerts_the_ward_through_the_change_sequence(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        mark = changeseq.Mark(changeseq.latest(conn))
    alert_id = report(demo_engine, ref="LIS-0001")
    with demo_engine.connect() as conn:
        alerts = cv.open_alerts(conn, WARD)
        changes = changeseq.after(conn, WARD, mark)
        result = conn.execute(select(lab_result.c.num_value, lab_result.c.abnormal, lab_result.c.unit)
                              .join(crit_value, crit_value.c.lab_result_id == lab_result.c.id)
                              .where(crit_value.c.id == alert_id)).one()
    assert [(a.bed_no, a.patient_name, a.test_name, a.value_with_unit) for a in alerts] == [
        ("1", "赵德明", "钾", "6.8 mmol/L")]
    assert alerts[0].resident_name == "张伟" and alerts[0].received_at == NOW
    assert [c.kind for c in changes] == ["critical"]                       # one row for the ward
    assert float(result.num_value) == 6.8 and result.abnormal == "HH" and result.unit == "mmol/L"
    assert report(demo_engine, ref="LIS-0001") == alert_id                # a resend: the same alert
    with demo_engine.connect() as conn:
        assert len(cv.open_alerts(conn, WARD)) == 1
        assert len(changeseq.after(conn, WARD, mark)) == 1


def test_bad_reports_are_refused_with_their_field(demo_engine: Database) -> None:
    for kwargs, message in (({"mrn": "00000000"}, "critical.no_stay"),
                            ({"test": "NOPE"}, "critical.unknown_test"),
                            ({"value": " "}, "critical.bad_value")):
        with pytest.raises(ValidationError) as err:
            report(demo_engine, **kwargs)                                  # type: ignore[arg-type]
        assert err.value.message_id == message
    with demo_engine.connect() as conn:
        assert cv.open_alerts(conn, WARD) == []


def test_the_nurse_acknowledges_once_with_whom_she_told_audited(demo_engine: Database) -> None:
    alert_id = report(demo_engine)
    later = NOW + timedelta(minutes=2)
    changes, cmd = ack(demo_engine, alert_id, at=later)
    assert changes.touches("critical") and len(changes.patient_ids) == 1
    with demo_engine.connect() as conn:
        assert cv.open_alerts(conn, WARD) == []                            # off every banner
        seen = cv.get(conn, alert_id)
        entry = conn.execute(select(audit_rec.c.staff_id, audit_rec.c.action, audit_rec.c.after_data,
                                    audit_rec.c.patient_id, audit_rec.c.op_id)
                             .where(audit_rec.c.entity == "critical")
                             .where(audit_rec.c.entity_id == alert_id)
                             .where(audit_rec.c.action == "update")).one()
    assert seen is not None and seen.status == cv.ACKED
    assert (seen.ack_by_name, seen.ack_at, seen.told_name) == ("刘芳", later, "张伟")
    assert entry.staff_id == LIUFANG and entry.op_id == cmd.op_id
    assert entry.after_data["told_name"] == "张伟" and entry.after_data["told_staff_id"] == ZHANGWEI
    assert run_command(demo_engine, WS, cmd, now=later).replayed           # replay: applied once
    with pytest.raises(ValidationError) as err:                            # a second nurse
        ack(demo_engine, alert_id, actor=ZHAOLI, at=later)
    assert err.value.message_id == "critical.already_acknowledged"
    assert err.value.params["by"] == "刘芳" and err.value.params["told"] == "张伟"


def test_acknowledging_needs_whom_she_told_and_a_ward_role(demo_engine: Database) -> None:
    alert_id = report(demo_engine)
    with pytest.raises(ValidationError) as err:
        ack(demo_engine, alert_id, told="  ", told_id=None)
    assert err.value.message_id == "critical.told_required" and err.value.params["field"] == "told"
    with pytest.raises(PermissionDenied):
        ack(demo_engine, alert_id, actor=INTERN)
    _, _ = ack(demo_engine, alert_id, told="", told_id=ZHANGWEI)           # picked from the list
    with demo_engine.connect() as conn:
        seen = cv.get(conn, alert_id)
    assert seen is not None and seen.told_name == "张伟"


def _due(db: Database, at: datetime) -> dict[str, dl.DueItem]:
    with db.connect() as conn:
        return {i.doc_type: i for i in dl.due_items(conn, at, encounter_id=ENC_1)
                if i.doc_type.startswith("critical")}


def test_both_deadlines_join_the_time_limit_list_until_met(demo_engine: Database) -> None:
    alert_id = report(demo_engine)
    items = _due(demo_engine, NOW + timedelta(minutes=1))
    assert items[cv.ACK_DOC].overdue and items[cv.ACK_DOC].due_at == NOW          # at once
    assert not items[cv.NOTE_DOC].overdue and items[cv.NOTE_DOC].due_at == NOW + timedelta(hours=6)
    ack(demo_engine, alert_id, at=NOW + timedelta(minutes=1))
    items = _due(demo_engine, NOW + timedelta(hours=7))
    assert set(items) == {cv.NOTE_DOC} and items[cv.NOTE_DOC].overdue
    assert items[cv.NOTE_DOC].kind == dl.WRITE
    with demo_engine.connect() as conn:                      # the resident's own list has it
        mine = dl.for_doctor(dl.due_items(conn, NOW + timedelta(hours=7), ward_id=WARD), ZHANGWEI)
        marks = dl.bed_marks(dl.due_items(conn, NOW + timedelta(hours=7), ward_id=WARD))
    assert any(i.doc_type == cv.NOTE_DOC and i.encounter_id == ENC_1 for i in mine)
    assert marks[ENC_1].overdue >= 1
    # The doctor writes a 日常病程记录 and links it: a draft still owes the signature.
    doc_id = tr.create(demo_engine, ENC_1, "progress", ZHANGWEI)
    with demo_engine.connect() as conn:
        seen = cv.get(conn, alert_id)
    assert seen is not None
    link = LinkCriticalNote(op_id=new_id(), actor_id=ZHANGWEI, device_time=NOW, critical_id=alert_id,
                            encounter_id=ENC_1, base_version=seen.version, doc_id=doc_id)
    changes = run_command(demo_engine, WS, link, now=NOW + timedelta(hours=1))
    assert changes.touches("critical") and changes.touches("document")
    items = _due(demo_engine, NOW + timedelta(hours=7))
    assert items[cv.NOTE_DOC].kind == dl.SIGN and items[cv.NOTE_DOC].doc_id == doc_id
    tr.sign(demo_engine, doc_id, ZHANGWEI, tr.filled(tr.template(demo_engine, "progress").sections))
    assert _due(demo_engine, NOW + timedelta(hours=7)) == {}                  # met
    with demo_engine.connect() as conn:
        done = cv.get(conn, alert_id)
    assert done is not None and done.status == cv.NOTED and done.note_doc_id == doc_id


def test_the_note_is_a_progress_note_of_the_stay_after_the_acknowledgement(demo_engine: Database) -> None:
    alert_id = report(demo_engine)
    doc_id = tr.create(demo_engine, ENC_1, "progress", ZHANGWEI)

    def link(doc: str) -> None:
        with demo_engine.connect() as conn:
            seen = cv.get(conn, alert_id)
        assert seen is not None
        run_command(demo_engine, WS, LinkCriticalNote(
            op_id=new_id(), actor_id=ZHANGWEI, device_time=NOW, critical_id=alert_id, encounter_id=ENC_1,
            base_version=seen.version, doc_id=doc), now=NOW)

    with pytest.raises(ValidationError) as err:
        link(doc_id)
    assert err.value.message_id == "critical.not_acknowledged"
    ack(demo_engine, alert_id)
    other = tr.create(demo_engine, tr.ENC_11, "progress", tr.RESIDENT)
    with pytest.raises(ValidationError) as err:
        link(other)
    assert err.value.message_id == "critical.not_a_progress_note"
    admission = tr.create(demo_engine, ENC_1, "discharge", ZHANGWEI)
    with pytest.raises(ValidationError):
        link(admission)
    link(doc_id)


def test_the_ward_sets_both_deadlines(demo_engine: Database) -> None:
    run_command(demo_engine, WS, SaveWardSettings(
        op_id=new_id(), actor_id=SUNMIN, device_time=NOW, ward_id=WARD,
        values={"crit_ack_minutes": "10", "crit_note_hours": "2"},
        seen={"crit_ack_minutes": None, "crit_note_hours": None}), now=NOW)
    report(demo_engine)
    items = _due(demo_engine, NOW + timedelta(minutes=5))
    assert not items[cv.ACK_DOC].overdue and items[cv.ACK_DOC].due_at == NOW + timedelta(minutes=10)
    assert _due(demo_engine, NOW + timedelta(hours=3))[cv.NOTE_DOC].overdue
    with pytest.raises(ValidationError) as err:
        run_command(demo_engine, WS, SaveWardSettings(
            op_id=new_id(), actor_id=SUNMIN, device_time=NOW, ward_id=WARD,
            values={"crit_note_hours": "48"}, seen={"crit_note_hours": "2"}), now=NOW)
    assert err.value.message_id == "ward_settings.out_of_range"


def test_the_demo_command_injects_one_for_the_ward(demo_engine: Database, tmp_path: Any,
                                                    capsys: Any) -> None:
    from sqlalchemy import text

    from app.cli import dispatch
    from app.store.head import HEAD_REVISION

    with demo_engine.begin() as conn:                  # made by create_all: stamped as migrated
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": HEAD_REVISION})
    url = f"sqlite:///{tmp_path / 'demo.db'}"          # the demo_engine's file
    args = ["demo", "critical", "--url", url, "--patient", BED1_MRN, "--test", "K", "--value", "6.8",
            "--ref", "LIS-77"]
    assert dispatch(args) == 0
    out = capsys.readouterr().out
    assert "bed 1 赵德明 钾 6.8 mmol/L (HH), status open" in out
    assert dispatch(args) == 0                                   # the same result again: no second
    with demo_engine.connect() as conn:
        assert len(cv.open_alerts(conn, WARD)) == 1
    assert dispatch(["demo", "critical", "--url", url, "--patient", "00000000", "--test", "K",
                     "--value", "6.8"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["wardstation: no admitted patient with 住院号 00000000"]
