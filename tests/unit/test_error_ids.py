"""Every error id the code can raise has its Chinese text (ui/messages.py) and a finished English
translation (resources/translations/en.ts) that differs from the Chinese.

The ids are found by walking the syntax trees of app/ and ui/, not by a regex: every class that
derives from WardStationError (wherever it is defined, however deep), and at each call of one
whose first argument is the message id, that argument: a string literal, either branch of a
conditional, or the values of a module-level dict it is looked up in (app/store/db.py's
_MESSAGE_IDS). A class that fixes its id in `super().__init__("id", ...)` (CheckInputError,
KnowledgeError) contributes that id instead. An id the walk cannot resolve fails the test: write
the id as a literal so the check can see it.
"""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("app", "ui")
BASE = "WardStationError"
MAPPINGS = ("_MESSAGE_IDS",)  # module-level id tables, taken whole even if no call names them
MESSAGES_PY = ROOT / "ui" / "messages.py"
EN_TS = ROOT / "resources" / "translations" / "en.ts"
ZH_TS = ROOT / "resources" / "translations" / "zh_CN.ts"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass
class _Class:
    name: str
    bases: list[str]
    node: ast.ClassDef
    where: str


@dataclass
class _Found:
    ids: dict[str, list[str]] = field(default_factory=dict)  # id -> where it is raised
    unresolved: list[str] = field(default_factory=list)

    def add(self, message_id: str, where: str) -> None:
        self.ids.setdefault(message_id, []).append(where)


def _modules() -> list[tuple[str, ast.Module]]:
    out = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            out.append((rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)))
    return out


def _name(node: ast.expr) -> Optional[str]:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _module_dicts(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """Module-level `NAME = {...}` (annotated or not): name -> the dict's values."""
    out: dict[str, list[ast.expr]] = {}
    for stmt in tree.body:
        target: Optional[ast.expr] = None
        value: Optional[ast.expr] = None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign):
            target, value = stmt.target, stmt.value
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            out[target.id] = [v for v in value.values if v is not None]
    return out


def _error_classes(modules: list[tuple[str, ast.Module]]) -> dict[str, list[_Class]]:
    classes: dict[str, list[_Class]] = {}
    for rel, tree in modules:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = [n for n in (_name(b) for b in node.bases) if n]
                where = f"{rel}:{node.lineno}"
                classes.setdefault(node.name, []).append(_Class(node.name, bases, node, where))
    errors = {BASE}
    grew = True
    while grew:
        grew = False
        for name, defs in classes.items():
            if name not in errors and any(b in errors for d in defs for b in d.bases):
                errors.add(name)
                grew = True
    return {name: classes[name] for name in errors if name in classes}


def _super_init_arg(cls: ast.ClassDef) -> Optional[tuple[ast.FunctionDef, ast.expr]]:
    """(__init__, the first argument it hands to the base's __init__), if it defines one."""
    for stmt in cls.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
            for node in ast.walk(stmt):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "__init__"):
                    continue
                owner = node.func.value
                args = list(node.args)
                if isinstance(owner, ast.Call) and _name(owner.func) == "super":
                    pass
                elif _name(owner) is not None and args:  # Base.__init__(self, ...)
                    args = args[1:]
                else:
                    continue
                if args:
                    return stmt, args[0]
                for kw in node.keywords:
                    if kw.arg == "message_id":
                        return stmt, kw.value
            return stmt, ast.Constant(value=None)
    return None


def _fixed_ids(name: str, classes: dict[str, list[_Class]], seen: frozenset[str] = frozenset()
               ) -> Optional[list[str]]:
    """The ids a class always raises with (its __init__ passes a literal), or None when its
    callers pass the id (the class, or the nearest base that defines __init__, forwards it)."""
    if name == BASE or name in seen or name not in classes:
        return None
    fixed: list[str] = []
    for d in classes[name]:
        found = _super_init_arg(d.node)
        if found is not None:
            _init, arg = found
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                fixed.append(arg.value)
            continue
        for base in d.bases:
            inherited = _fixed_ids(base, classes, seen | {name})
            if inherited:
                fixed += inherited
    return fixed or None


def _resolve(node: ast.expr, dicts: dict[str, list[ast.expr]]) -> Optional[list[str]]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _resolve(node.body, dicts), _resolve(node.orelse, dicts)
        return a + b if a is not None and b is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in dicts:
        values = [_resolve(v, dicts) for v in dicts[node.value.id]]
        if values and all(v is not None for v in values):
            return [x for v in values if v for x in v]
    return None


