"""Point sets (identify, box, live merge) and the numpy rasteriser behind the map's layers."""

from __future__ import annotations

import numpy as np
import pytest

from console.domain.geo import lonlat_to_mercator
from console.domain.map_points import PointSet
from console.domain.map_raster import (
    cluster,
    disc_offsets,
    draw_order,
    image_shape,
    project,
    ring_offsets,
    stamp,
)
from console.domain.map_view import MapView


def _points() -> PointSet:
    return PointSet.build(
        ids=[10, 11, 12, 13],
        lon=[118.1, 118.1001, 118.2, 118.3],
        lat=[24.5, 24.5, 24.6, 24.7],
        cat=[0, 2, 1, 3],
        names=["a", "b", "c", "d"],
    )


def test_index_of_finds_rows_and_marks_absent():
    assert list(_points().index_of([13, 10, 99])) == [3, 0, -1]
    assert list(PointSet.empty().index_of([1])) == [-1]


def test_nearest_picks_the_closest_within_radius():
    pts = _points()
    x, y = lonlat_to_mercator(118.10008, 24.5)
    assert pts.nearest("wgs84", float(x), float(y), radius_m=30) == 1
    assert pts.nearest("wgs84", float(x) + 500, float(y), radius_m=30) == -1
    mask = np.array([True, False, True, True])
    assert pts.nearest("wgs84", float(x), float(y), radius_m=30, mask=mask) == 0


def test_inside_returns_rows_in_the_rectangle():
    pts = _points()
    x0, y0 = lonlat_to_mercator(118.05, 24.45)
    x1, y1 = lonlat_to_mercator(118.25, 24.65)
    assert list(pts.inside("wgs84", float(x1), float(y0), float(x0), float(y1))) == [0, 1, 2]


def test_merged_replaces_appends_and_removes_without_touching_the_original():
    pts = _points()
    update = PointSet.build(
        ids=[11, 20], lon=[118.1001, 118.4], lat=[24.5, 24.8], cat=[3, 1], names=["B", "new"]
    )
    out = pts.merged(update, removed_ids=[12])
    assert list(out.ids) == [10, 11, 13, 20]
    assert list(out.cat) == [0, 3, 3, 1] and list(out.names) == ["a", "B", "d", "new"]
    assert list(pts.cat) == [0, 2, 1, 3]


def test_merged_recolour_keeps_the_display_cache():
    pts = _points()
    xy = pts.display("wgs84")
    out = pts.merged(PointSet.build(ids=[12], lon=[118.2], lat=[24.6], cat=[3]))
    assert out.display("wgs84") is xy
    moved = pts.merged(PointSet.build(ids=[12], lon=[118.25], lat=[24.6], cat=[3]))
    assert moved.display("wgs84") is not xy


def test_stamp_draws_dots_on_top_by_class():
    view = MapView(0.0, 0.0, 1.0, 20, 10)
    buf = np.zeros(image_shape(view), np.uint32)
    mx, my = np.array([-5.0, -3.0, 100.0]), np.array([0.0, 0.0, 0.0])
    cat = np.array([1, 0, 0])
    px, py, inside = project(view, mx, my, 1)
    rows = np.flatnonzero(inside)
    assert list(rows) == [0, 1]
    rows = rows[draw_order(cat[rows])]
    stamp(buf, px[rows], py[rows], np.array([0xFF00FF00, 0xFFFF0000], np.uint32)[cat[rows]], disc_offsets(1))
    assert buf[5, 6] == 0xFFFF0000
    assert buf[5, 8] == 0xFF00FF00
    assert np.count_nonzero(buf) == 15


def test_dpr_doubles_the_device_pixels():
    view = MapView(0.0, 0.0, 1.0, 20, 10, dpr=2.0)
    assert image_shape(view) == (20, 40)
    px, py, inside = project(view, np.array([0.0, -0.4]), np.array([0.0, 0.0]), 2)
    assert (px[0], py[0], inside[0]) == (20, 10, True)
    assert (px[1], inside[1]) == (19, True)


