"""Duplicate suggestions: the same category reported near the same place within a few days.

Citizens phone 12345 and a grid worker reports the same overflowing bin; the operator merges them so one
department is dispatched once. This only suggests: a person decides."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.geo import BBox, haversine_m


@dataclass(frozen=True)
class IncidentPoint:
    id: int
    category: str
    lon: float
    lat: float
    reported_at: datetime


@dataclass(frozen=True)
class DuplicateRule:
    radius_m: float = 50.0
    window: timedelta = timedelta(days=7)

    def search_box(self, lon: float, lat: float) -> BBox:
        return BBox.around(lon, lat, self.radius_m)

    def time_bounds(self, at: datetime) -> tuple[datetime, datetime]:
        return at - self.window, at + self.window


@dataclass(frozen=True)
class DuplicateSuggestion:
    id: int
    distance_m: float
    hours_apart: float


def suggest_duplicates(new: IncidentPoint, others: Iterable[IncidentPoint],
                       rule: DuplicateRule | None = None) -> list[DuplicateSuggestion]:
    """Others of the same category within the radius and the time window, nearest first."""
    rule = rule or DuplicateRule()
    found = []
    for other in others:
        if other.id == new.id or other.category != new.category:
            continue
        apart = abs(other.reported_at - new.reported_at)
        if apart > rule.window:
            continue
        distance = haversine_m(new.lon, new.lat, other.lon, other.lat)
        if distance <= rule.radius_m:
            found.append(DuplicateSuggestion(other.id, distance, apart.total_seconds() / 3600))
    found.sort(key=lambda s: (s.distance_m, s.hours_apart, s.id))
    return found
