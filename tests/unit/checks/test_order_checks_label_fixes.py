"""General fixes found by a held-out evaluation: liquids dosed in ml through the dictionary's
mg/ml strength, a dose over a 中国药典 极量, rule refs limited to a route (iv verapamil with an
iv β-blocker), an iodine allergy as a class, a DPP-4 inhibitor inside a combination tablet."""
from __future__ import annotations

from tests.unit.checks.helpers_order_checks import find, order, run, severities


def test_a_suspension_ordered_in_ml_is_dose_checked_per_kg() -> None:
    # 布洛芬混悬液 20 mg/ml (ward dictionary): 10 ml = 200 mg = 16.7 mg/kg for 12 kg, over 10 mg/kg.
    alerts = run([order("布洛芬混悬液", 10, "ml", "口服", "tid")], age_years=2, weight_kg=12)
    assert severities(alerts, "dose_single") == {"moderate"}
    assert "200mg" in find(alerts, "dose_single")[0].message
    assert not find(alerts, "unchecked")


def test_a_right_suspension_dose_in_ml_passes_without_an_unchecked_line() -> None:
    alerts = run([order("布洛芬混悬液", 5, "ml", "口服", "tid")], age_years=2, weight_kg=12)
    assert not find(alerts, "dose_single") and not find(alerts, "dose_daily")
    assert not find(alerts, "unchecked")


def test_drops_in_ml_use_their_own_strength() -> None:
    # 对乙酰氨基酚混悬滴剂 100 mg/ml: 5 ml = 500 mg = 50 mg/kg for 10 kg (limit 15 mg/kg): slip, high.
    alerts = run([order("对乙酰氨基酚混悬滴剂", 5, "ml", "口服", "st")], age_years=1.2, weight_kg=10)
    assert severities(alerts, "dose_single") == {"high"}
    # The oral solution (32 mg/ml) at 4 ml = 128 mg = 12.8 mg/kg: within the limit.
    alerts = run([order("对乙酰氨基酚口服溶液", 4, "ml", "口服", "st")], age_years=1.2, weight_kg=10)
    assert not find(alerts, "dose_single") and not find(alerts, "unchecked")


def test_a_dose_over_the_pharmacopoeia_maximum_is_high() -> None:
    # 哌替啶 极量 一次150 mg: 200 mg is 1.33 times, still high (超极量须注明理由并再次签名).
    alerts = run([order("盐酸哌替啶注射液", 200, "mg", "肌内注射", "st")])
    assert severities(alerts, "dose_single") == {"high"}
    assert not find(run([order("盐酸哌替啶注射液", 100, "mg", "肌内注射", "st")]), "dose_single")
    # 苯巴比妥 im 极量 一次0.25 g; its iv loading dose for status epilepticus is not capped by it.
    assert severities(run([order("苯巴比妥钠注射液", 0.4, "g", "肌内注射", "st")]), "dose_single") == {"high"}
    assert not find(run([order("苯巴比妥钠注射液", 0.4, "g", "静脉注射", "st")]), "dose_single")


def test_a_label_maximum_that_is_no_legal_maximum_keeps_moderate() -> None:
    # 布洛芬 adult single 800 mg (label): 1000 mg is over it but under twice: moderate.
    alerts = run([order("布洛芬片", 1000, "mg", "口服", "st")])
    assert severities(alerts, "dose_single") == {"moderate"}


def test_iv_verapamil_after_an_iv_beta_blocker_is_forbidden_but_the_oral_pair_warns() -> None:
    active = [order("酒石酸美托洛尔注射液", 5, "mg", "静脉注射", "st")]
    alerts = run([order("盐酸维拉帕米注射液", 5, "mg", "静脉注射", "st")], active)
    assert severities(alerts, "drug_drug") == {"high"}
    oral = run([order("盐酸维拉帕米片", 40, "mg", "口服", "tid")],
               [order("酒石酸美托洛尔片", 25, "mg", "口服", "bid")])
    assert severities(oral, "drug_drug") == {"moderate"}
    mixed = run([order("盐酸维拉帕米注射液", 5, "mg", "静脉注射", "st")],
                [order("酒石酸美托洛尔片", 25, "mg", "口服", "bid")])
    assert severities(mixed, "drug_drug") == {"moderate"}


def test_an_iodine_allergy_blocks_every_iodine_containing_drug() -> None:
    allergy = [{"substance": "碘", "reaction": "荨麻疹"}]
    for drug, dose, unit, route in (("盐酸胺碘酮片", 0.2, "g", "口服"), ("聚维酮碘溶液", 10, "ml", "外用"),
                                    ("碘海醇注射液", 100, "ml", "静脉注射")):
        alerts = run([order(drug, dose, unit, route, "st")], allergies=allergy)
        assert severities(alerts, "allergy") == {"high"}, drug
    assert not find(run([order("盐酸胺碘酮片", 0.2, "g", "口服", "st")],
                        allergies=[{"substance": "海鲜", "reaction": "荨麻疹"}]), "allergy")


