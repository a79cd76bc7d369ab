"""Map tools that take over clicks on the canvas: measuring distance or area, and picking a zone's centre.

Dragging still pans while a tool is active; only clicks go to the tool. Esc leaves the tool."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from console.domain.map_zone import format_area, format_distance, path_length_m, polygon_area_m2
from console.qtmodels.labels import fill
from console.qtmodels.map_style import draw_label, label_font

if TYPE_CHECKING:
    from widgets.map.canvas import MapCanvas

_INK = "#d84315"


class MapTool:
    cursor = Qt.CursorShape.CrossCursor

    def click(self, canvas: MapCanvas, lon: float, lat: float) -> None:
        raise NotImplementedError

    def move(self, canvas: MapCanvas, lon: float, lat: float) -> None:
        """The pointer moved (no button): tools that draw a rubber band follow it."""

    def finish(self, canvas: MapCanvas) -> None:
        """A double click: tools that collect vertices stop collecting."""

    def paint(self, painter: QPainter, canvas: MapCanvas) -> None:
        """Draw the tool's state over the map."""


class MeasureTool(MapTool):
    """Clicks add vertices; the label gives the path length, or the enclosed area with `area` on. A double
    click ends the measurement; the next click starts a new one."""

    def __init__(self, area: bool = False) -> None:
        self.area = area
        self.vertices: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None
        self.done = False

    def click(self, canvas: MapCanvas, lon: float, lat: float) -> None:
        if self.done:
            self.vertices, self.done = [], False
        self.vertices.append((lon, lat))
        canvas.update()

    def move(self, canvas: MapCanvas, lon: float, lat: float) -> None:
        if self.vertices and not self.done:
            self.hover = (lon, lat)
            canvas.update()

    def finish(self, canvas: MapCanvas) -> None:
        self.done, self.hover = True, None
        canvas.update()

    def points(self) -> list[tuple[float, float]]:
        return self.vertices + ([self.hover] if self.hover is not None and not self.done else [])

    def result(self) -> str:
        pts = self.points()
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        if self.area:
            perimeter = path_length_m(lons + lons[:1], lats + lats[:1]) if len(pts) > 2 else 0.0
            template = QCoreApplication.translate("MapTools", "Area %1 · perimeter %2")
            return fill(template, format_area(polygon_area_m2(lons, lats)), format_distance(perimeter))
        template = QCoreApplication.translate("MapTools", "Distance %1")
        return fill(template, format_distance(path_length_m(lons, lats)))

    def paint(self, painter: QPainter, canvas: MapCanvas) -> None:
        pts = self.points()
        if not pts:
            return
        screen = QPolygonF([QPointF(*canvas.screen_of(lon, lat)) for lon, lat in pts])
        tint = QColor(_INK)
        tint.setAlpha(40)
        painter.setPen(QPen(QColor(_INK), 2.2))
        painter.setBrush(tint if self.area else Qt.BrushStyle.NoBrush)
        if self.area and len(pts) > 2:
            painter.drawPolygon(screen)
        else:
            painter.drawPolyline(screen)
        painter.setBrush(QColor("#ffffff"))
        for p in screen:
            painter.drawEllipse(p, 3.5, 3.5)
        last = screen[screen.size() - 1]
        draw_label(painter, last.x() + 10, last.y() - 12, self.result(), label_font(9.5, bold=True), _INK,
                   align_center=False)


class PickPointTool(MapTool):
    """One click hands its WGS-84 position to `on_pick` (the zone tool's centre) and ends the tool."""

    def __init__(self, on_pick: Callable[[float, float], None]) -> None:
        self.on_pick = on_pick

    def click(self, canvas: MapCanvas, lon: float, lat: float) -> None:
        canvas.set_tool(None)
        self.on_pick(lon, lat)
