"""WardStation entry point: the GUI by default, admin sub-commands for IT (DESIGN.md).

app.cli's parser decides: a command runs without importing Qt; the GUI starts only for no
arguments, `--profile NAME` and Qt's own options; anything else is a usage error (exit 2).

The GUI's own arguments are recognised here first, by hand (`gui_only`), so a GUI start does not
import the command line (argparse and every command module: ~15 ms of the start-up,
bench/startup.py). The option sets below are app.cli's (tests/e2e/test_startup.py checks they
agree); whatever `gui_only` does not recognise goes to app.cli, which starts the GUI or prints
the one-line usage error.
"""
from __future__ import annotations

import os
import sys
from typing import Mapping, Optional, Sequence

# The same as app.cli's QT_VALUE_OPTIONS / QT_FLAG_OPTIONS / QT_EQUALS_OPTIONS.
QT_VALUE_OPTIONS = frozenset({
    "-platform", "-platformtheme", "-style", "-stylesheet", "-session",
    "-qwindowgeometry", "-qwindowtitle", "-qwindowicon",
    "-display", "-geometry", "-title", "-icon", "-name",
})
QT_FLAG_OPTIONS = frozenset({"-reverse"})
QT_EQUALS_OPTIONS = ("-style=", "-stylesheet=")
PLATFORM_OPTIONS = frozenset({"-platform", "-display"})


def no_display(platform_given: bool, environ: Mapping[str, str], system: str) -> Optional[str]:
    """Why the GUI cannot open a window here (Qt would abort with a core dump), or None."""
    if platform_given or not system.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("no display: neither DISPLAY nor WAYLAND_DISPLAY is set; start the GUI in a desktop "
            "session (for the command line see: --help)")


def _qt_name(arg: str) -> str:
    name = arg[1:] if arg.startswith("--") else arg
    return name.split("=", 1)[0] + "=" if name.startswith(QT_EQUALS_OPTIONS) else name


def gui_only(args: Sequence[str]) -> Optional[tuple[Optional[str], bool]]:
    """For arguments that only ask for the GUI (none, one `--profile NAME`, Qt's options, as
    app.cli takes them): the profile (None: the demo database) and whether they name a platform
    plugin or an X display. None for anything else, and for anything in doubt: app.cli decides."""
    profile: Optional[str] = None
    platform_given = False
    seen_profile = False
    i = 0
    while i < len(args):
        arg = args[i]
        name = _qt_name(arg)
        if name in QT_VALUE_OPTIONS and i + 1 < len(args):
            platform_given = platform_given or name in PLATFORM_OPTIONS
            i += 2
        elif name in QT_FLAG_OPTIONS or (name in QT_EQUALS_OPTIONS and len(arg) > len(name)):
            i += 1
        elif arg == "--profile" and not seen_profile and i + 1 < len(args) \
                and args[i + 1].strip() and not args[i + 1].startswith("-"):
            profile, seen_profile = args[i + 1], True
            i += 2
        elif arg.startswith("--profile=") and not seen_profile and arg[len("--profile="):].strip():
            profile, seen_profile = arg[len("--profile="):], True
            i += 1
        else:
            return None
    return profile, platform_given


def main(argv: list[str]) -> int:
    gui = gui_only(argv[1:])
    if gui is None:
        from app.cli import GuiStart, dispatch

        outcome = dispatch(argv[1:])
        if not isinstance(outcome, GuiStart):
            return outcome
        gui = (outcome.profile, outcome.platform_given())
    profile, platform_given = gui
    problem = no_display(platform_given, os.environ, sys.platform)
    if problem is not None:
        from app.cli import EXIT_FAILURE, fail

        return fail(problem, EXIT_FAILURE)
    from ui.app import run_gui

    return run_gui(argv, profile)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
