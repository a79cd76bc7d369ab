"""Org-unit polygons for the boundaries layer: rings as numpy arrays, a label point, a bounding box.

Parsed once when the layer loads so drawing only projects arrays; the label point is shapely's
representative point, which always lies inside the polygon (a centroid can fall outside a crescent)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import MultiPolygon, Polygon, shape

from console.domain.geo import BBox
from console.domain.map_datum import display_mercator

KIND_LEVELS = {"district": 0, "township": 1, "community": 2, "grid": 3}


@dataclass(frozen=True, eq=False)
class Boundary:
    id: int
    name: str
    kind: str
    path: str
    rings: tuple[np.ndarray, ...]
    """Each ring an (n, 2) array of lon/lat; exteriors and holes alike (drawn with the odd-even rule)."""
    label_lon: float
    label_lat: float
    bbox: BBox
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def level(self) -> int:
        return KIND_LEVELS.get(self.kind, len(KIND_LEVELS))

    def display_rings(self, datum: str) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
        """Rings in display Mercator metres for `datum`, computed once per datum."""
        if datum not in self._cache:
            sizes = [len(r) for r in self.rings]
            allpts = np.concatenate(self.rings) if self.rings else np.zeros((0, 2))
            mx, my = display_mercator(allpts[:, 0], allpts[:, 1], datum)
            cuts = np.cumsum(sizes)[:-1]
            self._cache[datum] = tuple(zip(np.split(mx, cuts), np.split(my, cuts)))
        return self._cache[datum]


def parse_geometry(geojson: str):
    """A Polygon/MultiPolygon from a geometry, a Feature or a one-feature FeatureCollection."""
    raw = json.loads(geojson)
    if raw.get("type") == "FeatureCollection":
        raw = raw["features"][0]
    if raw.get("type") == "Feature":
        raw = raw["geometry"]
    geom = shape(raw)
    if not isinstance(geom, (Polygon, MultiPolygon)):
        raise ValueError(f"a boundary must be a polygon, not a {geom.geom_type}")  # noqa: TRY004 - bad input data
    return geom


def boundary_from_geojson(unit_id: int, name: str, kind: str, path: str, geojson: str) -> Boundary:
    geom = parse_geometry(geojson)
    polygons = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    rings = []
    for poly in polygons:
        rings.append(np.asarray(poly.exterior.coords, dtype=float)[:, :2])
        rings += [np.asarray(hole.coords, dtype=float)[:, :2] for hole in poly.interiors]
    label = max(polygons, key=lambda p: p.area).representative_point()
    x0, y0, x1, y1 = geom.bounds
    return Boundary(
        unit_id, name, kind, path, tuple(rings), float(label.x), float(label.y), BBox(x0, y0, x1, y1)
    )
