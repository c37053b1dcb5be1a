"""检验检查结果 (结果互认, issue 17), from the 医嘱 tab (Ctrl+Shift+I): the stay's own lab results on
the left, the reports other member institutions hold for the patient on the right (institution,
date, test, 互认 state) with the selected report's values or impression below. 获取外院结果 (F5)
asks the platforms in the background (a bar while it runs; a platform that fails is named, the
others still answer); 互认 (Ctrl+Enter) marks the selected report recognised or takes the mark
back (a doctor's right): the same test ordered again within the window then asks for a reason
at signing."""
from __future__ import annotations

from typing import Any, Optional

from ui.formatting import local_date, local_datetime
from ui.messages import error_text
from ui.operations import ext_results as ops
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.table_model import RowsTableModel

RECOGNISE_PERMISSION = "order.sign"
FLAG_MARK = {"H": "↑", "HH": "↑↑", "L": "↓", "LL": "↓↓", "A": "*", "AA": "**"}
ABNORMAL_COLOR = "#c62828"
RECOGNISED_COLOR = "#2e7d32"


def kind_text(kind: str) -> str:
    return translate("ExtResults", "检验") if kind == "lab" else translate("ExtResults", "检查")


def recognition_text(row: Any) -> str:
    if row.recognised:
        return translate("ExtResults", "已互认（{doctor}）").format(doctor=row.recognised_by or "")
    return translate("ExtResults", "未互认")


def detail_text(row: Any) -> str:
    """What the report says: its values (with range and flag) or the imaging impression."""
    lines = [translate("ExtResults", "{inst}　{name}　{when}").format(
        inst=row.inst_name, name=row.name, when=local_datetime(row.effective_at))]
    for item in row.items:
        unit = f" {item.get('unit')}" if item.get("unit") else ""
        ref = (translate("ExtResults", "（参考 {range}）").format(range=item["range"])
               if item.get("range") else "")
        lines.append(f"{item.get('name', '')}: {item.get('value', '')}{unit} "
                     f"{FLAG_MARK.get(str(item.get('flag') or ''), '')}{ref}".rstrip())
    if row.conclusion:
        lines.append(translate("ExtResults", "结论：{text}").format(text=row.conclusion))
    if row.recognised and row.recognised_at:
        lines.append(translate("ExtResults", "{doctor} 于 {when} 互认").format(
            doctor=row.recognised_by or "", when=local_datetime(row.recognised_at)))
    return "\n".join(lines)


class LocalModel(RowsTableModel[Any]):
    column_count = 4

    def header_text(self, column: int) -> str:
        return (translate("ExtResults", "时间"), translate("ExtResults", "项目"),
                translate("ExtResults", "结果"), translate("ExtResults", "单位"))[column]

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = f"{row.value} {FLAG_MARK.get(row.flag or '', '')}".strip()
            return (local_datetime(row.taken_at), row.name, value, row.unit or "")[col]
        if role == Qt.ItemDataRole.ForegroundRole and row.flag and col == 2:
            from ui.qt import QBrush, QColor

            return QBrush(QColor(ABNORMAL_COLOR))
        return None


