"""Vital-sign entry checks (CLINICAL.md §4) without Qt or a database.

Three bands per item: outside the reject range a value is impossible (ValidationError naming
the allowed range); outside the confirm range it is possible but unusual, so the nurse enters
it once more (`needs_confirm`); outside the normal range it is charted red with ↑/↓ (`flag`).
A code (拒测, 外出 ...) stands instead of a number where the item allows it. All engineering
defaults [S], one table, so a ward that wants other limits changes numbers, not code.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional, Union

from app.errors import ValidationError

# Items the grid and the chart know (vital_obs.item).
TEMP, PULSE, HR, RESP, SBP, DBP, SPO2 = "temp", "pulse", "hr", "resp", "sbp", "dbp", "spo2"
WEIGHT, HEIGHT, PAIN = "weight", "height", "pain"
INTAKE, OUTPUT, URINE, STOOL, EVENT = "intake", "output", "urine", "stool", "event"
MEASURED_ITEMS = (TEMP, PULSE, HR, RESP, SBP, DBP, SPO2, WEIGHT, HEIGHT, PAIN)
DAILY_ITEMS = (INTAKE, OUTPUT, URINE, STOOL)
ALL_ITEMS = MEASURED_ITEMS + DAILY_ITEMS + (EVENT,)

# Temperature sites (vital_obs.method); "cooled" is the 30-minute retake after 物理降温.
ORAL, AXILLARY, RECTAL, COOLED = "oral", "axillary", "rectal", "cooled"
TEMP_SITES = (ORAL, AXILLARY, RECTAL)
CATHETER = "catheter"          # 尿量 through a catheter (C)

# Codes instead of numbers (vital_obs.code).
REFUSED, OUT, LEAVE, BELOW = "refused", "out", "leave", "below"          # 拒测 外出 请假 不升
UNMEASURABLE, BEDREST, VENTILATOR = "unmeasurable", "bedrest", "ventilator"  # 测不出 卧床 呼吸机
ABSENT_CODES = (REFUSED, OUT, LEAVE)      # the patient was not measured: the chart's line breaks
CODES: dict[str, tuple[str, ...]] = {
    TEMP: (REFUSED, OUT, LEAVE, BELOW),
    PULSE: (REFUSED, OUT, LEAVE, UNMEASURABLE),
    HR: (REFUSED, OUT, LEAVE, UNMEASURABLE),
    RESP: (REFUSED, OUT, LEAVE, VENTILATOR),
    SBP: (REFUSED, OUT, LEAVE, UNMEASURABLE),
    DBP: (REFUSED, OUT, LEAVE, UNMEASURABLE),
    SPO2: (REFUSED, OUT, LEAVE, UNMEASURABLE),
    WEIGHT: (REFUSED, OUT, LEAVE, BEDREST),
    HEIGHT: (REFUSED, BEDREST),
    PAIN: (REFUSED,),
    INTAKE: (), OUTPUT: (), URINE: (), STOOL: (),
}

# Events on the chart's 40-42 °C band (vital_obs item "event", code).
ADMIT, SURGERY, DELIVERY, TRANSFER_IN, DISCHARGE, DEATH = (
    "admit", "surgery", "delivery", "transfer_in", "discharge", "death")
EVENTS = (ADMIT, SURGERY, DELIVERY, TRANSFER_IN, DISCHARGE, DEATH)
TIMELESS_EVENTS = (SURGERY,)              # 手术 is written without its time (§3)
OPERATIONS = (SURGERY, DELIVERY)           # 手术(分娩)后天数 counts from these

HIGH, LOW = "high", "low"
Number = Union[Decimal, int, float, str]
D = Decimal


@dataclass(frozen=True)
class Limits:
    """One item's bands; None = no bound on that side."""

    step: Decimal
    reject: tuple[Decimal, Decimal]
    confirm: tuple[Optional[Decimal], Optional[Decimal]]
    low: Optional[Decimal] = None           # flag ↓ below this
    high: Optional[Decimal] = None          # flag ↑ above this
    high_inclusive: bool = False            # ↑ from `high` itself (SBP ≥140, T ≥37.3)
    critical_low: Optional[Decimal] = None


