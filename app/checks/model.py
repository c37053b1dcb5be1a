"""The order-check contract (shared/cds/FORMAT.md) as frozen dataclasses, with JSON in and out.

Missing patient fields stay None: the rules never alert on what is unknown. Structural problems
(wrong types, no `new_orders`) raise CheckInputError, which the CLI turns into exit status 2.

Input limits. A request beyond them is refused (CheckInputError), never checked slowly: the pair
rules are quadratic in the number of orders, and the name rules scan long texts. They apply to
the JSON (`from_json`, and MAX_INPUT_BYTES in the CLI) and to the library call (`check_orders`
runs `validate_request`), so the doctor workstation is protected the same way.

    MAX_INPUT_BYTES    2 MiB     a request at every other limit is well under 1 MB of JSON
    MAX_ACTIVE_ORDERS  500       a ward patient has at most a few hundred active orders
    MAX_NEW_ORDERS     200       the largest order set signed at once (admission, surgery)
    MAX_ALLERGIES      100
    MAX_DIAGNOSES      100
    MAX_LABS           500       results the sender attaches; the rules read 8 lab codes
    MAX_NAME_CHARS     200       drug, allergy substance and reaction, diagnosis name
    MAX_CODE_CHARS     64        unit, route, frequency, group, sex, Child-Pugh, skin test,
                                 ICD-10 code, lab code and unit
    MAX_NUMBER         1e9       any number (dose, age, weight, lab value): larger is garbage
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

MAX_INPUT_BYTES = 2 * 1024 * 1024
MAX_ACTIVE_ORDERS = 500
MAX_NEW_ORDERS = 200
MAX_ALLERGIES = 100
MAX_DIAGNOSES = 100
MAX_LABS = 500
MAX_NAME_CHARS = 200
MAX_CODE_CHARS = 64
MAX_NUMBER = 1e9

_SURROGATE = re.compile("[\ud800-\udfff]")


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
        if isinstance(value, str) and len(value) <= MAX_CODE_CHARS:
            try:
                value = float(value.strip())
            except ValueError:
                raise CheckInputError(where, "expected a number") from None
        else:
            raise CheckInputError(where, "expected a number")
    return _checked_number(value, where, positive)


def _checked_number(value: float, where: str, positive: bool) -> float:
    """A finite number within ±MAX_NUMBER (compared before converting: 10**400 is an int)."""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        raise CheckInputError(where, "expected a finite number")
    if abs(value) > MAX_NUMBER:
        raise CheckInputError(where, f"out of range (at most {MAX_NUMBER:g})")
    if positive and value < 0:
        raise CheckInputError(where, "must not be negative")
    return float(value)


def _text(value: Any, where: str, required: bool = False,
          limit: int = MAX_CODE_CHARS) -> Optional[str]:
    if value is None:
        if required:
            raise CheckInputError(where, "missing")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, int) and abs(value) >= 10 ** limit:  # str() of a huge int is slow
            raise CheckInputError(where, f"too long (at most {limit} characters)")
        value = str(value)
    if not isinstance(value, str):
        raise CheckInputError(where, "expected a string")
    stripped = value.strip()
    if required and not stripped:
        raise CheckInputError(where, "missing")
    _check_text(stripped, where, limit)
    return stripped or None


def _check_text(value: str, where: str, limit: int) -> None:
    if len(value) > limit:
        raise CheckInputError(where, f"too long: {len(value)} characters (at most {limit})")
    if _SURROGATE.search(value):
        raise CheckInputError(where, "not valid Unicode text (a lone surrogate)")


def _flag(value: Any, where: str) -> Optional[bool]:
    if value is None or isinstance(value, bool):
        return value
    raise CheckInputError(where, "expected true, false or null")


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CheckInputError(where, "expected an object")
    return value


def _list(value: Any, where: str, limit: int) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CheckInputError(where, "expected a list")
    _check_count(len(value), where, limit)
    return value


def _check_count(count: int, where: str, limit: int) -> None:
    if count > limit:
        raise CheckInputError(where, f"too many: {count} (at most {limit})")


def _allergy(raw: Any, where: str) -> Allergy:
    if isinstance(raw, str):
        return Allergy(substance=_text(raw, where, required=True, limit=MAX_NAME_CHARS) or "")
    data = _obj(raw, where)
    return Allergy(substance=_text(data.get("substance"), f"{where}.substance", required=True,
                                   limit=MAX_NAME_CHARS) or "",
                   reaction=_text(data.get("reaction"), f"{where}.reaction", limit=MAX_NAME_CHARS))


_ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")


def _diagnosis(raw: Any, where: str) -> Diagnosis:
    if isinstance(raw, str):  # a bare code or name is accepted as well
        text = raw.strip()
        _check_text(text, where, MAX_NAME_CHARS)
        return Diagnosis(icd10=text if _ICD10.match(text.upper()) else None, name=text)
    data = _obj(raw, where)
    return Diagnosis(icd10=_text(data.get("icd10"), f"{where}.icd10"),
                     name=_text(data.get("name"), f"{where}.name", limit=MAX_NAME_CHARS))


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
    labs = tuple(lab for i, item in enumerate(_list(data.get("labs"), "patient.labs", MAX_LABS))
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
                        for i, a in enumerate(_list(data.get("allergies"), "patient.allergies",
                                                    MAX_ALLERGIES))),
        diagnoses=tuple(_diagnosis(d, f"patient.diagnoses[{i}]")
                        for i, d in enumerate(_list(data.get("diagnoses"), "patient.diagnoses",
                                                    MAX_DIAGNOSES))),
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
        drug=_text(data.get("drug"), f"{where}.drug", required=True, limit=MAX_NAME_CHARS) or "",
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
    _check_count(len(new_raw), "new_orders", MAX_NEW_ORDERS)
    active_raw = _list(data.get("active_orders"), "active_orders", MAX_ACTIVE_ORDERS)
    return CheckRequest(
        patient=patient_from_json(data.get("patient")),
        active_orders=tuple(order_from_json(o, f"active_orders[{i}]") for i, o in enumerate(active_raw)),
        new_orders=tuple(order_from_json(o, f"new_orders[{i}]") for i, o in enumerate(new_raw)),
    )


# ---------------------------------------------------------------- the library call's guard

def validate_request(request: CheckRequest) -> None:
    """The limits and types of from_json, for a request built in code (the doctor workstation):
    raise CheckInputError naming the field, as the JSON path would."""
    if not isinstance(request, CheckRequest):
        raise CheckInputError("input", "expected a CheckRequest")
    _check_count(len(request.active_orders), "active_orders", MAX_ACTIVE_ORDERS)
    _check_count(len(request.new_orders), "new_orders", MAX_NEW_ORDERS)
    _validate_patient(request.patient)
    for name, orders in (("active_orders", request.active_orders), ("new_orders", request.new_orders)):
        for i, order in enumerate(orders):
            _validate_order(order, f"{name}[{i}]")


def _valid_number(value: object, where: str, positive: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CheckInputError(where, "expected a number")
    _checked_number(value, where, positive)


def _valid_text(value: object, where: str, limit: int = MAX_CODE_CHARS) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise CheckInputError(where, "expected a string")
    _check_text(value, where, limit)


def _valid_flag(value: object, where: str) -> None:
    if value is not None and not isinstance(value, bool):
        raise CheckInputError(where, "expected true, false or null")


def _validate_patient(p: object) -> None:
    if not isinstance(p, Patient):
        raise CheckInputError("patient", "expected a Patient")
    for name in ("age_years", "weight_kg", "height_cm", "egfr", "crcl"):
        _valid_number(getattr(p, name), f"patient.{name}", positive=True)
    _valid_text(p.sex, "patient.sex")
    _valid_text(p.child_pugh, "patient.child_pugh")
    _valid_flag(p.pregnant, "patient.pregnant")
    _valid_flag(p.lactating, "patient.lactating")
    _check_count(len(p.allergies), "patient.allergies", MAX_ALLERGIES)
    _check_count(len(p.diagnoses), "patient.diagnoses", MAX_DIAGNOSES)
    _check_count(len(p.labs), "patient.labs", MAX_LABS)
    for i, allergy in enumerate(p.allergies):
        where = f"patient.allergies[{i}]"
        if not isinstance(allergy, Allergy):
            raise CheckInputError(where, "expected an Allergy")
        _valid_text(allergy.substance, f"{where}.substance", MAX_NAME_CHARS)
        _valid_text(allergy.reaction, f"{where}.reaction", MAX_NAME_CHARS)
    for i, diagnosis in enumerate(p.diagnoses):
        where = f"patient.diagnoses[{i}]"
        if not isinstance(diagnosis, Diagnosis):
            raise CheckInputError(where, "expected a Diagnosis")
        _valid_text(diagnosis.icd10, f"{where}.icd10")
        _valid_text(diagnosis.name, f"{where}.name", MAX_NAME_CHARS)
    for i, lab in enumerate(p.labs):
        where = f"patient.labs[{i}]"
        if not isinstance(lab, Lab):
            raise CheckInputError(where, "expected a Lab")
        _valid_text(lab.code, f"{where}.code")
        if lab.value is None:
            raise CheckInputError(f"{where}.value", "expected a number")
        _valid_number(lab.value, f"{where}.value")
        _valid_text(lab.unit, f"{where}.unit")


def _validate_order(order: object, where: str) -> None:
    if not isinstance(order, Order):
        raise CheckInputError(where, "expected an Order")
    _valid_text(order.drug, f"{where}.drug", MAX_NAME_CHARS)
    _valid_number(order.dose, f"{where}.dose", positive=True)
    for name in ("unit", "route", "frequency", "group", "skin_test"):
        _valid_text(getattr(order, name), f"{where}.{name}")
    if order.skin_test not in SKIN_TEST_VALUES:
        raise CheckInputError(f"{where}.skin_test", "expected null, negative, positive or exempt")


def to_json(alerts: list[Alert]) -> dict[str, Any]:
    return {"alerts": [a.to_json() for a in alerts]}
