"""Patient facts inferred from the diagnoses as well as the flags and labs (issue 18).

- Pregnancy: the `pregnant` flag, or a diagnosis (ICD-10 chapter O, Z32.1, Z33-Z36, ICD-10-CM
  Z3A weeks) or its text (妊娠, 孕32周, 早孕; not 不孕/避孕). The trimester comes from the weeks
  written in the text or code (<14 first, 14-27 second, >=28 third), from words (早孕, 妊娠晚期)
  or from the code (labour codes: third); unknown means any of the three. A delivery or
  puerperium code (O80-O92, Z37, Z39.0) or text (产后, 产褥) says the pregnancy has ended.
- Lactation: the `lactating` flag, Z39.1 (care of the lactating mother), O91/O92, or 哺乳 in a
  diagnosis text.
- Renal function when no eGFR, CrCl or creatinine is given: a CKD stage (N18.3-N18.5, Z99.2
  dialysis, 尿毒症, CKD 4期) stands for the top of its band (CKD 4 = eGFR < 30), so only the rules
  certain to apply for the whole band fire.

The code prefixes and words are data: vocab.csv kinds pregnancy_icd, pregnancy_text,
pregnancy_negation, renal_icd and renal_text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from app.checks.identity import normalize
from app.checks.model import Diagnosis, Patient

ALL_TRIMESTERS = frozenset({1, 2, 3})
# 孕32周, 孕32+3周, 妊娠32周, 32周妊娠, 宫内孕8周, G2P1 孕12周, 妊娠 20 周
_WEEKS = re.compile(r"(?:孕|妊娠)\s*(\d{1,2})(?:\s*[+＋/]\s*\d)?\s*周"
                    r"|(\d{1,2})(?:\s*[+＋/]\s*\d)?\s*周\s*(?:妊娠|孕)")
_CM_WEEKS = re.compile(r"^Z3A(\d{2})$")
# 慢性肾脏病4期, CKD 3b期, CKD5, 慢性肾衰竭 Ⅳ期
_CKD = re.compile(r"(?:慢性肾脏病|慢性肾病|慢性肾功能不全|慢性肾衰竭|慢性肾功能衰竭|ckd)"
                  r"\s*([1-5一二三四五ⅰⅱⅲⅳⅴ])\s*([ab])?\s*期?")
_STAGE_DIGIT = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                "ⅰ": "1", "ⅱ": "2", "ⅲ": "3", "ⅳ": "4", "ⅴ": "5"}
_CKD_BELOW = {"1": None, "2": None, "3": 60.0, "3a": 60.0, "3b": 45.0, "4": 30.0, "5": 15.0}


@dataclass(frozen=True)
class Pregnancy:
    pregnant: bool
    trimesters: frozenset[int]  # the trimesters the patient may be in (all three when unknown)
    evidence: str  # the flag or the diagnosis that says so


@dataclass(frozen=True)
class RenalInference:
    below: float  # eGFR is below this (ml/min/1.73 m2)
    evidence: str


def _code(diagnosis: Diagnosis) -> str:
    return (diagnosis.icd10 or "").upper().replace(".", "").strip()


def _longest_prefix(code: str, table: dict[str, str]) -> Optional[str]:
    best: Optional[str] = None
    for prefix in table:
        key = prefix.upper().replace(".", "")
        if key and code.startswith(key) and (best is None or len(key) > len(best.replace(".", ""))):
            best = prefix
    return best


def _trimester_of_weeks(weeks: int) -> frozenset[int]:
    if weeks < 14:
        return frozenset({1})
    if weeks < 28:
        return frozenset({2})
    return frozenset({3})


def _parse_state(value: str) -> tuple[str, frozenset[int]]:
    """'pregnant' or 'pregnant:2|3' -> (state, trimesters)."""
    state, _, rest = value.partition(":")
    if not rest:
        return state.strip(), ALL_TRIMESTERS
    return state.strip(), frozenset(int(t) for t in rest.split("|") if t.strip().isdigit())


def infer_pregnancy(patient: Patient, vocab: dict[str, dict[str, str]],
                    sex: Optional[str]) -> Optional[Pregnancy]:
    """The pregnancy facts, or None when nothing says the patient is pregnant."""
    if sex == "M":
        return None
    codes = vocab.get("pregnancy_icd", {})
    words = vocab.get("pregnancy_text", {})
    negations = tuple(normalize(w) for w in vocab.get("pregnancy_negation", {}))
    pregnant_evidence: Optional[str] = "pregnant" if patient.pregnant else None
    ended: Optional[str] = None
    trimesters = ALL_TRIMESTERS
    for diagnosis in patient.diagnoses:
        label = diagnosis.name or diagnosis.icd10 or ""
        state: Optional[str] = None
        found = ALL_TRIMESTERS
        code = _code(diagnosis)
        weeks = _CM_WEEKS.match(code)
        if weeks:
            state, found = "pregnant", _trimester_of_weeks(int(weeks.group(1)))
        else:
            prefix = _longest_prefix(code, codes) if code else None
            if prefix is not None:
                state, found = _parse_state(codes[prefix])
        text = normalize(diagnosis.name or "")
        for negation in negations:
            text = text.replace(negation, " ")
        text_state: Optional[str] = None
        text_found = ALL_TRIMESTERS
        for word, value in sorted(words.items(), key=lambda kv: -len(kv[0])):
            if word and normalize(word) in text:
                text_state, text_found = _parse_state(value)
                break
        if text_state == "postpartum" or (state is None and text_state is not None):
            state = text_state
        if state == "pregnant":
            if text_found != ALL_TRIMESTERS:
                found = text_found
            match = _WEEKS.search(text)
            if match:
                found = _trimester_of_weeks(int(match.group(1) or match.group(2)))
            pregnant_evidence = pregnant_evidence or label
            if found != ALL_TRIMESTERS:
                narrowed = trimesters & found
                trimesters = narrowed or found
        elif state == "postpartum":
            ended = label
    if pregnant_evidence is None:
        return None
    if ended is not None and not patient.pregnant:
        return None  # delivered: the pregnancy code earlier in the list is history
    return Pregnancy(True, trimesters, pregnant_evidence)


def infer_lactation(patient: Patient, vocab: dict[str, dict[str, str]]) -> Optional[str]:
    """What says the patient is breastfeeding (the flag, Z39.1, O91/O92, 哺乳), or None."""
    if patient.lactating:
        return "lactating"
    if patient.lactating is False:
        return None  # the sender states it: a lactation code from months ago does not override
    codes = vocab.get("pregnancy_icd", {})
    words = vocab.get("pregnancy_text", {})
    negations = tuple(normalize(w) for w in vocab.get("pregnancy_negation", {}))
    for diagnosis in patient.diagnoses:
        code = _code(diagnosis)
        prefix = _longest_prefix(code, codes) if code else None
        if prefix is not None and _parse_state(codes[prefix])[0] == "lactating":
            return diagnosis.name or diagnosis.icd10 or ""
        text = normalize(diagnosis.name or "")
        for negation in negations:
            text = text.replace(negation, " ")
        for word, value in words.items():
            if word and normalize(word) in text and _parse_state(value)[0] == "lactating":
                return diagnosis.name or diagnosis.icd10 or ""
    return None


def infer_renal(patient: Patient, vocab: dict[str, dict[str, str]]) -> Optional[RenalInference]:
    """The worst CKD band the diagnoses state, as 'eGFR below N'."""
    codes = vocab.get("renal_icd", {})
    words = vocab.get("renal_text", {})
    best: Optional[RenalInference] = None
    for diagnosis in patient.diagnoses:
        label = diagnosis.name or diagnosis.icd10 or ""
        below: Optional[float] = None
        code = _code(diagnosis)
        prefix = _longest_prefix(code, codes) if code else None
        if prefix is not None and codes[prefix]:
            below = float(codes[prefix])
        text = normalize(diagnosis.name or "").replace("Ⅲ", "ⅲ").replace("Ⅳ", "ⅳ").replace("Ⅴ", "ⅴ")
        match = _CKD.search(text)
        if match:
            stage = _STAGE_DIGIT.get(match.group(1), match.group(1)) + (match.group(2) or "")
            stage_below = _CKD_BELOW.get(stage, _CKD_BELOW.get(stage[:1]))
            if stage_below is not None:
                below = stage_below if below is None else min(below, stage_below)
        for word, value in words.items():
            if word and normalize(word) in text and value:
                below = float(value) if below is None else min(below, float(value))
        if below is not None and (best is None or below < best.below):
            best = RenalInference(below, label)
    return best
