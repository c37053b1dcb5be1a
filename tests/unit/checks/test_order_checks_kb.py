"""The knowledge base is data a pharmacist edits: every rule has a source and a valid severity, and
a malformed row is rejected with its file and line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.checks import KnowledgeError, load
from app.checks.kb_loader import RESOURCE_DIR, read_csv


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "cds"
    shutil.copytree(RESOURCE_DIR, target)
    return target


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len((text + line).splitlines())


def test_shipped_knowledge_base_loads_with_sources() -> None:
    kb = load()
    assert len(kb.drugs) >= 220
    for name, rules in kb.tables.items():
        assert rules, name
        for rule in rules:
            assert rule.source.strip(), f"{rule.file}:{rule.line}"
            assert rule.severity in ("high", "moderate", "low")
    assert sum(len(v) for v in kb.dose_limits.values()) > 250
    assert len(kb.tables["interactions"]) > 80


@pytest.mark.parametrize("file,row,problem", [
    ("interactions.csv", "华法林,不存在的药,high,x,,,,,说明书", "unknown drug '不存在的药'"),
    ("interactions.csv", "华法林,布洛芬,urgent,x,,,,,说明书", "'urgent' is not one of"),
    ("renal.csv", "二甲双胍,any,thirty,,,,high,x,说明书", "'thirty' is not a number"),
    ("age.csv", "@no_such_group,any,,18,high,x,说明书", "unknown group '@no_such_group'"),
    ("routes.csv", "氯化钾,push,forbid,high,x,说明书", "unknown route 'push'"),
    ("labs.csv", "华法林,any,INR,>,3,moderate,x,", "column 'source' is empty"),
    ("dose_limits.csv", "华法林,oral,,adult,tablets,15,15,,说明书,", "'tablets' is not a dose unit"),
    ("drug_disease.csv", "华法林,,high,x,说明书", "column 'icd10' is empty"),
    ("interactions.csv", "维拉帕米[push],美托洛尔,high,x,,,,,说明书", "unknown route 'push'"),
])
def test_malformed_row_is_rejected_with_file_and_line(kb_copy: Path, file: str, row: str,
                                                      problem: str) -> None:
    line = _append(kb_copy / file, row)
    with pytest.raises(KnowledgeError) as caught:
        load(kb_copy)
    assert caught.value.file == file
    assert caught.value.line == line
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{file}:{line}: ")


def test_missing_column_is_reported_on_the_header(kb_copy: Path) -> None:
    path = kb_copy / "lactation.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header_index = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    lines[header_index] = "drug,severity,message"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"lactation.csv:{header_index + 1}: header lacks.*source"):
        load(kb_copy)


def test_comment_lines_are_skipped_and_lines_still_counted(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("# note\na,b\n\n# another\n1,2\n", encoding="utf-8")
    rows = read_csv(path, ("a", "b"))
    assert [(r.line, r.cells) for r in rows] == [(5, {"a": "1", "b": "2"})]


def test_an_extended_rule_takes_effect(kb_copy: Path) -> None:
    """A pharmacist adds a row; the engine uses it without code changes."""
    from app.checks import check_orders, from_json

    _append(kb_copy / "age.csv", "氯雷他定,any,,2,high,2岁以下不推荐氯雷他定,说明书")
    kb = load(kb_copy)
    request = from_json({"patient": {"age_years": 1, "weight_kg": 10},
                         "new_orders": [{"drug": "氯雷他定糖浆", "dose": 2.5, "unit": "mg",
                                         "route": "口服", "frequency": "qd"}]})
    assert any(a.category == "age" and a.severity == "high" for a in check_orders(request, kb))
