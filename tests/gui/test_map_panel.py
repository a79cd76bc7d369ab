"""The map as an operator uses it: colours where premises are, live recolours, identify, box select,
wheel zoom about the cursor, search, keyboard, layer switches and live worker positions."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from sqlalchemy import update
from sqlalchemy.orm import Session

from console.domain.geo import BBox
from console.domain.map_points import PointSet
from console.qtmodels.map_style import PREMISE_COLORS, WORKER_COLORS
from console.services.changes import changes_since, latest_change_id, record_change
from db.models import Premise
from tests.db.map_district import NOW, PREMISE_AT
from tests.gui import map_fixtures
from tests.gui.map_fixtures import count_near, settle

# The shared fixtures, under the names the tests ask for.
map_template = map_fixtures.map_template
map_engine = map_fixtures.map_engine
map_panel = map_fixtures.map_panel

RED, BLACK = PREMISE_COLORS[2], PREMISE_COLORS[3]
LONE = 9010


def _focus_lone(qtbot, panel, zoom: float = 16.0) -> QPointF:
    lon, lat = PREMISE_AT[LONE][:2]
    panel.canvas.center_on(lon, lat, zoom)
    settle(qtbot, panel)
    return panel.screen_of(lon, lat)


def _centred(panel, lon: float, lat: float) -> bool:
    at = panel.screen_of(lon, lat)
    return abs(at.x() - 400) < 1e-6 and abs(at.y() - 300) < 1e-6


def _red_then_black(panel, at: QPointF) -> tuple[int, int]:
    img = panel.canvas.grab().toImage()
    return count_near(img, at.x(), at.y(), RED), count_near(img, at.x(), at.y(), BLACK, half=2)


def test_a_red_premise_shows_red_pixels_where_it_projects(qtbot, map_panel):
    at = _focus_lone(qtbot, map_panel)
    assert at.x() == pytest.approx(400, abs=1) and at.y() == pytest.approx(300, abs=1)
    red, _ = _red_then_black(map_panel, at)
    assert red >= 9
    away, _ = _red_then_black(map_panel, QPointF(at.x() + 40, at.y() + 40))
    assert away == 0


def test_live_recolour_turns_the_pixels_black(qtbot, map_panel):
    at = _focus_lone(qtbot, map_panel)
    lon, lat = PREMISE_AT[LONE][:2]
    map_panel.apply_rows("premises", PointSet.build([LONE], [lon], [lat], cat=[3], names=["x"]))
    qtbot.waitUntil(lambda: _red_then_black(map_panel, at) == (0, 25), timeout=5000)


def test_a_database_change_reaches_the_picture_through_the_change_feed(qtbot, map_panel, map_engine):
    at = _focus_lone(qtbot, map_panel)
    with Session(map_engine) as s:
        seen = latest_change_id(s)
        s.execute(update(Premise).where(Premise.id == LONE).values(status="black"))
        record_change(s, "premise", LONE, "update", "test")
        s.commit()
        entries = changes_since(s, seen)
    map_panel.apply_changes(entries)
    qtbot.waitUntil(lambda: _red_then_black(map_panel, at) == (0, 25), timeout=5000)


def test_a_deleted_premise_disappears_through_the_change_feed(qtbot, map_panel, map_engine):
    at = _focus_lone(qtbot, map_panel)
    with Session(map_engine) as s:
        s.execute(update(Premise).where(Premise.id == LONE).values(org_path="/elsewhere/"))
        s.commit()
    map_panel.apply_changes([type("Entry", (), {"entity": "premise", "entity_id": LONE})()])
    qtbot.waitUntil(lambda: _red_then_black(map_panel, at) == (0, 0), timeout=5000)
    assert map_panel.premises.position_of(LONE) is None


def test_click_identifies_the_right_premise_among_neighbours(qtbot, map_panel):
    map_panel.canvas.center_on(118.1001, 24.48, 19.0)
    settle(qtbot, map_panel)
    for pid in (9001, 9002, 9003):
        lon, lat = PREMISE_AT[pid][:2]
        at = map_panel.screen_of(lon, lat)
        with qtbot.waitSignal(map_panel.sig_premise_clicked, timeout=2000) as blocker:
            qtbot.mouseClick(
                map_panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(at.x()) + 3, round(at.y()) - 2)
            )
        assert blocker.args == [pid]
    assert map_panel.canvas.focus_object == ("premises", 9003)


def test_click_on_empty_ground_identifies_nothing(qtbot, map_panel):
    map_panel.canvas.center_on(118.1001, 24.48, 19.0)
    settle(qtbot, map_panel)
    at = map_panel.screen_of(118.1001, 24.48)
    with qtbot.assertNotEmitted(map_panel.sig_premise_clicked, wait=100):
        qtbot.mouseClick(
            map_panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(at.x()), round(at.y()) + 60)
        )
    assert map_panel.canvas.focus_object is None


def _drag(qtbot, widget, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, modifier, start)
    for k in range(1, 6):
        qtbot.mouseMove(widget, start + (end - start) * k / 5)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, modifier, end)


def test_box_selection_selects_what_lies_inside(qtbot, map_panel):
    map_panel.canvas.center_on(118.1001, 24.48, 18.0)
    settle(qtbot, map_panel)
    a = map_panel.screen_of(118.09995, 24.48005)
    b = map_panel.screen_of(118.10015, 24.47995)
    with qtbot.waitSignal(map_panel.sig_selection, timeout=2000) as blocker:
        _drag(qtbot, map_panel.canvas, a.toPoint(), b.toPoint(), Qt.KeyboardModifier.ShiftModifier)
    assert blocker.args == [{"premises": [9001, 9002]}]


def test_box_selection_over_a_grid_matches_the_lattice(qtbot, map_panel):
    """The south-west grid holds lattice premises 1–36, the three neighbours and workers 1 and 2."""
    map_panel.canvas.zoom_to_bbox(BBox(118.08, 24.47, 118.11, 24.495))
    settle(qtbot, map_panel)
    a = map_panel.screen_of(118.0801, 24.4949)
    b = map_panel.screen_of(118.1099, 24.4701)
    found = map_panel.canvas.select_rect(QRectF(a, b))
    assert set(found["premises"]) == set(range(1, 37)) | {9001, 9002, 9003}
    assert found["workers"] == [1, 2]
    assert "incidents" not in found


def test_drag_pans_the_map_with_the_pointer(qtbot, map_panel):
    canvas = map_panel.canvas
    before = canvas.wgs84_at(300, 300)
    _drag(qtbot, canvas, QPoint(300, 300), QPoint(420, 250))
    after = canvas.wgs84_at(420, 250)
    assert after == pytest.approx(before, abs=1e-7)


def test_wheel_zoom_keeps_the_point_under_the_cursor(qtbot, map_panel):
    canvas = map_panel.canvas
    pos = QPointF(613, 177)
    before = canvas.wgs84_at(pos.x(), pos.y())
    zoom = canvas.view.zoom
    event = QWheelEvent(
        pos,
        canvas.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, event)
    assert canvas.view.zoom == pytest.approx(zoom + 1)
    assert canvas.wgs84_at(pos.x(), pos.y()) == pytest.approx(before, abs=1e-9)


def test_keys_pan_and_zoom(qtbot, map_panel):
    canvas = map_panel.canvas
    view = canvas.view
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.view.cx > view.cx and canvas.view.cy == view.cy
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.view.zoom == pytest.approx(view.zoom + 1)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.view.zoom == pytest.approx(view.zoom)


def test_search_flies_to_the_premise(qtbot, map_panel):
    qtbot.keyClicks(map_panel.search, "P09010")
    qtbot.keyClick(map_panel.search, Qt.Key.Key_Return)
    lon, lat = PREMISE_AT[LONE][:2]
    qtbot.waitUntil(lambda: _centred(map_panel, lon, lat), timeout=5000)
    assert map_panel.canvas.view.zoom >= 18
    assert map_panel.canvas.focus_object == ("premises", LONE)


def test_search_with_several_hits_offers_a_list(qtbot, map_panel):
    qtbot.keyClicks(map_panel.search, "P0900")
    qtbot.keyClick(map_panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: map_panel.search.results.count() == 3, timeout=5000)
    item = map_panel.search.results.item(1)
    map_panel.search.results.itemClicked.emit(item)
    assert _centred(map_panel, *PREMISE_AT[9002][:2])


def test_hiding_the_premises_layer_removes_its_pixels(qtbot, map_panel):
    at = _focus_lone(qtbot, map_panel)
    map_panel.layer_panel.visibility["premises"].setChecked(False)
    assert _red_then_black(map_panel, at) == (0, 0)
    map_panel.layer_panel.visibility["premises"].setChecked(True)
    map_panel.layer_panel.opacity["premises"].setValue(0)
    assert _red_then_black(map_panel, at)[0] == 0


def test_status_filter_hides_red_premises(qtbot, map_panel):
    at = _focus_lone(qtbot, map_panel)
    map_panel.layer_panel.status_checks[2].setChecked(False)
    settle(qtbot, map_panel)
    assert _red_then_black(map_panel, at) == (0, 0)
    assert map_panel.premises.select("wgs84", -1e9, -1e9, 1e9, 1e9).count(LONE) == 0


def test_worker_moves_live_and_states_follow_fix_age(qtbot, map_panel):
    map_panel.workers.clock = lambda: NOW.timestamp()
    map_panel.canvas.center_on(118.10, 24.49, 16)
    settle(qtbot, map_panel)
    target = (118.1020, 24.4920)
    at = map_panel.screen_of(*target)
    img = map_panel.canvas.grab().toImage()
    assert count_near(img, at.x(), at.y(), WORKER_COLORS[0], half=4) == 0
    map_panel.update_worker_positions([1], [target[0]], [target[1]], [NOW.timestamp()])
    img = map_panel.canvas.grab().toImage()
    assert count_near(img, at.x(), at.y(), WORKER_COLORS[0], half=4) > 20
    old = map_panel.screen_of(118.095, 24.49)
    assert count_near(img, old.x(), old.y(), WORKER_COLORS[0], half=4) == 0
    map_panel.update_worker_positions([1], [target[0]], [target[1]], [NOW.timestamp() - 3600])
    img = map_panel.canvas.grab().toImage()
    assert count_near(img, at.x(), at.y(), WORKER_COLORS[2], half=4) > 20


def test_unknown_worker_in_a_live_update_is_loaded(qtbot, map_panel):
    map_panel.workers.set_points(map_panel.workers.points.merged(PointSet.empty(), removed_ids=[2]))
    assert map_panel.workers.position_of(2) is None
    map_panel.update_worker_positions([2], [118.2], [24.6], [NOW.timestamp()])
    qtbot.waitUntil(lambda: map_panel.workers.position_of(2) is not None, timeout=5000)


def test_show_object_and_highlight_for_other_panels(qtbot, map_panel):
    assert map_panel.show_object("incidents", 2)
    assert _centred(map_panel, 118.10, 24.505)
    assert not map_panel.show_object("incidents", 4)
    map_panel.highlight("premises", [9001, 9002])
    assert map_panel.canvas.selection == {"premises": [9001, 9002]}


def test_zoom_to_org_unit_frames_its_boundary(qtbot, map_panel):
    map_panel.zoom_to_org_unit(9)
    box = map_panel.boundaries.extent_of(9)
    x0, y0 = map_panel.canvas.screen_of(box.min_lon, box.max_lat)
    x1, y1 = map_panel.canvas.screen_of(box.max_lon, box.min_lat)
    assert min(x0, y0) >= 29 and x1 <= 800 - 29 and y1 <= 600 - 29
    assert x0 == pytest.approx(30, abs=1) or y0 == pytest.approx(30, abs=1)


def test_cursor_coordinates_are_reported_in_wgs84(qtbot, map_panel):
    canvas = map_panel.canvas
    at = map_panel.screen_of(*PREMISE_AT[LONE][:2])
    with qtbot.waitSignal(map_panel.sig_cursor_lonlat, timeout=2000) as blocker:
        qtbot.mouseMove(canvas, at.toPoint())
    assert blocker.args == pytest.approx(list(PREMISE_AT[LONE][:2]), abs=canvas.view.res * 1e-5 * 2)
    assert "118.13" in map_panel.coords_label.text()


def test_hover_describes_the_premise(qtbot, map_panel):
    at = _focus_lone(qtbot, map_panel, zoom=18)
    hit = map_panel.canvas.identify_at(at.x() + 2, at.y())
    assert hit == ("premises", LONE)
    assert map_panel.premises.describe(LONE).startswith("测试场所9010")
    assert np.isnan(map_panel.premises.points.t).all()


def test_hovering_a_premise_shows_its_card_as_a_tooltip(qtbot, map_panel):
    at = _focus_lone(qtbot, map_panel, zoom=18)
    qtbot.mouseMove(map_panel.canvas, QPoint(round(at.x()) + 2, round(at.y())))
    qtbot.waitUntil(lambda: "测试场所9010" in QToolTip.text(), timeout=3000)
    assert "Shop" in QToolTip.text() or "商铺" in QToolTip.text()


def test_hovering_a_cluster_offers_to_zoom_in(qtbot, map_panel):
    n = 2000
    rows = PointSet.build(np.arange(20_000, 20_000 + n), np.full(n, 118.09), np.full(n, 24.49), cat=[1] * n)
    map_panel.apply_rows("premises", rows)
    map_panel.canvas.center_on(118.10, 24.495, 12.5)
    settle(qtbot, map_panel)
    at = map_panel.screen_of(118.09, 24.49)
    found = map_panel.canvas.cluster_at(at.x(), at.y())
    assert found is not None and found[2] >= 2000
    zoom = map_panel.canvas.view.zoom
    centre = QPoint(round(found[0]), round(found[1]))
    qtbot.mouseClick(map_panel.canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert map_panel.canvas.view.zoom == pytest.approx(zoom + 2)


def test_click_opens_the_objects_card_from_the_database(qtbot, map_panel):
    map_panel.canvas.center_on(118.1001, 24.48, 19.0)
    settle(qtbot, map_panel)
    lon, lat = PREMISE_AT[9003][:2]
    at = map_panel.screen_of(lon, lat)
    qtbot.mouseClick(map_panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(at.x()), round(at.y())))
    qtbot.waitUntil(lambda: map_panel.card.isVisible(), timeout=5000)
    assert map_panel.card.card.title == "测试场所9003"
    shown = map_panel.card.text.text()
    assert "测试场所9003" in shown and "测试路9003号" in shown and "P09003" in shown
    card = map_panel.card.geometry()
    assert map_panel.canvas.rect().contains(card)
    map_panel.card.dismiss()
    assert not map_panel.card.isVisible()
