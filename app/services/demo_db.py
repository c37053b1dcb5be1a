"""The embedded demo database: made and seeded on the first run, opened at once afterwards.

An existing, current file costs two small queries (the revision row, the demo ward's row); the
migration tool, the dictionaries and the seeder are imported only when there is work for them.
"""
from __future__ import annotations

import pathlib
from typing import Any

from sqlalchemy import func, select

from app.progress import OptionalProgress, no_progress
from app.services.demo_accounts import DEMO_WARD_CODE
from app.store.revision import HEAD_REVISION, stored_revision
from app.store.schema import ward


def _ready(db: Any) -> bool:
    with db.read() as conn:
        if stored_revision(conn) != HEAD_REVISION:
            return False
        return bool(conn.execute(select(func.count()).select_from(ward)
                                 .where(ward.c.code == DEMO_WARD_CODE)).scalar_one())


def ensure_demo_database(path: pathlib.Path, progress: OptionalProgress = None) -> Any:
    from app.store.db import open_database

    report = progress or no_progress
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists()
    db = open_database("sqlite:///" + str(path))
    if existed and _ready(db):
        report(1, 1, "demo.present")
        return db
    from app.dictionaries.loader import load_all
    from app.services.demo import has_demo_ward, seed_demo
    from app.store.migrate import upgrade

    upgrade(db, report)
    with db.begin() as conn:
        if has_demo_ward(conn):
            return db
    with db.begin() as conn:
        load_all(conn, report)
        seed_demo(conn, report)
    return db
