"""The map's view state as plain numbers: where it looks (Web Mercator metres), how close (metres per logical
pixel), how big the window is and its device pixel ratio.

Kept free of Qt so the projection, zoom-about-cursor and fit-to-box arithmetic is unit-tested on its own and
the same state can be copied into render threads as a frozen snapshot."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from console.domain.geo import BBox, lonlat_to_mercator, mercator_to_lonlat

WORLD_HALF_M = 20037508.342789244
"""Half the Web Mercator world's width in metres (EPSG:3857)."""
TILE_PX = 256
RES_Z0 = 2 * WORLD_HALF_M / TILE_PX
"""Metres per pixel at zoom level 0 (one 256 px tile spans the world)."""
MIN_RES = 0.05
MAX_RES = RES_Z0 / 2


@dataclass(frozen=True)
class MapView:
    """A frozen view; every change returns a new one, so render jobs keep the exact view they drew."""

    cx: float
    cy: float
    res: float
    width: int
    height: int
    dpr: float = 1.0

    @classmethod
    def at_lonlat(
        cls, lon: float, lat: float, zoom: float, width: int, height: int, dpr: float = 1.0
    ) -> MapView:
        x, y = lonlat_to_mercator(lon, lat)
        return cls(float(x), float(y), zoom_to_res(zoom), width, height, dpr)

    @property
    def zoom(self) -> float:
        """The fractional slippy-map zoom level this resolution corresponds to."""
        return res_to_zoom(self.res)

    @property
    def left(self) -> float:
        return self.cx - self.width * self.res / 2

    @property
    def top(self) -> float:
        return self.cy + self.height * self.res / 2

    def extent(self) -> tuple[float, float, float, float]:
        """(min_x, min_y, max_x, max_y) in Mercator metres."""
        hw, hh = self.width * self.res / 2, self.height * self.res / 2
        return self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh

    def bbox(self) -> BBox:
        x0, y0, x1, y1 = self.extent()
        lon0, lat0 = mercator_to_lonlat(x0, y0)
        lon1, lat1 = mercator_to_lonlat(x1, y1)
        return BBox(float(lon0), float(lat0), float(lon1), float(lat1))

    def to_screen(self, mx, my):
        """Mercator metres → logical pixels (arrays or scalars); y grows downwards on screen."""
        return (np.asarray(mx) - self.left) / self.res, (self.top - np.asarray(my)) / self.res

    def to_mercator(self, sx, sy):
        return self.left + np.asarray(sx) * self.res, self.top - np.asarray(sy) * self.res

    def lonlat_to_screen(self, lon, lat):
        return self.to_screen(*lonlat_to_mercator(lon, lat))

    def screen_to_lonlat(self, sx, sy):
        return mercator_to_lonlat(*self.to_mercator(sx, sy))

    def resized(self, width: int, height: int, dpr: float | None = None) -> MapView:
        """Keep the centre and resolution: a bigger window shows more, it does not zoom."""
        return replace(
            self,
            width=max(1, int(width)),
            height=max(1, int(height)),
            dpr=self.dpr if dpr is None else float(dpr),
        )

    def centered(self, mx: float, my: float) -> MapView:
        return replace(
            self, cx=_clamp(mx, -WORLD_HALF_M, WORLD_HALF_M), cy=_clamp(my, -WORLD_HALF_M, WORLD_HALF_M)
        )

    def panned(self, dx_px: float, dy_px: float) -> MapView:
        """Move the picture by (dx, dy) logical pixels, as a drag does: dragging right reveals the west."""
        return self.centered(self.cx - dx_px * self.res, self.cy + dy_px * self.res)

    def with_res(self, res: float) -> MapView:
        return replace(self, res=_clamp(res, MIN_RES, MAX_RES))

    def zoomed_about(self, factor: float, sx: float, sy: float) -> MapView:
        """Zoom by `factor` (>1 closer) keeping the ground point under screen (sx, sy) where it is."""
        mx, my = self.to_mercator(sx, sy)
        res = _clamp(self.res / factor, MIN_RES, MAX_RES)
        cx = float(mx) - (sx - self.width / 2) * res
        cy = float(my) + (sy - self.height / 2) * res
        return replace(self, res=res).centered(cx, cy)

    def fit_bbox(self, box: BBox, margin_px: int = 24, max_zoom: float = 19.0) -> MapView:
        """The view centred on `box` at the closest resolution showing all of it (a point: `max_zoom`)."""
        x0, y0 = lonlat_to_mercator(box.min_lon, box.min_lat)
        x1, y1 = lonlat_to_mercator(box.max_lon, box.max_lat)
        return self.fit_extent(float(x0), float(y0), float(x1), float(y1), margin_px, max_zoom)

    def fit_extent(
        self, x0: float, y0: float, x1: float, y1: float, margin_px: int = 24, max_zoom: float = 19.0
    ) -> MapView:
        """`fit_bbox` for a Mercator rectangle (e.g. one already shifted into a basemap's datum)."""
        w = max(self.width - 2 * margin_px, 1)
        h = max(self.height - 2 * margin_px, 1)
        res = max(abs(x1 - x0) / w, abs(y1 - y0) / h, zoom_to_res(max_zoom))
        return replace(self, res=_clamp(res, MIN_RES, MAX_RES)).centered((x0 + x1) / 2, (y0 + y1) / 2)

    def expanded(self, margin_px: int) -> MapView:
        """The same view with `margin_px` more on every side: renders cover it so short pans show content."""
        return replace(self, width=self.width + 2 * margin_px, height=self.height + 2 * margin_px)

    def placement_of(self, other: MapView) -> tuple[float, float, float]:
        """Where an image rendered for `other` goes in this view: top-left (logical px) and scale factor."""
        sx, sy = self.to_screen(other.left, other.top)
        return float(sx), float(sy), other.res / self.res


def res_to_zoom(res: float) -> float:
    return math.log2(RES_Z0 / res)


def zoom_to_res(zoom: float) -> float:
    return RES_Z0 / 2**zoom


def ground_res(view: MapView) -> float:
    """Real metres per logical pixel at the view's centre latitude (Mercator stretches by 1/cos φ)."""
    _, lat = mercator_to_lonlat(view.cx, view.cy)
    return view.res * math.cos(math.radians(float(lat)))


_NICE = (1, 2, 5)


def scale_bar(view: MapView, max_px: float = 120) -> tuple[float, float, str]:
    """The longest round distance (1/2/5 × 10ⁿ m) that fits in `max_px`: (metres, pixels, label)."""
    per_px = ground_res(view)
    limit = per_px * max_px
    exp = math.floor(math.log10(limit))
    metres = max(m * 10**exp for m in _NICE if m * 10**exp <= limit)
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    return metres, metres / per_px, label


def _clamp(v: float, lo: float, hi: float) -> float:
    return min(max(float(v), lo), hi)
