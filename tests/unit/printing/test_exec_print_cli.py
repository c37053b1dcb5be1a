"""`print exec-sheet` / `print labels` refusing bad input as IT sees it: one plain line on standard
error, a non-zero exit, no file (and no temporary file) left where the PDF was to go, nothing
audited."""
# ruff: noqa: F811  (the fixtures imported from exec_db are the tests' parameters)
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.unit.printing.exec_db import (  # noqa: F401  (fixtures)
    DAY,
    WARD,
    cli,
    exec_seeded_file,
    print_audits,
    ward_url,
)


@pytest.mark.parametrize("command, who, extra, says", [
    ("exec-sheet", ("--patient", "99999999"), (), "no patient with 住院号 99999999"),
    ("labels", ("--patient", "99999999"), (), "no patient with 住院号 99999999"),
    ("exec-sheet", ("--ward", "XX9"), (), "no ward with code XX9"),
    ("labels", ("--ward", "XX9"), (), "no ward with code XX9"),
    ("exec-sheet", ("--ward", WARD), ("--kind", "pills"), "no execution sheet kind 'pills'"),
    ("exec-sheet", ("--ward", WARD), ("--date", "2024-13-01"), "--date takes a day as YYYY-MM-DD"),
    ("exec-sheet", ("--ward", WARD), ("--date", "2023-01-05"), "nothing to print: no planned executions"),
    ("exec-sheet", ("--ward", WARD), ("--kind", "diet", "--date", DAY.isoformat()),
     "nothing to print: no planned executions"),
    ("labels", ("--ward", WARD), ("--date", "2023-01-05"), "nothing to print: no infusion waiting"),
])
def test_bad_input_is_one_line_and_no_file(ward_url: str, tmp_path: Path, capsys: Any, command: str,
                                           who: tuple[str, ...], extra: tuple[str, ...], says: str) -> None:
    out = tmp_path / "out" / "print.pdf"
    out.parent.mkdir()
    code, stdout, stderr = cli(capsys, "print", command, "--url", ward_url, *who, "--out", str(out),
                               *extra)
    assert code != 0 and stdout == ""
    assert stderr.count("\n") == 1 and says in stderr, stderr
    assert os.listdir(out.parent) == []                       # no PDF, no temporary file
    assert print_audits(ward_url, "exec_sheet") == [] and print_audits(ward_url, "infusion_label") == []


@pytest.mark.parametrize("command", ["exec-sheet", "labels"])
def test_an_unwritable_output_is_refused_before_anything_is_read(ward_url: str, tmp_path: Path,
                                                                 capsys: Any, command: str) -> None:
    for out in (tmp_path / "no-such-dir" / "x.pdf", tmp_path):            # a missing folder, a folder
        code, _stdout, stderr = cli(capsys, "print", command, "--url", ward_url, "--ward", WARD,
                                    "--date", DAY.isoformat(), "--out", str(out))
        assert code != 0 and stderr.count("\n") == 1 and f"cannot write {out}" in stderr
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not os.access(locked, os.W_OK):          # (root may write anywhere: nothing to refuse)
            code, _stdout, stderr = cli(capsys, "print", command, "--url", ward_url, "--ward", WARD,
                                        "--date", DAY.isoformat(), "--out", str(locked / "x.pdf"))
            assert code != 0 and "cannot write" in stderr and os.listdir(locked) == []
    finally:
        locked.chmod(0o700)


def test_patient_and_ward_together_is_a_usage_error(ward_url: str, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "x.pdf"
    code, _stdout, stderr = cli(capsys, "print", "labels", "--url", ward_url, "--ward", WARD,
                                "--patient", "24310043", "--out", str(out))
    assert code == 2 and stderr.count("\n") == 1 and not out.exists()
