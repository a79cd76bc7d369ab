"""Track figures on synthetic tracks whose stops, distance and polygon time are known by construction."""
from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import box

from console.domain.tracks import (
    TrackRules,
    detect_stops,
    distance_m,
    summarize,
    time_in_polygons,
    time_split,
)

LAT0, LON0 = 24.48, 118.10
M_PER_DEG_LAT = 111_195.0


def _synthetic(plan: list[tuple[str, float]], step_s: float = 5.0, speed: float = 1.2, seed: int = 3,
               jitter_m: float = 4.0):
    """Walk east at `speed` or stand still with ±jitter_m noise, per (kind, seconds) leg of the plan."""
    rng = np.random.default_rng(seed)
    m_per_deg_lon = M_PER_DEG_LAT * math.cos(math.radians(LAT0))
    t, x = [0.0], [0.0]
    for kind, seconds in plan:
        for _ in range(int(seconds / step_s)):
            t.append(t[-1] + step_s)
            x.append(x[-1] + (speed * step_s if kind == "walk" else 0.0))
    xs, ts = np.array(x), np.array(t)
    still = np.concatenate(([False], np.diff(xs) == 0))
    jitter = rng.uniform(-jitter_m, jitter_m, size=(2, len(xs))) * still
    return ts, LON0 + (xs + jitter[0]) / m_per_deg_lon, LAT0 + jitter[1] / M_PER_DEG_LAT


PLAN = [("walk", 600), ("stay", 20 * 60), ("walk", 900), ("stay", 35 * 60), ("walk", 300),
        ("stay", 3 * 60), ("walk", 400), ("stay", 7 * 60), ("walk", 200)]


def test_stops_are_found_with_their_durations():
    t, lon, lat = _synthetic(PLAN)
    stops = detect_stops(t, lon, lat, TrackRules(stop_radius_m=30, stop_min_dwell_s=300))
    assert [round(s.duration_s / 60) for s in stops] == [20, 35, 7]
    for stop, minutes in zip(stops, (20, 35, 7)):
        assert abs(stop.duration_s - minutes * 60) <= 60
    first_stop_x_start = 600  # seconds of walking before the first stay
    assert abs(stops[0].start - first_stop_x_start) <= 60


def test_a_pause_shorter_than_the_dwell_is_not_a_stop():
    t, lon, lat = _synthetic([("walk", 300), ("stay", 240), ("walk", 300)])
    assert detect_stops(t, lon, lat, TrackRules(stop_min_dwell_s=300)) == []
    assert len(detect_stops(t, lon, lat, TrackRules(stop_radius_m=30, stop_min_dwell_s=180))) == 1


def test_distance_of_a_straight_walk():
    _, lon, lat = _synthetic([("walk", 1000)])
    assert distance_m(lon, lat) == pytest.approx(1200.0, rel=1e-3)
    assert distance_m(lon[:1], lat[:1]) == 0.0


def test_moving_stopped_and_gap_time_add_up():
    t, lon, lat = _synthetic([("walk", 600), ("stay", 1200), ("walk", 600)])
    t[len(t) // 2:] += 3600  # the phone was off for an hour in the middle of the stay
    stops = detect_stops(t, lon, lat, TrackRules(stop_radius_m=30))
    moving, stopped, gap = time_split(t, stops)
    assert moving + stopped + gap == pytest.approx(t[-1] - t[0])
    assert gap == pytest.approx(3605.0)
    assert moving == pytest.approx(1200.0, abs=60)
    assert stopped == pytest.approx(1200.0 - 5.0, abs=60)


def test_jitter_at_rest_is_not_moving_time():
    t, lon, lat = _synthetic([("stay", 1800)], jitter_m=8.0)  # ±8 m noise: ~1.7 m/s between fixes
    assert time_split(t, detect_stops(t, lon, lat)) == (0.0, 1800.0, 0.0)


def test_time_inside_and_outside_polygons():
    t, lon, lat = _synthetic([("walk", 1000)])  # 1200 m east over 1000 s
    m_per_deg_lon = M_PER_DEG_LAT * math.cos(math.radians(LAT0))
    grid = box(LON0 - 0.001, LAT0 - 0.001, LON0 + 600 / m_per_deg_lon, LAT0 + 0.001)
    inside, outside = time_in_polygons(t, lon, lat, [grid])
    assert inside == pytest.approx(500.0, abs=5)
    assert outside == pytest.approx(500.0, abs=5)
    assert time_in_polygons(t, lon, lat, []) == (0.0, pytest.approx(1000.0))


def test_summary_collects_every_figure():
    t, lon, lat = _synthetic(PLAN)
    summary = summarize(t, lon, lat, rules=TrackRules(stop_radius_m=30))
    assert summary.fixes == len(t)
    assert len(summary.stops) == 3
    assert summary.inside_s is None
    assert summary.moving_s + summary.stopped_s + summary.gap_s == pytest.approx(t[-1] - t[0])
