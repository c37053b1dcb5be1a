"""The knowledge base: drugs, groups and rule tables from resources/cds, loaded once.

Rules refer to a drug either by ingredient name or by '@group'. Each order is reduced to a set
of tokens (its ingredient, the parts of a combination, every group those belong to), so matching a
rule is a set lookup and checking 20 orders against 30 stays far below a millisecond per pair.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from app.checks.identity import NameIndex, normalize
from app.checks.kb_loader import RESOURCE_DIR, KnowledgeError, Row, read_csv
from app.checks.units import UNIT_BASE


@dataclass(frozen=True)
class Drug:
    name: str
    inn: str
    atc: str
    class_cn: str
    forms: tuple[str, ...]
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One row of a rule table. Fields not used by a table keep their defaults."""

    file: str
    line: int
    severity: str
    message: str
    source: str
    drug: str = ""  # ingredient or @group
    other: str = ""  # second drug reference (pairs)
    routes: Optional[frozenset[str]] = None  # None = any route
    low: Optional[float] = None
    high: Optional[float] = None
    limit: Optional[float] = None  # e.g. max daily dose in `unit`
    unit: str = ""
    extra: str = ""  # table-specific: lab code, condition, icd10 list, frequencies
    op: str = ""
    severity_alt: str = ""  # escalated severity (anaphylaxis, lab condition)
    trimesters: Optional[frozenset[int]] = None  # pregnancy rows: None = the whole pregnancy
    wording: str = ""  # the label's word (禁用, 慎用, 监测 ...) that sets `severity` (policy)
    wording_alt: str = ""  # the same for severity_alt


LEGAL_MAX_WORD = "极量"  # dose_limits.csv: a row citing the pharmacopoeia maximum


@dataclass(frozen=True)
class DoseLimit:
    file: str
    line: int
    drug: str
    routes: Optional[frozenset[str]]
    population: str  # adult / child / any
    base_unit: str  # mg / IU / mmol / ml / amp (whole vials)
    per_kg: bool
    single_max: Optional[float]
    daily_max: Optional[float]
    plausible_min: Optional[float]
    source: str
    form: str = ""  # '' any product; 'word' the product name contains it; '!word' it must not
    legal_max: bool = False  # the source cites a 中国药典 极量: any dose over it is high


@dataclass(frozen=True)
class Strength:
    drug: str
    form: str  # keyword in the product name, or '*'
    unit: str  # the ordering unit code: ml, tab, cap, amp, mmol
    amount: float
    amount_unit: str  # mg / IU


@dataclass
class KnowledgeBase:
    drugs: dict[str, Drug]
    names: NameIndex
    groups: dict[str, frozenset[str]]
    group_labels: dict[str, str]
    tokens: dict[str, frozenset[str]]  # ingredient -> its identity tokens
    vocab: dict[str, dict[str, str]]
    messages: dict[str, str]
    tables: dict[str, list[Rule]] = field(default_factory=dict)
    dose_limits: dict[str, list[DoseLimit]] = field(default_factory=dict)
    strengths: dict[str, list[Strength]] = field(default_factory=dict)
    allergy_terms: dict[str, str] = field(default_factory=dict)
    indexes: dict[str, dict[str, list[Rule]]] = field(default_factory=dict)
    # '维拉帕米[intravenous]' -> (维拉帕米, its routes): rule refs that hold for some routes only
    route_refs: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    _form_routes: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    _route_sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def build_indexes(self) -> None:
        """Token -> rules, per table, so a check looks up rather than scans every rule."""
        for name, rules in self.tables.items():
            index: dict[str, list[Rule]] = {}
            for rule in rules:
                for ref in {rule.drug, rule.other} - {"", "*"}:
                    index.setdefault(ref, []).append(rule)
            self.indexes[name] = index

    def rules_for(self, table: str, tokens: frozenset[str]) -> list[Rule]:
        """The rules of `table` naming any of `tokens`, in file order: a set's iteration order
        changes with the interpreter's hash seed, and the first of two equally severe rules
        gives the message, so the same request always gets the same text."""
        index = self.indexes[table]
        found: dict[tuple[str, int], Rule] = {}
        for token in tokens:
            for rule in index.get(token, ()):
                found[(rule.file, rule.line)] = rule
        return [found[key] for key in sorted(found)]

    def label(self, ref: str) -> str:
        if ref.startswith("@"):
            return self.group_labels.get(ref[1:], ref[1:])
        return ref

    def text(self, message_id: str, **params: object) -> str:
        template = self.messages.get(message_id, message_id)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template

    def form_routes(self) -> list[tuple[str, frozenset[str]]]:
        """(normalised dosage-form keyword, routes it allows), computed once."""
        if not self._form_routes:
            self._form_routes = [(normalize(k), self.route_set(v))
                                 for k, v in self.vocab.get("form_route", {}).items()]
        return self._form_routes

    def route_set(self, name: str) -> frozenset[str]:
        found = self._route_sets.get(name)
        if found is None:
            codes = self.vocab.get("route_set", {}).get(name)
            found = frozenset(codes.split("|")) if codes else frozenset({name})
            self._route_sets[name] = found
        return found