LIMITS: dict[str, Limits] = {
    TEMP: Limits(D("0.1"), (D("34.0"), D("43.0")), (D("35.0"), D("41.0")), D("36.0"), D("37.3"),
                 high_inclusive=True),
    PULSE: Limits(D(1), (D(20), D(250)), (D(40), D(180)), D(60), D(100)),
    HR: Limits(D(1), (D(20), D(250)), (D(40), D(180)), D(60), D(100)),
    RESP: Limits(D(1), (D(4), D(60)), (D(8), D(40)), D(12), D(24)),
    SBP: Limits(D(1), (D(50), D(280)), (D(70), D(220)), D(90), D(140), high_inclusive=True),
    DBP: Limits(D(1), (D(20), D(180)), (D(40), D(120)), D(60), D(90), high_inclusive=True),
    SPO2: Limits(D(1), (D(50), D(100)), (D(85), None), D(95), critical_low=D(90)),
    WEIGHT: Limits(D("0.1"), (D("0.3"), D(350)), (None, None)),
    HEIGHT: Limits(D(1), (D(20), D(250)), (D(100), None)),
    PAIN: Limits(D(1), (D(0), D(10)), (None, None), high=D(3)),
    INTAKE: Limits(D(1), (D(0), D(20000)), (None, D(8000))),
    OUTPUT: Limits(D(1), (D(0), D(20000)), (None, D(8000))),
    URINE: Limits(D(1), (D(0), D(20000)), (None, D(8000))),
    STOOL: Limits(D(1), (D(0), D(30)), (None, D(10))),
}
WEIGHT_CHANGE_CONFIRM = D("0.10")         # >10 % against the last weight: asked once more
FEVER_BANDS = ((D("41.0"), "hyper"), (D("39.0"), "high"), (D("38.0"), "moderate"),
               (D("37.2"), "low"))        # 37.3-38.0 低热, 38.1-39.0 中等热, 39.1-41.0 高热, >41 超高热
NOT_RISING = D("35.0")                     # a temperature below this is charted 不升


@dataclass(frozen=True)
class Assessment:
    """What the checks say about an accepted value."""

    item: str
    value: Decimal
    flag: str = ""                          # "", "high", "low"
    needs_confirm: bool = False
    critical: bool = False
    chart_code: Optional[str] = None        # BELOW for a temperature under 35 °C


