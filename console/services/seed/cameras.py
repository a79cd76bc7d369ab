"""Video channels (视频点位) at real street corners: named as the platforms name them ('湖里区长乐路与
兴隆路路口-01'), coded as GB/T 28181 device ids, with Hikvision-style RTSP URLs on a private subnet (they do not
play in the demo; the wall shows 'no signal')."""
from __future__ import annotations

import numpy as np

from console.domain.geo import haversine_many_m
from console.services.seed.context import SeedContext
from console.services.seed.orgunits import OrgTree
from console.services.seed.placement import place_near
from db.models import Camera

CROSSING_RADIUS_M = 150.0
ONLINE_SHARE = 0.94


def gb28181_id(district: str, serial: int) -> str:
    """20-digit GB/T 28181 device id: area (8), industry 00, type 132 (network camera), network 0, serial (6)."""
    return f"{district}00" + "00" + "132" + "0" + f"{serial:06d}"


def _crossing(anchors, i: int) -> str | None:
    """Name of the nearest other road within CROSSING_RADIUS_M of anchor i (the corner's second road)."""
    dist = haversine_many_m(anchors.lon, anchors.lat, float(anchors.lon[i]), float(anchors.lat[i]))
    other = (anchors.road != anchors.road[i]) & (dist <= CROSSING_RADIUS_M)
    if not other.any():
        return None
    idx = np.flatnonzero(other)
    return str(anchors.road[idx[np.argmin(dist[idx])]])


def seed_cameras(ctx: SeedContext, tree: OrgTree) -> list[str]:
    """Returns the camera names, in id order."""
    rng = ctx.rng("cameras")
    anchors = ctx.data.anchors
    n = ctx.scale.cameras
    candidates = rng.choice(len(anchors), size=min(len(anchors), 3 * n), replace=False)
    crossings = [_crossing(anchors, int(i)) for i in candidates.tolist()]
    order = sorted(range(len(candidates)), key=lambda k: crossings[k] is None)[:n]
    chosen = candidates[order]
    lon, lat, grid = place_near(tree, rng, anchors.lon[chosen], anchors.lat[chosen], 2.0, 15.0)
    names, seen = [], {}
    for k, i in zip(order, chosen.tolist(), strict=True):
        road = anchors.road[i]
        base = (f"{ctx.data.name}{road}与{crossings[k]}路口" if crossings[k]
                else f"{ctx.data.name}{road}{int(anchors.number[i])}号")
        seen[base] = seen.get(base, 0) + 1
        names.append(f"{base}-{seen[base]:02d}")
    township_index = {t.id: j for j, t in enumerate(tree.townships)}
    per_township: dict[int, int] = {}
    urls = []
    for g in grid.tolist():
        t = township_index[tree.township_of(tree.grids[g]).id]
        c = per_township.get(t, 0)
        per_township[t] = c + 1
        urls.append(f"rtsp://10.35.{10 + 4 * t + c // 240}.{11 + c % 240}:554/Streaming/Channels/101")
    ids = np.arange(1, n + 1)
    ctx.insert(Camera, {
        "id": ids, "code": [gb28181_id(ctx.data.code, i) for i in ids.tolist()],
        "name": names, "stream_url": urls, "lon": lon, "lat": lat,
        "org_unit_id": np.array([g.id for g in tree.grids])[grid], "org_path": [tree.grids[g].path for g in grid.tolist()],
        "online": (rng.random(n) < ONLINE_SHARE).tolist(),
    }, report=False)
    return names
