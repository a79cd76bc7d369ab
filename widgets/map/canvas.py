"""The map canvas: a QWidget that composes cached layer pictures, the basemap and live overlays.

paintEvent never rasterises a heavy layer: it draws each layer's last picture placed (and, mid-zoom,
scaled) for the current view, so a pan frame costs a few image blits; fresh pictures are requested from
the background renderer after every view change and swapped in when they land."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from console.domain.geo import BBox, gcj02_to_wgs84
from console.domain.map_datum import display_mercator
from console.domain.map_view import MapView, zoom_to_res
from console.qtmodels.map_basemap import Basemap
from console.qtmodels.map_layer import MapLayer, PointLayer
from console.qtmodels.map_premises import CLUSTER_CELL_PX, PremisesMeta
from console.qtmodels.map_render import LayerRenderer
from console.qtmodels.map_style import BACKGROUND
from widgets.map import overlays

WHEEL_STEP = 2**0.5
"""One wheel notch zooms by half a level."""
KEY_ZOOM = 2.0
PICK_RADIUS_PX = 7.0
DRAG_THRESHOLD_PX = 4
MAX_RINGS = 2000


class MapCanvas(QWidget):
    sig_cursor_lonlat = Signal(float, float)
    sig_view_changed = Signal()
    sig_object_clicked = Signal(str, int)
    sig_premise_clicked = Signal(int)
    sig_worker_clicked = Signal(int)
    sig_incident_clicked = Signal(int)
    sig_camera_clicked = Signal(int)
    sig_selection = Signal(dict)
    """{layer name: [ids]} of a box selection (shift-drag)."""

    def __init__(self, layers: list[MapLayer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.layers = list(layers)
        self.renderer = LayerRenderer(parent=self)
        self.renderer.rendered.connect(lambda _name: self.update())
        self.basemap: Basemap | None = None
        self.home_bbox: BBox | None = None
        self.view = MapView.at_lonlat(118.1, 24.5, 13, max(self.width(), 1), max(self.height(), 1))
        self.selection: dict[str, list[int]] = {}
        self.focus_object: tuple[str, int] | None = None
        self._press: QPointF | None = None
        self._press_view: MapView | None = None
        self._mode = ""
        self._band: QRectF | None = None
        self._legend_cache: tuple[tuple, QImage | None] = ((), None)
        self._schedule_timer = QTimer(self, singleShot=True, interval=0, timeout=self._request_renders)
        self._hover_timer = QTimer(self, singleShot=True, interval=60, timeout=self._show_hover)
        self._hover_pos = QPointF()
        for layer in self.layers:
            self._watch(layer)

    # ----- layers, basemap, datum

    def _watch(self, layer: MapLayer) -> None:
        layer.changed.connect(self._layer_changed)
        layer.invalidated.connect(self._layer_changed)

    def _layer_changed(self) -> None:
        self._legend_cache = ((), None)
        self.schedule()
        self.update()

    def layer(self, name: str) -> MapLayer:
        return next(layer for layer in self.layers if layer.name == name)

    @property
    def datum(self) -> str:
        """The datum overlays are displayed in: the basemap's, WGS-84 without one."""
        return self.basemap.datum if self.basemap is not None else "wgs84"

    def set_basemap(self, basemap: Basemap | None) -> None:
        lon, lat = self.wgs84_at(self.view.width / 2, self.view.height / 2)
        if self.basemap is not None:
            self.basemap.tile_loaded.disconnect(self.update)
        self.basemap = basemap
        if basemap is not None:
            basemap.tile_loaded.connect(self.update)
        self.center_on(lon, lat)
        self.schedule()
        self.update()

    # ----- view

    def set_view(self, view: MapView) -> None:
        self.view = view.resized(self.view.width, self.view.height, self.view.dpr)
        self.schedule()
        self.update()
        self.sig_view_changed.emit()

    def schedule(self) -> None:
        """Ask for fresh pictures once control returns to the event loop (many changes, one request)."""
        self._schedule_timer.start()

    def _request_renders(self) -> None:
        for layer in self.layers:
            if layer.threaded and layer.visible:
                self.renderer.request(layer, self.view, self.datum)
        if self.basemap is not None:
            self.basemap.request(self.view)

    def display_xy(self, lon: float, lat: float) -> tuple[float, float]:
        mx, my = display_mercator(np.array([lon]), np.array([lat]), self.datum)
        return float(mx[0]), float(my[0])

    def screen_of(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a WGS-84 point is drawn now, in logical widget pixels."""
        sx, sy = self.view.to_screen(*self.display_xy(lon, lat))
        return float(sx), float(sy)

    def wgs84_at(self, sx: float, sy: float) -> tuple[float, float]:
        lon, lat = self.view.screen_to_lonlat(sx, sy)
        lon, lat = float(lon), float(lat)
        return gcj02_to_wgs84(lon, lat) if self.datum == "gcj02" else (lon, lat)

    def center_on(self, lon: float, lat: float, zoom: float | None = None) -> None:
        """Centre on a WGS-84 point, optionally at a zoom level."""
        view = self.view.centered(*self.display_xy(lon, lat))
        if zoom is not None:
            view = view.with_res(zoom_to_res(zoom))
        self.set_view(view)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        at = anchor or QPointF(self.view.width / 2, self.view.height / 2)
        self.set_view(self.view.zoomed_about(factor, at.x(), at.y()))

    def pan_by(self, dx: float, dy: float) -> None:
        self.set_view(self.view.panned(dx, dy))

    def zoom_to_bbox(self, box: BBox, max_zoom: float = 18.0) -> None:
        x0, y0 = self.display_xy(box.min_lon, box.min_lat)
        x1, y1 = self.display_xy(box.max_lon, box.max_lat)
        self.set_view(self.view.fit_extent(x0, y0, x1, y1, margin_px=30, max_zoom=max_zoom))

    def zoom_home(self) -> None:
        if self.home_bbox is not None:
            self.zoom_to_bbox(self.home_bbox)

    def idle(self) -> bool:
        """No render or tile load outstanding: what tests and screenshots wait for."""
        return (
            not self._schedule_timer.isActive()
            and self.renderer.idle()
            and (self.basemap is None or self.basemap.idle())
        )

    # ----- painting

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.view = self.view.resized(event.size().width(), event.size().height(), self.devicePixelRatioF())
        self.schedule()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.view.dpr != self.devicePixelRatioF():
            self.view = self.view.resized(self.width(), self.height(), self.devicePixelRatioF())
            self.schedule()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        if self.basemap is not None:
            self.basemap.draw(painter, self.view)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for layer in self.layers:
            if not layer.visible:
                continue
            painter.setOpacity(layer.opacity)
            if layer.threaded:
                self._draw_cached(painter, layer)
            else:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                layer.paint(painter, self.view, self.datum)
        for layer in self.layers:
            if layer.visible and layer.threaded:
                painter.setOpacity(layer.opacity)
                self._draw_cached(painter, layer, overlay=True)
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_selection(painter)
        if self._band is not None:
            overlays.paint_rubber_band(painter, self._band)
        overlays.paint_scale_bar(painter, self.view)
        overlays.paint_north_arrow(painter, self.view)
        overlays.paint_legend(painter, self.view, self._legend())
        if self.basemap is not None and self.basemap.spec.attribution:
            overlays.paint_attribution(painter, self.view, self.basemap.spec.attribution)
        painter.end()

    def _draw_cached(self, painter: QPainter, layer: MapLayer, overlay: bool = False) -> None:
        """The layer's last picture (or its overlay picture) placed for the current view: translated while
        panning, scaled while a zoom waits for its fresh render."""
        result = self.renderer.result(layer.name)
        if result is None or result.datum != self.datum:
            return
        img = layer.overlay(result) if overlay else result.image
        if img is None:
            return
        x, y, scale = self.view.placement_of(result.view)
        dpr = self.view.dpr
        if abs(scale - 1.0) < 1e-9:
            painter.drawImage(QPointF(round(x * dpr) / dpr, round(y * dpr) / dpr), img)
        else:
            target = QRectF(x, y, result.view.width * scale, result.view.height * scale)
            painter.drawImage(target, img, QRectF(0, 0, img.width(), img.height()))

    def _legend(self) -> QImage:
        key = (self.view.dpr,) + tuple(layer.name for layer in self.layers if layer.visible)
        if self._legend_cache[0] != key:
            entries = [e for layer in self.layers if layer.visible for e in layer.legend(self.view.dpr)]
            self._legend_cache = (key, overlays.legend_image(entries, self.view.dpr))
        return self._legend_cache[1]

    def _paint_selection(self, painter: QPainter) -> None:
        for name, ids in self.selection.items():
            layer = self.layer(name)
            if isinstance(layer, PointLayer) and layer.visible and ids:
                overlays.paint_rings(painter, self._screen_points(layer, ids[:MAX_RINGS]), 7.0, 1.6)
        if self.focus_object is not None:
            layer = self.layer(self.focus_object[0])
            if isinstance(layer, PointLayer):
                overlays.paint_rings(painter, self._screen_points(layer, [self.focus_object[1]]), 11.0, 2.6)

    def _screen_points(self, layer: PointLayer, ids: list[int]) -> list[tuple[float, float]]:
        rows = layer.points.index_of(ids)
        rows = rows[rows >= 0]
        mx, my = layer.points.display(self.datum)
        sx, sy = self.view.to_screen(mx[rows], my[rows])
        return list(zip(sx.tolist(), sy.tolist()))

    # ----- identify

    def identify_at(self, sx: float, sy: float) -> tuple[str, int] | None:
        """The topmost visible object within a few pixels of (sx, sy): (layer name, id)."""
        for layer in reversed(self.layers):
            if not layer.visible:
                continue
            found = layer.identify(self.view, self.datum, sx, sy, PICK_RADIUS_PX)
            if found is not None and not self._clustered(layer):
                return layer.name, found
        return None

    def _clustered(self, layer: MapLayer) -> bool:
        result = self.renderer.result(layer.name)
        return result is not None and isinstance(result.meta, PremisesMeta) and result.meta.mode == "clusters"

    def cluster_at(self, sx: float, sy: float) -> tuple[float, float, int] | None:
        """The premises cluster under (sx, sy), as (x, y, count) in current screen pixels."""
        result = self.renderer.result("premises")
        if result is None or not self._clustered(self.layer("premises")):
            return None
        c = result.meta.clusters
        x, y, scale = self.view.placement_of(result.view)
        cx, cy = x + c.sx * scale, y + c.sy * scale
        d2 = (cx - sx) ** 2 + (cy - sy) ** 2
        if len(d2) == 0:
            return None
        best = int(np.argmin(d2))
        return (
            (float(cx[best]), float(cy[best]), int(c.total[best]))
            if d2[best] <= (CLUSTER_CELL_PX * scale / 2) ** 2
            else None
        )

    def _click(self, pos: QPointF) -> None:
        cluster = self.cluster_at(pos.x(), pos.y())
        hit = self.identify_at(pos.x(), pos.y())
        if hit is None and cluster is not None and self.layer("premises").visible:
            self.zoom_by(KEY_ZOOM * 2, QPointF(cluster[0], cluster[1]))
            return
        self.focus_object = hit
        self.update()
        if hit is None:
            return
        name, obj_id = hit
        self.sig_object_clicked.emit(name, obj_id)
        signal = {
            "premises": self.sig_premise_clicked,
            "workers": self.sig_worker_clicked,
            "incidents": self.sig_incident_clicked,
            "cameras": self.sig_camera_clicked,
        }.get(name)
        if signal is not None:
            signal.emit(obj_id)

    def select_rect(self, rect: QRectF) -> dict[str, list[int]]:
        """Objects of visible point layers inside a screen rectangle; becomes the highlighted selection."""
        r = rect.normalized()
        x0, y0 = self.view.to_mercator(r.left(), r.bottom())
        x1, y1 = self.view.to_mercator(r.right(), r.top())
        found = {}
        for layer in self.layers:
            if layer.visible:
                ids = layer.select(self.datum, float(x0), float(y0), float(x1), float(y1))
                if ids:
                    found[layer.name] = ids
        self.selection = found
        self.update()
        self.sig_selection.emit(found)
        return found

    # ----- input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_view = self.view
            self._mode = "box" if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else "press"
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        lon, lat = self.wgs84_at(pos.x(), pos.y())
        self.sig_cursor_lonlat.emit(lon, lat)
        if self._press is None:
            self._hover_pos = pos
            self._hover_timer.start()
            return
        delta = pos - self._press
        if self._mode == "press" and max(abs(delta.x()), abs(delta.y())) >= DRAG_THRESHOLD_PX:
            self._mode = "pan"
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._mode == "pan":
            self.set_view(self._press_view.panned(delta.x(), delta.y()))
        elif self._mode == "box":
            self._band = QRectF(self._press, pos)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if self._mode == "press":
            self._click(event.position())
        elif self._mode == "box" and self._band is not None:
            self.select_rect(self._band)
        self._press, self._band, self._mode = None, None, ""
        self.unsetCursor()
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(WHEEL_STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step_x, step_y = self.view.width / 6, self.view.height / 6
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (step_x, 0),
            Qt.Key.Key_Right: (-step_x, 0),
            Qt.Key.Key_Up: (0, step_y),
            Qt.Key.Key_Down: (0, -step_y),
        }
        if key in moves:
            self.pan_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(KEY_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / KEY_ZOOM)
        elif key == Qt.Key.Key_Home:
            self.zoom_home()
        elif key == Qt.Key.Key_Escape:
            self.selection, self.focus_object = {}, None
            self.update()
        else:
            super().keyPressEvent(event)

    def _show_hover(self) -> None:
        pos = self._hover_pos
        hit = self.identify_at(pos.x(), pos.y())
        text = ""
        if hit is not None:
            text = self.layer(hit[0]).describe(hit[1])
        else:
            cluster = self.cluster_at(pos.x(), pos.y())
            if cluster is not None:
                text = self.tr("%n premises — click to zoom in", "", cluster[2])
        if text:
            QToolTip.showText(self.mapToGlobal(pos.toPoint()), text, self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        self._hover_timer.stop()
        super().leaveEvent(event)
