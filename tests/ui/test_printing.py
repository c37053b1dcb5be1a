"""The 医嘱单 printed from the 医嘱 tab on the real services: Ctrl+P previews the whole sheet and
prints it (a PDF printer here), Ctrl+Shift+P after a new order previews only the new line at its
row, and both prints are recorded, so a third 续打 has nothing left to print."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_orders_tab import (
    CTRL,
    closed,
    doctor_chart,
    key,
    pick,
    review_dialog,
    save,
    wait_rows,
)
from ui.qt import Qt, print_support

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
ALT = Qt.KeyboardModifier.AltModifier


def preview_of(qtbot: Any, tab: Any) -> Any:
    from ui.printing.preview import PrintPreview

    qtbot.waitUntil(lambda: any(isinstance(d, PrintPreview) and d.isVisible() for d in tab._dialogs),
                    timeout=3000)
    dialog = next(d for d in reversed(tab._dialogs) if isinstance(d, PrintPreview))
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    return dialog


def pdf_printer(path: Path) -> Any:
    support = print_support()
    printer = support.QPrinter(support.QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(support.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_print_then_continue_prints_only_the_new_line(qtbot: Any, real_window: Any, tmp_path: Path) -> None:
    tab = doctor_chart(qtbot, real_window, "7")
    key(qtbot, Qt.Key.Key_P, CTRL)
    preview = preview_of(qtbot, tab)
    assert preview.pages and preview.pages[0].number == 1
    assert "长期医嘱单" in preview.pages[0].texts() and "吴淑珍" in " ".join(preview.pages[0].texts())
    assert not preview.image_label.pixmap().isNull()                 # the page is drawn on screen
    whole = tmp_path / "whole.pdf"
    preview.print_to(pdf_printer(whole))
    qtbot.waitUntil(lambda: "已打印并记录" in preview.message.text(), timeout=5000)
    assert "长期医嘱单" in text_of(whole)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)                        # Esc closes, back to the orders
    qtbot.waitUntil(lambda: closed(preview) and tab.table.hasFocus(), timeout=3000)

    key(qtbot, Qt.Key.Key_F2)                                         # a new long order, signed
    pick(qtbot, tab, "dgx", lambda i: i.name == "地高辛片")
    digoxin = save(qtbot, tab, "地高辛片 0.25mg")
    key(qtbot, Qt.Key.Key_Escape)
    dialog = review_dialog(qtbot, tab)
    key(qtbot, Qt.Key.Key_Return)
    wait_rows(qtbot, tab, lambda rs: tab.model.row_by_id(digoxin.id).status == "submitted")
    qtbot.waitUntil(lambda: closed(dialog) and tab.table.hasFocus(), timeout=5000)

    key(qtbot, Qt.Key.Key_P, CTRL | ALT)                            # 续打
    cont = preview_of(qtbot, tab)
    assert [p.number for p in cont.pages] == [1]
    texts = cont.pages[0].texts()
    assert "长期医嘱单" not in texts and any(t.startswith("地高辛片") for t in texts)
    assert "第 1 页" in cont.message.text()                            # which paper to put in
    out = tmp_path / "cont.pdf"
    cont.print_to(pdf_printer(out))
    qtbot.waitUntil(lambda: "已打印并记录" in cont.message.text(), timeout=5000)
    printed = text_of(out)
    assert "地高辛片" in printed and "二级护理" not in printed
    qtbot.keyClick(cont, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(cont) and tab.table.hasFocus(), timeout=3000)

    key(qtbot, Qt.Key.Key_P, CTRL | ALT)                            # nothing new since
    again = preview_of(qtbot, tab)
    assert again.pages == [] and not again.print_button.isEnabled()
    assert "没有需要续打的内容" in again.message.text()
