"""The overview inset (鹰眼): the whole district in a corner of the map with a frame where the main view
looks; clicking or dragging in it moves the main map there.

Only district and township outlines are drawn, once per boundary set, datum and pixel ratio, into a cached
image; each repaint is that image plus one rectangle, so following a pan costs nothing noticeable."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from console.domain.map_view import MapView
from console.qtmodels.map_boundaries import BoundariesLayer
from console.qtmodels.map_layer import begin_painter
from console.qtmodels.map_style import SELECTION_COLOR

INSET_SIZE = (190, 140)
INSET_MARGIN = 10
FRAME_MIN_PX = 6.0
"""Below this the view frame is drawn as a small square so a street-level view still shows where it is."""
INSET_FILL = "#e6ffffff"
"""A white wash: the basemap still shows through, the outlines read over it."""
OUTLINES = ((0, "#5d4037", 1.6), (1, "#a1887f", 0.8))
"""(level, colour, width): district, townships."""


class OverviewInset(QWidget):
    def __init__(self, canvas, boundaries: BoundariesLayer) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.boundaries = boundaries
        self.setFixedSize(*INSET_SIZE)
        self.move(INSET_MARGIN, INSET_MARGIN)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview: click or drag to move the map"))
        self._cache: tuple[tuple, QImage | None] = ((), None)
        canvas.sig_view_changed.connect(self.update)
        boundaries.invalidated.connect(self._boundaries_changed)
        self._boundaries_changed()

    def _boundaries_changed(self) -> None:
        self.setVisible(bool(self.boundaries.boundaries))
        self.update()

    def inset_view(self) -> MapView | None:
        """The inset's own view: the district fitted into the widget, in the main map's display datum."""
        box = self.boundaries.extent_of()
        if box is None:
            return None
        x0, y0 = self.canvas.display_xy(box.min_lon, box.min_lat)
        x1, y1 = self.canvas.display_xy(box.max_lon, box.max_lat)
        base = MapView(0.0, 0.0, 1.0, self.width(), self.height(), self.devicePixelRatioF())
        return base.fit_extent(x0, y0, x1, y1, margin_px=6)

    def view_rect(self) -> QRectF | None:
        """Where the main map's view lies in the inset (logical px of the inset)."""
        view = self.inset_view()
        if view is None:
            return None
        x0, y0, x1, y1 = self.canvas.view.extent()
        sx0, sy0 = view.to_screen(x0, y1)
        sx1, sy1 = view.to_screen(x1, y0)
        return QRectF(QPointF(float(sx0), float(sy0)), QPointF(float(sx1), float(sy1)))

    def _outlines(self, view: MapView) -> QImage:
        key = (id(self.boundaries.boundaries), self.canvas.datum, view)
        if self._cache[0] != key:
            img = QImage(round(view.width * view.dpr), round(view.height * view.dpr),
                         QImage.Format.Format_ARGB32_Premultiplied)
            img.setDevicePixelRatio(view.dpr)
            img.fill(QColor(INSET_FILL))
            painter = begin_painter(img)
            for level, color, width in reversed(OUTLINES):
                painter.setPen(QPen(QColor(color), width))
                for b in self.boundaries.boundaries:
                    if b.level == level:
                        painter.drawPath(self._path(view, b))
            painter.end()
            self._cache = (key, img)
        return self._cache[1]

    def _path(self, view: MapView, boundary) -> QPainterPath:
        path = QPainterPath()
        for mx, my in boundary.display_rings(self.canvas.datum):
            sx, sy = view.to_screen(mx, my)
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in zip(sx.tolist(), sy.tolist())]))
            path.closeSubpath()
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self.inset_view()
        if view is None:
            return
        painter = QPainter(self)
        painter.drawImage(QPointF(0, 0), self._outlines(view))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.view_rect()
        if frame.width() < FRAME_MIN_PX or frame.height() < FRAME_MIN_PX:
            frame = QRectF(frame.center().x() - FRAME_MIN_PX / 2, frame.center().y() - FRAME_MIN_PX / 2,
                           FRAME_MIN_PX, FRAME_MIN_PX)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(SELECTION_COLOR), 1.6))
        painter.drawRect(frame)
        painter.setPen(QPen(QColor("#607d8b"), 1.0))
        painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._recentre(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._recentre(event.position())
        event.accept()

    def _recentre(self, pos: QPointF) -> None:
        view = self.inset_view()
        if view is not None:
            mx, my = view.to_mercator(pos.x(), pos.y())
            self.canvas.set_view(self.canvas.view.centered(float(mx), float(my)))
