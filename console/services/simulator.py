"""The field simulator: grid workers walking their grids, writing fixes and check-ins as a field back end would.

For demos and the big screen it runs in real time; for load tests it back-fills the last `duration` seconds
as fast as the database takes the rows, and reports the throughput. Each worker walks from premise to premise
of their grid (or to random points inside the grid polygon), dwells at each for a few minutes and sometimes
checks in; the same seed gives the same walk."""
from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import shapely
from shapely.geometry.base import BaseGeometry
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from console.domain.geo import EARTH_RADIUS_M, haversine_m
from console.services.changes import record_change
from db.models import CheckIn, GpsFix, OrgUnit, Premise, Worker

WALK_SPEED_MPS = 1.3
CHECKIN_PROBABILITY = 0.6
DWELL_RANGE_S = (120.0, 600.0)
JITTER_M = 3.0


@dataclass(frozen=True)
class SimulationReport:
    workers: int
    skipped_workers: int
    fixes: int
    checkins: int
    simulated_s: float
    elapsed_s: float

    @property
    def fixes_per_s(self) -> float:
        return self.fixes / self.elapsed_s if self.elapsed_s > 0 else 0.0


@dataclass
class _Walker:
    worker_id: int
    area: BaseGeometry
    premises: list[tuple[int, float, float]]
    rng: random.Random
    lon: float = 0.0
    lat: float = 0.0
    target: tuple[int | None, float, float] = (None, 0.0, 0.0)
    dwell_left: float = 0.0
    speed: float = WALK_SPEED_MPS
    pending_checkins: list[dict] = field(default_factory=list)

    def random_point(self) -> tuple[float, float]:
        min_lon, min_lat, max_lon, max_lat = self.area.bounds
        for _ in range(50):
            lon, lat = self.rng.uniform(min_lon, max_lon), self.rng.uniform(min_lat, max_lat)
            if shapely.contains_xy(self.area, lon, lat):
                return lon, lat
        point = self.area.representative_point()
        return point.x, point.y

    def pick_target(self) -> None:
        if self.premises and self.rng.random() < 0.7:
            self.target = self.rng.choice(self.premises)
        else:
            self.target = (None, *self.random_point())
        self.speed = WALK_SPEED_MPS * self.rng.uniform(0.8, 1.2)

    def step(self, dt: float, at: datetime) -> tuple[float, float]:
        """Advance dt seconds; returns the reported position (true position plus GPS jitter)."""
        if self.dwell_left > 0:
            self.dwell_left -= dt
            if self.dwell_left <= 0:
                self.pick_target()
        else:
            premise_id, tlon, tlat = self.target
            remaining = haversine_m(self.lon, self.lat, tlon, tlat)
            stride = self.speed * dt
            if remaining <= stride:
                self.lon, self.lat = tlon, tlat
                self.dwell_left = self.rng.uniform(*DWELL_RANGE_S)
                if premise_id is not None and self.rng.random() < CHECKIN_PROBABILITY:
                    self.pending_checkins.append({"worker_id": self.worker_id, "premise_id": premise_id, "at": at,
                                                  "lon": tlon, "lat": tlat, "distance_m": 0.0, "flagged": False})
            else:
                f = stride / remaining
                self.lon += (tlon - self.lon) * f
                self.lat += (tlat - self.lat) * f
        return self._jittered()

    def _jittered(self) -> tuple[float, float]:
        dlat = math.degrees(self.rng.gauss(0, JITTER_M) / EARTH_RADIUS_M)
        dlon = math.degrees(self.rng.gauss(0, JITTER_M) / EARTH_RADIUS_M) / max(math.cos(math.radians(self.lat)), 1e-6)
        return self.lon + dlon, self.lat + dlat


