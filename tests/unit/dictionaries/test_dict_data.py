"""The shipped dictionary files: coverage of the order-check drugs and clinical flags."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.dictionaries.files import DICT_DIR

CDS = Path("/work/shared/cds/drugs.csv")


def _rows(name: str) -> list[dict[str, str]]:
    with (DICT_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


DRUGS = _rows("drugs.csv")


def _by_name(name: str) -> list[dict[str, str]]:
    rows = [r for r in DRUGS if r["generic_name"] == name]
    assert rows, name
    return rows


def test_at_least_800_products_with_unique_codes() -> None:
    assert len(DRUGS) >= 800
    assert len({r["code"] for r in DRUGS}) == len(DRUGS)


@pytest.mark.skipif(not CDS.exists(), reason="shared order-check data not present")
def test_every_order_check_drug_is_there_in_all_spellings() -> None:
    names = {r["generic_name"] for r in DRUGS}
    with CDS.open(encoding="utf-8", newline="") as fh:
        cds = list(csv.DictReader(fh))
    assert len(cds) > 200
    for c in cds:
        products = [r for r in DRUGS if r["base_name"] == c["cn_generic"]]
        assert products, c["cn_generic"]
        assert any(r["en_inn"] == c["en_inn"] for r in products), c["en_inn"]
        assert any(r["atc"] == c["atc"] for r in products), c["cn_generic"]
        for form in c["typical_forms"].split("|"):
            assert form in names, form


def test_skin_test_flags() -> None:
    for name in ("阿莫西林胶囊", "注射用青霉素钠", "注射用哌拉西林钠他唑巴坦钠", "破伤风抗毒素注射液",
                 "注射用门冬酰胺酶"):
        assert all(r["skin_test"] == "1" for r in _by_name(name)), name
    for name in ("注射用头孢曲松钠", "注射用头孢唑林钠", "注射用美罗培南", "左氧氟沙星片"):
        assert all(r["skin_test"] == "0" for r in _by_name(name)), name
    penicillins = [r for r in DRUGS if r["drug_class"] == "青霉素类"]
    assert penicillins and all(r["skin_test"] == "1" for r in penicillins)
    cephalosporins = [r for r in DRUGS if r["drug_class"] == "头孢菌素类"]
    assert cephalosporins and all(r["skin_test"] == "0" for r in cephalosporins)


def test_high_alert_flags() -> None:
    for name in ("10%氯化钾注射液", "氯化钾注射液", "浓氯化钠注射液", "50%葡萄糖注射液", "重组人胰岛素注射液",
                 "肝素钠注射液", "华法林钠片", "注射用硝普钠", "硫酸镁注射液", "缩宫素注射液",
                 "盐酸吗啡注射液", "注射用顺铂", "盐酸胺碘酮注射液"):
        assert all(r["high_alert"] == "1" for r in _by_name(name)), name
    for name in ("0.9%氯化钠注射液", "5%葡萄糖注射液", "氯化钾缓释片", "阿莫西林胶囊", "盐酸胺碘酮片",
                 "酒石酸美托洛尔片"):
        assert all(r["high_alert"] == "0" for r in _by_name(name)), name


def test_antibiotic_grades_and_narcotics() -> None:
    assert _by_name("注射用美罗培南")[0]["abx_grade"] == "3"
    assert _by_name("注射用盐酸万古霉素")[0]["abx_grade"] == "3"
    assert _by_name("注射用哌拉西林钠他唑巴坦钠")[0]["abx_grade"] == "2"
    assert _by_name("阿莫西林胶囊")[0]["abx_grade"] == "1"
    assert _by_name("阿昔洛韦片")[0]["abx_grade"] == "0"          # antivirals are not 抗菌药物
    assert _by_name("异烟肼片")[0]["abx_grade"] == "0"            # nor anti-tuberculosis drugs
    assert _by_name("盐酸吗啡注射液")[0]["narcotic"] == "麻醉"
    assert _by_name("地西泮片")[0]["narcotic"] == "精二"
    assert _by_name("盐酸氯胺酮注射液")[0]["narcotic"] == "精一"
    assert _by_name("阿司匹林肠溶片")[0]["narcotic"] == ""


def test_iv_fluids_in_ward_sizes() -> None:
    sizes = {r["package"].split(":")[0] for r in _by_name("0.9%氯化钠注射液")}
    assert {"100ml", "250ml", "500ml"} <= sizes
    assert _by_name("5%葡萄糖注射液") and _by_name("10%葡萄糖注射液")


def test_frequencies_routes_and_labs_per_clinical_rules() -> None:
    freqs = {r["code"]: r for r in _rows("frequencies.csv")}
    expected = ["qd", "bid", "tid", "qid", "q6h", "q8h", "q12h", "qn", "hs", "qod", "qw", "biw", "tiw",
                "qh", "q2h", "q4h", "ac", "pc", "st", "once", "prn", "sos"]
    assert sorted(freqs) == sorted(expected)
    assert freqs["q8h"]["slots"] == "00:00,08:00,16:00"
    assert freqs["tid"]["slots"] == "08:00,12:00,16:00"
    assert freqs["qod"]["every_days"] == "2"
    assert freqs["prn"]["times_per_day"] == ""
    routes = {r["name"]: r for r in _rows("routes.csv")}
    assert routes["静脉滴注"]["bottle_label"] == "1" and routes["口服"]["bottle_label"] == "0"
    assert routes["静脉滴注"]["exec_sheet"] == "infusion"
    labs = {r["code"] for r in _rows("lab_tests.csv")}
    assert {"K", "NA", "CL", "CR", "BUN", "INR", "PT", "APTT", "PLT", "WBC", "HGB", "ALT", "AST", "TBIL",
            "GLU", "QTC"} <= labs
    items = {r["name"]: r["category"] for r in _rows("order_items.csv")}
    assert len(items) >= 200
    for name, cat in (("血常规", "lab"), ("胸部CT平扫", "exam"), ("心电图", "exam"), ("一级护理", "nursing"),
                      ("病危", "nursing"), ("心电监护", "nursing"), ("普食", "diet"), ("禁食", "diet"),
                      ("糖尿病饮食", "diet"), ("鼻导管吸氧", "treatment")):
        assert items[name] == cat, name
