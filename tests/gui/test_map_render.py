"""Layer rendering on its own: the three premises modes, HiDPI images, the renderer's stale-result rule."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor

from console.domain.geo import lonlat_to_mercator
from console.domain.map_points import PointSet
from console.domain.map_raster import disc_offsets, ring_offsets
from console.domain.map_view import MapView
from console.qtmodels.map_premises import CLUSTER_ABOVE_RES, SYMBOLS_UP_TO, PremisesLayer, render_premises
from console.qtmodels.map_render import LayerRenderer
from console.qtmodels.map_style import PREMISE_COLORS


def _points(n: int, seed: int = 1) -> PointSet:
    rng = np.random.default_rng(seed)
    return PointSet.build(
        np.arange(1, n + 1),
        rng.normal(118.1, 0.03, n),
        rng.normal(24.5, 0.02, n),
        cat=rng.choice(4, n, p=[0.7, 0.15, 0.1, 0.05]),
        sym=rng.integers(0, 6, n),
    )


def _words(img) -> np.ndarray:
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint32).reshape(img.height(), img.bytesPerLine() // 4)


def test_far_out_premises_draw_as_clusters_that_count_everything(qapp):
    pts = _points(20_000)
    view = MapView.at_lonlat(118.1, 24.5, 12.5, 800, 600)
    assert view.res > CLUSTER_ABOVE_RES
    img, meta = render_premises(pts, None, view, "wgs84", clustering=True)
    assert meta.mode == "clusters"
    x0, y0, x1, y1 = view.extent()
    mx, my = pts.display("wgs84")
    inside = (mx >= x0) & (mx < x1) & (my >= y0) & (my < y1)
    c = meta.clusters
    assert c.total.sum() + len(c.loose) == inside.sum()
    assert len(c.loose) > 0 and inside[c.loose].all()
    counted = c.by_cat.sum(axis=0) + np.bincount(pts.cat[c.loose], minlength=4)
    assert counted.tolist() == np.bincount(pts.cat[inside], minlength=4).tolist()
    assert np.count_nonzero(_words(img)) > 0


def test_without_clustering_the_same_view_is_a_dot_per_premise(qapp):
    pts = _points(20_000)
    view = MapView.at_lonlat(118.1, 24.5, 12.5, 800, 600)
    img, meta = render_premises(pts, None, view, "wgs84", clustering=False)
    assert meta.mode == "dots"
    row = int(np.argmax(pts.cat == 3))
    sx, sy = view.lonlat_to_screen(pts.lon[row], pts.lat[row])
    colors = {img.pixelColor(int(sx) + dx, int(sy) + dy).name() for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert colors & {QColor(c).name() for c in PREMISE_COLORS}


def test_close_in_premises_are_symbols_with_their_status_colour(qapp):
    pts = _points(5_000)
    row = 17
    view = MapView.at_lonlat(pts.lon[row], pts.lat[row], 18, 400, 300)
    img, meta = render_premises(pts, None, view, "wgs84", clustering=True)
    assert meta.mode == "symbols"
    assert img.pixelColor(200, 150) == QColor(PREMISE_COLORS[pts.cat[row]]) or any(
        img.pixelColor(200 + d, 150) == QColor(PREMISE_COLORS[pts.cat[row]]) for d in (-1, 1)
    )


def test_hidpi_renders_twice_the_pixels_at_twice_the_coordinates(qapp):
    view = MapView.at_lonlat(118.1, 24.5, 15, 100, 80, dpr=2.0)
    one = PointSet.build([1], [118.1], [24.5], cat=[2])
    img, meta = render_premises(one, None, view, "wgs84", clustering=False)
    assert (img.width(), img.height(), img.devicePixelRatio(), meta.mode) == (200, 160, 2.0, "symbols")
    ys, xs = np.nonzero(_words(img))
    assert xs.mean() == pytest.approx(100, abs=1) and ys.mean() == pytest.approx(80, abs=1)
    lon, lat = view.screen_to_lonlat(20.0, 20.0)
    n = SYMBOLS_UP_TO + 1
    crowd = PointSet.build(np.arange(2, n + 2), np.full(n, float(lon)), np.full(n, float(lat)))
    img, meta = render_premises(one.merged(crowd), None, view, "wgs84", clustering=False)
    assert meta.mode == "dots"
    assert img.pixelColor(100, 80) == QColor(PREMISE_COLORS[2])
    window = _words(img)[34:47, 34:47]
    assert np.count_nonzero(window == np.uint32(QColor(PREMISE_COLORS[0]).rgba())) == len(disc_offsets(2))
    assert np.count_nonzero(window) == len(disc_offsets(2)) + len(ring_offsets(2))


def test_filter_mask_leaves_rows_out(qapp):
    pts = _points(5_000)
    layer = PremisesLayer()
    layer.set_points(pts)
    layer.set_filter(lambda p: p.cat == 3)
    view = MapView.at_lonlat(118.1, 24.5, 14.5, 800, 600)
    img, _ = layer.render_fn()(view, "wgs84")
    black = np.uint32(QColor(PREMISE_COLORS[3]).rgba())
    green = np.uint32(QColor(PREMISE_COLORS[0]).rgba())
    words = _words(img)
    assert np.count_nonzero(words == black) > 0 and np.count_nonzero(words == green) == 0


def test_renderer_drops_a_result_whose_data_changed_meanwhile(qtbot):
    layer = PremisesLayer()
    layer.set_points(_points(2_000))
    renderer = LayerRenderer(margin_px=0)
    view = MapView.at_lonlat(118.1, 24.5, 14, 300, 200)
    renderer.request(layer, view, "wgs84")
    layer.set_points(_points(2_000, seed=2))
    renderer.request(layer, view, "wgs84")
    qtbot.waitUntil(renderer.idle, timeout=10_000)
    result = renderer.result("premises")
    assert result.data_version == layer.data_version
    x, y = lonlat_to_mercator(118.1, 24.5)
    assert (result.view.cx, result.view.cy) == pytest.approx((x, y))
    renderer.wait_for_done()


def test_renderer_reports_a_failing_layer_and_keeps_going(qtbot):
    layer = PremisesLayer()
    layer.set_points(_points(100))
    layer.set_filter(lambda p: 1 / 0)
    renderer = LayerRenderer(margin_px=0)
    with qtbot.waitSignal(renderer.failed, timeout=5000) as blocker:
        renderer.request(layer, MapView.at_lonlat(118.1, 24.5, 14, 300, 200), "wgs84")
    assert "ZeroDivisionError" in blocker.args[1]
    qtbot.waitUntil(renderer.idle, timeout=5000)


def test_cluster_view_remembers_which_premises_are_drawn_as_themselves(qapp):
    pts = _points(20_000)
    lone = PointSet.build([99_999], [118.28], [24.5], cat=[2])
    view = MapView.at_lonlat(118.1, 24.5, 12.0, 1200, 600)
    _, meta = render_premises(pts.merged(lone), None, view, "wgs84", clustering=True)
    assert meta.mode == "clusters" and 99_999 in meta.loose_ids
    assert len(meta.loose_ids) == len(meta.clusters.loose)
