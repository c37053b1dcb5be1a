"""Pages of primitives (app/printing/primitives.py) into one PDF with the CJK font embedded.

Written to a temporary file beside the target and renamed at the end: a failed print never
leaves a partial PDF. `before_publish` runs once the PDF is complete and before it appears (the
print is recorded there: a record that fails leaves no file).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, TypeVar

from app.printing.fonts import PrintError, cjk_font
from app.printing.primitives import Line, PageDrawing, Rect, Text

MM = 72.0 / 25.4
Publish = Optional[Callable[[], None]]
P = TypeVar("P")


def measure_mm(text: str, size: float) -> float:
    """Width of `text` in the embedded font at `size` points, in mm."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, cjk_font(), size)) / MM


def write_pdf(pages: Sequence[PageDrawing], out: Path, title: str,
              before_publish: Publish = None) -> None:
    publish_pdf(pages, out, title, lambda page: (page.width_mm, page.height_mm), _draw, before_publish)


def publish_pdf(pages: Sequence[P], out: Path, title: str, size_mm: Callable[[P], tuple[float, float]],
                draw: Callable[[Any, P, str], None], before_publish: Publish = None) -> None:
    """Every page of `pages` drawn by `draw(canvas, page, font name)` on a page of `size_mm(page)`,
    into a temporary file beside `out`, `before_publish()`, then renamed to `out`."""
    from reportlab.pdfgen.canvas import Canvas

    font = cjk_font()
    directory = out.resolve().parent
    if not directory.is_dir():
        raise PrintError("print.bad_output", path=str(out))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".wardstation-", suffix=".pdf", dir=directory)
    except OSError as exc:
        raise PrintError("print.bad_output", path=str(out)) from exc
    os.close(fd)
    try:
        width, height = size_mm(pages[0]) if pages else (210.0, 297.0)
        canvas = Canvas(tmp, pagesize=(width * MM, height * MM), pageCompression=1, initialFontName=font,
                        invariant=1)
        canvas.setTitle(title)
        canvas.setCreator("WardStation")
        for page in pages:
            width, height = size_mm(page)
            canvas.setPageSize((width * MM, height * MM))
            draw(canvas, page, font)
            canvas.showPage()
        canvas.save()
        if before_publish is not None:
            before_publish()
        os.replace(tmp, out)
    except OSError as exc:
        raise PrintError("print.bad_output", path=str(out)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def draw_drawing(canvas: Any, page: PageDrawing, font: str) -> None:
    """One page of primitives on a reportlab canvas (also under another painter's page)."""
    _draw(canvas, page, font)


def _draw(canvas: Any, page: PageDrawing, font: str) -> None:
    height = page.height_mm

    def y(top_mm: float) -> float:
        return (height - top_mm) * MM

    for item in page.items:
        if isinstance(item, Text):
            canvas.setFillColorRGB(*item.color)
            canvas.setFont(font, item.size)
            if item.center_w:
                canvas.drawCentredString((item.x + item.center_w / 2) * MM, y(item.baseline), item.text)
            else:
                canvas.drawString(item.x * MM, y(item.baseline), item.text)
        elif isinstance(item, Line):
            canvas.setStrokeColorRGB(*item.color)
            canvas.setLineWidth(item.width)
            canvas.line(item.x1 * MM, y(item.y1), item.x2 * MM, y(item.y2))
        elif isinstance(item, Rect) and item.fill:
            canvas.setFillColorRGB(*item.color)
            canvas.rect(item.x * MM, y(item.y + item.h), item.w * MM, item.h * MM, stroke=0, fill=1)
        elif isinstance(item, Rect):
            canvas.setStrokeColorRGB(*item.color)
            canvas.setLineWidth(item.width)
            canvas.rect(item.x * MM, y(item.y + item.h), item.w * MM, item.h * MM, stroke=1, fill=0)
