"""Texts of the regional exchange's message ids (app/services/referral_cmds.py, app/exchange/),
listed in ui/messages.py AREA_MODULES."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "exchange.unknown_patient": lambda p: translate("Messages", "没有住院号为 {mrn} 的患者").format(
            mrn=p.get("mrn", "")),
        "exchange.no_identifier": lambda p: translate(
            "Messages", "患者 {mrn} 没有居民身份证号或居民健康卡号，区域平台无法识别，请先补录").format(
                mrn=p.get("mrn", "")),
        "exchange.bad_referral": lambda p: translate(
            "Messages", "收到的转诊单无法识别（缺少转诊申请或标识）"),
        "exchange.bad_output": lambda p: translate("Messages", "无法写入文件：{path}").format(
            path=p.get("path", "")),
        "exchange.no_platform": lambda p: translate(
            "Messages", "没有使用该平台地址的成员机构：{url}").format(url=p.get("url", "")),
        "referral.reason_required": lambda p: translate("Messages", "请填写转诊原因"),
        "referral.dept_required": lambda p: translate("Messages", "请填写接收科室"),
        "referral.reject_reason_required": lambda p: translate("Messages", "请填写拒绝原因"),
        "referral.too_long": lambda p: translate("Messages", "内容过长：最多 {max} 个字").format(
            max=p.get("max", "")),
        "referral.unknown_institution": lambda p: translate(
            "Messages", "该医联体成员机构不存在或已停用，请重新选择"),
        "referral.bad_direction": lambda p: translate("Messages", "转诊方向无效（上转或下转）"),
        "referral.not_outbound": lambda p: translate("Messages", "这是收到的转诊，不能由本院发送"),
        "referral.not_inbound": lambda p: translate("Messages", "这是本院发出的转诊，不能由本院接收或拒绝"),
        "referral.not_draft": lambda p: translate("Messages", "该转诊已发送，不能再次发送"),
        "referral.answered": lambda p: translate("Messages", "该转诊已被接收或拒绝，请查看最新状态"),
        "referral.not_accepted": lambda p: translate("Messages", "请先接收该转诊，再收入院"),
        "admit.bad_bed": lambda p: translate("Messages", "请选择一张可用的床位"),
        "admit.other_dept": lambda p: translate(
            "Messages", "{bed_no} 床不属于接收科室的病区，请重新选择").format(bed_no=p.get("bed_no", "")),
        "admit.already_in": lambda p: translate(
            "Messages", "该患者（住院号 {mrn}）正在住院，不能再次收入院").format(mrn=p.get("mrn", "")),
        "admit.mrn_required": lambda p: translate(
            "Messages", "请填写入院处分配的住院号（最多 {max} 位）").format(max=p.get("max", "")),
        "admit.mrn_taken": lambda p: translate(
            "Messages", "住院号 {mrn} 已被其他患者使用").format(mrn=p.get("mrn", "")),
        "ext_result.too_many": lambda p: translate(
            "Messages", "一次获取的外院报告过多（{count} 份，最多 {max} 份）").format(
                count=p.get("count", ""), max=p.get("max", "")),
        "ext_result.unreadable": lambda p: translate(
            "Messages", "外院报告无法识别（缺少机构、日期或项目名称）：{source}").format(
                source=p.get("source", "")),
        "ext_result.no_platform": lambda p: translate(
            "Messages", "尚未配置医联体成员机构的平台地址，无法获取外院结果"),
        "ext_result.already": lambda p: translate(
            "Messages", "该外院报告的互认状态已被他人更改，请查看最新状态"),
    }
