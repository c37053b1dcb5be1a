"""How read-model values look on screen: sex, age, nursing grade, acuity, dates (one place)."""
from __future__ import annotations

from datetime import datetime
from typing import Iterable, Optional

from ui.qt import QColor, translate

GRADE_COLORS = {  # CLINICAL.md §6 bed-card colours (the common default)
    0: QColor("#d32f2f"),   # 特级 red
    1: QColor("#e57373"),   # 一级 red/pink
    2: QColor("#1e88e5"),   # 二级 blue
    3: QColor("#43a047"),   # 三级 none/green
}
CRITICAL_COLOR = QColor("#c62828")
SERIOUS_COLOR = QColor("#ef6c00")
ALLERGY_COLOR = QColor("#d32f2f")


def list_text(items: Iterable[str]) -> str:
    """Items as one phrase: 青霉素、磺胺类 in Chinese, "penicillin, sulfonamides" in English."""
    return translate("Format", "、").join(items)


def sex_text(sex: str) -> str:
    if sex == "M":
        return translate("Format", "男")
    if sex == "F":
        return translate("Format", "女")
    return translate("Format", "未知")


def age_text(age_years: Optional[int], given: str = "") -> str:
    if given:
        return given
    if age_years is None:
        return ""
    return translate("Format", "{n}岁").format(n=age_years)


def grade_text(grade: int) -> str:
    names = {
        0: translate("Format", "特级护理"),
        1: translate("Format", "一级护理"),
        2: translate("Format", "二级护理"),
        3: translate("Format", "三级护理"),
    }
    return names.get(grade, "")


def grade_short(grade: int) -> str:
    names = {
        0: translate("Format", "特级"),
        1: translate("Format", "一级"),
        2: translate("Format", "二级"),
        3: translate("Format", "三级"),
    }
    return names.get(grade, "")


def acuity_text(acuity: str) -> str:
    if acuity == "critical":
        return translate("Format", "病危")
    if acuity == "serious":
        return translate("Format", "病重")
    return ""


def acuity_color(acuity: str) -> Optional[QColor]:
    return {"critical": CRITICAL_COLOR, "serious": SERIOUS_COLOR}.get(acuity)


def days_text(days: int) -> str:
    return translate("Format", "住院{n}天").format(n=days)


def local_date(value: Optional[datetime]) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d")


def local_datetime(value: Optional[datetime]) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M")
