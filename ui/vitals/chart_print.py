"""The 体温单's print preview: every week of the stay, a page each, opened at the week the tab
shows; print or save all of them, or only the week in front (a nurse files the finished week).
The pages are the chart's own model drawn by the chart's own painter in the form's Chinese
words (the printed chart is the legal form), so screen, paper and PDF agree. A print is
recorded (RecordChartPrint: which weeks, audited) once it has gone to the printer or the file.
"""
from __future__ import annotations

from typing import Any, Optional

from app.printing import tempchart_model as tm
from app.printing.tempchart_words import form_text
from ui.operations import OpContext
from ui.operations import printing as ops
from ui.printing.preview import ZOOMS, PagePreview
from ui.qt import QCheckBox, QColor, QImage, QPainter, QWidget, is_alive, translate

MM_PER_INCH = 25.4


class ChartPrintPreview(PagePreview):
    def __init__(self, ctx: OpContext, user: Any, encounter_id: str, week_no: int = 0,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(ctx, user, parent)
        self.encounter_id = encounter_id
        self.week_no = week_no                  # shown first; 0: the last week
        self.weeks: list[Any] = []              # ChartWeek, one per page
        self.header: Any = None
        self.only_this = QCheckBox()
        self.only_this.setObjectName("chartPrintOnlyThis")
        self.bar.insertWidget(1, self.only_this)
        self.start()

    def load(self) -> None:
        ops.load_chart_weeks(self.ctx, self.encounter_id, self._loaded, self._failed)

    def _loaded(self, weeks: Any) -> None:
        if not is_alive(self):
            return
        self.loading = False
        self.weeks = list(weeks)
        self.pages = [tm.build_page(w) for w in self.weeks]
        self.header = self.weeks[-1].header if self.weeks else None
        self._set_enabled(bool(self.pages))
        at = next((i for i, w in enumerate(self.weeks) if w.week_no == self.week_no), len(self.pages) - 1)
        self.show_page(at)
        self.ready.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ChartPrint", "打印预览 — 体温单"))
        self.print_button.setText(translate("PrintPreview", "打印 (Ctrl+P)"))
        self.save_button.setText(translate("PrintPreview", "另存为 PDF (Ctrl+S)"))
        self.only_this.setText(translate("ChartPrint", "只打印当前周"))
        self._update_info()

    def _update_info(self) -> None:
        if not self.pages:
            self.info.setText("")
            return
        self.info.setText(translate("ChartPrint", "第 {week} 周（共 {count} 周）  缩放 {zoom}%").format(
            week=self.weeks[self.index].week_no, count=len(self.weeks), zoom=int(ZOOMS[self.zoom] * 100)))

    def chosen(self) -> list[int]:
        """The indexes of the pages a print takes: all, or only the one in front."""
        return [self.index] if self.only_this.isChecked() else list(range(len(self.pages)))

    def page_image(self, page: Any, dpi: float) -> QImage:
        from ui.vitals.tempchart import paint_page

        scale = dpi / MM_PER_INCH
        image = QImage(round(page.width * scale), round(page.height * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            paint_page(painter, page, scale, form_text)
        finally:
            painter.end()
        return image

    def paint(self, printer: Any) -> None:
        from app.printing.fonts import PrintError
        from ui.vitals.tempchart import paint_page

        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("print.printer_failed")
        try:
            scale = float(printer.resolution()) / MM_PER_INCH
            for n, i in enumerate(self.chosen()):
                if n:
                    printer.newPage()
                paint_page(painter, self.pages[i], scale, form_text)
        finally:
            painter.end()

    def file_name(self) -> str:
        mrn = self.header.mrn if self.header is not None else ""
        return f"{translate('ChartPrint', '体温单')}-{mrn}.pdf"

    def save_to(self, path: str) -> None:
        self._set_enabled(False)
        self.message.setText(translate("PrintPreview", "正在保存…"))
        title = f"体温单 {self.header.name if self.header is not None else ''}"
        ops.save_chart_pdf(self.ctx, [self.pages[i] for i in self.chosen()], path, title,
                           lambda _r: self._record(), self._save_failed)

    def _record(self) -> None:
        self.printed = True
        self._set_enabled(False)
        weeks = [self.weeks[i].week_no for i in self.chosen()]

        def done(changes: Any) -> None:
            if is_alive(self):
                self.message.setText(translate("PrintPreview", "已打印并记录"))
                self.recorded.emit(changes)

        def failed(failure: Any) -> None:
            from ui.messages import error_text

            if is_alive(self):
                self.message.setText(error_text(failure.error))

        ops.record_chart_print(self.ctx, self.user, self.encounter_id, weeks, done, failed)
