"""离线冲突: a ward-level tab listing what this ward's PCs typed through an outage and the server
refused on replay, each with both versions side by side (what was typed offline | what the server
holds now, differing fields in red). A licensed user settles each one with a reason: keep the
server's version (Ctrl+D; the offline change stays on record) or submit the offline change again
on the current version (Ctrl+R; the same checks run). Nothing leaves the list unresolved.
"""
from __future__ import annotations

import html
from datetime import datetime
from typing import Any, Optional

from ui.formatting import acuity_text, grade_text, local_datetime
from ui.messages import error_text, message_text
from ui.nurse.dialogs import NurseDialog
from ui.operations import conflicts as ops
from ui.orders.texts import status_text
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.shortcuts import CONFLICT_KEEP_SERVER, CONFLICT_REAPPLY
from ui.table_model import RowsTableModel

COL_BED, COL_NAME, COL_KIND, COL_WHAT, COL_REASON, COL_BY, COL_AT = range(7)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def command_label(command_type: str) -> str:
    return {
        "SetAcuity": translate("Conflicts", "病情（病危/病重）"),
        "SetNursingGrade": translate("Conflicts", "护理级别"),
        "RecordAllergy": translate("Conflicts", "过敏记录"),
        "SetAllergyStatus": translate("Conflicts", "过敏状态"),
        "MoveBed": translate("Conflicts", "换床"),
        "RecordExecution": translate("Conflicts", "医嘱执行"),
        "VerifyOrders": translate("Conflicts", "医嘱审核"),
        "SaveDocDraft": translate("Conflicts", "病历草稿"),
        "RecordVitals": translate("Conflicts", "体征录入"),
    }.get(command_type, command_type)


def field_label(name: str) -> str:
    return {
        "acuity": translate("Conflicts", "病情"), "nursing_grade": translate("Conflicts", "护理级别"),
        "substance": translate("Conflicts", "过敏物"), "status": translate("Conflicts", "状态"),
        "version": translate("Conflicts", "版本"), "base_version": translate("Conflicts", "录入时所见版本"),
        "updated_at": translate("Conflicts", "最后修改时间"), "reason": translate("Conflicts", "理由"),
        "content": translate("Conflicts", "内容"), "kind": translate("Conflicts", "类别"),
        "at": translate("Conflicts", "时间"), "note": translate("Conflicts", "备注"),
    }.get(name, name)


def status_value(command_type: str, value: str) -> str:
    """A row's status in words: the same code means different things on a stay, an allergy, an
    order or a document."""
    if command_type in ("RecordExecution", "VerifyOrders"):
        return status_text(value)
    if command_type in ("RecordAllergy", "SetAllergyStatus"):
        names = {"active": translate("Conflicts", "有效"), "refuted": translate("Conflicts", "已排除"),
                 "error": translate("Conflicts", "录入错误")}
    elif command_type == "SaveDocDraft":
        names = {"draft": translate("Conflicts", "草稿"), "signed": translate("Conflicts", "已签名"),
                 "cosigned": translate("Conflicts", "已审签"), "amended": translate("Conflicts", "已修订"),
                 "voided": translate("Conflicts", "已作废")}
    else:
        names = {"admitted": translate("Conflicts", "在院"), "discharged": translate("Conflicts", "已出院"),
                 "transferred": translate("Conflicts", "已转科"), "deceased": translate("Conflicts", "死亡")}
    return names.get(value, value)


def value_text(name: str, value: str, command_type: str = "") -> str:
    if name == "status":
        return status_value(command_type, value)
    if name == "acuity":
        return acuity_text(value) or value
    if name == "nursing_grade" and value.isdigit():
        return grade_text(int(value))
    if name.endswith("_at") and value:
        try:
            return local_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


class ConflictModel(RowsTableModel[Any]):
    column_count = 7

    def header_text(self, column: int) -> str:
        return {COL_BED: translate("Conflicts", "床号"), COL_NAME: translate("Conflicts", "姓名"),
                COL_KIND: translate("Conflicts", "类别"), COL_WHAT: translate("Conflicts", "内容"),
                COL_REASON: translate("Conflicts", "服务器的答复"), COL_BY: translate("Conflicts", "录入人"),
                COL_AT: translate("Conflicts", "离线录入时间")}.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        kind = translate("Conflicts", "冲突") if row.kind == "conflict" else translate("Conflicts", "被拒绝")
        return {COL_BED: row.bed_no, COL_NAME: row.patient_name, COL_KIND: kind,
                COL_WHAT: command_label(row.command_type),
                COL_REASON: message_text(row.reason, row.reason_params), COL_BY: row.actor_name,
                COL_AT: local_datetime(row.device_time)}.get(col)


