"""What a printed page is made of, painter-agnostic: texts, lines and rectangles in millimetres
from the page's top-left corner. The PDF painter (app/printing/pdf_render.py) and the on-screen
preview and printer painter (ui/printing/) draw the same list, so paper and screen agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

Color = tuple[float, float, float]          # RGB 0..1
BLACK: Color = (0.0, 0.0, 0.0)
RED: Color = (0.80, 0.10, 0.12)


@dataclass(frozen=True)
class Text:
    x: float                  # left edge (mm); with `center_w`, the left of the box centred in
    baseline: float           # mm from the top
    text: str
    size: float               # points
    color: Color = BLACK
    center_w: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.4        # points
    color: Color = BLACK


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    width: float = 0.8
    color: Color = BLACK
    fill: bool = False        # filled in `color` with no outline (a barcode's bar)


Primitive = Union[Text, Line, Rect]


@dataclass(frozen=True)
class PageDrawing:
    number: int                             # the sheet's page number
    width_mm: float
    height_mm: float
    items: tuple[Primitive, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        return [i.text for i in self.items if isinstance(i, Text)]
