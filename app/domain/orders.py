"""Orders (医嘱) without a database: the lifecycle of CLINICAL.md §1, what a draft must hold, and
how a group is marked on the sheet. Services apply these rules; the UI shows their message ids.

Lifecycle (who may do each step is a permission in app/domain/roles.py):

    draft ──sign──> submitted ──verify──> active (long) / verified (temp) ──execute──> executed
      ^  <─withdraw─┘  │                    │
      │                └──return──> returned (back to the doctor, with the nurse's reason)
      │                                     └──stop──> stop_pending ──confirm──> stopped
    sign above the doctor's antibiotic grade: pending_approval ──approve──> submitted
    void (作废, with reason): any signed order nothing has been executed for
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Optional

DRAFT = "draft"
SUBMITTED = "submitted"
AWAITING_APPROVAL = "pending_approval"   # 16 characters: the status column's width
VERIFIED = "verified"
ACTIVE = "active"
EXECUTED = "executed"
STOP_PENDING = "stop_pending"
STOPPED = "stopped"
VOIDED = "voided"
RETURNED = "returned"

STATUSES = (DRAFT, SUBMITTED, AWAITING_APPROVAL, VERIFIED, ACTIVE, EXECUTED, STOP_PENDING,
            STOPPED, VOIDED, RETURNED)
LIVE = (SUBMITTED, AWAITING_APPROVAL, VERIFIED, ACTIVE, STOP_PENDING)    # in force or about to be
EDITABLE = (DRAFT, RETURNED)                                              # content may change

LONG, TEMP = "long", "temp"
TERMS = (LONG, TEMP)
CATEGORIES = ("drug", "lab", "exam", "treatment", "nursing", "diet", "surgery", "text", "line")
USE_KINDS = ("regular", "prn", "sos", "discharge")
# 术后/分娩/转入/转科/重整医嘱: a 'line' order; signing it stops every long order above it.
LINE_KINDS = ("postop", "delivery", "transfer_in", "transfer_out", "reorganize")

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "sign": ((DRAFT, RETURNED), SUBMITTED),
    "approve": ((AWAITING_APPROVAL,), SUBMITTED),
    "withdraw": ((SUBMITTED, AWAITING_APPROVAL), DRAFT),
    "return": ((SUBMITTED,), RETURNED),
    "verify": ((SUBMITTED,), ACTIVE),             # temp orders become VERIFIED (target_of)
    "execute": ((VERIFIED,), EXECUTED),
    "stop": ((ACTIVE, VERIFIED, SUBMITTED), STOP_PENDING),
    "confirm_stop": ((STOP_PENDING,), STOPPED),
    "void": ((SUBMITTED, AWAITING_APPROVAL, VERIFIED, ACTIVE, RETURNED), VOIDED),
}


class TransitionRefused(ValueError):
    """`action` is not allowed from `status`."""

    def __init__(self, action: str, status: str) -> None:
        super().__init__(f"{action} from {status}")
        self.action = action
        self.status = status


def target_of(action: str, status: str, term: str) -> str:
    """The status `action` leads to from `status`, or TransitionRefused."""
    allowed, target = TRANSITIONS[action]
    if status not in allowed:
        raise TransitionRefused(action, status)
    if action == "verify" and term == TEMP:
        return VERIFIED
    if action == "stop" and term != LONG:
        raise TransitionRefused(action, status)
    return target


# --- what a draft must hold ---------------------------------------------------------------------

MASS = {"kg": Decimal(1_000_000_000), "g": Decimal(1_000_000), "mg": Decimal(1000),
        "μg": Decimal(1), "ug": Decimal(1), "mcg": Decimal(1), "ng": Decimal("0.001")}
VOLUME = {"L": Decimal(1000), "ml": Decimal(1), "mL": Decimal(1)}
UNITS_OF_MEASURE = {"IU", "U", "万U", "万IU", "mmol", "mEq", "片", "粒", "支", "瓶", "袋", "贴",
                    "喷", "揿", "滴", "枚", "丸", "包", "次", "cm"}
ALL_UNITS = frozenset(MASS) | frozenset(VOLUME) | UNITS_OF_MEASURE

# Dosage form -> routes that make sense for it (a form not listed here is not restricted).
FORM_ROUTES: dict[str, frozenset[str]] = {
    "片": frozenset({"po", "ng", "sl"}), "缓释片": frozenset({"po"}), "控释片": frozenset({"po"}),
    "肠溶片": frozenset({"po"}), "分散片": frozenset({"po", "ng"}), "泡腾片": frozenset({"po"}),
    "胶囊": frozenset({"po", "ng"}), "缓释胶囊": frozenset({"po"}), "肠溶胶囊": frozenset({"po"}),
    "软胶囊": frozenset({"po"}), "颗粒": frozenset({"po", "ng"}), "散剂": frozenset({"po", "ng", "ext"}),
    "口服溶液": frozenset({"po", "ng"}), "糖浆": frozenset({"po", "ng"}), "混悬液": frozenset({"po", "ng"}),
    "干混悬剂": frozenset({"po", "ng"}), "滴丸": frozenset({"po", "sl"}), "丸剂": frozenset({"po"}),
    "注射液": frozenset({"iv", "ivgtt", "ivvp", "im", "ih", "id", "it", "ipl", "ip", "bi", "inh"}),
    "注射用粉针": frozenset({"iv", "ivgtt", "ivvp", "im", "ih", "id", "it", "ipl", "ip"}),
    "乳膏": frozenset({"ext"}), "软膏": frozenset({"ext", "oph"}), "滴眼剂": frozenset({"oph"}),
    "栓剂": frozenset({"pr", "pv"}), "灌肠剂": frozenset({"pr"}), "气雾剂": frozenset({"inh"}),
    "吸入溶液": frozenset({"inh"}), "吸入粉雾剂": frozenset({"inh"}), "含漱液": frozenset({"ext"}),
}


def units_compatible(unit: str, drug_units: tuple[str, ...]) -> bool:
    """Whether `unit` is the drug's own unit or converts to it (mg <-> g, ml <-> L)."""
    if unit in drug_units:
        return True
    return any(unit in family and any(u in family for u in drug_units) for family in (MASS, VOLUME))


