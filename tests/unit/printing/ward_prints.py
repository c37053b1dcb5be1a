"""What the record, nursing and handover print tests put on the seeded demo ward, through the
real commands (the one write path): an intern's progress note signed and co-signed with an edit
(revision 2 by the attending, with its reason), a long 入院记录, a corrected and a voided nursing
line, and a doctors' handover acknowledged by the receiving doctor; plus poppler's readings."""
from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app.domain import documents as dd
from app.ids import new_id
from app.services import records
from app.services.demo_ids import demo_id
from app.services.doc_commands import CosignDocument, CreateDocument, SignDocument
from app.services.handover import AcknowledgeHandover, HandoverEntry, WriteHandover
from app.services.nursing_rec_cmds import RecordNursingLine, VoidNursingLine
from app.services.write import run_command
from app.store.db import Database
from tests.unit.services.conftest import NOW

WS = "pc-print"
ENC_11 = demo_id("encounter", 11)           # admitted yesterday, team A
ENC_12 = demo_id("encounter", 12)           # 病危: hour by hour 危重护理记录 since 07:00
INTERN = demo_id("staff", "chenxiao")       # 陈晓
ATTENDING = demo_id("staff", "liming")      # 李明
RESIDENT = demo_id("staff", "zhangwei")     # 张伟
NURSE = demo_id("staff", "liufang")         # 刘芳
REASON = "补充上级医师查房意见"
ADDED = "上级医师查房：同意目前诊断，加用利尿剂。"
LONG_HPI = "".join(f"第{n}段：患者活动后胸闷气短逐渐加重，夜间不能平卧，伴双下肢水肿，尿量减少。"
                   for n in range(1, 121))


def _template(db: Database, doc_type: str) -> tuple[dd.Section, ...]:
    with db.connect() as conn:
        return next(t for t in records.templates(conn) if t.doc_type == doc_type).sections


def _filled(sections: tuple[dd.Section, ...], **texts: str) -> tuple[dd.Section, ...]:
    return tuple(dataclasses.replace(s, text=texts.get(s.id, f"{s.title}：已查。" if s.required else ""))
                 for s in sections)


def _version(db: Database, doc_id: str, reader: str) -> int:
    with db.connect() as conn:
        return records.open_document(conn, doc_id, reader).doc.version


def _create(db: Database, enc: str, doc_type: str, actor: str) -> str:
    doc_id = new_id()
    run_command(db, WS, CreateDocument(op_id=new_id(), actor_id=actor, device_time=NOW, encounter_id=enc,
                                       doc_id=doc_id, doc_type=doc_type, title="", event_at=NOW,
                                       sections=_template(db, doc_type)), now=NOW)
    return doc_id


def cosigned_with_revision(db: Database) -> str:
    """The intern's 日常病程记录 on bed 11, co-signed by 李明 with an added 上级医师意见 (rev 2)."""
    doc_id = _create(db, ENC_11, "progress", INTERN)
    first = _filled(_template(db, "progress"), condition="患者诉胸闷较前减轻，夜间可平卧。")
    run_command(db, WS, SignDocument(op_id=new_id(), actor_id=INTERN, device_time=NOW, doc_id=doc_id,
                                     base_version=_version(db, doc_id, INTERN), sections=first), now=NOW)
    edited = tuple(dataclasses.replace(s, text=ADDED) if s.title == "上级医师意见" else s for s in first)
    assert edited != first
    later = NOW + timedelta(hours=1)
    run_command(db, WS, CosignDocument(op_id=new_id(), actor_id=ATTENDING, device_time=later, doc_id=doc_id,
                                       base_version=_version(db, doc_id, ATTENDING), sections=edited,
                                       reason=REASON), now=later)
    return doc_id


def long_admission(db: Database) -> str:
    """A signed 入院记录 whose 现病史 runs over pages."""
    doc_id = _create(db, ENC_11, "admission", RESIDENT)
    sections = _filled(_template(db, "admission"), hpi=LONG_HPI)
    run_command(db, WS, SignDocument(op_id=new_id(), actor_id=RESIDENT, device_time=NOW, doc_id=doc_id,
                                     base_version=_version(db, doc_id, RESIDENT), sections=sections), now=NOW)
    return doc_id


def corrected_nursing(db: Database) -> None:
    """Bed 12's first 危重 line corrected (pulse typed wrong), its second voided."""
    first, second = demo_id("nursing14", 12, 0), demo_id("nursing14", 12, 1)
    with db.connect() as conn:
        from sqlalchemy import select

        from app.store.schema import nursing_rec

        at = conn.execute(select(nursing_rec.c.recorded_at).where(nursing_rec.c.id == first)).scalar_one()
    run_command(db, WS, RecordNursingLine(
        op_id=new_id(), actor_id=NURSE, device_time=NOW, encounter_id=ENC_12, record_id=new_id(),
        rec_type="critical", recorded_at=at, vitals={"pulse": Decimal("104"), "resp": Decimal("20")},
        consciousness="alert", note="更正后：禁食，持续心电监护", replaces_id=first, reason="脉搏录入错误"),
        now=NOW)
    run_command(db, WS, VoidNursingLine(op_id=new_id(), actor_id=NURSE, device_time=NOW, record_id=second,
                                        void_id=new_id(), reason="记录在错误的患者"), now=NOW)


def doctor_handover(db: Database) -> str:
    handover_id = new_id()
    run_command(db, WS, WriteHandover(
        op_id=new_id(), actor_id=RESIDENT, device_time=NOW, handover_id=handover_id,
        ward_id=demo_id("ward"), entries=(
            HandoverEntry(ENC_12, "critical", "上消化道出血，今日解柏油样便一次", "复查血常规",
                          "再次呕血则立即通知值班医师并备血"),
            HandoverEntry(ENC_11, "watcher", "慢性心衰急性加重，利尿中", "记24小时出入量")),
        to_staff_id=ATTENDING), now=NOW)
    run_command(db, WS, AcknowledgeHandover(op_id=new_id(), actor_id=ATTENDING, device_time=NOW,
                                            handover_id=handover_id, base_version=1), now=NOW)
    return handover_id


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, whitespace removed (pdftotext; pages split at form feeds)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return ["".join(page.split()) for page in text.split("\f")[:-1]]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found, info
    return int(found.group(1))


def fonts_embedded(pdf: Path) -> bool:
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    return bool(rows) and all(" yes yes " in r for r in rows)
