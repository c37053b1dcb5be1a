"""Templates and phrase lists as data, on the seeded demo ward (real SQLite): a personal copy of a
hospital template edited and picked first; who may edit personal, department and hospital
templates; bad input refused at the field; the version check; phrases added, edited, reordered,
removed by their owner only. The scenarios take a Database, so tests/integration/
test_templates_pg.py runs them on the real PostgreSQL too."""
from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import select

from app.domain import documents as dd
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.ids import new_id
from app.services import records
from app.services import template_cmds as tc
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import audit_rec, doc_template
from tests.unit.services.conftest import NOW

WS = "pc-tpl"
RESIDENT = demo_id("staff", "zhangwei")    # 住院医师, rank 1
ATTENDING = demo_id("staff", "liming")     # 主治医师, rank 2
INTERN = demo_id("staff", "chenxiao")
NURSE = demo_id("staff", "liufang")
ADMIN = demo_id("staff", "zhouqiang")      # 工程师, admin role: holds template.hospital


def stamp(actor: str) -> dict[str, Any]:
    return {"op_id": new_id(), "actor_id": actor, "device_time": NOW}


def run(db: Database, cmd: Any) -> Any:
    return run_command(db, WS, cmd, now=NOW)


def hospital(db: Database, doc_type: str = "progress") -> tc.TemplateRow:
    with db.connect() as conn:
        return next(t for t in tc.templates_for(conn, RESIDENT)
                    if t.doc_type == doc_type and t.scope == tc.HOSPITAL)


def row(db: Database, template_id: str, staff_id: str = RESIDENT) -> tc.TemplateRow:
    with db.connect() as conn:
        return next(t for t in tc.templates_for(conn, staff_id, include_retired=True)
                    if t.id == template_id)


def phrases(db: Database, staff_id: str) -> list[tc.Phrase]:
    with db.connect() as conn:
        return tc.phrase_list(conn, staff_id)


def refused(db: Database, cmd: Any, kind: type[Exception] = ValidationError) -> Any:
    with pytest.raises(kind) as err:
        run(db, cmd)
    return err.value


def scenario_personal_copy_is_edited_and_picked_first(db: Database) -> None:
    src = hospital(db)
    assert not src.editable                                   # a resident: not the hospital's
    copy_id = new_id()
    run(db, tc.CopyTemplate(**stamp(RESIDENT), source_id=src.id, template_id=copy_id))
    mine = row(db, copy_id)
    assert (mine.scope, mine.owner_id, mine.editable, mine.version) == ("personal", RESIDENT, True, 1)
    assert mine.sections == src.sections
    added = (*mine.sections, dd.Section(id="", title="夜间情况", text="夜间睡眠可。"))
    run(db, tc.SaveTemplate(**stamp(RESIDENT), template_id=copy_id, base_version=1, scope="personal",
                            name="我的病程记录", doc_type="progress", sections=added))
    saved = row(db, copy_id)
    assert saved.version == 2 and saved.name == "我的病程记录"
    assert saved.sections[-1] == dd.Section(id=f"s{len(added)}", title="夜间情况", text="夜间睡眠可。")
    with db.connect() as conn:
        picked = records.templates(conn, None, RESIDENT)
        others = records.templates(conn, None, ATTENDING)
    assert picked[0].id == copy_id and picked[0].scope == "personal"     # personal first
    assert [t.scope for t in picked[1:]] == ["hospital"] * (len(picked) - 1)
    assert copy_id not in {t.id for t in others}              # nobody else's picker shows it
    stale = tc.SaveTemplate(**stamp(RESIDENT), template_id=copy_id, base_version=1,
                            scope="personal", name="旧版本", doc_type="progress", sections=added)
    refused(db, stale, ConflictError)                         # the version she saw is gone
    denied = tc.SaveTemplate(**stamp(ATTENDING), template_id=copy_id, base_version=2,
                             scope="personal", name="别人的", doc_type="progress", sections=added)
    assert refused(db, denied, PermissionDenied).message_id == "template.not_owner"
    run(db, tc.RetireTemplate(**stamp(RESIDENT), template_id=copy_id, base_version=2))
    with db.connect() as conn:
        assert copy_id not in {t.id for t in records.templates(conn, None, RESIDENT)}
        audited = conn.execute(select(audit_rec.c.action).where(audit_rec.c.entity_id == copy_id)
                               .order_by(audit_rec.c.chain_seq)).scalars().all()
    assert list(audited) == ["create", "update", "retire"]


def scenario_who_may_edit_department_and_hospital_templates(db: Database) -> None:
    sections = (dd.Section(id="a", title="病情记录", required=True),)
    dept_id = new_id()
    low = tc.SaveTemplate(**stamp(RESIDENT), template_id=dept_id, base_version=0, scope="dept",
                          name="心内科病程", doc_type="progress", sections=sections)
    assert refused(db, low, PermissionDenied).message_id == "template.dept_denied"   # rank 1
    run(db, dataclasses.replace(low, **stamp(ATTENDING)))     # 主治医师 of the department
    made = row(db, dept_id, ATTENDING)
    assert made.scope == "dept" and made.dept_id is not None and made.editable
    assert not row(db, dept_id, RESIDENT).editable            # seen, used, not edited
    with db.connect() as conn:
        picked = records.templates(conn, made.dept_id, RESIDENT)
    assert picked[0].id == dept_id                            # department before hospital
    src = hospital(db)
    change = tc.SaveTemplate(**stamp(ATTENDING), template_id=src.id, base_version=src.version,
                             scope="hospital", name=src.name, doc_type=src.doc_type,
                             sections=src.sections[:2])
    assert refused(db, change, PermissionDenied).message_id == "template.hospital_denied"
    run(db, dataclasses.replace(change, **stamp(ADMIN)))      # the records office
    assert len(row(db, src.id).sections) == 2
    nurse = tc.CopyTemplate(**stamp(NURSE), source_id=src.id, template_id=new_id())
    refused(db, nurse, PermissionDenied)                      # nurses write no medical record
    run(db, tc.CopyTemplate(**stamp(INTERN), source_id=src.id, template_id=new_id()))


