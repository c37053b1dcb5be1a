"""The encrypted replica on a real SQLCipher file with its key in a real Secret Service
(gnome-keyring on a private D-Bus): the ward scope copied from the demo server, the same
handlers running on it, nothing readable in the file without the key, and every unusable file
(wrong key, damaged, plain SQLite, another profile's) refused with its own message and left as
it was."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.clock import utcnow
from app.ids import new_id
from app.offline import replica as r
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import allergy, encounter, patient, staff
from tests import secret_service

keyring_service = secret_service.keyring_fixture()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_key_is_made_once_and_kept_in_the_secret_service(keyring_service: Any) -> None:
    import keyring

    first = r.replica_key("ward-a")
    assert len(first) == 64 and r.replica_key("ward-a") == first
    assert keyring.get_password(r.KEYRING_SERVICE, "ward-a") == first
    assert type(keyring.get_keyring()).__module__ == "keyring.backends.SecretService"
    assert r.replica_key("ward-b") != first
    with pytest.raises(r.ReplicaUnusable) as err:
        r.replica_key("never-made", create=False)
    assert err.value.message_id == "replica.no_key"


def test_the_replica_holds_the_ward_and_the_same_handlers_run_on_it(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    path = tmp_path / "replica-ward.db"
    ward = demo_id("ward")
    with r.opened(path, "ward") as local:
        made = r.snapshot(demo_engine, local, profile="ward", ward_id=ward)
        with demo_engine.connect() as conn:
            admitted = set(conn.execute(select(encounter.c.patient_id)
                                        .where(encounter.c.status == "admitted")
                                        .where(encounter.c.ward_id == ward)).scalars())
            name = conn.execute(select(patient.c.name)
                                .where(patient.c.id == demo_id("patient", 7))).scalar_one()
        with local.connect() as conn:
            copied = set(conn.execute(select(patient.c.id)).scalars())
            verifiers = conn.execute(select(staff.c.password_hash)).scalars().all()
        assert copied == admitted and made.patients == len(admitted) > 5
        assert verifiers and all(v.startswith("$argon2") for v in verifiers)   # offline login
        seen = r.info(local)
        assert seen is not None and seen.as_of == made.as_of and seen.ward_id == ward
        # The same command, the same handler, against the replica.
        cmd = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"),
                              device_time=utcnow(), patient_id=demo_id("patient", 7),
                              allergy_id=new_id(), substance="离线青霉素")
        run_command(local, "pc-ward", cmd)
        with local.connect() as conn:
            assert conn.execute(select(allergy.c.substance)
                                .where(allergy.c.id == cmd.allergy_id)).scalar_one() == "离线青霉素"
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert name.encode("utf-8") not in raw and "离线青霉素".encode() not in raw
    assert r.replica_key("ward").encode() not in raw


def test_unusable_files_are_refused_each_with_its_reason_and_left_as_they_were(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    path = tmp_path / "replica-ours.db"
    with r.opened(path, "ours") as local:
        r.snapshot(demo_engine, local, profile="ours", ward_id=demo_id("ward"))
    plain = tmp_path / "plain.db"
    sqlite3.connect(str(plain)).execute("CREATE TABLE t (x)").connection.commit()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"\x8f" * 4096 + os.urandom(8192))
    cases = [
        (path, r.replica_key("someone-else"), "ours", "replica.unreadable"),   # wrong key
        (damaged, r.replica_key("ours"), "ours", "replica.unreadable"),
        (plain, r.replica_key("ours"), "ours", "replica.foreign"),            # not encrypted
        (path, r.replica_key("ours"), "theirs", "replica.foreign"),           # another profile's
    ]
    for file, key, profile, message in cases:
        before = _digest(file)
        with pytest.raises(r.ReplicaUnusable) as err:
            r.open_replica(file, key, profile)
        assert err.value.message_id == message, (file.name, profile)
        assert _digest(file) == before                       # kept for IT, byte for byte
    with r.opened(path, "ours") as local:                    # and the right key still opens it
        assert r.info(local) is not None


def test_offline_status_reports_the_replica_age_the_queue_and_an_unusable_file(
        keyring_service: Any, demo_engine: Database) -> None:
    from app.offline.outbox import Outbox, outbox_path
    from app.paths import data_dir
    from tests.dbdrivers.clirun import run_cli

    first = run_cli("offline", "status")
    assert first.returncode == 0, first.stderr
    assert "offline replica (demo): none on this PC yet" in first.stdout
    path = r.replica_path(data_dir(), None)
    with r.opened(path, "demo") as local:
        made = r.snapshot(demo_engine, local, profile="demo", ward_id=demo_id("ward"))
    box = Outbox(outbox_path(data_dir(), None))
    for n in range(2):
        box.enqueue(c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"),
                                    device_time=utcnow(), patient_id=demo_id("patient", 7),
                                    allergy_id=new_id(), substance=f"状态{n}"))
    box.note_error("db.unreachable")
    box.close()
    from app.offline.mode import OfflineLayer

    layer = OfflineLayer(data_dir(), None, "pc-status")        # the GUI's queue: in the replica
    layer.execute(c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"),
                                  device_time=utcnow(), patient_id=demo_id("patient", 7),
                                  allergy_id=new_id(), substance="副本里排队"))
    layer.close()
    shown = run_cli("offline", "status")
    assert shown.returncode == 0, shown.stderr
    assert f"offline replica (demo): {made.patients} patients, data as of" in shown.stdout
    assert "(demo, queue file): 2 waiting" in shown.stdout
    assert "(demo, replica): 1 waiting" in shown.stdout
    assert "last replay error: db.unreachable" in shown.stdout
    named = run_cli("offline", "status", "--profile", "demo")    # the command's own --profile
    assert named.returncode == 0, named.stderr
    assert "(demo, queue file): 2 waiting" in named.stdout
    path.write_bytes(b"\x00" * 8192)                     # the disk ate it
    broken = run_cli("offline", "status")
    assert broken.returncode == 0, broken.stderr
    assert "unusable (replica.unreadable)" in broken.stdout and "kept as it is" in broken.stdout
    assert "2 waiting" in broken.stdout                  # the queue is still there, and said so


def test_the_replica_follows_the_servers_change_sequence_with_one_query_when_nothing_changed(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    from sqlalchemy import event

    from app.offline import changeseq
    from app.store.schema import change_seq

    ward = demo_id("ward")
    sent: list[str] = []
    event.listen(demo_engine.read_engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: sent.append(sql))
    with r.opened(tmp_path / "replica-f.db", "f") as local:
        r.snapshot(demo_engine, local, profile="f", ward_id=ward)
        sent.clear()
        assert r.refresh(demo_engine, local, profile="f", ward_id=ward) == 0
        assert len(sent) == 1 and "change_seq" in sent[0]            # one indexed query
        cmd = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"),
                              device_time=utcnow(), patient_id=demo_id("patient", 7),
                              allergy_id=new_id(), substance="在线新过敏")
        run_command(demo_engine, "pc-other", cmd)                    # another PC, online
        with demo_engine.connect() as conn:
            row = conn.execute(select(change_seq.c.ward_id, change_seq.c.kind)
                               .where(change_seq.c.patient_id == demo_id("patient", 7))
                               .order_by(change_seq.c.seq.desc())).first()
            assert row is not None and tuple(row) == (ward, "allergy")   # same transaction
            assert changeseq.after(conn, "another-ward", changeseq.Mark()) == []
        assert r.refresh(demo_engine, local, profile="f", ward_id=ward) == 1
        with local.connect() as conn:
            assert conn.execute(select(allergy.c.substance)
                                .where(allergy.c.id == cmd.allergy_id)).scalar_one() == "在线新过敏"
        assert r.refresh(demo_engine, local, profile="f", ward_id=ward) == 0   # seen: nothing new


def test_after_offline_writes_replay_the_replica_follows_the_ward_again(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    """An offline write leaves its op record and audit row on the replica; once it has replayed,
    the next change on the server still gives a fresh copy (and none is taken while anything
    waits: it would hide what was typed here)."""
    from app.offline.mode import OfflineLayer

    ward, enc = demo_id("ward"), demo_id("encounter", 7)
    layer = OfflineLayer(tmp_path, "g", "pc-g", server=lambda: demo_engine)
    try:
        layer.refresh(demo_engine, ward)
        mine = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"), device_time=utcnow(),
                               patient_id=demo_id("patient", 7), allergy_id=new_id(), substance="离线过敏")
        layer.execute(mine)                                     # through the outage, on the replica
        other = c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liming"), device_time=utcnow(),
                                patient_id=demo_id("patient", 7), allergy_id=new_id(), substance="他处过敏")
        run_command(demo_engine, "pc-other", other)
        assert layer.refresh(demo_engine, ward) == 0             # still queued: no new copy yet
        state = layer.follow(True, ward)                        # the server is back
        assert (state.queued, state.settled) == (0, 1)
        with layer._open()[0].connect() as conn:
            have = set(conn.execute(select(allergy.c.substance).where(
                allergy.c.patient_id == demo_id("patient", 7))).scalars())
        assert {"离线过敏", "他处过敏"} <= have                   # both, as the server has them
        with demo_engine.connect() as conn:
            assert conn.execute(select(encounter.c.id).where(encounter.c.id == enc)).scalar_one()
    finally:
        layer.close()
