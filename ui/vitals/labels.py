"""The charting side's words: item, site, code, event and due-reason labels, and the Chinese time
words of the 体温单's event text (入院于十时二十分). The one place they are translated; the ward
grid and the 体温单 painter take them from here. The printed form's Chinese words are in
app/printing/tempchart_words.py (the same words: tests/ui/test_tempchart_words.py)."""
from __future__ import annotations

from typing import Any

from app.printing.tempchart_words import chinese_number, skin_words
from ui.qt import translate


def item_label(item: str) -> str:
    return {
        "temp": translate("Vitals", "体温"), "pulse": translate("Vitals", "脉搏"),
        "hr": translate("Vitals", "心率"), "resp": translate("Vitals", "呼吸"),
        "sbp": translate("Vitals", "收缩压"), "dbp": translate("Vitals", "舒张压"),
        "spo2": translate("Vitals", "血氧饱和度"), "weight": translate("Vitals", "体重"),
        "height": translate("Vitals", "身高"), "pain": translate("Vitals", "疼痛评分"),
        "intake": translate("Vitals", "入量"), "output": translate("Vitals", "出量"),
        "urine": translate("Vitals", "尿量"), "stool": translate("Vitals", "大便次数"),
        "event": translate("Vitals", "事件"), "cooled": translate("Vitals", "降温后体温"),
    }.get(item, item)


def site_label(method: str) -> str:
    return {"oral": translate("Vitals", "口"), "axillary": translate("Vitals", "腋"),
            "rectal": translate("Vitals", "肛"), "cooled": translate("Vitals", "降温")}.get(method, method)


def code_label(code: str) -> str:
    return {
        "refused": translate("Vitals", "拒测"), "out": translate("Vitals", "外出"),
        "leave": translate("Vitals", "请假"), "below": translate("Vitals", "不升"),
        "unmeasurable": translate("Vitals", "测不出"), "bedrest": translate("Vitals", "卧床"),
        "ventilator": translate("Vitals", "呼吸机"),
    }.get(code, code)


def event_label(code: str) -> str:
    return {
        "admit": translate("Vitals", "入院"), "surgery": translate("Vitals", "手术"),
        "delivery": translate("Vitals", "分娩"), "transfer_in": translate("Vitals", "转入"),
        "discharge": translate("Vitals", "出院"), "death": translate("Vitals", "死亡"),
    }.get(code, code)


def due_label(reason: str) -> str:
    return {
        "routine": translate("Vitals", "常规"), "new_admission": translate("Vitals", "新入院"),
        "postop": translate("Vitals", "术后"), "fever": translate("Vitals", "发热"),
        "high_fever": translate("Vitals", "高热"), "critical": translate("Vitals", "病危"),
    }.get(reason, reason)


def event_text(code: str, hour: int, minute: int, with_time: bool = True) -> str:
    """入院于十时二十分 (Chinese words, §3); 手术 alone. English: "Admitted 10:20"."""
    label = event_label(code)
    if not with_time:
        return label
    words = chinese_number(hour) + translate("Vitals", "时") + (
        chinese_number(minute) + translate("Vitals", "分") if minute else "")
    if translate("Vitals", "时") != "时":           # not Chinese: digits read better
        words = f"{hour:02d}:{minute:02d}"
    return translate("Vitals", "{event}于{time}").format(event=label, time=words)


def chart_text(key: str, params: dict[str, Any]) -> str:
    """The 体温单 model's text ids (app/domain/tempchart.py TextItem.key) in words."""
    if key == "event":
        return event_text(str(params["code"]), int(params.get("hour", 0)),
                          int(params.get("minute", 0)), bool(params.get("with_time", True)))
    if key == "code":
        return code_label(str(params["code"]))
    if key == "label":
        return {
            "date": translate("Vitals", "日期"), "stay_day": translate("Vitals", "住院天数"),
            "op_day": translate("Vitals", "手术后天数"), "time": translate("Vitals", "时间"),
            "pulse_axis": translate("Vitals", "脉搏\n(次/分)"),
            "temp_axis": translate("Vitals", "体温\n(℃)"),
            "resp": translate("Vitals", "呼吸(次/分)"), "bp": translate("Vitals", "血压(mmHg)"),
            "intake": translate("Vitals", "入量(ml)"), "output": translate("Vitals", "出量(ml)"),
            "urine": translate("Vitals", "尿量(ml)"), "stool": translate("Vitals", "大便(次/日)"),
            "weight": translate("Vitals", "体重(kg)"), "height": translate("Vitals", "身高(cm)"),
            "skin": translate("Vitals", "皮试"), "pain": translate("Vitals", "疼痛"),
            "other": translate("Vitals", "其他"),
            "title": translate("Vitals", "体 温 单"),
            "name": translate("Vitals", "姓名"), "dept": translate("Vitals", "科室"),
            "bed": translate("Vitals", "床号"), "admitted": translate("Vitals", "入院日期"),
            "mrn": translate("Vitals", "住院号"),
            "page": translate("Vitals", "第 {n} 周"),
        }.get(str(params["name"]), str(params["name"])).format(**{k: v for k, v in params.items()
                                                                  if k != "name"})
    if key == "skin":
        return skin_words(params)
    return str(params.get("text", ""))
