"""Split a polygon into cells that tile it: capacity-constrained power diagrams (weighted Voronoi cells).

Why: the open data has the district's outline but no township, community or grid polygons, so the demo
district draws its own. Power-diagram cells are convex pieces cut by straight bisectors; clipped to the
parent they tile it without gaps or overlaps. Lloyd relaxation (sites move to their cells' centroids) with
per-site weights gives each cell the share of the area it was asked for — a street office with 18
communities gets 18 times the area of one with a single community.

The relaxation runs on a dense uniform sample of the parent (discrete Lloyd: cheap numpy arithmetic); the
exact cells are cut once at the end with shapely. Distances use a local equirectangular metric, so cells
are balanced in metres, not in degrees of longitude."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

_MIN_SAMPLES = 2000
_SAMPLES_PER_CELL = 300
_WEIGHT_STEP = 0.5


class PartitionError(ValueError):
    """The parent cannot be split as asked (no cells requested, or a cell came out empty)."""


def sample_points(geom: BaseGeometry, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """`n` points uniformly distributed inside `geom` (rejection sampling from its bounding box)."""
    shapely.prepare(geom)
    min_x, min_y, max_x, max_y = geom.bounds
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    have = 0
    while have < n:
        batch = max(64, 2 * (n - have))
        x = rng.uniform(min_x, max_x, batch)
        y = rng.uniform(min_y, max_y, batch)
        keep = shapely.contains_xy(geom, x, y)
        xs.append(x[keep])
        ys.append(y[keep])
        have += int(keep.sum())
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the areal parts of an overlay result (clipping can leave stray points and lines)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.multipolygons(parts) if len(parts) > 1 else (parts[0] if parts else shapely.Polygon())


@dataclass(frozen=True)
class _Frame:
    """Local metric frame: x = (lon - lon0)·cos(lat0), y = lat - lat0 (degrees of latitude as unit)."""

    lon0: float
    lat0: float
    k: float

    @classmethod
    def around(cls, geom: BaseGeometry) -> _Frame:
        c = geom.centroid
        return cls(c.x, c.y, math.cos(math.radians(c.y)))

    def to_metric(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        return np.column_stack([(lon - self.lon0) * self.k, lat - self.lat0])

    def to_lonlat(self, pts: np.ndarray) -> np.ndarray:
        return np.column_stack([pts[:, 0] / self.k + self.lon0, pts[:, 1] + self.lat0])


def _labels(samples: np.ndarray, sites: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Power-diagram cell of each sample: argmin |p - s|² - w, without the per-sample constant |p|²."""
    power = (sites * sites).sum(axis=1) - weights - 2.0 * (samples @ sites.T)
    return power.argmin(axis=1)


def _claim(samples: np.ndarray, sites: np.ndarray, weights: np.ndarray, i: int, margin: float) -> None:
    """Give the empty cell i back a foothold where it stands: its site moves to the nearest sample point and
    its weight rises just enough (plus `margin`) to own that point."""
    sites[i] = samples[int(np.argmin(((samples - sites[i]) ** 2).sum(axis=1)))]
    others = np.delete(np.arange(len(sites)), i)
    power = ((sites[others] - sites[i]) ** 2).sum(axis=1) - weights[others]
    weights[i] = -float(power.min()) + margin


def _relax(samples: np.ndarray, sites: np.ndarray, shares: np.ndarray, area: float, iterations: int,
           hold: float) -> tuple[np.ndarray, np.ndarray]:
    """Discrete capacity-constrained Lloyd: returns sites and power weights (metric units).

    Each step moves a site to its cell's centroid blended with its starting point by `hold` (0 = plain
    Lloyd) and nudges its weight toward its share; a cell whose error changes sign gets a smaller step (sites
    that start close together would otherwise make their weights oscillate). Stops early once sites stand
    still and every cell holds its share to within 1 %."""
    n, m = len(sites), len(samples)
    target = shares * area
    weights = np.zeros(n)
    step = np.full(n, _WEIGHT_STEP)
    last_error = np.zeros(n)
    start = sites.copy()
    still = 1e-4 * math.sqrt(area / n)
    for _ in range(iterations):
        label = _labels(samples, sites, weights)
        counts = np.bincount(label, minlength=n)
        error = target - counts * (area / m)
        step = np.where(error * last_error < 0, step * 0.5, np.minimum(step * 1.2, _WEIGHT_STEP))
        last_error = error
        weights += step * error
        weights -= weights.mean()
        filled = counts > 0
        cx = np.bincount(label, weights=samples[:, 0], minlength=n)
        cy = np.bincount(label, weights=samples[:, 1], minlength=n)
        moved = sites.copy()
        sites[filled, 0] = (1.0 - hold) * cx[filled] / counts[filled] + hold * start[filled, 0]
        sites[filled, 1] = (1.0 - hold) * cy[filled] / counts[filled] + hold * start[filled, 1]
        for i in np.flatnonzero(~filled):
            _claim(samples, sites, weights, int(i), 0.1 * target[i])
        if filled.all() and np.abs(sites - moved).max() < still and np.abs(error).max() < 0.01 * target.min():
            break
    # The last update may have squeezed a cell out of every sample point: claim one back for it, so that
    # every exact cell below contains at least that point.
    for _ in range(n):
        empty = np.flatnonzero(np.bincount(_labels(samples, sites, weights), minlength=n) == 0)
        if len(empty) == 0:
            break
        for i in empty:
            _claim(samples, sites, weights, int(i), 1e-3 * target[i])
    return sites, weights


