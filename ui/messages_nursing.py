"""Texts of the 护理记录 side's message ids (app/domain/nursing_records.py,
app/services/nursing_rec_cmds.py), listed in ui/messages.py AREA_MODULES."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def field_label(field: str) -> str:
    from ui.vitals.labels import item_label

    return {
        "consciousness": translate("Nursing", "意识"), "pupil_left": translate("Nursing", "左侧瞳孔"),
        "pupil_right": translate("Nursing", "右侧瞳孔"),
        "light_left": translate("Nursing", "左侧对光反射"),
        "light_right": translate("Nursing", "右侧对光反射"), "intake": translate("Nursing", "入量"),
        "output": translate("Nursing", "出量"), "note": translate("Nursing", "病情观察及护理措施"),
        "reason": translate("Nursing", "更正原因"), "rec_type": translate("Nursing", "记录类型"),
        "recorded_at": translate("Nursing", "记录时间"),
    }.get(field) or item_label(field)


def _f(p: dict[str, Any]) -> str:
    return field_label(str(p.get("field", "")))


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "nursing.bad_choice": lambda p: translate("Messages", "{field}：“{value}”不是可选项").format(
            field=_f(p), value=p.get("value", "")),
        "nursing.bad_pupil": lambda p: translate(
            "Messages", "{field} {value} mm 无效，可录入 {low}–{high} mm，每 0.5 mm").format(
                field=_f(p), value=p.get("value", ""), low=p.get("low", ""), high=p.get("high", "")),
        "nursing.bad_ml": lambda p: translate(
            "Messages", "{field} {value} ml 无效，每项可录入 {low}–{high} ml 的整数").format(
                field=_f(p), value=p.get("value", ""), low=p.get("low", ""), high=p.get("high", "")),
        "nursing.bp_pair": lambda p: translate("Messages", "血压请录入收缩压/舒张压，如 120/80"),
        "nursing.note_too_long": lambda p: translate("Messages", "{field}最多 {max} 字").format(
            field=_f(p), max=p.get("max", "")),
        "nursing.empty_line": lambda p: translate("Messages", "这一行没有可保存的内容"),
        "nursing.bad_type": lambda p: translate("Messages", "护理记录类型无效：{value}").format(
            value=p.get("value", "")),
        "nursing.reason_required": lambda p: translate("Messages", "请填写原因"),
        "nursing.already_corrected": lambda p: translate(
            "Messages", "该记录已被更正或作废，请查看最新记录"),
        "nursing.in_future": lambda p: translate("Messages", "记录时间不能晚于现在"),
        "nursing.before_admission": lambda p: translate("Messages", "记录时间不能早于入院时间"),
        "nursing.bad_time": lambda p: translate(
            "Messages", "时间“{text}”无法识别，请录入 HH:MM 或 MM-DD HH:MM").format(text=p.get("text", "")),
    }
