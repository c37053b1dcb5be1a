"""医生交接班: the ward's handover list built from the data (new admissions, 病危/病重, post-op,
abnormal results, overdue records), I-PASS per patient, written by the handing doctor
(Ctrl+Enter) and acknowledged by the receiving doctor (Ctrl+Shift+Enter). A main-window tab
(Ctrl+Shift+H)."""
from __future__ import annotations

from typing import Any, Optional

from ui.formatting import list_text, local_datetime
from ui.messages import error_text
from ui.operations import records as ops
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.records.model import ROW_ROLE, doc_type_text
from ui.shortcuts import DOCTOR_HANDOVER_PRINT
from ui.table_model import RowsTableModel

COL_BED, COL_PATIENT, COL_REASONS, COL_SEVERITY = 0, 1, 2, 3
SEVERITIES = ("critical", "watcher", "stable")


def reason_text(code: str) -> str:
    return {"new": translate("Handover", "新入院"), "critical": translate("Handover", "病危"),
            "serious": translate("Handover", "病重"), "postop": translate("Handover", "术后"),
            "abnormal": translate("Handover", "异常结果"), "overdue": translate("Handover", "病历超时")
            }.get(code, code)


def severity_text(code: str) -> str:
    return {"critical": translate("Handover", "不稳定"), "watcher": translate("Handover", "需关注"),
            "stable": translate("Handover", "稳定")}.get(code, code)


class CandidateModel(RowsTableModel[Any]):
    column_count = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.severity: dict[str, str] = {}

    def header_text(self, column: int) -> str:
        return {COL_BED: translate("Handover", "床号"), COL_PATIENT: translate("Handover", "患者"),
                COL_REASONS: translate("Handover", "交班原因"), COL_SEVERITY: translate("Handover", "病情")
                }.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_BED: row.bed_no, COL_PATIENT: f"{row.patient_name} {row.mrn}",
                    COL_REASONS: list_text(reason_text(r) for r in row.reasons),
                    COL_SEVERITY: severity_text(self.severity.get(row.encounter_id, row.severity))}.get(col)
        return None


