"""The ward's verification queue (医嘱审核/校对) on the nurse's workstation.

Keyboard (fixed by issue 13, listed in Help ▸ 快捷键 from ui/shortcuts.py): ↑ ↓ move, Space
ticks the current order (its whole group), F9 verifies the ticked new and changed orders. The
batch stops on a high-alert drug (高警示, CLINICAL.md §7): the orders before it are verified, it
is marked red and selected, and a second F9 on it is the second look that verifies it and goes
on with the rest. Ctrl+Shift+R returns the current order to the doctor with a reason;
Ctrl+Shift+C confirms the ticked (or the current) stopped orders and acknowledges voided ones.
"""
from __future__ import annotations

from typing import Any, Optional

from ui import shortcuts as keys
from ui.operations import OpContext
from ui.operations import nurse as ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QBrush,
    QColor,
    QEvent,
    QFont,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QObject,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.table_model import RowsTableModel

COL_TICK, COL_BED, COL_NAME, COL_MRN, COL_KIND, COL_TERM, COL_CONTENT, COL_ALERT, COL_BY, COL_AT = range(10)
VERIFIABLE = ("new", "changed")
RED = QColor("#c62828")


def kind_text(kind: str) -> str:
    return {"new": translate("NurseQueue", "新开"), "changed": translate("NurseQueue", "修改后重签"),
            "stop": translate("NurseQueue", "停止"), "void": translate("NurseQueue", "作废")}.get(kind, kind)


