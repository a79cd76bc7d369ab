"""Numpy rasterisation of point layers: project, cull, stamp dots into a 32-bit pixel buffer, and aggregate
counts per screen cell for the cluster view.

Drawing 100k–1M points one QPainter call at a time costs seconds; projecting them as arrays and writing
colour through fancy indexing costs milliseconds, which is what lets a layer re-render while the map pans.
The passes over every point run in slices of CHUNK rows: some numpy calls (ufunc.at, dtype casts) hold the
GIL for their whole run, and a slice boundary is where the GUI thread gets it back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.domain.map_view import MapView

CHUNK = 1 << 17
ROW_BAND = 256


def project(
    view: MapView, mx: np.ndarray, my: np.ndarray, margin: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mercator metres → integer device-pixel columns and rows of the view's image (dpr applied), and whether
    a stamp of half-size `margin` around each lies wholly inside the image.

    Truncation rounds towards zero, so points just left of or above the image land on 0 — outside the margin,
    so they are culled all the same."""
    n = len(mx)
    h, w = image_shape(view)
    k = view.dpr / view.res
    px, py = np.empty(n, np.int32), np.empty(n, np.int32)
    inside = np.empty(n, bool)
    tmp = np.empty(min(n, CHUNK))
    for a in range(0, n, CHUNK):
        b = min(a + CHUNK, n)
        t = tmp[: b - a]
        np.subtract(mx[a:b], view.left, out=t)
        t *= k
        px[a:b] = t
        np.subtract(view.top, my[a:b], out=t)
        t *= k
        py[a:b] = t
        x, y = px[a:b], py[a:b]
        inside[a:b] = (x >= margin) & (x < w - margin) & (y >= margin) & (y < h - margin)
    return px, py, inside


def image_shape(view: MapView) -> tuple[int, int]:
    """(rows, columns) of a device-pixel image covering the view."""
    return max(1, round(view.height * view.dpr)), max(1, round(view.width * view.dpr))


def disc_offsets(radius: int) -> list[tuple[int, int]]:
    """(dy, dx) of the pixels of a filled disc; radius 1 is the 3×3 square a dot needs to be seen."""
    if radius <= 1:
        return (
            [(dy, dx) for dy in (-radius, 0, radius) for dx in (-radius, 0, radius)] if radius else [(0, 0)]
        )
    r2 = radius * radius + radius
    return [
        (dy, dx)
        for dy in range(-radius, radius + 1)
        for dx in range(-radius, radius + 1)
        if dy * dy + dx * dx <= r2
    ]


def ring_offsets(radius: int) -> list[tuple[int, int]]:
    """The one-pixel outline around `disc_offsets(radius)`: a dark rim that lifts dots off a light map."""
    inner = set(disc_offsets(radius))
    return sorted(o for o in disc_offsets(radius + 1) if o not in inner)


def stamp(
    buf: np.ndarray, px: np.ndarray, py: np.ndarray, colors: np.ndarray | int, offsets: list[tuple[int, int]]
) -> None:
    """Write `colors` at every offset around each (px, py); later points overwrite earlier ones.

    The caller culls points whose stamp would leave the image (`project`'s inside mask)."""
    width = buf.shape[1]
    flat = buf.reshape(-1)
    base = py.astype(np.int64) * width + px
    for dy, dx in offsets:
        flat[base + (dy * width + dx)] = colors


def classes_present(cat: np.ndarray) -> np.ndarray:
    """The distinct small non-negative class codes, ascending (a bincount: no sort over the rows)."""
    return np.flatnonzero(np.bincount(cat.astype(np.int64))) if len(cat) else np.zeros(0, np.int64)


def draw_order(cat: np.ndarray) -> np.ndarray:
    """Rows ordered so higher classes are written last and stay on top (a red premise over green ones)."""
    return np.argsort(cat, kind="stable")


