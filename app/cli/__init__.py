"""The command line IT relies on (DESIGN.md "Command line").

Each module in COMMAND_MODULES exposes `register(subparsers)`; every sub-command handler returns
an exit status. Bad input gets one plain line on standard error and a non-zero exit, never a
traceback. Nothing here imports Qt: the CLI must start fast on a server console.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable, Optional, Sequence

COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.db_cmds",        # db upgrade, db sql, check
    "app.cli.demo_cmds",      # demo seed, audit verify
    "app.cli.check_cmds",     # order-check
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One plain line instead of argparse's usage dump.
        self.exit(EXIT_USAGE, f"wardstation: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wardstation", description="WardStation ward workstation")
    parser.add_argument("--profile", help="database profile for the GUI")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def command_names() -> set[str]:
    return {"db", "demo", "check", "audit", "order-check", "profile"}


def fail(message: str, status: int = EXIT_FAILURE) -> int:
    """Print one plain line on standard error and return the exit status."""
    print(f"wardstation: {message}", file=sys.stderr)
    return status


def run(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Optional[Handler] = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return handler(args)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
