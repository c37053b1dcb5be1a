"""`order-check --input FILE.json|-`: the order checker for scripts and IT (shared/cds/FORMAT.md).

Valid input prints {"alerts": [...]} and exits 0 whatever the alerts; invalid input prints one
plain line on standard error and exits 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli import EXIT_OK, EXIT_USAGE, fail


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("order-check", help="check medication orders (JSON in, JSON out)")
    parser.add_argument("--input", required=True, help="request JSON file, or - for standard input")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from app.checks import CheckInputError, KnowledgeError, check_orders, from_json, to_json

    try:
        if args.input == "-":
            text = sys.stdin.read()
        else:
            with open(args.input, encoding="utf-8-sig") as handle:
                text = handle.read()
    except OSError as exc:
        return fail(f"cannot read {args.input}: {exc.strerror}", EXIT_USAGE)
    except UnicodeDecodeError:
        return fail(f"{args.input}: not UTF-8 text", EXIT_USAGE)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return fail(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", EXIT_USAGE)
    try:
        alerts = check_orders(from_json(raw))
    except CheckInputError as exc:
        return fail(f"invalid input: {exc}", EXIT_USAGE)
    except KnowledgeError as exc:
        return fail(f"knowledge base: {exc}")
    text = json.dumps(to_json(alerts), ensure_ascii=False, indent=1) + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:  # UTF-8 whatever the console locale (a server may run with LANG=C)
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
    return EXIT_OK