@lru_cache(maxsize=1)
def raised_ids() -> _Found:
    modules = _modules()
    classes = _error_classes(modules)
    found = _Found()
    fixed = {name: _fixed_ids(name, classes) for name in classes}
    for name, ids in fixed.items():
        for message_id in ids or ():
            found.add(message_id, classes[name][0].where)
    for rel, tree in modules:
        dicts = _module_dicts(tree)
        for mapping in MAPPINGS:
            for value in dicts.get(mapping, ()):
                for message_id in _resolve(value, dicts) or ():
                    found.add(message_id, f"{rel} {mapping}")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = _name(node.func)
            if called not in classes or fixed.get(called):
                continue
            where = f"{rel}:{node.lineno}"
            arg: Optional[ast.expr] = node.args[0] if node.args else next(
                (kw.value for kw in node.keywords if kw.arg == "message_id"), None)
            if arg is not None and isinstance(arg, ast.Starred):
                arg = None
            ids = _resolve(arg, dicts) if arg is not None else None
            if ids is None:
                found.unresolved.append(f"{where}: {called}({ast.unparse(arg) if arg else ''})")
                continue
            for message_id in ids:
                found.add(message_id, where)
    return found


# ------------------------------------------------------------------------- the catalogues

@lru_cache(maxsize=1)
def message_sources() -> dict[str, list[str]]:
    """ui/messages.py's _texts() and every ui/messages_<area>.py's: id -> the Chinese source
    strings of its translate() calls."""
    out: dict[str, list[str]] = {}
    for path in [MESSAGES_PY, *sorted(MESSAGES_PY.parent.glob("messages_*.py"))]:
        out.update(_module_sources(path))
    return out


def _module_sources(path: Path) -> dict[str, list[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    texts = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_texts")
    table = next(n.value for n in ast.walk(texts) if isinstance(n, ast.Return)
                 and isinstance(n.value, ast.Dict))
    out: dict[str, list[str]] = {}
    for key, value in zip(table.keys, table.values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            continue
        sources = [call.args[1].value for call in ast.walk(value)
                   if isinstance(call, ast.Call) and _name(call.func) == "translate"
                   and len(call.args) >= 2 and isinstance(call.args[0], ast.Constant)
                   and call.args[0].value == "Messages" and isinstance(call.args[1], ast.Constant)
                   and isinstance(call.args[1].value, str)]
        out[key.value] = sources
    return out


def _catalogue(path: Path) -> dict[str, tuple[str, Optional[str]]]:
    """The Messages context: source -> (translation, its type attribute)."""
    root = ET.parse(path).getroot()
    out: dict[str, tuple[str, Optional[str]]] = {}
    for context in root.iter("context"):
        if context.findtext("name") != "Messages":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else "".join(translation.itertext())
            kind = None if translation is None else translation.get("type")
            out[message.findtext("source") or ""] = (text, kind)
    return out


# ------------------------------------------------------------------------------ the tests

def test_the_walk_finds_the_ids_it_must() -> None:
    """The walk itself: literal ids, ids fixed by a class, and the db.py id table."""
    ids = raised_ids().ids
    for expected in ("auth.bad_credentials", "perm.denied", "checks.bad_input", "checks.kb_malformed",
                     "checks.override_required", "db.unreachable", "db.lost", "db.error",
                     "db.schema_too_new", "profile.unknown"):
        assert expected in ids, expected


def test_every_raised_id_is_a_literal_the_walk_can_read() -> None:
    assert raised_ids().unresolved == []


def test_every_raised_id_has_a_chinese_text() -> None:
    texts = message_sources()
    missing = {i: where for i, where in raised_ids().ids.items() if not texts.get(i)}
    assert missing == {}, "add these ids to ui/messages.py _texts()"


def test_every_raised_id_shows_its_own_text() -> None:
    from ui.messages import message_text
    from ui.qt import translate

    generic = {i: translate("Messages", "操作失败（{id}）").format(id=i) for i in raised_ids().ids}
    shown = {i: message_text(i, {}) for i in raised_ids().ids}
    assert [i for i in shown if not shown[i].strip() or shown[i] == generic[i]] == []


def test_every_raised_id_has_a_finished_english_translation() -> None:
    english, chinese = _catalogue(EN_TS), _catalogue(ZH_TS)
    texts = message_sources()
    bad: list[str] = []
    for message_id in sorted(raised_ids().ids):
        for source in texts.get(message_id, []):
            translation, kind = english.get(source, ("", "missing"))
            if kind is not None:
                bad.append(f"{message_id}: {source!r} is {kind} in en.ts")
            elif not translation.strip() or translation == source:
                bad.append(f"{message_id}: {source!r} has no English text in en.ts")
            elif sorted(PLACEHOLDER.findall(translation)) != sorted(PLACEHOLDER.findall(source)):
                bad.append(f"{message_id}: {source!r} and {translation!r} differ in placeholders")
            if source not in chinese:
                bad.append(f"{message_id}: {source!r} is missing from zh_CN.ts")
    assert bad == []


def test_every_area_message_module_is_consulted() -> None:
    """A ui/messages_<area>.py that ui/messages.py does not list would leave its ids untranslated."""
    from ui import messages

    files = {"ui." + p.stem for p in MESSAGES_PY.parent.glob("messages_*.py")}
    assert files == set(messages.AREA_MODULES)
