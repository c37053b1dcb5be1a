"""The print preview of a stay's medical record document or 护理记录单: the PrintPreview dialog
(ui/printing/preview.py) with what it loads, draws and records changed. The pages are those of
app/printing/record_pdf.py and nursing_pdf.py, the same as the command line prints; a print is
audited (RecordDocumentPrint) once it has gone to the printer or the file."""
from __future__ import annotations

from typing import Any, Optional

from ui.operations import OpContext
from ui.operations import printing as ops
from ui.printing.preview import PrintPreview
from ui.qt import QWidget, translate

RECORD, NURSING = "record", "nursing_record"


class RecordPrintPreview(PrintPreview):
    """`what` RECORD: the document `doc_id`; NURSING: the 护理记录 form `rec_type`."""

    def __init__(self, ctx: OpContext, user: Any, encounter_id: str, what: str,
                 doc_id: Optional[str] = None, rec_type: Optional[str] = None,
                 parent: Optional[QWidget] = None) -> None:
        self.what = what
        self.doc_id = doc_id
        self.rec_type = rec_type
        super().__init__(ctx, user, encounter_id, what, "whole", parent)
        self.setObjectName("recordPrintPreview")

    def load(self) -> None:
        ops.load_record_job(self.ctx, self.encounter_id, self.what, self.doc_id, self.rec_type,
                            self._loaded, self._failed)

    def what_text(self) -> str:
        if self.what == NURSING:
            return {"general": translate("PrintPreview", "一般护理记录单"),
                    "critical": translate("PrintPreview", "危重护理记录单")}.get(
                        self.rec_type or "", translate("PrintPreview", "护理记录单"))
        return translate("PrintPreview", "病历")

    def draw(self, job: Any) -> list[Any]:
        if self.what == NURSING:
            from app.printing.nursing_pdf import draw_record

            return draw_record(dict(job.rows), job.header)
        from app.printing.record_pdf import draw_documents

        return draw_documents(job.docs, job.header)

    def page_count(self) -> int:
        return len(self.pages)

    def file_name(self) -> str:
        one = self.what == RECORD and len(self.job.docs) == 1
        title = self.job.docs[0].title if one else self.what_text()
        return f"{title}-{self.job.header.mrn}.pdf"

    def pdf_title(self) -> str:
        if self.what == NURSING:
            from app.printing.nursing_pdf import title_of

            return title_of(self.job.header)
        from app.printing.record_pdf import title_of as record_title

        return record_title(self.job.header)

    def record(self, numbers: list[int], done: Any, failed: Any) -> None:
        ops.record_document_print(self.ctx, self.user, self.job, len(numbers), done, failed)