def scenario_bad_input_is_refused_at_the_field(db: Database) -> None:
    ok = (dd.Section(id="a", title="主诉", required=True), dd.Section(id="b", title="现病史"))

    def save(**kw: Any) -> ValidationError:
        fields = dict(template_id=new_id(), base_version=0, scope="personal", name="个人入院记录",
                      doc_type="admission", sections=ok)
        fields.update(kw)
        err = refused(db, tc.SaveTemplate(**stamp(RESIDENT), **fields))
        assert isinstance(err, ValidationError)
        return err

    err = save(name="  ")
    assert (err.message_id, err.params["field"]) == ("template.name_required", "name")
    err = save(sections=(*ok, dd.Section(id="c", title=" 主诉 ")))
    assert (err.message_id, err.params["field"], err.params["index"]) == \
        ("template.duplicate_title", "section", 2)
    err = save(sections=(dd.Section(id="c", title="", required=True), *ok))
    assert (err.message_id, err.params["index"]) == ("template.required_untitled", 0)
    assert save(sections=()).message_id == "template.no_sections"
    assert save(doc_type="nonsense").params["field"] == "doc_type"
    for text, message in (("   ", "phrase.empty"), ("长" * 501, "phrase.too_long")):
        err = refused(db, tc.AddPhrase(**stamp(RESIDENT), phrase_id=new_id(), text=text))
        assert (err.message_id, err.params["field"]) == (message, "text")
    run(db, tc.AddPhrase(**stamp(RESIDENT), phrase_id=new_id(), text="长" * 500))   # the limit
    with db.connect() as conn:
        assert conn.execute(select(doc_template.c.id).where(
            doc_template.c.name == "个人入院记录")).first() is None       # nothing half-written


def scenario_phrases_are_the_owners_own(db: Database) -> None:
    before = phrases(db, RESIDENT)
    assert len(before) == 6                                   # the demo's list
    new = new_id()
    run(db, tc.AddPhrase(**stamp(RESIDENT), phrase_id=new, text=" 患者诉胸闷较前好转。 "))
    mine = phrases(db, RESIDENT)
    assert mine[-1].id == new and mine[-1].text == "患者诉胸闷较前好转。"
    theirs = tc.EditPhrase(**stamp(ATTENDING), phrase_id=new, base_version=1, text="改别人的")
    assert refused(db, theirs, PermissionDenied).message_id == "phrase.not_owner"
    run(db, tc.EditPhrase(**stamp(RESIDENT), phrase_id=new, base_version=1, text="胸闷好转。"))
    refused(db, tc.EditPhrase(**stamp(RESIDENT), phrase_id=new, base_version=1, text="旧"),
            ConflictError)
    mine = phrases(db, RESIDENT)
    order = [mine[-1], *mine[:-1]]                          # the new one to the top
    run(db, tc.ReorderPhrases(**stamp(RESIDENT), phrase_ids=tuple(p.id for p in order),
                              base_versions=tuple(p.version for p in order)))
    assert [p.text for p in phrases(db, RESIDENT)][:2] == ["胸闷好转。", before[0].text]
    top = phrases(db, RESIDENT)[0]
    with db.connect() as conn:
        assert records.phrases(conn, RESIDENT)[0] == "胸闷好转。"    # what Ctrl+J lists
    refused(db, tc.RemovePhrase(**stamp(ATTENDING), phrase_id=top.id, base_version=top.version),
            PermissionDenied)
    run(db, tc.RemovePhrase(**stamp(RESIDENT), phrase_id=top.id, base_version=top.version))
    assert [p.text for p in phrases(db, RESIDENT)] == [p.text for p in before]
    assert len(phrases(db, ATTENDING)) == 6                   # another doctor's list untouched


def test_personal_copy_is_edited_and_picked_first(demo_engine: Database) -> None:
    scenario_personal_copy_is_edited_and_picked_first(demo_engine)


def test_who_may_edit_department_and_hospital_templates(demo_engine: Database) -> None:
    scenario_who_may_edit_department_and_hospital_templates(demo_engine)


def test_bad_input_is_refused_at_the_field(demo_engine: Database) -> None:
    scenario_bad_input_is_refused_at_the_field(demo_engine)


def test_phrases_are_the_owners_own(demo_engine: Database) -> None:
    scenario_phrases_are_the_owners_own(demo_engine)


def test_a_replayed_copy_makes_one_template(demo_engine: Database) -> None:
    cmd = tc.CopyTemplate(**stamp(RESIDENT), source_id=hospital(demo_engine).id, template_id=new_id())
    run(demo_engine, cmd)
    assert run(demo_engine, cmd).replayed
    with demo_engine.connect() as conn:
        assert len(conn.execute(select(doc_template.c.id)
                                .where(doc_template.c.owner_id == RESIDENT)).all()) == 1
