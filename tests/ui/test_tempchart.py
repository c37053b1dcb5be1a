"""The 体温单 painted by Qt, compared with the committed picture (a tolerance for anti-aliasing and
font hinting; the font is fonts-wqy-zenhei). Regenerate after a deliberate change, then look at it:
    UPDATE_GOLDEN=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/ui/test_tempchart.py
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden" / "tempchart_febrile_week.png"
WIDTH = 1240                      # 150 dpi on A4
MAX_DIFFERENT = 0.004             # share of pixels allowed to differ noticeably
CHANNEL_DELTA = 64


def _different(a: Any, b: Any) -> float:
    assert (a.width(), a.height()) == (b.width(), b.height())
    from ui.qt import QImage

    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    da = bytes(a.constBits())       # type: ignore[call-overload]
    db = bytes(b.constBits())       # type: ignore[call-overload]
    bad = sum(1 for i in range(0, len(da), 4)
              if max(abs(da[i + k] - db[i + k]) for k in range(3)) > CHANNEL_DELTA)
    return bad / (a.width() * a.height())


def test_febrile_week_matches_the_golden_picture(qtbot: Any, tmp_path: Path) -> None:
    from app.printing.tempchart_model import build_page
    from tests.unit.printing.chart_week import ZONE, febrile_week
    from ui.qt import QImage
    from ui.vitals.tempchart import render_image

    image = render_image(build_page(febrile_week(), ZONE), WIDTH)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        image.save(str(GOLDEN))
    golden = QImage(str(GOLDEN))
    assert not golden.isNull(), "no golden picture: run with UPDATE_GOLDEN=1 and look at it"
    share = _different(image, golden)
    if share > MAX_DIFFERENT:
        image.save(str(tmp_path / "actual.png"))
    assert share <= MAX_DIFFERENT, f"{share:.2%} of the pixels differ; see {tmp_path / 'actual.png'}"


def test_a_changed_value_is_seen(qtbot: Any) -> None:
    """The comparison can fail: a week with one temperature changed differs from the golden."""
    import dataclasses
    from decimal import Decimal

    from app.printing.tempchart_model import build_page
    from tests.unit.printing.chart_week import ZONE, febrile_week
    from ui.qt import QImage
    from ui.vitals.tempchart import render_image

    week = febrile_week()
    obs = tuple(dataclasses.replace(o, value=Decimal("40.5"))
                if o.item == "temp" and o.value == Decimal("38.1") else o for o in week.obs)
    image = render_image(build_page(dataclasses.replace(week, obs=obs), ZONE), WIDTH)
    assert _different(image, QImage(str(GOLDEN))) > 0.0005


def test_the_chart_tab_pages_by_week(qtbot: Any, real_backend: Any) -> None:
    from app.services.demo_ids import demo_id
    from ui.operations import OpContext
    from ui.operations.runner import Runner
    from ui.settings import SettingsSnapshot
    from ui.vitals.tempchart import TempChartTab

    real_backend.prepare(lambda *_a: None)
    runner = Runner()
    ctx = OpContext(runner, real_backend, lambda: SettingsSnapshot())
    tab = TempChartTab(ctx, demo_id("encounter", 10))           # 15 days: three pages
    qtbot.addWidget(tab)
    tab.resize(700, 1000)
    tab.show()
    qtbot.waitUntil(lambda: tab.week is not None, timeout=5000)
    assert tab.week.week_no == tab.week.weeks == 3
    tab.turn(-1)
    qtbot.waitUntil(lambda: tab.week.week_no == 2, timeout=5000)
    assert tab.chart.page is not None and tab.page_label.text() == "第 2 / 3 周"
    runner.shutdown()


def test_the_days_intake_and_stool_entered_below_the_sheet(qtbot: Any, real_backend: Any) -> None:
    from types import SimpleNamespace

    from app.domain import vitals as dv
    from app.services.demo_ids import demo_id
    from tests.ui.conftest import commit_text
    from ui.operations import OpContext
    from ui.operations.runner import Runner
    from ui.qt import Qt
    from ui.settings import SettingsSnapshot
    from ui.vitals.tempchart import TempChartTab

    real_backend.prepare(lambda *_a: None)
    runner = Runner()
    ctx = OpContext(runner, real_backend, lambda: SettingsSnapshot())
    tab = TempChartTab(ctx, demo_id("encounter", 3), user=SimpleNamespace(id=demo_id("staff", "liufang")))
    qtbot.addWidget(tab)
    tab.resize(900, 1000)
    tab.show()
    qtbot.waitUntil(lambda: tab.week is not None, timeout=5000)
    form = tab.daily
    qtbot.keyClicks(form.edits[dv.STOOL], "9/X")
    qtbot.keyClick(form.edits[dv.STOOL], Qt.Key.Key_Return)
    assert "1/E" in form.message.text()                   # refused, with the notation's examples
    form.edits[dv.STOOL].clear()
    qtbot.keyClicks(form.edits[dv.INTAKE], "1850")
    qtbot.keyClicks(form.edits[dv.URINE], "1400")
    form.catheter.setChecked(True)
    qtbot.keyClicks(form.edits[dv.STOOL], "1/E")
    commit_text(form.edits[dv.WEIGHT], "卧床")
    qtbot.keyClick(form.edits[dv.INTAKE], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.message.text() == "已保存", timeout=5000)
    qtbot.waitUntil(lambda: any(o.item == dv.INTAKE and o.value == 1850 for o in tab.week.obs), timeout=5000)
    items = {o.item: o for o in tab.week.obs if o.created_at.year >= 2026}
    assert items[dv.URINE].method == dv.CATHETER and items[dv.STOOL].code == "1/E"
    assert any(o.item == dv.WEIGHT and o.code == dv.BEDREST for o in tab.week.obs)
    runner.shutdown()
