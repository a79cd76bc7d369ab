"""District, township, community and grid polygons with labels — the map that reads well with no basemap.

Each level appears in the zoom band where it helps: townships as soft fills from the district view,
communities from street level, grids (dotted) close in; labels are placed at each polygon's representative
point and skipped where they would collide with one already drawn."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainterPath, QPen, QPolygonF

from console.domain.geo import BBox
from console.domain.map_boundary import Boundary
from console.domain.map_datum import display_mercator
from console.domain.map_view import MapView
from console.qtmodels.map_layer import MapLayer, RenderFn, RenderResult, begin_painter, new_image
from console.qtmodels.map_style import draw_label, label_font

TOWNSHIP_FILLS = ("#f6d8ae", "#cfe8c9", "#c9dcf0", "#f3c9d6", "#e2d3f0", "#f9efb5", "#c7ece8", "#f1d1c1")


@dataclass(frozen=True)
class LevelStyle:
    pen: str
    width: float
    dash: Qt.PenStyle
    max_res: float
    """Outline shown at this many metres per pixel or closer."""
    label_res: tuple[float, float]
    """Labels between these resolutions (min, max m/px)."""
    font_pt: float
    label_color: str


LEVELS = (
    LevelStyle("#5d4037", 2.6, Qt.PenStyle.SolidLine, 1e9, (25.0, 400.0), 13, "#3e2723"),
    LevelStyle("#795548", 1.6, Qt.PenStyle.SolidLine, 200.0, (4.0, 40.0), 11.5, "#4e342e"),
    LevelStyle("#8d6e63", 1.0, Qt.PenStyle.DashLine, 12.0, (1.2, 6.0), 9.5, "#5d4037"),
    LevelStyle("#a1887f", 0.9, Qt.PenStyle.DotLine, 4.0, (0.0, 1.6), 8.5, "#6d4c41"),
)


def _ring_polygon(view: MapView, mx: np.ndarray, my: np.ndarray) -> QPolygonF:
    """Screen polygon of a ring, dropping vertices that fall on the same half pixel as the previous one."""
    sx, sy = view.to_screen(mx, my)
    qx, qy = np.round(sx * 2), np.round(sy * 2)
    keep = np.ones(len(sx), dtype=bool)
    keep[1:] = (np.diff(qx) != 0) | (np.diff(qy) != 0)
    return QPolygonF([QPointF(x, y) for x, y in zip(sx[keep].tolist(), sy[keep].tolist())])


def _intersects(b: Boundary, view_box: BBox) -> bool:
    return not (
        b.bbox.max_lon < view_box.min_lon
        or b.bbox.min_lon > view_box.max_lon
        or b.bbox.max_lat < view_box.min_lat
        or b.bbox.min_lat > view_box.max_lat
    )


def render_boundaries(
    bounds: list[Boundary], fill_alpha: int, view: MapView, datum: str
) -> tuple[QImage, QImage]:
    """(tints and outlines, labels): the labels go in an image of their own that the canvas draws above the
    other layers, so a township's name is never buried under premises clusters."""
    img = new_image(view)
    box = view.bbox()
    pad = 0.01
    box = BBox(box.min_lon - pad, box.min_lat - pad, box.max_lon + pad, box.max_lat + pad)
    shown = [
        b
        for b in bounds
        if b.level < len(LEVELS) and view.res <= LEVELS[b.level].max_res and _intersects(b, box)
    ]
    shown_ids = {id(b) for b in shown}
    paths = {id(b): _path(view, datum, b) for b in shown}
    painter = begin_painter(img)
    if fill_alpha:
        townships = [b for b in bounds if b.level == 1]
        for k, b in enumerate(townships):
            if id(b) in shown_ids:
                fill = QColor(TOWNSHIP_FILLS[k % len(TOWNSHIP_FILLS)])
                fill.setAlpha(fill_alpha)
                painter.fillPath(paths[id(b)], fill)
    for b in sorted(shown, key=lambda b: -b.level):
        style = LEVELS[b.level]
        painter.setPen(QPen(QColor(style.pen), style.width, style.dash))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(paths[id(b)])
    painter.end()
    return img, _render_labels(shown, view, datum)


def _render_labels(shown: list[Boundary], view: MapView, datum: str) -> QImage:
    img = new_image(view)
    painter = begin_painter(img)
    placed: list[QRectF] = []
    for b in sorted(shown, key=lambda b: b.level):
        style = LEVELS[b.level]
        if not style.label_res[0] <= view.res <= style.label_res[1]:
            continue
        lx, ly = display_mercator(np.array([b.label_lon]), np.array([b.label_lat]), datum)
        sx, sy = view.to_screen(lx[0], ly[0])
        font = label_font(style.font_pt, bold=b.level <= 1)
        painter.setFont(font)
        w = painter.fontMetrics().horizontalAdvance(b.name) + 6
        rect = QRectF(float(sx) - w / 2, float(sy) - style.font_pt, w, style.font_pt * 2)
        if any(rect.intersects(other) for other in placed):
            continue
        placed.append(rect)
        draw_label(painter, float(sx), float(sy), b.name, font, style.label_color)
    painter.end()
    return img


def _path(view: MapView, datum: str, b: Boundary) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for mx, my in b.display_rings(datum):
        path.addPolygon(_ring_polygon(view, mx, my))
        path.closeSubpath()
    return path


class BoundariesLayer(MapLayer):
    def __init__(self, parent=None) -> None:
        super().__init__(
            "boundaries", QCoreApplication.translate("MapLayers", "Boundaries and grids"), parent
        )
        self.boundaries: list[Boundary] = []
        self.fill_alpha = 90

    def set_boundaries(self, boundaries: list[Boundary]) -> None:
        self.boundaries = list(boundaries)
        self.invalidate()

    def set_fill_alpha(self, alpha: int) -> None:
        """Township tints: softer over imagery, stronger on the bare background."""
        if alpha != self.fill_alpha:
            self.fill_alpha = alpha
            self.invalidate()

    def render_fn(self) -> RenderFn:
        bounds, alpha = self.boundaries, self.fill_alpha
        return lambda view, datum: render_boundaries(bounds, alpha, view, datum)

    def overlay(self, result: RenderResult) -> QImage | None:
        return result.meta

    def extent_of(self, unit_id: int | None = None) -> BBox | None:
        """The box of one unit, or of the coarsest units loaded (the district) when `unit_id` is None."""
        if unit_id is not None:
            return next((b.bbox for b in self.boundaries if b.id == unit_id), None)
        if not self.boundaries:
            return None
        top = min(b.level for b in self.boundaries)
        boxes = [b.bbox for b in self.boundaries if b.level == top]
        return BBox(
            min(b.min_lon for b in boxes),
            min(b.min_lat for b in boxes),
            max(b.max_lon for b in boxes),
            max(b.max_lat for b in boxes),
        )
