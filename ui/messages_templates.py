"""Texts of the template and phrase-list message ids (app/services/template_cmds.py)."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _n(p: dict[str, Any]) -> int:
    return int(p.get("index", 0)) + 1


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "template.name_required": lambda p: translate("Messages", "请填写模板名称"),
        "template.name_too_long": lambda p: translate("Messages", "模板名称不能超过 {max} 个字").format(
            max=p.get("max", 60)),
        "template.no_sections": lambda p: translate("Messages", "模板至少要有一个段落"),
        "template.required_untitled": lambda p: translate(
            "Messages", "第 {n} 段为必填段落，须填写标题").format(n=_n(p)),
        "template.section_untitled": lambda p: translate("Messages", "第 {n} 段没有标题").format(n=_n(p)),
        "template.title_too_long": lambda p: translate(
            "Messages", "第 {n} 段的标题不能超过 {max} 个字").format(n=_n(p), max=p.get("max", 40)),
        "template.duplicate_title": lambda p: translate(
            "Messages", "第 {n} 段的标题“{title}”与前面的段落重复").format(n=_n(p), title=p.get("title", "")),
        "template.default_too_long": lambda p: translate(
            "Messages", "第 {n} 段的默认内容不能超过 {max} 个字").format(n=_n(p), max=p.get("max", 4000)),
        "template.bad_pull": lambda p: translate("Messages", "第 {n} 段的引入资料类型无效").format(n=_n(p)),
        "template.bad_scope": lambda p: translate("Messages", "模板范围无效"),
        "template.not_owner": lambda p: translate("Messages", "个人模板只能由本人修改"),
        "template.dept_denied": lambda p: translate(
            "Messages", "科室模板只能由本科室主治医师及以上修改"),
        "template.hospital_denied": lambda p: translate(
            "Messages", "全院模板只能由医务科（病案管理）修改"),
        "template.retired": lambda p: translate("Messages", "该模板已停用"),
        "phrase.empty": lambda p: translate("Messages", "常用语内容不能为空"),
        "phrase.too_long": lambda p: translate(
            "Messages", "常用语不能超过 {max} 个字（现为 {length} 个字）").format(
                max=p.get("max", 500), length=p.get("length", "")),
        "phrase.list_full": lambda p: translate("Messages", "常用语最多 {max} 条").format(
            max=p.get("max", 200)),
        "phrase.not_owner": lambda p: translate("Messages", "只能修改本人的常用语"),
        "phrase.gone": lambda p: translate("Messages", "该常用语已被删除"),
        "phrase.bad_order": lambda p: translate("Messages", "常用语顺序无效"),
        "phrase.list_changed": lambda p: translate(
            "Messages", "常用语列表已在别处修改，已重新读取，请再排序"),
    }