def class_plane(
    shape: tuple[int, int], px: np.ndarray, py: np.ndarray, cat: np.ndarray, radius: int, inside: np.ndarray
) -> np.ndarray:
    """A uint8 image holding class+1 (0 = empty) of the highest-class point within `radius` pixels (a square).

    For dense layers this beats stamping: one unordered max-write per point, then a separable dilation whose
    cost is per pixel, not per point; max means overlaps show the worse status, as the stamped order does.
    Points where `inside` is false go to a spare pixel past the end instead of being compressed out, which
    saves three gathers over a million rows."""
    h, w = shape
    flat = np.zeros(h * w + 1, dtype=np.uint8)
    for a in range(0, len(px), CHUNK):
        b = min(a + CHUNK, len(px))
        index = py[a:b].astype(np.int64)
        index *= w
        index += px[a:b]
        np.putmask(index, ~inside[a:b], h * w)
        np.maximum.at(flat, index, (cat[a:b] + 1).astype(np.uint8))
    plane = flat[:-1].reshape(shape)
    for axis in (1, 0):
        source = plane.copy()
        for d in range(1, radius + 1):
            _shift_max(plane, source, d, axis)
    return plane


def paint_plane(words: np.ndarray, plane: np.ndarray, palette: np.ndarray) -> None:
    """words = palette[plane], band by band (np.take holds the GIL for a whole call)."""
    for r in range(0, plane.shape[0], ROW_BAND):
        np.take(palette, plane[r : r + ROW_BAND], out=words[r : r + ROW_BAND, : plane.shape[1]], mode="wrap")


def _shift_max(out: np.ndarray, src: np.ndarray, d: int, axis: int) -> None:
    if axis == 1:
        np.maximum(out[:, d:], src[:, :-d], out=out[:, d:])
        np.maximum(out[:, :-d], src[:, d:], out=out[:, :-d])
    else:
        np.maximum(out[d:], src[:-d], out=out[d:])
        np.maximum(out[:-d], src[d:], out=out[:-d])


@dataclass(frozen=True)
class Clusters:
    """One entry per cluster: centre (logical px of the view), total and per-class counts; `loose` are the
    rows of points in cells too sparse to cluster, which are drawn as themselves."""

    sx: np.ndarray
    sy: np.ndarray
    total: np.ndarray
    by_cat: np.ndarray
    loose: np.ndarray


def cluster(
    view: MapView,
    mx: np.ndarray,
    my: np.ndarray,
    cat: np.ndarray,
    ncat: int,
    cell_px: float,
    min_size: int = 1,
    shift: float = 0.0,
) -> Clusters:
    """Aggregate points per cell of a grid fixed to the Mercator plane (so cells do not shift while panning);
    each cluster sits at the mean position of its members. Points outside the view go to a spare bin."""
    cell = cell_px * view.res
    x0, y0, x1, y1 = view.extent()
    # `shift` (a fraction of a cell) offsets one layer's lattice so its discs fall between another's.
    mx, my = mx - shift * cell, my - shift * cell
    x0, y0, x1, y1 = x0 - shift * cell, y0 - shift * cell, x1 - shift * cell, y1 - shift * cell
    gx0, gy0 = np.floor(x0 / cell), np.floor(y0 / cell)
    nx = int(np.floor(x1 / cell) - gx0) + 1
    ny = int(np.floor(y1 / cell) - gy0) + 1
    size = nx * ny
    key = np.empty(len(mx), np.int64)
    for a in range(0, len(mx), CHUNK):
        b = min(a + CHUNK, len(mx))
        x, y = mx[a:b], my[a:b]
        k = (np.floor(y / cell) - gy0) * nx + (np.floor(x / cell) - gx0)
        k[~((x >= x0) & (x < x1) & (y >= y0) & (y < y1))] = size
        key[a:b] = k
    by_cat = np.bincount(key * ncat + cat, minlength=(size + 1) * ncat).reshape(size + 1, ncat)
    by_cat[size] = 0
    total = by_cat.sum(axis=1)
    clustered = total >= max(min_size, 1)
    occupied = np.flatnonzero(clustered)
    sum_x = np.bincount(key, weights=mx, minlength=size + 1)[occupied]
    sum_y = np.bincount(key, weights=my, minlength=size + 1)[occupied]
    n = total[occupied]
    sx, sy = view.to_screen(sum_x / n + shift * cell, sum_y / n + shift * cell)
    sparse = (total > 0) & ~clustered
    loose = np.flatnonzero(sparse[key]) if sparse.any() else np.zeros(0, np.int64)
    return Clusters(sx, sy, n, by_cat[occupied], loose)
