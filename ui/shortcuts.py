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
ORDER_RESULTS = "Ctrl+Shift+I"   # 检验检查结果: own results beside external reports (结果互认)
SHEET = "F12"
VERIFY = "Ctrl+Shift+V"
RETURN = "Ctrl+Shift+R"
CONFIRM_STOP = "Ctrl+Shift+C"
# The nurse's workstation (ui/nurse/, issue 13): fixed by the issue.
NURSE_VERIFY = "F9"
NURSE_TICK = "Space"
EXEC_DONE = "Ctrl+E"            # executed; an infusion: started (then finished)
EXEC_FINISH = "Ctrl+Shift+E"
EXEC_NOT_DONE = "Ctrl+U"
EXEC_CORRECT = "Ctrl+Shift+Z"
EXEC_REFRESH = "Ctrl+R"         # not F5: the window's 刷新病区 owns it
EXEC_CONSUMABLES = "Ctrl+M"     # 附材 of the current item (add, remove with a reason)
EXEC_PRINT_LABELS = "Ctrl+P"    # the day's 瓶签 (bound on the 执行 tab only, as each tab's Ctrl+P)
EXEC_PRINT_SHEET = "Ctrl+Alt+P"  # the day's 执行单
SKIN_START = "Ctrl+E"
SKIN_READ = "Ctrl+J"
PHARMACY_SEND = "Ctrl+Shift+P"
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
PRINT_SHEET = "Ctrl+P"        # the orders tab: print preview of the 医嘱单 in front
PRINT_CONTINUE = "Ctrl+Alt+P"     # ... and its 续打 (only what is new since the last print)
OPEN_CHART = "Ctrl+O"         # in a ward-wide list (抗菌药物审批 ...): the selected patient's chart
# The 病历 tab (ui/records/tab.py) and the 待完成 panel. F9 signs here as it signs orders there:
# both are bound with WidgetWithChildrenShortcut on their own tab, so only the shown one fires.
DOC_NEW = "Ctrl+N"
DOC_SIGN = "F9"
DOC_COSIGN = "Ctrl+F9"
DOC_REVISE = "Ctrl+E"
DOC_PULL = "Ctrl+I"
DOC_PHRASE = "Ctrl+J"
DOC_COPY = "Ctrl+Shift+J"
DOC_DIFF = "Ctrl+Shift+D"
DOC_SAVE = "Ctrl+S"
DOC_TODO = "Ctrl+Shift+L"         # the doctor's 待完成 list (Ctrl+Shift+T is the nurses' 体征录入)
DOC_CONSULT = "Ctrl+R"             # 申请会诊 from the 病历 tab
CONSULT_QUEUE = "Ctrl+Shift+K"     # the department's 会诊 queue
REFERRAL_QUEUE = "Ctrl+Shift+U"    # referrals received for the department (转入申请)
DOCTOR_HANDOVER = "Ctrl+Shift+H"   # 医生交接班 (in it: Ctrl+Enter hands over, Ctrl+Shift+Enter takes over)
DOC_DIAGNOSES = "F7"               # the chart's 诊断 dialog, from the 病历 tab (F7 voids only on 医嘱)
DOC_PRINT = "Ctrl+P"               # the 病历 tab: print preview of the signed document shown (Ctrl+P
                                   # prints the sheet on 医嘱: each bound on its own tab only)
