"""Reading the knowledge-base CSV files: one rule per row, each checked, errors name file and line.

A pharmacist edits these files by hand, so a typo must stop loading with the exact place of the
mistake instead of silently dropping the rule. Lines starting with '#' are comments.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from app.checks.model import SEVERITIES
from app.errors import ValidationError

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "cds"


class KnowledgeError(ValidationError):
    """A malformed knowledge-base row; str() gives `file:line: problem` for the log."""

    def __init__(self, file: str, line: int, problem: str) -> None:
        super().__init__("checks.kb_malformed", file=file, line=line, problem=problem)
        self.file = file
        self.line = line
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.problem}"


@dataclass(frozen=True)
class Row:
    """One data row with its origin, so every later check can still point at the line."""

    file: str
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def fail(self, problem: str) -> KnowledgeError:
        return KnowledgeError(self.file, self.line, problem)

    def required(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise self.fail(f"column '{column}' is empty")
        return value

    def severity(self, column: str = "severity", optional: bool = False) -> str:
        value = self.get(column).lower()
        if not value and optional:
            return ""
        if value not in SEVERITIES:
            raise self.fail(f"column '{column}': '{value}' is not one of {', '.join(SEVERITIES)}")
        return value

    def number(self, column: str, optional: bool = True) -> Optional[float]:
        value = self.get(column)
        if not value:
            if optional:
                return None
            raise self.fail(f"column '{column}' is empty")
        try:
            number = float(value)
        except ValueError:
            raise self.fail(f"column '{column}': '{value}' is not a number") from None
        if number < 0:
            raise self.fail(f"column '{column}': '{value}' is negative")
        return number

    def items(self, column: str) -> tuple[str, ...]:
        """A '|'-separated list cell."""
        return tuple(part.strip() for part in self.get(column).split("|") if part.strip())

    def source(self) -> str:
        return self.required("source")


def read_csv(path: Path, columns: tuple[str, ...]) -> list[Row]:
    """Rows of one file; the header must hold every listed column (extra columns are allowed)."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise KnowledgeError(name, 0, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise KnowledgeError(name, 0, "not UTF-8 text") from None
    rows: list[Row] = []
    header: Optional[list[str]] = None
    for line_no, record in _records(text, name):
        if header is None:
            header = [h.strip() for h in record]
            missing = [c for c in columns if c not in header]
            if missing:
                raise KnowledgeError(name, line_no, f"header lacks column(s): {', '.join(missing)}")
            continue
        if len(record) > len(header):
            extra = [c for c in record[len(header):] if c.strip()]
            if extra:
                raise KnowledgeError(name, line_no,
                                     f"{len(record)} cells for {len(header)} columns (unquoted comma?)")
        cells = {h: (record[i] if i < len(record) else "") for i, h in enumerate(header)}
        rows.append(Row(name, line_no, cells))
    if header is None:
        raise KnowledgeError(name, 1, "empty file")
    return rows


def _records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the physical line each starts on, skipping blanks and '#' comments."""
    for line_no, line in enumerate(io.StringIO(text), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            record = next(csv.reader([line]))
        except csv.Error as exc:
            raise KnowledgeError(name, line_no, f"bad CSV: {exc}") from None
        yield line_no, record