def _grid_area(grid: OrgUnit, premises: list[tuple[int, float, float]]) -> BaseGeometry | None:
    """The grid's boundary; without one, the hull of its premises (a ~50 m margin); else its bbox."""
    if grid.boundary_geojson:
        return shapely.from_geojson(grid.boundary_geojson)
    if premises:
        return shapely.MultiPoint([(lon, lat) for _, lon, lat in premises]).convex_hull.buffer(0.0005)
    if None not in (grid.min_lon, grid.min_lat, grid.max_lon, grid.max_lat):
        return shapely.box(grid.min_lon, grid.min_lat, grid.max_lon, grid.max_lat)
    return None


def _walkers(conn: Connection, count: int, seed: int) -> tuple[list[_Walker], int]:
    workers = conn.execute(select(Worker.id, Worker.grid_id).where(Worker.active.is_(True))
                           .order_by(Worker.id).limit(count)).all()
    grids = {g.id: g for g in conn.execute(select(OrgUnit).where(OrgUnit.id.in_({w.grid_id for w in workers})))}
    by_grid: dict[int, list[tuple[int, float, float]]] = {}
    for pid, grid_id, lon, lat in conn.execute(select(Premise.id, Premise.grid_id, Premise.lon, Premise.lat)
                                               .where(Premise.grid_id.in_(grids)).order_by(Premise.id)):
        by_grid.setdefault(grid_id, []).append((pid, lon, lat))
    walkers, skipped = [], 0
    for worker_id, grid_id in workers:
        premises = by_grid.get(grid_id, [])
        area = _grid_area(grids[grid_id], premises)
        if area is None or area.is_empty:
            skipped += 1
            continue
        shapely.prepare(area)
        walker = _Walker(worker_id, area, premises, random.Random(seed * 100_003 + worker_id))
        walker.lon, walker.lat = walker.random_point()
        walker.pick_target()
        walkers.append(walker)
    return walkers, skipped


def _flush(engine: Engine, fixes: list[dict], walkers: list[_Walker], actor: str) -> int:
    checkins = [c for w in walkers for c in w.pending_checkins]
    with engine.begin() as conn:
        if fixes:
            conn.execute(insert(GpsFix), fixes)
        if checkins:
            conn.execute(insert(CheckIn), checkins)
        with Session(bind=conn) as session:
            record_change(session, "gps_fixes", None, "insert", actor)
            session.flush()
    for w in walkers:
        w.pending_checkins.clear()
    fixes.clear()
    return len(checkins)


def simulate(engine: Engine, workers: int, rate_s: float, duration_s: float = 3600.0, seed: int = 1,
             realtime: bool = False, start: datetime | None = None, batch_size: int = 5000,
             actor: str = "simulator") -> SimulationReport:
    """Move up to `workers` active workers for `duration_s`, one fix each every `rate_s` seconds.

    Real time starts now and sleeps between ticks; otherwise the run ends now (fixes are never in the
    future) and writes as fast as it can, committing every `batch_size` fixes."""
    if workers < 1 or rate_s <= 0 or duration_s <= 0:
        raise ValueError("workers, rate and duration must be positive")
    with engine.connect() as conn:
        walkers, skipped = _walkers(conn, workers, seed)
    now = datetime.now().replace(microsecond=0)
    start = start or (now if realtime else now - timedelta(seconds=duration_s))
    ticks = int(duration_s // rate_s)
    buffer: list[dict] = []
    fixes = checkins = 0
    began = time.perf_counter()
    for k in range(1, ticks + 1):
        at = start + timedelta(seconds=k * rate_s)
        if realtime:
            time.sleep(max(0.0, began + k * rate_s - time.perf_counter()))
        for w in walkers:
            lon, lat = w.step(rate_s, at)
            buffer.append({"worker_id": w.worker_id, "t": at, "lon": lon, "lat": lat,
                           "speed": 0.0 if w.dwell_left > 0 else w.speed, "accuracy": JITTER_M})
        if len(buffer) >= batch_size or realtime or k == ticks:
            fixes += len(buffer)
            checkins += _flush(engine, buffer, walkers, actor)
    return SimulationReport(len(walkers), skipped, fixes, checkins, ticks * rate_s, time.perf_counter() - began)
