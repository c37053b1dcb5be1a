"""The offline fallback's message ids (app/offline) in the user's language (ui/messages.py
AREA_MODULES lists this module)."""
from __future__ import annotations

from typing import Any, Callable

from ui.qt import translate


def _texts() -> dict[str, Callable[[dict[str, Any]], str]]:
    return {
        "conflicts.bad_resolution": lambda p: translate("Messages", "请选择保留服务器版本或重新提交"),
        "conflicts.reason_required": lambda p: translate("Messages", "请填写处理理由"),
        "conflicts.already_resolved": lambda p: translate("Messages", "该冲突已由他人处理"),
        "auth.offline_unknown_user": lambda p: translate(
            "Messages", "服务器连接中断：离线时只能登录曾在本机联网登录过的用户"),
        "replica.no_keyring": lambda p: translate(
            "Messages", "系统密钥环不可用，无法打开离线副本；离线队列已保留，请联系信息科"),
        "replica.no_key": lambda p: translate(
            "Messages", "密钥环中没有配置 {profile} 的离线副本密钥；离线队列已保留，请联系信息科").format(
                profile=p.get("profile", "")),
        "replica.unreadable": lambda p: translate(
            "Messages", "离线副本无法读取（密钥不符或文件已损坏）：{path}；文件已保留，请联系信息科").format(
                path=p.get("path", "")),
        "replica.foreign": lambda p: translate(
            "Messages", "该文件不是本工作站配置的离线副本：{path}；文件已保留，请联系信息科").format(
                path=p.get("path", "")),
        "replica.bad_key": lambda p: translate(
            "Messages", "离线副本密钥格式无效；离线队列已保留，请联系信息科"),
    }
