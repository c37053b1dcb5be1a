"""Pinyin search codes (拼音首字母) for dictionary names.

Ward staff find items by typing initials (ASPL for 阿司匹林), so the initials must follow the
reading a pharmacist uses: pypinyin's phrase dictionary plus the project overrides in
resources/dictionaries/pinyin_phrases.txt for drug words it reads wrong (参麦 shēn, 调脂 tiáo).
"""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Optional

from pypinyin import Style, lazy_pinyin, load_phrases_dict

PHRASES_FILE = Path(__file__).resolve().parents[2] / "resources" / "dictionaries" / "pinyin_phrases.txt"

_lock = threading.Lock()
_loaded = False
_LEADING_NOISE = re.compile(r"^[^A-Za-z\u3400-\u9fff]+")


def read_phrases(path: Path = PHRASES_FILE) -> dict[str, list[list[str]]]:
    """Parse the override file; a malformed line raises ValueError naming file and line."""
    phrases: dict[str, list[list[str]]] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            word, *syllables = line.split()
            if len(syllables) != len(word):
                raise ValueError(f"{path}:{lineno}: {len(word)} characters but {len(syllables)} syllables")
            phrases[word] = [[s] for s in syllables]
    return phrases


def _ensure_loaded() -> None:
    global _loaded
    if _loaded:
        return
    with _lock:
        if not _loaded:
            load_phrases_dict(read_phrases())
            _loaded = True


def initials(text: Optional[str], max_len: Optional[int] = None) -> str:
    """Upper-case initials: 阿司匹林肠溶片 -> ASPLCRP, 维生素B1 -> WSSB1.

    Leading concentrations and symbols (0.9%, 10%) are dropped so that 0.9%氯化钠注射液 is found
    by LHN; Latin letters and digits after the first letter are kept; other symbols are dropped.
    """
    if not text:
        return ""
    _ensure_loaded()
    text = _LEADING_NOISE.sub("", text)
    out: list[str] = []
    for token in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"):
        out.extend(ch for ch in token.upper() if ch.isascii() and ch.isalnum())
    code = "".join(out)
    return code[:max_len] if max_len else code


def full(text: Optional[str]) -> str:
    """Full toneless pinyin without spaces, lower case: 地西泮 -> dixipan."""
    if not text:
        return ""
    _ensure_loaded()
    parts = lazy_pinyin(_LEADING_NOISE.sub("", text), errors="default")
    return "".join(ch for p in parts for ch in p.lower() if ch.isascii() and ch.isalnum())