# ------------------------------------------------------------------------------ loading

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "frequency_rules": ("drug", "routes", "allowed", "severity", "message", "source"),
    "routes": ("drug", "routes", "verdict", "severity", "message", "source"),
    "allergy_cross": ("allergen", "drug", "severity", "severity_severe", "message", "source"),
    "interactions": ("a", "b", "severity", "message", "lab", "op", "value", "lab_severity", "source"),
    "duplication": ("group", "severity", "message", "source"),
    "renal": ("drug", "routes", "below", "from", "max_daily", "unit", "severity", "message", "source"),
    "hepatic": ("drug", "condition", "max_daily", "unit", "severity", "message", "source"),
    "age": ("drug", "routes", "age_from", "age_to", "severity", "message", "source"),
    "pregnancy": ("drug", "routes", "severity", "category", "message", "source"),
    "lactation": ("drug", "severity", "message", "source"),
    "drug_disease": ("drug", "icd10", "severity", "message", "source"),
    "skin_test": ("drug", "routes", "severity", "message", "source"),
    "iv_compat": ("a", "b", "severity", "message", "source"),
    "labs": ("drug", "routes", "lab", "op", "value", "severity", "message", "source"),
}

# drugs.csv: the shared order-check list; formulary.csv: the rest of the ward dictionary (issue 18).
DRUG_FILES = ("drugs.csv", "formulary.csv")
DICTIONARY_DRUGS = RESOURCE_DIR.parent / "dictionaries" / "drugs.csv"
POPULATIONS = ("adult", "elderly", "elderly80", "child", "any")
LAB_CODES = ("K", "NA", "CR", "INR", "PLT", "ALT", "GLU", "QTC")
# iv_compat `lines`: empty = within one infusion group; neonate_any = for a neonate (<= 28 days)
# also in separate intravenous lines (头孢曲松 with calcium: fatal precipitates in the lungs).
IV_LINES = ("", "neonate_any")
HEPATIC_CONDITIONS = ("impairment", "severe", "alt2.5", "alt3", "alt5")
OPS = ("<", "<=", ">", ">=")
MASS_TO_MG = {"g": 1000.0, "mg": 1.0, "ug": 0.001}


