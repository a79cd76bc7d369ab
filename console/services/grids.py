"""Which grid a point lies in: point-in-polygon over the grids' boundaries with a shapely STRtree.

Imports assign thousands of points at once, so the boundaries are parsed and indexed once per locator and
all points are queried in one vectorised call."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import shape
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.services.jurisdiction import Actor, within
from db.models import OrgUnit


@dataclass(frozen=True)
class GridRef:
    id: int
    path: str
    name: str


def _geometry(text: str):
    data = json.loads(text)
    if data.get("type") == "Feature":
        data = data["geometry"]
    return shape(data)


class GridLocator:
    """The grids of an actor's jurisdiction that have a boundary, indexed for point lookups."""

    def __init__(self, grids: Sequence[GridRef], geometries: Sequence) -> None:
        self.grids = list(grids)
        self._tree = shapely.STRtree(list(geometries))

    @classmethod
    def load(cls, session: Session, actor: Actor) -> GridLocator:
        rows = session.execute(select(OrgUnit.id, OrgUnit.path, OrgUnit.name, OrgUnit.boundary_geojson)
                               .where(OrgUnit.kind == "grid", OrgUnit.boundary_geojson.is_not(None),
                                      within(actor, OrgUnit.path))
                               .order_by(OrgUnit.id)).all()
        return cls([GridRef(r[0], r[1], r[2]) for r in rows], [_geometry(r[3]) for r in rows])

    def locate_many(self, lons: Sequence[float], lats: Sequence[float]) -> list[GridRef | None]:
        """The grid of each point (the lowest id where boundaries overlap), None outside every grid."""
        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        found: list[GridRef | None] = [None] * len(points)
        if not self.grids:
            return found
        point_idx, grid_idx = self._tree.query(points, predicate="intersects")
        for p, g in sorted(zip(point_idx.tolist(), grid_idx.tolist(), strict=True), key=lambda pg: (pg[0], -pg[1])):
            found[p] = self.grids[g]
        return found

    def locate(self, lon: float, lat: float) -> GridRef | None:
        return self.locate_many([lon], [lat])[0]
