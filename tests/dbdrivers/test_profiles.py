"""Server profiles: URL in a JSON file, password only in the keyring (in-memory here)."""
from __future__ import annotations

import argparse
import json
from typing import Any

import pytest

from app import profiles
from app.cli import db_cmds
from app.errors import ValidationError
from app.store.db import open_database


@pytest.fixture
def config_dir(tmp_path: Any, monkeypatch: Any) -> Any:
    monkeypatch.setenv("WARDSTATION_CONFIG_DIR", str(tmp_path))
    return tmp_path


def test_password_goes_to_keyring_not_to_the_file(config_dir: Any, memory_keyring: Any) -> None:
    profiles.save_profile("ward3", "dm+dmPython://WARD:Svc-Pw-9@10.0.0.5:5236/")
    text = (config_dir / "profiles.json").read_text(encoding="utf-8")
    assert "Svc-Pw-9" not in text
    assert json.loads(text)["profiles"]["ward3"]["url"] == "dm+dmPython://WARD@10.0.0.5:5236/"
    assert memory_keyring.store[("wardstation", "profile:ward3")] == "Svc-Pw-9"
    assert profiles.load_profile("ward3") == "dm+dmPython://WARD:Svc-Pw-9@10.0.0.5:5236/"
    assert profiles.list_profiles() == {"ward3": "dm+dmPython://WARD@10.0.0.5:5236/"}


def test_profile_opens_the_database(config_dir: Any, memory_keyring: Any, pg_server: Any) -> None:
    profiles.save_profile("lab", pg_server.url())
    db = open_database(profiles.load_profile("lab"))
    try:
        assert db.ping() < 1.0
    finally:
        db.dispose()


def test_remove_forgets_url_and_password(config_dir: Any, memory_keyring: Any) -> None:
    profiles.save_profile("old", "kingbase+ksycopg2://u:p-1@db.example/test")
    assert profiles.remove_profile("old") is True
    assert memory_keyring.store == {}
    assert profiles.remove_profile("old") is False
    with pytest.raises(ValidationError) as info:
        profiles.load_profile("old")
    assert info.value.message_id == "profile.unknown"


@pytest.mark.parametrize("name, url", [("bad name", "sqlite:///x.db"), ("ok", "mysql://u:p@h/d")])
def test_bad_profiles_are_rejected(config_dir: Any, memory_keyring: Any, name: str, url: str) -> None:
    with pytest.raises(ValidationError):
        profiles.save_profile(name, url)
    assert not (config_dir / "profiles.json").exists()


def test_cli_profile_add_list_remove(config_dir: Any, memory_keyring: Any, capsys: Any,
                                     monkeypatch: Any) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Stdin-Pw-5\n"))
    rc = db_cmds.cmd_profile_add(argparse.Namespace(
        name="icu", url="oracle+oracledb://ward@10.1.1.1:1521/?service_name=his", password_stdin=True))
    assert rc == 0
    assert db_cmds.cmd_profile_list(argparse.Namespace()) == 0
    out = capsys.readouterr().out
    assert "icu\toracle+oracledb://ward@10.1.1.1:1521/?service_name=his" in out
    assert "Stdin-Pw-5" not in out
    assert "Stdin-Pw-5" in profiles.load_profile("icu")
    assert db_cmds.cmd_profile_remove(argparse.Namespace(name="icu")) == 0
    assert db_cmds.cmd_profile_remove(argparse.Namespace(name="icu")) == 1
    assert "no profile named 'icu'" in capsys.readouterr().err
