"""The 体温单 printed from its tab on the real services: Ctrl+P opens the print preview with every
week of the stay at the week on screen, the page drawn; printing only that week puts one page
on paper (a PDF printer here) in the form's words, and the print is audited with its week."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_printing import pdf_printer, text_of

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def test_ctrl_p_previews_the_weeks_and_prints_the_one_in_front(qtbot: Any, real_backend: Any,
                                                               tmp_path: Path) -> None:
    from sqlalchemy import select

    from app.services.demo_ids import demo_id
    from app.store.schema import audit_rec
    from ui.operations import OpContext
    from ui.operations.runner import Runner
    from ui.qt import Qt
    from ui.settings import SettingsSnapshot
    from ui.vitals.chart_print import ChartPrintPreview
    from ui.vitals.tempchart import TempChartTab

    real_backend.prepare(lambda *_a: None)
    user = real_backend.authenticate("liufang", "demo-nurse1")
    runner = Runner()
    ctx = OpContext(runner, real_backend, lambda: SettingsSnapshot())
    tab = TempChartTab(ctx, demo_id("encounter", 10), user=user)          # 15 days: three weeks
    qtbot.addWidget(tab)
    tab.resize(900, 1000)
    tab.show()
    qtbot.waitUntil(lambda: tab.week is not None, timeout=5000)
    tab.turn(-1)
    qtbot.waitUntil(lambda: tab.week.week_no == 2, timeout=5000)
    assert tab.print_button.isVisible() and "Ctrl+P" in tab.print_button.text()
    tab.chart.setFocus()
    qtbot.keyClick(tab.chart, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(d, ChartPrintPreview) and d.isVisible() for d in tab._dialogs),
                    timeout=3000)
    preview = next(d for d in tab._dialogs if isinstance(d, ChartPrintPreview))
    qtbot.waitUntil(lambda: not preview.loading, timeout=10_000)
    assert len(preview.pages) == 3 and preview.index == 1                # at the week on screen
    assert "第 2 周（共 3 周）" in preview.info.text()
    pixmap = preview.image_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 500                  # the page is drawn
    qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    assert preview.index == 2 and "第 3 周" in preview.info.text()
    qtbot.keyClick(preview, Qt.Key.Key_PageUp)
    preview.only_this.setChecked(True)
    out = tmp_path / "week.pdf"
    preview.print_to(pdf_printer(out))
    qtbot.waitUntil(lambda: "已打印并记录" in preview.message.text(), timeout=5000)
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert "Pages:           1" in info
    printed = "".join(text_of(out).split())
    assert "体温单" in printed and "第2周" in printed and "住院天数" in printed
    rows = real_backend.read(lambda conn: conn.execute(
        select(audit_rec.c.after_data, audit_rec.c.staff_id).where(audit_rec.c.action == "print")
        .where(audit_rec.c.entity == "temperature_chart")).all())
    assert [(r.after_data["weeks"], r.staff_id) for r in rows] == [([2], user.id)]
    assert not preview.print_button.isEnabled()                          # printed once
    runner.shutdown()


def test_the_print_menu_opens_the_chart_in_fronts_preview(qtbot: Any, real_window: Any) -> None:
    """打印 ▸ 打印体温单 (a nurse's menu): the chart in front shows its 体温单 tab and its preview."""
    from app.services.demo_ids import demo_id
    from tests.ui.conftest import sign_in
    from ui.vitals.chart_print import ChartPrintPreview

    sign_in(qtbot, real_window, "liufang", "demo-nurse1")
    real_window.open_patient(demo_id("encounter", 10))
    page = real_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    action = real_window.action_set.actions["print_vitals"]
    assert action.isEnabled()
    action.trigger()
    assert page.chart_tabs.currentWidget() is page.vitals_tab
    tab = page.vitals_tab
    qtbot.waitUntil(lambda: any(isinstance(d, ChartPrintPreview) and d.isVisible() for d in tab._dialogs),
                    timeout=5000)
    preview = next(d for d in tab._dialogs if isinstance(d, ChartPrintPreview))
    qtbot.waitUntil(lambda: not preview.loading, timeout=10_000)
    assert len(preview.pages) == 3 and preview.header.name == page.header_widget.header.name
    preview.reject()
