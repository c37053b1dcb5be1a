"""The dictionary loader on a real SQLite file: complete, idempotent, deterministic keys."""
from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.dictionaries.files import DICT_DIR, ID_NAMESPACE
from app.dictionaries.loader import load_all
from app.store import schema


def _engine(path: Path) -> sa.engine.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")
    schema.metadata.create_all(engine)
    return engine


def _csv_rows(name: str) -> int:
    with (DICT_DIR / name).open(encoding="utf-8") as fh:
        return sum(1 for _ in fh) - 1


def _count(engine: sa.engine.Engine, table: sa.Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_first_load_fills_every_table_and_second_load_changes_nothing(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "ward.db")
    seen: dict[str, tuple[int, int]] = {}
    with engine.begin() as conn:
        first = load_all(conn, lambda done, total, label: seen.__setitem__(label, (done, total)))
    assert first["drug"] == _csv_rows("drugs.csv") == _count(engine, schema.drug)
    assert first["icd10"] == _csv_rows("icd10/icd10.csv") == _count(engine, schema.icd10) > 14000
    assert first["freq"] == _count(engine, schema.freq) == _csv_rows("frequencies.csv")
    assert _count(engine, schema.route) == _csv_rows("routes.csv")
    assert _count(engine, schema.order_item) == _csv_rows("order_items.csv")
    assert _count(engine, schema.lab_test) == _csv_rows("lab_tests.csv")
    # progress reached the end of every table
    assert all(done == total for done, total in seen.values())
    assert _count(engine, schema.role) == _csv_rows("roles.csv") == 5
    assert _count(engine, schema.consumable) == _csv_rows("consumables.csv")
    assert set(seen) == {"drug", "freq", "route", "order_item", "icd10", "lab_test", "role", "consumable"}

    with engine.begin() as conn:
        second = load_all(conn)
    assert set(second.values()) == {0}
    assert _count(engine, schema.drug) == first["drug"]


def test_keys_are_the_same_on_every_installation(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        engine = _engine(tmp_path / name)
        with engine.begin() as conn:
            load_all(conn)
            ids.append(dict(conn.execute(sa.select(schema.drug.c.code, schema.drug.c.id)).all()))
    assert ids[0] == ids[1]
    code, key = next(iter(ids[0].items()))
    assert key == str(uuid.uuid5(ID_NAMESPACE, f"drug:{code}"))


def test_changed_row_is_updated_in_place(tmp_path: Path) -> None:
    base = tmp_path / "dicts"
    shutil.copytree(DICT_DIR, base)
    engine = _engine(tmp_path / "ward.db")
    with engine.begin() as conn:
        load_all(conn, base=base)
        query = sa.select(schema.drug.c.id).where(schema.drug.c.code == "J01CA04.01")
        before = conn.execute(query).scalar_one()
    text = (base / "drugs.csv").read_text(encoding="utf-8")
    old_line = next(ln for ln in text.splitlines() if ln.startswith("J01CA04.01,"))
    new_line = old_line.replace("0.25g*24粒/盒", "0.25g*36粒/盒")
    assert new_line != old_line
    (base / "drugs.csv").write_text(text.replace(old_line, new_line), encoding="utf-8")
    with engine.begin() as conn:
        written = load_all(conn, base=base)
        row = conn.execute(sa.select(schema.drug).where(schema.drug.c.code == "J01CA04.01")).one()
    assert written["drug"] == 1 and written["icd10"] == 0
    assert row.package == "0.25g*36粒/盒" and row.id == before


def test_drug_removed_from_the_file_stops_being_searchable_and_returns_when_restored(tmp_path: Path) -> None:
    from app.dictionaries.search import build_index

    base = tmp_path / "dicts"
    shutil.copytree(DICT_DIR, base)
    engine = _engine(tmp_path / "ward.db")
    with engine.begin() as conn:
        load_all(conn, base=base)
    original = (base / "drugs.csv").read_text(encoding="utf-8")
    line = next(ln for ln in original.splitlines() if ln.startswith("J01CA04.01,"))
    (base / "drugs.csv").write_text(original.replace(line + "\n", ""), encoding="utf-8")
    with engine.begin() as conn:
        written = load_all(conn, base=base)
        row = conn.execute(sa.select(schema.drug).where(schema.drug.c.code == "J01CA04.01")).one()
        hits = [h.code for h in build_index(conn).search("J01CA04.01", limit=5)]
    assert written["drug"] == 1 and not row.is_active          # kept for old orders, not offered
    assert "J01CA04.01" not in hits
    (base / "drugs.csv").write_text(original, encoding="utf-8")
    with engine.begin() as conn:
        assert load_all(conn, base=base)["drug"] == 1
        hits = [h.code for h in build_index(conn).search("J01CA04.01", limit=5)]
    assert "J01CA04.01" in hits


def test_malformed_row_names_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    base = tmp_path / "dicts"
    shutil.copytree(DICT_DIR, base)
    lines = (base / "drugs.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[2].split(",")
    fields[11] = "7"          # abx_grade must be 0..3
    lines[2] = ",".join(fields)
    (base / "drugs.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = _engine(tmp_path / "ward.db")
    with pytest.raises(ValueError, match=r"drugs\.csv:3: column 'abx_grade'"), engine.begin() as conn:
        load_all(conn, base=base)
    assert _count(engine, schema.route) == 0


def test_unknown_route_is_rejected(tmp_path: Path) -> None:
    base = tmp_path / "dicts"
    shutil.copytree(DICT_DIR, base)
    lines = (base / "drugs.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ",mouth"
    (base / "drugs.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = _engine(tmp_path / "ward.db")
    with pytest.raises(ValueError, match=r"drugs\.csv:2: column 'default_route'"), engine.begin() as conn:
        load_all(conn, base=base)
