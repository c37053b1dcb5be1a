"""Instant search over every orderable and codable item, in memory.

The order-entry and diagnosis boxes query on every keystroke, so a query must cost well under
10 ms over 20,000+ items. The index keeps, per field, a sorted list for prefix matches (bisect)
and one joined text for substring matches (str.find runs in C), and fills the result tier by
tier, stopping as soon as `limit` hits are found:

    exact code > initials prefix > code prefix > name prefix > initials substring > name substring

Inside a tier, frequencies and routes come first, then drugs, order items and ICD-10 codes;
shorter names before longer ones (the closer match).

What the user typed is normalised first (`normalize_query`): whitespace and control characters
(newline, tab, NUL, ...) become one space, invisible format characters (zero-width space, BOM,
bidi marks) go, the ends are trimmed. The joined text separates entries with a newline, so a
query holding one must never reach it; a query longer than every indexed text finds nothing
without a scan.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.dictionaries import pinyin
from app.store import schema

KIND_RANK = {"freq": 0, "route": 0, "drug": 1, "item": 2, "icd10": 3}
KINDS = tuple(KIND_RANK)

# Whitespace and C0/C1 control characters, runs of them: one space.
_SEPARATORS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
# Format characters (Unicode Cf) and lone surrogates, which paste in invisibly: removed.
_INVISIBLE = re.compile("[\xad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
                        "\U000e0001\U000e0020-\U000e007f]")


def normalize_query(text: str) -> str:
    """The search text for what was typed or pasted: one line, single spaces, no invisibles."""
    return _SEPARATORS.sub(" ", _INVISIBLE.sub("", text)).strip()


@dataclass(frozen=True)
class SearchItem:
    """One searchable dictionary row. `key` is the row's primary key (id or code)."""

    kind: str
    key: str
    code: str
    name: str
    detail: str = ""
    initials: tuple[str, ...] = ()
    names: tuple[str, ...] = ()     # other names matched too: base name, English name


class _Field:
    """Prefix and substring lookup over one text field of many items."""

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        entries = sorted((text, idx) for text, idx in pairs if text)
        self._keys = [text for text, _ in entries]
        self.longest = max((len(text) for text in self._keys), default=0)
        self._idx = [idx for _, idx in entries]
        self._starts: list[int] = []
        self._owners: list[int] = []
        parts: list[str] = []
        offset = 0
        for text, idx in entries:
            self._starts.append(offset)
            self._owners.append(idx)
            parts.append(text)
            offset += len(text) + 1
        self._blob = "\n".join(parts)

    def prefix(self, q: str) -> list[int]:
        lo = bisect_left(self._keys, q)
        hi = bisect_right(self._keys, q + "\uffff", lo)
        return self._idx[lo:hi]

    def exact(self, q: str) -> list[int]:
        lo = bisect_left(self._keys, q)
        hi = bisect_right(self._keys, q, lo)
        return self._idx[lo:hi]

    def substring(self, q: str) -> Iterable[int]:
        blob, find = self._blob, self._blob.find
        pos = find(q)
        while pos >= 0:
            yield self._owners[bisect_right(self._starts, pos) - 1]
            pos = find(q, pos + 1)
        del blob


class SearchIndex:
    """Immutable once built; safe to share between threads for reading."""

    def __init__(self, items: Sequence[SearchItem]) -> None:
        self.items = list(items)
        self._rank = [(KIND_RANK.get(it.kind, 9), len(it.name), it.name) for it in self.items]
        self._kind = [it.kind for it in self.items]
        self._code = _Field((it.code.upper(), i) for i, it in enumerate(self.items))
        self._initials = _Field((s, i) for i, it in enumerate(self.items) for s in it.initials)
        self._names = _Field((s.lower(), i) for i, it in enumerate(self.items)
                             for s in (it.name, *it.names))
        self._longest = max((f.longest for f in (self._code, self._initials, self._names)), default=0)

    def __len__(self) -> int:
        return len(self.items)

    def search(self, query: str, limit: int = 20,
               kinds: Optional[Iterable[str]] = None) -> list[SearchItem]:
        """The best `limit` items for what the user typed so far (empty query: nothing)."""
        q = normalize_query(query)
        if not q or limit <= 0 or len(q) > self._longest:
            return []
        allowed = set(kinds) if kinds is not None else None
        upper, lower = q.upper(), q.lower()
        ascii_query = q.isascii()
        tiers: list[Iterable[int]] = []
        if ascii_query:
            tiers += [self._code.exact(upper), self._initials.prefix(upper), self._code.prefix(upper)]
        tiers.append(self._names.prefix(lower))
        if ascii_query:
            tiers.append(self._initials.substring(upper))
        tiers.append(self._names.substring(lower))
        found: list[int] = []
        seen: set[int] = set()
        for tier in tiers:
            fresh = [i for i in dict.fromkeys(tier) if i not in seen
                     and (allowed is None or self._kind[i] in allowed)]
            need = limit - len(found)
            best = heapq.nsmallest(need, fresh, key=self._rank.__getitem__)
            found.extend(best)
            seen.update(best)
            if len(found) >= limit:
                break
        return [self.items[i] for i in found]


def _drug_items(conn: Connection) -> list[SearchItem]:
    t = schema.drug
    rows = conn.execute(select(t.c.id, t.c.code, t.c.generic_name, t.c.base_name, t.c.en_inn,
                               t.c.package, t.c.pinyin).where(t.c.is_active.is_(True)))
    base_initials: dict[str, str] = {}
    items = []
    for r in rows:
        base = str(r.base_name)
        if base not in base_initials:
            base_initials[base] = pinyin.initials(base)
        inits = tuple(dict.fromkeys(s for s in (str(r.pinyin), base_initials[base]) if s))
        names = tuple(s for s in (base, r.en_inn) if s)
        items.append(SearchItem("drug", str(r.id), str(r.code), str(r.generic_name),
                                str(r.package or ""), inits, names))
    return items


def build_index(conn: Connection) -> SearchIndex:
    """Read the dictionaries with one query per table and build the index."""
    items: list[SearchItem] = []
    for r in conn.execute(select(schema.freq.c.code, schema.freq.c.name)
                          .order_by(schema.freq.c.sort_key)):
        items.append(SearchItem("freq", str(r.code), str(r.code), str(r.name), "",
                                (pinyin.initials(r.name),)))
    for r in conn.execute(select(schema.route.c.code, schema.route.c.name)
                          .order_by(schema.route.c.sort_key)):
        items.append(SearchItem("route", str(r.code), str(r.code), str(r.name), "",
                                (pinyin.initials(r.name),)))
    items += _drug_items(conn)
    oi = schema.order_item
    for r in conn.execute(select(oi.c.id, oi.c.code, oi.c.name, oi.c.category, oi.c.pinyin)
                          .where(oi.c.is_active.is_(True))):
        items.append(SearchItem("item", str(r.id), str(r.code), str(r.name), str(r.category),
                                (str(r.pinyin),)))
    icd = schema.icd10
    for r in conn.execute(select(icd.c.code, icd.c.name_cn, icd.c.name_en, icd.c.pinyin)):
        name = str(r.name_cn or r.name_en)
        items.append(SearchItem("icd10", str(r.code), str(r.code), name, str(r.name_en),
                                (str(r.pinyin),) if r.pinyin else (), (str(r.name_en),)))
    return SearchIndex(items)
