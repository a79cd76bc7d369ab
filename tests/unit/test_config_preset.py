"""Which config file a start reads, and when the database counts as pre-set (no first-run wizard)."""
from __future__ import annotations

import pytest

from console import config


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    monkeypatch.delenv("PINGAN_CONFIG", raising=False)
    monkeypatch.delenv("PINGAN_DB_URL", raising=False)
    monkeypatch.setattr(config, "user_config_dir", lambda *a, **k: str(tmp_path / "user"))
    monkeypatch.setattr(config, "site_config_dir", lambda *a, **k: str(tmp_path / "site"))
    return tmp_path


def _write(path, url):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[database]\nurl = {url}\n", encoding="utf-8")


def test_nothing_configured_is_demo_and_not_preset(dirs):
    settings = config.load_settings()
    assert settings.is_demo and not settings.preset
    assert settings.config_path == dirs / "user" / "console.ini"


def test_machine_wide_file_is_read_when_the_user_has_none(dirs):
    _write(dirs / "site" / "console.ini", "postgresql://ops@db/center")
    settings = config.load_settings()
    assert settings.preset and settings.db_url == "postgresql://ops@db/center"
    _write(dirs / "user" / "console.ini", "postgresql://me@db/center")
    assert config.load_settings().db_url == "postgresql://me@db/center"


def test_flag_and_environment_preset(dirs, monkeypatch):
    assert config.load_settings(db_flag="/srv/x.sqlite").preset
    monkeypatch.setenv("PINGAN_DB_URL", "postgresql://ops@db/center")
    assert config.load_settings().preset


def test_remembered_demo_choice_is_preset(dirs):
    path = config.save_database_url("", dirs / "user" / "console.ini")
    settings = config.load_settings(config_file=path)
    assert settings.is_demo and settings.preset
