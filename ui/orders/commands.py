"""What the 医嘱 tab does with its orders: keep the typed row as a draft, and every command on
the selection (成组/拆组, 停止/作废/撤回/删除, 审批/审核/退回/确认停止, F9 review, history), order
sets (F4 apply, Ctrl+Shift+S save), red-line orders (F11), and each error's one treatment
(rule 8). OrdersTab (ui/orders/tab.py) builds the widgets and loads the rows; it subclasses
this, so its keys, buttons and menu items call these methods on itself.

A command this tab sends is not reloaded on its completion: the broadcast does it.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui import shortcuts as keys
from ui.messages import error_text
from ui.operations import OpContext
from ui.operations import orders as ops
from ui.orders.entry import LocalFieldError, OrderEntry
from ui.orders.model import TERM_LONG, OrdersTableModel
from ui.qt import (
    QLabel,
    QMenu,
    QPoint,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QWidget,
    is_alive,
    translate,
)

ENTER_PERMISSION = "order.enter"
SIGN_PERMISSION = "order.sign"
VERIFY_PERMISSION = "order.verify"
PRINT_PERMISSION = "print"


class OrderCommands(QWidget):
    """The tab's commands; the widgets and the rows they work on are OrdersTab's."""

    ctx: OpContext
    user: Any
    encounter_id: str
    model: OrdersTableModel
    table: QTableView
    stack: QStackedWidget
    entry: OrderEntry
    status_label: QLabel
    line_menu: Optional[QMenu]
    _select_ids: list[str]
    _new_id: str
    _dialogs: list[QWidget]

    def selected_rows(self) -> list[Any]:      # OrdersTab: the selected orders, in view order
        raise NotImplementedError

    def drafts(self) -> list[Any]:             # OrdersTab: what F9 signs
        raise NotImplementedError

    def reload(self) -> None:                  # OrdersTab: one read of the orders
        raise NotImplementedError

    # ---- the typed row as a draft
    def save_draft(self) -> None:
        if self.entry.busy:
            return
        try:
            fields = self.entry.fields()
        except LocalFieldError as exc:
            self.entry.show_error(exc.field, exc.message)
            return
        if self.entry.order_id:
            order_id, base = self.entry.order_id, self.entry.base_version
        else:
            self._new_id = self._new_id or ops.new_order_id()   # a retry re-sends the same order
            order_id, base = self._new_id, 0
        self.entry.busy = True
        self.entry.show_note(translate("OrdersTab", "正在保存…"))
        self._select_ids = [order_id]
        seen = self.model.row_by_id(order_id)

        def done(_changes: Any) -> None:
            if not is_alive(self):
                return
            self.entry.busy = False
            self._new_id = ""
            term = self.entry.term
            self.entry.clear()
            self.entry.show_note(translate("OrdersTab", "已保存为草稿：{content}").format(
                content=fields.content))
            self.set_status("")
            self.entry.start(term)

        def failed(failure: Any) -> None:
            if not is_alive(self):
                return
            self.entry.busy = False
            self._select_ids = []
            self.show_failure(failure, seen=seen, in_entry=True)

        ops.save_draft(self.ctx, self.user, self.encounter_id, order_id, base, fields, done, failed)

    # ---- commands on the selection
    def _need_one(self) -> Optional[Any]:
        rows = self.selected_rows()
        if len(rows) != 1:
            self.set_status(translate("OrdersTab", "请先选择一条医嘱"))
            return None
        return rows[0]

    def _run(self, start: Callable[[Callable[[Any], None], Callable[[Any], None]], Any],
             seen: Any = None, dialog: Any = None, done_text: str = "") -> None:
        def done(_changes: Any) -> None:
            if not is_alive(self):
                return
            self.set_status(done_text)
            if dialog is not None and is_alive(dialog):
                dialog.accept()

        def failed(failure: Any) -> None:
            if is_alive(self):
                self._select_ids = []
                self.show_failure(failure, seen=seen, dialog=dialog)

        start(done, failed)

    def group_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) < 2 or any(r.status != "draft" for r in rows):
            self.set_status(translate("OrdersTab", "请选择两条以上的药品草稿再成组 (Ctrl+G)"))
            return
        self._select_ids = [r.id for r in rows]
        self._run(lambda d, f: ops.group_drafts(
            self.ctx, self.user, self.encounter_id, tuple(r.id for r in rows),
            tuple(int(r.version) for r in rows), d, f), seen=rows[0],
            done_text=translate("OrdersTab", "已成组 {n} 条医嘱").format(n=len(rows)))

    @staticmethod
    def _group_of(rows: list[Any]) -> Optional[tuple[str, int]]:
        """(group id, the group row's version) when the selection lies in one draft group."""
        groups = {(r.group_id, r.group_version) for r in rows}
        if len(groups) != 1 or any(r.status != "draft" for r in rows):
            return None
        group_id, version = next(iter(groups))
        if not group_id or version is None:
            return None
        return str(group_id), int(version)

    def ungroup_selected(self) -> None:
        """Ctrl+Shift+G: the selected draft's group comes apart (UngroupDrafts, the group's version)."""
        rows = self.selected_rows()
        found = self._group_of(rows)
        if found is None:
            self.set_status(translate("OrdersTab", "请选择一个成组的草稿再拆组 ({key})").format(key=keys.UNGROUP))  # noqa: E501
            return
        group_id, version = found
        members = [r for r in self.model.rows() if r.group_id == group_id]
        self._select_ids = [r.id for r in members]
        self._run(lambda d, f: ops.ungroup_drafts(self.ctx, self.user, group_id, version, d, f),
                  seen=rows[0], done_text=translate("OrdersTab", "已拆组 {n} 条医嘱").format(n=len(members)))

    # ---- order sets (组套)
    def open_apply_set(self) -> None:
        """F4: the sets this doctor may use; the ticked items become drafts (then F9)."""
        from ui.orders.sets import ApplySetDialog

        if not getattr(self.user, "can", lambda _p: False)(ENTER_PERMISSION):
            return
        dialog = ApplySetDialog(self)

        def loaded(sets: Any) -> None:
            if is_alive(dialog):
                dialog.set_sets(list(sets))

        def failed(failure: Any) -> None:
            if is_alive(dialog):
                dialog.load_failed(error_text(failure.error))

        def apply(view: Any, item_ids: Any) -> None:
            ids = tuple(str(i) for i in item_ids)
            order_ids = tuple(ops.new_order_id() for _ in ids)
            self._select_ids = list(order_ids)
            self._run(lambda d, f: ops.apply_order_set(self.ctx, self.user, self.encounter_id, view.id, ids,
                                                       order_ids, d, f),
                      dialog=dialog, done_text=translate(
                          "OrdersTab", "已从组套“{name}”生成 {n} 条草稿，按 F9 审核签署").format(
                              name=view.name, n=len(ids)))

        dialog.apply_requested.connect(apply)
        self._open(dialog)
        ops.load_order_sets(self.ctx, str(self.user.id), loaded, failed)

    def open_save_set(self) -> None:
        """Ctrl+Shift+S: the selected orders' content as a set (a name, a scope)."""
        from app.errors import PermissionDenied
        from ui.orders.sets import SaveSetDialog

        rows = [r for r in self.selected_rows() if r.category != "line"]
        if not rows:
            self.set_status(translate("OrdersTab", "请先选择要存为组套的医嘱"))
            return
        dialog = SaveSetDialog([f"{r.group_mark}{r.content}" for r in rows], self)

        def submitted(name: str, scope: str) -> None:
            def done(_changes: Any) -> None:
                if is_alive(self):
                    self.set_status(translate("OrdersTab", "已存为组套：{name}").format(name=name))
                if is_alive(dialog):
                    dialog.accept()

            def failed(failure: Any) -> None:
                if not is_alive(self):
                    return
                if isinstance(failure.error, PermissionDenied) and scope == "hospital" and is_alive(dialog):
                    dialog.show_error(translate("OrdersTab", "全院组套只能由管理员保存：{reason}").format(
                        reason=error_text(failure.error)))
                    return
                self.show_failure(failure, dialog=dialog)

            ops.save_order_set(self.ctx, self.user, name, scope, tuple(r.id for r in rows), done, failed)

        dialog.submitted.connect(submitted)
        self._open(dialog)

    # ---- red-line orders (术后/分娩/转入/转出/重整医嘱)
    def open_line_menu(self) -> None:
        """F11: a menu of the red-line kinds (Up/Down Enter, or its digit)."""
        from app.domain.orders import LINE_KINDS
        from ui.orders.texts import line_kind_text

        if not getattr(self.user, "can", lambda _p: False)(ENTER_PERMISSION):
            return
        menu = QMenu(self)
        menu.setObjectName("redLineMenu")
        for n, kind in enumerate(LINE_KINDS, start=1):
            action = menu.addAction(f"&{n} {line_kind_text(kind)}")
            action.setObjectName("line_" + kind)
            action.triggered.connect(lambda _c=False, k=kind: self.save_line(k))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.aboutToHide.connect(self._line_menu_closed)
        self.line_menu = menu
        if self.stack.currentWidget() is not self.table:
            self.stack.setCurrentWidget(self.table)
        rect = self.table.visualRect(self.table.currentIndex())
        pos = rect.bottomLeft() if rect.isValid() else QPoint(8, 8)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        if menu.actions():
            menu.setActiveAction(menu.actions()[0])

    def _line_menu_closed(self) -> None:
        """The keyboard goes back to the orders (the popup took it)."""
        self.line_menu = None
        QTimer.singleShot(0, self._focus_table)

    def _focus_table(self) -> None:
        if is_alive(self):
            self.window().activateWindow()
            self.table.setFocus()

    def save_line(self, kind: str) -> None:
        """The heading as a 长期 'line' draft; F9 signs it (and the service stops what is above)."""
        from app.services.order_commands import OrderFields
        from ui.orders.texts import LINE_HEADINGS

        heading = LINE_HEADINGS.get(kind, kind)
        order_id = ops.new_order_id()
        fields = OrderFields(term=TERM_LONG, category="line", content=heading, line_kind=kind)
        self._select_ids = [order_id]
        self._run(lambda d, f: ops.save_draft(self.ctx, self.user, self.encounter_id, order_id, 0, fields,
                                              d, f),
                  done_text=translate("OrdersTab", "已开{heading}（草稿）：按 F9 签署，签署后其上的 {n} 条长期医嘱停止")  # noqa: E501
                  .format(heading=heading, n=len(self.stopped_by_line(None))))

    def stopped_by_line(self, line: Optional[Any]) -> list[Any]:
        """The long orders a red line would stop when signed (as the service does: started before
        it, signed and not yet stopped, not among the orders signed with it)."""
        from datetime import datetime, timezone

        at = line.start_at if line is not None else datetime.now(timezone.utc)
        signing = {r.id for r in self.drafts()}
        return [r for r in self.model.rows() if r.term == TERM_LONG and r.category != "line"
                and r.status in ("submitted", "verified", "active") and r.start_at < at
                and r.id not in signing]

    # ---- lifecycle steps on the selection
    def discard_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.status == "draft"]
        for row in rows:
            self._discard(row)

    def _discard(self, row: Any) -> None:
        self._run(lambda d, f: ops.discard_draft(self.ctx, self.user, row.id, int(row.version), d, f),
                  seen=row, done_text=translate("OrdersTab", "已删除草稿"))

    def withdraw_selected(self) -> None:
        row = self._need_one()
        if row is None:
            return
        self._run(lambda d, f: ops.order_action(self.ctx, self.user, "withdraw", row.id, int(row.version),
                                                on_done=d, on_error=f),
                  seen=row, done_text=translate("OrdersTab", "已撤回为草稿"))

    def verify_selected(self) -> None:
        row = self._need_one()
        if row is None:
            return
        self._run(lambda d, f: ops.order_action(self.ctx, self.user, "verify", row.id, int(row.version),
                                                on_done=d, on_error=f),
                  seen=row, done_text=translate("OrdersTab", "已审核"))

    def confirm_stop_selected(self) -> None:
        row = self._need_one()
        if row is None:
            return
        self._run(lambda d, f: ops.order_action(self.ctx, self.user, "confirm_stop", row.id,
                                                int(row.version), on_done=d, on_error=f),
                  seen=row, done_text=translate("OrdersTab", "已确认停止"))

    def approve_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.status == "pending_approval"]
        if not rows:
            return
        self._run(lambda d, f: ops.approve_orders(self.ctx, self.user, tuple(r.id for r in rows),
                                                  tuple(int(r.version) for r in rows), d, f),
                  seen=rows[0], done_text=translate("OrdersTab", "已审批"))

    def ask_action(self, kind: str) -> None:
        """停止 (a time), 作废 or 退回 (a reason): a small dialog, then the command."""
        from ui.orders.dialogs import ActionDialog

        row = self._need_one()
        if row is None:
            return
        dialog = ActionDialog(kind, f"{row.group_mark}{row.content}", self)
        texts = {"stop": translate("OrdersTab", "已停止，待护士确认"),
                 "void": translate("OrdersTab", "已作废"), "return": translate("OrdersTab", "已退回医生")}

        def submitted(value: Any) -> None:
            stop_at = value if kind == "stop" else None
            reason = None if kind == "stop" else str(value)
            self._run(lambda d, f: ops.order_action(self.ctx, self.user, kind, row.id, int(row.version),
                                                    reason=reason, stop_at=stop_at, on_done=d, on_error=f),
                      seen=row, dialog=dialog, done_text=texts.get(kind, ""))

        dialog.submitted.connect(submitted)
        self._open(dialog)

    def open_review(self) -> None:
        """F9: always opens, on every draft of this patient."""
        from ui.orders.review import ReviewDialog

        drafts = self.drafts()
        lines = [r for r in drafts if r.category == "line"]
        stops = self.stopped_by_line(min(lines, key=lambda r: r.start_at)) if lines else []
        dialog = ReviewDialog(self.ctx, self.user, self.encounter_id, drafts, self._review_failure, self,
                              stops=stops)
        dialog.signed.connect(lambda _c: self.set_status(
            translate("OrdersTab", "已签署 {n} 条医嘱").format(n=len(drafts))))
        self._open(dialog)

    def _review_failure(self, failure: Any, dialog: Any) -> bool:
        return self.show_failure(failure, dialog=dialog, signing=True)

    def show_history(self) -> None:
        from ui.orders.dialogs import HistoryDialog

        row = self._need_one()
        if row is None:
            return

        def shown(events: Any) -> None:
            if is_alive(self):
                self._open(HistoryDialog(f"{row.group_mark}{row.content}", list(events), self))

        def failed(failure: Any) -> None:
            if is_alive(self):
                self.show_failure(failure)

        ops.load_history(self.ctx, row.id, shown, failed)

    # ---- dialogs: opened with open(), the keyboard back to the orders when they close
    def show_results(self) -> None:
        """检验检查结果: the stay's own results beside the external reports (结果互认)."""
        from ui.orders.results import ResultsDialog

        if not all(hasattr(self.ctx.backend, name) for name in ("read", "execute")):
            return
        page: Any = self.parent()
        while page is not None and not hasattr(page, "header_widget"):
            page = page.parent()
        header = page.header_widget.header if page is not None else None
        self._open(ResultsDialog(self.ctx, self.user, self.encounter_id, getattr(header, "name", ""), self))

    def _open(self, dialog: Any) -> None:
        self._dialogs = [d for d in self._dialogs if is_alive(d) and d.isVisible()] + [dialog]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _r: self._dialog_closed())
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()             # the keyboard goes to the dialog at once

    def _dialog_closed(self) -> None:
        if not is_alive(self):
            return
        self.window().activateWindow()
        if self.entry.isVisible() and self.entry.has_content():
            return                           # focus returns to the row being typed
        self.table.setFocus()

    # ---- errors: each kind its one treatment (STYLE.md rule 8)
    def show_failure(self, failure: Any, seen: Any = None, dialog: Any = None, in_entry: bool = False,
                     signing: bool = False) -> bool:
        from app.errors import (
            ConflictError,
            NeedsAcknowledgement,
            OfflineError,
            PermissionDenied,
            ValidationError,
        )

        error = failure.error
        text = error_text(error)
        if isinstance(error, ValidationError):
            field = str(error.params.get("field", "") or "")
            if dialog is not None and is_alive(dialog) and hasattr(dialog, "show_error"):
                dialog.show_error(text)
            elif in_entry:
                self.entry.show_error(field or "content", text)
            else:
                self.set_status(text, error=True)
            return True
        if isinstance(error, (PermissionDenied, NeedsAcknowledgement)):
            if dialog is not None and is_alive(dialog) and hasattr(dialog, "show_error"):
                dialog.show_error(text)
            elif in_entry:
                self.entry.show_note(text)
            else:
                self.set_status(text, error=True)
            return True
        if isinstance(error, ConflictError):
            from ui.orders.dialogs import ConflictDialog

            if dialog is not None and is_alive(dialog):
                dialog.reject()
            current = error.params.get("current")
            self._open(ConflictDialog(seen, current if isinstance(current, dict) else None, self))
            self.set_status(text, error=True)
            self.reload()
            return True
        if isinstance(error, OfflineError):
            offline = translate("OrdersTab", "未连接数据库，医嘱已保留为草稿/未签署")
            if in_entry:
                self.entry.show_note(translate("OrdersTab", "未连接数据库，本条医嘱未保存，录入内容已保留"))
            if dialog is not None and is_alive(dialog) and not signing and hasattr(dialog, "show_error"):
                dialog.show_error(offline)
            self.set_status(offline, error=True)
            return True
        if dialog is not None and is_alive(dialog) and hasattr(dialog, "show_error"):
            dialog.show_error(text)
        self.ctx.runner.failed.emit(failure)      # a bug: the error box with its details
        return False

    def set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #c62828; font-weight: bold;" if error else "color: #1a7f37;")

