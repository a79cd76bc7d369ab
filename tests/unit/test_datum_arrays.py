"""The array conversions agree with geo.py's scalar ones (which the GCJ-02 acceptance test checks
independently), inside and outside China."""
from __future__ import annotations

import numpy as np
import pytest

from console.domain import datum_arrays, geo


@pytest.mark.parametrize("datum", ["wgs84", "gcj02", "bd09"])
def test_matches_scalar(datum):
    rng = np.random.default_rng(3)
    lon = np.concatenate([rng.uniform(117.9, 118.4, 200), [2.35, -74.0]])
    lat = np.concatenate([rng.uniform(24.3, 24.8, 200), [48.85, 40.7]])
    got_lon, got_lat = datum_arrays.to_wgs84(datum, lon, lat)
    expected = np.array([geo.to_wgs84(datum, x, y) for x, y in zip(lon.tolist(), lat.tolist(), strict=True)])
    assert np.max(np.abs(got_lon - expected[:, 0])) < 1e-9
    assert np.max(np.abs(got_lat - expected[:, 1])) < 1e-9


def test_forward_matches_scalar():
    lon, lat = np.array([118.14, 100.0, 2.0]), np.array([24.5, 30.0, 48.0])
    fx, fy = datum_arrays.wgs84_to_gcj02(lon, lat)
    for i in range(3):
        assert (fx[i], fy[i]) == pytest.approx(geo.wgs84_to_gcj02(lon[i], lat[i]), abs=1e-12)
    with pytest.raises(ValueError):
        datum_arrays.to_wgs84("osgb36", lon, lat)
