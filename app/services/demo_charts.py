"""The demo ward's charts: vital signs every 4 hours and the medical record with revisions.

Bed 8 (pneumonia) runs a believable fever: 39 °C spikes in the afternoons of the first two days,
a re-measure after cooling, then defervescence on the antibiotic by day 4.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Iterator, Optional

from app.services.demo_ids import demo_id, local_at, local_today, rng_for

Rows = list[dict[str, Any]]
HOURS = (2, 6, 10, 14, 18, 22)
CHART_DAYS = 4


def fever_temp(stay_day: int, hour_of_day: int, rng: random.Random) -> float:
    """Temperature of the febrile patient on day `stay_day` of the stay (admission day = 1)."""
    diurnal = {2: -0.3, 6: -0.4, 10: 0.0, 14: 0.35, 18: 0.4, 22: 0.1}[hour_of_day]
    base = {1: 38.9, 2: 38.7, 3: 37.9}.get(stay_day, 36.9)
    if stay_day > 3:
        diurnal /= 3
    return round(base + diurnal + rng.uniform(-0.15, 0.15), 1)


def _vital(rows: Rows, bed_no: int, at: datetime, item: str, value: Optional[float],
           nurse: str, *, method: Optional[str] = None, code: Optional[str] = None,
           note: Optional[str] = None) -> None:
    rows.append({
        "id": demo_id("vital", bed_no, at.isoformat(), item, method or ""),
        "encounter_id": demo_id("encounter", bed_no), "measured_at": at, "item": item,
        "num_value": None if value is None else Decimal(str(value)), "code": code,
        "method": method, "note": note, "recorded_by": nurse, "device_time": at,
        "received_at": at, "voided": False, "void_reason": None, "created_at": at})


def _vitals(p: dict[str, Any], now: datetime, rng: random.Random) -> Rows:
    rows: Rows = []
    bed_no = int(p["bed"])
    adm: datetime = p["_admitted_at"]
    nurse = demo_id("staff", "liufang" if p["team"] == "A" else "zhaoli")
    today = local_today(now)
    febrile = bool(p.get("fever"))
    base_pulse = rng.randint(68, 86)
    base_sbp = 150 if p["plan"] in ("htn",) else rng.randint(112, 138)
    _vital(rows, bed_no, adm + timedelta(minutes=10), "event", None, nurse, code="admit")
    _vital(rows, bed_no, adm + timedelta(minutes=10), "weight", round(rng.uniform(48, 82), 1), nurse)
    for offset in range(CHART_DAYS - 1, -1, -1):
        day = today - timedelta(days=offset)
        for hour in HOURS:
            at = local_at(day, hour, 0)
            if at < adm or at > now:
                continue
            if febrile:
                temp = fever_temp((day - adm.astimezone().date()).days + 1, hour, rng)
            else:
                temp = round(rng.uniform(36.3, 37.0), 1)
            fever_pulse = int((temp - 37.0) * 10) if temp > 37.0 else 0
            _vital(rows, bed_no, at, "temp", temp, nurse, method="axillary")
            _vital(rows, bed_no, at, "pulse", base_pulse + fever_pulse + rng.randint(-4, 4), nurse)
            _vital(rows, bed_no, at, "resp", rng.randint(16, 20) + (3 if temp >= 38.5 else 0), nurse)
            if p["acuity"] != "stable" or febrile:
                _vital(rows, bed_no, at, "spo2", rng.randint(92, 98), nurse)
            if hour in (6, 14):
                sbp = base_sbp + rng.randint(-8, 8)
                _vital(rows, bed_no, at, "sbp", sbp, nurse)
                _vital(rows, bed_no, at, "dbp", int(sbp * 0.6) + rng.randint(-5, 5), nurse)
            if febrile and temp >= 39.0:
                # 物理降温后 30 分钟复测: charted as a red circle over the cross.
                cooled = at + timedelta(minutes=30)
                if cooled <= now:
                    _vital(rows, bed_no, cooled, "temp", round(temp - rng.uniform(0.7, 1.0), 1),
                           nurse, method="cooled")
        if offset > 0 and day >= adm.astimezone().date():
            _vital(rows, bed_no, local_at(day, 14, 0), "stool", rng.choice((0, 1, 1, 2)), nurse)
    return rows


ADMISSION_SECTIONS = ("主诉", "现病史", "既往史", "个人史", "体格检查", "辅助检查", "初步诊断")


def _doc(docs: Rows, revs: Rows, bed_no: int, key: str, doc_type: str, title: str,
         event_at: datetime, due: Optional[timedelta], author: str, bodies: list[dict[str, Any]],
         *, signed_by: Optional[str], status: str = "signed", cosign: bool = False,
         cosigned_by: Optional[str] = None) -> None:
    doc_id = demo_id("doc", bed_no, key)
    signed_at = event_at + timedelta(hours=2) if signed_by else None
    docs.append({
        "id": doc_id, "encounter_id": demo_id("encounter", bed_no), "doc_type": doc_type,
        "title": title, "status": status, "event_at": event_at,
        "due_at": event_at + due if due else None, "rev_no": len(bodies), "author_id": author,
        "signed_at": signed_at, "signed_by": signed_by, "cosign_needed": cosign,
        "cosigned_at": signed_at + timedelta(hours=3) if cosigned_by and signed_at else None,
        "cosigned_by": cosigned_by, "late_entry": False, "version": len(bodies),
        "created_at": event_at, "updated_at": event_at + timedelta(hours=len(bodies))})
    for n, body in enumerate(bodies, start=1):
        revs.append({"id": demo_id("rev", bed_no, key, n), "doc_id": doc_id, "rev_no": n,
                     "body": body, "editor_id": author,
                     "edited_at": event_at + timedelta(hours=n - 1),
                     "reason": None if n == 1 else "补充查体所见"})


def _sections(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"sections": [{"title": t, "text": x} for t, x in pairs]}


def _documents(p: dict[str, Any], spec: dict[str, Any], now: datetime, docs: Rows, revs: Rows) -> None:
    bed_no = int(p["bed"])
    adm: datetime = p["_admitted_at"]
    attending_key, resident_key = spec["teams"][p["team"]]
    resident, attending = demo_id("staff", resident_key), demo_id("staff", attending_key)
    dx = "；".join(f"{i}. {name}" for i, (_, name) in enumerate(p["dx"], start=1))
    main = p["dx"][0][1]
    admission = _sections([
        ("主诉", f"{main}相关症状加重{2 + bed_no % 5}天"),
        ("现病史", f"患者{2 + bed_no % 5}天前无明显诱因出现症状加重，门诊以“{main}”收入我科。"),
        ("既往史", "否认肝炎、结核等传染病史，否认手术外伤史。"),
        ("个人史", "生于本地，无疫区居住史。"),
        ("体格检查", "T、P、R、BP见体温单。神志清，精神可，心肺腹查体见专科情况。"),
        ("辅助检查", "见检验检查报告。"),
        ("初步诊断", dx)])
    if adm + timedelta(hours=3) <= now:
        bodies = [admission]
        if bed_no in (1, 12):
            amended = dict(admission)
            amended["sections"] = admission["sections"] + [
                {"title": "补充说明", "text": "入院后补充查体：双下肢轻度凹陷性水肿。"}]
            bodies.append(amended)
        _doc(docs, revs, bed_no, "adm", "admission", "入院记录", adm, timedelta(hours=24),
             resident, bodies, signed_by=resident)
        _doc(docs, revs, bed_no, "first", "first_progress", "首次病程记录", adm + timedelta(hours=1),
             timedelta(hours=8), resident,
             [_sections([("病例特点", f"患者因{main}入院。"), ("拟诊讨论", f"诊断：{dx}"),
                         ("诊疗计划", "完善相关检查，对症支持治疗，密切观察病情变化。")])],
             signed_by=resident)
    else:
        _doc(docs, revs, bed_no, "adm", "admission", "入院记录", adm, timedelta(hours=24),
             resident, [admission], signed_by=None, status="draft")
    every = 1 if p["acuity"] == "critical" else 2 if p["acuity"] == "serious" else 3
    day = 2
    while day <= int(p["days"]):
        event = local_at(adm.astimezone().date() + timedelta(days=day - 1), 9, 30)
        if event > now:
            break
        text = f"查房：患者一般情况{'较前好转' if day > 3 else '同前'}，继续当前治疗。"
        if p.get("fever") and day <= 3:
            text = "患者仍有发热，最高体温39℃以上，咳嗽咳痰，继续抗感染治疗，监测体温。"
        _doc(docs, revs, bed_no, f"prog{day}", "progress", "日常病程记录", event, None, resident,
             [_sections([("记录", text)])], signed_by=resident)
        day += every
    if bed_no == 22:   # the intern's draft, awaiting completion and co-signature
        _doc(docs, revs, bed_no, "intern", "progress", "日常病程记录", now - timedelta(hours=2),
             None, demo_id("staff", "chenxiao"), [_sections([("记录", "患者诉咳嗽较前减轻。")])],
             signed_by=None, status="draft", cosign=True)
    if bed_no == 25:   # signed by the intern, co-signed by the attending
        intern = demo_id("staff", "chenxiao")
        _doc(docs, revs, bed_no, "intern", "progress", "日常病程记录", now - timedelta(hours=26),
             None, intern, [_sections([("记录", "青霉素皮试阳性，已更改抗感染方案。")])],
             signed_by=intern, status="cosigned", cosign=True, cosigned_by=attending)


def build(spec: dict[str, Any], now: datetime, rng: random.Random) -> Iterator[tuple[str, Rows]]:
    vitals: Rows = []
    docs: Rows = []
    revs: Rows = []
    for p in spec["patients"]:
        vitals.extend(_vitals(p, now, rng_for("vitals", p["bed"])))
        _documents(p, spec, now, docs, revs)
    yield "vital_obs", vitals
    yield "clin_doc", docs
    yield "doc_rev", revs
