"""App message ids (app/errors.py: ids + params) in the user's language: the ONE place that does it.

Each text is a `translate("Messages", ...)` call evaluated when shown, so a live language switch
applies to the next message without restarting.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from ui.qt import translate


def _local_time(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        fmt = "%H:%M" if value.date() == datetime.now().date() else "%Y-%m-%d %H:%M"
        return str(value.strftime(fmt))
    return str(value)


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "auth.bad_credentials": lambda p: translate("Messages", "用户名或密码错误"),
        "auth.locked": lambda p: translate(
            "Messages", "连续登录失败次数过多，账号已锁定，请于 {until} 后再试").format(
                until=_local_time(p.get("until", ""))),
        "auth.inactive": lambda p: translate("Messages", "账号已停用，请联系信息科"),
        "auth.empty": lambda p: translate("Messages", "请输入用户名和密码"),
        "auth.other_user": lambda p: translate(
            "Messages", "请由当前用户 {user} 解锁，或选择“切换用户”").format(user=p.get("user", "")),
        "db.unreachable": lambda p: translate("Messages", "无法连接数据库，请检查网络或联系信息科"),
        "db.timeout": lambda p: translate("Messages", "数据库响应超时"),
        "db.lost": lambda p: translate("Messages", "与数据库的连接已中断"),
        "db.auth_failed": lambda p: translate("Messages", "数据库拒绝了服务账号，请联系信息科"),
        "db.constraint": lambda p: translate("Messages", "数据与已有记录冲突，未保存"),
        "db.full": lambda p: translate(
            "Messages", "磁盘已满，本次内容未保存（已保存的内容不受影响），请联系信息科"),
        "db.error": lambda p: translate("Messages", "数据库出错，请联系信息科"),
        "db.bad_url": lambda p: translate("Messages", "数据库地址无效：{reason}").format(
            reason=p.get("reason", "")),
        "profile.unknown": lambda p: translate("Messages", "没有名为 {name} 的数据库配置").format(
            name=p.get("name", "")),
        "profile.bad_name": lambda p: translate("Messages", "数据库配置名称无效：{name}").format(
            name=p.get("name", "")),
        "profile.file_unreadable": lambda p: translate("Messages", "无法读取配置文件 {path}").format(
            path=p.get("path", "")),
        "profile.keyring_unavailable": lambda p: translate(
            "Messages", "系统密钥环不可用，无法取得数据库密码（{cause}）").format(cause=p.get("cause", "")),
        "perm.denied": lambda p: translate("Messages", "当前用户无此操作权限"),
        "demo.unavailable": lambda p: translate("Messages", "演示数据库不可用：{detail}").format(
            detail=p.get("detail", "")),
        "profile.unavailable": lambda p: translate("Messages", "无法读取数据库配置 {name}：{detail}").format(
            name=p.get("name", ""), detail=p.get("detail", "")),
        "permission.denied": lambda p: translate("Messages", "当前用户无此操作权限"),
        "auth.weak_password": lambda p: translate(
            "Messages", "新密码至少 {min_len} 位，且不能与原密码相同").format(min_len=p.get("min_len", "")),
        "db.schema_too_new": lambda p: translate(
            "Messages", "数据库已由更新版本的程序升级（版本 {revision}），请升级本工作站程序").format(
                revision=p.get("revision", "")),
        "db.unknown_dialect": lambda p: translate(
            "Messages", "未知的数据库类型：{dialect}（可选：{known}）").format(
                dialect=p.get("dialect", ""), known=p.get("known", "")),
        "db.bad_account": lambda p: translate("Messages", "数据库服务账号名称无效：{name}").format(
            name=p.get("name", "")),
        "not_found": lambda p: translate("Messages", "记录不存在或已被删除"),
        "conflict.stale": lambda p: translate("Messages", "该记录已被他人修改，请刷新后重试"),
        "op.not_applied": lambda p: translate("Messages", "该操作此前未能执行，不会重复执行"),
        "command.unknown": lambda p: translate(
            "Messages", "本程序不支持该操作（{type}），请联系信息科").format(type=p.get("type", "")),
        "allergy.substance_required": lambda p: translate("Messages", "请填写过敏物质"),
        "allergy.bad_value": lambda p: translate("Messages", "过敏记录的取值无效"),
        "allergy.duplicate": lambda p: translate("Messages", "已登记过对 {substance} 的过敏").format(
            substance=p.get("substance", "")),
        "encounter.bad_grade": lambda p: translate("Messages", "护理级别无效：{grade}").format(
            grade=p.get("grade", "")),
        "encounter.bad_acuity": lambda p: translate("Messages", "病情等级无效：{acuity}").format(
            acuity=p.get("acuity", "")),
        "bed.not_admitted": lambda p: translate("Messages", "患者不在院，不能安排床位"),
        "bed.inactive": lambda p: translate("Messages", "{bed_no} 床已停用").format(
            bed_no=p.get("bed_no", "")),
        "bed.occupied": lambda p: translate("Messages", "{bed_no} 床已有患者").format(
            bed_no=p.get("bed_no", "")),
        "checks.bad_input": lambda p: translate(
            "Messages", "医嘱审核收到的数据有误（{where}：{problem}），请联系信息科").format(
                where=p.get("where", ""), problem=p.get("problem", "")),
        "checks.kb_malformed": lambda p: translate(
            "Messages", "医嘱审核知识库有误：{file} 第 {line} 行：{problem}，请联系药学部或信息科").format(
                file=p.get("file", ""), line=p.get("line", ""), problem=p.get("problem", "")),
        "checks.override_required": lambda p: translate(
            "Messages", "有 {count} 条严重警示，须逐条填写理由后才能签署").format(count=p.get("count", "")),
        "audit.no_keyring": lambda p: translate(
            "Messages", "系统密钥环不可用（{cause}），无法取得审计检查点密钥").format(
                cause=p.get("cause", "")),
        "audit.no_checkpoint_key": lambda p: translate(
            "Messages", "本机密钥环中没有审计检查点密钥，请先在本机生成检查点"),
        "audit.checkpoint_unreadable": lambda p: translate(
            "Messages", "无法读取审计检查点文件，或该文件不是审计检查点"),
        "audit.checkpoint_forged": lambda p: translate(
            "Messages", "审计检查点的签名不符：文件被改动过，或由其他密钥生成"),
        "order.reason_required": lambda p: translate("Messages", "请填写理由"),
        "order.reason_too_long": lambda p: translate("Messages", "理由过长（最多 {max} 字）").format(
            max=p.get("max", "")),
        "order.drug_unknown": lambda p: translate("Messages", "药品字典中没有该药品（{code}）").format(
            code=p.get("code", "")),
        "order.item_unknown": lambda p: translate("Messages", "医嘱项目字典中没有该项目（{code}）").format(
            code=p.get("code", "")),
        "order.bad_term": lambda p: translate("Messages", "医嘱类别须为长期或临时"),
        "order.bad_category": lambda p: translate("Messages", "医嘱类型无效"),
        "order.content_required": lambda p: translate("Messages", "请填写医嘱内容"),
        "order.dose_required": lambda p: translate("Messages", "请填写剂量"),
        "order.dose_impossible": lambda p: translate("Messages", "剂量无效：须为大于 0 的合理数值"),
        "order.unit_required": lambda p: translate("Messages", "请填写剂量单位"),
        "order.unit_unknown": lambda p: translate("Messages", "剂量单位 {unit} 不适用于该药品").format(
            unit=p.get("unit", "")),
        "order.route_required": lambda p: translate("Messages", "请填写给药途径"),
        "order.route_unknown": lambda p: translate("Messages", "未知的给药途径：{route}").format(
            route=p.get("route", "")),
        "order.route_for_form": lambda p: translate("Messages", "{form}不能经 {route} 途径给药").format(
            form=p.get("form", ""), route=p.get("route", "")),
        "order.freq_unknown": lambda p: translate("Messages", "未知的频次：{freq}").format(
            freq=p.get("freq", "")),
        "order.freq_required": lambda p: translate("Messages", "长期药品医嘱须填写频次"),
        "order.stop_before_start": lambda p: translate("Messages", "停止时间须晚于开始时间"),
        "order.first_day_times": lambda p: translate("Messages", "首日次数须在 0 到 24 之间"),
        "order.bad_use_kind": lambda p: translate("Messages", "医嘱用法类型无效（常规、prn、sos、出院带药）"),
        "order.bad_line_kind": lambda p: translate("Messages", "请选择术后、分娩、转入、转出或重整医嘱"),
        "order.cannot_transition": lambda p: translate("Messages", "该医嘱当前状态不允许此操作"),
        "order.signed_is_frozen": lambda p: translate("Messages", "已签署的医嘱不能修改，请停止或作废后重开"),
        "order.wrong_patient": lambda p: translate("Messages", "该医嘱不属于当前患者"),
        "order.cannot_discard": lambda p: translate("Messages", "只有未签署的草稿可以删除"),
        "order.group_needs_two": lambda p: translate("Messages", "成组至少需要两条不同的医嘱"),
        "order.group_drafts_only": lambda p: translate("Messages", "只有药品草稿可以成组"),
        "order.already_grouped": lambda p: translate("Messages", "该医嘱已在组内"),
        "order.group_mixed": lambda p: translate("Messages", "同组医嘱须属同一患者且同为长期或临时"),
        "order.cannot_ungroup": lambda p: translate("Messages", "已签署的组不能拆开"),
        "order.withdraw_own_only": lambda p: translate("Messages", "只有签署该医嘱的医生可以撤回"),
        "order.executed_cannot_void": lambda p: translate("Messages", "已执行的医嘱不能作废，请停止"),
        "order.nothing_to_sign": lambda p: translate("Messages", "没有要签署的医嘱"),
        "order.cannot_sign": lambda p: translate("Messages", "该医嘱不是草稿或退回状态，不能签署"),
        "order.group_partial": lambda p: translate("Messages", "成组医嘱须整组签署"),
        "order.no_prescribing_right": lambda p: translate("Messages", "您没有处方权，不能签署药品医嘱"),
        "order.no_narcotic_right": lambda p: translate("Messages", "您没有麻醉药品和第一类精神药品处方权"),
        "order.cannot_approve": lambda p: translate("Messages", "该医嘱不在待审批状态"),
        "order.abx_grade_too_low": lambda p: translate("Messages", "您的抗菌药物处方权限低于该药品的分级"),
        "order_set.bad_name": lambda p: translate("Messages", "组套名称不能为空，且不超过 {max} 字").format(
            max=p.get("max", "")),
        "order_set.bad_scope": lambda p: translate("Messages", "组套范围须为个人、科室或全院"),
        "order_set.empty": lambda p: translate("Messages", "请先选择要存为组套的医嘱"),
        "order_set.nothing_ticked": lambda p: translate("Messages", "没有勾选组套中的医嘱"),
        "order.nothing_to_verify": lambda p: translate("Messages", "没有要审核的医嘱"),
        "order.high_alert_second_look": lambda p: translate(
            "Messages", "有 {count} 条高警示药品医嘱须再次核对确认后才能审核").format(
                count=p.get("count", "")),
        "role.doctor": lambda p: translate("Messages", "医生"),
        "role.intern": lambda p: translate("Messages", "实习医生"),
        "role.nurse": lambda p: translate("Messages", "护士"),
        "role.head_nurse": lambda p: translate("Messages", "护士长"),
        "role.admin": lambda p: translate("Messages", "系统管理员"),
    }


# Each clinical area keeps its message texts in its own module (ui/messages_<area>.py, a
# `_texts()` returning a dict literal like the one above); tests/unit/test_error_ids.py reads them all.
AREA_MODULES: tuple[str, ...] = ("ui.messages_nurse", "ui.messages_offline", "ui.messages_print",
                                 "ui.messages_records", "ui.messages_settings", "ui.messages_vitals",
                                 "ui.messages_nursing", "ui.messages_diagnoses", "ui.messages_consumables",
                                 "ui.messages_nurse_handover", "ui.messages_templates",
                                 "ui.messages_critical",

                                 "ui.messages_exchange")


def _all_texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    import importlib

    texts = _texts()
    for name in AREA_MODULES:
        texts.update(importlib.import_module(name)._texts())
    return texts


def message_text(message_id: str, params: dict[str, Any] | None = None) -> str:
    """The user-visible text for an app message id; unknown ids still show something useful."""
    handler = _all_texts().get(message_id)
    if handler is None:
        return translate("Messages", "操作失败（{id}）").format(id=message_id)
    try:
        return handler(params or {})
    except (KeyError, ValueError, IndexError):
        return translate("Messages", "操作失败（{id}）").format(id=message_id)


def error_text(exc: BaseException) -> str:
    """The text for an exception: app errors by id, anything else as a generic failure."""
    message_id = getattr(exc, "message_id", None)
    if isinstance(message_id, str):
        params = getattr(exc, "params", None)
        return message_text(message_id, params if isinstance(params, dict) else None)
    return translate("Messages", "发生意外错误：{detail}").format(detail=type(exc).__name__)


def progress_text(label: str) -> str:
    """The start-up progress line for a step label reported by the demo seeding (app/progress.py)."""
    steps = {
        "route": translate("Messages", "给药途径"),
        "freq": translate("Messages", "医嘱频次"),
        "lab_test": translate("Messages", "检验项目"),
        "drug": translate("Messages", "药品字典"),
        "order_item": translate("Messages", "医嘱项目"),
        "icd10": translate("Messages", "ICD-10 诊断字典"),
    }
    step = steps.get(label)
    if step is None and label.startswith("demo."):
        step = translate("Messages", "演示病区")
    if step is None:
        return translate("Messages", "正在准备数据库，请稍候…")
    return translate("Messages", "正在准备数据库：{step}").format(step=step)


def role_text(role: str) -> str:
    """A role code (doctor, nurse, ...) or a role label id (role.doctor) as a display name."""
    key = role if role.startswith("role.") else "role." + role
    return message_text(key) if key in _all_texts() else role
