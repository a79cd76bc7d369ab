"""The zone tool (区域划定) and the measure tool, as arithmetic on WGS-84 points.

A zone is a centre and three nested radii — 封控区 (sealed), 管控区 (controlled), 防范区 (precaution) — and
each object belongs to the innermost ring containing it. Distances are great-circle (haversine); areas use a
local equal-area projection around the polygon, exact to well under 0.1 % at district scale."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Polygon

from console.domain.geo import EARTH_RADIUS_M, haversine_m, haversine_many_m

RING_KEYS = ("sealed", "controlled", "precaution")


@dataclass(frozen=True)
class Zone:
    lon: float
    lat: float
    radii_m: tuple[float, float, float]

    def __post_init__(self) -> None:
        r = self.radii_m
        if len(r) != len(RING_KEYS) or not 0 < r[0] < r[1] < r[2]:
            raise ValueError("the radii must be positive and increasing: sealed < controlled < precaution")

    def rings(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ring index 0–2, or −1 outside all rings; distance in metres) for each point."""
        dist = haversine_many_m(np.asarray(lon, float), np.asarray(lat, float), self.lon, self.lat)
        ring = np.full(dist.shape, -1, dtype=np.int8)
        for k in reversed(range(len(self.radii_m))):
            ring[dist <= self.radii_m[k]] = k
        return ring, dist


def path_length_m(lons: list[float], lats: list[float]) -> float:
    """Length of a polyline along great circles."""
    return sum(haversine_m(lons[i], lats[i], lons[i + 1], lats[i + 1]) for i in range(len(lons) - 1))


def polygon_area_m2(lons: list[float], lats: list[float]) -> float:
    """Area of a simple polygon (closed implicitly), in square metres; 0 for fewer than three vertices."""
    if len(lons) < 3:
        return 0.0
    lon0 = sum(lons) / len(lons)
    lat0 = sum(lats) / len(lats)
    # Lambert azimuthal equal-area about the polygon's mean point.
    phi0, lam0 = math.radians(lat0), math.radians(lon0)
    pts = []
    for lon, lat in zip(lons, lats):
        phi, lam = math.radians(lat), math.radians(lon)
        cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam - lam0)
        k = math.sqrt(2 / (1 + cos_c))
        x = EARTH_RADIUS_M * k * math.cos(phi) * math.sin(lam - lam0)
        y = EARTH_RADIUS_M * k * (math.cos(phi0) * math.sin(phi)
                                  - math.sin(phi0) * math.cos(phi) * math.cos(lam - lam0))
        pts.append((x, y))
    return float(Polygon(pts).buffer(0).area)


def format_distance(metres: float) -> str:
    return f"{metres / 1000:.2f} km" if metres >= 1000 else f"{metres:.0f} m"


def format_area(square_metres: float) -> str:
    return f"{square_metres / 1e6:.3f} km²" if square_metres >= 1e5 else f"{square_metres:.0f} m²"
