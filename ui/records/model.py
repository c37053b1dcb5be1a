"""Table models of the 病历 tab and the 待完成 panel: column constants and translated headers at
the top, `data()` that never raises (ui/table_model.py)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from ui.formatting import local_datetime
from ui.qt import QBrush, QColor, Qt, translate
from ui.table_model import RowsTableModel

OVERDUE_COLOR = QColor("#c62828")
DRAFT_COLOR = QColor("#8c959f")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# The document list of this stay.
COL_TIME = 0
COL_TITLE = 1
COL_STATUS = 2
COL_AUTHOR = 3
DOC_COLUMNS = 4


def doc_type_text(code: str) -> str:
    """The document type's name in the user's language (the template file's name is the source)."""
    return {
        "admission": translate("DocTypes", "入院记录"),
        "readmission": translate("DocTypes", "再次入院记录"),
        "admit_discharge": translate("DocTypes", "24小时内入出院记录"),
        "admit_death": translate("DocTypes", "24小时内入院死亡记录"),
        "first_progress": translate("DocTypes", "首次病程记录"),
        "progress": translate("DocTypes", "日常病程记录"),
        "senior_round": translate("DocTypes", "上级医师首次查房记录"),
        "handover_off": translate("DocTypes", "交班记录"),
        "handover_on": translate("DocTypes", "接班记录"),
        "transfer_out": translate("DocTypes", "转出记录"),
        "transfer_in": translate("DocTypes", "转入记录"),
        "stage_summary": translate("DocTypes", "阶段小结"),
        "rescue": translate("DocTypes", "抢救记录"),
        "procedure": translate("DocTypes", "有创诊疗操作记录"),
        "preop_summary": translate("DocTypes", "术前小结"),
        "preop_discussion": translate("DocTypes", "术前讨论记录"),
        "operation": translate("DocTypes", "手术记录"),
        "postop_first": translate("DocTypes", "术后首次病程记录"),
        "consult": translate("DocTypes", "会诊记录"),
        "discharge": translate("DocTypes", "出院记录"),
        "death": translate("DocTypes", "死亡记录"),
        "death_discussion": translate("DocTypes", "死亡病例讨论记录"),
        "critical_ack": translate("DocTypes", "危急值确认"),
        "critical_note": translate("DocTypes", "危急值处理记录（病程）"),
    }.get(code, code)


def status_text(row: Any) -> str:
    if row.status == "draft":
        return translate("Records", "草稿")
    if getattr(row, "awaiting_cosign", False):
        return translate("Records", "待审签")
    texts = {"signed": translate("Records", "已签名"), "cosigned": translate("Records", "已审签"),
             "amended": translate("Records", "已修订（第{n}版）").format(n=row.rev_no)}
    return str(texts.get(row.status, row.status))


class DocListModel(RowsTableModel[Any]):
    column_count = DOC_COLUMNS

    def header_text(self, column: int) -> str:
        return {COL_TIME: translate("Records", "时间"), COL_TITLE: translate("Records", "病历"),
                COL_STATUS: translate("Records", "状态"), COL_AUTHOR: translate("Records", "书写者")
                }.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            title = row.title + (translate("Records", "（补记）") if row.late_entry else "")
            return {COL_TIME: local_datetime(row.event_at), COL_TITLE: title,
                    COL_STATUS: status_text(row), COL_AUTHOR: row.author_name}.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "draft":
            return QBrush(DRAFT_COLOR)
        return None

    def row_of(self, doc_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == doc_id), -1)


# The 待完成 list.
COL_DUE_BED = 0
COL_DUE_PATIENT = 1
COL_DUE_DOC = 2
COL_DUE_KIND = 3
COL_DUE_AT = 4
DUE_COLUMNS = 5


def due_kind_text(item: Any) -> str:
    if item.doc_type == "critical_ack":          # a nurse's acknowledgement, not a document
        return translate("Records", "确认超时") if item.overdue else translate("Records", "待确认")
    if item.kind == "cosign":
        return translate("Records", "待审签")
    if item.overdue:
        if item.kind == "write":
            return translate("Records", "已超时")
        return translate("Records", "已超时（草稿未签名）")
    return translate("Records", "待书写") if item.kind == "write" else translate("Records", "草稿未签名")


def due_at_text(value: Optional[datetime]) -> str:
    return local_datetime(value) if value is not None else ""


class DueModel(RowsTableModel[Any]):
    column_count = DUE_COLUMNS

    def header_text(self, column: int) -> str:
        return {COL_DUE_BED: translate("Records", "床号"), COL_DUE_PATIENT: translate("Records", "患者"),
                COL_DUE_DOC: translate("Records", "病历"), COL_DUE_KIND: translate("Records", "状态"),
                COL_DUE_AT: translate("Records", "时限")}.get(column, "")

    def _data(self, row: Any, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_DUE_BED: row.bed_no, COL_DUE_PATIENT: f"{row.patient_name} {row.mrn}",
                    COL_DUE_DOC: doc_type_text(row.doc_type), COL_DUE_KIND: due_kind_text(row),
                    COL_DUE_AT: due_at_text(row.due_at)}.get(col)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE_COLOR)
        return None


class TextRowsModel(RowsTableModel[tuple[str, ...]]):
    """Rows of plain texts for the pickers (document types, phrases, sections to copy)."""

    def __init__(self, headers: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self.column_count = len(headers)

    def header_text(self, column: int) -> str:
        return self._headers[column] if 0 <= column < len(self._headers) else ""

    def _data(self, row: tuple[str, ...], col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and 0 <= col < len(row):
            return row[col]
        return None
