"""The screen's 体温单 words (ui/vitals/labels.py chart_text, through Qt translation) and the
printed form's (app/printing/tempchart_words.py, plain Chinese) are the same words: with no
translator installed, Qt returns the Chinese source texts, and each must equal the form's."""
from __future__ import annotations

from typing import Any, Iterator

import pytest

from app.printing import tempchart_model as tm
from app.printing import tempchart_words as words


@pytest.fixture
def no_translator(qapp: Any) -> Iterator[None]:
    from ui import i18n

    i18n.install_language("none")          # removes the installed translators, loads none
    yield
    i18n.install_language("zh_CN")


def _rich_page() -> tm.Page:
    from tests.unit.printing.chart_week import ZONE, febrile_week

    return tm.build_page(febrile_week(), ZONE)


def test_every_text_the_model_emits_reads_the_same_on_screen_and_on_paper(no_translator: None) -> None:
    from ui.vitals.labels import chart_text

    texts = _rich_page().of(tm.Text)
    keys = {t.key for t in texts}
    assert {"label", "text", "event", "code", "skin"} <= keys          # the rich week has them all
    for t in texts:
        assert chart_text(t.key, t.params) == words.form_text(t.key, t.params), t


def test_every_word_of_the_form_is_the_screens_chinese(no_translator: None) -> None:
    """Also the ids this week does not use (transfer, discharge, 测不出 ...)."""
    from ui.vitals.labels import chart_text

    samples: list[tuple[str, dict[str, Any]]] = [("label", {"name": n, "n": 3}) for n in words.LABELS]
    samples += [("code", {"code": c}) for c in words.CODES]
    samples += [("event", {"code": e, "hour": h, "minute": m, "with_time": e != "surgery"})
                for e in words.EVENTS for h, m in ((0, 0), (10, 20), (23, 59), (9, 5))]
    samples += [("skin", {"substance": "青霉素", "result": r}) for r in ("positive", "negative", None)]
    for key, params in samples:
        assert chart_text(key, params) == words.form_text(key, params), (key, params)
    assert words.form_text("event", {"code": "admit", "hour": 10, "minute": 20}) == "入院于十时二十分"
