"""护理记录 lines (CLINICAL.md §6) without Qt or a database: what a 一般护理记录 and a 危重护理记录
line holds, the fixed choices, and the checks.

A line is timed to the minute and holds any of: T P R BP SpO2 (checked with app/domain/vitals.py's
bands: impossible refused, unusual confirmed once), consciousness and pupils (fixed choices),
intake and output items (kind + ml), and the observation and measures in words. `check_line`
refuses the first bad field with a ValidationError naming it (`field`), and lists the values
outside the confirm range still to be confirmed; `io_totals` sums the lines' intake and output
the way the 体温单's bottom rows want them (入量, 出量 = every output, 尿量 = the urine part).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Mapping, Optional

from app.domain import vitals as dv
from app.errors import ValidationError

GENERAL, CRITICAL = "general", "critical"
REC_TYPES = (GENERAL, CRITICAL)
VITAL_ITEMS = (dv.TEMP, dv.PULSE, dv.RESP, dv.SBP, dv.DBP, dv.SPO2)

# 意识: 清醒, 嗜睡, 意识模糊, 昏睡, 浅昏迷, 深昏迷, 谵妄, 镇静 (ids; ui/ says them).
CONSCIOUSNESS = ("alert", "drowsy", "confused", "stupor", "light_coma", "deep_coma", "delirium",
                 "sedated")
# 瞳孔 size in mm (1.0-9.0 in 0.5 steps) and light reflex: 灵敏, 迟钝, 消失.
PUPIL_SIZES = tuple(Decimal(n) / 2 for n in range(2, 19))
LIGHT_REFLEX = ("brisk", "sluggish", "absent")
# 入量: 静脉, 口服, 鼻饲, 输血, 其他; 出量: 尿, 大便, 呕吐, 引流, 胃肠减压, 其他.
INTAKE_KINDS = ("iv", "oral", "tube", "blood", "other")
OUTPUT_KINDS = ("urine", "stool", "vomit", "drainage", "gastric", "other")
URINE = "urine"
IO_MAX_ML = 5000                       # one item of one line [S]
NOTE_MAX = 500
REASON_MAX = 200


@dataclass(frozen=True)
class IOItem:
    """One intake or output item of a line: its kind and millilitres."""

    kind: str
    ml: int


@dataclass(frozen=True)
class LineInput:
    """What a nurse typed for one line (numbers as Decimals, choices as ids, None = not given)."""

    vitals: Mapping[str, Decimal]
    consciousness: Optional[str] = None
    pupil_left: Optional[Decimal] = None
    pupil_right: Optional[Decimal] = None
    light_left: Optional[str] = None
    light_right: Optional[str] = None
    intake: tuple[IOItem, ...] = ()
    output: tuple[IOItem, ...] = ()
    note: str = ""


def _choice(field: str, value: Optional[str], allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValidationError("nursing.bad_choice", field=field, value=value)


def _pupil(field: str, value: Optional[Decimal]) -> Optional[str]:
    if value is None:
        return None
    if value not in PUPIL_SIZES:
        raise ValidationError("nursing.bad_pupil", field=field, value=str(value),
                              low=str(PUPIL_SIZES[0]), high=str(PUPIL_SIZES[-1]))
    return str(value.quantize(Decimal("0.1")))


def _io(field: str, items: Iterable[IOItem], kinds: tuple[str, ...]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for item in items:
        if item.kind not in kinds:
            raise ValidationError("nursing.bad_choice", field=field, value=item.kind)
        if not isinstance(item.ml, int) or isinstance(item.ml, bool) or not 1 <= item.ml <= IO_MAX_ML:
            raise ValidationError("nursing.bad_ml", field=field, value=str(item.ml), low=1,
                                  high=IO_MAX_ML)
        out.append({"kind": item.kind, "ml": item.ml})
    return out


def check_line(rec_type: str, line: LineInput,
               confirmed: Iterable[str] = ()) -> tuple[dict[str, object], list[dict[str, str]]]:
    """The line as stored (nursing_rec.body) and the values still to confirm ([{item, value}]),
    or ValidationError for the first bad field; an empty line is refused."""
    if rec_type not in REC_TYPES:
        raise ValidationError("nursing.bad_type", field="rec_type", value=rec_type)
    vitals: dict[str, str] = {}
    unconfirmed: list[dict[str, str]] = []
    sbp = line.vitals.get(dv.SBP)
    for item, value in line.vitals.items():
        if item not in VITAL_ITEMS:
            raise ValidationError("vitals.unknown_item", item=item, field=item)
        try:
            a = dv.assess(item, value, sbp=sbp if item == dv.DBP else None)
        except ValidationError as err:
            err.params.setdefault("field", item)        # the form puts the cursor there
            raise
        if a.needs_confirm and item not in confirmed:
            unconfirmed.append({"item": item, "value": str(a.value)})
        vitals[item] = str(a.value)
    if (dv.SBP in vitals) != (dv.DBP in vitals):
        raise ValidationError("nursing.bp_pair", field=dv.SBP if dv.SBP not in vitals else dv.DBP)
    _choice("consciousness", line.consciousness, CONSCIOUSNESS)
    _choice("light_left", line.light_left, LIGHT_REFLEX)
    _choice("light_right", line.light_right, LIGHT_REFLEX)
    note = (line.note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError("nursing.note_too_long", field="note", max=NOTE_MAX)
    body: dict[str, object] = {
        "vitals": vitals, "consciousness": line.consciousness,
        "pupil_left": _pupil("pupil_left", line.pupil_left),
        "pupil_right": _pupil("pupil_right", line.pupil_right),
        "light_left": line.light_left, "light_right": line.light_right,
        "intake": _io("intake", line.intake, INTAKE_KINDS),
        "output": _io("output", line.output, OUTPUT_KINDS), "note": note}
    if not any(body[k] for k in body):
        raise ValidationError("nursing.empty_line", field="note")
    return body, unconfirmed


@dataclass(frozen=True)
class IOTotals:
    intake: int = 0
    output: int = 0                       # every output, urine included (出量)
    urine: int = 0                        # 尿量
    by_kind: tuple[tuple[str, str, int], ...] = ()   # ("intake" | "output", kind, ml)

    @property
    def empty(self) -> bool:
        return not (self.intake or self.output)

    @property
    def balance(self) -> int:
        return self.intake - self.output


def io_totals(bodies: Iterable[Mapping[str, object]]) -> IOTotals:
    """The sum of the lines' intake and output (the lines already chosen: current, in the 24 h)."""
    kinds: dict[tuple[str, str], int] = {}
    for body in bodies:
        for side in ("intake", "output"):
            items = body.get(side) or []
            assert isinstance(items, list)
            for item in items:
                key = (side, str(item["kind"]))
                kinds[key] = kinds.get(key, 0) + int(item["ml"])
    intake = sum(v for (side, _), v in kinds.items() if side == "intake")
    output = sum(v for (side, _), v in kinds.items() if side == "output")
    order = {**{("intake", k): i for i, k in enumerate(INTAKE_KINDS)},
             **{("output", k): 10 + i for i, k in enumerate(OUTPUT_KINDS)}}
    by_kind = tuple((side, kind, ml) for (side, kind), ml in
                    sorted(kinds.items(), key=lambda kv: order.get(kv[0], 99)))
    return IOTotals(intake, output, kinds.get(("output", URINE), 0), by_kind)
