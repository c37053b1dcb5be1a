"""The command line IT relies on (DESIGN.md "Command line").

Each module in COMMAND_MODULES exposes `register(subparsers)`; every sub-command handler returns
an exit status. Bad input gets one plain line on standard error and a non-zero exit, never a
traceback. Nothing here imports Qt: the CLI must start fast on a server console.

`dispatch(argv)` is what main.py calls: the parser built here is the one place that knows the
commands and options. It answers an exit status, or `GuiStart` when the arguments ask for the
GUI, which only these do (anything else is a usage error, exit 2, without a window):

    (nothing)                     the GUI on the embedded demo database
    --profile NAME                the GUI against a configured server profile
    Qt's own options              see QT_VALUE_OPTIONS / QT_FLAG_OPTIONS / QT_EQUALS_OPTIONS
"""
from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
import traceback
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, NoReturn, Optional, Sequence, Union

COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.db_cmds",        # db upgrade, db sql, check, profile add/list/remove
    "app.cli.demo_cmds",      # demo seed, audit verify
    "app.cli.check_cmds",     # order-check
    "app.cli.offline_cmds",   # offline status, offline replay
    "app.cli.print_cmds",     # print long-orders, temp-orders; temperature-chart (print_chart_cmds),
                              # exec-sheet, labels (print_exec_cmds), record, nursing-record,
                              # handover (print_record_cmds): one `print` group
    "app.cli.print_packet_cmds",  # print downtime-packet (after print_cmds: it joins that group)
    "app.cli.exchange_cmds",  # exchange export, send, status
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PROG = "wardstation"
MAX_MESSAGE_CHARS = 400

# Qt options the GUI accepts (QGuiApplication/QApplication and the xcb plugin read them from argv;
# Qt also accepts each spelled with two dashes). Only what changes how the window looks or where
# it shows: -platformpluginpath / -plugin (load code from any folder), -qmljsdebugger (opens a
# debugging port) and the debugging switches (-nograb, -dograb, -visual, -widgetcount) are refused.
QT_VALUE_OPTIONS = frozenset({
    "-platform", "-platformtheme", "-style", "-stylesheet", "-session",
    "-qwindowgeometry", "-qwindowtitle", "-qwindowicon",
    "-display", "-geometry", "-title", "-icon", "-name",          # X11 (xcb) spellings
})
QT_FLAG_OPTIONS = frozenset({"-reverse"})
QT_EQUALS_OPTIONS = ("-style=", "-stylesheet=")

