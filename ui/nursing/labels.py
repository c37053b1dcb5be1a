"""The 护理记录 and risk-score words: record types, consciousness, pupil reflex, intake/output
kinds, and every scale's items, answers and levels as CLINICAL.md §6 gives them. The one place
they are translated; the record table, the entry row, the assessment dialog and the header take
them from here."""
from __future__ import annotations

from ui.qt import translate


def rec_type_label(rec_type: str) -> str:
    return {"general": translate("Nursing", "一般护理记录"),
            "critical": translate("Nursing", "危重护理记录")}.get(rec_type, rec_type)


def consciousness_label(code: str) -> str:
    return {
        "alert": translate("Nursing", "清醒"), "drowsy": translate("Nursing", "嗜睡"),
        "confused": translate("Nursing", "意识模糊"), "stupor": translate("Nursing", "昏睡"),
        "light_coma": translate("Nursing", "浅昏迷"), "deep_coma": translate("Nursing", "深昏迷"),
        "delirium": translate("Nursing", "谵妄"), "sedated": translate("Nursing", "镇静"),
    }.get(code, code)


def reflex_label(code: str) -> str:
    return {"brisk": translate("Nursing", "灵敏"), "sluggish": translate("Nursing", "迟钝"),
            "absent": translate("Nursing", "消失")}.get(code, code)


def reflex_mark(code: str) -> str:
    """The form's short mark: + 灵敏, ± 迟钝, − 消失."""
    return {"brisk": "+", "sluggish": "±", "absent": "−"}.get(code, "")


def io_kind_label(kind: str) -> str:
    return {
        "iv": translate("Nursing", "静脉"), "oral": translate("Nursing", "口服"),
        "tube": translate("Nursing", "鼻饲"), "blood": translate("Nursing", "输血"),
        "urine": translate("Nursing", "尿"), "stool": translate("Nursing", "大便"),
        "vomit": translate("Nursing", "呕吐"), "drainage": translate("Nursing", "引流"),
        "gastric": translate("Nursing", "胃肠减压"), "other": translate("Nursing", "其他"),
    }.get(kind, kind)


def scale_name(scale: str) -> str:
    return {"braden": translate("Nursing", "Braden 压疮风险评估"),
            "morse": translate("Nursing", "Morse 跌倒风险评估"),
            "barthel": translate("Nursing", "Barthel 自理能力评估"),
            "pain": translate("Nursing", "疼痛评估")}.get(scale, scale)


def scale_short(scale: str) -> str:
    return {"braden": translate("Nursing", "压疮"), "morse": translate("Nursing", "跌倒"),
            "barthel": translate("Nursing", "自理"), "pain": translate("Nursing", "疼痛")}.get(scale, scale)


def item_name(scale: str, item: str) -> str:
    names = {
        "braden": {"sensory": translate("Nursing", "感知"), "moisture": translate("Nursing", "潮湿"),
                   "activity": translate("Nursing", "活动"), "mobility": translate("Nursing", "移动"),
                   "nutrition": translate("Nursing", "营养"),
                   "friction": translate("Nursing", "摩擦力和剪切力")},
        "morse": {"fall_history": translate("Nursing", "近三个月跌倒史"),
                  "secondary_dx": translate("Nursing", "超过一个医学诊断"),
                  "ambulatory_aid": translate("Nursing", "行走辅助"),
                  "iv_access": translate("Nursing", "静脉输液/留置针"),
                  "gait": translate("Nursing", "步态"), "mental_status": translate("Nursing", "精神状态")},
        "barthel": {"feeding": translate("Nursing", "进食"), "bathing": translate("Nursing", "洗澡"),
                    "grooming": translate("Nursing", "修饰"), "dressing": translate("Nursing", "穿衣"),
                    "bowels": translate("Nursing", "控制大便"), "bladder": translate("Nursing", "控制小便"),
                    "toilet": translate("Nursing", "如厕"), "transfer": translate("Nursing", "床椅转移"),
                    "mobility": translate("Nursing", "平地行走45米"),
                    "stairs": translate("Nursing", "上下楼梯")},
        "pain": {"nrs": translate("Nursing", "疼痛程度")},
    }
    return names.get(scale, {}).get(item, item)


def _pain(value: int) -> str:
    if value == 0:
        return translate("Nursing", "无痛")
    if value <= 3:
        return translate("Nursing", "轻度")
    return translate("Nursing", "中度") if value <= 6 else translate("Nursing", "重度")


