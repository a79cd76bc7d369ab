"""Live worker state: the map turns a worker from offline to online when a fix arrives through the ingest
service, and a silence during duty hours raises one notice that clears when fixes resume."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.live_status import LiveRules
from console.domain.work_calendar import CHINA
from console.importers.fixes import ParsedFixes, RawFix
from console.qtmodels.change_feed import ChangeFeed
from console.qtmodels.live_watch import LiveWatch
from console.qtmodels.map_style import WORKER_COLORS
from console.qtmodels.tasks import TaskRunner
from console.services.tracks import ingest_fixes
from db.engine import make_session_factory
from db.models import GpsFix, Worker
from tests.gui.map_fixtures import count_near, settle
from widgets.live.notices_panel import WORKER_ROLE, SilenceNoticesPanel

ONLINE, OFFLINE = WORKER_COLORS[0], WORKER_COLORS[2]
RULES = LiveRules(online_within_s=120, stale_within_s=900, duty_start=time(8, 30), duty_end=time(17, 30))


def _state_text(key: str) -> str:
    return QCoreApplication.translate("MapLegend", key)


def _latest_worker(gui_engine) -> tuple[int, str, float, float, datetime]:
    """The worker with the most recent fix in the demo district (yesterday's), and where it was."""
    with Session(gui_engine) as s:
        worker_id, code, lon, lat, t = s.execute(
            select(GpsFix.worker_id, Worker.code, GpsFix.lon, GpsFix.lat, GpsFix.t)
            .join(Worker, Worker.id == GpsFix.worker_id).order_by(GpsFix.t.desc()).limit(1)).one()
    return worker_id, code, lon, lat, t


def _fix(engine, code: str, at: datetime, lon: float, lat: float):
    return ingest_fixes(engine, ParsedFixes("field", [RawFix(1, at, lon, lat)]), code, actor="field",
                        now=at + timedelta(seconds=1))


def test_an_old_worker_shows_offline_until_a_new_fix_arrives(qtbot, open_window, gui_engine):
    worker_id, code, lon, lat, last = _latest_worker(gui_engine)
    assert datetime.now() - last > timedelta(hours=1)
    window = open_window()
    panel = window.map_panel
    for layer in (panel.incidents, panel.premises, panel.cameras, panel.boundaries):
        layer.set_visible(False)
    panel.canvas.center_on(lon, lat, 18.0)
    settle(qtbot, panel)
    at = panel.screen_of(lon, lat)

    def shown() -> tuple[str, int, int]:
        image = panel.canvas.grab().toImage()
        state = panel.workers.describe(worker_id).splitlines()[-1]
        return state, count_near(image, at.x(), at.y(), ONLINE), count_near(image, at.x(), at.y(), OFFLINE)

    state, blue, grey = shown()
    assert state == _state_text("Offline") and grey > 5 and blue == 0
    report = _fix(gui_engine, code, datetime.now().replace(microsecond=0) - timedelta(seconds=5), lon, lat)
    assert report.stored == 1
    qtbot.waitUntil(lambda: shown()[0] == _state_text("Online"), timeout=10000)
    qtbot.waitUntil(lambda: shown()[1] > 5, timeout=5000)
    assert shown()[2] == 0


@pytest.fixture
def watch_on(qtbot, gui_engine, actor_of):
    """A watch whose clock stands at 10:00 on the first working day after yesterday's fixes."""
    day = CHINA.next_working_day(datetime.now().date())
    now = datetime.combine(day, time(10))
    runner = TaskRunner(make_session_factory(gui_engine))
    watch = LiveWatch(runner, actor_of("admin"), RULES, clock=lambda: now, interval_ms=3_600_000)
    feed = ChangeFeed(runner, poll_ms=100, listen=False)
    feed.sig_changes.connect(watch.on_changes)
    panel = SilenceNoticesPanel(watch)
    qtbot.addWidget(panel)
    panel.show()
    yield watch, panel, feed, now
    feed.stop()
    watch.stop()
    runner.shutdown()


def test_silence_on_duty_raises_one_notice_cleared_when_fixes_resume(qtbot, gui_engine, sql, watch_on):
    watch, panel, feed, now = watch_on
    active = [row[0] for row in sql("SELECT id FROM workers WHERE active ORDER BY code")]
    with qtbot.waitSignal(watch.sig_checked, timeout=10000):
        watch.start()
    assert panel.list.count() == len(active)  # nobody sent a fix since 08:30: every worker is silent
    shown = {panel.list.item(r).data(WORKER_ROLE) for r in range(panel.list.count())}
    assert shown == set(active)
    first_id = panel.list.item(0).data(WORKER_ROLE)
    name, code = sql("SELECT name, code FROM workers WHERE id = :w", w=first_id)[0]
    assert panel.list.item(0).text() == f"10:00 {name} ({code}): no position since 08:30"
    with qtbot.waitSignal(watch.sig_checked, timeout=10000):
        watch.check()
    assert panel.list.count() == len(active)  # still silent: no second notice
    feed.start()
    qtbot.waitUntil(lambda: feed.cursor is not None, timeout=5000)
    worker_id, code = sql("SELECT id, code FROM workers WHERE id = :w", w=active[0])[0]
    [(lon, lat)] = sql("SELECT lon, lat FROM gps_fixes WHERE worker_id = :w ORDER BY t DESC LIMIT 1",
                       w=worker_id)
    _fix(gui_engine, code, now - timedelta(seconds=30), lon, lat)  # the field back end's ingest
    qtbot.waitUntil(lambda: panel.list.count() == len(active) - 1, timeout=10000)
    remaining = {panel.list.item(r).data(WORKER_ROLE) for r in range(panel.list.count())}
    assert worker_id not in remaining
    assert panel.summary.text().startswith(str(len(active) - 1))
