"""What lies inside a zone's rings — premises, grid workers, cameras and open incidents from the map's
loaded layers — and its export to an XLSX workbook for the command meeting.

Read from the layers' arrays rather than the database: the answer is exactly what the operator sees, and a
million premises take milliseconds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from console.domain.map_points import PointSet
from console.domain.map_zone import RING_KEYS, Zone

ZONE_LAYERS = ("premises", "workers", "cameras", "incidents")


@dataclass(frozen=True)
class ZoneMember:
    layer: str
    id: int
    name: str
    ring: int
    distance_m: float
    lon: float
    lat: float


def zone_members(zone: Zone, layers: dict[str, PointSet]) -> list[ZoneMember]:
    """Everything inside the outer ring, innermost ring first, then nearest first."""
    out = []
    for name in ZONE_LAYERS:
        points = layers.get(name)
        if points is None or len(points) == 0:
            continue
        ring, dist = zone.rings(points.lon, points.lat)
        for row in np.flatnonzero(ring >= 0):
            out.append(ZoneMember(name, int(points.ids[row]), str(points.names[row]), int(ring[row]),
                                  float(dist[row]), float(points.lon[row]), float(points.lat[row])))
    out.sort(key=lambda m: (m.ring, m.distance_m))
    return out


def ring_counts(members: list[ZoneMember]) -> dict[tuple[int, str], int]:
    """(ring, layer) → how many; rings and layers without members are absent."""
    counts: dict[tuple[int, str], int] = {}
    for m in members:
        counts[(m.ring, m.layer)] = counts.get((m.ring, m.layer), 0) + 1
    return counts


def export_zone_xlsx(path: Path, zone: Zone, members: list[ZoneMember], ring_titles: dict[str, str],
                     layer_titles: dict[str, str], headers: list[str]) -> None:
    """One summary sheet and one sheet per ring; titles come translated from the GUI."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = headers[0]
    summary.append([headers[0], *[layer_titles[name] for name in ZONE_LAYERS]])
    counts = ring_counts(members)
    for k, key in enumerate(RING_KEYS):
        title = f"{ring_titles[key]} ≤ {zone.radii_m[k]:g} m"
        summary.append([title, *[counts.get((k, name), 0) for name in ZONE_LAYERS]])
    summary.append([])
    summary.append([f"{zone.lon:.6f}, {zone.lat:.6f} (WGS-84)"])
    for k, key in enumerate(RING_KEYS):
        sheet = book.create_sheet(ring_titles[key])
        sheet.append(headers[1:])
        for m in members:
            if m.ring == k:
                sheet.append([layer_titles[m.layer], m.id, m.name, round(m.distance_m, 1), m.lon, m.lat])
    book.save(path)
