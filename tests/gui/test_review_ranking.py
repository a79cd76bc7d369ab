"""Ranking panel: the table is the service's ranking, and activating a worker's row names that worker."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from sqlalchemy.orm import Session

from console.qtmodels.review_ranking import ROW_ID_ROLE, period_range
from console.qtmodels.tasks import TaskRunner
from console.services.rankings import rankings
from console.services.scoring import recompute_scores
from db.engine import make_session_factory
from widgets.review.ranking_panel import TOP, RankingPanel

TODAY = date.today()


@pytest.fixture
def actor(gui_engine, actor_of):
    admin = actor_of("admin")
    with Session(gui_engine) as session, session.begin():
        for period in ("last_month", "this_month"):
            recompute_scores(session, admin, *period_range(period, TODAY), as_of=datetime.now())
    return admin


@pytest.fixture
def panel(qtbot, gui_engine, actor):
    runner = TaskRunner(make_session_factory(gui_engine))
    widget = RankingPanel(runner, actor, today=TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    widget.resize(1000, 600)
    widget.show()
    yield widget
    runner.shutdown()


def _expected(gui_engine, actor, level: str, period: str):
    with Session(gui_engine) as session:
        return rankings(session, actor, level, *period_range(period, TODAY))


def _table(panel) -> list[tuple[str, str, int]]:
    model = panel.model
    return [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 0).data(ROW_ID_ROLE))
            for r in range(model.rowCount())]


def test_table_and_chart_follow_the_services_ranking(panel, qtbot, gui_engine, actor):
    expected = _expected(gui_engine, actor, "worker", "this_month")
    assert len(expected) > 3 and any(r.points for r in expected)
    assert _table(panel) == [(str(r.rank), r.name, r.id) for r in expected]
    assert list(panel.bars.opts["width"]) == pytest.approx([r.points for r in expected[:TOP]])
    assert any(r.movement is not None for r in expected)
    with qtbot.waitSignal(panel.model.sig_loaded, timeout=10000):
        panel.level_combo.setCurrentIndex(panel.level_combo.findData("community"))
    communities = _expected(gui_engine, actor, "community", "this_month")
    assert _table(panel) == [(str(r.rank), r.name, r.id) for r in communities]
    with qtbot.waitSignal(panel.model.sig_loaded, timeout=10000):
        panel.period_combo.setCurrentIndex(panel.period_combo.findData("last_month"))
    assert _table(panel) == [(str(r.rank), r.name, r.id) for r in _expected(gui_engine, actor, "community",
                                                                                 "last_month")]


def test_activating_a_worker_row_emits_its_id(panel, qtbot, gui_engine, actor):
    expected = _expected(gui_engine, actor, "worker", "this_month")
    row = 2
    opened: list[int] = []
    panel.sig_worker_opened.connect(opened.append)
    viewport = panel.table.viewport()
    rect = panel.table.visualRect(panel.model.index(row, 1))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [expected[row].id]


def test_unit_rows_open_no_worker(panel, qtbot):
    with qtbot.waitSignal(panel.model.sig_loaded, timeout=10000):
        panel.level_combo.setCurrentIndex(panel.level_combo.findData("grid"))
    with qtbot.assertNotEmitted(panel.sig_worker_opened):
        panel.table.activated.emit(panel.model.index(0, 1))


def test_the_chart_names_every_bar_in_full_width(panel, qtbot, gui_engine, actor):
    """Each bar's name is a tick label on the left axis, and the axis is wide enough to print it (pyqtgraph
    silently drops a label wider than its axis)."""
    expected = _expected(gui_engine, actor, "worker", "this_month")[:TOP]
    axis = panel.chart.getAxis("left")
    [ticks] = axis._tickLevels
    assert [name for _, name in ticks] == [r.name for r in expected]
    metrics = QFontMetrics(axis.style["tickFont"] or panel.chart.font())
    assert axis.width() >= max(metrics.horizontalAdvance(r.name) for r in expected)
