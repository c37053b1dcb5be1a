"""The medical record's demo data: the hospital templates of every §5 document type and the
doctors' personal phrase lists (常用语). Documents themselves are in demo_charts.py."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.services.demo_ids import demo_id
from app.services.records import ensure_templates
from app.store.schema import bed, clin_doc, doc_phrase, doc_rev, encounter

PHRASES = ("患者神志清，精神可，饮食睡眠可，二便如常。", "双肺呼吸音清，未闻及干湿性啰音。",
           "心律齐，各瓣膜听诊区未闻及病理性杂音。", "腹平软，无压痛及反跳痛，肝脾肋下未触及。",
           "继续当前治疗，密切观察病情变化。", "已向患者及家属交代病情，表示理解。")
DOCTORS = ("wangjg", "liming", "wugang", "zhangwei", "huanglei", "chenxiao")


def seed(conn: Connection, now: datetime) -> dict[str, int]:
    templates = ensure_templates(conn, now)
    rows = [{"id": demo_id("phrase", key, n), "staff_id": demo_id("staff", key), "sort_key": n,
             "text": text} for key in DOCTORS for n, text in enumerate(PHRASES)]
    conn.execute(insert(doc_phrase), rows)
    docs, revs = _senior_rounds(conn, now)
    if docs:
        conn.execute(insert(clin_doc), docs)
        conn.execute(insert(doc_rev), revs)
    return {"doc_template": templates, "doc_phrase": len(rows), "senior_round": len(docs)}


# Bed 12 (病危, admitted three days ago) is left without it: the 待完成 list has a real overdue.
NO_ROUND_BEDS = ("12",)


def _senior_rounds(conn: Connection, now: datetime) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """上级医师首次查房记录 (48 h, CLINICAL.md §5) by the attending, a day after admission."""
    stays = conn.execute(select(encounter.c.id, encounter.c.admitted_at, encounter.c.attending_id,
                                bed.c.bed_no)
                         .join(bed, bed.c.id == encounter.c.bed_id)
                         .where(encounter.c.ward_id == demo_id("ward"))).all()
    docs: list[dict[str, Any]] = []
    revs: list[dict[str, Any]] = []
    for s in stays:
        at = s.admitted_at + timedelta(hours=20)
        if at + timedelta(hours=1) > now or s.bed_no in NO_ROUND_BEDS or s.attending_id is None:
            continue
        doc_id = demo_id("doc", s.bed_no, "senior_round")
        docs.append({"id": doc_id, "encounter_id": s.id, "doc_type": "senior_round",
                     "title": "上级医师首次查房记录", "status": "signed", "event_at": at,
                     "due_at": s.admitted_at + timedelta(hours=48), "rev_no": 1,
                     "author_id": s.attending_id, "signed_at": at + timedelta(hours=1),
                     "signed_by": s.attending_id, "cosign_needed": False, "late_entry": False,
                     "version": 1, "created_at": at, "updated_at": at})
        revs.append({"id": demo_id("rev", s.bed_no, "senior_round", 1), "doc_id": doc_id, "rev_no": 1,
                     "body": {"sections": [
                         {"id": "dx", "title": "诊断及依据", "text": "同意目前诊断。", "required": True},
                         {"id": "plan", "title": "诊疗计划", "text": "继续当前治疗，完善相关检查。",
                          "required": True}]},
                     "editor_id": s.attending_id, "edited_at": at, "reason": None})
    return docs, revs
