"""What every map layer offers the canvas and the layer panel: visibility, opacity, a filter hook, a data
version, a render function that is safe to run in a worker thread, and identify / box-select / describe.

Threaded layers hand the renderer a closure over their *current* immutable inputs (`render_fn`); the GUI
thread may replace the inputs meanwhile, and the data version tells the renderer the result is stale."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPainter

from console.domain.map_points import PointSet
from console.domain.map_raster import image_shape
from console.domain.map_view import MapView
from console.qtmodels.map_style import Sprite

PointFilter = Callable[[PointSet], np.ndarray]
"""Returns a boolean mask over the set's rows: True rows are drawn, identified and selected."""


def apply_filter(fn: PointFilter | None, points: PointSet) -> np.ndarray | None:
    """The filter's boolean mask (None: no filter); render jobs call it in their thread."""
    return None if fn is None else np.asarray(fn(points), dtype=bool)


@dataclass(frozen=True)
class RenderResult:
    """A layer's picture for one view (usually the widget view plus a margin) and anything the layer wants to
    remember about it (e.g. the clusters it drew, for hovering)."""

    image: QImage
    view: MapView
    datum: str
    data_version: int
    meta: object = None


RenderFn = Callable[[MapView, str], tuple[QImage, object]]


def new_image(view: MapView) -> QImage:
    """A transparent premultiplied image covering the view in device pixels, tagged with its ratio.

    Cleared through numpy, which releases the GIL; QImage.fill holds it for the whole 10 MB."""
    rows, cols = image_shape(view)
    img = QImage(cols, rows, QImage.Format.Format_ARGB32_Premultiplied)
    image_words(img)[...] = 0
    img.setDevicePixelRatio(view.dpr)
    return img


def image_words(img: QImage) -> np.ndarray:
    """The image's pixels as a writable (rows, words-per-line) uint32 array sharing its memory."""
    return np.frombuffer(img.bits(), dtype=np.uint32).reshape(img.height(), img.bytesPerLine() // 4)


def begin_painter(img: QImage) -> QPainter:
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return painter


class MapLayer(QObject):
    """Base of all layers. `threaded` layers render off the GUI thread into cached images; the others paint
    directly each frame (cheap layers that change often, like live worker positions)."""

    changed = Signal()
    """Visibility or opacity changed: repaint from caches."""
    invalidated = Signal()
    """Data, filter or style changed: the cached picture is stale."""
    redraw = Signal()
    """A layer painted live changed (moved workers): repaint, nothing to re-render."""

    threaded = True

    def __init__(self, name: str, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.title = title
        self.visible = True
        self.opacity = 1.0
        self.data_version = 0

    def set_visible(self, visible: bool) -> None:
        if visible != self.visible:
            self.visible = visible
            self.changed.emit()

    def set_opacity(self, opacity: float) -> None:
        opacity = min(max(float(opacity), 0.0), 1.0)
        if opacity != self.opacity:
            self.opacity = opacity
            self.changed.emit()

    def invalidate(self) -> None:
        self.data_version += 1
        self.invalidated.emit()

    def render_fn(self) -> RenderFn:
        """A thread-safe function of (view, datum) drawing the layer's current inputs."""
        raise NotImplementedError

    def paint(self, painter: QPainter, view: MapView, datum: str) -> None:
        """Draw directly on the canvas (non-threaded layers only)."""
        raise NotImplementedError

    def legend(self, dpr: float) -> list[tuple[Sprite, str]]:
        return []

    def overlay(self, result: RenderResult) -> QImage | None:
        """A second picture from the same render that goes above every layer (e.g. area names)."""
        return None

    def identify(self, view: MapView, datum: str, sx: float, sy: float, radius_px: float) -> int | None:
        return None

    def select(self, datum: str, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        return []

    def describe(self, obj_id: int) -> str:
        return ""

    def position_of(self, obj_id: int) -> tuple[float, float] | None:
        """WGS-84 lon/lat of an object, for flying to it."""
        return None


class PointLayer(MapLayer):
    """A layer of points held as one immutable PointSet, with a filter hook and a clock for time rules."""

    def __init__(self, name: str, title: str, parent: QObject | None = None) -> None:
        super().__init__(name, title, parent)
        self.points = PointSet.empty()
        self.filter: PointFilter | None = None
        self.clock: Callable[[], float] = time.time
        self._mask_cache: tuple[object, object, np.ndarray | None] = (None, None, None)

    def set_points(self, points: PointSet) -> None:
        self.points = points
        self.invalidate()

    def merge(self, update: PointSet, removed_ids=()) -> None:
        self.set_points(self.points.merged(update, removed_ids))

    def set_filter(self, fn: PointFilter | None) -> None:
        self.filter = fn
        self.invalidate()

    def mask(self, points: PointSet | None = None) -> np.ndarray | None:
        """The filter's mask for `points` (default: the current set), None when nothing is filtered."""
        points = self.points if points is None else points
        fn = self.filter
        if fn is None:
            return None
        cached_points, cached_fn, cached = self._mask_cache
        if cached_points is points and cached_fn is fn:
            return cached
        result = apply_filter(fn, points)
        self._mask_cache = (points, fn, result)
        return result

    def identify(self, view: MapView, datum: str, sx: float, sy: float, radius_px: float) -> int | None:
        mx, my = view.to_mercator(sx, sy)
        row = self.points.nearest(datum, float(mx), float(my), radius_px * view.res, self.mask())
        return None if row < 0 else int(self.points.ids[row])

    def select(self, datum: str, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        rows = self.points.inside(datum, x0, y0, x1, y1, self.mask())
        return sorted(self.points.ids[rows].tolist())

    def row_of(self, obj_id: int) -> int:
        return int(self.points.index_of([obj_id])[0])

    def position_of(self, obj_id: int) -> tuple[float, float] | None:
        row = self.row_of(obj_id)
        return None if row < 0 else (float(self.points.lon[row]), float(self.points.lat[row]))

    def describe(self, obj_id: int) -> str:
        row = self.row_of(obj_id)
        return "" if row < 0 else str(self.points.names[row])