def answer_text(scale: str, item: str, value: int, faces: bool = False) -> str:
    """The answer as the form prints it, the points first (typing the number picks it)."""
    if scale == "pain":
        if faces:
            face = {0: translate("Nursing", "笑脸，不痛"), 2: translate("Nursing", "微笑，有点痛"),
                    4: translate("Nursing", "平静，稍痛"), 6: translate("Nursing", "皱眉，较痛"),
                    8: translate("Nursing", "难过，很痛"), 10: translate("Nursing", "哭泣，剧痛")}
            return f"{value}  {face.get(value, '')}"
        return f"{value}  {_pain(value)}"
    limited = {1: translate("Nursing", "完全受限"), 2: translate("Nursing", "非常受限"),
               3: translate("Nursing", "轻度受限")}
    dep, part, own = (translate("Nursing", "依赖"), translate("Nursing", "需部分帮助"),
                      translate("Nursing", "自理"))
    cont = {0: translate("Nursing", "失禁"), 5: translate("Nursing", "偶尔失禁"),
            10: translate("Nursing", "能控制")}
    no, yes = translate("Nursing", "无"), translate("Nursing", "有")
    texts: dict[str, dict[str, dict[int, str]]] = {
        "braden": {
            "sensory": {**limited, 4: translate("Nursing", "无损害")},
            "moisture": {1: translate("Nursing", "持续潮湿"), 2: translate("Nursing", "经常潮湿"),
                         3: translate("Nursing", "偶尔潮湿"), 4: translate("Nursing", "很少潮湿")},
            "activity": {1: translate("Nursing", "卧床"), 2: translate("Nursing", "坐椅"),
                         3: translate("Nursing", "偶尔行走"), 4: translate("Nursing", "经常行走")},
            "mobility": {**limited, 4: translate("Nursing", "不受限")},
            "nutrition": {1: translate("Nursing", "非常差"), 2: translate("Nursing", "可能不足"),
                          3: translate("Nursing", "充足"), 4: translate("Nursing", "丰富")},
            "friction": {1: translate("Nursing", "有问题"), 2: translate("Nursing", "潜在问题"),
                         3: translate("Nursing", "无明显问题")},
        },
        "morse": {
            "fall_history": {0: no, 25: yes}, "secondary_dx": {0: no, 15: yes},
            "ambulatory_aid": {0: translate("Nursing", "不需要/卧床/护士扶助"),
                               15: translate("Nursing", "拐杖/助行器"),
                               30: translate("Nursing", "扶家具行走")},
            "iv_access": {0: no, 20: yes},
            "gait": {0: translate("Nursing", "正常/卧床/轮椅"), 10: translate("Nursing", "虚弱"),
                     20: translate("Nursing", "受损")},
            "mental_status": {0: translate("Nursing", "了解自己的能力"),
                              15: translate("Nursing", "高估自己/忘记受限")},
        },
        "barthel": {
            "feeding": {0: dep, 5: part, 10: own}, "bathing": {0: dep, 5: own},
            "grooming": {0: dep, 5: own}, "dressing": {0: dep, 5: part, 10: own},
            "bowels": cont, "bladder": cont, "toilet": {0: dep, 5: part, 10: own},
            "transfer": {0: translate("Nursing", "完全依赖"), 5: translate("Nursing", "需极大帮助"),
                         10: part, 15: own},
            "mobility": {0: translate("Nursing", "不能行走"), 5: translate("Nursing", "需极大帮助"),
                         10: part, 15: translate("Nursing", "独立行走")},
            "stairs": {0: translate("Nursing", "不能"), 5: part, 10: own},
        },
    }
    return f"{value}  {texts.get(scale, {}).get(item, {}).get(value, '')}".rstrip()


def level_text(scale: str, level: str) -> str:
    return {
        ("braden", "none"): translate("Nursing", "无风险"),
        ("braden", "mild"): translate("Nursing", "轻度危险"),
        ("braden", "moderate"): translate("Nursing", "中度危险"),
        ("braden", "high"): translate("Nursing", "高度危险"),
        ("braden", "very_high"): translate("Nursing", "极高危"),
        ("morse", "low"): translate("Nursing", "低危"),
        ("morse", "moderate"): translate("Nursing", "中危"),
        ("morse", "high"): translate("Nursing", "高危"),
        ("barthel", "severe"): translate("Nursing", "重度依赖"),
        ("barthel", "moderate"): translate("Nursing", "中度依赖"),
        ("barthel", "mild"): translate("Nursing", "轻度依赖"),
        ("barthel", "independent"): translate("Nursing", "无需依赖"),
        ("pain", "none"): translate("Nursing", "无痛"),
        ("pain", "mild"): translate("Nursing", "轻度疼痛"),
        ("pain", "moderate"): translate("Nursing", "中度疼痛"),
        ("pain", "severe"): translate("Nursing", "重度疼痛"),
    }.get((scale, level), level)


RISK_ORDER = ("morse", "braden", "barthel", "pain")


def risk_html(risks: dict[str, object]) -> str:
    """The header's risk line: 跌倒 高危 55 · 压疮 高度危险 11 ...; red past the action threshold,
    "评估到期" once the re-assessment date has passed."""
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    parts = []
    for scale in sorted(risks, key=lambda s: RISK_ORDER.index(s) if s in RISK_ORDER else 9):
        a: object = risks[scale]
        level, total, alert = getattr(a, "level", ""), getattr(a, "total", ""), getattr(a, "alert", False)
        due = getattr(a, "due_at", None)
        text = f"{scale_short(scale)} {level_text(scale, str(level))} {total}"
        if due is not None and due <= now:
            text += translate("Nursing", "（评估到期）")
        style = "color:#c62828;font-weight:bold" if alert else "color:#1f2328"
        parts.append(f"<span style='{style}'>{text}</span>")
    return "&nbsp;·&nbsp;".join(parts)
