"""Real printing: a 医嘱单 sent through Qt print support to a real CUPS queue (the cups-pdf
printer, which writes what it was sent as a PDF), and the page that comes out of CUPS looks like
the page the app drew. Needs root (cups-pdf's backend and lpadmin) and the Debian packages cups,
cups-client and printer-driver-cups-pdf (scripts/bootstrap.sh installs them for the tests)."""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

QUEUE = "WardStationTestPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not all(shutil.which(t) for t in ("cupsd", "lpadmin", "lpstat", "pdftoppm"))
    or not PPD.exists(), reason="needs root, CUPS, cups-pdf and poppler-utils")


def _scheduler_running() -> bool:
    answer = subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout
    return answer.startswith("scheduler is running")


@pytest.fixture
def queue() -> Any:
    if not _scheduler_running():
        subprocess.run(["cupsd"], check=True)                       # daemonizes
        deadline = time.monotonic() + 10
        while not _scheduler_running() and time.monotonic() < deadline:
            time.sleep(0.2)
    subprocess.run(["lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(PPD)], check=True,
                   capture_output=True)
    out = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"     # cups-pdf: the account's home, not $HOME
    before = {p: p.stat().st_mtime_ns for p in out.glob("*.pdf")} if out.exists() else {}
    yield out, before
    subprocess.run(["lpadmin", "-x", QUEUE], capture_output=True)


def _ink(path: Path, tmp: Path, name: str) -> Any:
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", str(path),
                    str(tmp / name)], check=True)
    return Image.open(tmp / f"{name}.png").convert("L")


def test_a_sheet_printed_through_cups_comes_out_as_drawn(queue: Any, qapp: Any, tmp_path: Path) -> None:
    from PIL import ImageChops

    from app.printing.order_sheets import SheetHeader, draw_pages, measure_mm, whole_pages
    from app.printing.pdf_render import write_pdf
    from app.printing.sheet_layout import LONG_SHEET, PrintLine, plan_sheet
    from ui.printing.painter import print_pages
    from ui.qt import print_support

    out_dir, before = queue
    lines = [PrintLine(f"o{n}", datetime(2026, 12, 1, 8, n), f"医嘱内容 第{n}条 0.9%氯化钠注射液 250ml",
                       "李明", "刘芳") for n in range(12)]
    plan = plan_sheet(LONG_SHEET, lines, [], measure_mm)
    pages = draw_pages(plan, SheetHeader("演示医院", "吴淑珍", "内科", "内科一病区", "7", "26310036"),
                       whole_pages(plan))
    support = print_support()
    printer = support.QPrinter(support.QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(QUEUE)
    assert printer.isValid() and printer.outputFormat() == support.QPrinter.OutputFormat.NativeFormat
    printer.setDocName(f"wardstation-cups-test-{uuid.uuid4().hex[:8]}")  # cups-pdf names the file by it
    print_pages(printer, pages)
    deadline = time.monotonic() + 60
    made: list[Path] = []
    while time.monotonic() < deadline and not made:
        made = [p for p in out_dir.glob("*.pdf")
                if before.get(p) != p.stat().st_mtime_ns] if out_dir.exists() else []
        time.sleep(0.5)
    assert made, f"CUPS wrote nothing into {out_dir}"
    time.sleep(1.0)                                                    # the backend closes the file
    ours = tmp_path / "ours.pdf"
    write_pdf(pages, ours, "reference")
    got, want = _ink(made[0], tmp_path, "cups"), _ink(ours, tmp_path, "ours")
    assert got.size == want.size                                       # A4, one page
    diff = ImageChops.difference(got, want).point(lambda v: 255 if v > 96 else 0)
    share = diff.histogram()[255] / (got.size[0] * got.size[1])
    assert share < 0.02, f"{share:.2%} of the page differs from what the app drew"
    made[0].unlink()
