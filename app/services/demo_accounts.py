"""The demo logins shown on the login page: read from resources/demo/ward.json alone, so a
start on an existing demo database does not import the seeder (pinyin, argon2, history)."""
from __future__ import annotations

import json
import pathlib

DEMO_FILE = pathlib.Path(__file__).resolve().parents[2] / "resources" / "demo" / "ward.json"


with open(DEMO_FILE, encoding="utf-8") as _f:
    _SPEC = json.load(_f)

DEMO_WARD_CODE: str = _SPEC["ward"]["code"]


def _accounts() -> list[tuple[str, str, str]]:
    spec = _SPEC
    passwords = {st["key"]: st["password"] for st in spec["staff"]}
    return [(login, passwords[login], label) for login, label in spec["login_accounts"]]


# (login, password, role label id) for the login screen's demo hint.
DEMO_ACCOUNTS: list[tuple[str, str, str]] = _accounts()
