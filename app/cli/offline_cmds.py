"""IT commands for the offline queue: `offline status` and `offline replay` (issue 15).

    python main.py offline status [--profile NAME]    # replica age, queue length, conflicts, last error
    python main.py offline replay --profile NAME      # send what a PC queued to the server
"""
from __future__ import annotations

import argparse
import socket
from pathlib import Path
from typing import Any, Optional

from app.cli import EXIT_FAILURE, EXIT_OK, fail
from app.cli.db_cmds import ProgressLine, _guard


def register(subparsers: Any) -> None:
    offline = subparsers.add_parser("offline", help="the queue of changes made while offline")
    sub = offline.add_subparsers(dest="offline_command")
    status = sub.add_parser("status", help="queue length, conflicts and refusals")
    status.add_argument("--profile", metavar="NAME", help="server profile (default: the demo database)")
    status.set_defaults(handler=cmd_status)
    replay = sub.add_parser("replay", help="send the queued changes to the server now")
    replay.add_argument("--profile", metavar="NAME", required=True, help="server profile")
    replay.set_defaults(handler=cmd_replay)


def _outbox_file(profile: Optional[str]) -> Path:
    from app.offline.outbox import outbox_path
    from app.paths import data_dir

    return outbox_path(data_dir(), profile)


@_guard
def cmd_status(args: argparse.Namespace) -> int:
    from app.offline.outbox import CONFLICT, REJECTED, Outbox

    _print_replica(args.profile)
    path = _outbox_file(args.profile)
    if not path.exists():
        print(f"offline queue ({args.profile or 'demo'}): empty, nothing was ever queued here")
        return EXIT_OK
    box = Outbox(path)
    try:
        counts = box.counts()
        print(f"offline queue ({args.profile or 'demo'}): {counts['queued']} waiting, "
              f"{counts['applied']} applied, {counts['rejected']} refused, "
              f"{counts['conflict']} conflicts to resolve")
        for item in box.settled(CONFLICT)[-5:] + box.settled(REJECTED)[-5:]:
            print(f"  {item.state}: {item.op_type} {item.op_id} ({item.reason})")
        last = box.last_error()
        if last is not None:
            print(f"last replay error: {last}")
    finally:
        box.close()
    return EXIT_OK


def _print_replica(profile: Optional[str]) -> None:
    """One line: the replica's age (by the server's clock at its snapshot), or why it is unusable."""
    from app.clock import utcnow
    from app.offline import replica
    from app.paths import data_dir

    name = profile or "demo"
    path = replica.replica_path(data_dir(), profile)
    if not path.exists():
        print(f"offline replica ({name}): none on this PC yet")
        return
    try:
        with replica.opened(path, name, create=False) as local:
            seen = replica.info(local)
    except replica.ReplicaUnusable as err:
        print(f"offline replica ({name}): unusable ({err.message_id}): {path} is kept as it is")
        return
    if seen is None or seen.as_of is None:
        print(f"offline replica ({name}): created, never filled")
        return
    age = (utcnow() - seen.as_of).total_seconds()
    print(f"offline replica ({name}): {seen.patients} patients, data as of "
          f"{seen.as_of.astimezone():%Y-%m-%d %H:%M} ({age / 60:.0f} min old)")


@_guard
def cmd_replay(args: argparse.Namespace) -> int:
    from app.offline.outbox import Outbox
    from app.offline.replay import replay
    from app.profiles import load_profile
    from app.store.db import open_database

    path = _outbox_file(args.profile)
    if not path.exists():
        print(f"offline queue ({args.profile}): empty")
        return EXIT_OK
    db = open_database(load_profile(args.profile))
    box = Outbox(path)
    try:
        report = replay(box, db, socket.gethostname(), progress=ProgressLine("replay"))
    finally:
        box.close()
        db.dispose()
    print(f"replayed: {report.applied} applied, {report.rejected} refused, "
          f"{report.conflicts} conflicts, {report.remaining} still waiting")
    if report.stopped_by is not None:
        return fail(f"replay stopped ({report.stopped_by}): the server did not answer; "
                    f"{report.remaining} changes stay queued", EXIT_FAILURE)
    return EXIT_OK
