"""Nurse execution (执行) without a database: which 执行单 an order's items go on, the reasons
a dose is not given (CLINICAL.md §2), what needs a second nurse, and how a patient is identified.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

# The day's execution lists (CLINICAL.md §2 执行单), in the order the page shows them.
SHEETS = ("infusion", "oral", "injection", "treatment", "care", "skin_test", "specimen", "diet")
CATEGORY_SHEETS = {"treatment": "treatment", "nursing": "care", "lab": "specimen", "diet": "diet"}

# What a fact records: executed, not executed (with a reason), an infusion started / finished;
# `void` is the correction that voids an earlier fact (never an edit).
DONE, NOT_DONE, STARTED, FINISHED, VOID = "done", "not_done", "started", "finished", "void"
KINDS = (DONE, NOT_DONE, STARTED, FINISHED)
OPENING = (DONE, NOT_DONE, STARTED)       # the first record of an item
# 未执行 reasons (CLINICAL.md §2): ids, translated by ui/messages_nurse.py.
NOT_DONE_REASONS = ("patient_refused", "fasting", "out_of_ward", "in_exam_or_surgery",
                    "drug_not_arrived", "doctor_paused", "iv_access_failed", "discharged",
                    "other")
FUTURE_SLACK_SECONDS = 120                # the PC's clock may be a little ahead of the server's


def sheet_of(category: str, route_sheet: Optional[str], route_code: Optional[str]) -> Optional[str]:
    """The 执行单 an order belongs on, or None (exams, text orders: not executed by the ward)."""
    if route_code == "id":
        return "skin_test"
    if category == "drug":
        return route_sheet or "treatment"
    return CATEGORY_SHEETS.get(category)


BLOOD_WORDS = ("输血", "红细胞", "血浆", "血小板", "冷沉淀", "全血")


def needs_second_nurse(high_alert: bool, content: str) -> bool:
    """双人核对: high-alert drugs and blood (CLINICAL.md §2)."""
    return high_alert or any(w in content for w in BLOOD_WORDS)


def claim_key(plan_id: str, kind: str, voided: int) -> str:
    """The unique key of the first record of an item's phase: two nurses recording the same
    item at once cannot both take it; the second fact is kept and flagged. A voided record
    frees its phase for the correction (`voided` counts the item's voided facts)."""
    phase = "end" if kind == FINISHED else "open"
    return f"{plan_id}:{phase}:{voided}"


@dataclass(frozen=True)
class Identity:
    encounter_id: str
    name: str
    mrn: str


WRISTBAND_PREFIX = "W"     # the wristband barcode: W + 住院号 (the band also prints the name) [S]


def wristband_code(mrn: str) -> str:
    return f"{WRISTBAND_PREFIX}{mrn}"


def identify(text: str, patients: Sequence[Identity]) -> Optional[Identity]:
    """The patient two identifiers name: the wristband barcode (scanned: a USB scanner types it
    and presses Enter), or name + 住院号 typed together. A bed number, a name or a 住院号 alone
    never identifies a patient (CLINICAL.md §2)."""
    words = text.replace("，", " ").replace(",", " ").split()
    if not words:
        return None
    for p in patients:
        if len(words) == 1 and words[0].upper() == wristband_code(p.mrn):
            return p
        if len(words) >= 2 and p.mrn in words and p.name in words:
            return p
    return None


LABEL_PREFIX = "E"         # an infusion label (瓶签): E + the execution id, see label_code()
_UUID_DIGITS = 39          # 2**128 has 39 decimal digits


def label_code(plan_id: str) -> str:
    """What a 瓶签's Code 128 barcode holds: the execution id (the item's plan id). A UUID is
    written as E + its 128 bits in 39 decimal digits, which Code 128 packs two digits a bar
    pattern (set C), so the barcode fits an 80 mm label with bars wide enough for a 203 dpi
    printer; any other id as E- + the id itself."""
    import uuid

    try:
        value = uuid.UUID(plan_id)
    except ValueError:
        return f"{LABEL_PREFIX}-{plan_id}"
    if str(value) != plan_id.lower():
        return f"{LABEL_PREFIX}-{plan_id}"
    return f"{LABEL_PREFIX}{value.int:0{_UUID_DIGITS}d}"


def plan_id_of_label(text: str) -> Optional[str]:
    """The execution id a scanned 瓶签 names, or None when the text is not a label's code."""
    import uuid

    code = text.strip()
    if len(code) < 2 or code[0].upper() != LABEL_PREFIX:
        return None
    rest = code[1:]
    if rest.startswith("-"):
        return rest[1:] or None
    if len(rest) != _UUID_DIGITS or not rest.isdigit() or int(rest) >= 1 << 128:
        return None
    return str(uuid.UUID(int=int(rest)))
