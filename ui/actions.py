"""Menus and toolbar by role: which clinician sees which action (one table, read top to bottom).

Actions of later issues (orders, documents, vitals, printing, sync) are present for the roles that
will use them, disabled, with the tooltip "后续版本提供". An action a role may never use is absent,
not disabled: a nurse has no 医嘱录入 at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ui.qt import QAction, QKeySequence, QMainWindow, QMenu, QToolBar, translate

DOCTORS = frozenset({"doctor", "intern"})
NURSES = frozenset({"nurse", "head_nurse"})
CLINICAL = DOCTORS | NURSES


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str
    roles: Optional[frozenset[str]] = None   # None: every signed-in user
    later: bool = False                      # belongs to a later issue
    shortcut: str = ""
    separator_before: bool = False
    hint: str = ""      # a key shown in the menu that a widget binds itself (the orders tab)


MENUS = ("system", "ward", "orders", "records", "nursing", "print", "admin", "language", "help")

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("lock", "system", shortcut="Ctrl+L"),
    ActionSpec("switch_user", "system"),
    ActionSpec("sync_now", "system", later=True, separator_before=True),
    ActionSpec("offline_conflicts", "system", CLINICAL),
    ActionSpec("settings", "system", separator_before=True),
    ActionSpec("quit", "system", shortcut="Ctrl+Q", separator_before=True),
    ActionSpec("refresh", "ward", shortcut="F5"),
    ActionSpec("toggle_view", "ward", shortcut="Ctrl+T"),
    ActionSpec("critical_ack", "ward", frozenset({"doctor", "nurse", "head_nurse"}), shortcut="Ctrl+Shift+W",
               separator_before=True),                                   # ui/shortcuts CRITICAL_ACK
    ActionSpec("order_entry", "orders", DOCTORS, hint="F2"),
    ActionSpec("order_sign", "orders", frozenset({"doctor"}), hint="F9"),
    ActionSpec("order_approvals", "orders", frozenset({"doctor"})),
    ActionSpec("order_verify", "orders", NURSES),
    ActionSpec("order_execute", "orders", NURSES),
    ActionSpec("record_todo", "records", DOCTORS, shortcut="Ctrl+Shift+L"),   # ui/shortcuts DOC_TODO
    ActionSpec("consult_queue", "records", frozenset({"doctor"}), shortcut="Ctrl+Shift+K"),
    ActionSpec("referral_queue", "records", frozenset({"doctor"}), shortcut="Ctrl+Shift+U"),  # REFERRAL_QUEUE
    ActionSpec("doctor_handover", "records", DOCTORS, shortcut="Ctrl+Shift+H"),
    ActionSpec("record_write", "records", DOCTORS),
    ActionSpec("template_manage", "records", DOCTORS | {"admin"}, shortcut="Ctrl+Shift+M",
               separator_before=True),                                   # ui/shortcuts TEMPLATE_MANAGE
    ActionSpec("record_cosign", "records", frozenset({"doctor"}), later=True),
    ActionSpec("vitals_entry", "nursing", NURSES, shortcut="Ctrl+Shift+T"),   # ui/shortcuts.py VITALS_GRID
    ActionSpec("vitals_view", "nursing", DOCTORS),
    ActionSpec("nursing_record", "nursing", NURSES),
    ActionSpec("handover", "nursing", NURSES, shortcut="Ctrl+Shift+B"),    # ui/shortcuts NURSE_HANDOVER
    ActionSpec("print_orders", "print", CLINICAL, hint="Ctrl+P"),
    ActionSpec("print_orders_continue", "print", CLINICAL, hint="Ctrl+Alt+P"),
    ActionSpec("print_vitals", "print", NURSES),          # the 体温单 tab's Ctrl+P (ui/shortcuts CHART_PRINT)
    ActionSpec("check_connection", "admin", frozenset({"admin", "head_nurse"})),
    ActionSpec("ward_settings", "admin", frozenset({"admin", "head_nurse"})),
    ActionSpec("lang_zh_CN", "language"),
    ActionSpec("lang_en", "language"),
    ActionSpec("shortcuts", "help", shortcut="F1"),
    ActionSpec("about", "help", separator_before=True),
)


TOOLBAR = ("refresh", "toggle_view", "|", "order_entry", "order_verify", "record_write", "vitals_entry",
           "|", "lock")


def menu_text(key: str) -> str:
    return {
        "system": translate("Actions", "系统(&S)"),
        "ward": translate("Actions", "病区(&W)"),
        "orders": translate("Actions", "医嘱(&O)"),
        "records": translate("Actions", "病历(&R)"),
        "nursing": translate("Actions", "护理(&N)"),
        "print": translate("Actions", "打印(&P)"),
        "admin": translate("Actions", "管理(&A)"),
        "language": translate("Actions", "语言 Language(&G)"),
        "help": translate("Actions", "帮助(&H)"),
    }.get(key, key)


def action_text(key: str) -> str:
    return {
        "lock": translate("Actions", "锁定屏幕"),
        "switch_user": translate("Actions", "切换用户"),
        "sync_now": translate("Actions", "立即同步"),
        "settings": translate("Actions", "设置…"),
        "quit": translate("Actions", "退出"),
        "refresh": translate("Actions", "刷新"),
        "toggle_view": translate("Actions", "床卡/列表切换"),
        "critical_ack": translate("Actions", "确认危急值…"),
        "order_entry": translate("Actions", "医嘱录入"),
        "order_sign": translate("Actions", "医嘱签署"),
        "order_approvals": translate("Actions", "抗菌药物审批…"),
        "order_verify": translate("Actions", "医嘱核对"),
        "order_execute": translate("Actions", "医嘱执行"),
        "record_todo": translate("Actions", "待完成病历"),
        "consult_queue": translate("Actions", "本科会诊"),
        "referral_queue": translate("Actions", "转入申请"),
        "doctor_handover": translate("Actions", "医生交接班"),
        "record_write": translate("Actions", "病历书写"),
        "template_manage": translate("Actions", "模板管理…"),
        "record_cosign": translate("Actions", "病历审签"),
        "vitals_entry": translate("Actions", "体征录入"),
        "vitals_view": translate("Actions", "体温单查看"),
        "nursing_record": translate("Actions", "护理记录"),
        "handover": translate("Actions", "护士交接班"),
        "print_orders": translate("Actions", "打印医嘱单"),
        "print_orders_continue": translate("Actions", "续打医嘱单"),
        "print_vitals": translate("Actions", "打印体温单"),
        "check_connection": translate("Actions", "检查数据库连接"),
        "ward_settings": translate("Actions", "病区设置…"),
        "offline_conflicts": translate("Actions", "离线冲突处理"),
        "lang_zh_CN": "中文",        # language names stay in their own language
        "lang_en": "English",
        "shortcuts": translate("Actions", "快捷键"),
        "about": translate("Actions", "关于病区工作站"),
    }.get(key, key)


def later_tooltip() -> str:
    return translate("Actions", "后续版本提供")


def allowed(spec: ActionSpec, roles: frozenset[str]) -> bool:
    return spec.roles is None or bool(spec.roles & roles)


class ActionSet:
    """The menus and toolbar of one signed-in user; rebuilt on user switch."""

    def __init__(self, window: QMainWindow, toolbar: QToolBar) -> None:
        self.window = window
        self.toolbar = toolbar
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.specs: dict[str, ActionSpec] = {}

    def build(self, roles: frozenset[str]) -> dict[str, QAction]:
        bar = self.window.menuBar()
        bar.clear()
        self.toolbar.clear()
        for action in self.actions.values():
            action.deleteLater()
        for old_menu in self.menus.values():
            old_menu.deleteLater()
        self.actions = {}
        self.menus = {}
        self.specs = {}
        for key in MENUS:
            specs = [s for s in ACTIONS if s.menu == key and allowed(s, roles)]
            if not specs:
                continue
            menu = bar.addMenu(menu_text(key))
            menu.setToolTipsVisible(True)
            self.menus[key] = menu
            for spec in specs:
                if spec.separator_before:
                    menu.addSeparator()
                action = QAction(self._text(spec), self.window)
                if spec.hint:
                    action.setToolTip(self._hint(spec))
                    action.setStatusTip(self._hint(spec))
                action.setObjectName("action_" + spec.key)
                if spec.shortcut:
                    action.setShortcut(QKeySequence(spec.shortcut))
                if spec.later:
                    action.setEnabled(False)
                    action.setToolTip(later_tooltip())
                    action.setStatusTip(later_tooltip())
                menu.addAction(action)
                self.actions[spec.key] = action
                self.specs[spec.key] = spec
                self._wire(spec.key, action)
        for key in TOOLBAR:
            if key == "|":
                self.toolbar.addSeparator()
            elif key in self.actions:
                self.toolbar.addAction(self.actions[key])
        return self.actions

    @staticmethod
    def _text(spec: ActionSpec) -> str:
        return action_text(spec.key)

    @staticmethod
    def _hint(spec: ActionSpec) -> str:
        """The key the orders tab binds itself (not bound here: one owner, never ambiguous)."""
        return translate("Actions", "{action}（在病历的医嘱页按 {key}）").format(
            action=action_text(spec.key), key=spec.hint) if spec.hint else ""

    def _wire(self, key: str, action: QAction) -> None:
        """The actions this module serves itself: Help ▸ 快捷键 and the orders of the open chart."""
        if key == "shortcuts":
            action.triggered.connect(self.show_shortcuts)
        routes = {"order_entry": "new_long", "order_sign": "review", "print_orders": "print",
                  "print_orders_continue": "print_continue"}
        if key in routes:
            action.triggered.connect(lambda _c=False, k=routes[key]: self._orders_action(k))
        if key == "print_vitals":
            action.triggered.connect(self._chart_print)

    def show_shortcuts(self) -> None:
        from ui.shortcuts import show_shortcuts

        show_shortcuts(self.window)

    def _orders_action(self, key: str) -> None:
        """A menu item for the chart in front: its 医嘱 tab's own action (same as the key)."""
        tabs = getattr(self.window, "tabs", None)
        page = tabs.currentWidget() if tabs is not None else None
        orders = getattr(page, "orders_tab", None)
        if page is None or orders is None:
            return
        page.show_orders()
        action = orders.actions_by_key.get(key)
        if action is not None and action.isEnabled():
            action.trigger()

    def _chart_print(self) -> None:
        """打印体温单 for the chart in front: its 体温单 tab shown, then that tab's print preview."""
        tabs = getattr(self.window, "tabs", None)
        page = tabs.currentWidget() if tabs is not None else None
        chart = getattr(page, "vitals_tab", None)
        chart_tabs = getattr(page, "chart_tabs", None)
        if chart is None or chart_tabs is None or not hasattr(chart, "open_print"):
            return
        chart_tabs.setCurrentWidget(chart)
        chart.open_print()

    def retranslate(self) -> None:
        for key, menu in self.menus.items():
            menu.setTitle(menu_text(key))
        for key, action in self.actions.items():
            action.setText(self._text(self.specs[key]))
            if self.specs[key].hint:
                action.setToolTip(self._hint(self.specs[key]))
                action.setStatusTip(self._hint(self.specs[key]))
            if self.specs[key].later:
                action.setToolTip(later_tooltip())
                action.setStatusTip(later_tooltip())

    def visible_keys(self) -> set[str]:
        return set(self.actions)
