"""The ward's skin tests (皮试) on the nurse's workstation: due (a verified 皮试 order), running
(placed: a timer counts down to the reading time, red when it is due) and read (the last 24 h;
positive red, negative blue). Ctrl+E places the current due test (its batch number); Ctrl+J reads
the current running one (negative / positive, with the second nurse who read it). A positive
result is an allergy at once: the Changes it sends refresh the header and the bed cards, and the
drug's items on the execution list are blocked.
"""
from __future__ import annotations

from typing import Any, Optional

from ui import shortcuts as keys
from ui.nurse import dialogs
from ui.operations import OpContext
from ui.operations import nurse as ops
from ui.qt import (
    QAbstractItemView,
    QAction,
    QBrush,
    QColor,
    QHeaderView,
    QKeySequence,
    QLabel,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.table_model import RowsTableModel

COL_STATE, COL_BED, COL_NAME, COL_MRN, COL_SUBSTANCE, COL_BATCH, COL_TESTED, COL_READ, COL_RESULT, COL_BY = range(10)  # noqa: E501


def _time(value: Any) -> str:
    return value.astimezone().strftime("%H:%M") if value is not None else ""


def countdown(item: Any, now: Any) -> str:
    if item.read_due_at is None:
        return ""
    left = int((item.read_due_at - now).total_seconds())
    if left <= 0:
        return translate("NurseSkin", "可判读")
    return translate("NurseSkin", "观察中 {m:02d}:{s:02d}").format(m=left // 60, s=left % 60)


class SkinModel(RowsTableModel[Any]):
    column_count = 10

    def header_text(self, column: int) -> str:
        return {COL_STATE: translate("NurseSkin", "状态"), COL_BED: translate("NurseSkin", "床号"),
                COL_NAME: translate("NurseSkin", "姓名"), COL_MRN: translate("NurseSkin", "住院号"),
                COL_SUBSTANCE: translate("NurseSkin", "皮试药物"), COL_BATCH: translate("NurseSkin", "批号"),
                COL_TESTED: translate("NurseSkin", "皮试时间"), COL_READ: translate("NurseSkin", "判读时间"),
                COL_RESULT: translate("NurseSkin", "结果"),
                COL_BY: translate("NurseSkin", "护士/核对")}.get(column, "")

    def _data(self, r: Any, col: int, role: int) -> Any:
        from app.clock import utcnow

        if role == Qt.ItemDataRole.DisplayRole:
            state = {"due": translate("NurseSkin", "待皮试"), "read": translate("NurseSkin", "已判读"),
                     "running": countdown(r, utcnow())}.get(r.kind, "")
            result = {"positive": translate("NurseSkin", "阳性（+）"),
                      "negative": translate("NurseSkin", "阴性（−）")}.get(r.result or "", "")
            by = r.read_by_name + (f"/{r.checked_by_name}" if r.checked_by_name else "") if r.kind == "read" \
                else r.tested_by_name
            return {COL_STATE: state, COL_BED: r.bed_no, COL_NAME: r.patient_name, COL_MRN: r.mrn,
                    COL_SUBSTANCE: r.substance, COL_BATCH: r.batch_no or "", COL_TESTED: _time(r.tested_at),
                    COL_READ: _time(r.read_at or r.read_due_at), COL_RESULT: result, COL_BY: by}.get(col, "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.result == "positive" or (r.kind == "running" and col == COL_STATE
                                          and r.read_due_at is not None and r.read_due_at <= utcnow()):
                return QBrush(QColor("#c62828"))
            if r.result == "negative" and col == COL_RESULT:
                return QBrush(QColor("#1565c0"))
        return None


class SkinTestPanel(QWidget):
    WATCHES = ("order", "skin_test", "allergy")

    def __init__(self, ctx: OpContext, user: Any, origin: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.origin = origin
        self.ward_id = ""
        self.model = SkinModel(self)
        self.table = QTableView()
        self.table.setObjectName("skin_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("skin_status")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.table)
        for key, shortcut, handler in (("start", keys.SKIN_START, self.start_current),
                                       ("read", keys.SKIN_READ, self.read_current)):
            action = QAction(self)
            action.setObjectName("skin_" + key)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        rows = self.model.rows()
        if any(r.kind == "running" for r in rows) and self.isVisible():
            self.model.dataChanged.emit(self.model.index(0, COL_STATE), self.model.index(len(rows) - 1, COL_STATE))  # noqa: E501

    def set_ward(self, ward_id: str) -> None:
        self.ward_id = ward_id
        self.reload()

    def reload(self) -> None:
        if not self.ward_id:
            return
        ward_id = self.ward_id

        def done(items: Any) -> None:
            if ward_id == self.ward_id:
                self.model.set_rows(list(items))
                if self.model.rowCount():
                    self.table.selectRow(0)

        ops.load_skin_tests(self.ctx, ward_id, done, self._failed)

    def current(self) -> Optional[Any]:
        index = self.table.currentIndex()
        rows = self.model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def start_current(self) -> None:
        from app.clock import utcnow

        item = self.current()
        if item is None or item.kind != "due":
            self.set_status(translate("NurseSkin", "请选择待皮试的一项"))
            return
        dialog = dialogs.batch_dialog(f"{item.bed_no} {item.patient_name} {item.substance}", self)

        def submitted(values: Any) -> None:
            def done(_c: Any) -> None:
                dialog.accept()
                self.set_status(translate("NurseSkin", "已开始皮试：{name} {substance}").format(
                    name=item.patient_name, substance=item.substance))
                self.reload()

            ops.start_skin_test(self.ctx, self.user, item.order_id, item.order_version, values["batch"],
                                utcnow(), self.origin, done, lambda f: dialog.show_error(self._text(f)))

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def read_current(self) -> None:
        from app.clock import utcnow

        item = self.current()
        if item is None or item.kind != "running":
            self.set_status(translate("NurseSkin", "请选择观察中的皮试"))
            return
        dialog = dialogs.reading_dialog(f"{item.bed_no} {item.patient_name} {item.substance}", self)

        def submitted(values: Any) -> None:
            def found(ref: Any) -> None:
                if ref is None:
                    dialog.show_error(translate("NurseSkin", "没有此工号"))
                    return

                def done(_c: Any) -> None:
                    dialog.accept()
                    self.set_status(translate("NurseSkin", "已判读：{name} {substance}").format(
                        name=item.patient_name, substance=item.substance))
                    self.reload()

                ops.read_skin_test(self.ctx, self.user, item.test_id, item.test_version, values["result"],
                                   utcnow(), ref.id, self.origin, done,
                                   lambda f: dialog.show_error(self._text(f)))

            ops.confirm_second(self.ctx, values["second"], values["password"], found,
                               lambda f: dialog.show_error(self._text(f)))

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _text(self, failure: Any) -> str:
        from ui.messages import error_text

        return str(error_text(failure.error))

    def _failed(self, failure: Any) -> None:
        if not hasattr(failure.error, "message_id"):
            self.ctx.runner.failed.emit(failure)
            return
        self.set_status(self._text(failure))