def parse_number(item: str, text: Number) -> Decimal:
    """The typed value as a Decimal at the item's step, or ValidationError (vitals.not_a_number,
    vitals.step)."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValidationError("vitals.not_a_number", item=item, text=str(text)) from None
    if not value.is_finite():
        raise ValidationError("vitals.not_a_number", item=item, text=str(text))
    step = LIMITS[item].step
    if value % step != 0:
        raise ValidationError("vitals.step", item=item, step=str(step))
    return value.quantize(step)


def _outside(value: Decimal, low: Optional[Decimal], high: Optional[Decimal]) -> bool:
    return (low is not None and value < low) or (high is not None and value > high)


def assess(item: str, value: Number, *, sbp: Optional[Number] = None,
           last_weight: Optional[Number] = None, adult: bool = True) -> Assessment:
    """Check one value: ValidationError("vitals.out_of_range", low, high) when impossible, else
    the flag and whether it must be confirmed. `sbp` lets the DBP be checked against it."""
    if item not in LIMITS:
        raise ValidationError("vitals.unknown_item", item=item)
    limits = LIMITS[item]
    number = value if isinstance(value, Decimal) and value % limits.step == 0 else parse_number(item, value)
    lo, hi = limits.reject
    if _outside(number, lo, hi):
        raise ValidationError("vitals.out_of_range", item=item, value=str(number), low=str(lo),
                              high=str(hi))
    if item == DBP and sbp is not None and number >= Decimal(str(sbp)):
        raise ValidationError("vitals.dbp_not_below_sbp", item=item, value=str(number),
                              sbp=str(sbp))
    confirm = _outside(number, *limits.confirm)
    if item == HEIGHT and not adult:
        confirm = False
    if item == WEIGHT and last_weight is not None:
        last = Decimal(str(last_weight))
        confirm = last > 0 and abs(number - last) / last > WEIGHT_CHANGE_CONFIRM
    flag = ""
    if limits.low is not None and number < limits.low:
        flag = LOW
    elif limits.high is not None and (number >= limits.high if limits.high_inclusive
                                      else number > limits.high):
        flag = HIGH
    critical = limits.critical_low is not None and number < limits.critical_low
    chart_code = BELOW if item == TEMP and number < NOT_RISING else None
    return Assessment(item, number, flag, confirm, critical, chart_code)


def check_code(item: str, code: str) -> str:
    """A code allowed for the item, or ValidationError("vitals.code_not_allowed")."""
    if code not in CODES.get(item, ()):
        raise ValidationError("vitals.code_not_allowed", item=item, code=code)
    return code


def check_site(method: Optional[str]) -> Optional[str]:
    if method is not None and method not in (*TEMP_SITES, COOLED):
        raise ValidationError("vitals.bad_site", method=method)
    return method


def fever_grade(temp: Decimal) -> Optional[str]:
    """低热 / 中等热 / 高热 / 超高热 as ids (low, moderate, high, hyper); None below 37.3 °C."""
    for bound, grade in FEVER_BANDS:
        if temp > bound:
            return grade
    return None


def arrow(flag: str) -> str:
    """The mark a flagged value carries on screen and paper."""
    return "↑" if flag == HIGH else "↓" if flag == LOW else ""


# --- 大便次数 notation (§3): "0", "1/E", "0/E", "1 1/E", "4/2E", "※" incontinence, "☆" colostomy.

INCONTINENT, COLOSTOMY = "*", "stoma"     # stored ASCII in vital_obs.code; shown ※ / ☆


@dataclass(frozen=True)
class Stool:
    own: int = 0                 # without help
    after_enema: int = 0         # after the enemas
    enemas: int = 0              # how many enemas were given (E, 2E ...)
    incontinent: bool = False    # ※
    colostomy: bool = False      # ☆

    @property
    def total(self) -> int:
        return self.own + self.after_enema

    def notation(self) -> str:
        """As the chart prints it."""
        if self.incontinent:
            return "※"
        if self.colostomy:
            return "☆"
        if not self.enemas:
            return str(self.own)
        enema = f"{self.after_enema}/{'' if self.enemas == 1 else self.enemas}E"
        return f"{self.own} {enema}" if self.own else enema

    def code(self) -> Optional[str]:
        """ASCII for vital_obs.code (None: a plain count)."""
        if self.incontinent:
            return INCONTINENT
        if self.colostomy:
            return COLOSTOMY
        if not self.enemas:
            return None
        return self.notation()


def parse_stool(text: str) -> Stool:
    """The nurse's notation (also the stored code) back to counts; ValidationError otherwise."""
    t = " ".join(str(text).replace("※", INCONTINENT).replace("☆", COLOSTOMY).split()).upper()
    if t == INCONTINENT:
        return Stool(incontinent=True)
    if t == COLOSTOMY.upper():
        return Stool(colostomy=True)
    own, _, rest = t.rpartition(" ") if " " in t else ("", "", t)
    try:
        if "/" in rest:
            after, enemas = rest.split("/", 1)
            if not enemas.endswith("E"):
                raise ValueError(rest)
            n_enemas = int(enemas[:-1] or "1")
            stool = Stool(int(own or "0"), int(after), n_enemas)
        elif own:
            raise ValueError(t)
        else:
            stool = Stool(int(rest))
    except ValueError:
        raise ValidationError("vitals.bad_stool", text=str(text)) from None
    if min(stool.own, stool.after_enema) < 0 or (stool.enemas < 1 and "/" in rest) or stool.total > 30:
        raise ValidationError("vitals.bad_stool", text=str(text))
    return stool