class ExternalModel(RowsTableModel[Any]):
    column_count = 5

    def header_text(self, column: int) -> str:
        return (translate("ExtResults", "日期"), translate("ExtResults", "机构"),
                translate("ExtResults", "项目"), translate("ExtResults", "类别"),
                translate("ExtResults", "互认"))[column]

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (local_date(row.effective_at), row.inst_name, row.name, kind_text(row.kind),
                    recognition_text(row))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and row.recognised:
            from ui.qt import QBrush, QColor

            return QBrush(QColor(RECOGNISED_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole:
            return detail_text(row)
        return None


def _table(name: str, model: RowsTableModel[Any], stretch: int) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ResultsDialog(QDialog):
    def __init__(self, ctx: Any, user: Any, encounter_id: str, patient_name: str = "",
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx, self.user, self.encounter_id = ctx, user, encounter_id
        self.setWindowTitle(translate("ExtResults", "检验检查结果 {name}").format(name=patient_name).strip())
        self.patient_id = ""
        self.loaded = False
        self.busy = False
        self._note = ""                                # what the last pull could not do
        self.local_model = LocalModel(self)
        self.external_model = ExternalModel(self)
        self.local_table = _table("localResults", self.local_model, 1)
        self.external_table = _table("externalResults", self.external_model, 2)
        self.external_table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("externalDetail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(150)
        self.status = QLabel()
        self.status.setObjectName("extResultsStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)                   # busy: how long a platform takes is unknown
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.fetch_button = QPushButton(translate("ExtResults", "获取外院结果 (F5)"))
        self.fetch_button.setObjectName("extResultsFetch")
        self.fetch_button.clicked.connect(self.fetch)
        self.recognise_button = QPushButton(translate("ExtResults", "互认 (Ctrl+Enter)"))
        self.recognise_button.setObjectName("extResultsRecognise")
        self.recognise_button.clicked.connect(self.toggle_recognition)
        metrics = self.recognise_button.fontMetrics()
        self.recognise_button.setMinimumWidth(24 + max(metrics.horizontalAdvance(t) for t in (
            translate("ExtResults", "互认 (Ctrl+Enter)"), translate("ExtResults", "取消互认 (Ctrl+Enter)"))))
        self.can_recognise = bool(getattr(user, "can", lambda _p: False)(RECOGNISE_PERMISSION))
        self.recognise_button.setVisible(self.can_recognise)
        close = QPushButton(translate("ExtResults", "关闭"))
        close.clicked.connect(self.reject)
        own = QGroupBox(translate("ExtResults", "本院结果（本次住院）"))
        QVBoxLayout(own).addWidget(self.local_table)
        other = QGroupBox(translate("ExtResults", "外院报告（医联体平台）"))
        other_layout = QVBoxLayout(other)
        other_layout.addWidget(self.external_table, 1)
        other_layout.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(own)
        split.addWidget(other)
        split.setSizes([430, 530])
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        for b in (self.fetch_button, self.recognise_button, close):
            b.setAutoDefault(False)
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bar)
        for key, slot in (("F5", self.fetch), ("Ctrl+Return", self.toggle_recognition)):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self.resize(980, 600)
        self.load()

    # ---- reads
    def load(self) -> None:
        ops.load(self.ctx, self.encounter_id, self._loaded, self._failed)

    def _loaded(self, result: Any) -> None:
        if not is_alive(self):
            return
        current = self.current()
        self.patient_id = result.patient_id
        self.local_model.set_rows(list(result.local))
        self.external_model.set_rows(list(result.external))
        self.local_table.resizeColumnsToContents()
        self.external_table.resizeColumnsToContents()
        rows = self.external_model.rows()
        keep = next((i for i, r in enumerate(rows) if current is not None and r.id == current.id), 0)
        if rows:
            self.external_table.selectRow(keep)
        self.external_table.setFocus()
        self._show_detail()
        self.loaded = True

    def current(self) -> Optional[Any]:
        index = self.external_table.currentIndex()
        rows = self.external_model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def _show_detail(self) -> None:
        row = self.current()
        self.detail.setPlainText(detail_text(row) if row is not None else translate(
            "ExtResults", "暂无外院报告：按 F5 从医联体平台获取"))
        self.recognise_button.setEnabled(row is not None and not self.busy)
        self.recognise_button.setText(translate("ExtResults", "取消互认 (Ctrl+Enter)") if row is not None
                                      and row.recognised else translate("ExtResults", "互认 (Ctrl+Enter)"))

    # ---- the pull
    def fetch(self) -> None:
        if self.busy:
            return
        self._set_busy(True, translate("ExtResults", "正在从医联体平台获取外院结果…"))
        ops.fetch(self.ctx, self.encounter_id, self._fetched, self._failed)

    def _fetched(self, result: Any) -> None:
        if not is_alive(self):
            return
        patient_id, outcome = result
        parts = []
        if outcome.failures:
            parts.append(translate("ExtResults", "平台无法访问：{why}").format(
                why="；".join(why for _endpoint, why in outcome.failures)))
        if outcome.skipped:
            parts.append(translate("ExtResults", "{n} 份报告无法识别，未显示").format(n=outcome.skipped))
        self._note = "；".join(parts)
        if not outcome.reports:
            self._set_busy(False, self._note or translate("ExtResults", "平台上没有该患者的外院报告"))
            return
        ops.record(self.ctx, self.user, patient_id, tuple(outcome.reports), self._recorded, self._failed)

    def _recorded(self, changes: Any) -> None:
        if not is_alive(self):
            return
        n = len(changes.ids_of("ext_result")) if hasattr(changes, "ids_of") else 0
        text = translate("ExtResults", "已获取 {n} 份新报告").format(n=n) if n else translate(
            "ExtResults", "没有新的外院报告")
        self._set_busy(False, "；".join(t for t in (text, self._note) if t))
        self.load()

    # ---- 互认
    def toggle_recognition(self) -> None:
        row = self.current()
        if row is None or self.busy or not self.can_recognise:
            return
        self._set_busy(True, "")
        ops.recognise(self.ctx, self.user, row.id, row.version, not row.recognised,
                      self._recognised, self._failed)

    def _recognised(self, _changes: Any) -> None:
        if not is_alive(self):
            return
        self._set_busy(False, "")
        self.load()

    # ---- state
    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.fetch_button.setEnabled(not busy)
        self.status.setStyleSheet("")
        self.status.setText(text)
        self._show_detail()

    def _failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        self._set_busy(False, "")
        error = getattr(failure, "error", failure)
        if getattr(error, "message_id", None) is None:
            self.ctx.runner.failed.emit(failure)
            return
        self.status.setStyleSheet(f"color: {ABNORMAL_COLOR};")
        self.status.setText(error_text(error))
        self.load()
