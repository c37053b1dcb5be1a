"""The order-check contract (shared/cds/FORMAT.md) as frozen dataclasses, with JSON in and out.

Missing patient fields stay None: the rules never alert on what is unknown. Structural problems
(wrong types, no `new_orders`) raise CheckInputError, which the CLI turns into exit status 2.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from app.errors import ValidationError

SEVERITIES = ("high", "moderate", "low")
SEVERITY_RANK = {"high": 3, "moderate": 2, "low": 1}

CATEGORIES = (
    "allergy", "drug_drug", "dose_single", "dose_daily", "route", "duplicate",
    "therapeutic_duplication", "renal", "hepatic", "age", "pregnancy", "lactation",
    "drug_disease", "skin_test", "iv_compatibility", "lab", "unchecked",
)

SKIN_TEST_VALUES = (None, "negative", "positive", "exempt")


class CheckInputError(ValidationError):
    """The request does not follow FORMAT.md; `where` names the offending field."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__("checks.bad_input", where=where, problem=problem)
        self.where = where
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


@dataclass(frozen=True)
class Allergy:
    substance: str
    reaction: Optional[str] = None


@dataclass(frozen=True)
class Diagnosis:
    icd10: Optional[str]
    name: Optional[str] = None


@dataclass(frozen=True)
class Lab:
    code: str
    value: float
    unit: Optional[str] = None


@dataclass(frozen=True)
class Patient:
    age_years: Optional[float] = None
    sex: Optional[str] = None
    weight_kg: Optional[float] = None
    height_cm: Optional[float] = None
    pregnant: Optional[bool] = None
    lactating: Optional[bool] = None
    egfr: Optional[float] = None
    crcl: Optional[float] = None
    allergies: tuple[Allergy, ...] = ()
    diagnoses: tuple[Diagnosis, ...] = ()
    labs: tuple[Lab, ...] = ()
    child_pugh: Optional[str] = None


@dataclass(frozen=True)
class Order:
    drug: str
    dose: Optional[float] = None
    unit: Optional[str] = None
    route: Optional[str] = None
    frequency: Optional[str] = None
    group: Optional[str] = None
    skin_test: Optional[str] = None


@dataclass(frozen=True)
class CheckRequest:
    patient: Patient = field(default_factory=Patient)
    active_orders: tuple[Order, ...] = ()
    new_orders: tuple[Order, ...] = ()


@dataclass(frozen=True)
class Alert:
    order: int
    category: str
    severity: str
    message: str
    related: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"order": self.order, "category": self.category, "severity": self.severity,
                "message": self.message, "related": list(self.related)}


# ---------------------------------------------------------------- JSON parsing helpers

def _measure(value: Any, where: str) -> Optional[float]:
    """Weight and height: 0 is how many ward systems send "not measured", so it means unknown."""
    number = _num(value, where, positive=True)
    return number if number else None


def _num(value: Any, where: str, positive: bool = False) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                raise CheckInputError(where, "expected a number") from None
        else:
            raise CheckInputError(where, "expected a number")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise CheckInputError(where, "expected a finite number")
    if positive and number < 0:
        raise CheckInputError(where, "must not be negative")
    return number


def _text(value: Any, where: str, required: bool = False) -> Optional[str]:
    if value is None:
        if required:
            raise CheckInputError(where, "missing")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise CheckInputError(where, "expected a string")
    stripped = value.strip()
    if required and not stripped:
        raise CheckInputError(where, "missing")
    return stripped or None


