"""WardStation entry point: the GUI by default, admin sub-commands for IT (DESIGN.md).

app.cli's parser decides: a command runs without importing Qt; the GUI starts only for no
arguments, `--profile NAME` and Qt's own options; anything else is a usage error (exit 2).
"""
from __future__ import annotations

import os
import sys
from typing import Mapping, Optional


def no_display(platform_given: bool, environ: Mapping[str, str], system: str) -> Optional[str]:
    """Why the GUI cannot open a window here (Qt would abort with a core dump), or None."""
    if platform_given or not system.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("no display: neither DISPLAY nor WAYLAND_DISPLAY is set; start the GUI in a desktop "
            "session (for the command line see: --help)")


def main(argv: list[str]) -> int:
    from app.cli import EXIT_FAILURE, GuiStart, dispatch, fail

    outcome = dispatch(argv[1:])
    if not isinstance(outcome, GuiStart):
        return outcome
    problem = no_display(outcome.platform_given(), os.environ, sys.platform)
    if problem is not None:
        return fail(problem, EXIT_FAILURE)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
