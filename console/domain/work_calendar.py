"""Working-day calendar for deadlines (办理时限): weekends, official holidays and make-up working days (调休).

China moves weekends around its public holidays every year, so "3 working days" cannot be computed from the
weekday alone: a Saturday can be a working day and a Thursday a holiday. The State Council's lists for 2025
and 2026 ship as data; a center can add its own (a local holiday, next year's list) without code changes."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# 国办发明电〔2024〕12号 (2025) and 国务院办公厅 2025-11-04 notice (2026).
CN_HOLIDAYS: frozenset[date] = frozenset(
    [date(2025, 1, 1)]
    + _span(date(2025, 1, 28), date(2025, 2, 4))
    + _span(date(2025, 4, 4), date(2025, 4, 6))
    + _span(date(2025, 5, 1), date(2025, 5, 5))
    + _span(date(2025, 5, 31), date(2025, 6, 2))
    + _span(date(2025, 10, 1), date(2025, 10, 8))
    + _span(date(2026, 1, 1), date(2026, 1, 3))
    + _span(date(2026, 2, 15), date(2026, 2, 23))
    + _span(date(2026, 4, 4), date(2026, 4, 6))
    + _span(date(2026, 5, 1), date(2026, 5, 5))
    + _span(date(2026, 6, 19), date(2026, 6, 21))
    + _span(date(2026, 9, 25), date(2026, 9, 27))
    + _span(date(2026, 10, 1), date(2026, 10, 7))
)
CN_MAKEUP_WORKDAYS: frozenset[date] = frozenset([
    date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11),
    date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20),
    date(2026, 10, 10),
])


@dataclass(frozen=True)
class WorkCalendar:
    """Monday–Friday are working days unless listed as holidays; listed make-up days work even on weekends."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.holidays & self.makeup_workdays
        if both:
            raise ValueError(f"{min(both).isoformat()} is listed both as a holiday and as a make-up working day")

    def with_days(self, holidays: Iterable[date] = (), makeup_workdays: Iterable[date] = ()) -> WorkCalendar:
        """A copy with more holidays / make-up days (a local holiday, next year's official list)."""
        return WorkCalendar(self.holidays | frozenset(holidays), self.makeup_workdays | frozenset(makeup_workdays))

    def is_working_day(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """`days` working days after `start`, at the same clock time.

        Time reported on a non-working day starts counting at the next working day's midnight, so a case
        reported on Saturday with one working day is due at the end of Monday (Tuesday 00:00)."""
        if days < 0:
            raise ValueError("a deadline cannot lie a negative number of working days ahead")
        if not self.is_working_day(start.date()):
            start = datetime.combine(self.next_working_day(start.date()), time.min)
        day = start.date()
        for _ in range(days):
            day = self.next_working_day(day)
        return datetime.combine(day, start.time())

    def working_days_between(self, first: date, last: date) -> int:
        """Working days d with first < d <= last (0 when last is not after first)."""
        count, day = 0, first
        while day < last:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count


CHINA = WorkCalendar(CN_HOLIDAYS, CN_MAKEUP_WORKDAYS)
"""The official mainland calendar for 2025–2026; extend it with `with_days` for later years."""
