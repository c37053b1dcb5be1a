"""Order-check speed: 20 new orders against 30 active ones (issue 5 asks for < 20 ms), and a
ward patient at the input limits' scale: 300 active + 50 new orders of knowledge-base drugs.

Run: `.venv/bin/python -m bench.checks`. Prints the knowledge-base load time (once per process)
and the median / 99th percentile / worst of repeated checks after a warm-up.
"""
from __future__ import annotations

import math
import statistics
import sys
import time
from typing import Callable, Optional

from app.checks import (
    Allergy,
    CheckRequest,
    Diagnosis,
    KnowledgeBase,
    Lab,
    Order,
    Patient,
    check_orders,
    default_kb,
)

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


def _patient() -> Patient:
    return Patient(age_years=78, sex="F", weight_kg=55, egfr=28,
                   allergies=(Allergy("青霉素", "皮疹"), Allergy("磺胺")),
                   diagnoses=(Diagnosis("I50.9", "心力衰竭"), Diagnosis("K25.3", "胃溃疡")),
                   labs=(Lab("K", 5.6, "mmol/L"), Lab("INR", 3.4), Lab("QTc", 505, "ms")))


def request() -> CheckRequest:
    """One realistic signing: 20 new orders against 30 active ones."""
    active = tuple(Order(d, dose, unit, route, freq) for d, dose, unit, route, freq in ACTIVE_DRUGS)
    new = tuple(Order(d, dose, unit, route, freq, group="1" if i in (2, 3, 4, 15) else None)
                for i, (d, dose, unit, route, freq) in enumerate(NEW_DRUGS))
    return CheckRequest(patient=_patient(), active_orders=active, new_orders=new)


ROUTE_PREFERENCE = ("po", "ivgtt", "iv", "sc", "im", "inh", "top", "pr", "sl", "ivpump")
UNIT_SPELLING = {"mg": "mg", "IU": "IU", "mmol": "mmol", "ml": "ml", "amp": "瓶"}
FREQUENCIES = ("qd", "bid", "tid", "q8h", "qn", "q12h")


def _kb_order(kb: KnowledgeBase, name: str, i: int) -> Order:
    """An order of one knowledge-base drug at half its adult single-dose ceiling."""
    drug = kb.drugs[name]
    limits = [lim for lim in kb.dose_limits.get(name, [])
              if lim.population == "adult" and not lim.per_kg and lim.single_max and not lim.form]
    route: Optional[str] = None
    dose: Optional[float] = None
    unit: Optional[str] = None
    if limits:
        limit = limits[0]
        allowed = limit.routes
        route = next((r for r in ROUTE_PREFERENCE if allowed is None or r in allowed), None)
        dose = round((limit.single_max or 0.0) / 2, 3)
        unit = UNIT_SPELLING[limit.base_unit]
    oral = route in (None, "po", "sl")
    forms = [f for f in drug.forms if ("注射" in f) != oral] or list(drug.forms) or [name]
    return Order(forms[0], dose, unit, route or "po", FREQUENCIES[i % len(FREQUENCIES)])


def large_request(active: int = 300, new: int = 50) -> CheckRequest:
    """A ward patient at the scale of the input limits: every knowledge-base drug in turn."""
    kb = default_kb()
    names = sorted(kb.drugs)
    active_orders = tuple(_kb_order(kb, names[i % len(names)], i) for i in range(active))
    new_orders = tuple(_kb_order(kb, names[(i * 7 + 3) % len(names)], i) for i in range(new))
    return CheckRequest(patient=_patient(), active_orders=active_orders, new_orders=new_orders)


def _time(req: CheckRequest, runs: int, warmup: int) -> tuple[list[float], int]:
    alerts = 0
    for _ in range(warmup):
        alerts = len(check_orders(req))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        check_orders(req)
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times), alerts


def _percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile of sorted timings."""
    rank = max(1, min(len(ordered), math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1]


def measure(runs: int = 500, large_runs: int = 50,
            make_large: Callable[[], CheckRequest] = large_request) -> dict[str, float]:
    started = time.perf_counter()
    default_kb()
    load_ms = (time.perf_counter() - started) * 1000
    times, alerts = _time(request(), runs, warmup=20)
    large, large_alerts = _time(make_large(), large_runs, warmup=3)
    return {"load_ms": load_ms, "median_ms": statistics.median(times), "p99_ms": _percentile(times, 99),
            "best_ms": times[0], "worst_ms": times[-1], "alerts": float(alerts), "runs": float(runs),
            "large_median_ms": statistics.median(large), "large_p99_ms": _percentile(large, 99),
            "large_worst_ms": large[-1], "large_alerts": float(large_alerts),
            "large_runs": float(large_runs)}


def main() -> int:
    result = measure()
    print(f"knowledge base load (once per process): {result['load_ms']:.1f} ms")
    print(f"20 new vs 30 active orders, {int(result['runs'])} runs: median {result['median_ms']:.2f} ms, "
          f"p99 {result['p99_ms']:.2f} ms, worst {result['worst_ms']:.2f} ms "
          f"({int(result['alerts'])} alerts; target p99 < 20 ms)")
    print(f"50 new vs 300 active orders, {int(result['large_runs'])} runs: "
          f"median {result['large_median_ms']:.1f} ms, p99 {result['large_p99_ms']:.1f} ms, "
          f"worst {result['large_worst_ms']:.1f} ms ({int(result['large_alerts'])} alerts; "
          f"target < 100 ms)")
    return 0 if result["p99_ms"] < 20 and result["large_p99_ms"] < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
