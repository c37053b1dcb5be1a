"""Texts of the 护士交接班 message ids (app/services/nurse_handover_cmds.py, app/domain/nurse_shift.py),
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
        "nurse_handover.unknown_shift": lambda p: translate(
            "Messages", "本病区没有“{shift}”这个班次").format(shift=p.get("shift", "")),
        "nurse_handover.future_shift": lambda p: translate(
            "Messages", "该班次 {start} 才开始，不能提前交班").format(start=_time(p.get("start"))),
        "nurse_handover.bad_entry": lambda p: translate("Messages", "交班患者的类别无效，请刷新后重试"),
        "nurse_handover.too_long": lambda p: translate(
            "Messages", "内容过长（每项最多 {limit} 字）").format(limit=p.get("limit", "")),
        "nurse_handover.already_handed": lambda p: translate(
            "Messages", "本班已由 {by} 于 {at} 交班签名，不能再修改或再次交班").format(
                by=p.get("by", ""), at=_time(p.get("at"))),
        "nurse_handover.already_handed_by_you": lambda p: translate(
            "Messages", "您已于 {at} 交班签名，不能重复签名").format(at=_time(p.get("at"))),
        "nurse_handover.explain_mismatch": lambda p: translate(
            "Messages", "人数不符：原有+入院+转入−出院−转出−死亡 = {expected}，现有 {current}。"
                        "请核对，或在“差异说明”中写明原因后再交班").format(
                expected=p.get("expected", ""), current=p.get("current", "")),
        "nurse_handover.not_handed": lambda p: translate("Messages", "本班尚未交班签名，不能接班"),
        "nurse_handover.already_received": lambda p: translate(
            "Messages", "本班已由 {by} 于 {at} 接班").format(by=p.get("by", ""), at=_time(p.get("at"))),
        "nurse_handover.same_nurse": lambda p: translate(
            "Messages", "交班护士不能为自己接班：须由另一位护士登录后接班签名"),
    }
