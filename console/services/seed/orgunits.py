"""The demo district's org tree: real division codes and names, generated boundaries, grids and departments.

The open data has no township or community polygons, so they are drawn: the district is split into street
offices sized by how many communities each has, each office into its communities, each community into
grids (see console.domain.partition). Starting sites come from real road names that carry a place's name
(钟宅社区 starts near 钟宅路), so the drawn map keeps roughly the real arrangement. Ids are assigned here, in
insertion order, so every org_path is known before anything is written."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import mapping

from console.domain.incident_catalog import DEPARTMENTS
from console.domain.partition import CellLocator, partition, reading_order, sample_points, tiling_report
from console.services.seed.reference import DistrictData, RoadAnchors

TILING_TOLERANCE = 1e-9
HOLD = 0.6  # street offices stay near their place-name hints (small ones drift to the edge otherwise)
COMMUNITY_HOLD = 0.3


class TilingError(RuntimeError):
    """Generated boundaries failed the gap/overlap check (a bug, never expected in practice)."""


@dataclass
class Unit:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    path: str
    geom: object | None = None
    children: list[Unit] = field(default_factory=list)

    def row(self) -> dict:
        bounds = self.geom.bounds if self.geom is not None else (None,) * 4
        return {"id": self.id, "code": self.code, "name": self.name, "kind": self.kind,
                "parent_id": self.parent_id, "path": self.path,
                "boundary_geojson": (json.dumps(mapping(self.geom), separators=(",", ":"), ensure_ascii=False)
                                     if self.geom is not None else None),
                "min_lon": bounds[0], "min_lat": bounds[1], "max_lon": bounds[2], "max_lat": bounds[3]}


@dataclass
class OrgTree:
    district: Unit
    townships: list[Unit]
    departments: list[Unit]
    communities: list[Unit]
    grids: list[Unit]
    locator: CellLocator

    def units(self) -> list[Unit]:
        """All units in id order (parents before children)."""
        return sorted([self.district, *self.townships, *self.departments, *self.communities, *self.grids],
                      key=lambda u: u.id)

    def township_of(self, unit: Unit) -> Unit:
        tid = int(unit.path.strip("/").split("/")[1])
        return next(t for t in self.townships if t.id == tid)

    def department(self, suffix: str) -> Unit:
        return next(d for d in self.departments if d.code.endswith(suffix))

    def locate(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Grid index (into `grids`) whose polygon strictly contains each point; -1 to resample."""
        return self.locator.locate(lon, lat)


def place_stem(name: str) -> str:
    """'钟宅社区' → '钟宅', '火炬高技术开发区' → '火炬': the place name roads are named after."""
    return name[:2]


def place_hint(stems: list[str], anchors: RoadAnchors) -> np.ndarray | None:
    """Mean position of the road anchors whose road name contains one of `stems`, or None."""
    roads, inverse = np.unique(anchors.road.astype(str), return_inverse=True)
    matched = [i for i, road in enumerate(roads.tolist()) if any(s in road for s in stems)]
    mask = np.isin(inverse, matched)
    if not mask.any():
        return None
    return np.array([anchors.lon[mask].mean(), anchors.lat[mask].mean()])


def _hints(parent, stems_per_cell: list[list[str]], anchors: RoadAnchors,
           rng: np.random.Generator) -> np.ndarray:
    """One starting site per cell: the place-name hint when it lies inside `parent`, else a random point."""
    shapely.prepare(parent)
    out = []
    for stems in stems_per_cell:
        hint = place_hint(stems, anchors)
        if hint is None or not shapely.contains_xy(parent, hint[0], hint[1]):
            x, y = sample_points(parent, 1, rng)
            hint = np.array([x[0], y[0]])
        out.append(hint)
    return np.array(out)


def _check(parent, cells, what: str) -> None:
    report = tiling_report(parent, cells)
    if not report.ok(TILING_TOLERANCE):
        raise TilingError(f"the {what} do not tile their parent: {report}")


