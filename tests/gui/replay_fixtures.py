"""What the replay GUI tests share: a walk of known shape (east, a 15-minute stay, north), storing it as
fixes, the replay panel on the seeded demo district, and opening a worker's day in it."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.qtmodels.tasks import TaskRunner
from db.engine import make_session_factory
from db.models import GpsFix
from widgets.review.replay_panel import TrackReplayPanel

DAY = date(2026, 1, 5)
STEP_S = 30
START = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=9)


def walk(lon0: float = 118.08, lat0: float = 24.48,
         delay_s: int = 0) -> tuple[list[datetime], np.ndarray, np.ndarray]:
    """East 20 m per fix for 20 fixes, a 15-minute stay, then north: one stop, a known shape."""
    east = [(lon0 + i * 20 / 95_000, lat0) for i in range(20)]
    north = [(east[-1][0], lat0 + i * 20 / 111_000) for i in range(1, 21)]
    points = east + [east[-1]] * 30 + north
    times = [START + timedelta(seconds=delay_s + STEP_S * i) for i in range(len(points))]
    lon, lat = (np.array(v) for v in zip(*points))
    return times, lon, lat


def store_fixes(engine, worker_id: int, times, lon, lat) -> None:
    with Session(engine) as session, session.begin():
        session.execute(insert(GpsFix), [{"worker_id": worker_id, "t": t, "lon": float(x), "lat": float(y),
                                          "speed": 0.0, "accuracy": 5.0} for t, x, y in zip(times, lon, lat)])


@pytest.fixture
def panel(qtbot, gui_engine, actor_of):
    runner = TaskRunner(make_session_factory(gui_engine))
    widget = TrackReplayPanel(runner, actor_of("admin"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.worker_combo.count() > 0, timeout=10000)
    widget.resize(1100, 650)
    widget.show()
    yield widget
    runner.shutdown()


def open_day(panel, qtbot, worker_id: int) -> None:
    with qtbot.waitSignal(panel.model.sig_day_loaded, timeout=10000):
        panel.show_worker(worker_id, DAY)
