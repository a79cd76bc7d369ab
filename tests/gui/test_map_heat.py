"""The incident heat map on the loaded test district: off by default, warms the pixels of a known cluster
once shown, follows its category choice, and leaves distant pixels alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from db.models import Incident
from tests.db.map_district import GRID_PATH, NOW, grid_of
from tests.gui import map_fixtures
from tests.gui.map_fixtures import make_map_panel, settle

map_template = map_fixtures.map_template
map_engine = map_fixtures.map_engine

FIRE_AT = (118.125, 24.4785)
"""Between lattice premises of the south-east grid, away from markers and labels."""
DISPUTE_AT = (118.09, 24.5117)


def _add_cluster(engine, first_id: int, at: tuple[float, float], category: str, n: int) -> None:
    with Session(engine) as s:
        for k in range(n):
            lon, lat = at[0] + (k % 3 - 1) * 0.0002, at[1] + (k // 3 % 3 - 1) * 0.0002
            grid = grid_of(lon, lat)
            s.add(Incident(id=first_id + k, case_no=f"H{first_id + k}", source="grid_worker",
                           category=category, priority=1, title="热", lon=lon, lat=lat, grid_id=grid,
                           org_path=GRID_PATH[grid], state="closed", reported_at=NOW - timedelta(days=2)))
        s.commit()


@pytest.fixture
def heat_panel(qtbot, map_engine, tmp_path):
    _add_cluster(map_engine, 500, FIRE_AT, "fire_safety", 30)
    _add_cluster(map_engine, 600, DISPUTE_AT, "dispute", 30)
    panel = make_map_panel(qtbot, map_engine, tmp_path)
    panel.heat.clock = lambda: NOW
    yield panel
    panel.canvas.renderer.wait_for_done()


def _wait_heat(qtbot, panel, count: int) -> None:
    qtbot.waitUntil(lambda: len(panel.heat.points) == count and not panel.loader.busy(), timeout=15000)
    settle(qtbot, panel)


def _colour(panel, lonlat):
    x, y = panel.screen_of(*lonlat).toTuple()
    return panel.canvas.grab().toImage().pixelColor(round(x), round(y))


def _warm(color) -> bool:
    return color.red() > color.blue() + 60 and color.red() > color.green() + 40


def test_heat_map_is_off_until_shown_then_warms_the_cluster_only(qtbot, heat_panel):
    panel = heat_panel
    assert not panel.heat.visible and len(panel.heat.points) == 0
    fire_before, dispute_before = _colour(panel, FIRE_AT), _colour(panel, DISPUTE_AT)
    panel.layer_panel.heat_category.setCurrentIndex(panel.layer_panel.heat_category.findData("fire_safety"))
    panel.layer_panel.visibility["heat"].setChecked(True)
    _wait_heat(qtbot, panel, 30)
    assert not _warm(fire_before) and _warm(_colour(panel, FIRE_AT))
    assert _colour(panel, DISPUTE_AT) == dispute_before
    (ramp, _text), = panel.heat.legend(2.0)
    assert (ramp.image.width(), ramp.image.height()) == (32, 20)
    cold, hot = ramp.image.pixelColor(0, 10), ramp.image.pixelColor(31, 10)
    assert cold.alpha() < hot.alpha() and _warm(hot) and not _warm(cold)


def test_heat_map_follows_category_and_period(qtbot, heat_panel):
    panel = heat_panel
    fire_before, dispute_before = _colour(panel, FIRE_AT), _colour(panel, DISPUTE_AT)
    panel.layer_panel.visibility["heat"].setChecked(True)
    _wait_heat(qtbot, panel, 60 + 4)
    assert _warm(_colour(panel, FIRE_AT)) and _warm(_colour(panel, DISPUTE_AT))
    panel.layer_panel.heat_category.setCurrentIndex(panel.layer_panel.heat_category.findData("dispute"))
    _wait_heat(qtbot, panel, 30)
    assert _warm(_colour(panel, DISPUTE_AT)) and _colour(panel, FIRE_AT) == fire_before
    panel.layer_panel.heat_period.setCurrentIndex(0)
    assert panel.heat.period_days == 7
    _wait_heat(qtbot, panel, 30)
    panel.heat.clock = lambda: NOW + timedelta(days=6)
    panel.heat.refresh()
    _wait_heat(qtbot, panel, 0)
    assert _colour(panel, DISPUTE_AT) == dispute_before
