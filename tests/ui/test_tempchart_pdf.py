"""The printed 体温单 looks like the screen's: the PDF of the rich week (fever, surgery on day 3,
cooling, a refused measurement, a pulse deficit), rendered back by poppler at 50 dpi, against the
Qt painter's image of the same Page at the same pixel size.

At 50 dpi a 0.1 mm line is a fifth of a pixel, and the two rasterisers shade it differently (Qt
widens a pen to 0.6 px, poppler spreads its coverage: -thinlinemode shape); a slight blur of both
images takes that out, so what still differs is ink one of them drew and the other did not."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.printing import tempchart_model as tm

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
WIDTH = 413                       # A4 at 50 dpi
BLUR = 1.0                        # px
CHANNEL_DELTA = 48
MAX_DIFFERENT = 0.00025           # share of the page's pixels (about 60 of 241,000)


def _pdf_image(page: tm.Page, height: int, tmp: Path, name: str) -> Any:
    from PIL import Image

    from app.printing.tempchart_pdf import write_chart_pdf

    pdf = tmp / f"{name}.pdf"
    write_chart_pdf([page], pdf, "体温单")
    subprocess.run(["pdftoppm", "-r", "50", "-thinlinemode", "shape", "-scale-to-x", str(WIDTH),
                    "-scale-to-y", str(height), "-png", "-singlefile", str(pdf), str(tmp / name)], check=True)
    return Image.open(tmp / f"{name}.png").convert("RGB")


def _qt_image(page: tm.Page, tmp: Path) -> Any:
    from PIL import Image

    from ui.vitals.tempchart import render_image

    render_image(page, WIDTH).save(str(tmp / "screen.png"))
    return Image.open(tmp / "screen.png").convert("RGB")


def _different(a: Any, b: Any) -> float:
    from PIL import ImageChops, ImageFilter

    assert a.size == b.size
    blurred = [i.filter(ImageFilter.GaussianBlur(BLUR)) for i in (a, b)]
    diff = ImageChops.difference(*blurred)
    r, g, b_ = diff.split()
    worst = ImageChops.lighter(ImageChops.lighter(r, g), b_).point(lambda v: 255 if v > CHANNEL_DELTA else 0)
    return float(worst.histogram()[255]) / (a.size[0] * a.size[1])


def _rich() -> tuple[Any, tm.Page]:
    from tests.unit.printing.chart_week import ZONE, febrile_week

    week = febrile_week()
    return week, tm.build_page(week, ZONE)


def test_the_pdf_page_looks_like_the_screens(qtbot: Any, tmp_path: Path) -> None:
    _week, page = _rich()
    screen = _qt_image(page, tmp_path)
    paper = _pdf_image(page, screen.size[1], tmp_path, "paper")
    share = _different(screen, paper)
    assert share <= MAX_DIFFERENT, f"{share:.4%} of the pixels differ: see {tmp_path}"


def test_the_comparison_sees_a_moved_point_and_a_missing_hatch(qtbot: Any, tmp_path: Path) -> None:
    from tests.unit.printing.chart_week import ZONE

    week, page = _rich()
    screen = _qt_image(page, tmp_path)
    obs = tuple(dataclasses.replace(o, value=Decimal("40.5"))
                if o.item == "temp" and o.value == Decimal("38.1") else o for o in week.obs)
    moved = tm.build_page(dataclasses.replace(week, obs=obs), ZONE)
    no_hatch = dataclasses.replace(page, items=tuple(i for i in page.items if not isinstance(i, tm.Hatch)))
    for name, other in (("moved", moved), ("no_hatch", no_hatch)):
        assert _different(screen, _pdf_image(other, screen.size[1], tmp_path, name)) > MAX_DIFFERENT, name
