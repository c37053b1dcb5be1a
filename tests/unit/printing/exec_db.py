"""The seeded demo ward as IT's database for the 执行单/瓶签 print tests: made once by `db upgrade`'s
own migration and the demo seed at the services tests' fixed clock, copied for each test."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.unit.services.conftest import NOW

WARD = "NK01"
DAY = NOW.astimezone().date()


@pytest.fixture(scope="session")
def exec_seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.dictionaries.loader import load_all
    from app.services.demo import seed_demo
    from app.store import migrate
    from app.store.db import open_database

    path = tmp_path_factory.mktemp("exec-print") / "ward.db"
    db = open_database(f"sqlite:///{path}")
    try:
        migrate.upgrade(db)
        with db.begin() as conn:
            load_all(conn)
            seed_demo(conn, now=NOW)
    finally:
        db.dispose()
    return path


@pytest.fixture
def ward_url(exec_seeded_file: Path, tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "ward.db"
    shutil.copy(exec_seeded_file, path)
    yield f"sqlite:///{path}"


def cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """`python main.py argv...` in this process: (exit status, stdout, stderr)."""
    from app.cli import run

    code = run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def plan_day(url: str, day: date) -> None:
    """The ward's nurse opens the execution screen on `day`: its items are planned."""
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.exec_printing import ward_offset_minutes
    from app.services.plan_cmds import GeneratePlans
    from app.services.write import run_command
    from app.store.db import open_database

    db = open_database(url)
    try:
        run_command(db, "pc-n", GeneratePlans(op_id=new_id(), actor_id=demo_id("staff", "liufang"),
                                              device_time=NOW, ward_id=demo_id("ward"), day=day,
                                              utc_offset_minutes=ward_offset_minutes(day)))
    finally:
        db.dispose()


def tomorrow() -> date:
    return DAY + timedelta(days=1)


def pdf_text(pdf: Path, page: int) -> str:
    """The page's text with the spaces out (pdftotext spaces CJK freely)."""
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return "".join(text.split())


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_size_pt(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])


def fonts_embedded(pdf: Path) -> list[str]:
    """pdffonts' rows: each must say embedded (emb) and subset."""
    rows = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return rows.splitlines()[2:]


def print_audits(url: str, entity: str) -> list[Any]:
    from sqlalchemy import select

    from app.store.db import open_database
    from app.store.schema import audit_rec

    db = open_database(url)
    try:
        with db.connect() as conn:
            return list(conn.execute(
                select(audit_rec.c.entity_id, audit_rec.c.patient_id, audit_rec.c.after_data,
                       audit_rec.c.workstation)
                .where(audit_rec.c.action == "print").where(audit_rec.c.entity == entity)
                .order_by(audit_rec.c.chain_seq)))
    finally:
        db.dispose()
