"""The printed 体温单's words: every text id of app/printing/tempchart_model.py in the form's
Chinese (the printed chart is the legal Chinese form, whatever language the screen speaks).

The screen takes its words from ui/vitals/labels.py chart_text(), translated through Qt; with
no translator installed the two agree word for word (tests/ui/test_tempchart_words.py).
"""
from __future__ import annotations

from typing import Any

_DIGITS = "零一二三四五六七八九"

LABELS = {
    "date": "日期", "stay_day": "住院天数", "op_day": "手术后天数", "time": "时间",
    "pulse_axis": "脉搏\n(次/分)", "temp_axis": "体温\n(℃)",
    "resp": "呼吸(次/分)", "bp": "血压(mmHg)", "intake": "入量(ml)", "output": "出量(ml)",
    "urine": "尿量(ml)", "stool": "大便(次/日)", "weight": "体重(kg)", "height": "身高(cm)",
    "skin": "皮试", "pain": "疼痛", "other": "其他", "title": "体 温 单",
    "name": "姓名", "dept": "科室", "bed": "床号", "admitted": "入院日期", "mrn": "住院号",
    "page": "第 {n} 周",
}
CODES = {
    "refused": "拒测", "out": "外出", "leave": "请假", "below": "不升", "unmeasurable": "测不出",
    "bedrest": "卧床", "ventilator": "呼吸机",
}
EVENTS = {
    "admit": "入院", "surgery": "手术", "delivery": "分娩", "transfer_in": "转入",
    "discharge": "出院", "death": "死亡",
}
SKIN_RESULTS = {"positive": "(+)", "negative": "(-)"}


def chinese_number(n: int) -> str:
    """0-59 in Chinese words as clocks are read: 十, 十二, 二十, 二十三."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def event_words(code: str, hour: int, minute: int, with_time: bool = True) -> str:
    """入院于十时二十分 (§3); 手术 alone."""
    label = EVENTS.get(code, code)
    if not with_time:
        return label
    return f"{label}于{chinese_number(hour)}时" + (f"{chinese_number(minute)}分" if minute else "")


def skin_words(params: dict[str, Any]) -> str:
    return f"{params.get('substance', '')}{SKIN_RESULTS.get(str(params.get('result')), '')}"


def form_text(key: str, params: dict[str, Any]) -> str:
    """A text id of the model with its params, in the form's words."""
    if key == "event":
        return event_words(str(params["code"]), int(params.get("hour", 0)), int(params.get("minute", 0)),
                           bool(params.get("with_time", True)))
    if key == "code":
        return CODES.get(str(params["code"]), str(params["code"]))
    if key == "label":
        name = str(params["name"])
        return LABELS.get(name, name).format(**{k: v for k, v in params.items() if k != "name"})
    if key == "skin":
        return skin_words(params)
    return str(params.get("text", ""))
