"""Texts of the nurse side's message ids (issue 13: verification, execution, skin tests)."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "exec.item_cancelled": lambda p: translate("Messages", "该执行项已取消（医嘱已停止或作废）"),
        "exec.order_stopped": lambda p: translate("Messages", "医嘱已停止，不能执行"),
        "exec.order_voided": lambda p: translate("Messages", "医嘱已作废，不能执行"),
        "exec.order_not_verified": lambda p: translate("Messages", "医嘱尚未经护士审核，不能执行"),
        "exec.patient_mismatch": lambda p: translate("Messages", "核对的患者与该执行项不符，请重新扫描腕带"),
        "exec.bad_kind": lambda p: translate("Messages", "无效的执行记录类型"),
        "exec.reason_required": lambda p: translate("Messages", "请选择未执行的原因"),
        "exec.reason_text_required": lambda p: translate("Messages", "请填写说明或理由"),
        "exec.time_in_future": lambda p: translate("Messages", "执行时间不能晚于当前时间"),
        "exec.before_order_start": lambda p: translate("Messages", "执行时间不能早于医嘱开始时间"),
        "exec.second_nurse_required": lambda p: translate(
            "Messages", "高警示药品和输血须双人核对，请填写核对护士"),
        "exec.second_nurse_same": lambda p: translate("Messages", "核对护士不能是本人"),
        "exec.second_nurse_not_allowed": lambda p: translate("Messages", "该工号无执行医嘱权限，不能作为核对护士"),  # noqa: E501
        "exec.skin_test_pending": lambda p: translate(
            "Messages", "{substance}皮试结果未出或已失效，阴性结果后方可执行").format(
                substance=p.get("substance", "")),
        "exec.skin_test_positive": lambda p: translate(
            "Messages", "{substance}皮试阳性（过敏），禁止执行").format(substance=p.get("substance", "")),
        "exec.not_started": lambda p: translate("Messages", "尚未开始输液，不能记录结束"),
        "exec.already_voided": lambda p: translate("Messages", "该执行记录已被更正"),
        "skin.not_a_skin_test": lambda p: translate("Messages", "该医嘱不是皮试医嘱"),
        "skin.batch_required": lambda p: translate("Messages", "请填写皮试液批号"),
        "skin.already_read": lambda p: translate("Messages", "该皮试已判读"),
        "skin.bad_result": lambda p: translate("Messages", "皮试结果只能是阴性或阳性"),
        "pharm.bad_window": lambda p: translate("Messages", "发药时间段无效"),
        "pharm.nothing_to_send": lambda p: translate("Messages", "该时间段内没有待发送的药品"),
        "skin.read_before_test": lambda p: translate("Messages", "判读时间不能早于皮试时间"),
    }
