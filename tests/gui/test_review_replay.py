"""Trajectory replay: the slider moves the marker to the fix at that time, and the figures are the service's."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale
from sqlalchemy.orm import Session

from console.qtmodels.review_replay import project_local
from console.services.tracks import day_summary
from db.engine import make_session_factory
from tests.gui import replay_fixtures
from tests.gui.gated_runner import GatedRunner
from tests.gui.replay_fixtures import DAY, STEP_S, open_day, store_fixes, walk
from widgets.review.replay_panel import TrackReplayPanel
from widgets.review.replay_stops import label_groups
from widgets.review.replay_text import duration_text

panel = replay_fixtures.panel  # the replay panel fixture, shared with the other replay tests


@pytest.fixture
def seeded_walk(gui_engine, sql):
    [(worker_id,)] = sql("SELECT id FROM workers WHERE active ORDER BY code LIMIT 1")
    times, lon, lat = walk()
    store_fixes(gui_engine, worker_id, times, lon, lat)
    return worker_id, lon, lat


def test_slider_moves_the_marker_to_that_fix(panel, qtbot, seeded_walk):
    worker_id, lon, lat = seeded_walk
    open_day(panel, qtbot, worker_id)
    assert panel.slider.maximum() == len(lon) - 1
    x, y, _, _ = project_local(lon, lat)
    for k in (37, 5, len(lon) - 1):
        with qtbot.waitSignal(panel.sig_position, timeout=2000) as blocker:
            panel.slider.setValue(k)
        mx, my = panel.marker.getData()
        assert (float(mx[0]), float(my[0])) == pytest.approx((x[k], y[k]), abs=1e-6)
        assert blocker.args == pytest.approx([lon[k], lat[k]], abs=1e-9)
        assert panel.model.index == k


def test_figures_and_stops_are_the_days_summary(panel, qtbot, gui_engine, seeded_walk):
    worker_id, _, _ = seeded_walk
    open_day(panel, qtbot, worker_id)
    with Session(gui_engine) as session:
        summary = day_summary(session, worker_id, DAY)
    assert len(summary.track.stops) == 1
    distance = QLocale().toString(summary.track.distance_m / 1000.0, "f", 2)
    assert distance in panel.figures_label.text()
    assert len(panel.stops.positions) == 1
    minutes = round(summary.track.stops[0].duration_s / 60)
    assert 15 <= minutes <= 20  # the 15-minute stay plus the fixes within the stop radius either side
    assert [label.textItem.toPlainText() for label in panel.stops.labels] == [f"0:{minutes:02d}"]


def test_playing_advances_with_the_replay_clock(panel, qtbot, seeded_walk):
    worker_id, _, _ = seeded_walk
    open_day(panel, qtbot, worker_id)
    model = panel.model
    model.advance(3 * STEP_S + 1)
    assert model.index == 3 and panel.slider.value() == 3
    panel.speed_combo.setCurrentIndex(panel.speed_combo.count() - 1)
    assert model.speed == 64
    panel.play_button.click()
    assert model.playing
    qtbot.waitUntil(lambda: model.index > 3, timeout=5000)
    panel.play_button.click()
    assert not model.playing and panel.slider.value() == model.index


def test_an_older_day_answered_late_is_dropped(qtbot, gui_engine, actor_of, seeded_walk):
    worker_id, lon, _ = seeded_walk
    runner = GatedRunner(make_session_factory(gui_engine))
    widget = TrackReplayPanel(runner, actor_of("admin"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.worker_combo.count() > 0, timeout=10000)
    runner.hold_next = True
    widget.model.load_day(worker_id, DAY - timedelta(days=1))
    with qtbot.waitSignal(widget.model.sig_day_loaded, timeout=10000):
        widget.model.load_day(worker_id, DAY)
    runner.gate.set()
    runner.wait()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    assert widget.model.day.day == DAY and widget.slider.maximum() == len(lon) - 1
    runner.shutdown()


def test_a_doorway_visited_twice_gets_one_label_with_both_stays(panel, qtbot, gui_engine, seeded_walk):
    worker_id, lon, _ = seeded_walk
    back = walk(delay_s=STEP_S * len(lon) + 3600)  # the same walk an hour later: the same stop again
    store_fixes(gui_engine, worker_id, *back)
    open_day(panel, qtbot, worker_id)
    with Session(gui_engine) as session:
        stops = day_summary(session, worker_id, DAY).track.stops
    assert len(stops) == 2 and len(panel.stops.positions) == 2
    [label] = panel.stops.labels
    assert label.textItem.toPlainText() == label_groups(panel.model.replay.days[0])[0][1]
    total = duration_text(sum(s.duration_s for s in stops))
    assert label.textItem.toPlainText().startswith("2") and total in label.textItem.toPlainText()
    assert label.isVisible()
