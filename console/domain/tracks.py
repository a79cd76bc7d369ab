"""Figures a supervisor reads off one worker's (filtered) track: distance, moving and stopped time, stops,
time inside and outside the worker's own grids.

Every figure works on time-ordered numpy arrays (float seconds, WGS-84 degrees) so a day of 17k fixes is
measured without numpy work per fix; stop detection steps through fixes in Python but with precomputed
exits from the stop radius (see _exit_offsets), so only the fixes at rest cost a scan."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from console.domain.geo import EARTH_RADIUS_M


@dataclass(frozen=True)
class TrackRules:
    """Thresholds: a silence longer than `max_gap_s` is neither moving nor stopped (the device was off);
    a stop is a stay within `stop_radius_m` for at least `stop_min_dwell_s`."""

    max_gap_s: float = 300.0
    stop_radius_m: float = 50.0
    stop_min_dwell_s: float = 300.0


DEFAULT_TRACK = TrackRules()


@dataclass(frozen=True)
class Stop:
    start: float
    end: float
    lon: float
    lat: float
    first_index: int
    last_index: int

    @property
    def duration_s(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class TrackSummary:
    fixes: int
    distance_m: float
    moving_s: float
    stopped_s: float
    gap_s: float
    stops: tuple[Stop, ...]
    inside_s: float | None
    outside_s: float | None


def pair_distances_m(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """Great-circle distance between matching elements (geo.haversine_many_m measures to one point only)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def segment_lengths_m(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    return pair_distances_m(lon[:-1], lat[:-1], lon[1:], lat[1:])


def distance_m(lon: np.ndarray, lat: np.ndarray) -> float:
    return float(segment_lengths_m(lon, lat).sum()) if len(lon) > 1 else 0.0


def time_split(t: np.ndarray, stops: Sequence[Stop], rules: TrackRules = DEFAULT_TRACK) -> tuple[float, float, float]:
    """(moving, stopped, gap) seconds, adding up to the span from the first fix to the last.

    A silence longer than max_gap_s is a gap; otherwise a segment inside a detected stop is stopped time and
    any other is moving. Judging by stops rather than by segment speed keeps GPS jitter at rest (easily
    1 m/s between two fixes) from counting as walking."""
    if len(t) < 2:
        return 0.0, 0.0, 0.0
    dt = np.diff(t)
    gap = dt > rules.max_gap_s
    in_stop = np.zeros(len(dt), dtype=bool)
    for stop in stops:
        in_stop[stop.first_index:stop.last_index] = True
    stopped = in_stop & ~gap
    return float(dt[~gap & ~stopped].sum()), float(dt[stopped].sum()), float(dt[gap].sum())


def _local_metres(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Equirectangular metres at the track's mean latitude: within 0.1 % of haversine across a city and
    centimetres at the stop radius, and a distance is then a sum of squares instead of trigonometry."""
    scale = math.radians(1.0) * EARTH_RADIUS_M
    if not len(lon):
        return lon, lat
    return lon * (scale * math.cos(math.radians(float(np.mean(lat))))), lat * scale


def _exit_offsets(x: np.ndarray, y: np.ndarray, radius_m: float, max_offset: int = 64) -> np.ndarray:
    """For each fix i, the smallest k ≤ max_offset with fix i+k farther than radius_m from fix i (0 if none).

    One vectorised pass per offset over the fixes still unresolved: a walking worker leaves the radius within
    a few fixes, so after the first rounds only fixes at rest remain."""
    n = len(x)
    r2 = radius_m * radius_m
    exits = np.zeros(n, dtype=np.int64)
    open_idx = np.arange(n)
    for k in range(1, max_offset + 1):
        open_idx = open_idx[open_idx + k < n]
        if not len(open_idx):
            break
        far = (x[open_idx + k] - x[open_idx]) ** 2 + (y[open_idx + k] - y[open_idx]) ** 2 > r2
        exits[open_idx[far]] = k
        open_idx = open_idx[~far]
    return exits


def _last_within(x: np.ndarray, y: np.ndarray, i: int, radius_m: float) -> int:
    """The last index j ≥ i such that every fix i..j lies within radius_m of fix i."""
    n, j, chunk, r2 = len(x), i, 32, radius_m * radius_m
    while j + 1 < n:
        stop = min(n, j + 1 + chunk)
        outside = np.flatnonzero((x[j + 1:stop] - x[i]) ** 2 + (y[j + 1:stop] - y[i]) ** 2 > r2)
        if len(outside):
            return j + int(outside[0])
        j, chunk = stop - 1, chunk * 4
    return j


def _median(values: np.ndarray) -> float:
    """np.median's value without its generic machinery, which costs most of a stop's trimming."""
    n = len(values)
    low, high = (n - 1) // 2, n // 2
    part = np.partition(values, (low, high))
    return float((part[low] + part[high]) / 2)


def _trimmed(t: np.ndarray, lon: np.ndarray, lat: np.ndarray, xy: tuple[np.ndarray, np.ndarray],
             i: int, j: int, core_m: float) -> Stop:
    """The run i..j without its approach and departure: only fixes within core_m of the run's median
    position count, so walking in and out through the radius does not lengthen the stop."""
    run_x, run_y = xy[0][i:j + 1], xy[1][i:j + 1]
    cx, cy = _median(run_x), _median(run_y)
    core = np.flatnonzero((run_x - cx) ** 2 + (run_y - cy) ** 2 <= core_m * core_m)
    first, last = (i + int(core[0]), i + int(core[-1])) if len(core) else (i, j)
    clon, clat = _median(lon[i:j + 1]), _median(lat[i:j + 1])
    return Stop(start=float(t[first]), end=float(t[last]), lon=clon, lat=clat, first_index=first, last_index=last)


def detect_stops(t: np.ndarray, lon: np.ndarray, lat: np.ndarray,
                 rules: TrackRules = DEFAULT_TRACK) -> list[Stop]:
    """Stay points: runs of fixes staying within `stop_radius_m` of the run's first fix for at least
    `stop_min_dwell_s`, trimmed to its core (see _trimmed) for arrival and departure times."""
    stops: list[Stop] = []
    n = len(t)
    if n < 2:
        return stops
    xy = _local_metres(lon, lat)
    exits = _exit_offsets(*xy, rules.stop_radius_m)
    # Only a fix whose run may last the dwell can start a stop: judged for all fixes at once, so the loop
    # below visits the fixes at rest and skips the walking ones (a Python step per fix cost ~20 ms a day).
    ends = np.where(exits > 0, np.arange(n) + exits - 1, np.arange(n))
    starts = np.flatnonzero(((exits == 0) | (t[ends] - t >= rules.stop_min_dwell_s))[:n - 1])
    i = 0
    while True:
        k = int(np.searchsorted(starts, i))
        if k == len(starts):
            break
        i = int(starts[k])
        j = i + int(exits[i]) - 1 if exits[i] else _last_within(*xy, i, rules.stop_radius_m)
        if t[j] - t[i] >= rules.stop_min_dwell_s:
            stop = _trimmed(t, lon, lat, xy, i, j, rules.stop_radius_m / 2)
            if stop.duration_s >= rules.stop_min_dwell_s:
                stops.append(stop)
            i = j + 1
        else:
            i += 1
    return stops


def time_in_polygons(t: np.ndarray, lon: np.ndarray, lat: np.ndarray, polygons: Sequence[BaseGeometry],
                     rules: TrackRules = DEFAULT_TRACK) -> tuple[float, float]:
    """(inside, outside) seconds: each segment counts where it starts; silences longer than max_gap_s
    count nowhere."""
    if len(t) < 2:
        return 0.0, 0.0
    inside = np.zeros(len(t) - 1, dtype=bool)
    if polygons:
        area = shapely.union_all(list(polygons))
        shapely.prepare(area)
        inside = shapely.contains_xy(area, lon[:-1], lat[:-1])
    dt = np.diff(t)
    counted = dt <= rules.max_gap_s
    return float(dt[counted & inside].sum()), float(dt[counted & ~inside].sum())


def summarize(t: np.ndarray, lon: np.ndarray, lat: np.ndarray, polygons: Sequence[BaseGeometry] | None = None,
              rules: TrackRules = DEFAULT_TRACK) -> TrackSummary:
    """All figures of one track; inside/outside are None when no polygons are given."""
    stops = detect_stops(t, lon, lat, rules)
    moving, stopped, gap = time_split(t, stops, rules)
    inside, outside = time_in_polygons(t, lon, lat, polygons, rules) if polygons is not None else (None, None)
    return TrackSummary(fixes=len(t), distance_m=distance_m(lon, lat), moving_s=moving, stopped_s=stopped,
                        gap_s=gap, stops=tuple(stops), inside_s=inside, outside_s=outside)