_NEGATIVE = re.compile(r"^-\d+$|^-\d*\.\d+$")

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command line that names no known command or option: one line, exit 2."""


@dataclass(frozen=True)
class GuiStart:
    """The arguments ask for the GUI: the profile (None: embedded demo) and Qt's options."""

    profile: Optional[str]
    qt_args: tuple[str, ...] = ()

    def platform_given(self) -> bool:
        """True when the Qt options name a platform plugin or an X display."""
        names = {_qt_name(arg) for arg in self.qt_args}
        return bool(names & {"-platform", "-display"})


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and no abbreviations (`--ur` is a typo, not `--url`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(_where(self) + message)


def _where(parser: argparse.ArgumentParser) -> str:
    """'db upgrade: ' for a sub-command's parser, '' for the top level."""
    return parser.prog[len(PROG) + 1:] + ": " if parser.prog.startswith(PROG + " ") else ""


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """`text` as one printable line: control characters (newlines too) escaped, long text cut."""
    out = [ch if ch.isprintable() or unicodedata.category(ch) == "Zs"
           else ch.encode("unicode_escape", "backslashreplace").decode("ascii") for ch in text]
    line = "".join(out)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def fail(message: str, status: int = EXIT_FAILURE) -> int:
    """Print one plain line on standard error and return the exit status."""
    with contextlib.suppress(OSError, ValueError):  # standard error closed: the status still tells
        print(f"{PROG}: {one_line(message)}", file=sys.stderr, flush=True)
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="WardStation ward workstation. Without a command: "
                     "the GUI (options: --profile NAME, and Qt's -platform, -style, ...).")
    # Its own dest: a command's own --profile (offline status, exchange send ...) must not land here.
    parser.add_argument("--profile", dest="gui_profile", metavar="NAME",
                        help="the GUI against this server profile")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def command_names() -> frozenset[str]:
    """The sub-command names, as the parser knows them."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return frozenset(action.choices)
    return frozenset()


def _qt_name(arg: str) -> str:
    name = arg[1:] if arg.startswith("--") else arg
    return name.split("=", 1)[0] + "=" if name.startswith(QT_EQUALS_OPTIONS) else name


def _gui_only(argv: Sequence[str]) -> Optional[GuiStart]:
    """The GUI's own arguments without building the command parser (the GUI must start even if a
    command module is broken): Qt options and one --profile NAME; None when there is more."""
    qt: list[str] = []
    profile: Optional[str] = None
    seen_profile = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        name = _qt_name(arg)
        if name in QT_VALUE_OPTIONS:
            if i + 1 >= len(argv):
                raise UsageError(f"{arg} needs a value")
            qt += [arg, argv[i + 1]]
            i += 2
        elif name in QT_FLAG_OPTIONS or (name in QT_EQUALS_OPTIONS and len(arg) > len(name)):
            qt.append(arg)
            i += 1
        elif arg == "--profile" and not seen_profile and i + 1 < len(argv) \
                and argv[i + 1].strip() and not argv[i + 1].startswith("-"):
            profile, seen_profile = argv[i + 1], True
            i += 2
        elif arg.startswith("--profile=") and not seen_profile and arg[len("--profile="):].strip():
            profile, seen_profile = arg[len("--profile="):], True
            i += 1
        else:
            return None
    return GuiStart(profile, tuple(qt))


def _subcommands(parser: argparse.ArgumentParser) -> Optional[argparse._SubParsersAction[Any]]:
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def _looks_like_option(arg: str) -> bool:
    return arg.startswith("-") and arg != "-" and not _NEGATIVE.match(arg)


def _unknown_option(parser: argparse.ArgumentParser, argv: Sequence[str]) -> Optional[str]:
    """Name a misspelt option at whatever level it is (`db upgrade --ulr`), before argparse
    reports something else first (a missing --url, or the option's value as a bad command)."""
    current = parser
    qt_option: Optional[str] = None  # Qt's options are the GUI's: not with a command
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "--":
            return None
        if not _looks_like_option(arg):
            sub = _subcommands(current)
            if sub is not None:
                if arg not in sub.choices:
                    return _unknown_command(current, sub, arg)
                if qt_option is not None:
                    return f"{qt_option} is a Qt option: it only goes with the GUI, not with '{arg}'"
                current = sub.choices[arg]
            continue
        option = arg.split("=", 1)[0] if arg.startswith("--") else arg
        action = current._option_string_actions.get(option)
        if action is None and current is parser and _qt_name(arg) in QT_VALUE_OPTIONS:
            qt_option = arg
            i += 1
            continue
        if action is None and current is parser and (
                _qt_name(arg) in QT_FLAG_OPTIONS or (_qt_name(arg) in QT_EQUALS_OPTIONS and "=" in arg)):
            qt_option = arg.split("=", 1)[0]
            continue
        if action is None:
            where = _where(current)
            known = sorted(current._option_string_actions)
            import difflib

            close = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else ""
            return f"{where}unrecognized option '{option}'{hint} (see: {current.prog} --help)"
        if "=" in arg and arg.startswith("--"):
            continue
        if action.nargs is None:
            i += 1
        elif isinstance(action.nargs, int):
            i += action.nargs
        elif action.nargs in ("?", "*", "+"):
            while i < len(argv) and not _looks_like_option(argv[i]):
                i += 1
    return None


def _unknown_command(parser: argparse.ArgumentParser, sub: argparse._SubParsersAction[Any],
                     arg: str) -> str:
    import difflib

    kind = "command" if parser.prog == PROG else "action"
    close = difflib.get_close_matches(arg, list(sub.choices), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    return (f"{_where(parser)}unknown {kind} '{arg}'{hint} (choose from {', '.join(sub.choices)}; "
            f"see: {parser.prog} --help)")


def _chosen_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The deepest command group the arguments chose (`db` for `wardstation db`)."""
    while True:
        action = _subcommands(parser)
        chosen = getattr(args, action.dest, None) if action is not None else None
        if action is None or chosen is None or chosen not in action.choices:
            return parser
        parser = action.choices[chosen]


def _missing_action(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().split())
    sub = _subcommands(parser)
    actions = list(sub.choices) if sub is not None else []
    return f"{_where(parser)}choose one of {', '.join(actions)} ({usage}; see: {parser.prog} --help)"


def _parse(argv: Sequence[str]) -> Union[int, GuiStart, tuple[Handler, argparse.Namespace]]:
    gui = _gui_only(argv)
    if gui is not None:
        return gui
    try:
        parser = build_parser()
    except ImportError as exc:
        return fail(f"a command module cannot be loaded ({type(exc).__name__}: {exc})")
    unknown = _unknown_option(parser, argv)
    if unknown is not None:
        raise UsageError(unknown)
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as stop:  # --help / -h: help printed on standard output
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.command is None:
        # Only GUI options, but not as _gui_only takes them (--profile twice, or empty).
        if args.gui_profile is not None and not args.gui_profile.strip():
            raise UsageError("--profile needs a profile name")
        raise UsageError("the GUI takes one --profile NAME and Qt's options (see: --help)")
    if args.gui_profile is not None:
        raise UsageError(f"--profile before '{args.command}' is for the GUI only; "
                         f"see: {PROG} {args.command} --help")
    handler: Optional[Handler] = getattr(args, "handler", None)
    if handler is None:
        raise UsageError(_missing_action(_chosen_parser(parser, args)))
    return handler, args


def dispatch(argv: Sequence[str]) -> Union[int, GuiStart]:
    """main.py's entry: `argv` without the program name. An exit status when a command ran (or
    the arguments were wrong), GuiStart when they ask for the GUI."""
    try:
        parsed = _parse(argv)
    except UsageError as exc:
        return fail(f"{exc}", EXIT_USAGE)
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    if isinstance(parsed, (int, GuiStart)):
        return parsed
    handler, args = parsed
    return _call(handler, args)


def run(argv: Optional[Sequence[str]] = None) -> int:
    """The command line without the GUI (tests, scripts): GUI arguments are a usage error."""
    outcome = dispatch(sys.argv[1:] if argv is None else argv)
    if isinstance(outcome, GuiStart):
        return fail("a command is required (see: --help)", EXIT_USAGE)
    return outcome


def _call(handler: Handler, args: argparse.Namespace) -> int:
    """Run one handler; whatever escapes it still ends as one line and a non-zero exit."""
    try:
        return handler(args)
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        drop_stdout()
        return fail("standard output was closed before the output was written")
    except MemoryError:
        return fail("out of memory")
    except RecursionError:
        return fail("input nested too deeply")
    except Exception as exc:
        if os.environ.get("WARDSTATION_DEBUG"):
            traceback.print_exc()
        from app.errors import WardStationError

        if isinstance(exc, WardStationError):
            return fail(str(exc))
        return fail(f"unexpected error ({type(exc).__name__}); run with WARDSTATION_DEBUG=1 for details")


def drop_stdout() -> None:
    """After a broken pipe: point standard output at /dev/null so the exit flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