@dataclass(frozen=True)
class FieldError:
    field: str          # dose, dose_unit, route_code, freq_code, stop_at, content, first_day_times
    message_id: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DrugFacts:
    """What the dictionary says about the ordered product."""

    form: str
    dose_unit: str
    strength_unit: Optional[str] = None


def parse_dose(text: object) -> Optional[Decimal]:
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return Decimal("NaN")
    return value


def check_draft(*, term: str, category: str, content: str, dose: Optional[Decimal],
                dose_unit: Optional[str], route_code: Optional[str], freq_code: Optional[str],
                start_at: datetime, stop_at: Optional[datetime], first_day_times: Optional[int],
                drug: Optional[DrugFacts], known_routes: frozenset[str],
                known_freqs: frozenset[str]) -> list[FieldError]:
    """Every reason the draft cannot be kept as it is, field by field (nothing is saved half-way)."""
    errors: list[FieldError] = []
    if term not in TERMS:
        errors.append(FieldError("term", "order.bad_term"))
    if category not in CATEGORIES:
        errors.append(FieldError("category", "order.bad_category"))
    if not content.strip():
        errors.append(FieldError("content", "order.content_required"))
    if category == "drug":
        if dose is None:
            errors.append(FieldError("dose", "order.dose_required"))
        elif not dose.is_finite() or dose <= 0 or dose > Decimal(100000):
            errors.append(FieldError("dose", "order.dose_impossible"))
        if not dose_unit:
            errors.append(FieldError("dose_unit", "order.unit_required"))
        elif dose_unit not in ALL_UNITS or (
                drug is not None and not units_compatible(
                    dose_unit, tuple(u for u in (drug.dose_unit, drug.strength_unit) if u))):
            errors.append(FieldError("dose_unit", "order.unit_unknown", (("unit", dose_unit),)))
        if not route_code:
            errors.append(FieldError("route_code", "order.route_required"))
        elif route_code not in known_routes:
            errors.append(FieldError("route_code", "order.route_unknown", (("route", route_code),)))
        elif drug is not None and drug.form in FORM_ROUTES and route_code not in FORM_ROUTES[drug.form]:
            errors.append(FieldError("route_code", "order.route_for_form",
                                     (("route", route_code), ("form", drug.form))))
    if freq_code and freq_code not in known_freqs:
        errors.append(FieldError("freq_code", "order.freq_unknown", (("freq", freq_code),)))
    if term == LONG and category == "drug" and not freq_code:
        errors.append(FieldError("freq_code", "order.freq_required"))
    if stop_at is not None and stop_at <= start_at:
        errors.append(FieldError("stop_at", "order.stop_before_start"))
    if first_day_times is not None and not 0 <= first_day_times <= 24:
        errors.append(FieldError("first_day_times", "order.first_day_times"))
    return errors


def group_marks(count: int) -> list[str]:
    """┌ │ └ for the members of a group in sheet order (one member: no mark)."""
    if count <= 1:
        return [""] * count
    return ["┌"] + ["│"] * (count - 2) + ["└"]
