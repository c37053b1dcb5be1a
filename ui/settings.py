"""All user settings declared once, with defaults (STYLE.md rule 11, the Picard pattern).

The GUI thread owns the one QSettings object; workers only ever get a frozen `SettingsSnapshot`
(Picard deadlocked on a QSettings shared between threads).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any, Callable, Optional

from ui.qt import QSettings

ORGANIZATION = "WardStation"
APPLICATION = "WardStation"
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class SettingsSnapshot:
    """The settings registry: every option with its default. Immutable, safe to hand to workers."""

    language: str = "zh_CN"
    idle_lock_minutes: float = 10.0          # 0 disables the automatic lock
    health_check_seconds: int = 5            # connection state poll through the driver: an outage
    #                                          is seen within this + the 3 s timeout (issue 15: 10 s)
    health_check_timeout_seconds: float = 3.0
    ward_view_mode: str = "cards"            # cards | list
    last_login: str = ""
    last_ward_id: str = ""
    window_geometry: str = ""                # hex of QWidget.saveGeometry()


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "language": lambda v: str(v) if str(v) in LANGUAGES else "zh_CN",
    "idle_lock_minutes": lambda v: max(0.0, float(v)),
    "health_check_seconds": lambda v: max(5, int(v)),
    "health_check_timeout_seconds": lambda v: max(0.5, float(v)),
    "ward_view_mode": lambda v: "list" if str(v) == "list" else "cards",
    "last_login": str,
    "last_ward_id": str,
    "window_geometry": str,
}


def _make_qsettings(path: Optional[str]) -> QSettings:
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    # ~/.config/WardStation/WardStation.conf (XDG config dir) on Linux.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """Reads and writes the registry through QSettings, on the GUI thread only.

    `WARDSTATION_SETTINGS` (a file path) overrides the location: tests and the benchmark use it.
    """

    def __init__(self, path: Optional[str] = None) -> None:
        self._qs = _make_qsettings(path or os.environ.get("WARDSTATION_SETTINGS"))
        self._snapshot = self._load()

    def _load(self) -> SettingsSnapshot:
        values: dict[str, Any] = {}
        defaults = SettingsSnapshot()
        for f in fields(SettingsSnapshot):
            raw = self._qs.value(f.name, None)
            if raw is None:
                continue
            try:
                values[f.name] = _CONVERTERS[f.name](raw)
            except (TypeError, ValueError):
                values[f.name] = getattr(defaults, f.name)
        return replace(defaults, **values)

    def snapshot(self) -> SettingsSnapshot:
        return self._snapshot

    def update(self, **changes: Any) -> SettingsSnapshot:
        """Validate, persist and return the new snapshot."""
        clean = {k: _CONVERTERS[k](v) for k, v in changes.items()}
        self._snapshot = replace(self._snapshot, **clean)
        for k, v in clean.items():
            self._qs.setValue(k, v)
        self._qs.sync()
        return self._snapshot

    def file_name(self) -> str:
        return str(self._qs.fileName())
