"""Slippy-map tile arithmetic and basemap descriptions (no I/O, no Qt).

A basemap is one of three kinds: a local z/x/y folder, an MBTiles file, or an XYZ URL template (Tianditu- or
AMap-style, with `{s}` subdomains); each declares the datum of its imagery so overlays can follow it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from console.domain.map_view import WORLD_HALF_M, MapView

BASEMAP_KINDS = ("folder", "mbtiles", "xyz")
BASEMAP_DATUMS = ("wgs84", "gcj02")
"""Baidu (BD-09) imagery uses its own tile grid, not slippy-map Web Mercator: not a basemap here."""


@dataclass(frozen=True)
class TileKey:
    z: int
    x: int
    y: int

    def parent(self) -> TileKey:
        return TileKey(self.z - 1, self.x // 2, self.y // 2)


@dataclass(frozen=True)
class BasemapSpec:
    """What a center configures: `location` is a folder, an .mbtiles path or a URL template."""

    name: str
    kind: str
    location: str
    datum: str = "wgs84"
    min_zoom: int = 0
    max_zoom: int = 18
    subdomains: str = ""
    attribution: str = ""

    def __post_init__(self) -> None:
        if self.kind not in BASEMAP_KINDS:
            raise ValueError(
                f"unknown basemap kind {self.kind!r}; expected one of {', '.join(BASEMAP_KINDS)}"
            )
        if self.datum not in BASEMAP_DATUMS:
            raise ValueError(
                f"unsupported basemap datum {self.datum!r}; expected one of {', '.join(BASEMAP_DATUMS)}"
            )
        if not 0 <= self.min_zoom <= self.max_zoom <= 24:
            raise ValueError(f"zoom range {self.min_zoom}..{self.max_zoom} is not within 0..24")
        if self.kind == "xyz" and "{s}" in self.location and not self.subdomains:
            raise ValueError("the URL template has {s} but no subdomains were given")

    @classmethod
    def from_dict(cls, raw: dict) -> BasemapSpec:
        """Build from a config section; numbers may arrive as strings from an INI file."""
        return cls(
            name=str(raw["name"]),
            kind=str(raw["kind"]),
            location=str(raw["location"]),
            datum=str(raw.get("datum", "wgs84")),
            min_zoom=int(raw.get("min_zoom", 0)),
            max_zoom=int(raw.get("max_zoom", 18)),
            subdomains=str(raw.get("subdomains", "")),
            attribution=str(raw.get("attribution", "")),
        )


def tile_url(template: str, key: TileKey, subdomains: str = "") -> str:
    """Expand {z} {x} {y} {-y} (TMS row) and {s} (chosen by x+y so a tile always comes from one host)."""
    url = template.replace("{z}", str(key.z)).replace("{x}", str(key.x))
    url = url.replace("{-y}", str((1 << key.z) - 1 - key.y)).replace("{y}", str(key.y))
    if subdomains:
        url = url.replace("{s}", subdomains[(key.x + key.y) % len(subdomains)])
    return url


def tile_zoom_for(view: MapView, min_zoom: int, max_zoom: int) -> int:
    """The tile level to draw: the next finer level once the view is a quarter level past a whole one."""
    return int(min(max(math.ceil(view.zoom - 0.25), min_zoom), max_zoom))


def tile_bounds(key: TileKey) -> tuple[float, float, float, float]:
    """(min_x, min_y, max_x, max_y) of a tile in Mercator metres."""
    size = 2 * WORLD_HALF_M / (1 << key.z)
    x0 = -WORLD_HALF_M + key.x * size
    y1 = WORLD_HALF_M - key.y * size
    return x0, y1 - size, x0 + size, y1


def tiles_covering(view: MapView, z: int) -> list[TileKey]:
    """Tiles of level `z` overlapping the view, nearest the centre first so the middle fills in first."""
    n = 1 << z
    size = 2 * WORLD_HALF_M / n
    x0, y0, x1, y1 = view.extent()
    tx0 = max(math.floor((x0 + WORLD_HALF_M) / size), 0)
    tx1 = min(math.floor((x1 + WORLD_HALF_M) / size), n - 1)
    ty0 = max(math.floor((WORLD_HALF_M - y1) / size), 0)
    ty1 = min(math.floor((WORLD_HALF_M - y0) / size), n - 1)
    keys = [TileKey(z, tx, ty) for tx in range(tx0, tx1 + 1) for ty in range(ty0, ty1 + 1)]
    cx = (view.cx + WORLD_HALF_M) / size
    cy = (WORLD_HALF_M - view.cy) / size
    keys.sort(key=lambda k: (k.x + 0.5 - cx) ** 2 + (k.y + 0.5 - cy) ** 2)
    return keys
