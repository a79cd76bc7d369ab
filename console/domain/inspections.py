"""Inspection rules: the four-colour status, rectification deadlines, inspection cycles and due dates.

Why pure: the colour a premise gets after a visit, and when it must be seen again, are what owners are told
by SMS and what workers' scores are deducted on; keeping the rule free of the database makes it testable in
isolation and the same for the GUI, the CLI and the bulk recomputation."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

GREEN, YELLOW, RED, BLACK = "green", "yellow", "red", "black"
SERIOUS, MINOR = "serious", "minor"
SEVERITIES = (SERIOUS, MINOR)
DEFAULT_CYCLE_DAYS = 90
INSPECTION_CYCLE_DAYS: dict[str, int] = {
    "rental_house": 30, "hazardous": 30, "gas_station": 30, "internet_cafe": 60, "entertainment": 60,
    "hotel": 60, "mall": 60, "restaurant": 90, "school": 90, "clinic": 90, "warehouse": 90,
    "industrial_park": 90, "hospital": 90, "university": 90, "shop": 180, "enterprise": 180,
    "office": 180,
}


def colour_for(open_severities: Iterable[str], current: str = GREEN) -> str:
    """Open findings decide the colour: any serious → red, any other → yellow, none → green.

    Black (取缔, closed down) is a decision, not a finding: a black premise stays black whatever is found."""
    if current == BLACK:
        return BLACK
    severities = set(open_severities)
    if SERIOUS in severities:
        return RED
    return YELLOW if severities else GREEN


@dataclass(frozen=True)
class RectificationPolicy:
    """Days an owner gets to rectify, by colour; the re-inspection falls on the deadline."""

    yellow_days: int = 7
    red_days: int = 3

    def __post_init__(self) -> None:
        if self.yellow_days < 1 or self.red_days < 1:
            raise ValueError("rectification periods must be at least one day")

    def days_for(self, colour: str) -> int | None:
        return {YELLOW: self.yellow_days, RED: self.red_days}.get(colour)

    def deadline(self, colour: str, visit_day: date) -> date | None:
        """The rectification deadline (= re-inspection day) after a visit, or None when nothing is to fix."""
        days = self.days_for(colour)
        return None if days is None else visit_day + timedelta(days=days)


def cycle_days(premise_type: str) -> int:
    return INSPECTION_CYCLE_DAYS.get(premise_type, DEFAULT_CYCLE_DAYS)


def next_inspection(visit_day: date, cycle: int, colour: str, policy: RectificationPolicy) -> date | None:
    """The earlier of the routine cycle and the re-inspection a rectification calls for; none once closed down."""
    if colour == BLACK:
        return None
    routine = visit_day + timedelta(days=cycle)
    reinspect = policy.deadline(colour, visit_day)
    return routine if reinspect is None else min(routine, reinspect)


class DueState(str, Enum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    NOT_DUE = "not_due"
    NONE = "none"


def due_state(next_day: date | None, today: date, soon_days: int = 7) -> DueState:
    """Overdue once the due day has passed; due soon within `soon_days` (the reminder window)."""
    if next_day is None:
        return DueState.NONE
    if next_day < today:
        return DueState.OVERDUE
    return DueState.DUE_SOON if next_day <= today + timedelta(days=soon_days) else DueState.NOT_DUE
