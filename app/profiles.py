"""Named server profiles: `python main.py --profile NAME` (DESIGN.md "Security").

The profile file (JSON in the user's config directory) holds URLs without passwords; the
service-account password lives in the system keyring under service "wardstation", user
"profile:NAME". Nothing here ever writes a password to disk or into a message.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Optional

from sqlalchemy.engine import URL, make_url

from app.errors import ValidationError
from dbdrivers.base import mask_url

KEYRING_SERVICE = "wardstation"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def config_path() -> Path:
    """profiles.json in the XDG config dir (WARDSTATION_CONFIG_DIR overrides it, for tests)."""
    override = os.environ.get("WARDSTATION_CONFIG_DIR")
    if override:
        return Path(override) / "profiles.json"
    import platformdirs

    return Path(platformdirs.user_config_dir("wardstation")) / "profiles.json"


def _keyring_user(name: str) -> str:
    return f"profile:{name}"


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise ValidationError("profile.bad_name", name=name)


def _read() -> dict[str, Any]:
    path = config_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("profile.file_unreadable", path=str(path)) from exc
    profiles = data.get("profiles", {}) if isinstance(data, dict) else {}
    return profiles if isinstance(profiles, dict) else {}


def _write(profiles: dict[str, Any]) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=".profiles-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"profiles": profiles}, f, ensure_ascii=False, indent=2, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except Exception:
        raise ValidationError("db.bad_url", reason=f"malformed database URL: {mask_url(url)}") from None


def _keyring() -> Any:
    import keyring

    return keyring


def save_profile(name: str, url: str, password: Optional[str] = None) -> None:
    """Store a profile. A password given in the URL or as `password` goes to the keyring."""
    _check_name(name)
    from dbdrivers import registry

    parsed = _parse(url)
    try:
        registry.for_url(parsed).parse_url(parsed)
    except ValueError as exc:
        raise ValidationError("db.bad_url", reason=str(exc)) from None
    secret = password if password is not None else parsed.password
    if secret:
        try:
            _keyring().set_password(KEYRING_SERVICE, _keyring_user(name), str(secret))
        except Exception as exc:
            raise ValidationError("profile.keyring_unavailable", cause=type(exc).__name__) from None
    profiles = _read()
    # URL.set(password=None) keeps the old password: build the password-free URL explicitly.
    bare = URL.create(parsed.drivername, username=parsed.username, host=parsed.host,
                      port=parsed.port, database=parsed.database, query=parsed.query)
    profiles[name] = {"url": bare.render_as_string(hide_password=False)}
    _write(profiles)


def list_profiles() -> dict[str, str]:
    """Profile names and their (password-free) URLs."""
    return {name: str(entry.get("url", "")) for name, entry in sorted(_read().items())}


def remove_profile(name: str) -> bool:
    """Forget a profile and its keyring password; False when there was no such profile."""
    profiles = _read()
    found = profiles.pop(name, None) is not None
    if found:
        _write(profiles)
    with contextlib.suppress(Exception):   # no password stored, or no keyring: nothing to forget
        _keyring().delete_password(KEYRING_SERVICE, _keyring_user(name))
    return found


def load_profile(name: str) -> str:
    """The full URL for a profile, with the password from the keyring filled in."""
    entry = _read().get(name)
    if not isinstance(entry, dict) or not entry.get("url"):
        raise ValidationError("profile.unknown", name=name)
    parsed = _parse(str(entry["url"]))
    try:
        secret = _keyring().get_password(KEYRING_SERVICE, _keyring_user(name))
    except Exception as exc:
        raise ValidationError("profile.keyring_unavailable", cause=type(exc).__name__) from None
    if secret:
        parsed = parsed.set(password=secret)
    return parsed.render_as_string(hide_password=False)
