"""Texts of the 危急值 message ids (app/services/critical.py, app/services/critical_cmds.py),
listed in ui/messages.py AREA_MODULES."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from ui.qt import translate


def _time(value: Any) -> str:
    if isinstance(value, datetime):
        return str(value.astimezone().strftime("%m-%d %H:%M"))
    return str(value or "")


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "critical.bad_source": lambda p: translate("Messages", "危急值来源无效（应为 lab 或 platform）"),
        "critical.bad_ref": lambda p: translate("Messages", "危急值缺少检验系统的结果编号（最多 64 字符）"),
        "critical.bad_flag": lambda p: translate(
            "Messages", "危急值标志“{flag}”无效（应为 HH、LL、H 或 L）").format(flag=p.get("flag", "")),
        "critical.bad_value": lambda p: translate("Messages", "危急值的结果不能为空（最多 60 字）"),
        "critical.no_stay": lambda p: translate(
            "Messages", "住院号 {mrn} 没有在院的住院记录").format(mrn=p.get("mrn", "")),
        "critical.unknown_test": lambda p: translate(
            "Messages", "检验项目 {code} 不在检验字典中").format(code=p.get("code", "")),
        "critical.already_acknowledged": lambda p: translate(
            "Messages", "该危急值已由 {by} 于 {at} 确认（已通知 {told}）").format(
                by=p.get("by", ""), at=_time(p.get("at")), told=p.get("told", "")),
        "critical.told_required": lambda p: translate("Messages", "请填写已通知的医生"),
        "critical.told_too_long": lambda p: translate(
            "Messages", "通知对象过长（最多 {limit} 字）").format(limit=p.get("limit", "")),
        "critical.not_acknowledged": lambda p: translate("Messages", "该危急值尚未由护士确认接收"),
        "critical.not_a_progress_note": lambda p: translate(
            "Messages", "危急值处理须记录在本次住院的病程记录中"),
    }
