"""Pinyin initials follow the pharmacist's reading of polyphonic drug words."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.dictionaries.pinyin import full, initials, read_phrases

HARD = {
    "重组人胰岛素注射液": "CZRYDSZSY",
    "地西泮": "DXP",
    "银杏叶": "YXY",
    "单硝酸异山梨酯": "DXSYSLZ",
    "阿司匹林": "ASPL",
    "还原型谷胱甘肽": "HYXGGGT",
    "着色": "ZS",
    "调脂": "TZ",
    "参麦注射液": "SMZSY",
    "参附注射液": "SFZSY",
    "丹参多酚酸盐": "DSDFSY",
    "长春新碱": "CCXJ",
    "中/长链脂肪乳注射液(C6-24)": "ZCLZFRZSYC624",
    "枸橼酸咖啡因": "JYSKFY",
    "重酒石酸去甲肾上腺素注射液": "ZJSSQJSSXSZSY",
    "血塞通注射液": "XSTZSY",
    "塞来昔布胶囊": "SLXBJN",
    "地尔硫䓬": "DELZ",
    "便常规": "BCG",
    "会阴护理": "HYHL",
    "膀胱冲洗": "PGCX",
    "病重": "BZ",
    "吸痰": "XT",
    "利妥昔单抗": "LTXDK",
    "阿胶": "EJ",
}


@pytest.mark.parametrize(("name", "code"), sorted(HARD.items()))
def test_hard_names(name: str, code: str) -> None:
    assert initials(name) == code


def test_leading_concentration_is_dropped_and_latin_kept() -> None:
    assert initials("0.9%氯化钠注射液") == "LHNZSY"
    assert initials("10%氯化钾注射液") == "LHJZSY"
    assert initials("维生素B1片") == "WSSB1P"
    assert initials("阿司匹林肠溶片", max_len=4) == "ASPL"
    assert initials("") == "" and initials(None) == ""


def test_full_pinyin() -> None:
    assert full("地西泮") == "dixipan"
    assert full("调脂") == "tiaozhi"


def test_override_file_is_well_formed_and_rejects_bad_lines(tmp_path: Path) -> None:
    assert "参麦" in read_phrases()
    bad = tmp_path / "p.txt"
    bad.write_text("# comment\n调脂 tiáo\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.txt:2"):
        read_phrases(bad)
