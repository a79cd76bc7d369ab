from datetime import date, datetime

import pytest

from console.domain.work_calendar import CHINA, CN_HOLIDAYS, CN_MAKEUP_WORKDAYS, WorkCalendar


def test_official_lists_have_the_published_sizes():
    assert len([d for d in CN_HOLIDAYS if d.year == 2025]) == 1 + 8 + 3 + 5 + 3 + 8
    assert len([d for d in CN_HOLIDAYS if d.year == 2026]) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert all(d.weekday() >= 5 for d in CN_MAKEUP_WORKDAYS)


def test_weekend_holiday_and_makeup_day():
    assert CHINA.is_working_day(date(2026, 11, 30))          # Monday
    assert not CHINA.is_working_day(date(2026, 11, 28))      # Saturday
    assert not CHINA.is_working_day(date(2026, 10, 1))       # National Day, a Thursday
    assert CHINA.is_working_day(date(2026, 10, 10))          # make-up Saturday


def test_three_working_days_across_national_day():
    # Reported Wednesday 30 Sep 2026 10:00; 1-7 Oct off, Thu 8, Fri 9, Sat 10 (make-up) are working days.
    assert CHINA.add_working_days(datetime(2026, 9, 30, 10, 0), 3) == datetime(2026, 10, 10, 10, 0)


def test_spring_festival_2026_with_makeup_saturday_before():
    # Fri 13 Feb + 1 working day = Sat 14 Feb (make-up); + 2 = Tue 24 Feb after the 9-day break.
    start = datetime(2026, 2, 13, 9, 30)
    assert CHINA.add_working_days(start, 1) == datetime(2026, 2, 14, 9, 30)
    assert CHINA.add_working_days(start, 2) == datetime(2026, 2, 24, 9, 30)


def test_reported_on_a_non_working_day_counts_from_next_working_midnight():
    assert CHINA.add_working_days(datetime(2026, 11, 28, 15, 0), 1) == datetime(2026, 12, 1, 0, 0)
    assert CHINA.add_working_days(datetime(2026, 11, 28, 15, 0), 0) == datetime(2026, 11, 30, 0, 0)


def test_plain_week_without_holidays():
    plain = WorkCalendar()
    assert plain.add_working_days(datetime(2026, 10, 1, 8, 0), 3) == datetime(2026, 10, 6, 8, 0)
    assert plain.working_days_between(date(2026, 11, 27), date(2026, 12, 4)) == 5


def test_configurable_local_holiday_and_makeup():
    local = WorkCalendar().with_days(holidays=[date(2026, 12, 1)], makeup_workdays=[date(2026, 12, 5)])
    assert local.add_working_days(datetime(2026, 11, 30, 9), 1) == datetime(2026, 12, 2, 9)
    assert local.add_working_days(datetime(2026, 12, 4, 9), 1) == datetime(2026, 12, 5, 9)


def test_contradictory_lists_are_refused():
    with pytest.raises(ValueError, match="2026-12-01"):
        WorkCalendar(frozenset([date(2026, 12, 1)]), frozenset([date(2026, 12, 1)]))
    with pytest.raises(ValueError):
        CHINA.add_working_days(datetime(2026, 1, 5), -1)
