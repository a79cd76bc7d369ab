"""The zone tool against shapely on the same data, its XLSX export, the measure tools and the
right-click menu other panels add actions to."""
from __future__ import annotations

import itertools
import math

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from shapely.geometry import Point

from console.domain.geo import EARTH_RADIUS_M, haversine_m
from console.domain.map_zone import RING_KEYS
from console.qtmodels.map_zone import ZONE_LAYERS
from tests.db.map_district import PREMISE_AT
from tests.gui import map_fixtures
from tests.gui.map_fixtures import settle

# The shared fixtures, under the names the tests ask for.
map_template = map_fixtures.map_template
map_engine = map_fixtures.map_engine
map_panel = map_fixtures.map_panel

RADII = (300, 1000, 3000)


def _shapely_rings(lon0: float, lat0: float, points) -> dict[tuple[int, str], set[int]]:
    """Expected members: points in a local equidistant plane, tested against buffered circles."""
    circles = [Point(0, 0).buffer(r, quad_segs=256) for r in RADII]
    out: dict[tuple[int, str], set[int]] = {}
    for layer, pts in points.items():
        for pid, lon, lat in zip(pts.ids.tolist(), pts.lon.tolist(), pts.lat.tolist()):
            x = EARTH_RADIUS_M * math.radians(lon - lon0) * math.cos(math.radians((lat + lat0) / 2))
            y = EARTH_RADIUS_M * math.radians(lat - lat0)
            for k, circle in enumerate(circles):
                if circle.contains(Point(x, y)):
                    out.setdefault((k, layer), set()).add(pid)
                    break
    return out


def test_zone_tool_counts_match_shapely_and_export(qtbot, map_panel, tmp_path):
    for box, radius in zip(map_panel.zone_panel.radius_boxes, RADII):
        box.setValue(radius)
    map_panel.canvas.center_on(118.10, 24.49, 14)
    settle(qtbot, map_panel)
    map_panel.start_zone_pick()
    at = map_panel.screen_of(118.10, 24.49)
    qtbot.mouseClick(map_panel.canvas, Qt.MouseButton.LeftButton, pos=at.toPoint())
    zone = map_panel.zone_panel.zone
    assert zone is not None and map_panel.canvas.tool is None and map_panel.canvas.zone == zone
    assert haversine_m(zone.lon, zone.lat, 118.10, 24.49) < map_panel.canvas.view.res * 2
    points = {layer.name: layer.points for layer in map_panel.canvas.layers if layer.name in ZONE_LAYERS}
    expected = _shapely_rings(zone.lon, zone.lat, points)
    got: dict[tuple[int, str], set[int]] = {}
    for m in map_panel.zone_panel.members:
        got.setdefault((m.ring, m.layer), set()).add(m.id)
    assert got == expected
    assert {layer for _, layer in got} == {"premises", "workers", "cameras", "incidents"}
    members = map_panel.zone_panel.members
    assert all(m.ring <= n.ring for m, n in itertools.pairwise(members))
    tree = map_panel.zone_panel.tree
    assert tree.topLevelItemCount() == 3
    path = tmp_path / "zone.xlsx"
    map_panel.zone_panel.export_to(path)
    book = load_workbook(path)
    summary = list(book.worksheets[0].iter_rows(values_only=True))
    for k in range(3):
        assert list(summary[k + 1][1:]) == [len(expected.get((k, name), ())) for name in ZONE_LAYERS]
    for k, key in enumerate(RING_KEYS):
        rows = list(book.worksheets[k + 1].iter_rows(values_only=True))[1:]
        assert {(r[1]) for r in rows} == set().union(*(expected.get((k, n), set()) for n in ZONE_LAYERS))


def test_zone_follows_radius_edits_and_clears(qtbot, map_panel):
    map_panel.zone_panel.set_center(*PREMISE_AT[9010][:2])
    inner = {m.id for m in map_panel.zone_panel.members if m.ring == 0 and m.layer == "premises"}
    assert 9010 in inner
    map_panel.zone_panel.radius_boxes[0].setValue(10)
    assert {m.id for m in map_panel.zone_panel.members if m.ring == 0 and m.layer == "premises"} == {9010}
    map_panel.zone_panel.clear()
    assert map_panel.canvas.zone is None


def test_measure_distance_and_area(qtbot, map_panel):
    from widgets.map.tools import MeasureTool

    canvas = map_panel.canvas
    canvas.center_on(118.10, 24.49, 15)
    settle(qtbot, map_panel)
    tool = MeasureTool(area=False)
    canvas.set_tool(tool)
    corners = [(118.095, 24.485), (118.105, 24.485), (118.105, 24.495), (118.095, 24.495)]
    for lon, lat in corners[:2]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=map_panel.screen_of(lon, lat).toPoint())
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=map_panel.screen_of(*corners[1]).toPoint())
    assert tool.done and len(tool.vertices) == 2
    km = float(tool.result().split()[-2])
    assert km == pytest.approx(haversine_m(*corners[0], *corners[1]) / 1000, abs=0.01)
    area = MeasureTool(area=True)
    canvas.set_tool(area)
    for lon, lat in corners:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=map_panel.screen_of(lon, lat).toPoint())
    km2 = float(area.result().split()[1])
    side_x, side_y = haversine_m(*corners[0], *corners[1]), haversine_m(*corners[1], *corners[2])
    assert km2 == pytest.approx(side_x * side_y / 1e6, rel=0.01)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.tool is None


def test_right_click_menu_offers_other_panels_actions(qtbot, map_panel):
    calls = []
    map_panel.add_context_action("派遣到这里", lambda lon, lat, hit: calls.append((lon, lat, hit)))
    lon, lat = PREMISE_AT[9010][:2]
    map_panel.canvas.center_on(lon, lat, 17)
    settle(qtbot, map_panel)
    at = map_panel.screen_of(lon, lat).toPoint()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, map_panel.canvas.mapToGlobal(at))
    QApplication.sendEvent(map_panel.canvas, event)
    menu = map_panel.context_menu
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == "派遣到这里")
    action.trigger()
    menu.close()
    assert calls and calls[0][2] == ("premises", 9010)
    assert calls[0][:2] == pytest.approx((lon, lat), abs=1e-5)
    zone_here = menu.actions()[-2]
    zone_here.trigger()
    assert map_panel.zone_panel.zone.lon == pytest.approx(lon, abs=1e-5)
    assert QPoint(0, 0) != at
