"""Diagnostics leave every password behind: URLs, libpq key=value strings and secret-looking INI keys."""
from __future__ import annotations

import configparser

import pytest

from console.diagnostics import REDACTED, redact_ini, redact_text


@pytest.mark.parametrize("raw, secret", [
    ("postgresql://pingan:s3cr%40t@db.example:5432/pingan", "s3cr%40t"),
    ("postgresql+psycopg://ops:pa:ss@10.0.0.5/center?sslmode=require", "pa:ss"),
    ("connect failed: host=10.0.0.5 user=ops password=hunter2 dbname=pingan", "hunter2"),
    ("url = postgres://a:b@h/d?password=again", "again"),
])
def test_passwords_removed_from_text(raw, secret):
    cleaned = redact_text(raw)
    assert secret not in cleaned
    assert REDACTED in cleaned


def test_text_without_passwords_is_unchanged():
    line = "postgresql://pingan@db.example:5432/pingan and /home/op/demo.sqlite"
    assert redact_text(line) == line


def test_ini_keys_and_urls_redacted_other_settings_kept():
    raw = ("[database]\nurl = postgresql://ops:TopSecret@db/center\n"
           "[sms]\napi_key = k-123\npassword = p-456\nsender = 平安中心\n"
           "[ui]\nlanguage = zh_CN\n")
    cleaned = redact_ini(raw)
    for secret in ("TopSecret", "k-123", "p-456"):
        assert secret not in cleaned
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.read_string(cleaned)
    assert parsed["database"]["url"] == f"postgresql://ops:{REDACTED}@db/center"
    assert parsed["sms"]["password"] == REDACTED
    assert parsed["sms"]["sender"] == "平安中心"
    assert parsed["ui"]["language"] == "zh_CN"