def test_project_works_across_chunks_and_culls_the_edges():
    from console.domain.map_raster import CHUNK

    view = MapView(0.0, 0.0, 1.0, 100, 50)
    n = CHUNK + 10
    mx = np.linspace(-60, 60, n)
    px, py, inside = project(view, mx, np.zeros(n), 3)
    assert px[0] == -10 and px[-1] == 110 and np.all(py == 25)
    assert np.array_equal(inside, (px >= 3) & (px < 97))


def test_disc_and_ring_offsets():
    assert len(disc_offsets(0)) == 1 and len(disc_offsets(1)) == 9
    assert not set(ring_offsets(1)) & set(disc_offsets(1))
    assert len(disc_offsets(3)) > len(disc_offsets(2)) > 9


def test_cluster_counts_per_cell_by_class():
    view = MapView(500.0, 500.0, 1.0, 1000, 1000)
    rng = np.random.default_rng(0)
    mx = np.concatenate([rng.uniform(10, 40, 30), rng.uniform(610, 640, 20), [5000.0]])
    my = np.concatenate([rng.uniform(10, 40, 30), rng.uniform(610, 640, 20), [5000.0]])
    cat = np.concatenate([np.zeros(30, int), np.full(20, 2)])
    cat = np.append(cat, 1)
    clusters = cluster(view, mx, my, cat, 4, cell_px=100)
    assert sorted(clusters.total.tolist()) == [20, 30]
    big = int(np.argmax(clusters.total))
    assert clusters.by_cat[big].tolist() == [30, 0, 0, 0]
    assert clusters.sx[big] == pytest.approx(mx[:30].mean())
    assert clusters.sy[big] == pytest.approx(1000 - my[:30].mean())
    assert len(clusters.loose) == 0
    sparse = cluster(view, mx, my, cat, 4, cell_px=100, min_size=25)
    assert sparse.total.tolist() == [30] and sorted(sparse.loose.tolist()) == list(range(30, 50))


def test_merged_move_reprojects_only_the_moved_rows():
    pts = _points()
    pts.display("wgs84")
    moved = pts.merged(PointSet.build(ids=[12], lon=[118.25], lat=[24.6], cat=[1]))
    x, y = moved.display("wgs84")
    ex, ey = lonlat_to_mercator(
        np.array([118.1, 118.1001, 118.25, 118.3]), np.array([24.5, 24.5, 24.6, 24.7])
    )
    assert np.allclose(x, ex) and np.allclose(y, ey)
    assert moved.nearest("wgs84", float(ex[2]), float(ey[2]), 1.0) == 2


def test_class_plane_dilates_and_keeps_the_worse_class_on_overlap():
    from console.domain.map_raster import class_plane

    px, py = np.array([3, 4, 9, 40]), np.array([3, 3, 7, 2])
    inside = np.array([True, True, True, False])
    plane = class_plane((10, 12), px, py, np.array([0, 2, 1, 3]), radius=1, inside=inside)
    assert plane[3, 2] == 1 and plane[3, 3] == 3 and plane[3, 5] == 3
    assert (plane[6:9, 8:11] == 2).all()
    assert np.count_nonzero(plane) == 3 * 4 + 9


def test_merged_shares_the_columns_an_update_leaves_alone():
    pts = _points()
    out = pts.merged(PointSet.build(ids=[12], lon=[118.2], lat=[24.6], cat=[3], names=["c"]))
    assert out.lon is pts.lon and out.names is pts.names and out.t is pts.t
    assert out.cat is not pts.cat and out.cat.tolist() == [0, 2, 3, 3]


def test_a_shifted_lattice_keeps_counts_and_positions():
    view = MapView(500.0, 500.0, 1.0, 1000, 1000)
    rng = np.random.default_rng(1)
    mx, my = rng.uniform(0, 1000, 500), rng.uniform(0, 1000, 500)
    cat = rng.integers(0, 2, 500)
    plain = cluster(view, mx, my, cat, 2, cell_px=100)
    shifted = cluster(view, mx, my, cat, 2, cell_px=100, shift=0.5)
    assert plain.total.sum() == shifted.total.sum() == 500
    assert shifted.by_cat.sum(axis=0).tolist() == plain.by_cat.sum(axis=0).tolist()
    sx = np.sort(shifted.sx)
    assert sx.min() >= 0 and sx.max() <= 1000
    assert (shifted.sx * shifted.total).sum() / 500 == pytest.approx(mx.mean())