class _Builder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.vocab: dict[str, dict[str, str]] = {}
        for row in read_csv(folder / "vocab.csv", ("kind", "text", "code")):
            kind, text = row.required("kind"), row.required("text")
            table = self.vocab.setdefault(kind, {})
            table[text] = row.get("code")
            if kind in ("route", "unit", "freq"):
                table.setdefault(normalize(text), row.get("code"))
        self.messages = {r.required("id"): r.required("template")
                         for r in read_csv(folder / "messages.csv", ("id", "template"))}
        self.drugs: dict[str, Drug] = {}
        self.groups: dict[str, frozenset[str]] = {}
        self.labels: dict[str, str] = {}
        v = self.vocab
        self.names = NameIndex(tuple(v.get("prefix", {})), tuple(v.get("form_suffix", {})),
                               tuple(v.get("salt", {})), tuple(v.get("unit", {})))
        self.route_codes = set(v.get("route", {}).values())
        self.product_strengths: dict[tuple[str, str], tuple[str, str]] = {}
        self.route_sets = v.get("route_set", {})
        self.route_refs: dict[str, tuple[str, frozenset[str]]] = {}

    # drug references -------------------------------------------------------------
    def ref(self, row: Row, column: str, allow_star: bool = False) -> str:
        value = row.required(column)
        if allow_star and value == "*":
            return value
        if value.endswith("]") and "[" in value:
            return self._route_ref(row, column, value)
        if value.startswith("@"):
            if value[1:] not in self.groups:
                raise row.fail(f"column '{column}': unknown group '{value}'")
            return value
        match = self.names.resolve(value)
        if match is None or match.how == "contained":
            raise row.fail(f"column '{column}': unknown drug '{value}'")
        return match.ingredient

    def _route_ref(self, row: Row, column: str, value: str) -> str:
        """'维拉帕米[intravenous]': the drug or @group given by these routes only (a label that
        forbids verapamil iv within hours of an iv β-blocker, not the oral pair). The order then
        carries the token itself (OrderFacts.tokens) when its route is one of them."""
        name, _, spec = value[:-1].partition("[")
        base = self.ref(Row(row.file, row.line, {**row.cells, column: name.strip()}), column)
        routes: set[str] = set()
        for cell in (part.strip() for part in spec.split("|")):
            if cell in self.route_sets:
                routes.update(self.route_sets[cell].split("|"))
            elif cell in self.route_codes:
                routes.add(cell)
            else:
                raise row.fail(f"column '{column}': unknown route '{cell}' in '{value}'")
        token = f"{base}[{spec.strip()}]"
        self.route_refs[token] = (base, frozenset(routes))
        return token

    def routes(self, row: Row, column: str = "routes") -> Optional[frozenset[str]]:
        cells = row.items(column)
        if not cells or cells == ("any",):
            return None
        out: set[str] = set()
        for cell in cells:
            if cell in self.route_sets:
                out.update(self.route_sets[cell].split("|"))
            elif cell in self.route_codes:
                out.add(cell)
            else:
                raise row.fail(f"column '{column}': unknown route '{cell}'")
        return frozenset(out)

    # drugs, parts and groups ------------------------------------------------------
    def load_drugs(self) -> None:
        drug_rows = [row for file in DRUG_FILES if (self.folder / file).exists() or file == "drugs.csv"
                     for row in read_csv(self.folder / file, ("cn_generic", "en_inn", "atc",
                                                              "class_cn", "typical_forms"))]
        for row in drug_rows:
            name = row.required("cn_generic")
            if name in self.drugs:
                raise row.fail(f"drug '{name}' listed twice")
            drug = Drug(name, row.required("en_inn"), row.get("atc"), row.required("class_cn"),
                        row.items("typical_forms"))
            self.drugs[name] = drug
            self.names.add(name, name, containable=True)
            self.names.add(drug.inn, name, containable=True)
            for form in drug.forms:
                self.names.add(form, name, form=form)
        for row in read_csv(self.folder / "components.csv", ("drug", "parts", "source")):
            name = self.ref(row, "drug")
            parts = row.items("parts")
            if len(parts) < 2:
                raise row.fail("a combination needs at least two parts")
            row.source()
            self.drugs[name] = dataclasses.replace(self.drugs[name], parts=parts)
            for part in parts:
                if not self.names.known(part):
                    self.names.add(part, part)
        for row in read_csv(self.folder / "aliases.csv", ("alias", "drug", "source")):
            target = self.ref(row, "drug")
            row.source()
            self.names.add(row.required("alias"), target, containable=True)
        self._foundation_products()
        self.names.freeze()
        for row in read_csv(self.folder / "groups.csv", ("group", "label", "members", "source")):
            gid = row.required("group")
            if gid in self.groups:
                raise row.fail(f"group '{gid}' defined twice")
            row.source()
            members: set[str] = set()
            for member in row.items("members"):
                if member.startswith("@"):
                    if member[1:] not in self.groups:
                        raise row.fail(f"group '{member}' must be defined above '{gid}'")
                    members |= self.groups[member[1:]]
                    continue
                match = self.names.resolve(member)
                if match is None or match.how == "contained":
                    raise row.fail(f"unknown drug '{member}' in group '{gid}'")
                members.add(match.ingredient)
            if not members:
                raise row.fail(f"group '{gid}' has no members")
            self.groups[gid] = frozenset(members)
            self.labels[gid] = row.required("label")

    def _foundation_products(self) -> None:
        """Product names of the ward's drug dictionary (resources/dictionaries/drugs.csv, owned by
        the foundation) map to their ingredient, and a product with one strength lets a dose
        ordered in 片/粒/支 be converted. Absent or reshaped file: nothing is added."""
        path = DICTIONARY_DRUGS if self.folder == RESOURCE_DIR else \
            self.folder.parent / "dictionaries" / "drugs.csv"
        if not path.exists():
            return
        try:
            rows = read_csv(path, ("generic_name", "base_name", "strength", "strength_unit"))
        except KnowledgeError:
            return
        strengths: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for row in rows:
            match = self.names.resolve(row.get("base_name"))
            if match is None or match.how == "contained" or match.ingredient not in self.drugs:
                continue
            product = row.get("generic_name")
            if product and not self.names.known(product):
                self.names.add(product, match.ingredient, form=product)
            strengths.setdefault((match.ingredient, product), set()).add(
                (row.get("strength"), row.get("strength_unit")))
        self.product_strengths = {key: next(iter(found)) for key, found in strengths.items()
                                  if len(found) == 1}

    def tokens(self) -> dict[str, frozenset[str]]:
        membership: dict[str, set[str]] = {}
        for gid, members in self.groups.items():
            for member in members:
                membership.setdefault(member, set()).add("@" + gid)
        out: dict[str, frozenset[str]] = {}
        for drug in self.drugs.values():
            for part in drug.parts:
                if part not in self.drugs:
                    out[part] = frozenset({part, *membership.get(part, set())})
        for name, drug in self.drugs.items():
            toks = {name, *membership.get(name, set())}
            for part in drug.parts:
                toks.add(part)
                toks |= membership.get(part, set())
            out[name] = frozenset(toks)
        return out

    # rule tables ---------------------------------------------------------------------
    def table(self, name: str) -> list[Rule]:
        rows = read_csv(self.folder / f"{name}.csv", TABLE_COLUMNS[name])
        return [self._rule(name, row) for row in rows]

    def _rule(self, table: str, row: Row) -> Rule:
        rule = self._rule_cells(table, row)
        wording, wording_alt = self.wording(row, rule.severity), ""
        if table in ("interactions", "allergy_cross") and rule.severity_alt:
            wording_alt = self.wording(row, rule.severity_alt, WORDING_ALT[table])
        return dataclasses.replace(rule, wording=wording, wording_alt=wording_alt)

    def wording(self, row: Row, severity: str, column: str = "wording") -> str:
        """The label word of a row; when given it must carry the row's severity (the policy of
        vocab.csv `severity_wording`: 禁用/禁忌 high, 慎用/减量/监测 moderate, 提示 low)."""
        word = row.get(column)
        if not word:
            return ""
        policy = self.vocab.get("severity_wording", {})
        if word not in policy:
            raise row.fail(f"column '{column}': '{word}' is not a wording of vocab severity_wording")
        if policy[word] != severity:
            raise row.fail(f"column '{column}': '{word}' means severity {policy[word]}, "
                           f"the row says {severity}")
        return word

    def _rule_cells(self, table: str, row: Row) -> Rule:
        rule = Rule(file=row.file, line=row.line, severity=row.severity(), source=row.source(),
                    message=row.get("message"))
        if table in ("interactions", "iv_compat"):
            lab = row.get("lab").upper() if table == "interactions" else ""
            if lab and lab not in LAB_CODES:
                raise row.fail(f"unknown lab '{lab}'")
            op = row.get("op") if lab else ""
            if lab and op not in OPS:
                raise row.fail(f"column 'op': '{op}' is not one of {' '.join(OPS)}")
            lines = row.get("lines") if table == "iv_compat" else ""
            if lines not in IV_LINES:
                raise row.fail(f"column 'lines': '{lines}' is not one of {' '.join(IV_LINES[1:])} or empty")
            return dataclasses.replace(
                rule, drug=self.ref(row, "a"), other=self.ref(row, "b", allow_star=table == "iv_compat"),
                extra=lab or lines, op=op, limit=row.number("value", optional=False) if lab else None,
                severity_alt=row.severity("lab_severity") if lab else "")
        if table == "allergy_cross":
            return dataclasses.replace(rule, drug=self.ref(row, "allergen"), other=self.ref(row, "drug"),
                                       severity_alt=row.severity("severity_severe"))
        if table == "duplication":
            group = row.required("group")
            if not group.startswith("@") or group[1:] not in self.groups:
                raise row.fail(f"column 'group': '{group}' is not a defined @group")
            return dataclasses.replace(rule, drug=group)
        rule = dataclasses.replace(rule, drug=self.ref(row, "drug"))
        if table == "frequency_rules":
            allowed = row.items("allowed")
            if not allowed:
                raise row.fail("column 'allowed' is empty")
            return dataclasses.replace(rule, routes=self.routes(row), extra="|".join(allowed))
        if table == "routes":
            verdict = row.required("verdict")
            if verdict not in ("forbid", "only", "allow"):
                raise row.fail(f"column 'verdict': '{verdict}' is not forbid, only or allow")
            routes = self.routes(row)
            if routes is None:
                raise row.fail("column 'routes' must name the routes")
            return dataclasses.replace(rule, routes=routes, extra=verdict)
        if table == "renal":
            return dataclasses.replace(rule, routes=self.routes(row), low=row.number("from"),
                                       high=row.number("below", optional=False),
                                       limit=self._limit(row), unit=row.get("unit"))
        if table == "hepatic":
            condition = row.required("condition")
            if condition not in HEPATIC_CONDITIONS:
                raise row.fail(f"column 'condition': '{condition}' not one of {HEPATIC_CONDITIONS}")
            return dataclasses.replace(rule, extra=condition, limit=self._limit(row), unit=row.get("unit"))
        if table == "age":
            low, high = _age_years(row, "age_from"), _age_years(row, "age_to")
            if low is None and high is None:
                raise row.fail("age_from and age_to are both empty")
            return dataclasses.replace(rule, routes=self.routes(row), low=low, high=high)
        if table == "pregnancy":
            trimesters: Optional[frozenset[int]] = None
            if row.items("trimesters"):
                if not set(row.items("trimesters")) <= {"1", "2", "3"}:
                    raise row.fail("column 'trimesters': use 1, 2, 3 separated by '|'")
                trimesters = frozenset(int(t) for t in row.items("trimesters"))
            return dataclasses.replace(rule, routes=self.routes(row), extra=row.get("category"),
                                       trimesters=trimesters)
        if table == "drug_disease":
            codes = row.items("icd10")
            if not codes:
                raise row.fail("column 'icd10' is empty")
            expanded = [prefix for code in codes for prefix in icd10_range(row, code.upper())]
            return dataclasses.replace(rule, extra="|".join(expanded))
        if table == "skin_test":
            return dataclasses.replace(rule, routes=self.routes(row))
        if table == "labs":
            lab = row.required("lab").upper()
            if lab not in LAB_CODES:
                raise row.fail(f"unknown lab '{lab}'")
            op = row.required("op")
            if op not in OPS:
                raise row.fail(f"column 'op': '{op}' is not one of {' '.join(OPS)}")
            return dataclasses.replace(rule, routes=self.routes(row), extra=lab, op=op,
                                       limit=row.number("value", optional=False))
        return rule

    def _limit(self, row: Row) -> Optional[float]:
        limit = row.number("max_daily")
        if limit is None:
            return None
        unit = row.get("unit")
        base = unit[:-3] if unit.endswith("/kg") else unit  # mg/kg: a ceiling per kg of weight
        if base not in MASS_TO_MG and base not in ("IU", "mmol"):
            raise row.fail(f"column 'unit': '{unit}' is not g, mg, ug, IU or mmol (or per kg)")
        return limit * MASS_TO_MG.get(base, 1.0)

    def dose_limits(self) -> dict[str, list[DoseLimit]]:
        out: dict[str, list[DoseLimit]] = {}
        cols = ("drug", "routes", "form", "population", "unit", "single_max", "daily_max",
                "plausible_min", "source")
        for row in read_csv(self.folder / "dose_limits.csv", cols):
            drug = self.ref(row, "drug")
            population = row.required("population")
            if population not in POPULATIONS:
                raise row.fail(f"column 'population': '{population}' not one of {', '.join(POPULATIONS)}")
            unit = row.required("unit")
            per_kg = unit.endswith("/kg")
            base = unit[:-3] if per_kg else unit
            if base in MASS_TO_MG:
                factor, base_unit = MASS_TO_MG[base], "mg"
            elif base in ("IU", "mmol", "ml", "amp"):
                # amp: whole vials/ampoules/bags, for a combination whose label doses by the vial
                factor, base_unit = 1.0, base
            else:
                raise row.fail(f"column 'unit': '{unit}' is not a dose unit")
            single, daily = row.number("single_max"), row.number("daily_max")
            if single is None and daily is None:
                raise row.fail("single_max and daily_max are both empty")
            minimum = row.number("plausible_min")
            out.setdefault(drug, []).append(DoseLimit(
                row.file, row.line, drug, self.routes(row), population, base_unit, per_kg,
                single * factor if single is not None else None,
                daily * factor if daily is not None else None,
                minimum * factor if minimum is not None else None, row.source(),
                normalize(row.get("form")), LEGAL_MAX_WORD in row.source()))
        return out

    def strengths(self) -> dict[str, list[Strength]]:
        out: dict[str, list[Strength]] = {}
        units = {"ml", "IU", "mmol", "tab", "cap", "amp"}
        for row in read_csv(self.folder / "strengths.csv",
                            ("drug", "form", "unit", "amount", "amount_unit", "source")):
            drug = self.ref(row, "drug")
            unit = row.required("unit")
            if unit not in units:
                raise row.fail(f"column 'unit': '{unit}' is not a known unit code")
            amount_unit = row.required("amount_unit")
            if amount_unit not in ("mg", "IU"):
                raise row.fail("column 'amount_unit' must be mg or IU")
            row.source()
            form = row.required("form")
            out.setdefault(drug, []).append(Strength(drug, form if form == "*" else normalize(form), unit,
                                                     row.number("amount", optional=False) or 0.0,
                                                     amount_unit))
        spellings = self.vocab.get("unit", {})
        for (drug, product), (amount, unit) in self.product_strengths.items():
            try:
                value = float(amount)
            except ValueError:
                continue
            # A liquid's strength per ml (布洛芬混悬液 20 mg/ml): a dose ordered in ml converts.
            per_ml = unit[:-3] if unit.lower().endswith("/ml") else ""
            base, factor = UNIT_BASE.get(spellings.get(per_ml or unit, ""), ("", 0.0))
            if base not in ("mg", "IU") or value <= 0:
                continue
            if per_ml:
                out.setdefault(drug, []).append(Strength(drug, normalize(product), "ml",
                                                         value * factor, base))
                continue
            for count_unit in ("tab", "cap", "amp"):
                out.setdefault(drug, []).append(Strength(drug, normalize(product), count_unit,
                                                         value * factor, base))
        return out

    def allergy_terms(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in read_csv(self.folder / "allergy_terms.csv", ("term", "target", "source")):
            row.source()
            out[normalize(row.required("term"))] = self.ref(row, "target")
        return out


WORDING_ALT = {"interactions": "lab_wording", "allergy_cross": "wording_severe"}
_AGE_UNITS = {"d": 1 / 365.25, "m": 1 / 12.0, "y": 1.0}


def _age_years(row: Row, column: str) -> Optional[float]:
    """An age bound in years; '28d' (days) and '2m' (months) are accepted for neonates and
    infants (the bound is exclusive: age_to 29d = up to 28 days)."""
    value = row.get(column)
    if value and value[-1] in _AGE_UNITS:
        try:
            number = float(value[:-1])
        except ValueError:
            raise row.fail(f"column '{column}': '{value}' is not an age") from None
        return number * _AGE_UNITS[value[-1]]
    return row.number(column)


def icd10_range(row: Row, code: str) -> list[str]:
    """'K25-K28' -> K25 K26 K27 K28; 'K92.0-K92.2' -> K92.0 K92.1 K92.2 (dots removed);
    a single code is its own prefix."""
    first, dash, last = code.partition("-")
    first, last = first.strip().replace(".", ""), last.strip().replace(".", "")
    if not dash:
        return [first]
    if (len(first) != len(last) or first[:1] != last[:1] or not first[1:].isdigit()
            or not last[1:].isdigit() or int(first[1:]) > int(last[1:])):
        raise row.fail(f"column 'icd10': '{code}' is not a range like K25-K28 or K92.0-K92.2")
    width = len(first) - 1
    return [first[0] + str(n).zfill(width) for n in range(int(first[1:]), int(last[1:]) + 1)]


def load(folder: Optional[Path] = None) -> KnowledgeBase:
    """Load and validate every file; raise KnowledgeError naming file and line on a bad row."""
    builder = _Builder(folder or RESOURCE_DIR)
    builder.load_drugs()
    kb = KnowledgeBase(drugs=builder.drugs, names=builder.names, groups=builder.groups,
                       group_labels=builder.labels, tokens=builder.tokens(), vocab=builder.vocab,
                       messages=builder.messages)
    kb.tables = {name: builder.table(name) for name in TABLE_COLUMNS}
    kb.dose_limits = builder.dose_limits()
    kb.strengths = builder.strengths()
    kb.allergy_terms = builder.allergy_terms()
    kb.route_refs = builder.route_refs
    kb.build_indexes()
    return kb


@functools.lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return load()


__all__ = ["Drug", "KnowledgeBase", "KnowledgeError", "Rule", "default_kb", "load"]
