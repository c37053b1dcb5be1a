"""Message texts of printing (app/printing, app/services/sheet_printing.py and exec_printing.py,
app/cli/print_*.py)."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "print.no_font": lambda p: translate(
            "Messages", "找不到中文字体，无法打印（请安装 fonts-wqy-zenhei）"),
        "print.bad_output": lambda p: translate("Messages", "无法写入文件：{path}").format(
            path=p.get("path", "")),
        "print.no_such_page": lambda p: translate("Messages", "没有第 {page} 页（共 {pages} 页）").format(
            page=p.get("page", ""), pages=p.get("pages", "")),
        "print.bad_pages": lambda p: translate("Messages", "页码格式有误：{pages}").format(
            pages=p.get("pages", "")),
        "print.unknown_patient": lambda p: translate("Messages", "没有住院号为 {mrn} 的患者").format(
            mrn=p.get("mrn", "")),
        "print.nothing": lambda p: translate("Messages", "该患者没有可打印的已签署医嘱"),
        "print.unknown_ward": lambda p: translate("Messages", "没有代码为 {ward} 的病区").format(
            ward=p.get("ward", "")),
        "print.empty_ward": lambda p: translate(
            "Messages", "病区 {ward} 当前没有在院患者，无可打印内容").format(ward=p.get("ward", "")),
        "print.bad_weeks": lambda p: translate("Messages", "周数须为从 1 起的整数：{weeks}").format(
            weeks=p.get("weeks", "")),
        "print.bad_request": lambda p: translate("Messages", "打印请求无效"),
        "print.printer_failed": lambda p: translate(
            "Messages", "打印机无法开始打印：请检查打印机是否连接、是否有纸"),
        "print.unknown_kind": lambda p: translate(
            "Messages", "没有“{kind}”这种执行单（可选：{kinds}）").format(
            kind=p.get("kind", ""), kinds=p.get("kinds", "")),
        "print.no_executions": lambda p: translate("Messages", "{who} {day} 没有可打印的执行项").format(
            who=p.get("who", ""), day=p.get("day", "")),
        "print.no_labels": lambda p: translate(
            "Messages", "{who} {day} 没有待执行的输液，无瓶签可打印").format(
            who=p.get("who", ""), day=p.get("day", "")),
        "print.bad_date": lambda p: translate("Messages", "日期格式有误（应为 YYYY-MM-DD）：{day}").format(
            day=p.get("day", "")),
        "print.no_replica": lambda p: translate(
            "Messages", "本机没有配置 {profile} 的离线副本（联网运行该配置时生成）").format(
                profile=p.get("profile", "")),
        "print.replica_other_ward": lambda p: translate(
            "Messages", "配置 {profile} 的离线副本是病区 {held} 的，不是 {ward}").format(
                profile=p.get("profile", ""), held=p.get("held", ""), ward=p.get("ward", "")),
        "print.offline_needs_profile": lambda p: translate(
            "Messages", "离线打印读取某个配置的离线副本：请指定 --profile"),
        "print.sheet_moved": lambda p: translate(
            "Messages", "另一台电脑刚刚续打了该患者的医嘱单，请重新打印"),
        "print.unknown_doc_kind": lambda p: translate("Messages", "没有名为 {kind} 的病历类型").format(
            kind=p.get("kind", "")),
        "print.unknown_document": lambda p: translate("Messages", "该患者没有编号为 {doc} 的病历").format(
            doc=p.get("doc_id", "")),
        "print.doc_unsigned": lambda p: translate("Messages", "该病历尚未签名，不能打印"),
        "print.no_documents": lambda p: translate("Messages", "该患者没有可打印的已签名病历"),
        "print.no_nursing": lambda p: translate("Messages", "该患者没有护理记录，无可打印内容"),
        "print.shift_with_doctor": lambda p: translate("Messages", "班次只用于护士交接班"),
        "print.no_handover": lambda p: translate("Messages", "该病区此班次没有交接班报告，无可打印内容"),
    }
