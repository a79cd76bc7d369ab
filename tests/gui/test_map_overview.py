"""The overview inset (鹰眼): it shows the district with a frame where the map looks, the frame follows pans,
and a click or drag in it recentres the main map on the point clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from console.domain.geo import lonlat_to_mercator
from console.qtmodels.map_style import SELECTION_COLOR
from tests.gui import map_fixtures
from tests.gui.map_fixtures import CANVAS_SIZE, near, settle

map_template = map_fixtures.map_template
map_engine = map_fixtures.map_engine
map_panel = map_fixtures.map_panel


def _inset_xy(inset, lon: float, lat: float) -> QPointF:
    sx, sy = inset.inset_view().to_screen(*lonlat_to_mercator(lon, lat))
    return QPointF(float(sx), float(sy))


def test_inset_shows_the_district_and_the_view_frame(qtbot, map_panel):
    inset = map_panel.overview
    assert inset.isVisible()
    corner = _inset_xy(inset, 118.08, 24.52)
    far = _inset_xy(inset, 118.14, 24.47)
    assert 0 <= corner.x() < far.x() <= inset.width() and 0 <= corner.y() < far.y() <= inset.height()
    assert inset.view_rect().contains(QRectF(corner, far))
    map_panel.canvas.center_on(118.12, 24.49, 15.0)
    frame = inset.view_rect()
    assert frame.contains(_inset_xy(inset, 118.12, 24.49)) and QRectF(inset.rect()).contains(frame)
    image = inset.grab().toImage()
    edge = QPoint(round(frame.left()), round(frame.center().y()))
    assert any(near(image.pixelColor(edge + QPoint(d, 0)), SELECTION_COLOR, 60) for d in (-1, 0, 1))


def test_click_in_the_inset_recentres_the_map_there(qtbot, map_panel):
    inset = map_panel.overview
    map_panel.canvas.center_on(118.09, 24.48, 16.0)
    settle(qtbot, map_panel)
    target = _inset_xy(inset, 118.13, 24.51)
    qtbot.mouseClick(inset, Qt.MouseButton.LeftButton, pos=target.toPoint())
    clicked = inset.inset_view().screen_to_lonlat(target.toPoint().x(), target.toPoint().y())
    cx, cy = map_panel.canvas.screen_of(float(clicked[0]), float(clicked[1]))
    assert (cx, cy) == pytest.approx((CANVAS_SIZE[0] / 2, CANVAS_SIZE[1] / 2), abs=2)
    x, y = map_panel.canvas.screen_of(118.13, 24.51)
    step = inset.inset_view().res / map_panel.canvas.view.res
    assert abs(x - CANVAS_SIZE[0] / 2) <= step and abs(y - CANVAS_SIZE[1] / 2) <= step
    frame = inset.view_rect()
    assert frame.center().x() == pytest.approx(target.toPoint().x(), abs=0.5)


def test_the_frame_follows_pans_and_a_drag_in_the_inset_moves_the_map(qtbot, map_panel):
    inset = map_panel.overview
    canvas = map_panel.canvas
    canvas.center_on(118.11, 24.495, 15.0)
    before = inset.view_rect()
    canvas.pan_by(-200, 100)
    after = inset.view_rect()
    scale = canvas.view.res / inset.inset_view().res
    assert after.center().x() - before.center().x() == pytest.approx(200 * scale, rel=1e-6)
    assert after.center().y() - before.center().y() == pytest.approx(-100 * scale, rel=1e-6)
    assert after.size() == before.size()
    start = _inset_xy(inset, 118.09, 24.5).toPoint()
    end = _inset_xy(inset, 118.12, 24.48).toPoint()
    qtbot.mousePress(inset, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(inset, end)
    qtbot.mouseRelease(inset, Qt.MouseButton.LeftButton, pos=end)
    assert inset.view_rect().center().x() == pytest.approx(end.x(), abs=0.5)
    assert inset.view_rect().center().y() == pytest.approx(end.y(), abs=0.5)
