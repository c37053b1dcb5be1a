"""The print preview: the pages as they will come out, zoom, page through, print, save as PDF.

`PagePreview` is the dialog whatever the pages are; a subclass says what they are (`load`,
`page_image`, `paint`, `save_to`, `_record`). `PrintPreview` is the 医嘱单's: the whole sheet, or
only what a 续打 adds to the sheet already in the printer (the 体温单's is ui/vitals/chart_print.py);
the 病历 and 护理记录 (ui/printing/record_preview.py) are PrintPreviews that load and draw their own.

Keys: PgUp/PgDn page, Ctrl++ / Ctrl+- zoom, Ctrl+P print, Ctrl+S save PDF, Esc close. A print is
recorded (what went where, audited) once it has gone to the printer or the file.
"""
from __future__ import annotations

from typing import Any, Optional

from ui.operations import OpContext
from ui.operations import printing as ops
from ui.printing.painter import page_image, print_pages
from ui.qt import (
    QAction,
    QDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    print_support,
    translate,
)

SCREEN_DPI = 96.0
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def sheet_title(sheet: str) -> str:
    if sheet == "long":
        return translate("PrintPreview", "长期医嘱单")
    return translate("PrintPreview", "临时医嘱单")


class PagePreview(QDialog):
    """The preview dialog; a subclass sets its own attributes, then calls `start()`."""

    recorded = Signal(object)                 # the Changes of the recorded print
    ready = Signal()                          # the pages are drawn (tests, screenshots)

    def __init__(self, ctx: OpContext, user: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.ctx = ctx
        self.user = user
        self.pages: list[Any] = []
        self.index = 0
        self.zoom = 2
        self.loading = True
        self.printed = False
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.image_label)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_dialog)
        self.bar = bar = QHBoxLayout()             # a subclass may add its own choices here
        bar.addWidget(self.info, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        for keys, handler in (("PgDown", lambda: self.show_page(self.index + 1)),
                              ("PgUp", lambda: self.show_page(self.index - 1)),
                              ("Ctrl++", lambda: self.set_zoom(self.zoom + 1)),
                              ("Ctrl+=", lambda: self.set_zoom(self.zoom + 1)),
                              ("Ctrl+-", lambda: self.set_zoom(self.zoom - 1)),
                              ("Ctrl+P", self.print_dialog), ("Ctrl+S", self.save_dialog)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
        self.resize(900, 1000)

    def start(self) -> None:
        self.retranslate()
        self._set_enabled(False)
        self.load()

    # ---- what a subclass says
    def load(self) -> None:
        """Read the pages (off the GUI thread); then set self.pages, show_page(0), emit ready."""
        raise NotImplementedError

    def retranslate(self) -> None:
        self._update_info()

    def page_image(self, page: Any, dpi: float) -> Any:
        return page_image(page, dpi)

    def paint(self, printer: Any) -> None:
        print_pages(printer, self.pages)

    def file_name(self) -> str:
        return "print.pdf"

    def save_to(self, path: str) -> None:
        raise NotImplementedError

    def _record(self) -> None:
        raise NotImplementedError

    def _update_info(self) -> None:
        self.info.setText("")

    # ---- the dialog
    def _set_enabled(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    def _failed(self, failure: Any) -> None:
        from ui.messages import error_text

        if is_alive(self):
            self.loading = False
            self.message.setText(error_text(failure.error))
            self.ready.emit()

    def show_page(self, index: int) -> None:
        if not self.pages:
            self.image_label.clear()
            self._update_info()
            return
        self.index = max(0, min(index, len(self.pages) - 1))
        image = self.page_image(self.pages[self.index], SCREEN_DPI * ZOOMS[self.zoom])
        self.image_label.setPixmap(QPixmap.fromImage(image))
        self._update_info()

    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(0, min(zoom, len(ZOOMS) - 1))
        self.show_page(self.index)

    def print_dialog(self) -> None:
        if not self.pages or self.printed:
            return
        support = print_support()
        printer = support.QPrinter(support.QPrinter.PrinterMode.HighResolution)
        dialog = support.QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: Any) -> None:
        """Draw the pages on `printer` (a real queue, or a PDF file in tests), then record them."""
        from ui.messages import error_text

        try:
            self.paint(printer)
        except Exception as exc:                          # a printer that is gone: say so, record nothing
            self.message.setText(error_text(exc))
            return
        self._record()

    def save_dialog(self) -> None:
        if not self.pages or self.printed:
            return
        from ui.qt import QFileDialog

        path, _filter = QFileDialog.getSaveFileName(self, translate("PrintPreview", "另存为 PDF"),
                                                    self.file_name(), "PDF (*.pdf)")
        if path:
            self.save_to(path)

    def _save_failed(self, failure: Any) -> None:
        from ui.messages import error_text

        if is_alive(self):
            self._set_enabled(True)
            self.message.setText(error_text(failure.error))


class PrintPreview(PagePreview):
    """The 医嘱单's: `mode` "whole" (every page) or "continuation" (续打). A subclass prints
    another sheet by saying what it loads, how it draws, its names and how a print is recorded
    (ui/printing/record_preview.py: the 病历 and 护理记录)."""

    def __init__(self, ctx: OpContext, user: Any, encounter_id: str, sheet: str, mode: str,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(ctx, user, parent)
        self.encounter_id = encounter_id
        self.sheet = sheet
        self.mode = mode
        self.job: Any = None
        self.start()

    # ---- what this preview prints (a subclass prints something else)
    def load(self) -> None:
        ops.load_sheet_job(self.ctx, self.encounter_id, self.sheet, self._loaded, self._failed)

    def what_text(self) -> str:
        return sheet_title(self.sheet)

    def draw(self, job: Any) -> list[Any]:
        """The pages to print of the loaded job (and the message above the buttons)."""
        from app.printing.order_sheets import continuation_pages, draw_pages, whole_pages

        if self.mode == "continuation":
            wanted = continuation_pages(job.plan, job.plan.fresh_pages(job.on_paper))
        else:
            wanted = whole_pages(job.plan)
        pages = draw_pages(job.plan, job.header, wanted)
        if not pages:
            self.message.setText(translate("PrintPreview", "没有需要续打的内容：新医嘱和停止信息都已打印"))
        elif self.mode == "continuation":
            self.message.setText(translate(
                "PrintPreview", "请放入已打印的第 {pages} 页原纸；只打印新增的医嘱和停止信息").format(
                    pages="、".join(str(p.number) for p in pages)))
        return pages

    def page_count(self) -> int:
        return int(self.job.plan.pages) if self.job else 0

    def file_name(self) -> str:
        return f"{self.what_text()}-{self.job.header.mrn}.pdf"

    def pdf_title(self) -> str:
        from app.printing.order_sheets import title_of

        return title_of(self.job.plan, self.job.header)

    def record(self, numbers: list[int], done: Any, failed: Any) -> None:
        kind = self.mode
        if kind == "whole" and {p.page for p in self.job.on_paper} & set(numbers):
            kind = "reprint"                              # pages already on paper: audited as such
        ops.record_print(self.ctx, self.user, self.job, kind, numbers, done, failed)

    # ---- the dialog
    def retranslate(self) -> None:
        what = self.what_text()
        self.setWindowTitle(translate("PrintPreview", "打印预览 — {sheet}").format(sheet=what)
                            if self.mode == "whole" else
                            translate("PrintPreview", "续打预览 — {sheet}").format(sheet=what))
        self.print_button.setText(translate("PrintPreview", "打印 (Ctrl+P)"))
        self.save_button.setText(translate("PrintPreview", "另存为 PDF (Ctrl+S)"))
        self._update_info()

    def _loaded(self, job: Any) -> None:
        if not is_alive(self):
            return
        self.loading = False
        self.job = job
        self.pages = self.draw(job)
        self._set_enabled(bool(self.pages))
        self.show_page(0)
        self.ready.emit()

    def _update_info(self) -> None:
        if not self.pages:
            self.info.setText("")
            return
        self.info.setText(translate(
            "PrintPreview", "第 {page} 页（共 {count} 页，本次打印第 {pages} 页）  缩放 {zoom}%").format(
            page=self.pages[self.index].number, count=self.page_count(),
            pages=",".join(str(p.number) for p in self.pages), zoom=int(ZOOMS[self.zoom] * 100)))

    def save_to(self, path: str) -> None:
        self._set_enabled(False)
        self.message.setText(translate("PrintPreview", "正在保存…"))
        ops.save_pdf(self.ctx, self.pages, path, self.pdf_title(),
                     lambda _r: self._record(), self._save_failed)

    def _record(self) -> None:
        self.printed = True
        self._set_enabled(False)

        def done(changes: Any) -> None:
            if is_alive(self):
                self.message.setText(translate("PrintPreview", "已打印并记录"))
                self.recorded.emit(changes)

        def failed(failure: Any) -> None:
            from ui.messages import error_text

            if is_alive(self):
                self.message.setText(error_text(failure.error))

        self.record([p.number for p in self.pages], done, failed)