def _flag(value: Any, where: str) -> Optional[bool]:
    if value is None or isinstance(value, bool):
        return value
    raise CheckInputError(where, "expected true, false or null")


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CheckInputError(where, "expected an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CheckInputError(where, "expected a list")
    return value


def _allergy(raw: Any, where: str) -> Allergy:
    if isinstance(raw, str):
        return Allergy(substance=_text(raw, where, required=True) or "")
    data = _obj(raw, where)
    return Allergy(substance=_text(data.get("substance"), f"{where}.substance", required=True) or "",
                   reaction=_text(data.get("reaction"), f"{where}.reaction"))


_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")


def _diagnosis(raw: Any, where: str) -> Diagnosis:
    if isinstance(raw, str):  # a bare code or name is accepted as well
        text = raw.strip()
        return Diagnosis(icd10=text if _ICD10.match(text.upper()) else None, name=text)
    data = _obj(raw, where)
    return Diagnosis(icd10=_text(data.get("icd10"), f"{where}.icd10"),
                     name=_text(data.get("name"), f"{where}.name"))


def _lab(raw: Any, where: str) -> Optional[Lab]:
    data = _obj(raw, where)
    code = _text(data.get("code"), f"{where}.code", required=True) or ""
    value = _num(data.get("value"), f"{where}.value")
    if value is None:
        return None  # a lab without a value is unknown, not an error
    return Lab(code=code, value=value, unit=_text(data.get("unit"), f"{where}.unit"))


def patient_from_json(raw: Any) -> Patient:
    if raw is None:
        return Patient()
    data = _obj(raw, "patient")
    sex = _text(data.get("sex"), "patient.sex")
    labs = tuple(lab for i, item in enumerate(_list(data.get("labs"), "patient.labs"))
                 if (lab := _lab(item, f"patient.labs[{i}]")) is not None)
    return Patient(
        age_years=_num(data.get("age_years"), "patient.age_years", positive=True),
        sex=sex,
        weight_kg=_measure(data.get("weight_kg"), "patient.weight_kg"),
        height_cm=_measure(data.get("height_cm"), "patient.height_cm"),
        pregnant=_flag(data.get("pregnant"), "patient.pregnant"),
        lactating=_flag(data.get("lactating"), "patient.lactating"),
        egfr=_num(data.get("egfr"), "patient.egfr", positive=True),
        crcl=_num(data.get("crcl"), "patient.crcl", positive=True),
        allergies=tuple(_allergy(a, f"patient.allergies[{i}]")
                        for i, a in enumerate(_list(data.get("allergies"), "patient.allergies"))),
        diagnoses=tuple(_diagnosis(d, f"patient.diagnoses[{i}]")
                        for i, d in enumerate(_list(data.get("diagnoses"), "patient.diagnoses"))),
        labs=labs,
        child_pugh=_text(data.get("child_pugh"), "patient.child_pugh"),
    )


def order_from_json(raw: Any, where: str) -> Order:
    data = _obj(raw, where)
    skin = _text(data.get("skin_test"), f"{where}.skin_test")
    skin = skin.lower() if skin else None
    if skin not in SKIN_TEST_VALUES:
        raise CheckInputError(f"{where}.skin_test", "expected null, negative, positive or exempt")
    group = data.get("group")
    return Order(
        drug=_text(data.get("drug"), f"{where}.drug", required=True) or "",
        dose=_num(data.get("dose"), f"{where}.dose", positive=True),
        unit=_text(data.get("unit"), f"{where}.unit"),
        route=_text(data.get("route"), f"{where}.route"),
        frequency=_text(data.get("frequency"), f"{where}.frequency"),
        group=None if group is None else _text(group, f"{where}.group"),
        skin_test=skin,
    )


def from_json(raw: Any) -> CheckRequest:
    """Build a request from decoded JSON; raise CheckInputError on anything FORMAT.md forbids."""
    data = _obj(raw, "input")
    if "new_orders" not in data:
        raise CheckInputError("new_orders", "missing")
    new_raw = data["new_orders"]
    if not isinstance(new_raw, list):
        raise CheckInputError("new_orders", "expected a list")
    return CheckRequest(
        patient=patient_from_json(data.get("patient")),
        active_orders=tuple(order_from_json(o, f"active_orders[{i}]")
                            for i, o in enumerate(_list(data.get("active_orders"), "active_orders"))),
        new_orders=tuple(order_from_json(o, f"new_orders[{i}]") for i, o in enumerate(new_raw)),
    )


def to_json(alerts: list[Alert]) -> dict[str, Any]:
    return {"alerts": [a.to_json() for a in alerts]}
