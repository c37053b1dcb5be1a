"""A printed page compared with its golden image: page N of a PDF rendered by poppler
(`pdftoppm -r 60 -gray -png`) must match tests/unit/printing/golden/<name>.png but for a few
pixels (antialiasing, a font's hinting). A pixel differs when its grey differs by more than
GREY_LEVELS; the page fails when more than SHARE of its pixels differ, or when more than
TILE_PIXELS differ in any TILE x TILE square (about 7 mm: a missing chart point, a moved rule,
a changed word in 10 pt text), which a share of the whole page would let through. A missing
golden fails; `UPDATE_GOLDEN=1` writes (or rewrites) it, to be looked at before it is committed.

At 60 dpi a single changed digit of 8-10 pt text moves fewer pixels than that (the words are
read back by the pdftotext tests); the images catch what the eye sees of the layout."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden"
DPI = 60
GREY_LEVELS = 64              # a pixel differs when its grey differs by more than this
SHARE = 0.004                 # the share of the page's pixels that may differ
TILE = 16                     # pixels: 6.8 mm at 60 dpi
TILE_PIXELS = 24              # of the TILE * TILE pixels of any square (9%)


def rendered(pdf: Path, page: int, stem: Path) -> Path:
    """Page `page` (from 1) of `pdf` as a grey PNG at DPI, written to `stem`.png."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(stem)], check=True)
    return stem.with_name(stem.name + ".png")


def _differing(got_png: Path, golden_png: Path) -> Any:
    """A black-and-white image: white where the grey differs by more than GREY_LEVELS."""
    from PIL import Image, ImageChops

    with Image.open(got_png) as a, Image.open(golden_png) as b:
        got, want = a.convert("L"), b.convert("L")
    assert got.size == want.size, f"{got_png.name}: {got.size} pixels, the golden {want.size}"
    return ImageChops.difference(got, want).point(lambda v: 255 if v > GREY_LEVELS else 0)


def worst_tile(diff: Any) -> tuple[int, int, int]:
    """(differing pixels, x, y) of the TILE square (at half-TILE steps) with the most."""
    width, height = diff.size
    best = (0, 0, 0)
    for y in range(0, max(height - TILE, 0) + TILE // 2, TILE // 2):
        for x in range(0, max(width - TILE, 0) + TILE // 2, TILE // 2):
            n = diff.crop((x, y, x + TILE, y + TILE)).histogram()[255]
            if n > best[0]:
                best = (n, x, y)
    return best


def assert_matches_golden(pdf: Path, name: str, page: int = 1) -> None:
    """Page `page` of `pdf` looks like golden/<name>.png (see the module's docstring)."""
    png = rendered(pdf, page, pdf.with_name(f"{pdf.stem}-{page}-render"))
    golden = GOLDEN / f"{name}.png"
    if os.environ.get("UPDATE_GOLDEN"):
        from PIL import Image

        GOLDEN.mkdir(exist_ok=True)
        with Image.open(png) as image:
            image.convert("L").save(golden)
        return
    assert golden.exists(), \
        f"no golden image {golden}: run the test with UPDATE_GOLDEN=1, look at the image, commit it"
    diff = _differing(png, golden)
    changed = diff.histogram()[255] / (diff.size[0] * diff.size[1])
    assert changed < SHARE, f"{name}: {changed:.2%} of the pixels differ from {golden}"
    n, x, y = worst_tile(diff)
    mm = 25.4 / DPI
    assert n <= TILE_PIXELS, (f"{name}: {n} of the {TILE * TILE} pixels differ from {golden} in the square "
                              f"at {x * mm:.0f} mm from the left, {y * mm:.0f} mm from the top")
