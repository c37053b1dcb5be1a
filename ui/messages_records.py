"""Texts of the medical record's message ids (app/services/doc_*.py), in the user's language."""
from __future__ import annotations

from typing import Any, Callable

from ui.messages import _local_time
from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "doc.section_required": lambda p: translate(
            "Messages", "以下必填项尚未填写：{titles}").format(
                titles="、".join(str(t) for t in p.get("titles", []))),
        "doc.event_in_future": lambda p: translate(
            "Messages", "记录时间 {at} 晚于当前时间").format(at=_local_time(p.get("event_at", ""))),
        "doc.event_before_admission": lambda p: translate(
            "Messages", "记录时间 {at} 早于入院时间 {admitted}").format(
                at=_local_time(p.get("event_at", "")), admitted=_local_time(p.get("admitted_at", ""))),
        "doc.unknown_type": lambda p: translate("Messages", "未知的病历类型：{type}").format(
            type=p.get("doc_type", "")),
        "doc.already_signed": lambda p: translate("Messages", "该病历已签名，修改请使用“修订”"),
        "doc.not_author": lambda p: translate("Messages", "只有书写者本人可以签名此病历"),
        "doc.no_cosign_pending": lambda p: translate("Messages", "该病历无需或已完成审签"),
        "doc.cosign_self": lambda p: translate("Messages", "不能审签自己书写的病历"),
        "doc.reason_required": lambda p: translate("Messages", "请填写修订原因"),
        "doc.not_signed": lambda p: translate("Messages", "病历尚未签名，请直接编辑后签名"),
        "doc.revise_not_senior": lambda p: translate(
            "Messages", "只有书写者本人或上级医师可以修订已签名的病历"),
        "consult.question_required": lambda p: translate("Messages", "请填写会诊目的及病情摘要"),
        "consult.not_open": lambda p: translate("Messages", "该会诊已完成或已取消"),
        "consult.not_addressed": lambda p: translate("Messages", "该会诊邀请的不是您或您的科室"),
        "handover.empty": lambda p: translate("Messages", "交班名单为空"),
        "handover.entry_incomplete": lambda p: translate("Messages", "每位患者须填写病情分级和病情摘要"),
        "handover.already_acknowledged": lambda p: translate("Messages", "该交班已被接班"),
        "handover.not_receiver": lambda p: translate(
            "Messages", "交班医师本人不能接班，或该交班指定了其他接班医师"),
    }
