"""Every keyboard shortcut in one table: the widgets bind these keys, Help ▸ 快捷键 lists them.

The order-entry keys are a fixed contract (issue 11; tests and acceptance checks drive exactly
these): change one only together with ui/README.md and tests/ui/test_orders_tab.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Union

from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    translate,
)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]

# Keys bound by the orders tab (ui/orders/tab.py) and the ward view (ui/ward_view.py).
NEW_LONG = "F2"
NEW_TEMP = "F3"
GROUP = "Ctrl+G"
REVIEW = "F9"
STOP = "F6"
VOID = "F7"
WITHDRAW = "F8"
DISCARD = "Del"
APPROVE = "Ctrl+Shift+A"
HISTORY = "Ctrl+H"
SHEET = "F12"
VERIFY = "Ctrl+Shift+V"
RETURN = "Ctrl+Shift+R"
CONFIRM_STOP = "Ctrl+Shift+C"
WARD_FILTER = "Ctrl+F"
HELP = "F1"
# Order sets, red lines, ungroup (the tab) and the entry row's flags. Not Ctrl+T for the sets:
# the main window binds Ctrl+T (床卡/列表) for every page, and one key with two owners is
# ambiguous in Qt (neither fires).
APPLY_SET = "F4"
SAVE_SET = "Ctrl+Shift+S"
RED_LINE = "F11"
UNGROUP = "Ctrl+Shift+G"
ENTRY_STANDBY = "Ctrl+B"
ENTRY_DISCHARGE = "Ctrl+D"
ENTRY_VERBAL = "Ctrl+K"
# Charting (issue 14): the 体征录入 grid (ui/vitals/grid.py) and the 体温单 tab (ui/vitals/tempchart.py).
VITALS_GRID = "Ctrl+Shift+T"
VITALS_ALL = "Alt+A"
CHART_PREV_WEEK = "PgUp"
CHART_NEXT_WEEK = "PgDown"


@dataclass(frozen=True)
class Shortcut:
    keys: str
    where: str          # ward | orders | entry | review | global
    what: str           # an id; shortcut_text() says it in the user's language


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(HELP, "global", "help"),
    Shortcut("Ctrl+L", "global", "lock"),
    Shortcut("Ctrl+Q", "global", "quit"),
    Shortcut(WARD_FILTER, "ward", "filter"),
    Shortcut("Enter", "ward", "open_first"),
    Shortcut("Ctrl+T", "ward", "toggle"),
    Shortcut("F5", "ward", "refresh"),
    Shortcut(NEW_LONG, "orders", "new_long"),
    Shortcut(NEW_TEMP, "orders", "new_temp"),
    Shortcut("↑ ↓ Enter", "entry", "pick"),
    Shortcut("Enter / Tab", "entry", "next_field"),
    Shortcut("Shift+Tab", "entry", "prev_field"),
    Shortcut("Ctrl+Enter", "entry", "save"),
    Shortcut(ENTRY_STANDBY, "entry", "standby"),
    Shortcut(ENTRY_DISCHARGE, "entry", "discharge"),
    Shortcut(ENTRY_VERBAL, "entry", "verbal"),
    Shortcut("Esc", "entry", "escape"),
    Shortcut("Enter", "orders", "edit_draft"),
    Shortcut(GROUP, "orders", "group"),
    Shortcut(UNGROUP, "orders", "ungroup"),
    Shortcut(APPLY_SET, "orders", "apply_set"),
    Shortcut("↑ ↓ Enter", "sets", "set_open"),
    Shortcut("Space", "sets", "set_tick"),
    Shortcut("Enter", "sets", "set_apply"),
    Shortcut("Esc", "sets", "set_back"),
    Shortcut(SAVE_SET, "orders", "save_set"),
    Shortcut(RED_LINE, "orders", "red_line"),
    Shortcut(DISCARD, "orders", "discard"),
    Shortcut(REVIEW, "orders", "review"),
    Shortcut("Enter", "review", "sign"),
    Shortcut("Tab", "review", "reasons"),
    Shortcut("Esc", "review", "back"),
    Shortcut(STOP, "orders", "stop"),
    Shortcut(VOID, "orders", "void"),
    Shortcut(WITHDRAW, "orders", "withdraw"),
    Shortcut(APPROVE, "orders", "approve"),
    Shortcut(HISTORY, "orders", "history"),
    Shortcut(SHEET, "orders", "sheet"),
    Shortcut("Alt+T / Alt+U", "orders", "filters"),
    Shortcut("Shift+↑ ↓", "orders", "select"),
    Shortcut("Menu / Shift+F10", "orders", "menu"),
    Shortcut(VERIFY, "nurse", "verify"),
    Shortcut(RETURN, "nurse", "return"),
    Shortcut(CONFIRM_STOP, "nurse", "confirm_stop"),
    Shortcut(VITALS_GRID, "global", "vitals_grid"),
    Shortcut("Enter / Tab", "vitals", "vitals_next"),
    Shortcut("Shift+Tab", "vitals", "vitals_prev"),
    Shortcut(VITALS_ALL, "vitals", "vitals_all"),
    Shortcut(f"{CHART_PREV_WEEK} / {CHART_NEXT_WEEK}", "tempchart", "chart_weeks"),
)


def where_text(where: str) -> str:
    return {
        "global": translate("Shortcuts", "全局"),
        "ward": translate("Shortcuts", "病区一览"),
        "orders": translate("Shortcuts", "医嘱"),
        "entry": translate("Shortcuts", "医嘱录入"),
        "review": translate("Shortcuts", "签署前审核"),
        "sets": translate("Shortcuts", "组套"),
        "nurse": translate("Shortcuts", "医嘱（护士）"),
        "vitals": translate("Shortcuts", "体征录入"),
        "tempchart": translate("Shortcuts", "体温单"),
    }.get(where, where)


def shortcut_text(what: str) -> str:
    return {
        "help": translate("Shortcuts", "快捷键一览"),
        "lock": translate("Shortcuts", "锁定屏幕"),
        "quit": translate("Shortcuts", "退出"),
        "filter": translate("Shortcuts", "筛选：床号、姓名、拼音首字母或住院号"),
        "open_first": translate("Shortcuts", "在筛选框中：打开第一个匹配患者的医嘱页（无匹配则不打开）"),
        "toggle": translate("Shortcuts", "床卡/列表切换"),
        "refresh": translate("Shortcuts", "刷新病区"),
        "new_long": translate("Shortcuts", "新开长期医嘱（光标在医嘱内容）"),
        "new_temp": translate("Shortcuts", "新开临时医嘱（光标在医嘱内容）"),
        "pick": translate("Shortcuts", "输入拼音首字母、中文或英文即列出匹配项；上下键选择，Enter 选中并带出剂量、单位、途径、频次、首日次数"),  # noqa: E501
        "next_field": translate("Shortcuts", "下一项"),
        "prev_field": translate("Shortcuts", "上一项"),
        "save": translate("Shortcuts", "保存为草稿（在最后一项按 Enter 亦可）"),
        "standby": translate("Shortcuts", "备用医嘱：长期为 prn，临时为 sos；再按取消"),
        "discharge": translate("Shortcuts", "出院带药（临时医嘱，医嘱单上列在“出院带药”下）；再按取消"),
        "verbal": translate("Shortcuts", "口头医嘱（抢救后补录）；再按取消"),
        "ungroup": translate("Shortcuts", "拆开所选草稿所在的组"),
        "apply_set": translate("Shortcuts", "使用组套：个人、科室、全院组套，可按拼音首字母或名称筛选"),
        "set_open": translate("Shortcuts", "在组套列表中：选择组套，Enter 列出其医嘱（全部勾选）"),
        "set_tick": translate("Shortcuts", "在组套医嘱中：勾选/取消当前医嘱"),
        "set_apply": translate("Shortcuts", "在组套医嘱中：将勾选的医嘱生成草稿（再按 F9 审核签署）"),
        "set_back": translate("Shortcuts", "在组套医嘱中：回到组套列表；在列表中：关闭"),
        "save_set": translate("Shortcuts", "所选医嘱存为组套（名称；个人或科室，全院须管理员）"),
        "red_line": translate("Shortcuts", "红线医嘱：术后、分娩、转入、转出、重整医嘱（签署后停止其上的全部长期医嘱）"),  # noqa: E501
        "escape": translate("Shortcuts", "关闭匹配列表；再按一次回到医嘱列表，录入内容保留"),
        "edit_draft": translate("Shortcuts", "在医嘱列表中：修改所选草稿或退回的医嘱"),
        "group": translate("Shortcuts", "所选草稿成组（输液）"),
        "discard": translate("Shortcuts", "删除所选草稿"),
        "review": translate("Shortcuts", "审核将签署的全部草稿（按医嘱、按级别列出警示）"),
        "sign": translate("Shortcuts", "签署（有严重警示时须先选择理由）"),
        "reasons": translate("Shortcuts", "在各条严重警示的理由之间移动"),
        "back": translate("Shortcuts", "返回，草稿保留"),
        "stop": translate("Shortcuts", "停止长期医嘱（填写停止时间）"),
        "void": translate("Shortcuts", "作废医嘱（填写理由）"),
        "withdraw": translate("Shortcuts", "撤回（护士审核前）"),
        "approve": translate("Shortcuts", "审批抗菌药物医嘱（须有相应级别）"),
        "history": translate("Shortcuts", "所选医嘱的历史"),
        "sheet": translate("Shortcuts", "医嘱列表/医嘱单切换"),
        "filters": translate("Shortcuts", "长期/临时筛选；在用/已停/全部筛选"),
        "select": translate("Shortcuts", "在医嘱列表中扩展选择"),
        "menu": translate("Shortcuts", "所选医嘱的操作菜单"),
        "verify": translate("Shortcuts", "审核所选医嘱"),
        "return": translate("Shortcuts", "退回所选医嘱（填写理由）"),
        "confirm_stop": translate("Shortcuts", "确认停止"),
        "vitals_grid": translate("Shortcuts", "体征录入：病区当前时段的体征表（护士）"),
        "vitals_next": translate("Shortcuts", "下一格；离开一行即保存该行"),
        "vitals_prev": translate("Shortcuts", "上一格"),
        "vitals_all": translate("Shortcuts", "只看应测患者 / 显示全部患者"),
        "chart_weeks": translate("Shortcuts", "上一周 / 下一周"),
    }.get(what, what)


class ShortcutModel(QAbstractTableModel):
    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._rows = list(SHORTCUTS)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {0: translate("Shortcuts", "按键"), 1: translate("Shortcuts", "位置"),
                    2: translate("Shortcuts", "作用")}.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or role != Qt.ItemDataRole.DisplayRole:
            return None
        s = self._rows[index.row()]
        return {0: s.keys, 1: where_text(s.where), 2: shortcut_text(s.what)}.get(index.column())


class ShortcutDialog(QDialog):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Shortcuts", "快捷键"))
        self.model = ShortcutModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 620)


def show_shortcuts(parent: Optional[QWidget] = None) -> ShortcutDialog:
    """Help ▸ 快捷键: a non-blocking dialog listing every key."""
    dialog = ShortcutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