DOC_REFERRAL = "Ctrl+Shift+F"      # 转诊 (上转/下转) from the 病历 tab
# In the 诊断 dialog (ui/records/diagnoses.py): the list keys act on the diagnosis list only.
DX_ADMISSION = "Ctrl+1"
DX_WORKING = "Ctrl+2"
DX_DISCHARGE = "Ctrl+3"
DX_SEARCH = "Ctrl+F"
DX_UP = "Ctrl+Up"
DX_DOWN = "Ctrl+Down"
DX_REMOVE = "Del"
DX_RENAME = "F2"
TEMPLATE_MANAGE = "Ctrl+Shift+M"   # 模板管理 (a window of its own; the keys below are its own)
TPL_NEW = "Ctrl+N"
TPL_SAVE = "Ctrl+S"
TPL_COPY = "Ctrl+D"                # 复制为个人模板
TPL_RETIRE = "Ctrl+Shift+Del"
SECTION_ADD = "Alt+Ins"
SECTION_REMOVE = "Alt+Del"
SECTION_UP = "Alt+Up"              # also: a phrase up in the 常用语 editor
SECTION_DOWN = "Alt+Down"
SECTION_REQUIRED = "Alt+R"
PHRASE_MANAGE = "Ctrl+M"           # in the Ctrl+J phrase picker: open the 常用语 editor
PHRASE_NEW = "Ctrl+N"              # in the 常用语 editor
PHRASE_SAVE = "Ctrl+S"
PHRASE_REMOVE = "Alt+Del"
# Charting (issue 14): the 体征录入 grid (ui/vitals/grid.py) and the 体温单 tab (ui/vitals/tempchart.py).
VITALS_GRID = "Ctrl+Shift+T"
WARD_SETTINGS_SAVE = "Ctrl+S"      # 病区设置 (a dialog of its own)
CONFLICT_KEEP_SERVER = "Ctrl+D"    # 离线冲突: keep the server's version
CONFLICT_REAPPLY = "Ctrl+R"        # ... or submit the offline change again
VITALS_ALL = "Alt+A"
CHART_PREV_WEEK = "PgUp"
CHART_NEXT_WEEK = "PgDown"
# Ctrl+P prints what is in front, as on the 医嘱 tab: both bound on their own tab only
# (WidgetWithChildrenShortcut), so only the shown tab's fires; the window binds no Ctrl+P.
CHART_PRINT = "Ctrl+P"
# The chart's 护理记录 tab (ui/nursing/tab.py), bound on that tab only. Not Alt+N / Alt+P: the
# 护理(&N) and 打印(&P) menus own them.
NURSING_GENERAL = "Alt+1"
NURSING_CRITICAL = "Alt+2"
NURSING_NEW = "Ctrl+N"
NURSING_CORRECT = "F4"
NURSING_VOID = "F7"
NURSING_SCALES = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")     # Braden, Morse, Barthel, pain
NURSING_PRINT = "Ctrl+P"           # print preview of the 护理记录单 shown (一般 or 危重)
# 护士交接班 (issue 14, ui/nurse/handover.py). Not Ctrl+Shift+H (the doctors' handover: one user
# may hold both roles); inside the page the keys are those of the doctors' handover.
NURSE_HANDOVER = "Ctrl+Shift+B"
NURSE_HANDOVER_SAVE = "Ctrl+S"
NURSE_HANDOVER_HAND = "Ctrl+Return"
NURSE_HANDOVER_RECEIVE = "Ctrl+Shift+Return"
NURSE_HANDOVER_OLDER = "Alt+Left"
NURSE_HANDOVER_NEWER = "Alt+Right"
NURSE_HANDOVER_REFRESH = "Ctrl+R"      # not F5: the window's 刷新病区 owns it
NURSE_HANDOVER_PRINT = "Ctrl+P"        # the shift shown, in the print preview
DOCTOR_HANDOVER_PRINT = "Ctrl+P"       # the doctors' 交接班 panel: the ward's last report
# 危急值 (issue 17): acknowledge the oldest critical value on the banner, from any page of the
# window (Ctrl+Shift+W: no page binds it; W for 危).
CRITICAL_ACK = "Ctrl+Shift+W"
DOC_CRITICAL = "Ctrl+Alt+W"        # the 病历 tab: this 病程记录 documents which 危急值 (link it)


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
    Shortcut(ORDER_RESULTS, "orders", "results"),
    Shortcut(SHEET, "orders", "sheet"),
    Shortcut(PRINT_SHEET, "orders", "print_sheet"),
    Shortcut(PRINT_CONTINUE, "orders", "print_continue"),
    Shortcut("PgUp / PgDn", "preview", "preview_pages"),
    Shortcut("Ctrl++ / Ctrl+-", "preview", "preview_zoom"),
    Shortcut("Ctrl+P", "preview", "preview_print"),
    Shortcut("Ctrl+S", "preview", "preview_save"),
    Shortcut(WARD_SETTINGS_SAVE, "ward_settings", "ward_settings_save"),
    Shortcut(CONFLICT_KEEP_SERVER, "conflicts", "conflict_keep"),
    Shortcut(CONFLICT_REAPPLY, "conflicts", "conflict_reapply"),
    Shortcut("Alt+T / Alt+U", "orders", "filters"),
    Shortcut("Shift+↑ ↓", "orders", "select"),
    Shortcut("Menu / Shift+F10", "orders", "menu"),
    Shortcut("Enter / " + APPROVE, "approvals", "approve_list"),
    Shortcut(OPEN_CHART, "approvals", "open_chart"),
    Shortcut(VERIFY, "nurse", "verify"),
    Shortcut(RETURN, "nurse", "return"),
    Shortcut(CONFIRM_STOP, "nurse", "confirm_stop"),
    Shortcut("↑ ↓", "station", "station_move"),
    Shortcut(NURSE_TICK, "station", "station_tick"),
    Shortcut(NURSE_VERIFY, "station", "station_verify"),
    Shortcut(RETURN, "station", "station_return"),
    Shortcut(CONFIRM_STOP, "station", "station_confirm"),
    Shortcut("Enter", "exec", "exec_identify"),
    Shortcut(EXEC_DONE, "exec", "exec_done"),
    Shortcut(EXEC_FINISH, "exec", "exec_finish"),
    Shortcut(EXEC_NOT_DONE, "exec", "exec_not_done"),
    Shortcut(EXEC_CORRECT, "exec", "exec_correct"),
    Shortcut(EXEC_REFRESH, "exec", "exec_refresh"),
    Shortcut(EXEC_CONSUMABLES, "exec", "exec_consumables"),
    Shortcut(EXEC_PRINT_LABELS, "exec", "exec_print_labels"),
    Shortcut(EXEC_PRINT_SHEET, "exec", "exec_print_sheet"),
    Shortcut(SKIN_START, "skin", "skin_start"),
    Shortcut(SKIN_READ, "skin", "skin_read"),
    Shortcut(PHARMACY_SEND, "pharmacy", "pharmacy_send"),
    Shortcut(DOC_NEW, "records", "doc_new"),
    Shortcut("Tab / Shift+Tab", "records", "doc_sections"),
    Shortcut(DOC_PULL, "records", "doc_pull"),
    Shortcut(DOC_PHRASE, "records", "doc_phrase"),
    Shortcut(DOC_COPY, "records", "doc_copy"),
    Shortcut(DOC_SAVE, "records", "doc_save"),
    Shortcut(DOC_SIGN, "records", "doc_sign"),
    Shortcut(DOC_COSIGN, "records", "doc_cosign"),
    Shortcut(DOC_REVISE, "records", "doc_revise"),
    Shortcut(DOC_DIFF, "records", "doc_diff"),
    Shortcut(DOC_CONSULT, "records", "doc_consult"),
    Shortcut(DOC_DIAGNOSES, "records", "doc_diagnoses"),
    Shortcut(DOC_PRINT, "records", "doc_print"),
    Shortcut(DOC_REFERRAL, "records", "doc_referral"),
    Shortcut("↑ ↓ Enter", "diagnoses", "dx_pick"),
    Shortcut(f"{DX_ADMISSION} / {DX_WORKING} / {DX_DISCHARGE}", "diagnoses", "dx_kind"),
    Shortcut(DX_SEARCH, "diagnoses", "dx_search"),
    Shortcut(f"{DX_UP} / {DX_DOWN}", "diagnoses", "dx_move"),
    Shortcut(DX_RENAME, "diagnoses", "dx_rename"),
    Shortcut(DX_REMOVE, "diagnoses", "dx_remove"),
    Shortcut(DOC_TODO, "global", "doc_todo"),
    Shortcut(CONSULT_QUEUE, "global", "consult_queue"),
    Shortcut(REFERRAL_QUEUE, "global", "referral_queue"),
    Shortcut(DOCTOR_HANDOVER, "global", "doctor_handover"),
    Shortcut(TEMPLATE_MANAGE, "global", "template_manage"),
    Shortcut(TPL_NEW, "templates", "tpl_new"),
    Shortcut(TPL_SAVE, "templates", "tpl_save"),
    Shortcut(TPL_COPY, "templates", "tpl_copy"),
    Shortcut(TPL_RETIRE, "templates", "tpl_retire"),
    Shortcut(SECTION_ADD, "templates", "section_add"),
    Shortcut(SECTION_REMOVE, "templates", "section_remove"),
    Shortcut(f"{SECTION_UP} / {SECTION_DOWN}", "templates", "section_move"),
    Shortcut(SECTION_REQUIRED, "templates", "section_required"),
    Shortcut(PHRASE_MANAGE, "records", "phrase_manage"),
    Shortcut(PHRASE_NEW, "phrases", "phrase_new"),
    Shortcut(PHRASE_SAVE, "phrases", "phrase_save"),
    Shortcut(PHRASE_REMOVE, "phrases", "phrase_remove"),
    Shortcut(f"{SECTION_UP} / {SECTION_DOWN}", "phrases", "phrase_move"),
    Shortcut(VITALS_GRID, "global", "vitals_grid"),
    Shortcut("Enter / Tab", "vitals", "vitals_next"),
    Shortcut("Shift+Tab", "vitals", "vitals_prev"),
    Shortcut(VITALS_ALL, "vitals", "vitals_all"),
    Shortcut(f"{CHART_PREV_WEEK} / {CHART_NEXT_WEEK}", "tempchart", "chart_weeks"),
    Shortcut(CHART_PRINT, "tempchart", "chart_print"),
    Shortcut(f"{NURSING_GENERAL} / {NURSING_CRITICAL}", "nursing", "nursing_types"),
    Shortcut(NURSING_NEW, "nursing", "nursing_new"),
    Shortcut("Enter / Tab", "nursing", "nursing_next"),
    Shortcut("Ctrl+Enter", "nursing", "nursing_sign"),
    Shortcut(NURSING_CORRECT, "nursing", "nursing_correct"),
    Shortcut(NURSING_VOID, "nursing", "nursing_void"),
    Shortcut(NURSING_PRINT, "nursing", "nursing_print"),
    Shortcut(" / ".join(NURSING_SCALES), "nursing", "nursing_scales"),
    Shortcut("↑ ↓ / 0-9", "assessment", "assessment_pick"),
    Shortcut("Enter / Tab", "assessment", "assessment_next"),
    Shortcut("Ctrl+Enter", "assessment", "assessment_sign"),
    Shortcut(NURSE_HANDOVER, "global", "nurse_handover"),
    Shortcut(f"{NURSE_HANDOVER_OLDER} / {NURSE_HANDOVER_NEWER}", "nurse_handover", "nh_shifts"),
    Shortcut(NURSE_HANDOVER_SAVE, "nurse_handover", "nh_save"),
    Shortcut("Ctrl+Enter", "nurse_handover", "nh_hand"),
    Shortcut("Ctrl+Shift+Enter", "nurse_handover", "nh_receive"),
    Shortcut(NURSE_HANDOVER_REFRESH, "nurse_handover", "nh_refresh"),
    Shortcut(NURSE_HANDOVER_PRINT, "nurse_handover", "nh_print"),
    Shortcut(CRITICAL_ACK, "global", "critical_ack"),
    Shortcut(DOC_CRITICAL, "records", "doc_critical"),
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
        "approvals": translate("Shortcuts", "抗菌药物审批"),
        "preview": translate("Shortcuts", "打印预览"),
        "station": translate("Shortcuts", "护士工作站"),
        "exec": translate("Shortcuts", "执行单"),
        "skin": translate("Shortcuts", "皮试"),
        "pharmacy": translate("Shortcuts", "集中发送"),
        "records": translate("Shortcuts", "病历"),
        "templates": translate("Shortcuts", "模板管理"),
        "phrases": translate("Shortcuts", "常用语维护"),
        "vitals": translate("Shortcuts", "体征录入"),
        "tempchart": translate("Shortcuts", "体温单"),
        "ward_settings": translate("Shortcuts", "病区设置"),
        "conflicts": translate("Shortcuts", "离线冲突"),
        "nursing": translate("Shortcuts", "护理记录"),
        "assessment": translate("Shortcuts", "风险评估"),
        "diagnoses": translate("Shortcuts", "诊断"),
        "nurse_handover": translate("Shortcuts", "护士交接班"),
    }.get(where, where)


