"""The [live] section of the config file sets when a worker counts as online, stale or silent on duty."""
from __future__ import annotations

from datetime import time

import pytest

from console.config import load_settings
from console.domain.live_status import DEFAULT_LIVE


def _config(tmp_path, body: str):
    path = tmp_path / "console.ini"
    path.write_text(body, encoding="utf-8")
    return path


def test_live_rules_come_from_the_config_file(tmp_path):
    path = _config(tmp_path, "[live]\nonline_minutes = 2\nstale_minutes = 10\nduty_start = 09:00\n"
                             "duty_end = 18:00\n")
    live = load_settings(None, path).live
    assert (live.online_within_s, live.stale_within_s) == (120, 600)
    assert (live.duty_start, live.duty_end) == (time(9, 0), time(18, 0))


def test_without_a_live_section_the_defaults_hold(tmp_path):
    assert load_settings(None, _config(tmp_path, "[ui]\nlanguage = zh_CN\n")).live == DEFAULT_LIVE


@pytest.mark.parametrize("body", ["online_minutes = soon\n", "online_minutes = 40\nstale_minutes = 30\n",
                                  "duty_start = 18:00\nduty_end = 08:00\n"])
def test_a_bad_live_setting_names_the_file_and_section(tmp_path, body):
    path = _config(tmp_path, "[live]\n" + body)
    with pytest.raises(ValueError, match=r"console\.ini: section \[live\]"):
        load_settings(None, path)
