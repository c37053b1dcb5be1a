"""Power cuts of the outbox file (issue 15): the real Outbox, its PRAGMAs and its transactions,
on a VFS that loses what was not synced when the power goes (tests/crashvfs.py), the cut at a
random write or sync of a run of enqueues. Afterwards, opened by the ordinary sqlite3 module:
the file is never corrupt, no command `enqueue` acknowledged is lost, and a command's local
effect is there exactly when its entry is. The same harness with synchronous=NORMAL loses
acknowledged commands, so it is a test that can fail."""
from __future__ import annotations

import itertools
import random
import sqlite3
from pathlib import Path

import pytest

from app.ids import new_id
from app.offline.outbox import Outbox
from app.services import commands as c
from app.services.demo_ids import demo_id
from tests.unit.services.conftest import NOW

apsw = pytest.importorskip("apsw")
from tests.crashvfs import CrashVFS, DbApi  # noqa: E402

CUTS = 150
ENQUEUES = 12
_names = itertools.count()


def _command(n: int) -> c.RecordAllergy:
    return c.RecordAllergy(op_id=new_id(), actor_id=demo_id("staff", "liufang"), device_time=NOW,
                           patient_id=demo_id("patient", 1 + n % 8), allergy_id=new_id(),
                           substance=f"断电药物{n}")


def _one_cut(tmp: Path, rng: random.Random, synchronous: str) -> tuple[int, int, bool]:
    """(acknowledged but lost, effects without entry or entries without effect, file ok)."""
    path = tmp / "outbox.sqlite"
    # A run makes about 37 writes and syncs to create the file, then about 10 an enqueue: the
    # cut falls anywhere in it, or just after it.
    vfs = CrashVFS(f"crash{next(_names)}", cut_after=rng.randint(1, 40 + ENQUEUES * 10))
    acked: list[str] = []
    try:
        box = Outbox(path, opener=lambda p: DbApi(p, vfs.vfs_name))
        if synchronous != "FULL":
            box._conn.execute(f"PRAGMA synchronous={synchronous}")
        box._conn.execute("CREATE TABLE IF NOT EXISTS effect (op_id TEXT PRIMARY KEY)")
        for n in range(ENQUEUES):
            cmd = _command(n)
            box.enqueue(cmd, effect=lambda conn, op=cmd.op_id: conn.execute(
                "INSERT INTO effect VALUES (?)", (op,)))
            acked.append(cmd.op_id)
    except apsw.Error:
        pass                                     # the power went in the middle of something
    vfs.power_cut(rng)
    vfs.unregister()
    if not path.exists():
        return 0, 0, True                        # cut before the file was ever written
    try:
        again = Outbox(path)                     # as the app opens it at the next start
    except sqlite3.DatabaseError:
        return 0, 0, False
    conn = again._conn
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        queued = {r[0] for r in conn.execute("SELECT op_id FROM outbox")}
        has_effects = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'effect'").fetchone()
        effects = {r[0] for r in conn.execute("SELECT op_id FROM effect")} if has_effects else set()
    except sqlite3.DatabaseError:
        return 0, 0, False
    finally:
        again.close()
    return len(set(acked) - queued), len(queued ^ effects), ok


def _run(tmp_path: Path, synchronous: str) -> tuple[int, int, int]:
    rng = random.Random(f"power-cut-{synchronous}")
    lost = torn_pairs = corrupt = 0
    for n in range(CUTS):
        folder = tmp_path / f"{synchronous}-{n}"
        folder.mkdir()
        a, b, ok = _one_cut(folder, rng, synchronous)
        lost += a
        torn_pairs += b
        corrupt += 0 if ok else 1
    return lost, torn_pairs, corrupt


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_power_cut_loses_no_acknowledged_command_and_corrupts_nothing(tmp_path: Path) -> None:
    lost, split, corrupt = _run(tmp_path, "FULL")
    assert (lost, split, corrupt) == (0, 0, 0)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_harness_sees_losses_when_commits_are_not_synced(tmp_path: Path) -> None:
    lost, split, corrupt = _run(tmp_path, "NORMAL")
    assert lost > 0
    assert split == 0 and corrupt == 0          # WAL keeps the file whole, only late commits go
