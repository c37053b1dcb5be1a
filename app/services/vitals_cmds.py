"""Charting vital signs (体征录入): facts, insert only (DESIGN.md "Facts and states").

`RecordVitals` writes one row of the ward grid (a patient's slot) or a day's bottom data or an
event: one vital_obs row per value. A value may name the row it corrects (`voids`): the old row
stays, the new one replaces it on screen and paper; the unique index on voids lets only one of
two racing corrections win (the other gets ConflictError and sees the winner). Two nurses who
chart the same patient and slot without correcting each other both keep their rows: the read
shows the later one with the earlier beside it (nothing is silently overwritten).

The checks are app/domain/vitals.py's: an impossible value is refused with its range; a value
outside the confirm range is refused once (NeedsAcknowledgement) until the nurse confirms it
(`confirmed` names the items); a time in the future or before the admission is refused.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Callable, Optional, Sequence

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import roles
from app.domain import vitals as dv
from app.errors import ConflictError, NeedsAcknowledgement, ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry, jsonable
from app.services.changes import Changes
from app.services.commands import Command, register, register_values
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.store.schema import encounter, vital_obs

CLOCK_SKEW = timedelta(minutes=5)         # a PC clock a little ahead is not "the future"
VOID = "void"                             # vital_obs.code of a row that only strikes another


@dataclass(frozen=True)
class VitalValue:
    """One typed value: a number or a code (拒测 ...), a temperature's site, what it corrects."""

    obs_id: str                           # client-made key of the new vital_obs row
    item: str
    value: Optional[Decimal] = None
    code: Optional[str] = None
    method: Optional[str] = None          # oral / axillary / rectal / cooled; catheter for urine
    note: Optional[str] = None
    voids: Optional[str] = None           # the row this one corrects
    measured_at: Optional[datetime] = None   # None: the command's measured_at (events: their time)


@dataclass(frozen=True)
class RecordVitals(Command):
    encounter_id: str
    measured_at: datetime
    values: tuple[VitalValue, ...]
    slot_at: Optional[datetime] = None    # the chart slot; None for daily data and events
    confirmed: tuple[str, ...] = ()       # items outside the confirm range the nurse re-entered
    reason: Optional[str] = None          # why, for corrections


@dataclass(frozen=True)
class VoidVital(Command):
    """Strike a value without a replacement (entered for the wrong patient ...): a void row."""

    obs_id: str                           # the row to void
    void_id: str                          # client-made key of the void row
    reason: str


register_values(VitalValue)
register(RecordVitals, VoidVital)


