"""Drivers by URL scheme and dialect name.

Each engine module is imported inside its own try/except: a broken or missing driver package
(say dmPython on an unsupported CPU) takes down only that engine, never the others.
"""
from __future__ import annotations

import importlib
from typing import Optional

from sqlalchemy.engine import URL, make_url

from dbdrivers.base import BadURL, Driver, mask_url

ENGINE_MODULES: tuple[str, ...] = (
    "dbdrivers.sqlite",
    "dbdrivers.postgresql",
    "dbdrivers.kingbase",
    "dbdrivers.dm",
    "dbdrivers.oracle",
)

_drivers: dict[str, Driver] = {}
_broken: dict[str, str] = {}      # module -> reason it did not load
_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for module_name in ENGINE_MODULES:
        try:
            module = importlib.import_module(module_name)
            driver: Driver = module.DRIVER
        except Exception as exc:   # one bad driver never takes the others down
            _broken[module_name] = f"{type(exc).__name__}: {exc}"
            continue
        _drivers[driver.name] = driver
    _loaded = True


def drivers() -> dict[str, Driver]:
    """Every driver that loaded, by engine name."""
    _load()
    return dict(_drivers)


def broken() -> dict[str, str]:
    """Engine modules that failed to import, with the reason (for `check` and bug reports)."""
    _load()
    return dict(_broken)


def by_name(name: str) -> Driver:
    """The driver for an engine / dialect name: sqlite, postgresql, kingbase, dm, oracle."""
    _load()
    for driver in _drivers.values():
        if name in (driver.name, driver.dialect_name):
            return driver
    known = ", ".join(sorted(_drivers))
    raise BadURL(f"unknown database engine {name!r} (known: {known})")


def for_url(url: str | URL) -> Driver:
    """The driver whose schemes include the URL's scheme; BadURL otherwise."""
    _load()
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except Exception as exc:
        raise BadURL(f"malformed database URL: {mask_url(url)}") from exc
    scheme = parsed.drivername
    for driver in _drivers.values():
        if scheme in driver.schemes:
            return driver
    for module_name, reason in _broken.items():
        if module_name.rsplit(".", 1)[1] == scheme.split("+", 1)[0]:
            raise BadURL(f"the {scheme} driver is not available here ({reason})")
    raise BadURL(f"unsupported database URL scheme {scheme!r}")


def lookup(url: str | URL) -> tuple[Driver, URL]:
    """Driver and validated URL in one step."""
    driver = for_url(url)
    return driver, driver.parse_url(url)


def maybe_by_name(name: str) -> Optional[Driver]:
    try:
        return by_name(name)
    except BadURL:
        return None
