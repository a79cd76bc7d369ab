"""A worker's score card read off their score lines: daily totals, the mix of the 12 task categories, the
deductions, and which record each line came from.

Every figure here is a sum over lines, never a stored aggregate, so the card always adds up to the lines a
supervisor can open one by one."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from console.domain.scoring import CATEGORY_CODES, DEDUCTIONS, MANUAL, ScoreLine

DEDUCTION_KINDS = tuple(code for code, _ in DEDUCTIONS)


@dataclass(frozen=True)
class SourceRef:
    """A score line's source ("inspections:42", "workers:7@2026-11-02") split into table, id and, for a
    roster day (a missed check-in), the day."""

    table: str
    id: int
    day: date | None = None


def parse_source(source: str) -> SourceRef:
    """Raises ValueError naming the source when it is not `table:id` or `table:id@YYYY-MM-DD`."""
    table, sep, rest = source.partition(":")
    ident, _, day = rest.partition("@")
    try:
        if not (sep and table and ident):
            raise ValueError
        return SourceRef(table, int(ident), date.fromisoformat(day) if day else None)
    except ValueError:
        raise ValueError(f"the score line source {source!r} is not 'table:id' or 'table:id@YYYY-MM-DD'"
                         ) from None


def period_days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def daily_points(lines: Iterable[ScoreLine], start: date, end: date) -> dict[date, float]:
    """Net points per day of [start, end], every day present (0 when nothing was scored)."""
    out = dict.fromkeys(period_days(start, end), 0.0)
    for line in lines:
        if line.day in out:
            out[line.day] += line.points
    return out


@dataclass(frozen=True)
class CategoryMix:
    count: int
    points: float


def task_mix(lines: Iterable[ScoreLine]) -> dict[str, CategoryMix]:
    """Tasks and points per category, all 12 in form order; capped tasks count with the points they earned."""
    count: dict[str, int] = defaultdict(int)
    points: dict[str, float] = defaultdict(float)
    for line in lines:
        if line.kind in CATEGORY_CODES:
            count[line.kind] += 1
            points[line.kind] += line.points
    return {code: CategoryMix(count[code], points[code]) for code in CATEGORY_CODES}


def is_deduction(line: ScoreLine) -> bool:
    return line.kind in DEDUCTION_KINDS


def is_manual(line: ScoreLine) -> bool:
    return line.kind == MANUAL