def shortcut_text(what: str) -> str:
    return {
        "help": translate("Shortcuts", "快捷键一览"),
        "critical_ack": translate("Shortcuts", "确认危急值（最早的一条）：填写已通知的医生"),
        "doc_critical": translate("Shortcuts", "关联危急值：本病程记录记载了哪条危急值的处理"),
        "approve_list": translate("Shortcuts", "审批选中的医嘱"),
        "print_sheet": translate("Shortcuts", "打印医嘱单（预览后打印或另存为 PDF）"),
        "print_continue": translate("Shortcuts", "续打医嘱单：只打印上次打印后新增的医嘱和停止信息"),
        "preview_pages": translate("Shortcuts", "上一页 / 下一页"),
        "preview_zoom": translate("Shortcuts", "放大 / 缩小"),
        "preview_print": translate("Shortcuts", "打印"),
        "preview_save": translate("Shortcuts", "另存为 PDF"),
        "ward_settings_save": translate("Shortcuts", "保存病区设置"),
        "conflict_keep": translate("Shortcuts", "保留服务器版本（离线修改留档，需填写理由）"),
        "conflict_reapply": translate("Shortcuts", "以离线内容在当前版本上重新提交（需填写理由）"),
        "open_chart": translate("Shortcuts", "打开所选患者的病历（医嘱页）"),
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
        "results": translate(
            "Shortcuts", "检验检查结果：本院结果与外院报告，F5 获取外院结果，Ctrl+Enter 互认"),
        "sheet": translate("Shortcuts", "医嘱列表/医嘱单切换"),
        "filters": translate("Shortcuts", "长期/临时筛选；在用/已停/全部筛选"),
        "select": translate("Shortcuts", "在医嘱列表中扩展选择"),
        "menu": translate("Shortcuts", "所选医嘱的操作菜单"),
        "verify": translate("Shortcuts", "审核所选医嘱"),
        "return": translate("Shortcuts", "退回所选医嘱（填写理由）"),
        "confirm_stop": translate("Shortcuts", "确认停止"),
        "station_move": translate("Shortcuts", "在待审核医嘱中移动"),
        "station_tick": translate("Shortcuts", "勾选/取消当前医嘱（成组医嘱整组）"),
        "station_verify": translate("Shortcuts", "审核勾选的医嘱；遇高警示药品停下（红色标记），再次核对后再按 F9 审核"),  # noqa: E501
        "exec_identify": translate("Shortcuts", "在患者框中：扫描腕带或输入“姓名 住院号”后核对患者（床号只筛选）"),  # noqa: E501
        "exec_done": translate("Shortcuts", "执行当前项（输液：开始输液）；高警示药品和输血须双人核对"),
        "exec_finish": translate("Shortcuts", "输液结束"),
        "exec_not_done": translate("Shortcuts", "未执行（选择原因）"),
        "exec_correct": translate("Shortcuts", "更正当前项的最后一条执行记录（填写理由，原记录保留）"),
        "exec_refresh": translate("Shortcuts", "生成今日执行计划并刷新"),
        "exec_consumables": translate("Shortcuts", "当前项的附材：移除（填写理由）或添加"),
        "exec_print_labels": translate("Shortcuts", "打印当日输液瓶签（预览后打印或另存为 PDF）"),
        "exec_print_sheet": translate("Shortcuts", "打印当日执行单（按类别，预览后打印或另存为 PDF）"),
        "skin_start": translate("Shortcuts", "开始皮试（填写批号），计时至判读时间"),
        "skin_read": translate("Shortcuts", "判读皮试结果（阴性/阳性，双人核对）；阳性即记为过敏"),
        "pharmacy_send": translate("Shortcuts", "将今日余下及明日首次的药品集中发送至药房；已停医嘱已发未用的生成退药"),  # noqa: E501
        "station_return": translate("Shortcuts", "退回当前医嘱给医生（填写理由）"),
        "station_confirm": translate("Shortcuts", "确认停止勾选的已停医嘱；已作废的医嘱确认已知晓"),
        "doc_new": translate("Shortcuts", "新建病历：选择病历类型（可输入名称筛选），Enter 按模板建立"),
        "doc_sections": translate("Shortcuts", "在病历各段之间移动"),
        "doc_pull": translate("Shortcuts", "将病历系统已有的资料（一般项目、生命体征、检验、过敏、医嘱、诊断）引入当前段"),  # noqa: E501
        "doc_phrase": translate("Shortcuts", "插入个人常用语"),
        "doc_copy": translate("Shortcuts", "复制本患者既往病历中的一段（不能复制其他患者的病历）"),
        "doc_save": translate("Shortcuts", "立即保存草稿（输入时每 3 秒及切换焦点时自动保存）"),
        "doc_sign": translate("Shortcuts", "签名（修订时先填写修订原因）"),
        "doc_cosign": translate("Shortcuts", "审签实习医师的病历（可先修改）"),
        "doc_revise": translate("Shortcuts", "修订已签名的病历（保留每一版本及修改人、时间、原因）"),
        "doc_diff": translate("Shortcuts", "两个版本并排对比，显示修改人及修改内容"),
        "doc_todo": translate("Shortcuts", "待完成病历：本人患者的到期与超时病历、待审签病历"),
        "doc_consult": translate("Shortcuts", "申请会诊（科室、急或普通、会诊目的；诊断自动引入）"),
        "consult_queue": translate("Shortcuts", "本科会诊：Enter 接收，再按 Enter 书写会诊意见并签名"),
        "referral_queue": translate(
            "Shortcuts", "转入申请：其他医联体机构转来本科的患者，Enter 接收，Delete 拒绝并说明原因"),
        "doc_diagnoses": translate("Shortcuts", "诊断：入院、修正、出院诊断（ICD-10，主要诊断在前）"),
        "doc_print": translate("Shortcuts", "打印当前已签名病历（含签名、上级医师审签和修订记录）"),
        "doc_referral": translate("Shortcuts", "转诊：上转或下转到医联体成员机构，发送后经区域平台传送"),
        "dx_pick": translate("Shortcuts", "在检索框中：输入拼音首字母、中文或 ICD-10 编码，上下键选择，Enter 加入所选类别"),  # noqa: E501
        "dx_kind": translate("Shortcuts", "加入到入院诊断 / 修正诊断 / 出院诊断"),
        "dx_search": translate("Shortcuts", "回到检索框"),
        "dx_move": translate("Shortcuts", "在诊断列表中：上移 / 下移所选诊断（每类第一条为主要诊断）"),
        "dx_rename": translate("Shortcuts", "在诊断列表中：修改诊断名称（补充部位、分型等；原记录保留）"),
        "dx_remove": translate("Shortcuts", "在诊断列表中：删除误录的诊断（填写原因；原记录保留）"),
        "doctor_handover": translate(
            "Shortcuts", "医生交接班：按 I-PASS 逐一填写，Ctrl+Enter 交班，Ctrl+Shift+Enter 接班"),
        "template_manage": translate("Shortcuts", "模板管理：个人、科室、全院病历模板及其段落"),
        "tpl_new": translate("Shortcuts", "新建个人模板"),
        "tpl_save": translate("Shortcuts", "保存模板（保存为新版本）"),
        "tpl_copy": translate("Shortcuts", "将所选模板复制为个人模板"),
        "tpl_retire": translate("Shortcuts", "停用所选模板（已写的病历不受影响）"),
        "section_add": translate("Shortcuts", "在当前段落后添加段落"),
        "section_remove": translate("Shortcuts", "删除当前段落"),
        "section_move": translate("Shortcuts", "当前段落上移 / 下移"),
        "section_required": translate("Shortcuts", "当前段落设为必填 / 取消必填"),
        "phrase_manage": translate("Shortcuts", "在常用语列表中：维护本人的常用语"),
        "phrase_new": translate("Shortcuts", "新增常用语"),
        "phrase_save": translate("Shortcuts", "保存对所选常用语的修改"),
        "phrase_remove": translate("Shortcuts", "删除所选常用语"),
        "phrase_move": translate("Shortcuts", "所选常用语上移 / 下移"),
        "vitals_grid": translate("Shortcuts", "体征录入：病区当前时段的体征表（护士）"),
        "vitals_next": translate("Shortcuts", "下一格；离开一行即保存该行"),
        "vitals_prev": translate("Shortcuts", "上一格"),
        "vitals_all": translate("Shortcuts", "只看应测患者 / 显示全部患者"),
        "chart_weeks": translate("Shortcuts", "上一周 / 下一周"),
        "chart_print": translate("Shortcuts", "打印体温单（预览：全部周或只打印当前周，打印或另存为 PDF）"),
        "nursing_types": translate("Shortcuts", "一般护理记录 / 危重护理记录"),
        "nursing_new": translate("Shortcuts", "新记录：光标到录入行的时间（默认当前时间）"),
        "nursing_next": translate("Shortcuts", "录入行的下一项"),
        "nursing_sign": translate("Shortcuts", "签名保存该行记录"),
        "nursing_correct": translate("Shortcuts", "更正所选记录：原记录保留并显示删除线，须填写更正原因"),
        "nursing_void": translate("Shortcuts", "作废所选记录（填写原因，原记录保留）"),
        "nursing_print": translate("Shortcuts", "打印当前护理记录单（更正和作废的记录划线保留）"),
        "nursing_scales": translate("Shortcuts", "Braden / Morse / Barthel / 疼痛评估"),
        "assessment_pick": translate("Shortcuts", "选择该条目的分值（输入分值即可选中）"),
        "assessment_next": translate("Shortcuts", "下一条目"),
        "assessment_sign": translate("Shortcuts", "签名保存评估（每一条目均须填写）"),
        "nurse_handover": translate("Shortcuts", "护士交接班：本班人数统计及交班患者（护士）"),
        "nh_shifts": translate("Shortcuts", "上一班 / 下一班"),
        "nh_save": translate("Shortcuts", "保存交班草稿"),
        "nh_hand": translate("Shortcuts", "交班签名（人数不符时须先填写差异说明）"),
        "nh_receive": translate("Shortcuts", "接班签名（须由交班护士以外的护士）"),
        "nh_refresh": translate("Shortcuts", "重新读取本班报告（输入的内容保留）"),
        "nh_print": translate("Shortcuts", "打印当前显示的交接班报告"),
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