class QueueModel(RowsTableModel[Any]):
    column_count = 10

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.ticked: set[str] = set()
        self.awaiting: Optional[str] = None      # the high-alert order the batch stopped on

    def set_rows(self, rows: list[Any]) -> None:
        ids = {r.order_id for r in rows}
        self.ticked &= ids
        if self.awaiting not in ids:
            self.awaiting = None
        super().set_rows(rows)

    def header_text(self, column: int) -> str:
        return {COL_TICK: "✓", COL_BED: translate("NurseQueue", "床号"),
                COL_NAME: translate("NurseQueue", "姓名"), COL_MRN: translate("NurseQueue", "住院号"),
                COL_KIND: translate("NurseQueue", "类别"), COL_TERM: translate("NurseQueue", "长/临"),
                COL_CONTENT: translate("NurseQueue", "医嘱内容"),
                COL_ALERT: translate("NurseQueue", "高警示"),
                COL_BY: translate("NurseQueue", "医生"), COL_AT: translate("NurseQueue", "时间"),
                }.get(column, "")

    def first_of_patient(self, row: int) -> bool:
        return row == 0 or self._rows[row - 1].encounter_id != self._rows[row].encounter_id

    def toggle(self, row: int) -> None:
        """Tick or untick the order and every member of its group."""
        item = self._rows[row]
        members = {r.order_id for r in self._rows
                   if r.order_id == item.order_id or (item.group_id and r.group_id == item.group_id)}
        if item.order_id in self.ticked:
            self.ticked -= members
        else:
            self.ticked |= members
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.column_count - 1))

    def ticked_rows(self) -> list[Any]:
        return [r for r in self._rows if r.order_id in self.ticked]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._rows):
                return None
            return self._cell(index.row(), index.column(), role)
        except Exception:
            return None

    def _cell(self, n: int, col: int, role: int) -> Any:
        r = self._rows[n]
        if role == Qt.ItemDataRole.DisplayRole:
            first = self.first_of_patient(n)
            from ui.formatting import local_datetime

            return {
                COL_TICK: "☑" if r.order_id in self.ticked else "☐",
                COL_BED: r.bed_no if first else "", COL_NAME: r.patient_name if first else "",
                COL_MRN: r.mrn if first else "", COL_KIND: kind_text(r.kind),
                COL_TERM: (translate("NurseQueue", "长期") if r.term == "long"
                           else translate("NurseQueue", "临时")),
                COL_CONTENT: r.content + (f"（{r.reason}）" if r.reason else ""),
                COL_ALERT: translate("NurseQueue", "高警示") if r.high_alert else "",
                COL_BY: r.signed_by_name,
                COL_AT: local_datetime(r.signed_at),
            }.get(col, "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.high_alert and col in (COL_CONTENT, COL_ALERT):
                return QBrush(RED)
            if r.urgent and col == COL_KIND:
                return QBrush(RED)
        if role == Qt.ItemDataRole.BackgroundRole and r.order_id == self.awaiting:
            return QBrush(QColor("#ffebee"))
        if role == Qt.ItemDataRole.FontRole and (r.urgent or r.order_id == self.awaiting):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and r.urgent:
            return translate("NurseQueue", "紧急（st/抢救）")
        return None


class QueuePanel(QWidget):
    """The queue table, its keys and the status line under it."""

    count_changed = Signal(int)

    def __init__(self, ctx: OpContext, user: Any, origin: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.origin = origin
        self.ward_id = ""
        self.busy = False
        self.model = QueueModel(self)
        self.table = QTableView()
        self.table.setObjectName("nurse_queue")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("nurse_queue_status")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.table)
        self.actions_by_key: dict[str, QAction] = {}
        for key, shortcut, handler in (("verify", keys.NURSE_VERIFY, self.verify_ticked),
                                       ("return", keys.RETURN, self.return_current),
                                       ("confirm", keys.CONFIRM_STOP, self.confirm_ticked)):
            action = QAction(self)
            action.setObjectName("nurse_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
            self.actions_by_key[key] = action

    # ---- data
    def set_ward(self, ward_id: str) -> None:
        self.ward_id = ward_id
        self.reload()

    def reload(self) -> None:
        if not self.ward_id:
            return
        ward_id = self.ward_id

        def done(items: Any) -> None:
            if ward_id != self.ward_id:
                return
            current = self.current()
            self.model.set_rows(list(items))
            self.count_changed.emit(self.model.rowCount())
            self._restore(current.order_id if current is not None else None)

        ops.load_queue(self.ctx, ward_id, done, self._failed)

    def _restore(self, order_id: Optional[str]) -> None:
        rows = self.model.rows()
        target = self.model.awaiting or order_id
        for n, r in enumerate(rows):
            if r.order_id == target:
                self.table.selectRow(n)
                return
        if rows:
            self.table.selectRow(0)

    def current(self) -> Optional[Any]:
        index = self.table.currentIndex()
        rows = self.model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    # ---- keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event: Any = event
            if isinstance(key_event, QKeyEvent) and key_event.key() == Qt.Key.Key_Space:
                index = self.table.currentIndex()
                if index.isValid():
                    self.model.toggle(index.row())
                return True
        return super().eventFilter(watched, event)

    def verify_ticked(self) -> None:
        """F9: the ticked new/changed orders (or the current one), stopping on a high alert."""
        if self.busy:
            return
        rows = [r for r in self.model.ticked_rows() if r.kind in VERIFIABLE]
        current = self.current()
        if not rows and current is not None and current.kind in VERIFIABLE:
            rows = [current]
        if not rows:
            self.set_status(translate("NurseQueue", "请用空格勾选要审核的新开医嘱"))
            return
        confirmed: list[str] = []
        batch: list[Any] = []
        stopped_on: Optional[Any] = None
        groups_confirmed: set[str] = set()
        for r in rows:
            if r.high_alert and r.order_id not in confirmed and (r.group_id or "") not in groups_confirmed:
                if r.order_id == self.model.awaiting:
                    confirmed.append(r.order_id)          # this F9 is the second look
                    if r.group_id:
                        groups_confirmed.add(r.group_id)
                else:
                    stopped_on = r
                    break
            elif r.high_alert:
                confirmed.append(r.order_id)
            batch.append(r)
        if stopped_on is not None:
            self.model.awaiting = stopped_on.order_id
        if not batch:
            self._stop_on(stopped_on)
            return
        self.busy = True

        def done(_changes: Any) -> None:
            self.busy = False
            for r in batch:
                self.model.ticked.discard(r.order_id)
            if stopped_on is None:
                self.model.awaiting = None
            text = translate("NurseQueue", "已审核 {n} 条医嘱").format(n=len(batch))
            if stopped_on is not None:
                text += "；" + self._second_look_text(stopped_on)
            self.set_status(text)
            self.reload()

        ops.verify(self.ctx, self.user, tuple(r.order_id for r in batch),
                   tuple(int(r.version) for r in batch), tuple(confirmed), self.origin, done,
                   self._failed)

    def _second_look_text(self, item: Any) -> str:
        return translate("NurseQueue", "高警示药品，请再次核对：{bed}床 {name} {content}；核对无误再按 F9 审核").format(  # noqa: E501
            bed=item.bed_no, name=item.patient_name, content=item.content)

    def _stop_on(self, item: Optional[Any]) -> None:
        if item is None:
            return
        self.model.awaiting = item.order_id
        self._restore(item.order_id)
        self.model.retranslate()
        self.set_status(self._second_look_text(item))

    def return_current(self) -> None:
        """Ctrl+Shift+R: back to the doctor with a reason (she sees it in the orders tab)."""
        from ui.orders.dialogs import ActionDialog

        item = self.current()
        if item is None or item.kind not in VERIFIABLE:
            self.set_status(translate("NurseQueue", "只能退回待审核的新开医嘱"))
            return
        dialog = ActionDialog("return", item.content, self)

        def submitted(reason: Any) -> None:
            def done(_c: Any) -> None:
                dialog.accept()
                self.set_status(translate("NurseQueue", "已退回医生：{content}").format(content=item.content))
                self.reload()

            def failed(failure: Any) -> None:
                from ui.messages import error_text

                dialog.show_error(error_text(failure.error))

            ops.order_step(self.ctx, self.user, "return", item.order_id, int(item.version), self.origin,
                           reason=str(reason), on_done=done, on_error=failed)

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def confirm_ticked(self) -> None:
        """Ctrl+Shift+C: 确认停止 the ticked (or current) stopped orders; acknowledge voids."""
        rows = [r for r in self.model.ticked_rows() if r.kind in ("stop", "void")]
        current = self.current()
        if not rows and current is not None and current.kind in ("stop", "void"):
            rows = [current]
        seen: set[str] = set()
        todo = []
        for r in rows:
            if r.group_id and r.group_id in seen:
                continue
            seen.add(r.group_id or r.order_id)
            todo.append(r)
        if not todo:
            self.set_status(translate("NurseQueue", "请选择已停止或已作废的医嘱"))
            return
        self._confirm_next(todo, 0)

    def _confirm_next(self, todo: list[Any], done_count: int) -> None:
        if not todo:
            self.set_status(translate("NurseQueue", "已确认 {n} 条").format(n=done_count))
            self.reload()
            return
        item = todo[0]
        ops.order_step(self.ctx, self.user, item.kind, item.order_id, int(item.version), self.origin,
                       on_done=lambda _c: self._confirm_next(todo[1:], done_count + 1),
                       on_error=self._failed)

    # ---- messages
    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _failed(self, failure: Any) -> None:
        from ui.messages import error_text

        self.busy = False
        if not hasattr(failure.error, "message_id"):
            self.ctx.runner.failed.emit(failure)
            return
        self.set_status(error_text(failure.error))
        self.reload()
