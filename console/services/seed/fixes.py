"""A day of GPS fixes per grid worker: 08:30–17:30 on the day before the anchor, one fix every 30 s.

Workers patrol their own grid on foot or by e-bike: they walk from one real street point (road anchor) to a
nearby one, now and then cross the grid, stop for visits and for lunch, and the receiver adds its usual
few metres of noise. A grid without street points gets a random walk between points inside its polygon."""
from __future__ import annotations

import math
from datetime import datetime, time, timedelta

import numpy as np

from console.domain.geo import EARTH_RADIUS_M
from console.domain.partition import sample_points
from console.services.seed.context import SeedContext, insert_columns
from console.services.seed.orgunits import OrgTree
from console.services.seed.people import WorkerSet
from db.models import GpsFix

INTERVAL_S = 30
DAY_START = time(8, 30)
FIXES_PER_DAY = 9 * 3600 // INTERVAL_S  # 08:30:00 … 17:29:30
LUNCH = (time(12, 0), time(13, 30))
NEIGHBOURS = 4
P_CROSS = 0.15
_DEG_M = math.radians(1.0) * EARTH_RADIUS_M


def _route(rng: np.random.Generator, pts: np.ndarray, length_m: float) -> np.ndarray:
    """Waypoints (metres) of a patrol at least `length_m` long: mostly to one of the nearest points."""
    n = len(pts)
    d = np.hypot(pts[:, None, 0] - pts[None, :, 0], pts[:, None, 1] - pts[None, :, 1])
    np.fill_diagonal(d, np.inf)
    near = np.argsort(d, axis=1)[:, : min(NEIGHBOURS, n - 1)]
    cur = int(rng.integers(n))
    route, total = [cur], 0.0
    while total < length_m:
        # random draws in batches: one generator call per step would cost more than the walk itself
        cross = (rng.random(512) < P_CROSS).tolist()
        jump = rng.integers(0, n - 1, 512).tolist()
        pick = rng.integers(0, near.shape[1], 512).tolist()
        for c, j, k in zip(cross, jump, pick, strict=True):
            nxt = (j + (j >= cur)) if c else int(near[cur, k])
            total += float(d[cur, nxt])
            route.append(nxt)
            cur = nxt
            if total >= length_m:
                break
    return pts[route]


def _moving_mask(rng: np.random.Generator, t_s: np.ndarray, lunch_s: tuple[float, float]) -> np.ndarray:
    """Alternating walks (≈12 min) and stops (≈8 min, a visit), and no movement over lunch."""
    bounds, clock, moving = [], 0.0, True
    while clock < t_s[-1] + INTERVAL_S:
        clock += float(rng.exponential(12 * 60 if moving else 8 * 60)) + 60.0
        bounds.append(clock)
        moving = not moving
    segment = np.searchsorted(np.array(bounds), t_s, side="right")
    mask = segment % 2 == 0
    mask[(t_s >= lunch_s[0]) & (t_s < lunch_s[1])] = False
    return mask


def _track(rng: np.random.Generator, pts_m: np.ndarray, t_s: np.ndarray, lunch_s: tuple[float, float]):
    ebike = rng.random() < 0.2
    base = rng.uniform(3.5, 5.0) if ebike else rng.uniform(0.9, 1.4)
    moving = _moving_mask(rng, t_s, lunch_s)
    speed = np.where(moving, base * rng.uniform(0.7, 1.2, len(t_s)), 0.0)
    travelled = np.concatenate([[0.0], np.cumsum(speed[:-1] * INTERVAL_S)])
    route = _route(rng, pts_m, travelled[-1] + 1.0) if len(pts_m) > 1 else np.repeat(pts_m, 2, axis=0)
    seg = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(route, axis=0).T))])
    x = np.interp(travelled, seg, route[:, 0])
    y = np.interp(travelled, seg, route[:, 1])
    accuracy = np.where(rng.random(len(t_s)) < 0.05, rng.uniform(20, 40, len(t_s)), rng.uniform(3, 12, len(t_s)))
    x = x + rng.normal(0, 1, len(t_s)) * accuracy / 2
    y = y + rng.normal(0, 1, len(t_s)) * accuracy / 2
    reported = np.maximum(speed + rng.normal(0, 0.2, len(t_s)), 0.0)
    return x, y, np.round(reported, 2), np.round(accuracy, 1)


def seed_fixes(ctx: SeedContext, tree: OrgTree, workers: WorkerSet) -> int:
    rng = ctx.rng("gps-fixes")
    day = ctx.anchor - timedelta(days=1)
    start = datetime.combine(day, DAY_START)
    t_s = np.arange(FIXES_PER_DAY, dtype=np.float64) * INTERVAL_S
    lunch_s = tuple((datetime.combine(day, t) - start).total_seconds() for t in LUNCH)
    stamps = np.datetime64(start, "s") + t_s.astype(np.int64).astype("timedelta64[s]")
    anchors = ctx.data.anchors
    anchor_grid = tree.locate(anchors.lon, anchors.lat)
    total = 0
    for g, (grid, worker_id) in enumerate(zip(tree.grids, workers.ids.tolist(), strict=True)):
        idx = np.flatnonzero(anchor_grid == g)
        if len(idx) >= 2:
            lon, lat = anchors.lon[idx], anchors.lat[idx]
        else:
            lon, lat = sample_points(grid.geom, 12, rng)
        lon0, lat0 = float(lon.mean()), float(lat.mean())
        k = math.cos(math.radians(lat0))
        pts = np.column_stack([(lon - lon0) * k * _DEG_M, (lat - lat0) * _DEG_M])
        x, y, speed, accuracy = _track(rng, pts, t_s, lunch_s)
        n = len(t_s)
        insert_columns(ctx.conn, GpsFix, {
            "id": np.arange(total + 1, total + n + 1), "worker_id": np.full(n, worker_id), "t": stamps,
            "lon": np.round(lon0 + x / (k * _DEG_M), 7), "lat": np.round(lat0 + y / _DEG_M, 7),
            "speed": speed, "accuracy": accuracy})
        total += n
        ctx.progress.update((g + 1) / len(tree.grids))
    return total
