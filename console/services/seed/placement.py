"""Put generated points near real ones and find their grid: jitter in metres, locate, resample the misses.

A point is kept only when exactly one grid strictly contains it, so every premise, camera and incident lies
inside the district and inside its grid's polygon — never on an edge, never in the sea off an anchor."""
from __future__ import annotations

import math

import numpy as np

from console.domain.geo import EARTH_RADIUS_M
from console.services.seed.orgunits import OrgTree

_DEG_M = math.radians(1.0) * EARTH_RADIUS_M
MAX_TRIES = 60


class PlacementError(RuntimeError):
    """Points that stayed outside every grid after many resamples (their base points are off the map)."""


def jitter(rng: np.random.Generator, lon: np.ndarray, lat: np.ndarray, min_m: float,
           max_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Each point moved a uniform-area random distance in [min_m, max_m] metres in a random direction."""
    n = len(lon)
    r = np.sqrt(rng.uniform(min_m * min_m, max_m * max_m, n))
    theta = rng.uniform(0.0, 2.0 * math.pi, n)
    dlat = r * np.sin(theta) / _DEG_M
    dlon = r * np.cos(theta) / (_DEG_M * np.cos(np.radians(lat)))
    return lon + dlon, lat + dlat


def place_near(tree: OrgTree, rng: np.random.Generator, base_lon: np.ndarray, base_lat: np.ndarray,
               min_m: float, max_m: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Jittered copies of the base points with their grid index; misses are re-jittered until they land."""
    lon, lat = jitter(rng, base_lon, base_lat, min_m, max_m)
    grid = tree.locate(lon, lat)
    for _ in range(MAX_TRIES):
        bad = np.flatnonzero(grid < 0)
        if len(bad) == 0:
            return lon, lat, grid
        lon[bad], lat[bad] = jitter(rng, base_lon[bad], base_lat[bad], min_m, max_m)
        grid[bad] = tree.locate(lon[bad], lat[bad])
    raise PlacementError(f"{int((grid < 0).sum())} points could not be placed inside a grid")


def locate_fixed(tree: OrgTree, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grid of real points (POIs) that must not move; one on an edge is nudged by a millimetre."""
    lon, lat = lon.copy(), lat.copy()
    grid = tree.locate(lon, lat)
    step = 1e-8
    for _ in range(MAX_TRIES):
        bad = np.flatnonzero(grid < 0)
        if len(bad) == 0:
            return lon, lat, grid
        lon[bad] += step
        lat[bad] += step
        grid[bad] = tree.locate(lon[bad], lat[bad])
    raise PlacementError(f"{int((grid < 0).sum())} real points lie outside every grid")
