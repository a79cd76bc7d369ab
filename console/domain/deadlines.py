"""Deadlines per category and level, their status now ("due soon", "overdue"), and when a case escalates.

Status is computed from the stored deadline and the clock every time it is shown, never stored: a stored
"overdue" flag would be wrong the minute after it was written."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from console.domain.work_calendar import CHINA, WorkCalendar

LEVELS: tuple[str, ...] = ("community", "township", "district")
"""Who settles the case, lowest first; a case not settled in time moves one step up (same case id)."""
LEVEL_LABELS = {"community": "社区(村)", "township": "乡镇(街道)", "district": "区(县)"}
DEFAULT_LEVEL_DAYS: Mapping[str, int] = {"community": 3, "township": 5, "district": 7}
LEVEL_EXTRA_DAYS: Mapping[str, int] = {"community": 0, "township": 2, "district": 4}
"""A category's own limit applies at community level; a higher level gets these extra working days on top."""


class DeadlineStatus(StrEnum):
    NONE = "none"
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


STATUS_LABELS = {DeadlineStatus.NONE: "", DeadlineStatus.ON_TIME: "正常", DeadlineStatus.DUE_SOON: "即将超时",
                 DeadlineStatus.OVERDUE: "已超时"}


def next_level(level: str) -> str | None:
    """The level a case escalates to, or None at the top."""
    index = LEVELS.index(level)
    return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


@dataclass(frozen=True)
class DeadlinePolicy:
    """Working days allowed per category and level, on one calendar.

    `category_days` holds a category's limit at community level (from the category catalogue); categories
    without one use `level_days`."""

    calendar: WorkCalendar = CHINA
    level_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_LEVEL_DAYS))
    category_days: Mapping[str, int] = field(default_factory=dict)
    due_soon_within: timedelta = timedelta(hours=24)

    def days_for(self, category: str, level: str) -> int:
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
        if category in self.category_days:
            return self.category_days[category] + LEVEL_EXTRA_DAYS[level]
        return self.level_days[level]

    def deadline(self, category: str, level: str, start: datetime) -> datetime:
        return self.calendar.add_working_days(start, self.days_for(category, level))

    def status(self, deadline: datetime | None, now: datetime, is_open: bool = True) -> DeadlineStatus:
        if deadline is None or not is_open:
            return DeadlineStatus.NONE
        if now > deadline:
            return DeadlineStatus.OVERDUE
        if deadline - now <= self.due_soon_within:
            return DeadlineStatus.DUE_SOON
        return DeadlineStatus.ON_TIME

    def due_soon_bounds(self, now: datetime) -> tuple[datetime, datetime]:
        """Deadlines d with now <= d <= upper are due soon: the range a database query filters on."""
        return now, now + self.due_soon_within

    def escalation_target(self, level: str, deadline: datetime | None, now: datetime) -> str | None:
        """The level an open case moves to now, or None while it is in time or already at the top."""
        if deadline is None or now <= deadline:
            return None
        return next_level(level)
