"""Print a set's table: `python -m tests.eval.blind.report [blind|holdout]` (default blind)."""
from __future__ import annotations

import sys

from tests.eval.blind.evaluate import SETS, evaluate


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "blind"
    if name not in SETS:
        raise SystemExit(f"report: unknown set {name!r} (choose from {', '.join(SETS)})")
    score = evaluate(SETS[name])
    print(f"{'category':<26}{'caught':>8}{'total':>7}{'rate':>8}")
    for category in sorted(score.total):
        caught, total = score.caught.get(category, 0), score.total[category]
        print(f"{category:<26}{caught:>8}{total:>7}{caught / total:>8.0%}")
    print(f"{'ALL harmful':<26}{score.caught_all:>8}{score.harmful:>7}{score.catch_rate:>8.1%}")
    print(f"{'ordinary with mod/high':<26}{len(score.nuisance):>8}{score.ordinary:>7}"
          f"{score.nuisance_rate:>8.1%}")
    for line in score.missed:
        print("MISSED  ", line)
    for line in score.nuisance:
        print("NUISANCE", line)


if __name__ == "__main__":
    main()
