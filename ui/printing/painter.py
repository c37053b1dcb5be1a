"""Draw app/printing's page primitives with a QPainter: on an image for the preview, on a
QPrinter for paper. The same primitives make the PDF (app/printing/pdf_render.py), so the three
agree; positions are millimetres from the page's top-left corner, sizes points."""
from __future__ import annotations

from typing import Any

from app.printing.primitives import Line, PageDrawing, Rect, Text
from ui.qt import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPointF, QRectF, Qt

CJK_FAMILY = "WenQuanYi Zen Hei"
MM_PER_INCH = 25.4


def _color(rgb: tuple[float, float, float]) -> QColor:
    return QColor.fromRgbF(*rgb)


def paint(painter: QPainter, page: PageDrawing, dpi: float) -> None:
    """`page` at `dpi` dots per inch from the painter's origin (the paper's corner)."""
    px = dpi / MM_PER_INCH
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    fonts: dict[float, tuple[QFont, QFontMetricsF]] = {}
    for item in page.items:
        if isinstance(item, Text):
            if item.size not in fonts:
                font = QFont(CJK_FAMILY)
                font.setPixelSize(max(1, round(item.size / 72.0 * dpi)))
                fonts[item.size] = (font, QFontMetricsF(font, painter.device()))
            font, metrics = fonts[item.size]
            painter.setFont(font)
            painter.setPen(_color(item.color))
            x = item.x * px
            if item.center_w:
                x += (item.center_w * px - metrics.horizontalAdvance(item.text)) / 2
            painter.drawText(QPointF(x, item.baseline * px), item.text)
        elif isinstance(item, Line):
            painter.setPen(QPen(_color(item.color), item.width / 72.0 * dpi))
            painter.drawLine(QPointF(item.x1 * px, item.y1 * px), QPointF(item.x2 * px, item.y2 * px))
        elif isinstance(item, Rect) and item.fill:
            painter.fillRect(QRectF(item.x * px, item.y * px, item.w * px, item.h * px), _color(item.color))
        elif isinstance(item, Rect):
            painter.setPen(QPen(_color(item.color), item.width / 72.0 * dpi))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(item.x * px, item.y * px, item.w * px, item.h * px))


def page_image(page: PageDrawing, dpi: float) -> QImage:
    """The page on white paper, for the preview."""
    px = dpi / MM_PER_INCH
    image = QImage(round(page.width_mm * px), round(page.height_mm * px), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint(painter, page, dpi)
    finally:
        painter.end()
    return image


def print_pages(printer: Any, pages: list[PageDrawing]) -> None:
    """Each page on its own sheet of paper, drawn from the paper's corner (full-page mode)."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        from app.printing.fonts import PrintError

        raise PrintError("print.printer_failed")
    try:
        dpi = float(printer.resolution())
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            paint(painter, page, dpi)
    finally:
        painter.end()
