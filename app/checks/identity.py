"""Drug identity: every spelling of a drug (通用名 with or without dosage form and salt, English INN,
aliases) maps to one ingredient.

Hospitals type product names (注射用头孢曲松钠), bare generics (头孢曲松), English INNs and
brand-like aliases. The resolver tries, in order: the exact spelling, the spelling with the
concentration, preparation prefix, dosage-form suffix, salt and parenthesised notes removed, and
finally the longest known generic name contained in the text. Word lists come from vocab.csv.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

_PARENS = re.compile(r"\([^)]*\)")
_LEADING_STRENGTH = re.compile(r"^[\d.]+\s*(%|mg|g|ml|iu|u)?\s*[:/]?\s*[\d.]*\s*(%|mg|g|ml)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_COMBINE = re.compile(r"\s*(\+|/|-| and | with |&)\s*")


def _spec_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    """Strengths such as 10%, 0.5g, 10ml:1g, with the unit spellings of vocab.csv."""
    words = sorted({normalize(u) for u in units if u} | {"%"}, key=len, reverse=True)
    alternatives = "(" + "|".join(re.escape(w) for w in words) + ")"
    return re.compile(r"[\d.]+\s*" + alternatives + r"?(\s*[:/]\s*[\d.]+\s*" + alternatives + r")?")


def normalize(text: str) -> str:
    """Fold width and case and spacing so that spellings compare equal."""
    folded = unicodedata.normalize("NFKC", text).lower().strip()
    folded = folded.replace("µ", "μ")
    folded = _COMBINE.sub("/", folded)
    return re.sub(r"\s+", " ", folded)


def percent_in(text: str) -> Optional[float]:
    """The w/v concentration written in a product name (10%氯化钾 -> 10.0), if any."""
    match = _PERCENT.search(unicodedata.normalize("NFKC", text))
    return float(match.group(1)) if match else None


@dataclass(frozen=True)
class Match:
    ingredient: str
    form: Optional[str]  # the product spelling matched, when the text named a dosage form
    how: str  # exact / stripped / contained


class NameIndex:
    """Lookup table from normalised spelling to (ingredient, product form or None)."""

    def __init__(self, prefixes: tuple[str, ...], suffixes: tuple[str, ...],
                 salts: tuple[str, ...], units: tuple[str, ...] = ()) -> None:
        self._spec = _spec_pattern(units)
        self._exact: dict[str, tuple[str, Optional[str]]] = {}
        self._contained: list[tuple[str, str]] = []  # (key, ingredient), longest first
        self._prefixes = tuple(sorted((normalize(p) for p in prefixes), key=len, reverse=True))
        self._suffixes = tuple(sorted((normalize(s) for s in suffixes), key=len, reverse=True))
        self._salts = tuple(sorted((normalize(s) for s in salts), key=len, reverse=True))

    def add(self, spelling: str, ingredient: str, form: Optional[str] = None,
            containable: bool = False) -> None:
        key = normalize(spelling)
        if not key:
            return
        self._exact.setdefault(key, (ingredient, form))
        if containable and (len(key) >= 2 if not key.isascii() else len(key) >= 4):
            self._contained.append((key, ingredient))

    def freeze(self) -> None:
        self._contained.sort(key=lambda kv: len(kv[0]), reverse=True)

    def known(self, spelling: str) -> bool:
        return normalize(spelling) in self._exact

    def resolve(self, text: str) -> Optional[Match]:
        key = normalize(text)
        hit = self._exact.get(key)
        if hit:
            return Match(hit[0], hit[1], "exact")
        for candidate in self._variants(key):
            hit = self._exact.get(candidate)
            if hit:
                return Match(hit[0], hit[1], "stripped")
        return self._contained_match(key)

    def _variants(self, key: str) -> list[str]:
        """Progressively stripped spellings: notes, strength, prefix, form suffix, salt."""
        out: list[str] = []
        current = _PARENS.sub("", key).strip()
        out.append(current)
        current = _LEADING_STRENGTH.sub("", current).strip() or current
        out.append(current)
        for prefix in self._prefixes:
            if current.startswith(prefix) and len(current) > len(prefix):
                current = current[len(prefix):].strip()
                out.append(current)
                break
        changed = True
        while changed:
            changed = False
            for suffix in self._suffixes:
                if current.endswith(suffix) and len(current) > len(suffix):
                    current = current[: -len(suffix)].strip()
                    out.append(current)
                    changed = True
                    break
        despecified = self._spec.sub("", _PARENS.sub("", key)).strip(" ,;:")
        if despecified and despecified != current:
            out.append(despecified)
        desalted = current
        for salt in self._salts:
            if len(desalted) > len(salt) * 2:
                desalted = desalted.replace(salt, "")
        out.append(re.sub(r"\s+", " ", desalted.replace(" /", "/").replace("/ ", "/")).strip())
        for salt in self._salts:
            if current.startswith(salt) and len(current) > len(salt):
                out.append(current[len(salt):].strip())
            if current.endswith(salt) and len(current) > len(salt):
                out.append(current[: -len(salt)].strip())
        # A salt both before and after the base (盐酸头孢吡肟 -> 头孢吡肟 already handled once).
        stripped_once = list(out)
        for variant in stripped_once:
            for salt in self._salts:
                if variant.endswith(salt) and len(variant) > len(salt):
                    out.append(variant[: -len(salt)].strip())
        return out

    def _only_noise(self, rest: str) -> bool:
        """True when what surrounds a contained name is just strength, form, salt or a note,
        so 'potassium chloride 10%' matches but 舒芬太尼 is not taken for 芬太尼."""
        rest = self._spec.sub(" ", _PARENS.sub(" ", rest))
        rest = _strip_words(rest, self._prefixes + self._suffixes + self._salts)
        return not re.sub(r"[\s,;:()\[\]%.+/*-]", "", rest)

    def _contained_match(self, key: str) -> Optional[Match]:
        best: Optional[tuple[int, int, str]] = None  # (-len, position, ingredient)
        for spelling, ingredient in self._contained:
            if best is not None and len(spelling) < -best[0]:
                break
            position = key.find(spelling)
            if position < 0:
                continue
            if spelling.isascii() and not _word_at(key, position, len(spelling)):
                continue
            if not self._only_noise(key[:position] + " " + key[position + len(spelling):]):
                continue
            candidate = (-len(spelling), position, ingredient)
            if best is None or candidate < best:
                best = candidate
        return Match(best[2], None, "contained") if best else None


def _strip_words(text: str, words: tuple[str, ...]) -> str:
    for word in words:
        if word:
            text = text.replace(word, " ")
    return text


def _word_at(text: str, start: int, length: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[start + length] if start + length < len(text) else " "
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())
