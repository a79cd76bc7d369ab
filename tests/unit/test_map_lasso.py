"""The lasso's even-odd point-in-polygon test against shapely on random points and awkward shapes."""

from __future__ import annotations

import numpy as np
from shapely.geometry import Point, Polygon

from console.domain.map_lasso import points_in_polygon, polygon_box


def _shapely_inside(x, y, poly) -> list[bool]:
    shape = Polygon(poly)
    return [shape.contains(Point(a, b)) for a, b in zip(x, y)]


def test_matches_shapely_on_a_concave_free_hand_shape():
    rng = np.random.default_rng(7)
    t = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    r = 100 + 40 * np.sin(5 * t)
    poly = np.column_stack([200 + r * np.cos(t), 150 + r * np.sin(t)])
    x, y = rng.uniform(50, 350, 3000), rng.uniform(0, 300, 3000)
    got = points_in_polygon(x, y, poly)
    assert got.tolist() == _shapely_inside(x, y, poly)
    assert 0 < got.sum() < len(x)


def test_self_crossing_lasso_uses_the_even_odd_rule():
    bow = np.array([[0, 0], [10, 10], [10, 0], [0, 10]], dtype=float)
    got = points_in_polygon(np.array([2.0, 5.0, 8.0, 5.0]), np.array([5.0, 2.0, 5.0, 8.0]), bow)
    assert got.tolist() == [True, False, True, False]


def test_too_few_vertices_select_nothing_and_box_bounds_vertices():
    assert not points_in_polygon(np.array([1.0]), np.array([1.0]), np.array([[0, 0], [2, 2]])).any()
    assert polygon_box(np.array([[3, 1], [0, 5], [2, -1]])) == (0.0, -1.0, 3.0, 5.0)