def _halfplanes(frame: _Frame, sites: np.ndarray, weights: np.ndarray, reach: float) -> np.ndarray:
    """Polygons H[i, j] (lon/lat) of the side of the i|j power bisector that belongs to site i.

    H[j, i] is built from the exact negation of H[i, j]'s line, so both cells share one bisector."""
    n = len(sites)
    k = frame.k
    centre = np.array([frame.lon0, frame.lat0])
    hp = np.empty((n, n), dtype=object)
    for i in range(n):
        for j in range(i + 1, n):
            v = 2.0 * (sites[j] - sites[i])
            rhs = float(sites[j] @ sites[j] - sites[i] @ sites[i] - (weights[j] - weights[i]))
            a = np.array([k * v[0], v[1]])
            b = rhs + a[0] * frame.lon0 + a[1] * frame.lat0
            norm = float(np.hypot(a[0], a[1]))
            for sign, (p, q) in ((1.0, (i, j)), (-1.0, (j, i))):
                nrm = sign * a / norm
                on_line = centre - nrm * (nrm @ centre - sign * b / norm)
                tangent = np.array([-nrm[1], nrm[0]])
                ring = [on_line + reach * tangent, on_line - reach * tangent,
                        on_line - reach * tangent - reach * nrm, on_line + reach * tangent - reach * nrm]
                hp[p, q] = shapely.Polygon(ring)
    return hp


def partition(geom: BaseGeometry, shares: Sequence[float], rng: np.random.Generator, *,
              hints: np.ndarray | None = None, iterations: int = 60, hold: float = 0.0) -> list[BaseGeometry]:
    """Split `geom` (lon/lat) into len(shares) cells whose areas follow `shares`; cell i belongs to shares[i].

    `hints` (n×2 lon/lat) are the starting sites, e.g. the rough real positions of street offices, so the
    cells keep the real arrangement; without them the sites start at random points. `hold` (0..1) keeps
    sites near their start: small cells among large ones otherwise drift to the parent's edge."""
    n = len(shares)
    if n < 1:
        raise PartitionError("a partition needs at least one cell")
    if n == 1:
        return [geom]
    frame = _Frame.around(geom)
    m = max(_MIN_SAMPLES, _SAMPLES_PER_CELL * n)
    sx, sy = sample_points(geom, m, rng)
    samples = frame.to_metric(sx, sy)
    if hints is not None:
        sites = frame.to_metric(np.asarray(hints)[:, 0], np.asarray(hints)[:, 1])
    else:
        sites = samples[rng.choice(m, size=n, replace=False)].copy()
    share_arr = np.asarray(shares, dtype=float) / float(np.sum(shares))
    area = geom.area * frame.k
    sites, weights = _relax(samples, sites, share_arr, area, iterations, hold)
    min_x, min_y, max_x, max_y = geom.bounds
    reach = 4.0 * math.hypot(max_x - min_x, max_y - min_y) + 1e-6
    pad = reach / 4.0
    box = shapely.box(min_x - pad, min_y - pad, max_x + pad, max_y + pad)
    hp = _halfplanes(frame, sites, weights, reach)
    cells = np.array([box] * n, dtype=object)
    idx = np.arange(n)
    for offset in range(1, n):
        cells = shapely.intersection(cells, hp[idx, (idx + offset) % n])
    clipped = [_polygonal(c) for c in shapely.intersection(cells, geom)]
    empty = [i for i, c in enumerate(clipped) if c.is_empty or c.area <= 0.0]
    if empty:
        raise PartitionError(f"cells {empty} came out empty; use fewer cells for this polygon")
    return clipped


def reading_order(cells: Sequence[BaseGeometry]) -> list[int]:
    """Indices of `cells` in reading order (north to south in bands, west to east), for numbering."""
    cents = shapely.centroid(np.asarray(cells, dtype=object))
    xs, ys = shapely.get_x(cents), shapely.get_y(cents)
    total = float(sum(c.area for c in cells))
    band = math.sqrt(total / len(cells)) if total > 0 else 1.0
    rows = np.floor((ys.max() - ys) / band)
    return [int(i) for i in np.lexsort((xs, rows))]


@dataclass(frozen=True)
class TilingReport:
    """How far `cells` are from tiling `parent`, each as a fraction of the parent's area."""

    mismatch: float
    overlap: float
    empty_cells: int

    def ok(self, tolerance: float = 1e-9) -> bool:
        return self.mismatch <= tolerance and self.overlap <= tolerance and self.empty_cells == 0


def tiling_report(parent: BaseGeometry, cells: Sequence[BaseGeometry]) -> TilingReport:
    """Mismatch = area of (parent XOR union of cells); overlap = Σ cell areas − area of their union."""
    arr = np.asarray(cells, dtype=object)
    union = shapely.union_all(arr)
    areas = shapely.area(arr)
    base = parent.area
    return TilingReport(mismatch=shapely.symmetric_difference(parent, union).area / base,
                        overlap=max(0.0, float(areas.sum()) - union.area) / base,
                        empty_cells=int((areas <= 0.0).sum()))


class CellLocator:
    """Which cell of a tiling strictly contains each point (STRtree); -1 for points outside the parent,
    on an edge, or (in float dust) inside two cells — callers resample those."""

    def __init__(self, parent: BaseGeometry, cells: Sequence[BaseGeometry]) -> None:
        self._parent = parent
        shapely.prepare(parent)
        self._tree = shapely.STRtree(list(cells))

    def locate(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        out = np.full(len(x), -1, dtype=np.int64)
        if len(x) == 0:
            return out
        hits = self._tree.query(shapely.points(x, y), predicate="within")
        counts = np.bincount(hits[0], minlength=len(x))
        single = counts == 1
        out[hits[0][single[hits[0]]]] = hits[1][single[hits[0]]]
        out[~shapely.contains_xy(self._parent, x, y)] = -1
        return out
