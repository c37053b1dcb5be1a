"""Instant search: built from a real SQLite database loaded with the shipped dictionaries."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.dictionaries.loader import load_all
from app.dictionaries.search import SearchIndex, SearchItem, build_index, normalize_query
from app.store import schema


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    path: Path = tmp_path_factory.mktemp("search") / "ward.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    schema.metadata.create_all(engine)
    with engine.begin() as conn:
        load_all(conn)
    with engine.connect() as conn:
        built = build_index(conn)
    engine.dispose()
    return built


def _names(hits: list[SearchItem]) -> list[str]:
    return [h.name for h in hits]


def test_index_covers_every_dictionary(index: SearchIndex) -> None:
    kinds = {it.kind for it in index.items}
    assert kinds == {"drug", "item", "icd10", "freq", "route"}
    assert len(index) > 15000


def test_pinyin_initials_find_drugs(index: SearchIndex) -> None:
    hits = index.search("ASPL", 10)
    assert hits and all(h.name.startswith("阿司匹林") for h in hits)
    assert index.search("aspl", 10) == hits                        # case does not matter
    assert all("还原型谷胱甘肽" in n for n in _names(index.search("HYXGGGT", 5)))
    assert "地西泮片" in _names(index.search("DXP", 5))


def test_base_name_initials_find_products_named_after_the_form(index: SearchIndex) -> None:
    # 注射用头孢曲松钠 starts with ZSY; typing the ingredient's initials must find it
    assert "注射用头孢曲松钠" in _names(index.search("TBQS", 10))


def test_exact_code_comes_first(index: SearchIndex) -> None:
    assert index.search("K35.1", 5)[0].code == "K35.1"
    assert index.search("k35.1", 5)[0].code == "K35.1"
    top = index.search("qd", 5)[0]
    assert (top.kind, top.code) == ("freq", "qd")
    assert index.search("ivgtt", 3)[0].name == "静脉滴注"


def test_prefix_on_initials_beats_substring(index: SearchIndex) -> None:
    hits = index.search("LHJ", 20)
    assert hits[0].name.startswith("氯化钾")
    prefix = [any(s.startswith("LHJ") for s in h.initials) for h in hits]
    assert prefix[0] and not prefix[-1]            # substring matches (e.g. 复方...) come later
    assert prefix == sorted(prefix, reverse=True)  # no substring hit ahead of a prefix hit


def test_chinese_and_english_names(index: SearchIndex) -> None:
    hits = index.search("急性阑尾炎", 5)
    assert hits[0].code == "K35" and hits[0].kind == "icd10"
    assert "血常规" in _names(index.search("血常规", 5))
    assert "注射用头孢曲松钠" in _names(index.search("ceftriaxone", 5))
    assert "阿莫西林胶囊" in _names(index.search("Amoxicillin", 10))
    # substring inside a longer name
    assert any("氯化钠" in n for n in _names(index.search("氯化钠", 20)))


def test_limit_kinds_and_empty_query(index: SearchIndex) -> None:
    assert len(index.search("Z", 7)) == 7
    assert index.search("", 10) == [] and index.search("   ", 10) == []
    assert {h.kind for h in index.search("XCG", 20, kinds=["icd10"])} == {"icd10"}
    assert {h.kind for h in index.search("头孢", 20, kinds=["drug"])} == {"drug"}
    assert index.search("没有这种药qq", 10) == []


def test_keystroke_queries_are_fast(index: SearchIndex) -> None:
    worst = 0.0
    for q in ["A", "AS", "ASP", "Z", "ZS", "头", "头孢", "K3", "X", "注射", "0.9", "FY"]:
        t = time.perf_counter()
        index.search(q, 20)
        worst = max(worst, time.perf_counter() - t)
    assert worst < 0.05   # generous for a loaded CI machine; the bench shows ~1-3 ms


def _matches(hit: SearchItem, q: str) -> bool:
    """The hit holds the (normalised) query in a field the index searches."""
    fields = [hit.code.upper(), *hit.initials] + [s.lower() for s in (hit.name, *hit.names)]
    return any(q.upper() in f or q.lower() in f for f in fields)


def test_control_characters_never_match_across_entries(index: SearchIndex) -> None:
    # The substring text joins entries with newlines: "片\n阿" once matched a name ending in 片
    # followed by one starting with 阿. Now whitespace and control characters are one space.
    for raw in ["片\n阿", "片\r\n阿", "\n阿", "素\n", "ASPL\n", "阿司\t匹林", "阿司\x00匹林", "Z\x1fS"]:
        q = normalize_query(raw)
        assert "\n" not in q and "\x00" not in q and "\t" not in q
        hits = index.search(raw, 50)
        assert all(_matches(h, q) for h in hits), (raw, _names(hits))
        assert hits == index.search(q, 50)


def test_queries_are_trimmed_and_cleaned(index: SearchIndex) -> None:
    assert normalize_query(" 阿司\u200b匹林\n") == "阿司匹林"   # a zero-width space pasted in
    assert normalize_query("a \t\n b") == "a b"
    assert index.search("\n阿司匹林\t", 10) == index.search("阿司匹林", 10) != []
    assert index.search("\ufeffASPL", 10) == index.search("ASPL", 10) != []


@pytest.mark.parametrize("query", ["\n", "\t\t", "\x00", "\x00\x01\x1f\x7f", "\u200b", "\r\n \x0b\x0c"])
def test_only_control_characters_find_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query, 10) == []


@pytest.mark.parametrize("query", ["阿" * 10_000, "a" * 10_000, "\n" * 10_000, "阿司匹林 " * 2_000,
                                   "\x00" * 5_000 + "阿司匹林"])
def test_very_long_queries_are_fast(index: SearchIndex, query: str) -> None:
    started = time.perf_counter()
    hits = index.search(query, 20)
    assert time.perf_counter() - started < 0.05
    assert all(_matches(h, normalize_query(query)) for h in hits)
