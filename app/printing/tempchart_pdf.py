"""The 体温单 on paper: a reportlab painter for app/printing/tempchart_model.py's primitives.

It draws what ui/vitals/tempchart.py paint_page() draws, item for item in the model's order:
millimetres to points with y flipped (the model's origin is the top left corner), Qt's pen
(square caps, bevel joins, a dash of 4 pen widths and a gap of 2), the symbols filled or hollow
as Qt fills them, a Hatch's 45° lines clipped to its polygon, text placed where Qt's
`drawText(rect, AlignVCenter)` puts it (a vertical text one character under the other, a
multi-line text 1.15 character heights a line). The words are the form's Chinese
(app/printing/tempchart_words.py), in the embedded CJK font; the file is written atomically by
pdf_render.publish_pdf.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from app.printing import tempchart_model as tm
from app.printing.pdf_render import MM, Publish, publish_pdf
from app.printing.tempchart_words import form_text

# wqy-zenhei's hhea ascender and descender (986 and 304 of 1024 units): Qt's QFontMetricsF
# ascent() and height() for the font, which decide where drawText(rect, AlignVCenter) puts a line.
ASCENT = 986 / 1024
HEIGHT = (986 + 304) / 1024
TextOf = Callable[[str, dict[str, Any]], str]


def write_chart_pdf(pages: Sequence[tm.Page], out: Path, title: str, before_publish: Publish = None,
                    text_of: TextOf = form_text) -> None:
    """`pages` (one a week) into the PDF `out`, atomically; `before_publish` as pdf_render's."""
    publish_pdf(pages, out, title, lambda page: (page.width, page.height),
                lambda canvas, page, font: draw_page(canvas, page, font, text_of), before_publish)


def draw_page(canvas: Any, page: tm.Page, font: str, text_of: TextOf = form_text) -> None:
    painter = _Painter(canvas, page.height, font)
    for item in page.items:
        if isinstance(item, tm.Line):
            painter.pen(item.color, item.width, item.dash)
            canvas.line(*painter.pt(item.x1, item.y1), *painter.pt(item.x2, item.y2))
        elif isinstance(item, tm.Polyline):
            painter.pen(item.color, item.width, item.dash)
            painter.polyline(item.points)
        elif isinstance(item, tm.Hatch):
            painter.hatch(item)
        elif isinstance(item, tm.Symbol):
            painter.symbol(item)
        elif isinstance(item, tm.Text):
            painter.text(item, text_of(item.key, item.params))


class _Painter:
    def __init__(self, canvas: Any, height_mm: float, font: str) -> None:
        self.canvas = canvas
        self.height = height_mm
        self.font = font
        canvas.setLineCap(2)                 # Qt's default pen: square caps, bevel joins
        canvas.setLineJoin(2)

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return x * MM, (self.height - y) * MM

    def pen(self, color: str, width: float, dash: bool = False) -> None:
        from reportlab.lib.colors import HexColor

        self.canvas.setStrokeColor(HexColor(color))
        self.canvas.setLineWidth(width * MM)
        if dash:
            self.canvas.setDash([4 * width * MM, 2 * width * MM], 0)   # Qt's DashLine
        else:
            self.canvas.setDash([], 0)

    def polyline(self, points: Sequence[tuple[float, float]]) -> None:
        path = self.canvas.beginPath()
        path.moveTo(*self.pt(*points[0]))
        for x, y in points[1:]:
            path.lineTo(*self.pt(x, y))
        self.canvas.drawPath(path, stroke=1, fill=0)

    def hatch(self, item: tm.Hatch) -> None:
        canvas = self.canvas
        canvas.saveState()
        clip = canvas.beginPath()
        clip.moveTo(*self.pt(*item.points[0]))
        for x, y in item.points[1:]:
            clip.lineTo(*self.pt(x, y))
        clip.close()
        canvas.clipPath(clip, stroke=0, fill=0)
        self.pen(item.color, 0.12)
        xs = [x for x, _ in item.points]
        ys = [y for _, y in item.points]
        left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
        n = int(((right - left) + (bottom - top)) / item.spacing) + 2
        for k in range(n):                   # lines at 45°: x - y = const, as the Qt painter
            c = left - (bottom - top) + k * item.spacing
            canvas.line(*self.pt(c, bottom), *self.pt(c + (bottom - top), top))
        canvas.restoreState()

    def symbol(self, item: tm.Symbol) -> None:
        from reportlab.lib.colors import HexColor, white

        canvas = self.canvas
        r = item.size / 2
        self.pen(item.color, 0.25)
        x, y = self.pt(item.x, item.y)
        if item.kind == tm.DOT:
            canvas.setFillColor(HexColor(item.color))
            canvas.circle(x, y, r * MM, stroke=1, fill=1)
        elif item.kind == tm.CIRCLE:         # hollow: white inside, hiding the line under it
            canvas.setFillColor(white)
            canvas.circle(x, y, r * MM, stroke=1, fill=1)
        elif item.kind == tm.RING:           # around the temperature symbol: nothing filled
            canvas.circle(x, y, r * MM, stroke=1, fill=0)
        elif item.kind == tm.CROSS:
            canvas.line(*self.pt(item.x - r, item.y - r), *self.pt(item.x + r, item.y + r))
            canvas.line(*self.pt(item.x - r, item.y + r), *self.pt(item.x + r, item.y - r))

    def text(self, item: tm.Text, text: str) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.pdfbase.pdfmetrics import stringWidth

        if not text:
            return
        canvas = self.canvas
        h = item.size                          # the character height (em) in mm
        canvas.setFillColor(HexColor(item.color))
        canvas.setFont(self.font, h * MM)
        if item.vertical:                      # one character under the other, top at y
            cell = h * 1.05
            for i, ch in enumerate(text):
                baseline = item.y + i * cell + (cell - HEIGHT * h) / 2 + ASCENT * h
                canvas.drawCentredString(*self.pt(item.x, baseline), ch)
            return
        for n, line in enumerate(text.split("\n")):          # y is the first line's baseline
            width = stringWidth(line, self.font, h * MM) / MM
            x = item.x - {"left": 0.0, "right": width}.get(item.align, width / 2)
            top = item.y - h + n * h * 1.15
            baseline = top + (h * 1.25 - HEIGHT * h) / 2 + ASCENT * h
            canvas.drawString(*self.pt(x, baseline), line)
