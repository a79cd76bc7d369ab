"""A worker-day replay: the filtered fixes of one worker and day, projected to local metres, with a replay
clock that advances at ×1…×64 and the index of the fix shown at that time.

The day is loaded off the GUI thread; an answer to an older request (the operator picked another worker
meanwhile) is dropped. The clock works in the fixes' own seconds so the marker moves exactly as the
worker did, only faster."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.geo import EARTH_RADIUS_M
from console.domain.tracks import DEFAULT_TRACK
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor, within
from console.services.tracks import DaySummary, day_summary, load_day_filtered
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


def project_local(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Equirectangular metres around the track's bounding-box centre: (x, y, centre lon, centre lat).

    Within a worker's day (a few km) the error is far below GPS noise, and an equal-aspect plot of it
    looks like the street map."""
    if not len(lon):
        return np.empty(0), np.empty(0), 0.0, 0.0
    lon0 = (float(lon.min()) + float(lon.max())) / 2
    lat0 = (float(lat.min()) + float(lat.max())) / 2
    x = (lon - lon0) * _DEG_M * math.cos(math.radians(lat0))
    y = (lat - lat0) * _DEG_M
    return x, y, lon0, lat0


@dataclass(frozen=True)
class ReplayDay:
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

    def __len__(self) -> int:
        return len(self.t)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """A point (a stop's centre) in the same local metres as the track."""
        return ((lon - self.lon0) * _DEG_M * math.cos(math.radians(self.lat0)), (lat - self.lat0) * _DEG_M)


def load_replay_day(session: Session, worker_id: int, day: date) -> ReplayDay:
    _, kept = load_day_filtered(session, worker_id, day)
    x, y, lon0, lat0 = project_local(kept.lon, kept.lat)
    return ReplayDay(worker_id, day, kept.t, kept.lon, kept.lat, x, y, lon0, lat0,
                     day_summary(session, worker_id, day))


class ReplayModel(QObject):
    """Workers to pick from, the loaded day, the current fix index and the replay clock."""

    sig_workers_loaded = Signal(list)
    sig_day_loaded = Signal(object)
    sig_index_changed = Signal(int)
    sig_playing_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self.workers: list[WorkerChoice] = []
        self.day: ReplayDay | None = None
        self.index = -1
        self.speed = SPEEDS[0]
        self._clock = 0.0
        self._request = 0
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def load_workers(self) -> None:
        actor = self._actor
        self._runner.submit(lambda s: worker_choices(s, actor), self._workers_arrived)

    def _workers_arrived(self, workers: list[WorkerChoice]) -> None:
        self.workers = workers
        self.sig_workers_loaded.emit(workers)

    def load_day(self, worker_id: int, day: date) -> None:
        self.pause()
        self._request += 1
        request = self._request
        self._runner.submit(lambda s: load_replay_day(s, worker_id, day),
                            lambda result: self._day_arrived(request, result))

    def _day_arrived(self, request: int, result: ReplayDay) -> None:
        if request != self._request:
            return
        self.day = result
        self.index = -1
        self.sig_day_loaded.emit(result)
        if len(result):
            self.set_index(0)

    def set_index(self, index: int) -> None:
        """Show fix `index` (clamped); the clock jumps to its time so playing resumes from there."""
        if self.day is None or not len(self.day):
            return
        index = max(0, min(index, len(self.day) - 1))
        self._clock = float(self.day.t[index])
        if index != self.index:
            self.index = index
            self.sig_index_changed.emit(index)

    def set_speed(self, speed: int) -> None:
        self.speed = speed

    def play(self) -> None:
        if self.day is None or not len(self.day) or self.playing:
            return
        if self.index >= len(self.day) - 1:
            self.set_index(0)
        self._timer.start()
        self.sig_playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.sig_playing_changed.emit(False)

    def advance(self, seconds: float) -> None:
        """Move the clock on by `seconds` of replay time; the last fix at or before it becomes current."""
        if self.day is None or not len(self.day):
            return
        self._clock += seconds
        index = int(np.searchsorted(self.day.t, self._clock, side="right")) - 1
        if index != self.index:
            self.index = max(index, 0)
            self.sig_index_changed.emit(self.index)
        if self.index >= len(self.day) - 1:
            self.pause()

    def _tick(self) -> None:
        self.advance(self.speed * TICK_MS / 1000.0)
