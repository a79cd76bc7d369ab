"""Live worker state and the silence rule, on fixed clocks."""
from __future__ import annotations

from datetime import datetime, time

import pytest

from console.domain.live_status import OFFLINE, ONLINE, STALE, LiveRules, SilenceWatch, parse_rules

RULES = LiveRules(online_within_s=120, stale_within_s=900, duty_start=time(8, 30), duty_end=time(17, 30))
MONDAY = datetime(2026, 11, 30)  # a working day
SATURDAY = datetime(2026, 11, 28)
HOLIDAY = datetime(2026, 10, 2)  # National Day week, a Friday


def at(day: datetime, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return day.replace(hour=hh, minute=mm, second=ss)


def test_state_by_age_of_the_last_fix():
    now = at(MONDAY, 10)
    assert RULES.state(at(MONDAY, 9, 58, 1), now) == ONLINE
    assert RULES.state(at(MONDAY, 9, 58), now) == STALE
    assert RULES.state(at(MONDAY, 9, 45, 1), now) == STALE
    assert RULES.state(at(MONDAY, 9, 45), now) == OFFLINE
    assert RULES.state(None, now) == OFFLINE


def test_silence_counts_duty_time_only():
    assert RULES.silent_since(at(MONDAY, 7), at(MONDAY, 8, 44)) is None  # 14 min into duty
    assert RULES.silent_since(at(MONDAY, 7), at(MONDAY, 8, 45)) == at(MONDAY, 8, 30)
    assert RULES.silent_since(None, at(MONDAY, 9)) == at(MONDAY, 8, 30)
    assert RULES.silent_since(at(MONDAY, 12), at(MONDAY, 12, 14, 59)) is None
    assert RULES.silent_since(at(MONDAY, 12), at(MONDAY, 12, 15)) == at(MONDAY, 12)
    assert RULES.silent_since(at(MONDAY, 12), at(MONDAY, 17, 30)) is None  # duty is over
    assert RULES.silent_since(None, at(SATURDAY, 11)) is None
    assert RULES.silent_since(None, at(HOLIDAY, 11)) is None


def test_one_notice_per_silence_cleared_when_fixes_resume():
    watch = SilenceWatch(RULES)
    fixes = {1: at(MONDAY, 9, 50), 2: at(MONDAY, 9, 59)}
    assert watch.update(fixes, at(MONDAY, 10)) == ([], [])
    raised, cleared = watch.update(fixes, at(MONDAY, 10, 5))
    assert [(n.worker_id, n.silent_since) for n in raised] == [(1, at(MONDAY, 9, 50))] and cleared == []
    assert watch.update(fixes, at(MONDAY, 10, 12)) == ([], [])  # 1 still silent: no second notice
    fixes[1] = at(MONDAY, 10, 13)
    raised, cleared = watch.update(fixes, at(MONDAY, 10, 14))
    assert [n.worker_id for n in cleared] == [1] and [n.worker_id for n in raised] == [2]
    assert set(watch.open) == {2}
    assert watch.update(fixes, at(MONDAY, 10, 27)) == ([], [])
    raised, _ = watch.update(fixes, at(MONDAY, 10, 28))  # worker 1 silent again: a new notice
    assert [(n.worker_id, n.silent_since) for n in raised] == [(1, at(MONDAY, 10, 13))]


def test_a_worker_leaving_the_watch_clears_its_notice():
    watch = SilenceWatch(RULES)
    watch.update({5: None}, at(MONDAY, 9))
    _, cleared = watch.update({}, at(MONDAY, 9, 1))
    assert [n.worker_id for n in cleared] == [5] and watch.open == {}


def test_rules_from_a_config_section():
    rules = parse_rules({"online_minutes": "2", "stale_minutes": "15", "duty_start": "08:00",
                         "duty_end": "18:00"})
    assert (rules.online_within_s, rules.stale_within_s) == (120, 900)
    assert (rules.duty_start, rules.duty_end) == (time(8), time(18))
    with pytest.raises(ValueError, match="online threshold"):
        parse_rules({"online_minutes": "20", "stale_minutes": "15"})
    with pytest.raises(ValueError, match="end before"):
        parse_rules({"duty_start": "18:00", "duty_end": "08:00"})
