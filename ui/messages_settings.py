"""Texts of the ward settings' message ids (app/services/ward_settings_cmds.py), listed in
ui/messages.py AREA_MODULES; `setting_label` names a setting the way the 病区设置 screen does."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def setting_label(name: str) -> str:
    labels = {
        "overdue_minutes": translate("WardSettings", "执行超时容差（分钟）"),
        "skin_read_minutes": translate("WardSettings", "皮试观察时间（分钟）"),
        "skin_valid_hours": translate("WardSettings", "皮试结果有效期（小时）"),
        "retest_on_batch": translate("WardSettings", "更换批号需重新皮试"),
        "io_boundary": translate("WardSettings", "24小时出入量起点（HH:MM）"),
        "shifts": translate("WardSettings", "护理班次（交接班）"),
        "label_size": translate("WardSettings", "瓶签尺寸（宽x高，毫米）"),
        "crit_ack_minutes": translate("WardSettings", "危急值确认时限（分钟，0 为立即）"),
        "crit_note_hours": translate("WardSettings", "危急值病程记录时限（小时）"),
    }
    if name.startswith("freq:"):
        return translate("WardSettings", "频次 {code} 的执行时间").format(code=name[5:])
    return labels.get(name, name)


def _field(p: dict[str, Any]) -> str:
    return setting_label(str(p.get("field", "")))


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "ward_settings.out_of_range": lambda p: translate(
            "Messages", "{field}须为 {low}–{high} 的整数").format(
                field=_field(p), low=p.get("low", ""), high=p.get("high", "")),
        "ward_settings.bad_flag": lambda p: translate("Messages", "{field}只能为“是”或“否”").format(
            field=_field(p)),
        "ward_settings.unknown_freq": lambda p: translate("Messages", "频次 {code} 不在频次字典中").format(
            code=p.get("code", "")),
        "ward_settings.bad_time": lambda p: translate(
            "Messages", "{field}：“{value}”不是有效时间，请按 HH:MM 填写，多个用逗号分隔").format(
                field=_field(p), value=p.get("value", "")),
        "ward_settings.duplicate_time": lambda p: translate("Messages", "{field}：时间重复").format(
            field=_field(p)),
        "ward_settings.time_count": lambda p: translate(
            "Messages", "频次 {code} 每日 {n} 次，请填写 {n} 个时间").format(
                code=p.get("code", ""), n=p.get("n", "")),
        "ward_settings.bad_shifts": lambda p: translate(
            "Messages", "班次须覆盖全天且首尾相接，如 day=08:00-16:00,evening=16:00-24:00,night=00:00-08:00"),
        "ward_settings.bad_label_size": lambda p: translate(
            "Messages",
            "瓶签尺寸须为“宽x高”（毫米），宽 {low_w}–{high_w}，高 {low_h}–{high_h}，如 80x50").format(
                low_w=p.get("low_w", ""), high_w=p.get("high_w", ""), low_h=p.get("low_h", ""),
                high_h=p.get("high_h", "")),
        "ward_settings.unknown": lambda p: translate("Messages", "未知的病区设置：{field}").format(
            field=p.get("field", "")),
        "ward_settings.changed_meanwhile": lambda p: translate(
            "Messages", "{field}已被他人修改，请重新打开病区设置后再保存").format(field=_field(p)),
    }
