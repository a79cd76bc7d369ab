"""Lasso selection's geometry: which points lie inside a free-hand polygon (even-odd rule, numpy only).

The lasso is tested in screen pixels, where the operator drew it, so what is selected is exactly what lay
inside the line on screen whatever the datum or zoom."""

from __future__ import annotations

import numpy as np

MIN_VERTICES = 3


def points_in_polygon(x: np.ndarray, y: np.ndarray, poly: np.ndarray) -> np.ndarray:
    """Boolean mask of the points (x, y) inside the closed polygon `poly` ((n, 2) vertices, not repeated at
    the end); a self-crossing lasso counts areas enclosed an odd number of times, like a fill."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    inside = np.zeros(len(x), dtype=bool)
    poly = np.asarray(poly, dtype=float)
    if len(poly) < MIN_VERTICES:
        return inside
    xj, yj = poly[-1]
    for xi, yi in poly:
        crosses = (yi > y) != (yj > y)
        if crosses.any():
            at_x = xi + (y[crosses] - yi) * (xj - xi) / (yj - yi)
            inside[crosses] ^= x[crosses] < at_x
        xj, yj = xi, yi
    return inside


def polygon_box(poly: np.ndarray) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of the vertices: the box that pre-selects candidates cheaply."""
    poly = np.asarray(poly, dtype=float)
    return float(poly[:, 0].min()), float(poly[:, 1].min()), float(poly[:, 0].max()), float(poly[:, 1].max())
