"""Generated boundaries tile their parent: no gaps, no overlaps, no empty cells, areas as asked."""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from console.domain.partition import (
    CellLocator,
    PartitionError,
    partition,
    reading_order,
    sample_points,
    tiling_report,
)
from console.services.seed.orgunits import allocate
from console.services.seed.reference import load_district

SQUARE = shapely.box(118.0, 24.4, 118.02, 24.42)
L_SHAPE = shapely.Polygon([(118.0, 24.4), (118.03, 24.4), (118.03, 24.41), (118.01, 24.41), (118.01, 24.43),
                           (118.0, 24.43)])
ISLANDS = shapely.MultiPolygon([shapely.box(118.0, 24.4, 118.02, 24.42), shapely.box(118.03, 24.4, 118.035, 24.405)])


def _check_tiling(parent, cells) -> None:
    report = tiling_report(parent, cells)
    assert report.empty_cells == 0
    assert report.mismatch < 1e-9, report
    union = shapely.union_all(cells)
    assert abs(union.area - parent.area) / parent.area < 1e-9
    tree = shapely.STRtree(cells)
    left, right = tree.query(cells, predicate="intersects")
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j:
            assert cells[i].intersection(cells[j]).area / parent.area < 1e-12
    assert all(c.geom_type in ("Polygon", "MultiPolygon") and c.area > 0 for c in cells)


@pytest.mark.parametrize("parent", [SQUARE, L_SHAPE, ISLANDS], ids=["square", "l-shape", "islands"])
@pytest.mark.parametrize("n", [2, 7, 18])
def test_equal_cells_tile_the_parent(parent, n):
    cells = partition(parent, [1.0] * n, np.random.default_rng(3))
    assert len(cells) == n
    _check_tiling(parent, cells)
    if parent is not ISLANDS:  # a cell stranded on a small island converges slowly; tiling still holds
        areas = np.array([c.area for c in cells]) / parent.area * n
        assert areas.min() > 0.6 and areas.max() < 1.4


def test_shares_set_the_cell_areas():
    shares = [18, 9, 11, 11, 9, 1, 1]
    cells = partition(L_SHAPE, shares, np.random.default_rng(5), hold=0.6, iterations=100)
    _check_tiling(L_SHAPE, cells)
    got = np.array([c.area for c in cells]) / L_SHAPE.area
    want = np.array(shares) / sum(shares)
    assert np.all(np.abs(got - want) / want < 0.3), (got, want)


def test_the_real_district_splits_into_street_offices():
    district = load_district("350206").boundary
    cells = partition(district, [18, 9, 11, 11, 9, 1, 1], np.random.default_rng(1), hold=0.6, iterations=100)
    _check_tiling(district, cells)


def test_same_generator_same_cells():
    a = partition(L_SHAPE, [1.0] * 6, np.random.default_rng(9))
    b = partition(L_SHAPE, [1.0] * 6, np.random.default_rng(9))
    assert [shapely.to_wkb(x) for x in a] == [shapely.to_wkb(x) for x in b]


def test_hints_keep_cells_where_they_start():
    hints = np.array([[118.002, 24.402], [118.018, 24.418]])
    cells = partition(SQUARE, [1.0, 1.0], np.random.default_rng(0), hints=hints, hold=1.0)
    assert shapely.contains_xy(cells[0], *hints[0]) and shapely.contains_xy(cells[1], *hints[1])


def test_one_cell_is_the_parent_and_zero_is_refused():
    assert partition(SQUARE, [1.0], np.random.default_rng(0)) == [SQUARE]
    with pytest.raises(PartitionError):
        partition(SQUARE, [], np.random.default_rng(0))


def test_locator_finds_the_cell_and_refuses_edges_and_outside():
    left, right = shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)
    locator = CellLocator(shapely.box(0, 0, 2, 1), [left, right])
    got = locator.locate(np.array([0.5, 1.5, 1.0, 3.0, 0.0]), np.array([0.5, 0.5, 0.5, 0.5, 0.5]))
    assert got.tolist() == [0, 1, -1, -1, -1]


def test_sample_points_lie_inside():
    x, y = sample_points(L_SHAPE, 500, np.random.default_rng(2))
    assert len(x) == 500 and shapely.contains_xy(L_SHAPE, x, y).all()


def test_reading_order_runs_north_to_south_then_west_to_east():
    cells = [shapely.box(1, 0, 2, 1), shapely.box(0, 1, 1, 2), shapely.box(0, 0, 1, 1), shapely.box(1, 1, 2, 2)]
    assert reading_order(cells) == [1, 3, 2, 0]


def test_allocate_keeps_the_total_and_the_minimum():
    counts = allocate(640, np.array([5.0, 1.0, 1.0, 0.01]), minimum=2)
    assert counts.sum() == 640 and counts.min() >= 2 and counts[0] > counts[1]
