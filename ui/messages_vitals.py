"""Texts of the charting side's message ids (app/domain/vitals.py, app/services/vitals_cmds.py),
listed in ui/messages.py AREA_MODULES."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate
from ui.vitals.labels import item_label


def _item(p: dict[str, Any]) -> str:
    return item_label(str(p.get("item", "")))


def _score_item(p: dict[str, Any]) -> str:
    from ui.nursing.labels import item_name

    return item_name(str(p.get("scale", "")), str(p.get("item", "")))


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "vitals.out_of_range": lambda p: translate(
            "Messages", "{item} {value} 不可能，可录入范围 {low}–{high}").format(
                item=_item(p), value=p.get("value", ""), low=p.get("low", ""), high=p.get("high", "")),
        "vitals.confirm": lambda p: translate(
            "Messages", "{item} {value} 超出常见范围，请再次录入确认").format(
                item=_item(p), value=p.get("value", "")),
        "vitals.dbp_not_below_sbp": lambda p: translate(
            "Messages", "舒张压 {value} 须低于收缩压 {sbp}").format(
                value=p.get("value", ""), sbp=p.get("sbp", "")),
        "vitals.not_a_number": lambda p: translate("Messages", "{item}：“{text}”不是数值").format(
            item=_item(p), text=p.get("text", "")),
        "vitals.step": lambda p: translate("Messages", "{item} 精确到 {step}").format(
            item=_item(p), step=p.get("step", "")),
        "vitals.unknown_item": lambda p: translate("Messages", "未知的体征项目 {item}").format(
            item=p.get("item", "")),
        "vitals.code_not_allowed": lambda p: translate("Messages", "{item} 不能记为“{code}”").format(
            item=_item(p), code=p.get("code", "")),
        "vitals.bad_site": lambda p: translate("Messages", "体温测量部位无效：{method}").format(
            method=p.get("method", "")),
        "vitals.bad_stool": lambda p: translate(
            "Messages", "大便次数“{text}”无法识别（例：0、1/E、1 1/E、4/2E、※、☆）").format(
                text=p.get("text", "")),
        "vitals.bad_event": lambda p: translate("Messages", "未知的事件 {code}").format(
            code=p.get("code", "")),
        "vitals.in_future": lambda p: translate("Messages", "测量时间不能晚于现在"),
        "vitals.before_admission": lambda p: translate("Messages", "测量时间不能早于入院时间"),
        "vitals.value_or_code": lambda p: translate(
            "Messages", "{item} 请录入数值或一种标记，二者取一").format(item=_item(p)),
        "vitals.already_corrected": lambda p: translate(
            "Messages", "该数值已被他人更正，请刷新后查看"),
        "vitals.nothing_to_record": lambda p: translate("Messages", "没有可保存的体征"),
        "vitals.corrected_twice": lambda p: translate("Messages", "同一数值不能在一次保存中更正两次"),
        "vitals.reason_required": lambda p: translate("Messages", "请填写作废原因"),
        "score.unknown_scale": lambda p: translate("Messages", "未知的评估量表 {scale}").format(
            scale=p.get("scale", "")),
        "score.unknown_item": lambda p: translate("Messages", "量表中没有条目 {item}").format(
            item=p.get("item", "")),
        "score.item_missing": lambda p: translate("Messages", "评估条目“{item}”未填写").format(
            item=_score_item(p)),
        "score.bad_value": lambda p: translate(
            "Messages", "评估条目“{item}”的分值 {value} 无效（可选 {allowed}）").format(
            item=_score_item(p), value=p.get("value", ""), allowed=p.get("allowed", "")),
    }
