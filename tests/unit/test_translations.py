"""The English catalogue is complete: an English user never meets an untranslated Chinese string."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
CJK = re.compile(r"[\u3001\u4e00-\u9fff]")
# The language menu names both languages on purpose, so either reader finds it.
BILINGUAL = {"语言 Language(&G)"}


def _messages(name: str) -> list[tuple[str, str, str]]:
    root = ET.parse(TRANSLATIONS / name).getroot()
    found = []
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                text = ""
            else:
                text = translation.text or ""
            found.append((ctx, message.findtext("source") or "", text))
    return found


def test_every_english_translation_is_done_and_english() -> None:
    messages = _messages("en.ts")
    assert len(messages) > 100
    bad = [(ctx, src, tr) for ctx, src, tr in messages
           if not tr.strip() or (CJK.search(tr) and src not in BILINGUAL)]
    assert bad == []


def test_chinese_catalogue_has_the_same_messages() -> None:
    english = {(ctx, src) for ctx, src, _ in _messages("en.ts")}
    chinese = {(ctx, src) for ctx, src, tr in _messages("zh_CN.ts") if tr}
    assert english == chinese


def test_no_translation_has_an_ampersand_qt_would_eat() -> None:
    """In a button or menu "&" marks the shortcut letter: "Review & sign" shows as "Review  sign".
    A literal ampersand is written "&&"; "&" may only precede the letter it underlines."""
    lone = re.compile(r"(?<!&)&(?![&\w])")
    bad = [(ctx, src, tr) for name in ("en.ts", "zh_CN.ts") for ctx, src, tr in _messages(name)
           if lone.search(tr)]
    assert bad == []