def _pane(title: str, fields: tuple[tuple[str, str], ...], differs: set[str], command_type: str) -> str:
    red = "color:#c62828;font-weight:bold"
    rows = "".join(
        f"<tr><td style='color:#57606a'>{html.escape(field_label(k))}</td>"
        f"<td style='{red if k in differs else ''}'>{html.escape(value_text(k, v, command_type))}</td></tr>"
        for k, v in fields)
    none = html.escape(translate("Conflicts", "（无）"))
    empty = f"<tr><td>{none}</td></tr>"
    return f"<h4>{html.escape(title)}</h4><table cellspacing='4'>{rows or empty}</table>"


class ConflictsPage(QWidget):
    def __init__(self, ctx: Any, user: Any, ward_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.ward_id = ctx, user, ward_id
        self.loaded = False
        self.busy = False
        self.origin = f"conflicts-{id(self)}"
        self.model = ConflictModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("conflictsSummary")
        self.table = QTableView()
        self.table.setObjectName("conflictList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.mine = QTextBrowser()
        self.mine.setObjectName("conflictMine")
        self.theirs = QTextBrowser()
        self.theirs.setObjectName("conflictTheirs")
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.mine)
        panes.addWidget(self.theirs)
        self.keep_button = QPushButton()
        self.keep_button.clicked.connect(lambda: self.resolve("discard"))
        self.reapply_button = QPushButton()
        self.reapply_button.clicked.connect(lambda: self.resolve("reapply"))
        for key, kind in ((CONFLICT_KEEP_SERVER, "discard"), (CONFLICT_REAPPLY, "reapply")):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda k=kind: self.resolve(k))
        self.message = QLabel()
        self.message.setObjectName("conflictsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.reapply_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(panes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        ctx.runner.changes.connect(self._changes)
        self.retranslate()

    # ---- read
    def reload(self) -> None:
        def done(items: Any) -> None:
            if not is_alive(self):
                return
            self.loaded = True
            rows = list(items)
            self.model.set_rows(rows)
            self.summary.setText(translate("Conflicts", "待处理的离线冲突：{n} 条").format(n=len(rows)))
            if rows:
                self.table.selectRow(0)
            self._show_current()

        def failed(failure: Any) -> None:
            if is_alive(self):
                self.message.setText(error_text(failure.error))

        ops.load(self.ctx, self.ward_id, done, failed)

    def current(self) -> Optional[Any]:
        index = self.table.currentIndex()
        return self.model.data(self.model.index(index.row(), 0), ROW_ROLE) if index.isValid() else None

    def _show_current(self) -> None:
        item = self.current()
        self.keep_button.setEnabled(item is not None)
        self.reapply_button.setEnabled(item is not None and item.can_reapply)
        if item is None:
            self.mine.clear()
            self.theirs.clear()
            return
        theirs = dict(item.theirs)
        differs = {k for k, v in item.mine if k in theirs and theirs[k] != v}
        by = translate("Conflicts", "{name} 于 {at} 离线录入").format(
            name=item.actor_name, at=local_datetime(item.device_time))
        self.mine.setHtml(_pane(translate("Conflicts", "离线录入的内容") + f" · {by}", item.mine, differs,
                                item.command_type))
        self.theirs.setHtml(_pane(translate("Conflicts", "服务器当前的内容"), item.theirs, differs,
                                  item.command_type))

    # ---- write
    def resolve(self, resolution: str) -> None:
        item = self.current()
        if item is None or self.busy or (resolution == "reapply" and not item.can_reapply):
            return
        title = (translate("Conflicts", "保留服务器版本") if resolution == "discard"
                 else translate("Conflicts", "以离线内容重新提交"))
        dialog = NurseDialog(title, f"{item.bed_no} {item.patient_name} · {command_label(item.command_type)}",
                             self)
        dialog.add_line("reason", translate("Conflicts", "处理理由："))
        dialog.required = ("reason",)

        def submitted(values: Any) -> None:
            self.busy = True

            def done(_changes: Any) -> None:
                self.busy = False
                dialog.accept()
                if is_alive(self):
                    self.message.setText(translate("Conflicts", "已处理：{bed}床 {name}").format(
                        bed=item.bed_no, name=item.patient_name))
                    self.reload()

            def failed(failure: Any) -> None:
                self.busy = False
                dialog.show_error(error_text(failure.error))

            ops.resolve(self.ctx, self.user, item.op_id, resolution, values["reason"], done, failed,
                        self.origin)

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def _changes(self, changes: Any) -> None:
        if is_alive(self) and self.loaded and changes.origin != self.origin and changes.touches("op"):
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.reload()
        self.table.setFocus()

    def title(self) -> str:
        return translate("Conflicts", "离线冲突")

    def retranslate(self) -> None:
        self.model.retranslate()
        self.keep_button.setText(translate("Conflicts", "保留服务器版本 ({key})").format(
            key=CONFLICT_KEEP_SERVER))
        self.reapply_button.setText(translate("Conflicts", "以离线内容重新提交 ({key})").format(
            key=CONFLICT_REAPPLY))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
