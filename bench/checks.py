"""Order-check speed: 20 new orders against 30 active ones (issue 5 asks for < 20 ms).

Run: `.venv/bin/python -m bench.checks`. Prints the knowledge-base load time (once per process)
and the median / best / worst of repeated checks of one realistic signing.
"""
from __future__ import annotations

import statistics
import sys
import time

from app.checks import Allergy, CheckRequest, Diagnosis, Lab, Order, Patient, check_orders, default_kb

ACTIVE_DRUGS = [
    ("华法林钠片", 3, "mg", "口服", "qd"), ("阿托伐他汀钙片", 20, "mg", "口服", "qn"),
    ("苯磺酸氨氯地平片", 5, "mg", "口服", "qd"), ("盐酸二甲双胍片", 0.5, "g", "口服", "tid"),
    ("奥美拉唑肠溶胶囊", 20, "mg", "口服", "qd"), ("呋塞米片", 20, "mg", "口服", "qd"),
    ("螺内酯片", 20, "mg", "口服", "qd"), ("琥珀酸美托洛尔缓释片", 47.5, "mg", "口服", "qd"),
    ("硫酸氢氯吡格雷片", 75, "mg", "口服", "qd"), ("阿司匹林肠溶片", 100, "mg", "口服", "qd"),
    ("甘精胰岛素注射液", 20, "U", "皮下注射", "qn"), ("门冬胰岛素注射液", 6, "U", "皮下注射", "tid"),
    ("左甲状腺素钠片", 50, "μg", "口服", "qd"), ("氯化钾缓释片", 1, "g", "口服", "tid"),
    ("地高辛片", 0.125, "mg", "口服", "qd"), ("单硝酸异山梨酯缓释片", 60, "mg", "口服", "qd"),
    ("马来酸依那普利片", 10, "mg", "口服", "bid"), ("硝苯地平控释片", 30, "mg", "口服", "qd"),
    ("头孢曲松", 2, "g", "静脉滴注", "qd"), ("0.9%氯化钠注射液", 100, "ml", "静脉滴注", "qd"),
    ("左氧氟沙星氯化钠注射液", 0.5, "g", "静脉滴注", "qd"), ("对乙酰氨基酚片", 0.5, "g", "口服", "prn"),
    ("盐酸氨溴索口服溶液", 30, "mg", "口服", "tid"), ("依诺肝素钠注射液", 40, "mg", "皮下注射", "qd"),
    ("瑞舒伐他汀钙片", 10, "mg", "口服", "qn"), ("别嘌醇片", 0.1, "g", "口服", "qd"),
    ("加巴喷丁胶囊", 0.3, "g", "口服", "tid"), ("艾司西酞普兰", 10, "mg", "口服", "qd"),
    ("孟鲁司特钠片", 10, "mg", "口服", "qn"), ("叶酸片", 5, "mg", "口服", "qd"),
]
NEW_DRUGS = [
    ("布洛芬片", 0.4, "g", "口服", "tid"), ("克拉霉素片", 0.5, "g", "口服", "bid"),
    ("注射用头孢曲松钠", 2, "g", "静脉滴注", "qd"), ("10%氯化钾注射液", 15, "ml", "静脉滴注", "qd"),
    ("0.9%氯化钠注射液", 500, "ml", "静脉滴注", "qd"), ("盐酸胺碘酮片", 0.2, "g", "口服", "tid"),
    ("甲氨蝶呤片", 10, "mg", "口服", "qd"), ("注射用泮托拉唑钠", 40, "mg", "静脉滴注", "qd"),
    ("阿莫西林胶囊", 0.5, "g", "口服", "tid"), ("地西泮片", 5, "mg", "口服", "qn"),
    ("枸橼酸西地那非片", 50, "mg", "口服", "once"), ("注射用美罗培南", 1, "g", "静脉滴注", "q8h"),
    ("丙戊酸钠缓释片", 0.5, "g", "口服", "bid"), ("盐酸曲马多缓释片", 100, "mg", "口服", "bid"),
    ("利伐沙班片", 20, "mg", "口服", "qd"), ("10%葡萄糖酸钙注射液", 10, "ml", "静脉滴注", "qd"),
    ("注射用硫酸长春新碱", 2, "mg", "鞘内注射", "once"), ("某未知药", 1, "片", "口服", "qd"),
    ("左氧氟沙星片", 0.5, "g", "口服", "qd"), ("莫西沙星", 0.4, "g", "口服", "qd"),
]


def request() -> CheckRequest:
    patient = Patient(age_years=78, sex="F", weight_kg=55, egfr=28,
                      allergies=(Allergy("青霉素", "皮疹"), Allergy("磺胺")),
                      diagnoses=(Diagnosis("I50.9", "心力衰竭"), Diagnosis("K25.3", "胃溃疡")),
                      labs=(Lab("K", 5.6, "mmol/L"), Lab("INR", 3.4), Lab("QTc", 505, "ms")))
    active = tuple(Order(d, dose, unit, route, freq) for d, dose, unit, route, freq in ACTIVE_DRUGS)
    new = tuple(Order(d, dose, unit, route, freq, group="1" if i in (2, 3, 4, 15) else None)
                for i, (d, dose, unit, route, freq) in enumerate(NEW_DRUGS))
    return CheckRequest(patient=patient, active_orders=active, new_orders=new)


def measure(runs: int = 200) -> dict[str, float]:
    started = time.perf_counter()
    default_kb()
    load_ms = (time.perf_counter() - started) * 1000
    req = request()
    check_orders(req)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        alerts = check_orders(req)
        times.append((time.perf_counter() - t0) * 1000)
    return {"load_ms": load_ms, "median_ms": statistics.median(times), "best_ms": min(times),
            "worst_ms": max(times), "alerts": float(len(alerts))}


def main() -> int:
    result = measure()
    print(f"knowledge base load (once per process): {result['load_ms']:.1f} ms")
    print(f"20 new vs 30 active orders: median {result['median_ms']:.2f} ms, "
          f"best {result['best_ms']:.2f} ms, worst {result['worst_ms']:.2f} ms "
          f"({int(result['alerts'])} alerts; target < 20 ms)")
    return 0 if result["median_ms"] < 20 else 1


if __name__ == "__main__":
    sys.exit(main())
