"""Nursing risk scores exactly as CLINICAL.md §6 gives them: Braden (压疮), Morse (跌倒), Barthel
(自理能力, WS/T 431-2013) and pain (NRS 0-10; faces map onto the same 0-10). No Qt, no DB.

`score(scale, answers)` checks that every item is there with an allowed value (an item left out
or a value the scale does not have is refused, naming the item) and returns the total and the
risk level id; `reassess_days` is how soon the next assessment is due [S].
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from app.errors import ValidationError

BRADEN, MORSE, BARTHEL, PAIN = "braden", "morse", "barthel", "pain"

# item -> allowed points, in the table's order.
ITEMS: dict[str, dict[str, tuple[int, ...]]] = {
    BRADEN: {"sensory": (1, 2, 3, 4), "moisture": (1, 2, 3, 4), "activity": (1, 2, 3, 4),
             "mobility": (1, 2, 3, 4), "nutrition": (1, 2, 3, 4), "friction": (1, 2, 3)},
    MORSE: {"fall_history": (0, 25), "secondary_dx": (0, 15), "ambulatory_aid": (0, 15, 30),
            "iv_access": (0, 20), "gait": (0, 10, 20), "mental_status": (0, 15)},
    BARTHEL: {"feeding": (0, 5, 10), "bathing": (0, 5), "grooming": (0, 5), "dressing": (0, 5, 10),
              "bowels": (0, 5, 10), "bladder": (0, 5, 10), "toilet": (0, 5, 10),
              "transfer": (0, 5, 10, 15), "mobility": (0, 5, 10, 15), "stairs": (0, 5, 10)},
    PAIN: {"nrs": tuple(range(11))},
}


@dataclass(frozen=True)
class Score:
    scale: str
    total: int
    level: str                 # a risk level id (ui/ translates score.<scale>.<level>)
    alert: bool                # past the action threshold: shown on the bed card and header

    @property
    def level_id(self) -> str:
        return f"score.{self.scale}.{self.level}"


def _level(scale: str, total: int) -> tuple[str, bool]:
    if scale == BRADEN:              # 15-18 轻度, 13-14 中度, 10-12 高度, <=9 极高危; act at <=12 [S]
        level = ("very_high" if total <= 9 else "high" if total <= 12 else "moderate" if total <= 14
                 else "mild" if total <= 18 else "none")
        return level, total <= 12
    if scale == MORSE:               # <25 低, 25-45 中, >45 高 [S]
        level = "high" if total > 45 else "moderate" if total >= 25 else "low"
        return level, total > 45
    if scale == BARTHEL:             # <=40 重度, 41-60 中度, 61-99 轻度依赖, 100 无需
        level = ("severe" if total <= 40 else "moderate" if total <= 60 else "mild" if total <= 99
                 else "independent")
        return level, total <= 40
    level = "none" if total == 0 else "mild" if total <= 3 else "moderate" if total <= 6 else "severe"
    return level, total >= 4         # NRS >= 4 prompts the doctor [S]


def score(scale: str, answers: Mapping[str, int]) -> Score:
    items = ITEMS.get(scale)
    if items is None:
        raise ValidationError("score.unknown_scale", scale=scale)
    extra = sorted(set(answers) - set(items))
    if extra:
        raise ValidationError("score.unknown_item", scale=scale, item=extra[0])
    total = 0
    for item, allowed in items.items():
        if item not in answers or answers[item] is None:
            raise ValidationError("score.item_missing", scale=scale, item=item)
        value = answers[item]
        if value not in allowed:
            raise ValidationError("score.bad_value", scale=scale, item=item, value=value,
                                  allowed="/".join(str(a) for a in allowed))
        total += value
    level, alert = _level(scale, total)
    return Score(scale, total, level, alert)


def reassess_days(result: Score) -> Optional[int]:
    """Days to the next assessment [S]: high risk daily, moderate every 3 days, low weekly;
    pain: None (after each treatment instead: IV 15-30 min, oral 1 h)."""
    if result.scale == PAIN:
        return None
    if result.alert:
        return 1
    return 3 if result.level in ("moderate", "mild") and result.scale != BARTHEL else 7
