"""Each FORMAT.md category fires on a harmful order and stays quiet on its ordinary twin."""
from __future__ import annotations

from tests.unit.checks.helpers_order_checks import find, loud, order, run, severities

W = order("华法林钠片", 3, "mg", "口服", "qd")


def allergy(substance: str, reaction: str = "皮疹") -> list[dict[str, str]]:
    return [{"substance": substance, "reaction": reaction}]


# allergy -------------------------------------------------------------------------------
def test_penicillin_allergy_blocks_every_penicillin() -> None:
    alerts = run([order("阿莫西林胶囊", 0.5, "g", "口服", "tid", skin_test="negative")],
                 allergies=allergy("青霉素"))
    assert severities(alerts, "allergy") == {"high"}
    assert "青霉素" in find(alerts, "allergy")[0].message


def test_penicillin_allergy_warns_on_cephalosporin_and_blocks_after_anaphylaxis() -> None:
    cef = [order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd")]
    assert severities(run(cef, allergies=allergy("青霉素")), "allergy") == {"moderate"}
    assert severities(run(cef, allergies=allergy("青霉素", "过敏性休克")), "allergy") == {"high"}


def test_side_chain_and_generation_cross_reactivity() -> None:
    assert severities(run([order("头孢克洛胶囊", 0.25, "g", "口服", "tid")],
                          allergies=allergy("阿莫西林")), "allergy") == {"high"}
    assert severities(run([order("头孢克肟", 0.1, "g", "口服", "bid")],
                          allergies=allergy("头孢曲松")), "allergy") == {"high"}
    assert severities(run([order("注射用头孢唑林钠", 1, "g", "静脉滴注", "q8h")],
                          allergies=allergy("头孢曲松")), "allergy") == {"moderate"}


def test_sulfonamide_allergy_and_no_alert_for_unrelated_allergy() -> None:
    smx = [order("复方磺胺甲噁唑片", 0.96, "g", "口服", "bid")]
    assert severities(run(smx, allergies=allergy("磺胺类药物")), "allergy") == {"high"}
    assert find(run(smx, allergies=allergy("海鲜")), "allergy") == []
    assert find(run([order("阿奇霉素片", 0.5, "g", "口服", "qd")], allergies=allergy("青霉素")),
                "allergy") == []


# drug_drug ------------------------------------------------------------------------------
def test_interactions_between_new_and_active_orders() -> None:
    assert severities(run([order("布洛芬片", 0.4, "g", "口服", "tid")], [W]), "drug_drug") == {"high"}
    alerts = run([order("克拉霉素片", 0.5, "g", "口服", "bid")],
                 [order("辛伐他汀片", 20, "mg", "口服", "qn")])
    assert severities(alerts, "drug_drug") == {"high"}


def test_potassium_sparing_with_acei_escalates_with_high_potassium() -> None:
    new = [order("螺内酯片", 20, "mg", "口服", "qd")]
    active = [order("马来酸依那普利片", 10, "mg", "口服", "bid")]
    assert severities(run(new, active, labs=[{"code": "K", "value": 4.2, "unit": "mmol/L"}]),
                      "drug_drug") == {"low"}
    assert severities(run(new, active, labs=[{"code": "K", "value": 5.6, "unit": "mmol/L"}]),
                      "drug_drug") == {"high"}


def test_alert_between_two_new_orders_goes_on_the_later_one() -> None:
    alerts = run([W, order("甲硝唑片", 0.4, "g", "口服", "tid")])
    assert find(alerts, "drug_drug", 0) == []
    assert severities(alerts, "drug_drug", 1) == {"moderate"}


# dose -------------------------------------------------------------------------------------
def test_tenfold_and_mg_g_slips() -> None:
    assert severities(run([order("地高辛片", 2.5, "mg", "口服", "qd")]), "dose_single") == {"high"}
    assert severities(run([order("注射用头孢曲松钠", 20, "g", "静脉滴注", "qd")]),
                      "dose_single") == {"high"}
    low = run([order("阿莫西林胶囊", 0.5, "mg", "口服", "tid", skin_test="negative")])
    assert severities(low, "dose_single") == {"high"}  # 1000-fold below: a g/mg slip
    assert find(run([order("地高辛片", 0.125, "mg", "口服", "qd")]), "dose_single") == []


def test_unit_conversion_microgram_and_ten_thousand_units() -> None:
    assert find(run([order("左甲状腺素钠片", 50, "μg", "口服", "qd")]), "dose_single") == []
    assert severities(run([order("左甲状腺素钠片", 50, "mg", "口服", "qd")]), "dose_single") == {"high"}
    assert severities(run([order("硫酸庆大霉素注射液", 80, "万U", "静脉滴注", "qd")]),
                      "dose_single") == {"high"}


def test_child_mg_per_kg() -> None:
    child = {"age_years": 1, "weight_kg": 10, "egfr": None}
    assert severities(run([order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd")], **child),
                      "dose_single") == {"high"}
    assert loud(run([order("注射用头孢曲松钠", 0.5, "g", "静脉滴注", "qd")], **child)) == []


def test_daily_dose_and_weekly_methotrexate() -> None:
    assert severities(run([order("对乙酰氨基酚片", 1, "g", "口服", "q4h")]), "dose_daily") == {"moderate"}
    assert severities(run([order("甲氨蝶呤片", 10, "mg", "口服", "qd")]), "dose_daily") == {"high"}
    assert loud(run([order("甲氨蝶呤片", 10, "mg", "口服", "qw")])) == []


# route ------------------------------------------------------------------------------------
def test_forbidden_routes() -> None:
    assert severities(run([order("注射用硫酸长春新碱", 2, "mg", "鞘内注射", "once")]), "route") == {"high"}
    assert severities(run([order("10%氯化钾注射液", 10, "ml", "静脉注射", "st")]), "route") == {"high"}
    assert severities(run([order("阿莫西林胶囊", 0.5, "g", "肌内注射", "tid", skin_test="negative")]),
                      "route") == {"high"}
    assert find(run([order("注射用硫酸长春新碱", 2, "mg", "静脉注射", "once")]), "route") == []


def test_peripheral_potassium_concentration_in_one_bag() -> None:
    strong = run([order("0.9%氯化钠注射液", 250, "ml", "静脉滴注", "qd", group="1"),
                  order("10%氯化钾注射液", 30, "ml", "静脉滴注", "qd", group="1")])
    assert severities(strong, "route", 1) == {"high"}
    ok = run([order("0.9%氯化钠注射液", 500, "ml", "静脉滴注", "qd", group="1"),
              order("10%氯化钾注射液", 15, "ml", "静脉滴注", "qd", group="1")])
    assert loud(ok) == []


# duplicates ---------------------------------------------------------------------------------
def test_same_ingredient_is_a_duplicate_but_saline_in_two_bags_is_not() -> None:
    alerts = run([order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd")],
                 [order("ceftriaxone", 2, "g", "ivgtt", "qd")])
    assert severities(alerts, "duplicate") == {"moderate"}
    saline = run([order("0.9%氯化钠注射液", 100, "ml", "静脉滴注", "qd")],
                 [order("氯化钠注射液", 250, "ml", "静脉滴注", "qd")])
    assert find(saline, "duplicate") == []


def test_combination_part_duplicates_and_class_duplication() -> None:
    alerts = run([order("阿莫西林克拉维酸钾片", 0.625, "g", "口服", "tid", skin_test="negative")],
                 [order("阿莫西林胶囊", 0.5, "g", "口服", "tid", skin_test="negative")])
    assert severities(alerts, "duplicate") == {"moderate"}
    ppis = run([order("注射用泮托拉唑钠", 40, "mg", "静脉滴注", "qd")],
               [order("奥美拉唑肠溶胶囊", 20, "mg", "口服", "qd")])
    assert severities(ppis, "therapeutic_duplication") == {"moderate"}
    dapt = run([order("硫酸氢氯吡格雷片", 75, "mg", "口服", "qd")],
               [order("阿司匹林肠溶片", 100, "mg", "口服", "qd")])
    assert loud(dapt) == []


# patient-based ----------------------------------------------------------------------------------
def test_renal_including_cockcroft_gault() -> None:
    met = [order("盐酸二甲双胍片", 0.5, "g", "口服", "tid")]
    assert severities(run(met, egfr=25), "renal") == {"high"}
    assert find(run(met, egfr=90), "renal") == []
    cg = {"egfr": None, "age_years": 80, "sex": "F", "weight_kg": 50,
          "labs": [{"code": "Cr", "value": 180, "unit": "μmol/L"}]}
    assert severities(run(met, **cg), "renal") == {"high"}
    assert find(run(met, egfr=None), "renal") == []  # unknown renal function: no alert


def test_hepatic_age_pregnancy_lactation() -> None:
    assert severities(run([order("丙戊酸钠缓释片", 0.5, "g", "口服", "bid")],
                          diagnoses=[{"icd10": "K74.6", "name": "肝硬化"}]), "hepatic") == {"high"}
    assert severities(run([order("磷酸可待因片", 10, "mg", "口服", "tid")], age_years=8, weight_kg=25),
                      "age") == {"high"}
    assert severities(run([order("地西泮片", 5, "mg", "口服", "qn")], age_years=80), "age") == {"moderate"}
    assert severities(run([order("华法林钠片", 3, "mg", "口服", "qd")], sex="F", pregnant=True),
                      "pregnancy") == {"high"}
    assert find(run([order("华法林钠片", 3, "mg", "口服", "qd")], sex="F", pregnant=None),
                "pregnancy") == []
    assert severities(run([order("磷酸可待因片", 30, "mg", "口服", "tid")], sex="F", lactating=True),
                      "lactation") == {"high"}


def test_drug_disease_by_icd10_prefix() -> None:
    alerts = run([order("盐酸普萘洛尔片", 10, "mg", "口服", "tid")],
                 diagnoses=[{"icd10": "J45.901", "name": "支气管哮喘"}])
    assert severities(alerts, "drug_disease") == {"high"}


def test_skin_test_missing_positive_and_negative() -> None:
    pen = order("注射用青霉素钠", 400, "万U", "静脉滴注", "q8h")
    assert severities(run([pen]), "skin_test") == {"high"}  # issue 18: missing precondition = high
    assert severities(run([{**pen, "skin_test": "positive"}]), "skin_test") == {"high"}
    assert find(run([{**pen, "skin_test": "negative"}]), "skin_test") == []
    other = run([order("注射用氨苄西林钠", 2, "g", "静脉滴注", "q6h")], [{**pen, "skin_test": "positive"}])
    assert severities(other, "skin_test") == {"high"}


def test_iv_incompatibility_within_one_group_only() -> None:
    same = run([order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd", group="1"),
                order("10%葡萄糖酸钙注射液", 10, "ml", "静脉滴注", "qd", group="1")])
    assert severities(same, "iv_compatibility", 1) == {"high"}
    apart = run([order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd", group="1"),
                 order("10%葡萄糖酸钙注射液", 10, "ml", "静脉滴注", "qd", group="2")])
    assert find(apart, "iv_compatibility", 1) == []


def test_lab_checks() -> None:
    k = [{"code": "K", "value": 5.8, "unit": "mmol/L"}]
    assert severities(run([order("氯化钾缓释片", 1, "g", "口服", "tid")], labs=k), "lab") == {"high"}
    qtc = [{"code": "QTc", "value": 520, "unit": "ms"}]
    assert severities(run([order("左氧氟沙星片", 0.5, "g", "口服", "qd")], labs=qtc), "lab") == {"high"}
    inr = [{"code": "INR", "value": 2.5}]
    assert find(run([W], labs=inr), "lab") == []


# unknowns ------------------------------------------------------------------------------------------
def test_unknown_drug_unit_route_are_low_unchecked_not_silent() -> None:
    alerts = run([order("某某新药", 1, "盒", "耳后注射", "每月一次")])
    unchecked = find(alerts, "unchecked")
    assert len(unchecked) == 4
    assert {a.severity for a in unchecked} == {"low"}
    assert loud(alerts) == []


def test_empty_patient_never_alerts_on_the_unknown() -> None:
    from app.checks import check_orders, from_json

    request = from_json({"new_orders": [order("盐酸二甲双胍片", 0.5, "g", "口服", "tid"),
                                        order("华法林钠片", 3, "mg", "口服", "qd")]})
    assert loud(check_orders(request)) == []


def test_group_value_is_shared_by_active_and_new_orders() -> None:
    # FORMAT.md: orders with the same non-null group value are one infusion group.
    alerts = run([order("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd", group="7")],
                 [order("10%葡萄糖酸钙注射液", 10, "ml", "静脉滴注", "qd", group="7")])
    assert severities(alerts, "iv_compatibility") == {"high"}


def test_liver_severity_is_read_from_the_diagnosis_text_too() -> None:
    statin = [order("辛伐他汀片", 20, "mg", "口服", "qn")]
    # K74.6 alone is impairment; the words 失代偿 / Child-Pugh C make it severe (statins: stop).
    assert find(run(statin, diagnoses=[{"icd10": "K74.6", "name": "肝硬化"}]), "hepatic") == []
    for name in ("乙肝肝硬化失代偿期", "肝硬化 (Child-Pugh C 级)", "肝硬化 child pugh c"):
        assert severities(run(statin, diagnoses=[{"icd10": "K74.6", "name": name}]), "hepatic") == {"high"}
    # Text alone, without a code, still counts; Child-Pugh B stays impairment (no statin alert).
    assert severities(run(statin, diagnoses=[{"name": "肝功能衰竭"}]), "hepatic") == {"high"}
    assert find(run(statin, diagnoses=[{"name": "肝硬化 Child-Pugh B级"}]), "hepatic") == []
    tigecycline = [order("注射用替加环素", 50, "mg", "静脉滴注", "q12h")]
    assert severities(run(tigecycline, diagnoses=[{"name": "肝硬化(Child-Pugh C级)"}]),
                      "hepatic") == {"moderate"}
    assert find(run([order("注射用替加环素", 25, "mg", "静脉滴注", "q12h")],
                    diagnoses=[{"name": "肝硬化(Child-Pugh C级)"}]), "hepatic") == []


def test_alt_over_five_times_the_limit_stops_anti_tuberculosis_drugs() -> None:
    isoniazid = [order("异烟肼片", 0.3, "g", "口服", "qd")]
    assert severities(run(isoniazid, labs=[{"code": "ALT", "value": 150}]), "hepatic") == {"moderate"}
    assert severities(run(isoniazid, labs=[{"code": "ALT", "value": 320}]), "hepatic") == {"high"}
    assert find(run(isoniazid, labs=[{"code": "ALT", "value": 60}]), "hepatic") == []


def test_asthma_after_aspirin_makes_nsaid_cross_reactivity_a_stop() -> None:
    ibuprofen = [order("布洛芬缓释胶囊", 0.3, "g", "口服", "bid")]
    assert severities(run(ibuprofen, allergies=[{"substance": "阿司匹林", "reaction": "皮疹"}]),
                      "allergy") == {"moderate"}
    for reaction in ("哮喘发作", "asthma"):
        assert severities(run(ibuprofen, allergies=[{"substance": "阿司匹林", "reaction": reaction}]),
                          "allergy") == {"high"}


def test_promethazine_is_never_given_subcutaneously() -> None:
    assert severities(run([order("盐酸异丙嗪注射液", 25, "mg", "sc", "st")]), "route") == {"high"}
    assert find(run([order("盐酸异丙嗪注射液", 25, "mg", "肌内注射", "st")]), "route") == []


def test_label_cross_allergies_of_a_class_and_of_a_sulfonamide_allergy() -> None:
    """Labels that forbid a drug in sulfonamide allergy (塞来昔布, 磺脲类) stop it; furosemide's
    label only warns; one nitroimidazole allergy stops the others; iodinated contrast warns."""
    celecoxib = [order("塞来昔布胶囊", 0.2, "g", "口服", "qd")]
    assert severities(run(celecoxib, allergies=allergy("磺胺", "荨麻疹")), "allergy") == {"high"}
    assert severities(run([order("呋塞米片", 20, "mg", "口服", "qd")], allergies=allergy("磺胺")),
                      "allergy") == {"low"}
    ornidazole = [order("奥硝唑氯化钠注射液", 0.5, "g", "静脉滴注", "q12h")]
    assert severities(run(ornidazole, allergies=allergy("甲硝唑")), "allergy") == {"high"}
    assert find(run(ornidazole, allergies=allergy("青霉素")), "allergy") == []
    contrast = [order("碘克沙醇注射液", 100, "ml", "静脉注射", "once")]
    assert severities(run(contrast, allergies=allergy("碘海醇", "过敏性休克")), "allergy") == {"moderate"}


def test_alt_over_two_and_a_half_times_the_limit_stops_a_thiazolidinedione() -> None:
    pioglitazone = [order("盐酸吡格列酮片", 15, "mg", "口服", "qd")]
    assert severities(run(pioglitazone, labs=[{"code": "ALT", "value": 110}]), "hepatic") == {"moderate"}
    assert find(run(pioglitazone, labs=[{"code": "ALT", "value": 90}]), "hepatic") == []


def test_ceftriaxone_and_calcium_in_a_neonate_are_a_stop_even_in_separate_lines() -> None:
    calcium = [order("10%葡萄糖酸钙注射液", 0.5, "g", "静脉滴注", "qd")]
    ceftriaxone = [order("注射用头孢曲松钠", 0.17, "g", "静脉滴注", "qd")]
    neonate = {"age_years": 10 / 365.25, "weight_kg": 3.4}
    alerts = run(ceftriaxone, active=calcium, **neonate)
    assert severities(alerts, "iv_compatibility") == {"high"}
    assert "不同输液通路" in find(alerts, "iv_compatibility")[0].message
    infant = {"age_years": 60 / 365.25, "weight_kg": 5.0}              # two months: separate lines ok
    assert find(run(ceftriaxone, active=calcium, **infant), "iv_compatibility") == []
    assert find(run(ceftriaxone, **neonate), "iv_compatibility") == []   # no calcium: nothing
