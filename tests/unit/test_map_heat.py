"""The heat map's density raster: where a cluster lies, how the blur spreads it, and its colour ramp."""

from __future__ import annotations

import numpy as np
import pytest

from console.domain.geo import lonlat_to_mercator
from console.domain.map_heat import (
    BLUR_PASSES,
    HEAT_LEVELS,
    MIN_LEVEL,
    box_radius,
    density,
    heat_levels,
    heat_palette,
)
from console.domain.map_view import MapView


def _cluster(lon: float, lat: float, n: int, spread: float, seed: int = 3):
    rng = np.random.default_rng(seed)
    return lonlat_to_mercator(rng.normal(lon, spread, n), rng.normal(lat, spread, n))


def test_hottest_pixel_is_at_the_projected_cluster():
    view = MapView.at_lonlat(118.1, 24.5, 14, 400, 300)
    target = view.screen_to_lonlat(120.0, 210.0)
    mx, my = _cluster(float(target[0]), float(target[1]), 200, 0.0002)
    noise = _cluster(118.1, 24.5, 30, 0.02, seed=4)
    dens = density(view, np.concatenate([mx, noise[0]]), np.concatenate([my, noise[1]]), sigma_px=8)
    assert dens.shape == (300, 400) and dens.max() == pytest.approx(1.0)
    row, col = np.unravel_index(int(np.argmax(dens)), dens.shape)
    assert abs(col - 120) <= 3 and abs(row - 210) <= 3
    assert dens[210, 360] < 0.05


def test_hidpi_density_covers_device_pixels():
    view = MapView.at_lonlat(118.1, 24.5, 15, 100, 80, dpr=2.0)
    mx, my = lonlat_to_mercator(np.array([118.1]), np.array([24.5]))
    dens = density(view, mx, my, sigma_px=4)
    assert dens.shape == (160, 200)
    row, col = np.unravel_index(int(np.argmax(dens)), dens.shape)
    assert abs(col - 100) <= 1 and abs(row - 80) <= 1


def test_points_just_off_screen_warm_the_edge_and_nothing_gives_zeros():
    view = MapView.at_lonlat(118.1, 24.5, 15, 200, 100)
    off = view.to_mercator(np.array([-4.0]), np.array([50.0]))
    assert density(view, *off, sigma_px=6)[50, 0] > 0.3
    assert not density(view, np.zeros(0), np.zeros(0), sigma_px=6).any()


def test_three_box_passes_approximate_the_requested_sigma():
    r = box_radius(10)
    width = 2 * r + 1
    assert np.sqrt(BLUR_PASSES * (width**2 - 1) / 12) == pytest.approx(10, rel=0.1)


def test_colour_ramp_is_transparent_when_cold_and_opaque_red_when_hot():
    palette = heat_palette()
    assert palette.shape == (HEAT_LEVELS,) and palette.dtype == np.uint32
    assert (palette[:MIN_LEVEL] == 0).all()
    alpha = palette >> 24
    assert np.all(np.diff(alpha.astype(int)) >= 0) and alpha[-1] > 200
    hot = int(palette[-1])
    assert (hot >> 16) & 0xFF > 4 * ((hot >> 8) & 0xFF)
    levels = heat_levels(np.array([[0.0, 0.01, 0.5, 1.0]], dtype=np.float32))
    assert levels.tolist() == [[0, 0, 128, 255]]
