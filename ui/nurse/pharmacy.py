"""集中发送 on the nurse's workstation: Ctrl+Shift+P sends the ward's verified drug orders to the
pharmacy for today's remaining doses and tomorrow's first ones (until 10:00 [S]) in one request;
the list shows the last day's requests line by line (patient, drug, doses, quantity in dispensing
units), 退药 lines for stopped orders in red, and each request's 附材 lines (consumables bound
to the doses sent, app/services/consumables.py) after its drugs."""
from __future__ import annotations

from typing import Any, Optional

from ui import shortcuts as keys
from ui.operations import OpContext
from ui.operations import consumables as cons_ops
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
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.table_model import RowsTableModel

COL_SENT, COL_KIND, COL_BED, COL_NAME, COL_MRN, COL_DRUG, COL_DOSES, COL_QTY, COL_BY = range(9)
TOMORROW_UNTIL_HOUR = 10          # tomorrow's first doses: those before 10:00 [S]


class PharmacyModel(RowsTableModel[Any]):
    column_count = 9

    def header_text(self, column: int) -> str:
        return {COL_SENT: translate("NursePharmacy", "发送时间"), COL_KIND: translate("NursePharmacy", "类别"),  # noqa: E501
                COL_BED: translate("NursePharmacy", "床号"), COL_NAME: translate("NursePharmacy", "姓名"),
                COL_MRN: translate("NursePharmacy", "住院号"), COL_DRUG: translate("NursePharmacy", "药品/附材"),  # noqa: E501
                COL_DOSES: translate("NursePharmacy", "次数"), COL_QTY: translate("NursePharmacy", "数量"),
                COL_BY: translate("NursePharmacy", "发送护士")}.get(column, "")

    def _data(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            kind = {"send": translate("NursePharmacy", "发药"), "return": translate("NursePharmacy", "退药"),
                    "consumable": translate("NursePharmacy", "附材")}.get(r.kind, r.kind)
            return {COL_SENT: r.sent_at.astimezone().strftime("%m-%d %H:%M"), COL_KIND: kind,
                    COL_BED: r.bed_no, COL_NAME: r.patient_name, COL_MRN: r.mrn, COL_DRUG: r.content,
                    COL_DOSES: str(r.doses), COL_QTY: f"{r.quantity.normalize():f}{r.unit}",
                    COL_BY: r.sent_by_name}.get(col, "")
        if role == Qt.ItemDataRole.ForegroundRole and r.kind == "return":
            return QBrush(QColor("#c62828"))
        return None


class PharmacyPanel(QWidget):
    WATCHES = ("pharmacy",)

    def __init__(self, ctx: OpContext, user: Any, origin: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.origin = origin
        self.ward_id = ""
        self.model = PharmacyModel(self)
        self.table = QTableView()
        self.table.setObjectName("pharmacy_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_DRUG, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel()
        self.status_label.setObjectName("pharmacy_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.table)
        action = QAction(self)
        action.setObjectName("pharmacy_send")
        action.setShortcut(QKeySequence(keys.PHARMACY_SEND))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: self.send())
        self.addAction(action)
        self.status_label.setText(translate("NursePharmacy", "Ctrl+Shift+P：集中发送今日余下及明日 10:00 前的药品"))  # noqa: E501

    def set_ward(self, ward_id: str) -> None:
        self.ward_id = ward_id
        self.reload()

    def reload(self) -> None:
        if not self.ward_id:
            return
        ward_id = self.ward_id
        cons_ops.load_requests(self.ctx, ward_id, lambda rows: self.model.set_rows(list(rows))
                               if ward_id == self.ward_id else None, self._failed)

    def send(self) -> None:
        from datetime import datetime, time, timedelta

        if not self.ward_id:
            return
        now = datetime.now().astimezone()
        until = datetime.combine(now.date() + timedelta(days=1), time(TOMORROW_UNTIL_HOUR), now.tzinfo)

        def done(_c: Any) -> None:
            self.status_label.setText(translate("NursePharmacy", "已发送至药房"))
            self.reload()

        ops.send_to_pharmacy(self.ctx, self.user, self.ward_id, now, until, self.origin, done, self._failed)

    def _failed(self, failure: Any) -> None:
        from ui.messages import error_text

        if not hasattr(failure.error, "message_id"):
            self.ctx.runner.failed.emit(failure)
            return
        self.status_label.setText(str(error_text(failure.error)))
