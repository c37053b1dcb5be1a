"""Real processes queueing and replaying the offline queue, killed with SIGKILL at random
moments (tests/offline_chaos.py): no acknowledged command lost, no local effect without its queue
entry, none applied twice, and the server ends as a run of the same commands without kills."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.offline_chaos import run_chaos
from tests.unit.services import conftest as services

seeded_file = services.seeded_file     # the seeded demo ward file, a session fixture


def test_kill_9_while_queueing_and_replaying_loses_nothing_and_applies_nothing_twice(
        seeded_file: Path, tmp_path: Path) -> None:
    urls = []
    for name in ("server", "reference"):
        shutil.copy(seeded_file, tmp_path / f"{name}.db")
        urls.append(f"sqlite:///{tmp_path / name}.db")
    report = run_chaos(urls[0], urls[1], tmp_path, total=1500, kills=30, batch=100, max_wait=1.0)
    assert report.kills >= 30
    assert report.queue_kills >= 5 and report.replay_kills >= 5, report   # killed mid-work
    assert report.lost == 0 and report.orphan_effects == 0
    assert report.acked == report.total == report.outbox_rows
    assert report.server_ops == report.total          # every op on record once (UNIQUE op_id)
    assert report.state_equal, "the server differs from the run without kills"