def _encounter(uow: UnitOfWork, encounter_id: str) -> Any:
    row = uow.conn.execute(select(encounter.c.id, encounter.c.patient_id, encounter.c.admitted_at,
                                  encounter.c.discharged_at)
                           .where(encounter.c.id == encounter_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="encounter", id=encounter_id)
    return row


def _check_time(uow: UnitOfWork, enc: Any, at: datetime) -> None:
    if at > uow.now + CLOCK_SKEW:
        raise ValidationError("vitals.in_future", at=at)
    if at < enc.admitted_at - CLOCK_SKEW:
        raise ValidationError("vitals.before_admission", at=at, admitted_at=enc.admitted_at)


def _last_weight(uow: UnitOfWork, encounter_id: str) -> Optional[Decimal]:
    found = uow.conn.execute(
        select(vital_obs.c.num_value).where(vital_obs.c.encounter_id == encounter_id)
        .where(vital_obs.c.item == dv.WEIGHT).where(vital_obs.c.num_value.is_not(None))
        .order_by(vital_obs.c.measured_at.desc()).limit(1)).scalar()
    return None if found is None else Decimal(str(found))


WeightOf = Callable[[str], Optional[Decimal]]     # an encounter's last charted weight


def _assess(cmd: RecordVitals, last_weight: WeightOf) -> list[tuple[VitalValue, Optional[dv.Assessment]]]:
    numbers = {v.item: v.value for v in cmd.values if v.value is not None}
    out: list[tuple[VitalValue, Optional[dv.Assessment]]] = []
    unconfirmed: list[dict[str, str]] = []
    for v in cmd.values:
        if v.item not in dv.ALL_ITEMS:
            raise ValidationError("vitals.unknown_item", item=v.item)
        if v.item == dv.STOOL and v.code is not None:
            # 大便次数 notation (1/E, ※ ...): the count is the notation's, stored beside it.
            stool = dv.parse_stool(v.code)
            out.append((v, dv.Assessment(dv.STOOL, Decimal(stool.total))))
            continue
        if (v.value is None) == (v.code is None):
            raise ValidationError("vitals.value_or_code", item=v.item)
        if v.item == dv.EVENT:
            if v.code not in dv.EVENTS:
                raise ValidationError("vitals.bad_event", code=v.code)
            out.append((v, None))
            continue
        if v.item == dv.TEMP:
            dv.check_site(v.method)
        if v.code is not None:
            dv.check_code(v.item, v.code)
            out.append((v, None))
            continue
        assert v.value is not None
        last = last_weight(cmd.encounter_id) if v.item == dv.WEIGHT else None
        a = dv.assess(v.item, v.value, sbp=numbers.get(dv.SBP) if v.item == dv.DBP else None,
                      last_weight=last)
        if a.needs_confirm and v.item not in cmd.confirmed:
            unconfirmed.append({"item": v.item, "value": str(a.value)})
        out.append((v, a))
    if unconfirmed:
        raise NeedsAcknowledgement("vitals.confirm", items=unconfirmed,
                                   item=unconfirmed[0]["item"], value=unconfirmed[0]["value"])
    return out


def void_targets(uow: UnitOfWork, ids: Sequence[str]) -> dict[str, Any]:
    """The rows these corrections name, by id (id, encounter_id, voided, code)."""
    if not ids:
        return {}
    rows = uow.conn.execute(select(vital_obs.c.id, vital_obs.c.encounter_id, vital_obs.c.voided,
                                   vital_obs.c.code)
                            .where(vital_obs.c.id.in_(list(ids)))).all()
    return {r.id: r for r in rows}


def _check_voids(encounter_id: str, ids: list[str], found: dict[str, Any]) -> None:
    for i in ids:
        r = found.get(i)
        if r is None or r.encounter_id != encounter_id:
            raise ValidationError("not_found", entity="vital_obs", id=i)
        if r.voided or r.code == VOID:
            raise ConflictError("vitals.already_corrected", id=i)


def _insert(uow: UnitOfWork, rows: list[dict[str, Any]]) -> None:
    try:
        with uow.conn.begin_nested():
            uow.conn.execute(insert(vital_obs), rows)
    except IntegrityError:
        # uq_vital_obs_voids: someone corrected one of these rows first (or the key is reused).
        corrected = [r["voids"] for r in rows if r["voids"]]
        raise ConflictError("vitals.already_corrected", ids=corrected) from None


def _row(cmd: Command, encounter_id: str, at: datetime, slot_at: Optional[datetime], now: datetime,
         **values: Any) -> dict[str, Any]:
    base = {"encounter_id": encounter_id, "measured_at": at, "slot_at": slot_at,
            "num_value": None, "code": None, "method": None, "note": None,
            "recorded_by": cmd.actor_id, "device_time": cmd.device_time, "received_at": now,
            "voided": False, "void_reason": None, "created_at": now, "voids": None,
            "op_id": cmd.op_id}
    base.update(values)
    return base


def vitals_rows(uow: UnitOfWork, cmd: RecordVitals, enc: Any, last_weight: WeightOf,
                targets: dict[str, Any]) -> list[dict[str, Any]]:
    """RecordVitals' checks and its vital_obs rows: `enc` its encounter row (None: not found),
    `targets` the rows its corrections name (void_targets). Shared by the handler and its
    set-based replay form (app/offline/batch_vitals.py), so both refuse alike."""
    if not cmd.values:
        raise ValidationError("vitals.nothing_to_record")
    if enc is None:
        raise ValidationError("not_found", entity="encounter", id=cmd.encounter_id)
    for at in {v.measured_at or cmd.measured_at for v in cmd.values}:
        _check_time(uow, enc, at)
    checked = _assess(cmd, last_weight)
    voids = [v.voids for v in cmd.values if v.voids]
    if len(set(voids)) != len(voids):
        raise ValidationError("vitals.corrected_twice")
    _check_voids(cmd.encounter_id, voids, targets)
    rows = []
    for v, a in checked:
        value = a.value if a is not None else None
        if v.item == dv.STOOL and v.code is not None:
            code: Optional[str] = dv.parse_stool(v.code).code()      # ASCII: ※ is stored "*"
        else:
            code = v.code if a is None else a.chart_code
        rows.append(_row(cmd, cmd.encounter_id, v.measured_at or cmd.measured_at,
                         None if v.item == dv.EVENT else cmd.slot_at, uow.now,
                         id=v.obs_id, item=v.item, num_value=value, code=code, method=v.method,
                         note=(v.note or cmd.reason or None) if v.voids else v.note,
                         voids=v.voids))
    return rows


def audit_vitals(uow: UnitOfWork, cmd: RecordVitals, patient_id: str, rows: list[dict[str, Any]]) -> None:
    uow.audit(AuditEntry("create", kinds.VITALS, cmd.encounter_id, cmd.actor_id, patient_id,
                         None, {"obs": jsonable([{k: r[k] for k in ("id", "item", "num_value", "code",
                                                                      "method", "measured_at", "voids")}
                                                  for r in rows]),
                                "slot_at": jsonable(cmd.slot_at), "confirmed": list(cmd.confirmed)},
                         cmd.op_id))


@handles(RecordVitals, roles.VITALS_CHART)
def record_vitals(uow: UnitOfWork, cmd: RecordVitals) -> Changes:
    enc = _encounter(uow, cmd.encounter_id) if cmd.values else None
    targets = void_targets(uow, [v.voids for v in cmd.values if v.voids])
    rows = vitals_rows(uow, cmd, enc, lambda eid: _last_weight(uow, eid), targets)
    assert enc is not None                # vitals_rows refused a missing one
    _insert(uow, rows)
    audit_vitals(uow, cmd, enc.patient_id, rows)
    return Changes.of(kinds.VITALS, [cmd.encounter_id], [enc.patient_id])


@handles(VoidVital, roles.VITALS_CHART)
def void_vital(uow: UnitOfWork, cmd: VoidVital) -> Changes:
    reason = cmd.reason.strip()
    if not reason:
        raise ValidationError("vitals.reason_required")
    old = uow.conn.execute(select(vital_obs).where(vital_obs.c.id == cmd.obs_id)).mappings().first()
    if old is None:
        raise ValidationError("not_found", entity="vital_obs", id=cmd.obs_id)
    enc = _encounter(uow, old["encounter_id"])
    # The void row (code VOID) carries the item and no value: the read drops both.
    _insert(uow, [_row(cmd, old["encounter_id"], old["measured_at"], old["slot_at"], uow.now,
                       id=cmd.void_id, item=old["item"], code=VOID, note=reason[:60],
                       voids=cmd.obs_id, void_reason=reason[:60])])
    uow.audit(AuditEntry("void", kinds.VITALS, old["encounter_id"], cmd.actor_id, enc.patient_id,
                         jsonable(dict(old)), {"void_id": cmd.void_id, "reason": reason}, cmd.op_id))
    return Changes.of(kinds.VITALS, [old["encounter_id"]], [enc.patient_id])
