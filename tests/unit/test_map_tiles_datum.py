"""Tile arithmetic, URL templates, basemap specs and the GCJ-02 display shift."""

from __future__ import annotations

import numpy as np
import pytest

from console.domain.geo import lonlat_to_mercator, wgs84_to_gcj02
from console.domain.map_datum import display_mercator, gcj02_offsets
from console.domain.map_tiles import (
    BasemapSpec,
    TileKey,
    tile_bounds,
    tile_url,
    tile_zoom_for,
    tiles_covering,
)
from console.domain.map_view import MapView


def test_url_template_expands_subdomains_and_tms_rows():
    key = TileKey(3, 5, 1)
    assert tile_url("http://{s}.h/{z}/{x}/{y}.png", key, "abc") == "http://a.h/3/5/1.png"
    assert (
        tile_url("http://t{s}.h/?x={x}&y={-y}&l={z}", TileKey(3, 5, 2), "01234567")
        == "http://t7.h/?x=5&y=5&l=3"
    )


def test_tiles_covering_a_view_include_the_centre_tile_first():
    view = MapView.at_lonlat(113.525, 34.818, 17, 1600, 900)
    keys = tiles_covering(view, 17)
    x, y = lonlat_to_mercator(113.525, 34.818)
    x0, y0, x1, y1 = tile_bounds(keys[0])
    assert x0 <= x <= x1 and y0 <= y <= y1
    assert 7 * 4 <= len(keys) <= 8 * 5
    assert len(set(keys)) == len(keys)


def test_tile_bounds_nest():
    child = TileKey(17, 106864, 51999)
    cx0, cy0, cx1, cy1 = tile_bounds(child)
    px0, py0, px1, py1 = tile_bounds(child.parent())
    assert px0 <= cx0 < cx1 <= px1 and py0 <= cy0 < cy1 <= py1


def test_tile_zoom_follows_view_and_clamps():
    view = MapView.at_lonlat(113.5, 34.8, 16.9, 800, 600)
    assert tile_zoom_for(view, 0, 18) == 17
    assert tile_zoom_for(view, 0, 15) == 15
    assert tile_zoom_for(view, 18, 20) == 18


def test_basemap_spec_validates():
    spec = BasemapSpec.from_dict(
        {
            "name": "t",
            "kind": "xyz",
            "location": "http://{s}.x/{z}/{x}/{y}",
            "subdomains": "ab",
            "max_zoom": "17",
            "datum": "gcj02",
        }
    )
    assert spec.max_zoom == 17 and spec.datum == "gcj02"
    with pytest.raises(ValueError, match="subdomains"):
        BasemapSpec("t", "xyz", "http://{s}.x/{z}/{x}/{y}")
    with pytest.raises(ValueError, match="datum"):
        BasemapSpec("t", "folder", "/tmp", datum="bd09")
    with pytest.raises(ValueError, match="kind"):
        BasemapSpec("t", "wms", "/tmp")


def test_gcj02_offsets_match_the_closed_form():
    rng = np.random.default_rng(3)
    lon = rng.uniform(117.9, 118.3, 500)
    lat = rng.uniform(24.4, 24.7, 500)
    dlon, dlat = gcj02_offsets(lon, lat)
    exact = np.array([wgs84_to_gcj02(a, b) for a, b in zip(lon, lat)])
    err_m = np.hypot((lon + dlon - exact[:, 0]) * 101_000, (lat + dlat - exact[:, 1]) * 111_000)
    assert err_m.max() < 0.5
    assert np.hypot(dlon * 101_000, dlat * 111_000).min() > 100


def test_display_mercator_is_identity_for_wgs84_and_shifts_for_gcj02():
    lon, lat = np.array([118.1]), np.array([24.5])
    x, y = display_mercator(lon, lat, "wgs84")
    assert (x[0], y[0]) == pytest.approx(lonlat_to_mercator(118.1, 24.5))
    gx, gy = display_mercator(lon, lat, "gcj02")
    assert (gx[0], gy[0]) == pytest.approx(lonlat_to_mercator(*wgs84_to_gcj02(118.1, 24.5)), abs=0.5)
    with pytest.raises(ValueError):
        display_mercator(lon, lat, "bd09")


def test_gcj02_offsets_outside_china_are_zero():
    dlon, dlat = gcj02_offsets(np.array([2.35, 2.36]), np.array([48.85, 48.86]))
    assert np.all(dlon == 0) and np.all(dlat == 0)
