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


def _queues(profile: Optional[str]) -> list[tuple[str, Path, Optional[str]]]:
    """Where this PC's queued changes are: the outbox table of the encrypted replica (the GUI
    queues there, with each change's local effect) and a plain queue file if an older client
    left one. An unusable replica is said once and skipped; its file stays as it is."""
    from app.offline import replica
    from app.paths import data_dir

    found: list[tuple[str, Path, Optional[str]]] = []
    plain = _outbox_file(profile)
    if plain.exists():
        found.append(("queue file", plain, None))
    name = profile or "demo"
    path = replica.replica_path(data_dir(), profile)
    if path.exists():
        try:
            key = replica.replica_key(name, create=False)
            replica.check_file(path, key, name)
        except replica.ReplicaUnusable as err:
            print(f"offline queue in the replica ({name}): cannot be read ({err.message_id}); "
                  f"{path} is kept as it is")
        else:
            found.append(("replica", path, key))
    return found


@_guard
def cmd_status(args: argparse.Namespace) -> int:
    from app.offline.outbox import CONFLICT, REJECTED, Outbox

    _print_replica(args.profile)
    queues = _queues(args.profile)
    if not queues:
        print(f"offline queue ({args.profile or 'demo'}): empty, nothing was ever queued here")
        return EXIT_OK
    for where, path, key in queues:
        box = Outbox(path, key=key)
        try:
            counts = box.counts()
            print(f"offline queue ({args.profile or 'demo'}, {where}): {counts['queued']} waiting, "
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
    age = seen.age_seconds(utcnow()) or 0.0
    clock = "" if abs(seen.skew_seconds) < 120 else \
        f"; this PC's clock is {abs(seen.skew_seconds) / 3600:.1f} h " \
        f"{'behind' if seen.skew_seconds > 0 else 'ahead of'} the server's"
    print(f"offline replica ({name}): {seen.patients} patients, data as of "
          f"{seen.as_of.astimezone():%Y-%m-%d %H:%M} server time ({age / 60:.0f} min old{clock})")


@_guard
def cmd_replay(args: argparse.Namespace) -> int:
    from app.offline.outbox import Outbox
    from app.offline.replay import replay
    from app.profiles import load_profile
    from app.store.db import open_database

    queues = _queues(args.profile)
    if not queues:
        print(f"offline queue ({args.profile}): empty")
        return EXIT_OK
    db = open_database(load_profile(args.profile))
    stopped: Optional[str] = None
    remaining = 0
    try:
        for where, path, key in queues:
            box = Outbox(path, key=key)
            try:
                report = replay(box, db, socket.gethostname(), progress=ProgressLine("replay"))
            finally:
                box.close()
            print(f"replayed ({where}): {report.applied} applied, {report.rejected} refused, "
                  f"{report.conflicts} conflicts, {report.remaining} still waiting")
            remaining += report.remaining
            stopped = stopped or report.stopped_by
    finally:
        db.dispose()
    if stopped is not None:
        return fail(f"replay stopped ({stopped}): the server did not answer; "
                    f"{remaining} changes stay queued", EXIT_FAILURE)
    return EXIT_OK
