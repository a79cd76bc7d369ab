"""Lasso selection on the loaded test district: what the free-hand line encloses on screen, and only that,
is selected and announced through sig_selection — checked against shapely on the same screen positions."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from shapely.geometry import Point, Polygon

from console.domain.geo import BBox
from tests.gui import map_fixtures
from tests.gui.map_fixtures import settle

map_template = map_fixtures.map_template
map_engine = map_fixtures.map_engine
map_panel = map_fixtures.map_panel


def _star(cx: float, cy: float, outer: float, inner: float, n: int = 40) -> list[QPoint]:
    """A concave five-pointed free-hand outline, so a bounding box would take more than the lasso."""
    pts = []
    for k in range(n):
        angle = 2 * math.pi * k / n
        r = outer if (k // 4) % 2 == 0 else inner
        pts.append(QPoint(round(cx + r * math.cos(angle)), round(cy + r * math.sin(angle))))
    return pts


def _expected(panel, outline: list[QPoint]) -> list[int]:
    shape = Polygon([(p.x(), p.y()) for p in outline])
    pts = panel.premises.points
    return sorted(
        int(pid) for pid, lon, lat in zip(pts.ids, pts.lon, pts.lat)
        if shape.contains(Point(*panel.screen_of(float(lon), float(lat)).toTuple()))
    )


def _draw(qtbot, widget, outline: list[QPoint], modifier) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, modifier, outline[0])
    for p in outline[1:]:
        qtbot.mouseMove(widget, p)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, modifier, outline[-1])


def test_alt_drag_lasso_selects_exactly_the_premises_inside(qtbot, map_panel):
    map_panel.canvas.zoom_to_bbox(BBox(118.08, 24.47, 118.11, 24.495))
    settle(qtbot, map_panel)
    outline = _star(400, 300, 230, 110)
    want = _expected(map_panel, outline)
    x0, y0, x1, y1 = Polygon([(p.x(), p.y()) for p in outline]).bounds
    boxed = map_panel.canvas.select_rect(QRectF(QPointF(x0, y0), QPointF(x1, y1)))["premises"]
    assert 3 <= len(want) < len(boxed)
    with qtbot.waitSignal(map_panel.sig_selection, timeout=2000) as blocker:
        _draw(qtbot, map_panel.canvas, outline, Qt.KeyboardModifier.AltModifier)
    assert blocker.args[0]["premises"] == want
    assert map_panel.canvas.selection["premises"] == want


def test_lasso_toggle_turns_a_plain_drag_into_a_lasso(qtbot, map_panel):
    map_panel.canvas.zoom_to_bbox(BBox(118.08, 24.47, 118.11, 24.495))
    settle(qtbot, map_panel)
    before = map_panel.canvas.view
    outline = _star(300, 250, 150, 70)
    want = _expected(map_panel, outline)
    map_panel.lasso_button.setChecked(True)
    with qtbot.waitSignal(map_panel.sig_selection, timeout=2000) as blocker:
        _draw(qtbot, map_panel.canvas, outline, Qt.KeyboardModifier.NoModifier)
    assert blocker.args[0].get("premises", []) == want and want
    assert map_panel.canvas.view == before
    map_panel.lasso_button.setChecked(False)
    assert not map_panel.canvas.lasso_mode