def test_a_dpp4_inhibitor_inside_a_combination_duplicates_another() -> None:
    active = [order("西格列汀二甲双胍片(Ⅱ)", 1, "片", "口服", "bid")]
    alerts = run([order("利格列汀片", 5, "mg", "口服", "qd")], active)
    assert severities(alerts, "therapeutic_duplication") == {"moderate"}
    assert not find(run([order("利格列汀片", 5, "mg", "口服", "qd")],
                        [order("盐酸二甲双胍片", 0.5, "g", "口服", "bid")]), "therapeutic_duplication")


def test_label_contraindications_are_high() -> None:
    pregnant = {"sex": "F", "age_years": 30, "diagnoses": [{"icd10": "Z34.9", "name": "妊娠状态 孕20周"}]}
    rivaroxaban = run([order("利伐沙班片", 15, "mg", "口服", "qd")], **pregnant)
    assert severities(rivaroxaban, "pregnancy") == {"high"}
    apixaban = run([order("阿哌沙班片", 5, "mg", "口服", "bid")], **pregnant)
    assert severities(apixaban, "pregnancy") == {"moderate"}
    child = run([order("盐酸莫西沙星片", 0.4, "g", "口服", "qd")], age_years=12, weight_kg=40)
    assert severities(child, "age") == {"high"}
    ulcer = [{"icd10": "K25.0", "name": "急性胃溃疡伴出血"}]
    for drug in ("依托考昔片", "塞来昔布胶囊"):
        assert severities(run([order(drug, 60 if "依托" in drug else 200, "mg", "口服", "qd")],
                              diagnoses=ulcer), "drug_disease") == {"high"}, drug
    hepatitis = run([order("丙戊酸钠缓释片", 0.5, "g", "口服", "bid")],
                    diagnoses=[{"icd10": "K73.9", "name": "慢性活动性肝炎"}])
    assert "high" in severities(hepatitis, "hepatic")


def test_a_renal_ceiling_per_kg_lets_the_adjusted_dose_through() -> None:
    # 依诺肝素 CrCl < 30: at most 1 mg/kg a day. 60 kg: 6000 IU (60 mg) qd passes, q12h warns.
    adjusted = run([order("依诺肝素钠注射液", 6000, "IU", "皮下注射", "qd")], egfr=22, weight_kg=60)
    assert not find(adjusted, "renal")
    unadjusted = run([order("依诺肝素钠注射液", 6000, "IU", "皮下注射", "q12h")], egfr=22, weight_kg=60)
    assert severities(unadjusted, "renal") == {"moderate"}


def test_tenofovir_every_other_day_is_the_adjusted_interval() -> None:
    assert not find(run([order("富马酸替诺福韦二吡呋酯片", 0.3, "g", "口服", "qod")], egfr=35), "renal")
    daily = run([order("富马酸替诺福韦二吡呋酯片", 0.3, "g", "口服", "qd")], egfr=35)
    assert severities(daily, "renal") == {"moderate"}


def test_a_mild_penicillin_reaction_does_not_stop_a_cephalosporin_of_another_side_chain() -> None:
    ceftazidime = [order("注射用头孢他啶", 2, "g", "静脉滴注", "q8h")]
    mild = [{"substance": "阿莫西林", "reaction": "10年前轻度皮疹"}]
    assert severities(run(ceftazidime, allergies=mild), "allergy") == {"low"}
    # Unknown reaction: still a warning; anaphylaxis: still a stop; same R1 side chain: a stop.
    assert severities(run(ceftazidime, allergies=[{"substance": "阿莫西林"}]), "allergy") == {"moderate"}
    shock = [{"substance": "阿莫西林", "reaction": "轻度皮疹后过敏性休克"}]
    assert severities(run(ceftazidime, allergies=shock), "allergy") == {"high"}
    cefaclor = [order("头孢克洛胶囊", 0.25, "g", "口服", "tid")]
    assert severities(run(cefaclor, allergies=mild), "allergy") == {"high"}


def test_furosemide_is_not_diluted_in_glucose() -> None:
    bag = [order("5%葡萄糖注射液", 100, "ml", "静脉滴注", "st", group="g1"),
           order("呋塞米注射液", 40, "mg", "静脉滴注", "st", group="g1")]
    assert severities(run(bag), "iv_compatibility", order=1) == {"moderate"}
    saline = [order("0.9%氯化钠注射液", 100, "ml", "静脉滴注", "st", group="g1"),
              order("呋塞米注射液", 40, "mg", "静脉滴注", "st", group="g1")]
    assert not find(run(saline), "iv_compatibility", order=1)


def test_an_allergy_to_a_drug_whose_name_begins_with_dui_is_that_drug() -> None:
    # "对…过敏" is a way of writing an allergy, but 对乙酰氨基酚 is a drug's own name.
    suppository = [order("对乙酰氨基酚栓", 1, "粒", "直肠给药", "once")]
    for written in ("对乙酰氨基酚", "对乙酰氨基酚过敏", "扑热息痛"):
        alerts = run(suppository, age_years=6, weight_kg=20,
                     allergies=[{"substance": written, "reaction": "过敏性休克"}])
        assert severities(alerts, "allergy") == {"high"}, written
    # The prefix still goes where it is one: 对青霉素过敏 is the penicillin class.
    alerts = run([order("阿莫西林胶囊", 0.5, "g", "口服", "tid", skin_test="negative")],
                 allergies=[{"substance": "对青霉素过敏", "reaction": "皮疹"}])
    assert severities(alerts, "allergy") == {"high"}
