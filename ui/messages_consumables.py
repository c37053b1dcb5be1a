"""Texts of the 附材 message ids (issue 13: consumables bound to orders, and their rules)."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "cons.reason_required": lambda p: translate("Messages", "移除附材须填写理由"),
        "cons.already_removed": lambda p: translate("Messages", "该附材已被移除"),
        "cons.unknown": lambda p: translate("Messages", "附材字典中没有此项或已停用"),
        "cons.bad_quantity": lambda p: translate("Messages", "附材数量须大于 0 且不超过 999"),
        "cons.rule_code": lambda p: translate("Messages", "规则编码不能为空，且不超过 30 个字符"),
        "cons.rule_code_taken": lambda p: translate("Messages", "规则编码已被另一条规则使用"),
        "cons.bad_per": lambda p: translate("Messages", "计量方式须为：每次执行、每天或每条医嘱"),
        "cons.unknown_route": lambda p: translate("Messages", "没有此给药途径"),
        "cons.bad_category": lambda p: translate("Messages", "无效的医嘱类别"),
        "cons.unknown_item": lambda p: translate("Messages", "没有此诊疗项目"),
        "cons.rule_matches_all": lambda p: translate(
            "Messages", "规则须至少限定途径、类别、项目或剂型之一"),
        "cons.bad_priority": lambda p: translate("Messages", "优先级须在 0 到 9999 之间"),
    }
