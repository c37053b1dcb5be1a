"""The print preview of a handover report from its screen: the nurses' shift shown on 护士交接班, or
the doctors' last report on the 交接班 panel. The PrintPreview dialog (ui/printing/preview.py) with
what it loads, draws and records changed; the pages are app/printing/handover_pdf.py's, the same as
`print handover` prints; a print is audited (RecordHandoverPrint)."""
from __future__ import annotations

from datetime import date
from typing import Any, Optional

from ui.operations import OpContext
from ui.operations import printing as ops
from ui.printing.preview import PrintPreview
from ui.qt import QWidget, translate

NURSES, DOCTORS = "nurse_handover", "handover"


class HandoverPrintPreview(PrintPreview):
    """`kind` NURSES: the shift (`shift_date`, `shift_code`); DOCTORS: the ward's last report."""

    def __init__(self, ctx: OpContext, user: Any, ward_id: str, kind: str,
                 shift_date: Optional[date] = None, shift_code: Optional[str] = None,
                 parent: Optional[QWidget] = None) -> None:
        self.ward_id = ward_id
        self.kind = kind
        self.shift_date = shift_date
        self.shift_code = shift_code
        super().__init__(ctx, user, "", kind, "whole", parent)
        self.setObjectName("handoverPrintPreview")

    def load(self) -> None:
        ops.load_handover_job(self.ctx, self.ward_id, self.kind, self.shift_date, self.shift_code,
                              self._loaded, self._failed)

    def what_text(self) -> str:
        if self.kind == NURSES:
            return translate("PrintPreview", "护士交接班报告")
        return translate("PrintPreview", "医生交接班报告")

    def draw(self, job: Any) -> list[Any]:
        from app.printing.handover_pdf import draw_doctor_report, draw_nurse_report

        _hid, report = job
        return list(draw_nurse_report(report) if self.kind == NURSES else draw_doctor_report(report))

    def page_count(self) -> int:
        return len(self.pages)

    def file_name(self) -> str:
        return f"{self.what_text()}.pdf"

    def pdf_title(self) -> str:
        from app.printing.handover_pdf import report_title

        return report_title(self.job[1])

    def record(self, numbers: list[int], done: Any, failed: Any) -> None:
        ops.record_handover_print(self.ctx, self.user, self.kind, self.job[0], len(numbers), done, failed)
