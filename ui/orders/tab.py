"""The 医嘱 tab of a chart: the orders (filters 长期/临时 × 在用/已停/全部), the 医嘱单 view,
keyboard order entry, and every lifecycle step as a key, a button and a context-menu item.
Also: order sets (F4 apply, Ctrl+Shift+S save the selection; ui/orders/sets.py), red-line
orders (F11: 术后/分娩/转入/转出/重整医嘱, a 'line' draft whose signing stops the long orders
above it) and ungrouping a draft group (Ctrl+Shift+G). This module holds the widgets, the
keys and the data; what each key does is in ui/orders/commands.py (OrderCommands, its base).

Data in: one read of the chart's orders (or the rows of the chart's first read); after that,
an order change for this patient (the runner's `changes`) reloads the orders once, never the
header. A command this tab sends is not reloaded a second time on its completion: the
broadcast does it. Errors keep every typed value and show where they belong (rule 8).
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from ui import shortcuts as keys
from ui.operations import OpContext
from ui.operations import orders as ops
from ui.orders.commands import (
    ENTER_PERMISSION,
    PRINT_PERMISSION,
    SIGN_PERMISSION,
    VERIFY_PERMISSION,
    OrderCommands,
)
from ui.orders.entry import OrderEntry
from ui.orders.model import (
    COL_CONTENT,
    COL_NOTE,
    ROW_ROLE,
    SHOW_ACTIVE,
    SHOW_ALL,
    SHOW_STOPPED,
    SIGNABLE,
    TERM_ALL,
    TERM_LONG,
    TERM_TEMP,
    OrdersFilterProxy,
    OrdersTableModel,
)
from ui.orders.sheet import RedLineDelegate, SheetModel
from ui.qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QItemSelection,
    QItemSelectionModel,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QMenu,
    QObject,
    QPoint,
    QStackedWidget,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)

log = logging.getLogger(__name__)

STOPPABLE = frozenset({"active", "verified", "submitted"})
VOIDABLE = frozenset({"submitted", "pending_approval", "verified", "active", "returned"})
WITHDRAWABLE = frozenset({"submitted", "pending_approval"})


def _table() -> QTableView:
    view = QTableView()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


class OrdersTab(OrderCommands):
    rows_loaded = Signal()               # after every load (tests and the screenshots wait on it)

    def __init__(self, ctx: OpContext, user: Any, encounter_id: str,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        # This tab's writes come back on the broadcast marked as its own (Changes.origin).
        self.ctx = ctx.for_view(f"orders:{encounter_id}:{id(self):x}") if hasattr(ctx, "for_view") else ctx
        self.user = user
        self.encounter_id = encounter_id
        self.patient_id = ""
        self.loaded = False
        self.reads = 0                   # orders reads made (one per change, measured by tests)
        self.partial_reads = 0           # ... of them, reads of just what this tab's command changed
        self._loading = False
        self._again = False
        self._select_ids: list[str] = []
        self._new_id = ""
        self._dialogs: list[QWidget] = []
        self.line_menu: Optional[QMenu] = None
        self.setObjectName("ordersTab")

        self.model = OrdersTableModel(self)
        self.proxy = OrdersFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table()
        self.table.setObjectName("ordersTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_NOTE, 160)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.long_sheet = SheetModel(TERM_LONG, self)
        self.temp_sheet = SheetModel(TERM_TEMP, self)
        self.sheet_tabs = QTabWidget()
        self.sheet_tabs.setObjectName("orderSheets")
        self.sheet_views: list[QTableView] = []
        for model in (self.long_sheet, self.temp_sheet):
            view = _table()
            view.setModel(model)
            view.setItemDelegate(RedLineDelegate(view))
            view.setShowGrid(True)
            h = view.horizontalHeader()
            h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            self.sheet_views.append(view)
            self.sheet_tabs.addTab(view, "")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.sheet_tabs)

        self.term_label = QLabel()
        self.term_combo = QComboBox()
        self.term_label.setBuddy(self.term_combo)
        self.show_label = QLabel()
        self.show_combo = QComboBox()
        self.show_label.setBuddy(self.show_combo)
        for combo in (self.term_combo, self.show_combo):
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.status_label = QLabel()
        self.status_label.setObjectName("ordersStatus")
        self.status_label.setWordWrap(True)

        self.entry = OrderEntry(ctx, self)
        self.entry.hide()
        self.entry.save_requested.connect(self.save_draft)
        self.entry.left.connect(self.leave_entry)

        self.actions_by_key: dict[str, QAction] = {}
        self._build_actions()
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for key in ("new_long", "new_temp", "apply_set", "red_line", "group", "review", "stop", "void",
                    "withdraw", "discard", "approve", "verify", "return", "confirm_stop", "history", "sheet"):
            action = self.actions_by_key.get(key)
            if action is None or not action.isVisible():
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.term_label)
        bar.addWidget(self.term_combo)
        bar.addSpacing(8)
        bar.addWidget(self.show_label)
        bar.addWidget(self.show_combo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.entry)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.table)
        ctx.runner.changes.connect(self._on_changes)
        self.retranslate()
        self._update_actions()

    # ---- actions (keys from ui/shortcuts.py)
    def _build_actions(self) -> None:
        can = getattr(self.user, "can", lambda _p: False)
        specs: list[tuple[str, str, Callable[[], None], bool]] = [
            ("new_long", keys.NEW_LONG, lambda: self.start_entry(TERM_LONG), can(ENTER_PERMISSION)),
            ("new_temp", keys.NEW_TEMP, lambda: self.start_entry(TERM_TEMP), can(ENTER_PERMISSION)),
            ("group", keys.GROUP, self.group_selected, can(ENTER_PERMISSION)),
            ("ungroup", keys.UNGROUP, self.ungroup_selected, can(ENTER_PERMISSION)),
            ("apply_set", keys.APPLY_SET, self.open_apply_set, can(ENTER_PERMISSION)),
            ("save_set", keys.SAVE_SET, self.open_save_set, can(ENTER_PERMISSION)),
            ("red_line", keys.RED_LINE, self.open_line_menu, can(ENTER_PERMISSION)),
            ("review", keys.REVIEW, self.open_review, can(ENTER_PERMISSION) or can(SIGN_PERMISSION)),
            ("stop", keys.STOP, lambda: self.ask_action("stop"), can(SIGN_PERMISSION)),
            ("void", keys.VOID, lambda: self.ask_action("void"), can(SIGN_PERMISSION)),
            ("withdraw", keys.WITHDRAW, self.withdraw_selected, can(SIGN_PERMISSION)),
            ("discard", "Delete", self.discard_selected, can(ENTER_PERMISSION)),
            ("approve", keys.APPROVE, self.approve_selected, can(SIGN_PERMISSION)),
            ("verify", keys.VERIFY, self.verify_selected, can(VERIFY_PERMISSION)),
            ("return", keys.RETURN, lambda: self.ask_action("return"), can(VERIFY_PERMISSION)),
            ("confirm_stop", keys.CONFIRM_STOP, self.confirm_stop_selected, can(VERIFY_PERMISSION)),
            ("history", keys.HISTORY, self.show_history, True),
            ("results", keys.ORDER_RESULTS, self.show_results, True),
            ("sheet", keys.SHEET, self.toggle_sheet, True),
            ("print", keys.PRINT_SHEET, lambda: self.open_print("whole"), can(PRINT_PERMISSION)),
            ("print_continue", keys.PRINT_CONTINUE, lambda: self.open_print("continuation"),
             can(PRINT_PERMISSION)),
        ]
        for key, shortcut, handler, allowed in specs:
            action = QAction(self)
            action.setObjectName("order_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            action.setVisible(allowed)
            action.setEnabled(allowed)
            self.addAction(action)
            self.actions_by_key[key] = action

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        statuses = {r.status for r in rows}
        rules = {
            "group": len(rows) >= 2 and statuses == {"draft"} and all(not r.group_id for r in rows),
            "ungroup": self._group_of(rows) is not None,
            "save_set": any(r.category != "line" for r in rows),
            "stop": one is not None and one.term == TERM_LONG and one.status in STOPPABLE,
            "void": one is not None and one.status in VOIDABLE,
            "withdraw": one is not None and one.status in WITHDRAWABLE,
            "discard": bool(rows) and statuses == {"draft"},
            "approve": bool(rows) and statuses == {"pending_approval"} and all(
                int(getattr(self.user, "abx_grade", 0) or 0) >= r.abx_grade for r in rows),
            "verify": one is not None and one.status == "submitted",
            "return": one is not None and one.status == "submitted",
            "confirm_stop": one is not None and one.status == "stop_pending",
            "history": one is not None,
        }
        for key, ok in rules.items():
            action = self.actions_by_key[key]
            action.setEnabled(action.isVisible() and ok)

    # ---- data
    def set_patient(self, patient_id: str) -> None:
        self.patient_id = patient_id

    def set_rows(self, rows: list[Any]) -> None:
        keep = self._select_ids or [r.id for r in self.selected_rows()]
        current = self.table.currentIndex()
        current_id = getattr(current.data(ROW_ROLE), "id", "") if current.isValid() else ""
        self.model.set_rows(rows)
        self.long_sheet.set_rows(rows)
        self.temp_sheet.set_rows(rows)
        self._select_ids = []
        self.select_ids(keep, current_id or (keep[-1] if keep else ""))
        self.loaded = True
        self._update_actions()
        self.rows_loaded.emit()

    def select_ids(self, ids: list[str], current_id: str = "") -> None:
        selection = QItemSelection()
        current = None
        wanted = set(ids)
        for r in range(self.proxy.rowCount()):
            row = self.proxy.row_at(r)
            if row is not None and row.id in wanted:
                selection.select(self.proxy.index(r, 0), self.proxy.index(r, self.proxy.columnCount() - 1))
                if row.id == current_id or current is None:
                    current = self.proxy.index(r, 0)
        sm = self.table.selectionModel()
        if current is not None:
            sm.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(current)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                  | QItemSelectionModel.SelectionFlag.Rows)

    def reload(self) -> None:
        """One read of the orders; a reload asked for meanwhile runs once after it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.reads += 1
        ops.load_orders(self.ctx, self.encounter_id, self._loaded, self._load_failed)

    def _loaded(self, rows: Any) -> None:
        if not is_alive(self):
            return
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        self.set_rows(list(rows))

    def _load_failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        self._loading = False
        self._again = False
        self.show_failure(failure)

    def open_print(self, mode: str) -> None:
        """The print preview of the sheet in front (长期 unless the 临时 sheet is shown):
        the whole sheet, or the 续打 of what is new since the last print."""
        from ui.printing.preview import PrintPreview

        sheet = "temp" if self.stack.currentWidget() is self.sheet_tabs and \
            self.sheet_tabs.currentIndex() == 1 else "long"
        self._open(PrintPreview(self.ctx, self.user, self.encounter_id, sheet, mode, self))

    def _on_changes(self, changes: Any) -> None:
        if not is_alive(self) or not changes.touches("order"):
            return
        shown = {r.id for r in self.model.rows()}
        if self.patient_id and self.patient_id not in changes.patient_ids \
                and not (changes.ids_of("order") & shown):
            return
        ids = changes.ids_of("order")
        own = bool(getattr(self.ctx, "origin", "")) and getattr(changes, "origin", "") == self.ctx.origin
        if own and ids and self.loaded and not self._loading and hasattr(self.ctx.backend, "read"):
            self.refresh_changed(ids)          # our own command: we know what it changed
        else:
            self.reload()

    def refresh_changed(self, ids: frozenset[str]) -> None:
        """Re-read only the orders a command of this tab changed (and their groups), then merge."""
        from app.services.orders import merged

        self._loading = True
        self.reads += 1
        self.partial_reads += 1

        def done(fresh: Any) -> None:
            if not is_alive(self):
                return
            self._loading = False
            if self._again:
                self._again = False
                self.reload()
                return
            self.set_rows(merged(self.model.rows(), fresh, ids))

        ops.load_changed(self.ctx, self.encounter_id, ids, done, self._load_failed)

    def rows(self) -> list[Any]:
        return self.model.rows()

    def selected_rows(self) -> list[Any]:
        sm = self.table.selectionModel()
        if sm is None:
            return []
        indexes = sorted(sm.selectedRows(), key=lambda i: i.row())
        rows = [i.data(ROW_ROLE) for i in indexes]
        return [r for r in rows if r is not None]

    def drafts(self) -> list[Any]:
        """What F9 signs: every draft (and returned order) of this patient, in sheet order."""
        return [r for r in self.model.rows() if r.status in SIGNABLE]

    # ---- entry
    def start_entry(self, term: str) -> None:
        if not self.ctx or not getattr(self.user, "can", lambda _p: False)(ENTER_PERMISSION):
            return
        if self.stack.currentWidget() is not self.table:
            self.stack.setCurrentWidget(self.table)
        self.entry.start(term)

    def leave_entry(self) -> None:
        """Esc in the row: back to the orders; the row stays as typed (F2/F3 continue it)."""
        self.table.setFocus()

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and rows[0].status in SIGNABLE and rows[0].category != "line":
            self._new_id = ""
            self.entry.edit_row(rows[0])

    def toggle_sheet(self) -> None:
        on_sheet = self.stack.currentWidget() is self.sheet_tabs
        self.stack.setCurrentWidget(self.table if on_sheet else self.sheet_tabs)
        self.entry.hide_matches()
        # the sheet is for reading: the row being typed waits below the list, kept as typed
        self.entry.setVisible(on_sheet and (self.entry.has_content() or bool(self.entry.order_id)))
        (self.table if on_sheet else self.sheet_tabs.currentWidget()).setFocus()
        self.retranslate()

    # ---- keyboard and menu
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.edit_selected()
                return True
            if event.key() == Qt.Key.Key_Menu or (event.key() == Qt.Key.Key_F10
                                                  and event.modifiers() == Qt.KeyboardModifier.ShiftModifier):
                rect = self.table.visualRect(self.table.currentIndex())
                self._context_menu(rect.center() if rect.isValid() else QPoint(8, 8))
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for key in ("review", "stop", "void", "withdraw", "discard", "group", "ungroup", "save_set",
                    "apply_set", "red_line", "approve", "verify", "return", "confirm_stop", "history"):
            action = self.actions_by_key[key]
            if action.isVisible():
                menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _filter_changed(self) -> None:
        term = self.term_combo.currentData()
        show = self.show_combo.currentData()
        self.proxy.set_filter(term=str(term) if term else None, show=str(show) if show else None)
        self._update_actions()

    def focus_orders(self) -> None:
        QTimer.singleShot(0, lambda: is_alive(self) and self.table.setFocus())

    def retranslate(self) -> None:
        texts = {
            "new_long": translate("OrdersTab", "新开长期"), "new_temp": translate("OrdersTab", "新开临时"),
            "group": translate("OrdersTab", "成组"), "ungroup": translate("OrdersTab", "拆组"),
            "apply_set": translate("OrdersTab", "组套"), "save_set": translate("OrdersTab", "存为组套"),
            "red_line": translate("OrdersTab", "红线医嘱"),
            "review": translate("OrdersTab", "审核签署"), "stop": translate("OrdersTab", "停止"),
            "void": translate("OrdersTab", "作废"), "withdraw": translate("OrdersTab", "撤回"),
            "discard": translate("OrdersTab", "删除草稿"), "approve": translate("OrdersTab", "审批"),
            "verify": translate("OrdersTab", "审核"), "return": translate("OrdersTab", "退回"),
            "confirm_stop": translate("OrdersTab", "确认停止"), "history": translate("OrdersTab", "历史"),
            "sheet": translate("OrdersTab", "医嘱单") if self.stack.currentWidget() is self.table
            else translate("OrdersTab", "医嘱列表"),
        }
        for key, action in self.actions_by_key.items():
            action.setText(texts.get(key, key))
            action.setToolTip(f"{texts.get(key, key)} ({action.shortcut().toString()})")
        self.term_label.setText(translate("OrdersTab", "长期/临时(&T)"))
        self.show_label.setText(translate("OrdersTab", "状态(&U)"))
        for combo, items in ((self.term_combo, ((TERM_ALL, translate("OrdersTab", "全部")),
                                                (TERM_LONG, translate("OrdersTab", "长期")),
                                                (TERM_TEMP, translate("OrdersTab", "临时")))),
                             (self.show_combo, ((SHOW_ACTIVE, translate("OrdersTab", "在用")),
                                                (SHOW_STOPPED, translate("OrdersTab", "已停")),
                                                (SHOW_ALL, translate("OrdersTab", "全部"))))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.sheet_tabs.setTabText(0, translate("OrdersTab", "长期医嘱单"))
        self.sheet_tabs.setTabText(1, translate("OrdersTab", "临时医嘱单"))
        self.model.retranslate()
        self.long_sheet.retranslate()
        self.temp_sheet.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
