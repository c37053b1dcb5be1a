"""WardStation entry point: the GUI by default, admin sub-commands for IT (DESIGN.md)."""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from app.cli import command_names

    if len(argv) > 1 and (argv[1] in command_names() or argv[1] in ("-h", "--help")):
        from app.cli import run

        return run(argv[1:])
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
