"""Revision 0003 on a database that already holds grouped orders (written at 0002): each group gets
its order_group row from its first member, the rows referencing med_order survive SQLite's table
rebuild, and the new foreign key then holds (SQLite and the PostgreSQL the tests start)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from app.errors import DatabaseError
from app.store import migrate
from app.store.db import open_database

T = datetime(2026, 12, 1, 8, 0)


def _rows_at_0002(conn: Any) -> None:
    stamps = {"t": T, "yes": True, "no": False}
    conn.execute(text("INSERT INTO dept (id, code, name) VALUES ('d', '01', '内科')"))
    conn.execute(text("INSERT INTO ward (id, code, name, dept_id) VALUES ('w', 'W1', '一病区', 'd')"))
    conn.execute(text(
        "INSERT INTO staff (id, login_name, full_name, title_rank, password_hash, failed_logins, "
        "can_prescribe, can_narcotic, abx_grade, is_active, version, created_at, updated_at) "
        "VALUES ('s', 'doc', '李明', 2, 'x', 0, :yes, :no, 2, :yes, 1, :t, :t)"), stamps)
    conn.execute(text(
        "INSERT INTO patient (id, mrn, name, sex, version, created_at, updated_at) "
        "VALUES ('p', '001', '张三', 'M', 1, :t, :t)"), stamps)
    conn.execute(text(
        "INSERT INTO encounter (id, patient_id, visit_no, dept_id, ward_id, admitted_at, status, "
        "nursing_grade, acuity, version, created_at, updated_at) "
        "VALUES ('e', 'p', 1, 'd', 'w', :t, 'admitted', 2, 'stable', 1, :t, :t)"), stamps)
    for n, (content, seq) in enumerate([("0.9%氯化钠注射液 250ml", 1), ("头孢曲松 2g", 2),
                                        ("维生素C 2g", None)]):
        conn.execute(text(
            "INSERT INTO med_order (id, encounter_id, term, category, content, route_code, rate, "
            "group_id, group_seq, skin_test_req, status, start_at, ordered_by, verbal, version, "
            "created_at, updated_at) VALUES (:id, 'e', 'long', 'drug', :c, NULL, '40 gtt/min', "
            ":g, :s, :no, 'active', :t, 's', :no, 1, :t, :t)"),
            {"id": f"o{n}", "c": content, "g": "g1" if seq else None, "s": seq, "t": T, "no": False})
    conn.execute(text(
        "INSERT INTO order_exec (id, order_id, planned_at, status, version, created_at, updated_at) "
        "VALUES ('x', 'o1', :t, 'planned', 1, :t, :t)"), stamps)


@pytest.mark.parametrize("fixture", ["sqlite_url", pytest.param("pg_url", marks=pytest.mark.pg)])
def test_grouped_orders_written_before_0003_keep_their_group(request: Any, fixture: str) -> None:
    db = open_database(str(request.getfixturevalue(fixture)), call_timeout=60)
    try:
        with db.connect() as conn:
            cfg = migrate._config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0002")
            conn.commit()
        with db.begin() as conn:
            _rows_at_0002(conn)
        assert migrate.upgrade(db) == migrate.head_revision()
        with db.connect() as conn:
            group = conn.execute(text("SELECT encounter_id, term, rate, status, start_at "
                                      "FROM order_group WHERE id = 'g1'")).one()
            members = conn.execute(text("SELECT id FROM med_order WHERE group_id = 'g1' "
                                        "ORDER BY group_seq")).scalars().all()
            kinds = conn.execute(text("SELECT DISTINCT use_kind FROM med_order")).scalars().all()
            execs = conn.execute(text("SELECT COUNT(*) FROM order_exec")).scalar()
        assert tuple(group)[:4] == ("e", "long", "40 gtt/min", "active")
        assert str(group[4]).startswith("2026-12-01 08:00")
        assert members == ["o0", "o1"] and kinds == ["regular"] and execs == 1
        with pytest.raises(DatabaseError) as err, db.begin() as conn:   # the new foreign key holds
            conn.execute(text("UPDATE med_order SET group_id = 'nope' WHERE id = 'o2'"))
        assert err.value.kind == "constraint"
    finally:
        db.dispose()
