"""Layering (STYLE.md rule 1): app/ and dbdrivers/ never import Qt or ui/; dbdrivers/ never
imports the application's services or ui. Checked by parsing every file, imported or not."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" \
                and node.args and isinstance(node.args[0], ast.Constant):
            names.append(str(node.args[0].value))
    return names


def _violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


@pytest.mark.parametrize("package", ["app", "dbdrivers"])
def test_no_qt_or_ui_below_the_ui(package: str) -> None:
    assert _violations(package, ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui")) == []


def test_dbdrivers_know_nothing_of_the_application() -> None:
    assert _violations("dbdrivers", ("app.services", "app.domain", "app.checks", "ui")) == []


def test_the_checker_sees_imports() -> None:
    """Guard against a checker that passes by finding nothing."""
    assert _violations("dbdrivers", ("sqlalchemy",)) != []
    assert _violations("app", ("app.errors",)) != []
