"""The map canvas: a QWidget that composes cached layer pictures, the basemap and live overlays.

paintEvent never rasterises a heavy layer: it draws each layer's last picture placed (and, mid-zoom,
scaled) for the current view, so a pan frame costs a few image blits; fresh pictures are requested from
the background renderer after every view change and swapped in when they land."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from console.domain.geo import BBox, gcj02_to_wgs84
from console.domain.map_datum import display_mercator
from console.domain.map_lasso import points_in_polygon, polygon_box
from console.domain.map_view import MapView, zoom_to_res
from console.domain.map_zone import Zone
from console.qtmodels.map_basemap import Basemap
from console.qtmodels.map_clusters import CLUSTER_CELL_PX, PointsMeta
from console.qtmodels.map_layer import MapLayer, PointLayer
from console.qtmodels.map_render import LayerRenderer
from console.qtmodels.map_style import BACKGROUND
from widgets.map import overlays
from widgets.map.canvas_input import CanvasInput
from widgets.map.tools import MapTool

PICK_RADIUS_PX = 7.0
MAX_RINGS = 2000


class MapCanvas(CanvasInput, QWidget):
    sig_cursor_lonlat = Signal(float, float)
    sig_view_changed = Signal()
    sig_object_clicked = Signal(str, int)
    sig_premise_clicked = Signal(int)
    sig_worker_clicked = Signal(int)
    sig_incident_clicked = Signal(int)
    sig_camera_clicked = Signal(int)
    sig_selection = Signal(dict)
    """{layer name: [ids]} of a box selection (shift-drag) or a lasso (alt-drag, or drag in lasso mode)."""
    sig_context_menu = Signal(QPoint, float, float, object)
    """Right click: global position, WGS-84 lon/lat, and the (layer, id) under the pointer or None."""

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
        self._showing_home = False
        self.view = MapView.at_lonlat(118.1, 24.5, 13, max(self.width(), 1), max(self.height(), 1))
        self.selection: dict[str, list[int]] = {}
        self.focus_object: tuple[str, int] | None = None
        self.tool: MapTool | None = None
        self.zone: Zone | None = None
        self._press: QPointF | None = None
        self._press_view: MapView | None = None
        self._mode = ""
        self._band: QRectF | None = None
        self.lasso_mode = False
        """A plain drag draws a lasso instead of panning (the toolbar toggle, for when Alt is taken)."""
        self._lasso: list[QPointF] = []
        self._legend_cache: tuple[tuple, QImage | None] = ((), None)
        self._schedule_timer = QTimer(self, singleShot=True, interval=0, timeout=self._request_renders)
        self._hover_timer = QTimer(self, singleShot=True, interval=60, timeout=self._show_hover)
        self._hover_pos = QPointF()
        for layer in self.layers:
            self._watch(layer)

    # ----- layers, basemap, datum

    def _watch(self, layer: MapLayer) -> None:
        layer.changed.connect(self._layer_shown_or_hidden)
        layer.invalidated.connect(self._layer_stale)
        layer.redraw.connect(self.update)

    def _layer_shown_or_hidden(self) -> None:
        self._legend_cache = ((), None)
        self._layer_stale()

    def _layer_stale(self) -> None:
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
        self._showing_home = False
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

    def set_tool(self, tool: MapTool | None) -> None:
        """Hand clicks to a tool (None: back to identify and select)."""
        self.tool = tool
        self._restore_cursor()
        self.update()

    def set_lasso_mode(self, on: bool) -> None:
        self.lasso_mode = bool(on)

    def zoom_home(self) -> None:
        """Fit the district; until the operator moves the map, a resize (docks, full screen) fits it again."""
        if self.home_bbox is not None:
            self.zoom_to_bbox(self.home_bbox)
            self._showing_home = True

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
        if self._showing_home:
            self.zoom_home()
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
        if self.zone is not None:
            overlays.paint_zone(painter, self, self.zone)
        if self.tool is not None:
            self.tool.paint(painter, self)
        if self._band is not None:
            overlays.paint_rubber_band(painter, self._band)
        if self._lasso:
            overlays.paint_lasso(painter, self._lasso)
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
            if found is not None and self._drawn_as_itself(layer, found):
                return layer.name, found
        return None

    def _drawn_as_itself(self, layer: MapLayer, obj_id: int) -> bool:
        """False for a premise folded into a cluster disc: its dot is not where it lies."""
        if not self._clustered(layer):
            return True
        return obj_id in self.renderer.result(layer.name).meta.loose_ids

    def _clustered(self, layer: MapLayer) -> bool:
        result = self.renderer.result(layer.name)
        return result is not None and isinstance(result.meta, PointsMeta) and result.meta.mode == "clusters"

    def cluster_at(self, sx: float, sy: float) -> tuple[float, float, int] | None:
        """The topmost visible cluster disc under (sx, sy), as (x, y, count) in current screen pixels."""
        for layer in reversed(self.layers):
            if not (layer.visible and self._clustered(layer)):
                continue
            result = self.renderer.result(layer.name)
            c = result.meta.clusters
            x, y, scale = self.view.placement_of(result.view)
            cx, cy = x + c.sx * scale, y + c.sy * scale
            d2 = (cx - sx) ** 2 + (cy - sy) ** 2
            if len(d2) and d2.min() <= (CLUSTER_CELL_PX * scale / 2) ** 2:
                best = int(np.argmin(d2))
                return float(cx[best]), float(cy[best]), int(c.total[best])
        return None

    def select_rect(self, rect: QRectF) -> dict[str, list[int]]:
        """Objects of visible point layers inside a screen rectangle; becomes the highlighted selection."""
        return self._select(self._objects_in_rect(rect))

    def select_polygon(self, vertices: list[tuple[float, float]]) -> dict[str, list[int]]:
        """Objects of visible point layers inside a lasso drawn on screen (logical px); becomes the
        highlighted selection. The polygon's box picks candidates through the layers' x-sorted index."""
        poly = np.asarray(vertices, dtype=float).reshape(-1, 2)
        if len(poly) < 3:
            return self._select({})
        x0, y0, x1, y1 = polygon_box(poly)
        found = {}
        for name, ids in self._objects_in_rect(QRectF(QPointF(x0, y0), QPointF(x1, y1))).items():
            layer = self.layer(name)
            if isinstance(layer, PointLayer):
                mx, my = layer.points.display(self.datum)
                rows = layer.points.index_of(ids)
                sx, sy = self.view.to_screen(mx[rows], my[rows])
                ids = [i for i, keep in zip(ids, points_in_polygon(sx, sy, poly).tolist()) if keep]
            if ids:
                found[name] = ids
        return self._select(found)

    def _objects_in_rect(self, rect: QRectF) -> dict[str, list[int]]:
        r = rect.normalized()
        x0, y0 = self.view.to_mercator(r.left(), r.bottom())
        x1, y1 = self.view.to_mercator(r.right(), r.top())
        found = {}
        for layer in self.layers:
            if layer.visible:
                ids = layer.select(self.datum, float(x0), float(y0), float(x1), float(y1))
                if ids:
                    found[layer.name] = ids
        return found

    def _select(self, found: dict[str, list[int]]) -> dict[str, list[int]]:
        self.selection = found
        self.update()
        self.sig_selection.emit(found)
        return found
