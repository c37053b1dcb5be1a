"""Texts of the diagnosis message ids (app/services/diagnosis_cmds.py), listed in ui/messages.py
AREA_MODULES."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "diagnosis.unknown_code": lambda p: translate(
            "Messages", "ICD-10 字典中没有编码 {code}，请从检索结果中选择").format(code=p.get("code", "")),
        "diagnosis.code_required": lambda p: translate("Messages", "请选择诊断的 ICD-10 编码"),
        "diagnosis.name_too_long": lambda p: translate(
            "Messages", "诊断名称过长：最多 {max} 个字").format(max=p.get("max", "")),
        "diagnosis.bad_kind": lambda p: translate(
            "Messages", "诊断类别无效：{kind}（入院、修正或出院诊断）").format(kind=p.get("kind", "")),
        "diagnosis.in_future": lambda p: translate("Messages", "诊断时间不能晚于现在"),
        "diagnosis.before_admission": lambda p: translate("Messages", "诊断时间不能早于入院时间"),
        "diagnosis.duplicate": lambda p: translate(
            "Messages", "该类诊断中已有“{name}”").format(name=p.get("name", "")),
        "diagnosis.unchanged": lambda p: translate("Messages", "诊断名称与编码均未改变"),
        "diagnosis.not_active": lambda p: translate(
            "Messages", "该诊断已被修改或删除，请查看最新的诊断"),
        "diagnosis.reason_required": lambda p: translate("Messages", "请填写删除原因"),
        "diagnosis.reason_too_long": lambda p: translate(
            "Messages", "删除原因过长：最多 {max} 个字").format(max=p.get("max", "")),
        "diagnosis.bad_order": lambda p: translate("Messages", "诊断排序无效，请刷新后重试"),
        "diagnosis.list_changed": lambda p: translate(
            "Messages", "该类诊断已被他人增删，请查看最新的诊断后再排序"),
    }
