"""`order-check --input FILE.json|-`: the order checker for scripts and IT (shared/cds/FORMAT.md).
`order-check --coverage`: the knowledge base's coverage of the ward drug dictionary, per facet.

Valid input prints {"alerts": [...]} and exits 0 whatever the alerts; invalid input prints one
plain line on standard error and exits 2. The input is refused without being checked when it is
not a regular file (a directory, device or FIFO: use `--input -` for a pipe), larger than
MAX_INPUT_BYTES (2 MiB; at most that much plus one byte is ever read), not UTF-8, not JSON (NaN
and Infinity included), nested too deeply, or beyond the request limits of app.checks.model.
"""
from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from typing import Any, BinaryIO, Optional

from app.cli import EXIT_OK, EXIT_USAGE, drop_stdout, fail

MAX_INTEGER_DIGITS = 40  # longer integer literals are garbage (and int() of them is quadratic)
READ_CHUNK = 1 << 16


class InputProblem(Exception):
    """The input cannot be read or decoded: the message is the whole line."""


class _JsonValueProblem(ValueError):
    pass


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("order-check", help="check medication orders (JSON in, JSON out)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--input", metavar="FILE",
                      help="request JSON file (at most 2 MiB), or - for standard input")
    what.add_argument("--coverage", action="store_true",
                      help="print, per facet, how many dictionary drugs the knowledge base covers")
    parser.set_defaults(handler=_run)


def _coverage() -> int:
    """The knowledge-base coverage table (issue 18); exit 1 when a dictionary drug lacks a facet."""
    from app.checks import KnowledgeError
    from app.checks.coverage import coverage, render

    try:
        result = coverage()
    except KnowledgeError as exc:
        return fail(f"knowledge base: {exc}")
    try:
        _write(render(result) + "\n")
    except BrokenPipeError:
        raise
    except OSError as exc:
        drop_stdout()
        return fail(f"cannot write the result: {exc.strerror or type(exc).__name__}")
    return EXIT_OK if result.complete else 1


def _run(args: argparse.Namespace) -> int:
    from app.checks import CheckInputError, KnowledgeError, check_orders, from_json, to_json
    from app.checks.model import MAX_INPUT_BYTES

    if args.coverage:
        return _coverage()

    try:
        data = read_input(args.input, MAX_INPUT_BYTES)
        raw = parse_json(data, args.input)
    except InputProblem as problem:
        return fail(str(problem), EXIT_USAGE)
    try:
        alerts = check_orders(from_json(raw))
    except CheckInputError as exc:
        return fail(f"invalid input: {exc}", EXIT_USAGE)
    except KnowledgeError as exc:
        return fail(f"knowledge base: {exc}")
    text = json.dumps(to_json(alerts), ensure_ascii=False, indent=1) + "\n"
    try:
        _write(text)
    except BrokenPipeError:
        raise  # the reader went away: app.cli says so once and silences the exit flush
    except OSError as exc:
        drop_stdout()
        return fail(f"cannot write the result: {exc.strerror or type(exc).__name__}")
    return EXIT_OK


def _write(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:  # UTF-8 whatever the console locale (a server may run with LANG=C)
        sys.stdout.flush()
        buffer.write(text.encode("utf-8", "backslashreplace"))
        buffer.flush()
    else:
        sys.stdout.write(text)


def _label(name: str) -> str:
    return "standard input" if name == "-" else name


def read_input(name: str, limit: int) -> bytes:
    """The bytes of FILE or standard input ('-'): never more than limit + 1 are read, a FIFO or
    device is refused before any read (it could block or never end)."""
    data = _read_stdin(limit) if name == "-" else _read_file(name, limit)
    if len(data) > limit:
        raise InputProblem(f"{_label(name)}: too large (more than {limit} bytes; the limit is "
                           f"{limit // (1024 * 1024)} MiB)")
    return data


def _read_stdin(limit: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputProblem("--input -: there is no standard input")
    try:
        if stream.isatty():
            raise InputProblem("--input -: standard input is a terminal; pipe or redirect the JSON "
                               "into it (… < request.json)")
        buffer: Optional[BinaryIO] = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream (tests): read characters, count bytes
            return stream.read(limit + 1).encode("utf-8", "surrogatepass")
        return buffer.read(limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: closed
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InputProblem(f"cannot read standard input: {reason}") from None


def _read_file(name: str, limit: int) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InputProblem(f"cannot read {name}: {reason}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputProblem(f"cannot read {name}: it is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem(f"cannot read {name}: not a regular file (a device, FIFO or socket); "
                               "for a pipe use --input -")
        if info.st_size > limit:
            raise InputProblem(f"{name}: too large ({info.st_size} bytes; the limit is "
                               f"{limit // (1024 * 1024)} MiB)")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, READ_CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputProblem(f"cannot read {name}: {exc.strerror or type(exc).__name__}") from None
    finally:
        os.close(fd)


def _reject_constant(name: str) -> Any:
    raise _JsonValueProblem(f"{name} is not a JSON number (use null for unknown)")


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _JsonValueProblem(f"an integer of {len(digits)} digits")
    return int(digits)


def parse_json(data: bytes, name: str) -> Any:
    """Decoded JSON of a UTF-8 request (a byte-order mark is allowed); one-line problems."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputProblem(f"{_label(name)}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise InputProblem(f"{_label(name)}: empty input (expected a JSON object)")
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputProblem(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except _JsonValueProblem as exc:
        raise InputProblem(f"malformed JSON: {exc}") from None
    except RecursionError:
        raise InputProblem("malformed JSON: nested too deeply (a request is at most 4 levels deep)") \
            from None
    except (ValueError, MemoryError) as exc:
        raise InputProblem(f"malformed JSON ({type(exc).__name__})") from None
