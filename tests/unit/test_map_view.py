"""View arithmetic of the map: projection both ways, zoom about the cursor, fit to a box, scale bar."""

from __future__ import annotations

import math

import numpy as np
import pytest

from console.domain.geo import BBox, haversine_m, lonlat_to_mercator
from console.domain.map_view import MAX_RES, MIN_RES, MapView, ground_res, res_to_zoom, scale_bar, zoom_to_res


def _view(**kw) -> MapView:
    return MapView.at_lonlat(118.1, 24.5, 15, 1600, 900, **kw)


def test_centre_projects_to_the_middle_of_the_screen():
    sx, sy = _view().lonlat_to_screen(118.1, 24.5)
    assert (float(sx), float(sy)) == pytest.approx((800, 450), abs=1e-6)


def test_screen_and_lonlat_round_trip():
    view = _view()
    lon, lat = view.screen_to_lonlat(np.array([0.0, 1599.0, 321.5]), np.array([0.0, 899.0, 77.25]))
    sx, sy = view.lonlat_to_screen(lon, lat)
    assert np.allclose(sx, [0, 1599, 321.5], atol=1e-6) and np.allclose(sy, [0, 899, 77.25], atol=1e-6)


def test_north_is_up_and_east_is_right():
    view = _view()
    sx_e, _ = view.lonlat_to_screen(118.11, 24.5)
    _, sy_n = view.lonlat_to_screen(118.1, 24.51)
    assert sx_e > 800 and sy_n < 450


def test_zoom_level_and_resolution_are_inverse():
    assert res_to_zoom(zoom_to_res(13.7)) == pytest.approx(13.7)
    assert zoom_to_res(0) == pytest.approx(156543.03392804097)


@pytest.mark.parametrize("factor", [2.0, 0.5, 1.37])
def test_zoom_about_cursor_keeps_the_point_under_it(factor):
    view = _view()
    before = view.screen_to_lonlat(1234.0, 211.0)
    after_view = view.zoomed_about(factor, 1234.0, 211.0)
    sx, sy = after_view.lonlat_to_screen(*before)
    assert (float(sx), float(sy)) == pytest.approx((1234.0, 211.0), abs=1e-6)
    assert after_view.res == pytest.approx(view.res / factor)


def test_zoom_is_clamped():
    view = _view()
    assert view.zoomed_about(1e9, 0, 0).res == MIN_RES
    assert view.zoomed_about(1e-12, 0, 0).res == MAX_RES


def test_pan_moves_content_with_the_drag():
    view = _view()
    moved = view.panned(100, -40)
    sx, sy = moved.lonlat_to_screen(118.1, 24.5)
    assert (float(sx), float(sy)) == pytest.approx((900, 410))


def test_fit_bbox_shows_all_of_it_within_the_margin():
    box = BBox(118.05, 24.42, 118.2, 24.56)
    view = _view().fit_bbox(box, margin_px=24)
    xs, ys = view.lonlat_to_screen(np.array([box.min_lon, box.max_lon]), np.array([box.min_lat, box.max_lat]))
    assert xs.min() >= 24 - 1e-6 and xs.max() <= 1600 - 24 + 1e-6
    assert ys.min() >= 24 - 1e-6 and ys.max() <= 900 - 24 + 1e-6
    tight = [float(xs.max() - xs.min()) / 1552, float(ys.min() - ys.max()) / -852]
    assert max(tight) == pytest.approx(1.0)


def test_fit_bbox_of_a_point_stops_at_max_zoom():
    view = _view().fit_bbox(BBox(118.1, 24.5, 118.1, 24.5), max_zoom=18)
    assert view.zoom == pytest.approx(18)


def test_placement_of_an_image_rendered_for_another_view():
    view = _view()
    rendered = view.expanded(100)
    x, y, scale = view.placement_of(rendered)
    assert (x, y, scale) == pytest.approx((-100, -100, 1))
    x, y, scale = view.zoomed_about(2, 800, 450).placement_of(view)
    assert (x, y, scale) == pytest.approx((-800, -450, 2))


def test_ground_resolution_matches_haversine():
    view = _view()
    lon0, lat0 = view.screen_to_lonlat(700.0, 450.0)
    lon1, lat1 = view.screen_to_lonlat(900.0, 450.0)
    metres = haversine_m(float(lon0), float(lat0), float(lon1), float(lat1))
    # Mercator uses the equatorial radius, haversine the mean one: they differ by 0.11 %.
    assert ground_res(view) * 200 == pytest.approx(metres, rel=2e-3)


def test_scale_bar_picks_a_round_length_that_fits():
    view = _view()
    metres, px, label = scale_bar(view, max_px=120)
    assert px <= 120 and px > 120 / 2.5
    assert label in {"100 m", "200 m", "500 m"}
    assert metres == pytest.approx(px * ground_res(view))
    assert scale_bar(view.with_res(view.res * 40), 120)[2].endswith("km")


def test_extent_and_bbox_agree():
    view = _view()
    x0, y0, x1, y1 = view.extent()
    box = view.bbox()
    assert lonlat_to_mercator(box.min_lon, box.min_lat)[0] == pytest.approx(x0)
    assert (x1 - x0) / view.res == pytest.approx(1600) and (y1 - y0) / view.res == pytest.approx(900)
    assert math.isclose(view.top, y1) and math.isclose(view.left, x0)
