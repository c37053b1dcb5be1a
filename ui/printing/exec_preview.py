"""The print preview of the ward day's 瓶签 (infusion labels) or 执行单 from the 执行 screen: the
PrintPreview dialog (ui/printing/preview.py) with what it loads, draws and records changed. The
pages are those of app/printing/labels.py and exec_sheet.py, the same as `print labels` and
`print exec-sheet` print; a print is audited (RecordExecPrint) once it has gone to the printer or
the file. Labels go to the printer on paper of the label's size (the ward's label_size)."""
from __future__ import annotations

from datetime import date
from typing import Any, Optional

from ui.operations import OpContext
from ui.operations import printing as ops
from ui.printing.preview import PrintPreview
from ui.qt import QPageSize, QSizeF, QWidget, translate

LABELS, SHEETS = "infusion_label", "exec_sheet"


class ExecPrintPreview(PrintPreview):
    """`what` LABELS: one page a label; SHEETS: a 执行单 per kind of the ward day `day`."""

    def __init__(self, ctx: OpContext, user: Any, ward_id: str, what: str, day: date,
                 parent: Optional[QWidget] = None) -> None:
        self.ward_id = ward_id
        self.what = what
        self.day = day
        super().__init__(ctx, user, "", what, "whole", parent)
        self.setObjectName("execPrintPreview")

    def load(self) -> None:
        ops.load_exec_job(self.ctx, self.ward_id, self.what, self.day, self._loaded, self._failed)

    def what_text(self) -> str:
        if self.what == LABELS:
            return translate("PrintPreview", "瓶签")
        return translate("PrintPreview", "执行单")

    def draw(self, job: Any) -> list[Any]:
        if self.what == LABELS:
            from app.printing.labels import draw_label

            pages: list[Any] = []
            for label in job.labels:
                for page in draw_label(label, job.size_mm):
                    pages.append(type(page)(len(pages) + 1, page.width_mm, page.height_mm, page.items))
            return pages
        from app.printing.exec_sheet import draw_sections

        return list(draw_sections(job.header, job.sections))

    def page_count(self) -> int:
        return len(self.pages)

    def _update_info(self) -> None:
        # Each kind's 执行单 numbers its own pages: say where in the whole print this one is.
        from ui.printing.preview import ZOOMS

        self.info.setText("" if not self.pages else translate(
            "PrintPreview", "第 {page} 张（共 {count} 张）  缩放 {zoom}%").format(
            page=self.index + 1, count=len(self.pages), zoom=int(ZOOMS[self.zoom] * 100)))

    def file_name(self) -> str:
        return f"{self.what_text()}-{self.day.isoformat()}.pdf"

    def pdf_title(self) -> str:
        return f"{self.what_text()} {self.day.isoformat()}"

    def paint(self, printer: Any) -> None:
        if self.what == LABELS and self.pages:
            first = self.pages[0]
            printer.setPageSize(QPageSize(QSizeF(first.width_mm, first.height_mm),
                                          QPageSize.Unit.Millimeter))
        super().paint(printer)

    def record(self, numbers: list[int], done: Any, failed: Any) -> None:
        ops.record_exec_print(self.ctx, self.user, self.what, self.day, self.job.printed, done, failed)
