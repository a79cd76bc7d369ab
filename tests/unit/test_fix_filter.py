"""Fix filtering on the real Shanghai tracks (distance against an independent sum) and on injected bad fixes."""
from __future__ import annotations

import csv
import itertools
import math
from pathlib import Path

import numpy as np
import pytest

from console.domain.fix_filter import FilterRules, filter_fixes
from console.domain.tracks import distance_m

TRACK_FILES = ("0.csv", "16.csv", "118.csv", "121.csv", "151.csv")


def read_track(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return (np.array([int(r["locatetime"]) / 1000.0 for r in rows]), np.array([float(r["lon"]) for r in rows]),
            np.array([float(r["lat"]) for r in rows]))


def plain_haversine_sum(points: list[tuple[float, float]]) -> float:
    """Written out on purpose, sharing no code with the console."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(points):
        phi1, phi2 = math.radians(lat1), math.radians(lat2)
        h = (math.sin((phi2 - phi1) / 2) ** 2
             + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
        total += 2 * 6371000.0 * math.asin(math.sqrt(h))
    return total


@pytest.mark.parametrize("name", TRACK_FILES)
def test_distance_matches_an_independent_sum_over_the_kept_fixes(shared_data, name):
    t, lon, lat = read_track(shared_data / "shanghai-tracks-amm" / "track" / name)
    kept = filter_fixes(t, lon, lat)
    points = [(lon[i], lat[i]) for i in kept.source_index]
    expected = plain_haversine_sum(points)
    assert expected > 1000
    assert distance_m(kept.lon, kept.lat) == pytest.approx(expected, rel=0.005)
    assert len(kept) + kept.dropped_total == len(t)


def test_multipath_jumps_in_real_tracks_are_dropped(shared_data):
    t, lon, lat = read_track(shared_data / "shanghai-tracks-amm" / "track" / "121.csv")
    kept = filter_fixes(t, lon, lat)
    assert kept.dropped["speed"] > 0
    speeds = np.hypot(np.diff(kept.lon) * 95_000, np.diff(kept.lat) * 111_000) / np.diff(kept.t)
    assert speeds.max() <= FilterRules().max_speed_mps * 1.01


def test_injected_bad_fixes_are_dropped_and_counted(shared_data):
    t, lon, lat = read_track(shared_data / "shanghai-tracks-amm" / "track" / "0.csv")
    clean = filter_fixes(t, lon, lat)
    assert clean.dropped_total == 0
    now = float(t.max()) + 60
    bad_t = [t[10] + 0.5, t[20] + 0.5, t[30] + 0.5, t.max() + 86_400, t[40], t[50], t[60] + 0.5, t[70] + 0.5]
    bad_lon = [0.0, 0.0, 200.0, lon[80], lon[40], lon[50], lon[60] + 0.05, float("nan")]
    bad_lat = [0.0, lat[20], lat[30], lat[80], lat[40], lat[50], lat[60], lat[70]]
    dirty = filter_fixes(np.concatenate((t, bad_t)), np.concatenate((lon, bad_lon)),
                         np.concatenate((lat, bad_lat)), now=now)
    assert dict(dirty.dropped) == {"zero": 2, "out_of_range": 2, "future": 1, "duplicate": 2, "speed": 1}
    assert dirty.dropped_total == len(bad_t)
    assert np.array_equal(dirty.t, clean.t)
    assert distance_m(dirty.lon, dirty.lat) == pytest.approx(distance_m(clean.lon, clean.lat))


def test_a_jump_is_judged_against_the_last_kept_fix():
    t = np.array([0.0, 10.0, 20.0, 30.0])
    lat = np.array([24.5, 24.5, 24.5, 24.5001])
    lon = np.array([118.1, 118.2, 118.1001, 118.1002])  # fix 1 is 10 km away for 10 s
    kept = filter_fixes(t, lon, lat, rules=FilterRules(max_speed_mps=30))
    assert list(kept.source_index) == [0, 2, 3]
    assert kept.dropped == {"speed": 1}


def test_unsorted_input_comes_back_in_time_order():
    kept = filter_fixes(np.array([30.0, 10.0, 20.0]), np.array([118.1, 118.1, 118.1]), np.array([24.5, 24.5, 24.5]))
    assert list(kept.t) == [10.0, 20.0, 30.0]
    assert list(kept.source_index) == [1, 2, 0]
