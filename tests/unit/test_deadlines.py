from datetime import datetime, timedelta

import pytest

from console.domain.deadlines import DeadlinePolicy, DeadlineStatus, next_level
from console.domain.work_calendar import CHINA

MON = datetime(2026, 11, 30, 9, 0)


def test_level_defaults_three_five_seven_working_days():
    policy = DeadlinePolicy()
    assert policy.deadline("anything", "community", MON) == datetime(2026, 12, 3, 9, 0)
    assert policy.deadline("anything", "township", MON) == datetime(2026, 12, 7, 9, 0)
    assert policy.deadline("anything", "district", MON) == datetime(2026, 12, 9, 9, 0)


def test_category_limit_applies_at_community_with_extra_days_above():
    policy = DeadlinePolicy(category_days={"fire_safety": 1})
    assert policy.days_for("fire_safety", "community") == 1
    assert policy.days_for("fire_safety", "township") == 3
    assert policy.days_for("fire_safety", "district") == 5
    assert policy.days_for("other", "community") == 3
    with pytest.raises(ValueError, match="unknown level"):
        policy.days_for("fire_safety", "province")


def test_deadline_across_a_holiday_uses_the_calendar():
    policy = DeadlinePolicy(calendar=CHINA)
    assert policy.deadline("x", "community", datetime(2026, 9, 30, 10)) == datetime(2026, 10, 10, 10)


def test_status_is_computed_from_the_clock():
    policy = DeadlinePolicy(due_soon_within=timedelta(hours=24))
    deadline = datetime(2026, 12, 3, 9, 0)
    assert policy.status(deadline, datetime(2026, 12, 1, 9, 0)) is DeadlineStatus.ON_TIME
    assert policy.status(deadline, datetime(2026, 12, 2, 9, 0)) is DeadlineStatus.DUE_SOON
    assert policy.status(deadline, deadline) is DeadlineStatus.DUE_SOON
    assert policy.status(deadline, deadline + timedelta(seconds=1)) is DeadlineStatus.OVERDUE
    assert policy.status(deadline, deadline + timedelta(days=9), is_open=False) is DeadlineStatus.NONE
    assert policy.status(None, deadline) is DeadlineStatus.NONE
    assert policy.due_soon_bounds(MON) == (MON, MON + timedelta(hours=24))


def test_escalation_timing():
    policy = DeadlinePolicy()
    deadline = policy.deadline("x", "community", MON)
    assert policy.escalation_target("community", deadline, deadline) is None
    assert policy.escalation_target("community", deadline, deadline + timedelta(minutes=1)) == "township"
    assert policy.escalation_target("township", deadline, deadline + timedelta(days=1)) == "district"
    assert policy.escalation_target("district", deadline, deadline + timedelta(days=30)) is None
    assert policy.escalation_target("community", None, deadline) is None
    assert next_level("community") == "township" and next_level("district") is None
