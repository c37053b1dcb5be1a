"""Every command survives the outbox: to_payload -> JSON text -> from_payload gives back an equal
command (aware datetimes with any offset, decimals, dates, nested values), whatever its fields."""
from __future__ import annotations

import dataclasses
import json
import typing
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import commands
from app.services.handlers import _load_handlers

_load_handlers()           # every module that registers command types

ZONES = st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-12 * 60, 14 * 60))
SCALARS: dict[Any, st.SearchStrategy[Any]] = {
    str: st.text(max_size=40),
    int: st.integers(-(2**53), 2**53),
    float: st.floats(allow_nan=False, allow_infinity=False),
    bool: st.booleans(),
    datetime: st.datetimes(timezones=ZONES),
    date: st.dates(),
    Decimal: st.decimals(allow_nan=False, allow_infinity=False, places=4),
}


def strategy(hint: Any) -> st.SearchStrategy[Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in SCALARS:
        return SCALARS[hint]
    if origin is typing.Union:
        return st.one_of(*[strategy(a) for a in args])
    if hint is type(None):
        return st.none()
    if origin in (list, tuple) and args:
        inner = strategy(args[0])
        items = st.lists(inner, max_size=4)
        return items if origin is list else items.map(tuple)
    if origin is dict and args:
        return st.dictionaries(st.text(max_size=8), strategy(args[1]), max_size=4)
    if dataclasses.is_dataclass(hint):
        return st.builds(hint, **{f.name: strategy(t) for f, t in _fields(hint)})
    raise AssertionError(f"no strategy for {hint!r}: add one")


def _fields(cls: Any) -> list[tuple[Any, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


@pytest.mark.parametrize("name", sorted(commands.COMMAND_TYPES))
def test_command_survives_a_json_round_trip(name: str) -> None:
    cls = commands.COMMAND_TYPES[name]

    @settings(max_examples=60, deadline=None)
    @given(strategy(cls))
    def round_trip(cmd: Any) -> None:
        text = json.dumps(commands.to_payload(cmd))
        again = commands.from_payload(json.loads(text))
        assert again == cmd and type(again) is cls
        for f in dataclasses.fields(cmd):
            assert type(getattr(again, f.name)) is type(getattr(cmd, f.name)), f.name

    round_trip()


def test_payload_carries_its_version_and_a_newer_one_is_refused() -> None:
    cmd = commands.SetAcuity(op_id="o", actor_id="a", device_time=datetime.now(timezone.utc),
                             encounter_id="e", base_version=1, acuity="critical")
    payload = commands.to_payload(cmd)
    assert payload["v"] == commands.PAYLOAD_VERSION
    with pytest.raises(ValueError, match="newer"):
        commands.from_payload(dict(payload, v=commands.PAYLOAD_VERSION + 1))
    with pytest.raises(ValueError):
        commands.to_payload(dataclasses.replace(cmd, device_time=datetime(2024, 1, 1)))
