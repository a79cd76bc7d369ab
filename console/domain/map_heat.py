"""Incident density for the heat map (热力图): a 2-D histogram in the view's device pixels, blurred by three
separable box passes (close to a Gaussian at a cost per pixel, not per point), turned into colour indices.

Binning on screen rather than in metres keeps the blur a constant number of pixels at every zoom, so a
cluster reads as one warm patch from the district view down to a street."""

from __future__ import annotations

import math

import numpy as np

from console.domain.map_raster import image_shape
from console.domain.map_view import MapView

HEAT_PERIODS_DAYS = (7, 30, 90, 365)
BLUR_PASSES = 3
HEAT_LEVELS = 256
MIN_LEVEL = 6
"""Index below which a pixel stays transparent: the faint tail of the blur would tint the whole map."""


def box_radius(sigma_px: float) -> int:
    """The box half-width whose BLUR_PASSES passes have a standard deviation of about `sigma_px`."""
    width = math.sqrt(12 * sigma_px**2 / BLUR_PASSES + 1)
    return max(1, round((width - 1) / 2))


def _box_blur(grid: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Mean over a window of 2·radius+1 along `axis` (zeros beyond the edges), via a running sum."""
    pad = [(0, 0), (0, 0)]
    pad[axis] = (radius + 1, radius)
    csum = np.cumsum(np.pad(grid, pad), axis=axis)
    n = grid.shape[axis]
    hi = np.take(csum, np.arange(2 * radius + 1, 2 * radius + 1 + n), axis=axis)
    lo = np.take(csum, np.arange(0, n), axis=axis)
    return (hi - lo) / (2 * radius + 1)


def density(view: MapView, mx: np.ndarray, my: np.ndarray, sigma_px: float) -> np.ndarray:
    """A float32 (rows, cols) density over the view's device-pixel image, peak scaled to 1 (all zeros when no
    point is near). Points up to three blur widths outside the image still warm its edge."""
    rows, cols = image_shape(view)
    radius = box_radius(sigma_px * view.dpr)
    pad = BLUR_PASSES * radius
    h, w = rows + 2 * pad, cols + 2 * pad
    k = view.dpr / view.res
    px = np.floor((np.asarray(mx) - view.left) * k).astype(np.int64) + pad
    py = np.floor((view.top - np.asarray(my)) * k).astype(np.int64) + pad
    keep = (px >= 0) & (px < w) & (py >= 0) & (py < h)
    grid = np.bincount(py[keep] * w + px[keep], minlength=h * w).reshape(h, w).astype(np.float32)
    for _ in range(BLUR_PASSES):
        grid = _box_blur(_box_blur(grid, radius, 1), radius, 0)
    out = grid[pad : pad + rows, pad : pad + cols].astype(np.float32)
    peak = float(out.max()) if out.size else 0.0
    if peak > 0:
        out /= peak
    return out


def heat_levels(dens: np.ndarray) -> np.ndarray:
    """Density in [0, 1] → uint8 colour-ramp indices, 0 (transparent) under MIN_LEVEL."""
    levels = np.clip(dens * (HEAT_LEVELS - 1) + 0.5, 0, HEAT_LEVELS - 1).astype(np.uint8)
    levels[levels < MIN_LEVEL] = 0
    return levels


RAMP = ((0.0, (49, 54, 149)), (0.35, (69, 199, 120)), (0.6, (254, 224, 63)), (0.8, (244, 109, 67)),
        (1.0, (165, 0, 38)))
"""Cool blue through green and yellow to deep red."""


def heat_palette() -> np.ndarray:
    """HEAT_LEVELS premultiplied ARGB32 words: hue along RAMP, alpha rising with density to ~85 %."""
    t = np.arange(HEAT_LEVELS) / (HEAT_LEVELS - 1)
    stops = np.array([s for s, _ in RAMP])
    rgb = np.stack([np.interp(t, stops, [c[i] for _, c in RAMP]) for i in range(3)], axis=1)
    alpha = np.clip(t * 2.2, 0, 1) * 215
    alpha[:MIN_LEVEL] = 0
    pre = np.round(rgb * (alpha[:, None] / 255)).astype(np.uint32)
    a = np.round(alpha).astype(np.uint32)
    return (a << 24) | (pre[:, 0] << 16) | (pre[:, 1] << 8) | pre[:, 2]
