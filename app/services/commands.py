"""Commands: what a user asked for, as frozen dataclasses (STYLE.md rule 6).

Each carries its client `op_id` (so a replay is applied once), the acting staff id, the time on
the device and the base `version` of every row it changes. The offline outbox stores exactly
these and replays them through the same handlers; so a command holds no secret in clear text
and no database object, only values (see `to_payload` / `from_payload`).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
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


COMMAND_TYPES: dict[str, type[Command]] = {
    cls.__name__: cls
    for cls in (RecordAllergy, SetAllergyStatus, SetNursingGrade, SetAcuity, MoveBed, ChangePassword)
}


def to_payload(command: Command) -> dict[str, Any]:
    """A JSON-ready dict with the command's type: what the outbox stores."""
    data: dict[str, Any] = {"type": type(command).__name__}
    for f in dataclasses.fields(command):
        value = getattr(command, f.name)
        data[f.name] = value.isoformat() if isinstance(value, datetime) else value
    return data


def from_payload(data: dict[str, Any]) -> Command:
    cls = COMMAND_TYPES[data["type"]]
    kwargs = {k: v for k, v in data.items() if k != "type"}
    kwargs["device_time"] = as_utc(datetime.fromisoformat(kwargs["device_time"]))
    return cls(**kwargs)