def allocate(total: int, weights: np.ndarray, minimum: int) -> np.ndarray:
    """Split `total` into integers proportional to `weights` (largest remainder), each at least `minimum`."""
    w = np.asarray(weights, dtype=float) / float(np.sum(weights))
    spare = total - minimum * len(w)
    raw = w * spare
    out = np.floor(raw).astype(np.int64)
    order = np.argsort(-(raw - out), kind="stable")
    out[order[: spare - int(out.sum())]] += 1
    return out + minimum


def build_org_tree(data: DistrictData, grids_total: int, rng: np.random.Generator) -> OrgTree:
    """Division units with drawn boundaries, `grids_total` grids spread over communities by area and
    street density, and the functional departments; every level is checked to tile its parent."""
    next_id = iter(range(1, 1_000_000))
    district = Unit(next(next_id), f"{data.code}000000", data.name, "district", None, "", data.boundary)
    district.path = f"/{district.id}/"
    town_divs = data.townships()
    comm_divs = [data.communities(t.code) for t in town_divs]
    town_stems = [[place_stem(t.name)] + [place_stem(c.name) for c in cs] for t, cs in zip(town_divs, comm_divs)]
    town_cells = partition(data.boundary, [len(cs) for cs in comm_divs], rng, hold=HOLD, iterations=100,
                           hints=_hints(data.boundary, town_stems, data.anchors, rng))
    _check(data.boundary, town_cells, "street offices")
    townships = []
    for div, cell in zip(town_divs, town_cells, strict=True):
        uid = next(next_id)
        townships.append(Unit(uid, div.code, div.name, "township", district.id, f"{district.path}{uid}/", cell))
    departments = []
    for dept in DEPARTMENTS:
        uid = next(next_id)
        departments.append(Unit(uid, dept.code(data.code), dept.name, "department", district.id,
                                f"{district.path}{uid}/"))
    communities = []
    for town, divs in zip(townships, comm_divs, strict=True):
        hints = _hints(town.geom, [[place_stem(d.name)] for d in divs], data.anchors, rng)
        cells = partition(town.geom, [1.0] * len(divs), rng, hints=hints, hold=COMMUNITY_HOLD)
        _check(town.geom, cells, f"communities of {town.name}")
        for div, cell in zip(divs, cells, strict=True):
            uid = next(next_id)
            unit = Unit(uid, div.code, div.name, "community", town.id, f"{town.path}{uid}/", cell)
            town.children.append(unit)
            communities.append(unit)
    grids = _grids(data.boundary, communities, data.anchors, grids_total, rng, next_id)
    locator = CellLocator(data.boundary, [g.geom for g in grids])
    return OrgTree(district, townships, departments, communities, grids, locator)


def _grids(boundary, communities: list[Unit], anchors: RoadAnchors, total: int, rng: np.random.Generator,
           next_id) -> list[Unit]:
    """Grids per community in proportion to half area, half street density (road anchors inside)."""
    areas = np.array([c.geom.area for c in communities])
    comm_locator = CellLocator(boundary, [c.geom for c in communities])
    inside = comm_locator.locate(anchors.lon, anchors.lat)
    density = np.bincount(inside[inside >= 0], minlength=len(communities)).astype(float)
    weights = 0.5 * areas / areas.sum() + 0.5 * (density / density.sum() if density.sum() else areas / areas.sum())
    counts = allocate(total, weights, minimum=min(2, total // len(communities)))
    grids = []
    for comm, count in zip(communities, counts.tolist(), strict=True):
        cells = partition(comm.geom, [1.0] * count, rng)
        _check(comm.geom, cells, f"grids of {comm.name}")
        for seq, idx in enumerate(reading_order(cells), start=1):
            uid = next(next_id)
            unit = Unit(uid, f"{comm.code}{seq:03d}", f"{comm.name}第{seq:02d}网格", "grid", comm.id,
                        f"{comm.path}{uid}/", cells[idx])
            comm.children.append(unit)
            grids.append(unit)
    return grids
