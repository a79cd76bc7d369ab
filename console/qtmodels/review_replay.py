"""A worker-day replay: the filtered fixes of one worker (or several, side by side) and day, projected to
local metres, with their check-ins and reports, a replay clock that advances at ×1…×64 and the position on
a timeline made of every worker's fix times.

The day is loaded off the GUI thread; an answer to an older request (the operator picked another worker
meanwhile) is dropped. The clock works in the fixes' own seconds so the marker moves exactly as the
worker did, only faster."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.geo import EARTH_RADIUS_M
from console.domain.tracks import DEFAULT_TRACK
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor, within
from console.services.track_events import TrackEvent, day_events
from console.services.tracks import DaySummary, day_summary, load_day_filtered, to_seconds
from db.models import Worker

SPEEDS = (1, 4, 16, 64)
TICK_MS = 100
STOP_RADIUS_M = DEFAULT_TRACK.stop_radius_m
_DEG_M = math.radians(1.0) * EARTH_RADIUS_M


@dataclass(frozen=True)
class WorkerChoice:
    id: int
    code: str
    name: str


def worker_choices(session: Session, actor: Actor) -> list[WorkerChoice]:
    """Active workers in the actor's jurisdiction, by code (the order the field rosters print)."""
    rows = session.execute(select(Worker.id, Worker.code, Worker.name)
                           .where(within(actor, Worker.org_path), Worker.active.is_(True)).order_by(Worker.code))
    return [WorkerChoice(*row) for row in rows]


def _centre(lon: np.ndarray, lat: np.ndarray) -> tuple[float, float]:
    return (float(lon.min()) + float(lon.max())) / 2, (float(lat.min()) + float(lat.max())) / 2


