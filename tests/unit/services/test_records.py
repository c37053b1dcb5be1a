"""The medical record on the seeded demo ward (real SQLite): templates, autosave slot, sign,
co-sign, revise with 留痕, the version check, pull-in, copy within one patient, time limits.

The scenario functions take a Database so tests/integration/test_records_pg.py runs them on the
real PostgreSQL too.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from app.domain import documents as dd
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.services import doc_deadlines as dl
from app.services import records
from app.services.demo_ids import demo_id
from app.services.doc_commands import (
    CosignDocument,
    CreateDocument,
    ReviseDocument,
    SaveDocDraft,
    SignDocument,
)
from app.services.doc_pull import chart_facts
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec, doc_draft, doc_rev, encounter
from tests.unit.services.conftest import NOW

WS = "pc-doc"
ENC_11 = demo_id("encounter", 11)          # admitted yesterday (team A: 李明 / 张伟)
ENC_22 = demo_id("encounter", 22)          # team B (吴刚 / 黄磊)
RESIDENT = demo_id("staff", "zhangwei")    # 住院医师, rank 1
ATTENDING = demo_id("staff", "liming")     # 主治医师, rank 2
CHIEF = demo_id("staff", "wangjg")         # 主任医师, rank 3
INTERN = demo_id("staff", "chenxiao")
OTHER = demo_id("staff", "huanglei")       # 住院医师, team B


def template(db: Database, doc_type: str) -> records.Template:
    with db.connect() as conn:
        return next(t for t in records.templates(conn) if t.doc_type == doc_type)


def filled(sections: tuple[dd.Section, ...], **texts: str) -> tuple[dd.Section, ...]:
    """Every required section filled (with `texts` where given)."""
    return tuple(dataclasses.replace(s, text=texts.get(s.id, f"{s.title}：已查。" if s.required else ""))
                 for s in sections)


def create(db: Database, enc: str, doc_type: str, actor: str, *, at: datetime = NOW) -> str:
    doc_id = new_id()
    run_command(db, WS, CreateDocument(op_id=new_id(), actor_id=actor, device_time=at, encounter_id=enc,
                                       doc_id=doc_id, doc_type=doc_type, title="", event_at=at,
                                       sections=template(db, doc_type).sections), now=NOW)
    return doc_id


def view(db: Database, doc_id: str, reader: str) -> records.DocumentView:
    with db.connect() as conn:
        return records.open_document(conn, doc_id, reader)


def sign(db: Database, doc_id: str, actor: str, sections: tuple[dd.Section, ...]) -> None:
    v = view(db, doc_id, actor)
    run_command(db, WS, SignDocument(op_id=new_id(), actor_id=actor, device_time=NOW, doc_id=doc_id,
                                     base_version=v.doc.version, sections=sections), now=NOW)


def test_every_document_type_of_section_5_has_a_hospital_template(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        have = {t.doc_type for t in records.templates(conn)}
    assert have == set(dd.doc_types())
    names = {t.name for t in dd.doc_types().values()}
    assert {"入院记录", "首次病程记录", "日常病程记录", "手术记录", "出院记录", "死亡记录",
            "会诊记录"} <= names
    adm = template(demo_engine, "admission").sections
    assert [s.title for s in adm][:3] == ["一般项目", "主诉", "现病史"]
    assert {s.id for s in adm if s.required} >= {"chief", "hpi", "exam", "dx"}


def scenario_autosave_overwrites_one_slot_and_signing_freezes(db: Database) -> None:
    doc_id = create(db, ENC_11, "admission", RESIDENT)
    sections = template(db, "admission").sections
    for n in range(5):   # five autosaves: one slot, no revision
        typed = filled(sections, chief=f"胸痛{n}天")
        run_command(db, WS, SaveDocDraft(op_id=new_id(), actor_id=RESIDENT, device_time=NOW,
                                         doc_id=doc_id, base_rev_no=0, sections=typed), now=NOW)
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(doc_draft)
                            .where(doc_draft.c.doc_id == doc_id)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(doc_rev)
                            .where(doc_rev.c.doc_id == doc_id)).scalar() == 0
    v = view(db, doc_id, RESIDENT)
    assert v.draft is not None and v.current[1].text == "胸痛4天"
    assert view(db, doc_id, ATTENDING).draft is None          # a slot is the author's own
    sign(db, doc_id, RESIDENT, v.current)
    v = view(db, doc_id, RESIDENT)
    assert v.doc.status == dd.SIGNED and v.draft is None and len(v.revisions) == 1
    assert v.revisions[0].sections[1].text == "胸痛4天" and v.signed_by_name == "张伟"
    assert not v.doc.cosign_needed
    with db.connect() as conn:
        actions = set(conn.execute(select(audit_rec.c.action)
                                   .where(audit_rec.c.entity_id == doc_id)).scalars())
    assert actions == {"create", "sign"}


def test_autosave_overwrites_one_slot_and_signing_freezes(demo_engine: Database) -> None:
    scenario_autosave_overwrites_one_slot_and_signing_freezes(demo_engine)


def test_signing_refuses_an_empty_required_section_and_keeps_the_draft(demo_engine: Database) -> None:
    doc_id = create(demo_engine, ENC_11, "admission", RESIDENT)
    sections = filled(template(demo_engine, "admission").sections, hpi="  ")
    with pytest.raises(ValidationError) as err:
        sign(demo_engine, doc_id, RESIDENT, sections)
    assert err.value.message_id == "doc.section_required" and err.value.params["sections"] == ["hpi"]
    v = view(demo_engine, doc_id, RESIDENT)
    assert v.doc.status == dd.DRAFT and v.draft is not None and not v.revisions


def test_event_time_in_the_future_or_before_admission_is_refused(demo_engine: Database) -> None:
    for at, message in ((NOW + timedelta(hours=2), "doc.event_in_future"),
                        (NOW - timedelta(days=5), "doc.event_before_admission")):
        with pytest.raises(ValidationError) as err:
            create(demo_engine, ENC_11, "progress", RESIDENT, at=at)
        assert err.value.message_id == message


def scenario_intern_record_needs_a_licensed_cosign(db: Database) -> None:
    doc_id = create(db, ENC_22, "progress", INTERN)
    sections = filled(template(db, "progress").sections, condition="患者咳嗽减轻。")
    sign(db, doc_id, INTERN, sections)
    v = view(db, doc_id, INTERN)
    assert v.doc.status == dd.SIGNED and v.doc.awaiting_cosign
    with db.connect() as conn:
        items = dl.due_items(conn, NOW, ward_id=demo_id("ward"))
    asked = [i for i in dl.for_doctor(items, demo_id("staff", "wugang")) if i.kind == dl.COSIGN]
    assert doc_id in {i.doc_id for i in asked}
    with pytest.raises(PermissionDenied):                # an intern cannot co-sign
        run_command(db, WS, CosignDocument(op_id=new_id(), actor_id=demo_id("staff", "chenxiao"),
                                           device_time=NOW, doc_id=doc_id, base_version=v.doc.version),
                    now=NOW)
    edited = filled(sections, condition="患者咳嗽减轻，双肺湿啰音减少。")
    run_command(db, WS, CosignDocument(op_id=new_id(), actor_id=demo_id("staff", "wugang"),
                                       device_time=NOW, doc_id=doc_id, base_version=v.doc.version,
                                       sections=edited, reason="补充查体"), now=NOW)
    v = view(db, doc_id, INTERN)
    assert v.doc.status == dd.COSIGNED and v.cosigned_by_name == "吴刚"
    assert [r.editor_name for r in v.revisions] == ["陈晓", "吴刚"]     # both kept (留痕)
    assert v.revisions[0].sections[0].text == "患者咳嗽减轻。"


def test_intern_record_needs_a_licensed_cosign(demo_engine: Database) -> None:
    scenario_intern_record_needs_a_licensed_cosign(demo_engine)


def scenario_senior_revision_and_the_version_check(db: Database) -> None:
    doc_id = create(db, ENC_11, "first_progress", RESIDENT)
    sections = filled(template(db, "first_progress").sections, plan="完善检查。")
    sign(db, doc_id, RESIDENT, sections)
    seen = view(db, doc_id, ATTENDING).doc.version
    with pytest.raises(ValidationError):                    # a revision needs its reason
        run_command(db, WS, ReviseDocument(op_id=new_id(), actor_id=ATTENDING, device_time=NOW,
                                           doc_id=doc_id, base_version=seen, sections=sections,
                                           reason=" "), now=NOW)
    with pytest.raises(PermissionDenied):                   # a peer is not a senior
        run_command(db, WS, ReviseDocument(op_id=new_id(), actor_id=OTHER, device_time=NOW,
                                           doc_id=doc_id, base_version=seen, sections=sections,
                                           reason="改"), now=NOW)
    first = filled(sections, plan="完善检查，冠脉造影。")
    run_command(db, WS, ReviseDocument(op_id=new_id(), actor_id=ATTENDING, device_time=NOW,
                                       doc_id=doc_id, base_version=seen, sections=first,
                                       reason="上级医师查房补充"), now=NOW)
    with pytest.raises(ConflictError):                      # the chief read the same version
        run_command(db, WS, ReviseDocument(op_id=new_id(), actor_id=CHIEF, device_time=NOW,
                                           doc_id=doc_id, base_version=seen,
                                           sections=filled(sections, plan="保守治疗。"),
                                           reason="改方案"), now=NOW)
    v = view(db, doc_id, CHIEF)
    assert v.doc.status == dd.AMENDED and v.doc.rev_no == 2
    assert [(r.editor_name, r.reason) for r in v.revisions] == [("张伟", None), ("李明", "上级医师查房补充")]
    assert v.revisions[0].sections[2].text == "完善检查。"       # the original stays visible


def test_senior_revision_and_the_version_check(demo_engine: Database) -> None:
    scenario_senior_revision_and_the_version_check(demo_engine)


def test_a_signed_revision_cannot_be_updated_even_by_sql(demo_engine: Database) -> None:
    with demo_engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(update(doc_rev).values(reason="x"))
    with demo_engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(text("DELETE FROM doc_rev"))


def test_pull_in_reads_what_the_chart_knows(demo_engine: Database) -> None:
    with demo_engine.connect() as conn:
        facts = chart_facts(conn, demo_id("encounter", 5), dd.PULL_KINDS, NOW)
    assert facts.demographics is not None and facts.demographics.name == "李桂兰"
    assert facts.demographics.age in (80, 81)
    assert {"temp", "pulse"} <= {v.item for v in facts.vitals}
    assert ("青霉素", "过敏性休克") in facts.allergies
    assert facts.diagnoses[0][1] == "慢性阻塞性肺疾病急性加重"
    assert facts.orders


def test_copy_offers_only_the_same_patients_documents(demo_engine: Database) -> None:
    doc_id = create(demo_engine, ENC_11, "progress", RESIDENT)
    with demo_engine.connect() as conn:
        sources = records.copy_sources(conn, doc_id)
        own = {d.id for d in records.document_list(conn, ENC_11)}
    assert sources and {s.doc_id for s in sources} <= own
    assert doc_id not in {s.doc_id for s in sources}


def admit(db: Database, bed_no: int, at: datetime) -> str:
    """A new stay in an empty bed (test setup, as the admission office would write it)."""
    from sqlalchemy import insert

    from app.store.schema import encounter, patient

    pid, eid = new_id(), new_id()
    with db.begin() as conn:
        conn.execute(insert(patient).values(id=pid, mrn=f"T{bed_no:05d}", name="测试患者", sex="F",
                                            version=1, created_at=at, updated_at=at))
        conn.execute(insert(encounter).values(
            id=eid, patient_id=pid, visit_no=1, dept_id=demo_id("dept"), ward_id=demo_id("ward"),
            bed_id=demo_id("bed", bed_no), attending_id=ATTENDING, resident_id=RESIDENT,
            admitted_at=at, status="admitted", nursing_grade=2, acuity="stable", version=1,
            created_at=at, updated_at=at))
    return eid


def scenario_time_limits_follow_the_clock(db: Database) -> None:
    adm = NOW - timedelta(hours=2)
    enc = admit(db, 4, adm)
    with db.connect() as conn:
        soon = dl.due_items(conn, adm + timedelta(hours=1), encounter_id=enc)
    by_type = {i.doc_type: i for i in soon}
    assert by_type["admission"].due_at == adm + timedelta(hours=24) and not by_type["admission"].overdue
    assert by_type["first_progress"].due_at == adm + timedelta(hours=8)
    assert by_type["senior_round"].due_at == adm + timedelta(hours=48)
    assert not any(i.overdue for i in soon)
    doc_id = create(db, enc, "admission", RESIDENT)
    with db.connect() as conn:
        late = dl.due_items(conn, adm + timedelta(hours=30), encounter_id=enc)
    assert {"admission", "first_progress"} <= {i.doc_type for i in late if i.overdue}
    draft = next(i for i in late if i.doc_type == "admission")
    assert draft.kind == dl.SIGN and draft.doc_id == doc_id      # the draft waits to be signed
    assert dl.bed_marks(late)[enc].overdue >= 2
    assert draft in dl.for_doctor(late, RESIDENT) and not dl.for_doctor(late, OTHER)
    # Signing the admission record ends that item; the first progress note stays overdue.
    sign(db, doc_id, RESIDENT, filled(view(db, doc_id, RESIDENT).current))
    with db.connect() as conn:
        after = dl.due_items(conn, adm + timedelta(hours=30), encounter_id=enc)
    assert "admission" not in {i.doc_type for i in after}
    assert "first_progress" in {i.doc_type for i in after if i.overdue}


def test_time_limits_follow_the_clock(demo_engine: Database) -> None:
    scenario_time_limits_follow_the_clock(demo_engine)


def test_the_ward_list_is_seven_statements_for_forty_patients(demo_engine: Database) -> None:
    from sqlalchemy import event

    seen: list[str] = []
    with demo_engine.connect() as conn:
        event.listen(conn, "before_cursor_execute", lambda *a: seen.append(a[2]))
        items = dl.due_items(conn, NOW, ward_id=demo_id("ward"))
    assert len([s for s in seen if s.lstrip().upper().startswith("SELECT")]) == 7
    assert len({i.encounter_id for i in items}) > 10
    assert all(i.mrn and i.patient_name for i in items)
    overdue = [i for i in items if i.overdue]
    assert items[:len(overdue)] == overdue                  # overdue first


def scenario_consult_requested_accepted_and_answered(db: Database) -> None:
    from app.services import consults as cs

    consult_id = new_id()
    run_command(db, WS, cs.RequestConsult(op_id=new_id(), actor_id=RESIDENT, device_time=NOW,
                                          consult_id=consult_id, encounter_id=ENC_11,
                                          to_dept_id=demo_id("dept"), to_staff_id=CHIEF,
                                          question="胸痛原因待查，请协助诊治。"), now=NOW)
    with db.connect() as conn:
        queue = cs.consults(conn, NOW, to_dept_id=demo_id("dept"))
        late = dl.due_items(conn, NOW + timedelta(hours=49), encounter_id=ENC_11)
    item = next(i for i in queue if i.id == consult_id)
    assert item.status == cs.REQUESTED and item.due_at == NOW + timedelta(hours=48) and not item.overdue
    assert item.patient_name == "陈丽华" and item.requested_by == "张伟"
    assert any(i.doc_type == "consult" and i.overdue for i in late)   # the requester's list too
    with pytest.raises(PermissionDenied):               # addressed to 王建国, not to 吴刚
        run_command(db, WS, cs.AcceptConsult(op_id=new_id(), actor_id=demo_id("staff", "wugang"),
                                             device_time=NOW, consult_id=consult_id,
                                             base_version=item.version), now=NOW)
    run_command(db, WS, cs.AcceptConsult(op_id=new_id(), actor_id=CHIEF, device_time=NOW,
                                         consult_id=consult_id, base_version=item.version), now=NOW)
    sections = filled(template(db, "consult").sections, opinion="考虑不稳定型心绞痛，建议冠脉造影。")
    doc_id = new_id()
    run_command(db, WS, cs.AnswerConsult(op_id=new_id(), actor_id=CHIEF, device_time=NOW,
                                         consult_id=consult_id, base_version=item.version + 1,
                                         doc_id=doc_id, sections=sections), now=NOW)
    with db.connect() as conn:
        assert consult_id not in {i.id for i in cs.consults(conn, NOW, to_dept_id=demo_id("dept"))}
        answered = cs.consults(conn, NOW, encounter_id=ENC_11, open_only=False)
        after = dl.due_items(conn, NOW + timedelta(hours=49), encounter_id=ENC_11)
    assert answered[0].status == cs.ANSWERED and answered[0].doc_id == doc_id
    assert answered[0].accepted_by == "王建国"
    assert "consult" not in {i.doc_type for i in after}
    v = view(db, doc_id, RESIDENT)                       # the answer is in the patient's record
    assert v.doc.status == dd.SIGNED and v.doc.doc_type == "consult"
    assert "冠脉造影" in dd.as_text(v.revisions[0].sections)


def test_consult_requested_accepted_and_answered(demo_engine: Database) -> None:
    scenario_consult_requested_accepted_and_answered(demo_engine)


def scenario_handover_written_and_acknowledged(db: Database) -> None:
    from app.services import handover as ho

    with db.connect() as conn:
        candidates = ho.handover_candidates(conn, demo_id("ward"), NOW)
    by_bed = {c.bed_no: c for c in candidates}
    assert "critical" in by_bed["12"].reasons and by_bed["12"].severity == "critical"   # 病危
    assert "new" in by_bed["11"].reasons                                                 # yesterday
    assert all(c.diagnosis for c in candidates)
    entries = tuple(ho.HandoverEntry(c.encounter_id, c.severity, c.diagnosis, "复查血常规",
                                     "若再次呕血，立即通知值班医师") for c in candidates[:3])
    handover_id = new_id()
    run_command(db, WS, ho.WriteHandover(op_id=new_id(), actor_id=RESIDENT, device_time=NOW,
                                         handover_id=handover_id, ward_id=demo_id("ward"),
                                         entries=entries), now=NOW)
    with db.connect() as conn:
        written = ho.latest_handover(conn, demo_id("ward"))
    assert written is not None and written.status == ho.WRITTEN and written.entries == entries
    with pytest.raises(PermissionDenied):               # the handing doctor cannot take it over
        run_command(db, WS, ho.AcknowledgeHandover(op_id=new_id(), actor_id=RESIDENT, device_time=NOW,
                                                   handover_id=handover_id, base_version=1), now=NOW)
    run_command(db, WS, ho.AcknowledgeHandover(op_id=new_id(), actor_id=OTHER, device_time=NOW,
                                               handover_id=handover_id, base_version=1), now=NOW)
    with db.connect() as conn:
        done = ho.latest_handover(conn, demo_id("ward"))
    assert done is not None and done.status == ho.ACKNOWLEDGED and done.ack_name == "黄磊"
    assert done.from_name == "张伟"


def test_handover_written_and_acknowledged(demo_engine: Database) -> None:
    scenario_handover_written_and_acknowledged(demo_engine)


def scenario_a_takeover_owes_the_shift_records(db: Database) -> None:
    """经治医师变更 in a handover: 交班记录 due from the handing doctor at the handover, 接班记录 24 h
    after it from the receiver, who becomes the patient's resident; signed, they leave the list."""
    from app.services import handover as ho

    handover_id = new_id()
    entry = ho.HandoverEntry(ENC_11, "watcher", "胸痛待查，已排除急性冠脉综合征", takes_over=True)
    run_command(db, WS, ho.WriteHandover(op_id=new_id(), actor_id=RESIDENT, device_time=NOW,
                                         handover_id=handover_id, ward_id=demo_id("ward"),
                                         entries=(entry,)), now=NOW)

    def owed(at: datetime) -> dict[str, Any]:
        with db.connect() as conn:
            return {i.doc_type: i for i in dl.due_items(conn, at, encounter_id=ENC_11)
                    if i.event == "handover"}

    off = owed(NOW + timedelta(minutes=5))["handover_off"]
    assert off.due_at == NOW and off.overdue and off.resident_id == RESIDENT
    assert dl.for_doctor([off], RESIDENT) == [off]
    run_command(db, WS, ho.AcknowledgeHandover(op_id=new_id(), actor_id=OTHER, device_time=NOW,
                                               handover_id=handover_id, base_version=1), now=NOW)
    with db.connect() as conn:
        resident = conn.execute(select(encounter.c.resident_id).where(encounter.c.id == ENC_11)).scalar()
    assert resident == OTHER
    on = owed(NOW + timedelta(hours=2))["handover_on"]
    assert on.due_at == NOW + timedelta(hours=24) and not on.overdue and on.resident_id == OTHER
    for doc_type, author in (("handover_off", RESIDENT), ("handover_on", OTHER)):
        doc_id = create(db, ENC_11, doc_type, author)
        sign(db, doc_id, author, filled(template(db, doc_type).sections))
    assert owed(NOW + timedelta(hours=30)) == {}


def test_a_takeover_owes_the_shift_records(demo_engine: Database) -> None:
    scenario_a_takeover_owes_the_shift_records(demo_engine)
