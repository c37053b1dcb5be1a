"""A printed page compared with its golden image: page N of a PDF rendered by poppler
(`pdftoppm -r 60 -gray -png`) must match tests/unit/printing/golden/<name>.png but for a few
pixels (antialiasing, a font's hinting). A missing golden fails; `UPDATE_GOLDEN=1` writes (or
rewrites) it, to be looked at before it is committed."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
DPI = 60
GREY_LEVELS = 64              # a pixel differs when its grey differs by more than this
SHARE = 0.004                 # the share of the pixels that may differ


def rendered(pdf: Path, page: int, stem: Path) -> Path:
    """Page `page` (from 1) of `pdf` as a grey PNG at DPI, written to `stem`.png."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(stem)], check=True)
    return stem.with_name(stem.name + ".png")


def differing_share(got_png: Path, golden_png: Path) -> float:
    """The share of the pixels whose grey differs by more than GREY_LEVELS."""
    from PIL import Image, ImageChops

    with Image.open(got_png) as a, Image.open(golden_png) as b:
        got, want = a.convert("L"), b.convert("L")
    assert got.size == want.size, f"{got_png.name}: {got.size} pixels, the golden {want.size}"
    diff = ImageChops.difference(got, want).point(lambda v: 255 if v > GREY_LEVELS else 0)
    return diff.histogram()[255] / (got.size[0] * got.size[1])


def assert_matches_golden(pdf: Path, name: str, page: int = 1) -> None:
    """Page `page` of `pdf` looks like golden/<name>.png (fewer than SHARE of the pixels differ)."""
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
    changed = differing_share(png, golden)
    assert changed < SHARE, f"{name}: {changed:.2%} of the pixels differ from {golden}"
