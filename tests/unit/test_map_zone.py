"""Zone rings and the measure tool's arithmetic."""
from __future__ import annotations

import math

import numpy as np
import pytest

from console.domain.geo import EARTH_RADIUS_M, haversine_m
from console.domain.map_zone import Zone, format_area, format_distance, path_length_m, polygon_area_m2


def test_points_fall_in_the_innermost_ring_that_holds_them():
    zone = Zone(118.1, 24.5, (100.0, 500.0, 1000.0))
    north = [24.5 + d / 111_195 for d in (50, 99, 101, 499, 800, 1001)]
    ring, dist = zone.rings(np.full(6, 118.1), np.array(north))
    assert ring.tolist() == [0, 0, 1, 1, 2, -1]
    assert dist[0] == pytest.approx(50, rel=1e-3)


def test_radii_must_grow_outwards():
    with pytest.raises(ValueError):
        Zone(118.1, 24.5, (500.0, 100.0, 1000.0))
    with pytest.raises(ValueError):
        Zone(118.1, 24.5, (0.0, 100.0, 1000.0))


def test_path_length_adds_great_circle_legs():
    lons, lats = [118.1, 118.11, 118.11], [24.5, 24.5, 24.51]
    expected = haversine_m(118.1, 24.5, 118.11, 24.5) + haversine_m(118.11, 24.5, 118.11, 24.51)
    assert path_length_m(lons, lats) == pytest.approx(expected)
    assert path_length_m([118.1], [24.5]) == 0


def test_polygon_area_matches_the_spherical_rectangle():
    lon0, lat0, d = 118.1, 24.5, 0.02
    band = math.sin(math.radians(lat0 + d)) - math.sin(math.radians(lat0))
    exact = EARTH_RADIUS_M**2 * math.radians(d) * band
    # A lat/lon box's sides are not great circles; with 50 vertices per side the polygon follows them.
    t = np.linspace(0, 1, 50, endpoint=False)
    lons = np.concatenate([lon0 + d * t, np.full(50, lon0 + d), lon0 + d * (1 - t), np.full(50, lon0)])
    lats = np.concatenate([np.full(50, lat0), lat0 + d * t, np.full(50, lat0 + d), lat0 + d * (1 - t)])
    assert polygon_area_m2(lons.tolist(), lats.tolist()) == pytest.approx(exact, rel=1e-3)
    assert polygon_area_m2([118.1, 118.2], [24.5, 24.6]) == 0


def test_formats_switch_units():
    assert format_distance(950) == "950 m" and format_distance(1234) == "1.23 km"
    assert format_area(900) == "900 m²" and format_area(2.5e6) == "2.500 km²"
