"""A full disk on the ward PC through an outage (issue 15): the command that finds no room is
refused with its own message (db.full, "磁盘已满…" in the window, one line on the command line),
nothing half-written: the file is whole, what was queued before is still queued, and the same
command goes in once there is room again."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.clock import utcnow
from app.errors import DatabaseError
from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.store.db import Database, describe_error
from tests import secret_service

keyring_service = secret_service.keyring_fixture()


def _allergy(n: int) -> c.RecordAllergy:
    return c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"), device_time=utcnow(),
                           patient_id=demo_id("patient", 7), allergy_id=new_id(),
                           substance=f"磁盘满前{n}" + "很长的说明" * 400)


def test_a_full_disk_refuses_the_command_clearly_and_keeps_the_queue(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    layer = OfflineLayer(tmp_path, "full", "pc-full", server=lambda: demo_engine)
    try:
        layer.refresh(demo_engine, demo_id("ward"))
        first = _allergy(1)
        layer.execute(first)                               # through the outage: queued
        db, box = layer._open()
        full = {"on": True}

        @event.listens_for(db.engine, "begin")
        def no_room(conn: Any) -> None:                    # the disk holds what the file has now
            if full["on"]:
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
                conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")

        second = _allergy(2)
        with pytest.raises(DatabaseError) as refused:
            layer.execute(second)
        assert refused.value.message_id == "db.full"
        assert "disk" in (describe_error(refused.value) or "")
        assert [q.op_id for q in box.pending(10)] == [first.op_id]      # kept; nothing half-queued
        with db.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        full["on"] = False                                 # room again
        with db.connect() as conn:
            conn.exec_driver_sql("PRAGMA max_page_count = 1073741823")
        layer.execute(second)
        assert [q.op_id for q in box.pending(10)] == [first.op_id, second.op_id]
    finally:
        layer.close()
