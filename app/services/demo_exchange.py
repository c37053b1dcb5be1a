"""The demo's regional exchange (issue 17): the 医联体's member institutions and the patients'
identifiers the platform accepts (居民身份证号 with its check digit, some 居民健康卡号). Bed 30's
patient has neither, as happens with an unidentified admission: a referral of that patient is
refused with a clear message."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.services.demo_ids import demo_id
from app.store.schema import encounter, member_inst, patient

# The platform of the demo: an address that never resolves (.invalid), so nothing leaves the PC.
DEMO_ENDPOINT = "https://platform.demo.invalid/fhir"
INSTITUTIONS = (("PRH-3A-0001", "省人民医院", "tertiary"),
                ("CCH-2A-0107", "城关县人民医院", "secondary"),
                ("DQ-CHC-0312", "东桥社区卫生服务中心", "primary"))
NO_IDENTIFIER_BEDS = (30,)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_card_number(region: str, birth: Any, seq: int) -> str:
    """A 居民身份证号 (GB 11643) with its check digit: region, birth date, order code."""
    body = f"{region}{birth:%Y%m%d}{seq % 1000:03d}"
    return body + _CHECK[sum(int(c) * w for c, w in zip(body, _WEIGHTS)) % 11]


def seed(conn: Connection, now: datetime) -> dict[str, int]:
    rows = [{"id": demo_id("member_inst", code), "code": code, "name": name, "inst_level": level,
             "endpoint": DEMO_ENDPOINT, "is_active": True, "version": 1, "created_at": now,
             "updated_at": now} for code, name, level in INSTITUTIONS]
    conn.execute(insert(member_inst), rows)
    stays = conn.execute(select(patient.c.id, patient.c.birth_date, patient.c.sex)
                         .join(encounter, encounter.c.patient_id == patient.c.id)
                         .where(encounter.c.ward_id == demo_id("ward"))).all()
    no_ids = {demo_id("patient", bed) for bed in NO_IDENTIFIER_BEDS}
    changed = 0
    for n, (pid, birth, sex) in enumerate(sorted(stays, key=lambda r: str(r.id)), start=1):
        if pid in no_ids or birth is None:
            continue
        seq = n * 2 + (1 if sex == "M" else 0)           # odd for men, even for women
        values: dict[str, Any] = {"id_card": id_card_number("330102", birth, seq)}
        if n % 3 == 0:
            values["health_card"] = f"H330100{n:08d}"
        conn.execute(update(patient).where(patient.c.id == pid).values(**values))
        changed += 1
    return {"member_inst": len(rows), "patient_ids": changed}