def project_local(lon: np.ndarray, lat: np.ndarray,
                  origin: tuple[float, float] | None = None) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Equirectangular metres around `origin`, by default the track's bounding-box centre:
    (x, y, centre lon, centre lat).

    Within a worker's day (a few km) the error is far below GPS noise, and an equal-aspect plot of it
    looks like the street map."""
    if not len(lon) and origin is None:
        return np.empty(0), np.empty(0), 0.0, 0.0
    lon0, lat0 = origin or _centre(lon, lat)
    x = (lon - lon0) * _DEG_M * math.cos(math.radians(lat0))
    y = (lat - lat0) * _DEG_M
    return x, y, lon0, lat0


@dataclass(frozen=True)
class ReplayDay:
    """One worker's filtered fixes of the day in local metres, with the day's figures and events."""

    worker_id: int
    day: date
    t: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    x: np.ndarray
    y: np.ndarray
    lon0: float
    lat0: float
    summary: DaySummary
    name: str = ""
    code: str = ""
    events: tuple[TrackEvent, ...] = ()

    def __len__(self) -> int:
        return len(self.t)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """A point (a stop's centre, a check-in) in the same local metres as the track."""
        return ((lon - self.lon0) * _DEG_M * math.cos(math.radians(self.lat0)), (lat - self.lat0) * _DEG_M)

    @property
    def event_t(self) -> np.ndarray:
        return to_seconds([e.at for e in self.events]) if self.events else np.empty(0)

    def index_at(self, seconds: float) -> int:
        """The fix shown at replay time `seconds`: the last one at or before it, −1 before the first."""
        return int(np.searchsorted(self.t, seconds, side="right")) - 1


def load_replay_day(session: Session, worker_id: int, day: date) -> ReplayDay:
    loaded = load_day_filtered(session, worker_id, day)
    kept = loaded[1]
    x, y, lon0, lat0 = project_local(kept.lon, kept.lat)
    name, code = session.execute(select(Worker.name, Worker.code).where(Worker.id == worker_id)).one()
    return ReplayDay(worker_id, day, kept.t, kept.lon, kept.lat, x, y, lon0, lat0,
                     day_summary(session, worker_id, day, loaded=loaded), name, code,
                     tuple(day_events(session, worker_id, day)))


@dataclass(frozen=True)
class Replay:
    """Several workers' days on one timeline (every fix time of any of them) and one projection."""

    day: date
    days: tuple[ReplayDay, ...]
    t: np.ndarray

    def __len__(self) -> int:
        return len(self.t)


def load_replay(session: Session, worker_ids: Sequence[int], day: date) -> Replay:
    days = [load_replay_day(session, wid, day) for wid in worker_ids]
    if len(days) > 1:
        lon = np.concatenate([d.lon for d in days])
        lat = np.concatenate([d.lat for d in days])
        origin = _centre(lon, lat) if len(lon) else None
        days = [replace(d, **dict(zip(("x", "y", "lon0", "lat0"), project_local(d.lon, d.lat, origin))))
                for d in days]
    timeline = np.unique(np.concatenate([d.t for d in days])) if days else np.empty(0)
    return Replay(day, tuple(days), timeline)


class ReplayModel(QObject):
    """Workers to pick from, the loaded replay (one or several workers' day), the current position on the
    shared timeline and the replay clock."""

    sig_workers_loaded = Signal(list)
    sig_day_loaded = Signal(object)
    sig_index_changed = Signal(int)
    sig_playing_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self.workers: list[WorkerChoice] = []
        self.replay: Replay | None = None
        self.index = -1
        self.speed = SPEEDS[0]
        self._clock = 0.0
        self._request = 0
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def day(self) -> ReplayDay | None:
        """The first (primary) worker's day."""
        return self.replay.days[0] if self.replay is not None and self.replay.days else None

    def positions(self) -> list[int]:
        """Each worker's fix index at the current timeline position (−1: not out yet)."""
        if self.replay is None or self.index < 0:
            return []
        now = float(self.replay.t[self.index])
        return [d.index_at(now) for d in self.replay.days]

    def load_workers(self) -> None:
        actor = self._actor
        self._runner.submit(lambda s: worker_choices(s, actor), self._workers_arrived)

    def _workers_arrived(self, workers: list[WorkerChoice]) -> None:
        self.workers = workers
        self.sig_workers_loaded.emit(workers)

    def load_day(self, worker_id: int, day: date) -> None:
        self.load_days([worker_id], day)

    def load_days(self, worker_ids: Sequence[int], day: date) -> None:
        """Replay these workers together (each its own track, one timeline)."""
        self.pause()
        self._request += 1
        request, ids = self._request, list(dict.fromkeys(worker_ids))
        self._runner.submit(lambda s: load_replay(s, ids, day),
                            lambda result: self._day_arrived(request, result))

    def _day_arrived(self, request: int, result: Replay) -> None:
        if request != self._request:
            return
        self.replay = result
        self.index = -1
        self.sig_day_loaded.emit(result)
        if len(result):
            self.set_index(0)

    def set_index(self, index: int) -> None:
        """Show timeline position `index` (clamped); the clock jumps to its time so playing resumes there."""
        if self.replay is None or not len(self.replay):
            return
        index = max(0, min(index, len(self.replay) - 1))
        self._clock = float(self.replay.t[index])
        if index != self.index:
            self.index = index
            self.sig_index_changed.emit(index)

    def seek(self, seconds: float) -> None:
        """Jump to the last timeline position at or before `seconds` (an event's time)."""
        if self.replay is not None and len(self.replay):
            self.set_index(int(np.searchsorted(self.replay.t, seconds, side="right")) - 1)

    def set_speed(self, speed: int) -> None:
        self.speed = speed

    def play(self) -> None:
        if self.replay is None or not len(self.replay) or self.playing:
            return
        if self.index >= len(self.replay) - 1:
            self.set_index(0)
        self._timer.start()
        self.sig_playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.sig_playing_changed.emit(False)

    def advance(self, seconds: float) -> None:
        """Move the clock on by `seconds` of replay time; the last position at or before it is shown."""
        if self.replay is None or not len(self.replay):
            return
        self._clock += seconds
        index = int(np.searchsorted(self.replay.t, self._clock, side="right")) - 1
        if index != self.index:
            self.index = max(index, 0)
            self.sig_index_changed.emit(self.index)
        if self.index >= len(self.replay) - 1:
            self.pause()

    def _tick(self) -> None:
        self.advance(self.speed * TICK_MS / 1000.0)
