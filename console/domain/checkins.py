"""Check-in plausibility: a QR scanned far from its premise means a copied code or a visit not made."""
from __future__ import annotations

from dataclasses import dataclass

from console.domain.geo import haversine_m

MAX_CHECKIN_DISTANCE_M = 100.0


@dataclass(frozen=True)
class CheckinDistance:
    distance_m: float | None
    flagged: bool


def assess_distance(premise_lon: float, premise_lat: float, lon: float | None, lat: float | None,
                    limit_m: float = MAX_CHECKIN_DISTANCE_M) -> CheckinDistance:
    """Flag a check-in more than `limit_m` from the premise; one without a position cannot be judged."""
    if lon is None or lat is None:
        return CheckinDistance(None, False)
    distance = haversine_m(premise_lon, premise_lat, lon, lat)
    return CheckinDistance(distance, distance > limit_m)
