"""Commands: what a user asked for, as frozen dataclasses (STYLE.md rule 6).

Each carries its client `op_id` (so a replay is applied once), the acting staff id, the time on
the device and the base `version` of every row it changes. The offline outbox stores exactly
these and replays them through the same handlers; so a command holds no secret in clear text
and no database object, only values (see `to_payload` / `from_payload`).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional

from app.clock import as_utc


@dataclass(frozen=True)
class Command:
    op_id: str
    actor_id: str              # staff.id of the signed-in user
    device_time: datetime      # aware; when the user acted, on this PC


@dataclass(frozen=True)
class RecordAllergy(Command):
    patient_id: str
    allergy_id: str            # client-made key: a replay cannot duplicate it
    substance: str
    reaction: Optional[str] = None
    severity: Optional[str] = None   # mild / moderate / severe
    source: str = "history"          # history / skin_test
    drug_code: Optional[str] = None


@dataclass(frozen=True)
class SetAllergyStatus(Command):
    allergy_id: str
    base_version: int
    status: str                # active / refuted / error
    reason: Optional[str] = None


@dataclass(frozen=True)
class SetNursingGrade(Command):
    encounter_id: str
    base_version: int
    nursing_grade: int         # 0 特级, 1 一级, 2 二级, 3 三级


@dataclass(frozen=True)
class SetAcuity(Command):
    encounter_id: str
    base_version: int
    acuity: str                # critical / serious / stable


@dataclass(frozen=True)
class MoveBed(Command):
    encounter_id: str
    base_version: int
    to_bed_id: str
    move_id: str               # client-made key of the bed_move row
    reason: Optional[str] = None


@dataclass(frozen=True)
class ChangePassword(Command):
    """Carries the new argon2 hash, never the password (auth.change_password builds it)."""

    staff_id: str
    base_version: int
    new_hash: str = dataclasses.field(repr=False)


PAYLOAD_VERSION = 1          # bump when a command's fields change; from_payload upgrades old ones

COMMAND_TYPES: dict[str, type[Command]] = {}
# Frozen dataclasses a command may hold as a field value (order fields, override reasons ...).
VALUE_TYPES: dict[str, type[Any]] = {}


def register(*classes: type[Command]) -> None:
    """Make command types known to the outbox (later modules add their own)."""
    for cls in classes:
        COMMAND_TYPES[cls.__name__] = cls


def register_values(*classes: type[Any]) -> None:
    for cls in classes:
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls.__name__} is not a dataclass")
        VALUE_TYPES[cls.__name__] = cls


register(RecordAllergy, SetAllergyStatus, SetNursingGrade, SetAcuity, MoveBed, ChangePassword)


def _encode(value: Any) -> Any:
    """JSON values that decode to exactly what went in: an aware datetime, a Decimal, a date,
    tuples and nested containers are tagged; plain str/int/float/bool/None pass as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if VALUE_TYPES.get(name) is not type(value):
            raise ValueError(f"{name} is not a registered command value type")
        return {"$value": name, "fields": {f.name: _encode(getattr(value, f.name))
                                           for f in dataclasses.fields(value)}}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a command holds only aware datetimes (app.clock.as_utc)")
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise ValueError("command mappings need string keys")
        return {"$map": {k: _encode(v) for k, v in value.items()}}
    if isinstance(value, float) and value != value:
        raise ValueError("NaN does not survive JSON")
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$dec" in value:
            return Decimal(value["$dec"])
        if "$tuple" in value:
            return tuple(_decode(v) for v in value["$tuple"])
        if "$map" in value:
            return {k: _decode(v) for k, v in value["$map"].items()}
        if "$value" in value:
            cls = VALUE_TYPES.get(str(value["$value"]))
            if cls is None:
                raise ValueError(f"unknown command value type {value['$value']!r}")
            return cls(**{k: _decode(v) for k, v in value["fields"].items()})
        raise ValueError(f"unknown tagged value: {sorted(value)}")
    return value


def to_payload(command: Command) -> dict[str, Any]:
    """A JSON-ready dict with the command's type and payload version: what the outbox stores."""
    data: dict[str, Any] = {"type": type(command).__name__, "v": PAYLOAD_VERSION}
    for f in dataclasses.fields(command):
        data[f.name] = _encode(getattr(command, f.name))
    return data


def from_payload(data: dict[str, Any]) -> Command:
    """The command again, equal to the one that was stored (after a JSON round trip too)."""
    cls = COMMAND_TYPES.get(str(data.get("type")))
    if cls is None:
        raise ValueError(f"unknown command type {data.get('type')!r}")
    version = int(data.get("v", 0))
    if version > PAYLOAD_VERSION:
        raise ValueError(f"payload version {version} is newer than this client ({PAYLOAD_VERSION})")
    kwargs = {k: _decode(v) for k, v in data.items() if k not in ("type", "v")}
    if version == 0 and isinstance(kwargs.get("device_time"), str):   # stored before versions
        kwargs["device_time"] = as_utc(datetime.fromisoformat(kwargs["device_time"]))
    return cls(**kwargs)
