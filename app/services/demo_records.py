"""The medical record's demo data: the hospital templates of every §5 document type and the
doctors' personal phrase lists (常用语). Documents themselves are in demo_charts.py."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from app.services.demo_ids import demo_id
from app.services.records import ensure_templates
from app.store.schema import doc_phrase

PHRASES = ("患者神志清，精神可，饮食睡眠可，二便如常。", "双肺呼吸音清，未闻及干湿性啰音。",
           "心律齐，各瓣膜听诊区未闻及病理性杂音。", "腹平软，无压痛及反跳痛，肝脾肋下未触及。",
           "继续当前治疗，密切观察病情变化。", "已向患者及家属交代病情，表示理解。")
DOCTORS = ("wangjg", "liming", "wugang", "zhangwei", "huanglei", "chenxiao")


def seed(conn: Connection, now: datetime) -> dict[str, int]:
    templates = ensure_templates(conn, now)
    rows = [{"id": demo_id("phrase", key, n), "staff_id": demo_id("staff", key), "sort_key": n,
             "text": text} for key in DOCTORS for n, text in enumerate(PHRASES)]
    conn.execute(insert(doc_phrase), rows)
    return {"doc_template": templates, "doc_phrase": len(rows)}
