"""The demo's regional exchange (issue 17): the 医联体's member institutions and the patients'
identifiers the platform accepts (居民身份证号 with its check digit, some 居民健康卡号). Bed 30's
patient has neither, as happens with an unidentified admission: a referral of that patient is
refused with a clear message. One referral up from the community health centre waits in the
department's 转入申请 (what it carries is a FHIR Bundle as the platform would deliver it)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.services.demo_ids import demo_id
from app.store.schema import encounter, ext_result, member_inst, patient, referral

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
    conn.execute(insert(referral).values(**incoming_referral(now)))
    reports = external_results(now)
    conn.execute(insert(ext_result), reports)
    return {"member_inst": len(rows), "patient_ids": changed, "referral": 1, "ext_result": len(reports)}


def external_results(now: datetime) -> list[dict[str, Any]]:
    """Bed 7's reports from 省人民医院, as a pull would have kept them (结果互认): a 血常规 three
    days old that 李明 recognised (so ordering it again asks for a reason) and a 胸部CT not yet
    recognised. Pulling for real in the demo names its unreachable platform."""
    from datetime import timedelta

    pid, doctor = demo_id("patient", 7), demo_id("staff", "liming")
    cbc_at, ct_at = now - timedelta(days=3, hours=2), now - timedelta(days=10)
    items = [{"name": n, "loinc": None, "value": v, "unit": u, "flag": f, "range": r} for n, v, u, f, r in (
        ("白细胞计数", "11.8", "10^9/L", "H", "3.5-9.5"), ("中性粒细胞百分比", "82.1", "%", "H", "40-75"),
        ("血红蛋白", "126", "g/L", None, "115-150"), ("血小板计数", "210", "10^9/L", None, "125-350"))]
    base = {"patient_id": pid, "inst_code": "PRH-3A-0001", "inst_name": "省人民医院", "version": 1,
            "code_system": "http://loinc.org", "fetched_at": now - timedelta(hours=1),
            "created_at": now - timedelta(hours=1), "updated_at": now - timedelta(hours=1)}
    return [
        {**base, "id": demo_id("ext_result", 7, 1), "source_ref": "DiagnosticReport/prh-cbc-7",
         "kind": "lab", "code": "58410-2", "loinc": "58410-2", "name": "血常规", "items": items,
         "conclusion": None, "effective_at": cbc_at, "issued_at": cbc_at + timedelta(hours=1),
         "status": "recognised", "recognised_by": doctor, "recognised_at": now - timedelta(minutes=50)},
        {**base, "id": demo_id("ext_result", 7, 2), "source_ref": "DiagnosticReport/prh-ct-7",
         "kind": "exam", "code": "29252-4", "loinc": "29252-4", "name": "胸部CT平扫", "items": None,
         "conclusion": "右肺下叶斑片状渗出影，考虑炎症；双侧胸腔未见积液。", "effective_at": ct_at,
         "issued_at": ct_at + timedelta(hours=3), "status": "fetched", "recognised_by": None,
         "recognised_at": None}]


def incoming_referral(now: datetime) -> dict[str, Any]:
    """A referral up from the community health centre, waiting in the department's 转入申请."""
    from datetime import date, timedelta
    from decimal import Decimal

    from app.exchange import fhir_bundle as fb
    from app.exchange import stay_record as sr
    from app.exchange.settings import ExchangeSettings

    at = now - timedelta(hours=2)
    person = sr.PatientFacts("community-p1", "C2024001", "孙桂兰", "F", date(1956, 3, 14),
                             id_card_number("330104", date(1956, 3, 14), 22), None, None, "东桥街道")
    record = sr.StayRecord(
        "community-e1", at - timedelta(days=5), None, "全科", person,
        (sr.DiagnosisFact("cdx1", "primary", "E11.2", "2型糖尿病伴肾并发症", "2型糖尿病伴有肾的并发症",
                          at - timedelta(days=5)),),
        sr.DocumentFact("cdoc1", "discharge", "转诊病情摘要", 1, at, at, "community-dr1", "周医生", (
            sr.Section("主诉", "口干多饮10年，双下肢水肿1月"),
            sr.Section("诊疗经过", "门诊调整胰岛素方案，空腹血糖仍在11-13 mmol/L，尿蛋白（++）。"))),
        (sr.MedicationFact("cmed1", "二甲双胍片 0.5g 口服 每日三次", None, "二甲双胍片", Decimal("0.5"), "g",
                           "po", "tid", at - timedelta(days=30), None, False),),
        (sr.AllergyFact("call1", "磺胺类", "皮疹", "moderate", at - timedelta(days=300)),),
        (sr.VitalFact("cv1", "sbp", Decimal(156), at), sr.VitalFact("cv2", "dbp", Decimal(92), at)))
    ident = "ref-demo-community-0001"
    info = fb.ReferralInfo("demo-community-0001", "up", "血糖控制不佳，并发糖尿病肾病，上转进一步诊治",
                           "内科", "DQ-CHC-0312", "东桥社区卫生服务中心", at, "community-dr1", "周医生")
    settings = ExchangeSettings(org_code="DQ-CHC-0312", org_name="东桥社区卫生服务中心")
    bundle = fb.build_bundle(record, settings, ident=ident, timestamp=at, referral=info)
    return {"id": demo_id("referral", "community", 1), "direction": "up", "inbound": True,
            "encounter_id": None, "patient_id": None, "inst_id": demo_id("member_inst", "DQ-CHC-0312"),
            "reason": info.reason, "to_dept": "内科", "dept_id": demo_id("dept"), "status": "sent",
            "bundle_ident": ident, "patient_name": person.name, "summary": bundle,
            "version": 1, "created_at": at, "updated_at": at}
