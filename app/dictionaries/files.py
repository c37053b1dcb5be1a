"""Reading and checking the dictionary CSV files in resources/dictionaries.

Every row is checked against the column it lands in (length, number, flag), so a bad line
fails the load with file and line instead of a driver error half-way through a batch.
"""
from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from sqlalchemy import Boolean, Numeric, SmallInteger, String, Table
from sqlalchemy import Integer as SAInteger

from app.dictionaries import pinyin
from app.store import schema

DICT_DIR = Path(__file__).resolve().parents[2] / "resources" / "dictionaries"

# Keys of drug and order_item rows: the same on every installation and on the offline replica.
ID_NAMESPACE = uuid.UUID("6f1d3c52-4b7e-5a0e-9c31-8d2f7a9b1e40")

NARCOTIC_CLASSES = ("麻醉", "精一", "精二")
ORDER_CATEGORIES = ("lab", "exam", "treatment", "nursing", "diet", "surgery", "other")
EXEC_SHEETS = ("infusion", "oral", "injection", "treatment", "skin_test", "specimen", "nursing", "diet")

Row = dict[str, Any]


def stable_id(table: str, code: str) -> str:
    """uuid5 of table and code: deterministic client key for dictionary rows."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{table}:{code}"))


@dataclass(frozen=True)
class DictFile:
    """One CSV file feeding one table, keyed by `key` (a column of the file and the table)."""

    table: Table
    path: Path
    columns: tuple[str, ...]
    key: str
    finish: Callable[[Row, dict[str, Any]], None]


class _Line:
    def __init__(self, path: Path, lineno: int, raw: dict[str, str]) -> None:
        self.path, self.lineno, self.raw = path, lineno, raw

    def fail(self, message: str) -> ValueError:
        return ValueError(f"{self.path}:{self.lineno}: {message}")

    def text(self, name: str, required: bool = False) -> Optional[str]:
        value = (self.raw.get(name) or "").strip()
        if not value:
            if required:
                raise self.fail(f"column {name!r} is empty")
            return None
        return value

    def number(self, name: str) -> Optional[Decimal]:
        value = self.text(name)
        if value is None:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(f"column {name!r}: {value!r} is not a number") from None
        if not number.is_finite():
            raise self.fail(f"column {name!r}: {value!r} is not a number")
        return number

    def integer(self, name: str, lo: int, hi: int, default: Optional[int] = None) -> Optional[int]:
        value = self.text(name)
        if value is None:
            return default
        if not value.isdigit() or not lo <= int(value) <= hi:
            raise self.fail(f"column {name!r}: {value!r} is not an integer in {lo}..{hi}")
        return int(value)

    def flag(self, name: str) -> bool:
        value = self.text(name) or "0"
        if value not in ("0", "1"):
            raise self.fail(f"column {name!r}: {value!r} is not 0 or 1")
        return value == "1"

    def choice(self, name: str, allowed: tuple[str, ...], required: bool = False) -> Optional[str]:
        value = self.text(name, required)
        if value is not None and value not in allowed:
            raise self.fail(f"column {name!r}: {value!r} is not one of {', '.join(allowed)}")
        return value


def read_rows(spec: DictFile, context: dict[str, Any]) -> list[Row]:
    """All rows of one file, parsed, checked and completed (ids, pinyin)."""
    rows: list[Row] = []
    seen: dict[str, int] = {}
    with spec.path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = tuple(reader.fieldnames or ())
        if header != spec.columns:
            raise ValueError(f"{spec.path}:1: header {','.join(header)} != {','.join(spec.columns)}")
        for raw in reader:
            line = _Line(spec.path, reader.line_num, raw)
            if None in raw or any(v is None for v in raw.values()):
                raise line.fail("wrong number of fields")
            row: Row = {}
            spec.finish(row, {"line": line, **context})
            key = str(row[spec.key])
            if key in seen:
                raise line.fail(f"duplicate {spec.key} {key!r} (first on line {seen[key]})")
            seen[key] = reader.line_num
            _check_fits(spec.table, row, line)
            rows.append(row)
    return rows


def _check_fits(table: Table, row: Row, line: _Line) -> None:
    for name, value in row.items():
        if value is None:
            continue
        col_type = table.c[name].type
        if isinstance(col_type, String) and col_type.length and len(str(value)) > col_type.length:
            raise line.fail(f"column {name!r}: longer than {col_type.length} characters")
        if isinstance(col_type, Numeric) and not isinstance(col_type, (SAInteger, SmallInteger)):
            scale, precision = col_type.scale or 0, col_type.precision or 38
            exponent = value.as_tuple().exponent
            if isinstance(exponent, int) and -exponent > scale:
                raise line.fail(f"column {name!r}: more than {scale} decimals")
            if abs(value) >= Decimal(10) ** (precision - scale):
                raise line.fail(f"column {name!r}: too large")
        if isinstance(col_type, Boolean) and not isinstance(value, bool):
            raise line.fail(f"column {name!r}: not a flag")


# --- one finisher per file ------------------------------------------------------------------

def _drug(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    code = line.text("code", True)
    assert code is not None
    row.update(
        id=stable_id("drug", code), code=code,
        generic_name=line.text("generic_name", True), base_name=line.text("base_name", True),
        en_inn=line.text("en_inn"), form=line.text("form", True),
        strength=line.number("strength"), strength_unit=line.text("strength_unit"),
        dose_unit=line.text("dose_unit", True), package=line.text("package"),
        atc=line.text("atc"), drug_class=line.text("drug_class"),
        abx_grade=line.integer("abx_grade", 0, 3, 0),
        high_alert=line.flag("high_alert"), skin_test=line.flag("skin_test"),
        narcotic=line.choice("narcotic", NARCOTIC_CLASSES),
        default_route=line.choice("default_route", ctx["route_codes"]),
        is_active=True,
    )
    if (en := row["en_inn"]) and not str(en).isascii():
        raise line.fail("column 'en_inn' must be plain ASCII")
    row["pinyin"] = pinyin.initials(row["generic_name"], 40)


def _freq(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    row.update(
        code=line.text("code", True), name=line.text("name", True),
        times_per_day=line.number("times_per_day"),
        interval_hours=line.integer("interval_hours", 1, 168),
        slots=line.text("slots"), every_days=line.integer("every_days", 1, 28, 1),
        sort_key=line.integer("sort_key", 0, 9999, 0),
    )
    slots = row["slots"]
    if slots:
        for slot in str(slots).split(","):
            hh, _, mm = slot.partition(":")
            if not (hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60 and len(mm) == 2):
                raise line.fail(f"column 'slots': {slot!r} is not HH:MM")


def _route(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    row.update(
        code=line.text("code", True), name=line.text("name", True),
        exec_sheet=line.choice("exec_sheet", EXEC_SHEETS, True),
        bottle_label=line.flag("bottle_label"),
        sort_key=line.integer("sort_key", 0, 9999, 0),
    )


def _order_item(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    code = line.text("code", True)
    assert code is not None
    row.update(
        id=stable_id("order_item", code), code=code, name=line.text("name", True),
        category=line.choice("category", ORDER_CATEGORIES, True),
        specimen=line.text("specimen"), unit=line.text("unit"), is_active=True,
        loinc=line.text("loinc"),
    )
    row["pinyin"] = pinyin.initials(row["name"], 40)


def _lab_test(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    code = line.text("code", True)
    if code != (code or "").upper():
        raise line.fail(f"column 'code': {code!r} must be upper case")
    row.update(code=code, name=line.text("name", True), unit=line.text("unit"),
               low=line.number("low"), high=line.number("high"))
    if row["low"] is not None and row["high"] is not None and row["low"] > row["high"]:
        raise line.fail("low is above high")


def _role(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    row.update(code=line.text("code", True), name=line.text("name", True))


def _consumable(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    code = line.text("code", True)
    assert code is not None
    row.update(id=stable_id("consumable", code), code=code, name=line.text("name", True),
               spec=line.text("spec"), unit=line.text("unit", True), price=line.number("price"),
               is_active=True)


def _icd10(row: Row, ctx: dict[str, Any]) -> None:
    line: _Line = ctx["line"]
    row.update(code=line.text("code", True), name_en=line.text("name_en", True),
               name_cn=line.text("name_cn"))
    row["pinyin"] = pinyin.initials(row["name_cn"], 60) or None


ROUTES = DictFile(schema.route, DICT_DIR / "routes.csv",
                  ("code", "name", "exec_sheet", "bottle_label", "sort_key"), "code", _route)
FREQS = DictFile(schema.freq, DICT_DIR / "frequencies.csv",
                 ("code", "name", "times_per_day", "interval_hours", "slots", "every_days", "sort_key"),
                 "code", _freq)
DRUGS = DictFile(schema.drug, DICT_DIR / "drugs.csv",
                 ("code", "generic_name", "base_name", "en_inn", "form", "strength", "strength_unit",
                  "dose_unit", "package", "atc", "drug_class", "abx_grade", "high_alert", "skin_test",
                  "narcotic", "default_route"), "code", _drug)
ORDER_ITEMS = DictFile(schema.order_item, DICT_DIR / "order_items.csv",
                       ("code", "name", "category", "specimen", "unit", "loinc"), "code",
                       _order_item)
LAB_TESTS = DictFile(schema.lab_test, DICT_DIR / "lab_tests.csv",
                     ("code", "name", "unit", "low", "high"), "code", _lab_test)
ROLES = DictFile(schema.role, DICT_DIR / "roles.csv", ("code", "name"), "code", _role)
CONSUMABLES = DictFile(schema.consumable, DICT_DIR / "consumables.csv",
                       ("code", "name", "spec", "unit", "price"), "code", _consumable)
# The default 附材 rules: seeded once (app/services/demo_consumables.py), then the hospital's data.
CONSUMABLE_RULES = DICT_DIR / "consumable_rules.csv"
ICD10 = DictFile(schema.icd10, DICT_DIR / "icd10" / "icd10.csv",
                 ("code", "name_en", "name_cn"), "code", _icd10)

# Load order: routes first (drugs refer to route codes).
ALL_FILES: tuple[DictFile, ...] = (ROLES, ROUTES, FREQS, LAB_TESTS, DRUGS, ORDER_ITEMS, CONSUMABLES,
                                   ICD10)


def iter_files(base: Optional[Path] = None) -> Iterator[DictFile]:
    """The dictionary files, optionally re-rooted (tests point this at a temporary copy)."""
    for spec in ALL_FILES:
        if base is None:
            yield spec
        else:
            yield DictFile(spec.table, base / spec.path.relative_to(DICT_DIR), spec.columns,
                           spec.key, spec.finish)
