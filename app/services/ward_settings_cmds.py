"""Changing a ward's nurse-side settings (app/services/ward_settings.py) from the 病区设置 screen:
a head nurse (or an administrator) sets the overdue tolerance, the skin-test reading time and
validity, the batch re-test rule and each frequency's default times on her ward.

`SaveWardSettings` carries the values the nurse saw next to the ones she typed: app_setting has
no version column, so the handler compares what is stored with what she saw and refuses with a
conflict when someone else changed one of those settings meanwhile (never a silent overwrite).
Each changed setting is one audit record (entity the ward) with its name, before and after.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from app.domain import roles
from app.errors import ConflictError, ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import handles
from app.services.uow import UnitOfWork
from app.services.ward_settings import setting_key
from app.store.schema import app_setting, freq, ward

# name -> (lowest, highest) for the whole-number settings; their meaning in ward_settings.py.
NUMBERS: dict[str, tuple[int, int]] = {"overdue_minutes": (0, 24 * 60), "skin_read_minutes": (1, 120),
                                      "skin_valid_hours": (1, 24 * 30), "crit_ack_minutes": (0, 60),
                                      "crit_note_hours": (1, 24)}
FLAGS = ("retest_on_batch",)
TIMES = ("io_boundary",)               # a time of day, HH:MM
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class SaveWardSettings(Command):
    ward_id: str
    values: dict[str, str]                 # name -> new value ("" = back to the default)
    seen: dict[str, Optional[str]]         # name -> the value shown when the screen was read


register(SaveWardSettings)


def normalize(conn: Connection, name: str, value: str) -> Optional[str]:
    """The value as stored (None: unset, the default applies), or a ValidationError naming the
    field and the allowed range."""
    text = value.strip()
    if text == "":
        return None
    if name in NUMBERS:
        low, high = NUMBERS[name]
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError("ward_settings.out_of_range", field=name, low=low, high=high)
        return str(int(text))
    if name in TIMES:
        if not _TIME.match(text):
            raise ValidationError("ward_settings.bad_time", field=name, value=text)
        return text
    if name == "shifts":
        from app.domain.nurse_shift import DEFAULT_SHIFTS, parse_shifts

        # parse_shifts answers its DEFAULT_SHIFTS object itself for a value that does not tile the
        # day (for the readers' sake); a good value, even the default's, is a new tuple.
        if parse_shifts(text) is DEFAULT_SHIFTS:
            raise ValidationError("ward_settings.bad_shifts", field=name)
        return text.replace(" ", "")
    if name == "label_size":
        from app.services.ward_settings import LABEL_HEIGHTS, LABEL_WIDTHS, parse_label_size

        size = parse_label_size(text)
        if size is None:
            raise ValidationError("ward_settings.bad_label_size", field=name, low_w=LABEL_WIDTHS[0],
                                  high_w=LABEL_WIDTHS[1], low_h=LABEL_HEIGHTS[0], high_h=LABEL_HEIGHTS[1])
        return f"{size[0]}x{size[1]}"
    if name in FLAGS:
        if text not in ("0", "1"):
            raise ValidationError("ward_settings.bad_flag", field=name)
        return text
    if name.startswith("freq:"):
        code = name[5:]
        row = conn.execute(select(freq.c.times_per_day, freq.c.interval_hours, freq.c.every_days)
                           .where(freq.c.code == code)).first()
        if row is None:
            raise ValidationError("ward_settings.unknown_freq", field=name, code=code)
        times = [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]
        bad = next((t for t in times if not _TIME.match(t)), None)
        if bad is not None:
            raise ValidationError("ward_settings.bad_time", field=name, value=bad)
        if len(set(times)) != len(times):
            raise ValidationError("ward_settings.duplicate_time", field=name)
        per_day = row.times_per_day
        if per_day is not None and float(per_day) >= 1 and int(row.every_days or 1) == 1 \
                and len(times) != int(per_day):
            raise ValidationError("ward_settings.time_count", field=name, code=code, n=int(per_day))
        return ",".join(sorted(times))
    raise ValidationError("ward_settings.unknown", field=name)


@handles(SaveWardSettings, roles.WARD_MANAGE)
def save_ward_settings(uow: UnitOfWork, cmd: SaveWardSettings) -> Changes:
    conn = uow.conn
    if conn.execute(select(ward.c.id).where(ward.c.id == cmd.ward_id)).first() is None:
        raise ValidationError("not_found", entity="ward", id=cmd.ward_id)
    wanted = {name: normalize(conn, name, value) for name, value in cmd.values.items()}
    keys = {name: setting_key(cmd.ward_id, name) for name in wanted}
    stored = {str(k): v for k, v in conn.execute(select(app_setting.c.skey, app_setting.c.svalue)
                                                 .where(app_setting.c.skey.in_(list(keys.values()))))}
    changed: list[str] = []
    for name, value in wanted.items():
        now = stored.get(keys[name])
        if name in cmd.seen and cmd.seen[name] != now:
            raise ConflictError("ward_settings.changed_meanwhile", entity="app_setting",
                                id=keys[name], field=name)
        if now == value:
            continue
        if value is None:
            conn.execute(delete(app_setting).where(app_setting.c.skey == keys[name]))
        elif keys[name] in stored:
            conn.execute(update(app_setting).where(app_setting.c.skey == keys[name]).values(svalue=value))
        else:
            conn.execute(insert(app_setting).values(skey=keys[name], svalue=value))
        uow.audit(AuditEntry("update", kinds.SETTING, cmd.ward_id, cmd.actor_id, None,   # ids <= 36
                             {"setting": name, "value": now}, {"setting": name, "value": value},
                             cmd.op_id))
        changed.append(name)
    return Changes.of(kinds.SETTING, [cmd.ward_id]) if changed else Changes()


@dataclass(frozen=True)
class FreqRow:
    code: str
    name: str
    times_per_day: Optional[float]
    dictionary_times: str                  # the frequency dictionary's own default times


@dataclass(frozen=True)
class SettingsView:
    """What the 病区设置 screen shows: each setting as stored on the ward (None: the default
    applies), the defaults, and the frequencies whose times the ward may set."""

    ward_id: str
    stored: dict[str, Optional[str]]
    defaults: dict[str, str]
    freqs: tuple[FreqRow, ...]


def settings_view(conn: Connection, ward_id: str) -> SettingsView:
    """Two statements: the ward's settings and the frequency dictionary."""
    from app.domain.nurse_shift import DEFAULT_SETTING
    from app.services.ward_settings import NurseSettings

    prefix = setting_key(ward_id, "")
    stored_rows = {str(k)[len(prefix):]: v for k, v in conn.execute(
        select(app_setting.c.skey, app_setting.c.svalue).where(app_setting.c.skey.like(prefix + "%")))}
    freqs = tuple(FreqRow(str(r.code), str(r.name),
                          float(r.times_per_day) if r.times_per_day is not None else None,
                          str(r.slots or ""))
                  for r in conn.execute(select(freq.c.code, freq.c.name, freq.c.times_per_day, freq.c.slots)
                                        .order_by(freq.c.sort_key, freq.c.code)))
    d = NurseSettings()
    defaults = {"overdue_minutes": str(d.overdue_minutes),
                "skin_read_minutes": str(d.skin_read_minutes),
                "skin_valid_hours": str(d.skin_valid_hours),
                "retest_on_batch": "1" if d.retest_on_batch else "0",
                "io_boundary": d.io_boundary.strftime("%H:%M"), "shifts": DEFAULT_SETTING,
                "label_size": f"{d.label_size[0]}x{d.label_size[1]}",
                "crit_ack_minutes": str(d.crit_ack_minutes),
                "crit_note_hours": str(d.crit_note_hours)}
    names = list(defaults) + [f"freq:{f.code}" for f in freqs if f.dictionary_times]
    return SettingsView(ward_id, {n: stored_rows.get(n) for n in names}, defaults, freqs)