class HandoverPanel(QWidget):
    def __init__(self, ctx: Any, user: Any, ward_id: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.ward_id = ctx, user, ward_id
        self.loaded = False
        self.reads = 0
        self.latest: Any = None
        self.texts: dict[str, dict[str, str]] = {}
        self.takes: set[str] = set()              # 经治医师变更: the receiver takes these over
        self.current: Optional[str] = None
        self.model = CandidateModel(self)
        self.status = QLabel()
        self.status.setObjectName("handoverStatus")
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("handoverList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_REASONS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur.row()))
        self.severity = QComboBox()
        self.severity.setObjectName("handoverSeverity")
        for code in SEVERITIES:
            self.severity.addItem(severity_text(code), code)
        self.severity.currentIndexChanged.connect(lambda _i: self._keep())
        self.edits: dict[str, QPlainTextEdit] = {}
        self.takeover = QCheckBox(translate(
            "Handover", "经治医师变更：接班医师接管此患者（交班前写交班记录，接班后 24 小时内写接班记录）"))
        self.takeover.setObjectName("handoverTakeover")
        self.takeover.toggled.connect(lambda _on: self._keep())
        right = QWidget()
        form = QVBoxLayout(right)
        form.addWidget(QLabel(translate("Handover", "I 病情分级")))
        form.addWidget(self.severity)
        form.addWidget(self.takeover)
        for key, label in (("summary", translate("Handover", "P 病情摘要")),
                           ("actions", translate("Handover", "A 待办事项")),
                           ("awareness", translate("Handover", "S 注意事项及应对"))):
            edit = QPlainTextEdit()
            edit.setObjectName("handover_" + key)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._keep)
            form.addWidget(QLabel(label))
            form.addWidget(edit, 1)
            self.edits[key] = edit
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([520, 700])
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.print_dialog: Any = None
        for keys, handler in (("Ctrl+Return", self.hand_over), ("Ctrl+Shift+Return", self.take_over),
                              (DOCTOR_HANDOVER_PRINT, self.print_report)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)

    def print_report(self) -> None:
        """The ward's last doctors' report, in the print preview (as `print handover --doctor`)."""
        from ui.printing.handover_preview import DOCTORS, HandoverPrintPreview

        dialog = HandoverPrintPreview(self.ctx, self.user, self.ward_id, DOCTORS, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.print_dialog = dialog
        dialog.open()

    def reload(self) -> None:
        self.reads += 1

        def done(result: Any) -> None:
            if not is_alive(self):
                return
            candidates, latest = result
            self.loaded = True
            self.latest = latest
            if latest is not None and latest.status == "written":   # the receiver reads what was handed
                for e in latest.entries:
                    self.texts.setdefault(e.encounter_id, {"summary": e.summary, "actions": e.actions,
                                                           "awareness": e.awareness})
                    self.model.severity.setdefault(e.encounter_id, e.severity)
                    if e.takes_over:
                        self.takes.add(e.encounter_id)
            for c in candidates:
                summary = c.diagnosis
                if c.labs:
                    summary += "\n" + translate("Handover", "异常结果：{v}").format(v=list_text(c.labs))
                if c.overdue_docs:
                    summary += "\n" + translate("Handover", "超时病历：{v}").format(
                        v=list_text(doc_type_text(d) for d in c.overdue_docs))
                self.texts.setdefault(c.encounter_id, {"summary": summary, "actions": "", "awareness": ""})
                self.model.severity.setdefault(c.encounter_id, c.severity)
            self.model.set_rows(list(candidates))
            self._show_status()
            if self.model.rowCount():
                self.table.selectRow(0)

        ops.load_handover(self.ctx, self.ward_id, done, self._failed)

    def _show_status(self) -> None:
        h = self.latest
        if h is None:
            text = translate("Handover", "本病区尚无交班记录")
        elif h.status == "written":
            text = translate("Handover", "{who} {at} 交班，待接班（Ctrl+Shift+Enter 接班）").format(
                who=h.from_name, at=local_datetime(h.handed_at))
        else:
            text = translate("Handover", "{who} {at} 交班，{taker} {ack} 已接班").format(
                who=h.from_name, at=local_datetime(h.handed_at), taker=h.ack_name,
                ack=local_datetime(h.ack_at))
        self.status.setText(text + "  ·  " + translate("Handover", "{n} 位患者，Ctrl+Enter 交班").format(
            n=self.model.rowCount()))

    def _select(self, row: int) -> None:
        rows = self.model.rows()
        if not 0 <= row < len(rows):
            return
        self.current = None
        enc = rows[row].encounter_id
        texts = self.texts.get(enc, {})
        for key, edit in self.edits.items():
            edit.setPlainText(texts.get(key, ""))
        self.severity.setCurrentIndex(SEVERITIES.index(self.model.severity.get(enc, "stable")))
        self.takeover.setChecked(enc in self.takes)
        self.current = enc

    def _keep(self) -> None:
        if self.current is None:
            return
        self.texts[self.current] = {k: e.toPlainText() for k, e in self.edits.items()}
        self.model.severity[self.current] = str(self.severity.currentData())
        if self.takeover.isChecked():
            self.takes.add(self.current)
        else:
            self.takes.discard(self.current)

    def entries(self) -> tuple[Any, ...]:
        from app.services.handover import HandoverEntry

        return tuple(HandoverEntry(r.encounter_id, self.model.severity.get(r.encounter_id, r.severity),
                                   self.texts.get(r.encounter_id, {}).get("summary", ""),
                                   self.texts.get(r.encounter_id, {}).get("actions", ""),
                                   self.texts.get(r.encounter_id, {}).get("awareness", ""),
                                   r.encounter_id in self.takes)
                     for r in self.model.rows())

    def hand_over(self) -> None:
        self._keep()
        ops.write_handover(self.ctx, self.user, self.ward_id, self.entries(), lambda _c: self.reload(),
                           self._failed)

    def take_over(self) -> None:
        h = self.latest
        if h is not None and h.status == "written":
            ops.acknowledge_handover(self.ctx, self.user, h.id, h.version, lambda _c: self.reload(),
                                     self._failed)

    def _failed(self, failure: Any) -> None:
        if is_alive(self):
            self.status.setText(error_text(getattr(failure, "error", failure)))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.reads == 0:
            self.reload()
        self.table.setFocus()

    def title(self) -> str:
        return translate("Handover", "医生交接班")
