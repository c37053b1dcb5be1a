"""How order values read on screen: status, term, severity, override reasons (one place)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Optional

from ui.qt import QColor, translate

HIGH_ALERT_COLOR = QColor("#c62828")
DRAFT_BACKGROUND = QColor("#eef4ff")
RETURNED_BACKGROUND = QColor("#fff1dc")
RETURNED_COLOR = QColor("#b35c00")
DONE_COLOR = QColor("#8c959f")
SEVERITY_COLORS = {"high": QColor("#c62828"), "moderate": QColor("#ef6c00"), "low": QColor("#57606a")}


def status_text(status: str) -> str:
    names = {
        "draft": translate("OrderTexts", "草稿(未签署)"),
        "submitted": translate("OrderTexts", "已签署"),
        "pending_approval": translate("OrderTexts", "待审批"),
        "verified": translate("OrderTexts", "已审核"),
        "active": translate("OrderTexts", "执行中"),
        "executed": translate("OrderTexts", "已执行"),
        "stop_pending": translate("OrderTexts", "停止待确认"),
        "stopped": translate("OrderTexts", "已停止"),
        "voided": translate("OrderTexts", "已作废"),
        "returned": translate("OrderTexts", "已退回"),
    }
    return names.get(status, status)


def term_text(term: str, short: bool = False) -> str:
    if term == "long":
        return translate("OrderTexts", "长") if short else translate("OrderTexts", "长期")
    if term == "temp":
        return translate("OrderTexts", "临") if short else translate("OrderTexts", "临时")
    return term


def severity_text(severity: str) -> str:
    return {
        "high": translate("OrderTexts", "严重"),
        "moderate": translate("OrderTexts", "警告"),
        "low": translate("OrderTexts", "提示"),
    }.get(severity, severity)


def reason_text(reason: str) -> str:
    """The override reasons of CLINICAL.md §7 (ids from app.checks.OVERRIDE_REASONS)."""
    return {
        "clinical_benefit": translate("OrderTexts", "临床获益大于风险"),
        "tolerated_before": translate("OrderTexts", "患者既往已耐受"),
        "senior_confirmed": translate("OrderTexts", "上级医师确认"),
        "allergy_disproved": translate("OrderTexts", "过敏史核实不成立"),
        "monitoring": translate("OrderTexts", "已加强监测"),
        "rescue": translate("OrderTexts", "抢救需要"),
        "other": translate("OrderTexts", "其他"),
    }.get(reason, reason)


def alert_category_text(category: str) -> str:
    """The checker's alert categories (app.checks.model.CATEGORIES)."""
    return {
        "allergy": translate("OrderTexts", "过敏"),
        "drug_drug": translate("OrderTexts", "相互作用"),
        "dose_single": translate("OrderTexts", "单次剂量"),
        "dose_daily": translate("OrderTexts", "日剂量"),
        "route": translate("OrderTexts", "给药途径"),
        "duplicate": translate("OrderTexts", "重复医嘱"),
        "therapeutic_duplication": translate("OrderTexts", "同类重复"),
        "renal": translate("OrderTexts", "肾功能"),
        "hepatic": translate("OrderTexts", "肝功能"),
        "age": translate("OrderTexts", "年龄"),
        "pregnancy": translate("OrderTexts", "妊娠"),
        "lactation": translate("OrderTexts", "哺乳"),
        "drug_disease": translate("OrderTexts", "药物-疾病"),
        "skin_test": translate("OrderTexts", "皮试"),
        "iv_compatibility": translate("OrderTexts", "配伍禁忌"),
        "lab": translate("OrderTexts", "检验指标"),
        "unchecked": translate("OrderTexts", "未能审核"),
        "duplicate_test": translate("OrderTexts", "重复检查"),
    }.get(category, category)


def category_text(category: str) -> str:
    return {
        "drug": translate("OrderTexts", "药品"),
        "lab": translate("OrderTexts", "检验"),
        "exam": translate("OrderTexts", "检查"),
        "treatment": translate("OrderTexts", "治疗"),
        "nursing": translate("OrderTexts", "护理"),
        "diet": translate("OrderTexts", "膳食"),
        "surgery": translate("OrderTexts", "手术"),
        "text": translate("OrderTexts", "嘱托"),
        "line": translate("OrderTexts", "重整/术后"),
    }.get(category, category)


def dose_text(dose: Optional[Decimal], unit: Optional[str]) -> str:
    if dose is None:
        return ""
    text = format(dose.normalize(), "f") if isinstance(dose, Decimal) else str(dose)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit or ''}"


def time_text(value: Optional[datetime]) -> str:
    """Times to the minute (规范), local, the date shortened within this year."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    if value.year == datetime.now().year:
        return value.strftime("%m-%d %H:%M")
    return value.strftime("%Y-%m-%d %H:%M")


def full_time_text(value: Optional[datetime]) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M")


def field_text(field: str) -> str:
    """The entry field names, for "剂量：请填写剂量"."""
    return {
        "content": translate("OrderTexts", "医嘱内容"),
        "dose": translate("OrderTexts", "剂量"),
        "dose_unit": translate("OrderTexts", "单位"),
        "route_code": translate("OrderTexts", "途径"),
        "freq_code": translate("OrderTexts", "频次"),
        "first_day_times": translate("OrderTexts", "首日次数"),
        "rate": translate("OrderTexts", "滴速"),
        "start_at": translate("OrderTexts", "开始时间"),
        "stop_at": translate("OrderTexts", "停止时间"),
        "instruction": translate("OrderTexts", "嘱托"),
        "reason": translate("OrderTexts", "理由"),
    }.get(field, field)


def value_text(value: Any) -> str:
    """A value of a conflicting row (params["current"]: JSON-safe) as a cell."""
    if value is None:
        return ""
    if isinstance(value, str) and len(value) >= 16 and value[4:5] == "-" and "T" in value:
        try:
            return full_time_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return str(value.get("value", value))
    return str(value)


# What a red-line order says on the sheet, and the 出院带药 heading: record content, written in
# Chinese whatever the screen's language (the 医嘱单 is a Chinese medical record), so not through
# translate(); line_kind_text() is how the menu names each kind.
LINE_HEADINGS: dict[str, str] = {
    "postop": "术后医嘱", "delivery": "分娩医嘱", "transfer_in": "转入医嘱",
    "transfer_out": "转出医嘱", "reorganize": "重整医嘱",
}
DISCHARGE_HEADING = "出院带药"


def line_kind_text(kind: str) -> str:
    """The red-line kinds of app.domain.orders.LINE_KINDS, as the menu names them."""
    return {
        "postop": translate("OrderTexts", "术后医嘱"),
        "delivery": translate("OrderTexts", "分娩医嘱"),
        "transfer_in": translate("OrderTexts", "转入医嘱"),
        "transfer_out": translate("OrderTexts", "转出医嘱"),
        "reorganize": translate("OrderTexts", "重整医嘱"),
    }.get(kind, kind)


def use_kind_text(kind: str) -> str:
    """app.domain.orders.USE_KINDS on screen ("" for a regular order)."""
    return {
        "prn": translate("OrderTexts", "长期备用 prn"),
        "sos": translate("OrderTexts", "临时备用 sos"),
        "discharge": translate("OrderTexts", "出院带药"),
    }.get(kind, "")


def scope_text(scope: str) -> str:
    """Order set scopes (app.services.order_sets.SCOPES)."""
    return {
        "personal": translate("OrderTexts", "个人"),
        "dept": translate("OrderTexts", "科室"),
        "hospital": translate("OrderTexts", "全院"),
    }.get(scope, scope)
