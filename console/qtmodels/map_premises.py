"""The premises layer: four-colour status for 100k–1M points, drawn three ways by how many are in view.

- far out (coarser than CLUSTER_ABOVE_RES m/px): clusters — one disc per 64 px cell with its count and a
  ring split by status share, instead of an unreadable carpet;
- street level: numpy dots — stamped with a dark rim while there are few enough to tell apart, as a
  max-dilated class plane when dense (cost per pixel, not per point);
- building level: a symbol per premise type, and names once few are in view.

A live recolour is stamped straight into the cached picture on the GUI thread, so only the changed dots are
redrawn; other changes re-render this layer alone in the background."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from console.domain.map_classes import PREMISE_STATUSES, PREMISE_TYPES, SHAPES, TYPE_SHAPE_CODES
from console.domain.map_points import PointSet
from console.domain.map_raster import (
    class_plane,
    classes_present,
    cluster,
    disc_offsets,
    draw_order,
    image_shape,
    paint_plane,
    project,
    ring_offsets,
    stamp,
)
from console.domain.map_view import MapView
from console.qtmodels.labels import premise_type_label, status_label
from console.qtmodels.map_clusters import CLUSTER_CELL_PX, PointsMeta, cluster_sprite, paint_clusters, shares
from console.qtmodels.map_layer import (
    PointLayer,
    RenderFn,
    RenderResult,
    apply_filter,
    begin_painter,
    image_words,
    new_image,
)
from console.qtmodels.map_style import (
    PREMISE_COLORS,
    Sprite,
    argb,
    label_font,
    place_labels,
    premise_sprites,
)

CLUSTER_ABOVE_RES = 6.0
CLUSTER_MIN_POINTS = 1500
CLUSTER_MIN_SIZE = 4
"""Cells with fewer premises show them as dots: a "1" in a ring tells less than the dot itself."""
OUTLINE_UP_TO = 60_000
SYMBOLS_UP_TO = 6_000
BIG_DOTS_BELOW_RES = 3.0
LABELS_UP_TO = 200
LABELS_BELOW_RES = 1.0
SYMBOL_RADIUS = 5.0
_FILL = np.array([argb(c) for c in PREMISE_COLORS], dtype=np.uint32)
_RIM = np.array([argb("#1b1b1b")] * 3 + [argb("#f5f5f5")], dtype=np.uint32)
_PLANE_COLORS = np.concatenate([[0], _FILL]).astype(np.uint32)
"""class_plane value → pixel word; 0 stays transparent."""


def status_title(code: int) -> str:
    return status_label(PREMISE_STATUSES[code]) if 0 <= code < len(PREMISE_STATUSES) else ""


def _dot_radius(view: MapView) -> int:
    """Dots grow as the map closes in: 3 px across from the district view, 5 px at street level (× dpr)."""
    return max(1, round((1.2 if view.res > BIG_DOTS_BELOW_RES else 2.0) * view.dpr))


def _stamp_rows(
    buf: np.ndarray, px: np.ndarray, py: np.ndarray, cat: np.ndarray, radius: int, outline: bool
) -> None:
    """Class by class, lowest first: each class's rims and fills land above every lower class (the sparse
    path, with a rim that lifts each dot off the map)."""
    fill, rim = disc_offsets(radius), ring_offsets(radius)
    for code in classes_present(cat):
        sel = cat == code
        if outline:
            stamp(buf, px[sel], py[sel], _RIM[code], rim)
        stamp(buf, px[sel], py[sel], _FILL[code], fill)


def _paint_symbols(
    img: QImage, view: MapView, datum: str, points: PointSet, rows: np.ndarray, labels: bool
) -> None:
    sprites = premise_sprites(SYMBOL_RADIUS, view.dpr)
    mx, my = points.display(datum)
    rows = rows[draw_order(points.cat[rows])]
    sx, sy = view.to_screen(mx[rows], my[rows])
    painter = begin_painter(img)
    if labels:
        place_labels(
            painter,
            [
                (x, y, str(points.names[k]))
                for k, x, y in zip(rows[::-1].tolist(), sx[::-1].tolist(), sy[::-1].tolist())
            ],
            label_font(8),
            SYMBOL_RADIUS + 3,
        )
    for k, x, y in zip(rows.tolist(), sx.tolist(), sy.tolist()):
        sprites[(int(TYPE_SHAPE_CODES[points.sym[k]]), int(points.cat[k]))].draw(painter, x, y)
    painter.end()


def render_premises(
    points: PointSet,
    mask: np.ndarray | None,
    view: MapView,
    datum: str,
    clustering: bool,
    sprites: dict | None = None,
) -> tuple[QImage, PointsMeta]:
    """The whole layer's picture for `view`; safe in a worker thread. `sprites` caches cluster discs between
    calls (one render at a time may use a given dict)."""
    sprites = {} if sprites is None else sprites
    img = new_image(view)
    if len(points) == 0:
        return img, PointsMeta("dots")
    mx, my = points.display(datum)
    if mask is not None:
        keep = np.flatnonzero(mask)
        points_cat, mx, my = points.cat[keep], mx[keep], my[keep]
    else:
        keep, points_cat = None, points.cat
    radius = _dot_radius(view)
    if clustering and view.res > CLUSTER_ABOVE_RES:
        clusters = cluster(view, mx, my, points_cat, len(PREMISE_STATUSES), CLUSTER_CELL_PX, CLUSTER_MIN_SIZE)
        if clusters.total.sum() + len(clusters.loose) >= CLUSTER_MIN_POINTS:
            px, py, inside = project(view, mx[clusters.loose], my[clusters.loose], radius + 1)
            loose_cat = points_cat[clusters.loose]
            _stamp_rows(image_words(img), px[inside], py[inside], loose_cat[inside], radius, outline=True)
            paint_clusters(img, view, clusters, PREMISE_COLORS, sprites)
            loose = clusters.loose if keep is None else keep[clusters.loose]
            return img, PointsMeta("clusters", clusters, frozenset(points.ids[loose].tolist()))
    px, py, inside = project(view, mx, my, radius + 1)
    count = int(np.count_nonzero(inside))
    if count <= SYMBOLS_UP_TO:
        rows = np.flatnonzero(inside)
        labels = count <= LABELS_UP_TO and view.res <= LABELS_BELOW_RES
        _paint_symbols(img, view, datum, points, rows if keep is None else keep[rows], labels)
        return img, PointsMeta("symbols")
    words = image_words(img)
    if count <= OUTLINE_UP_TO:
        rows = np.flatnonzero(inside)
        _stamp_rows(words, px[rows], py[rows], points_cat[rows], radius, outline=True)
    else:
        plane = class_plane(image_shape(view), px, py, points_cat, radius, inside)
        paint_plane(words, plane, _PLANE_COLORS)
    return img, PointsMeta("dots")


class PremisesLayer(PointLayer):
    def __init__(self, parent=None) -> None:
        super().__init__("premises", QCoreApplication.translate("MapLayers", "Premises"), parent)
        self.clustering = True
        # Only the renderer's one in-flight job for this layer touches it.
        self._cluster_sprites: dict = {}

    def set_clustering(self, on: bool) -> None:
        self.clustering = on
        self.invalidate()

    def render_fn(self) -> RenderFn:
        points, fn, clustering, sprites = self.points, self.filter, self.clustering, self._cluster_sprites

        def render(view: MapView, datum: str) -> tuple[QImage, PointsMeta]:
            result = render_premises(points, apply_filter(fn, points), view, datum, clustering, sprites)
            points.warm(datum)
            return result

        return render

    def patch(self, result: RenderResult, ids) -> RenderResult | None:
        """Redraw the rows of `ids` into `result`'s picture at once; None when the picture needs a re-render
        (clusters: a recolour changes the counts)."""
        meta = result.meta
        if not isinstance(meta, PointsMeta) or meta.mode == "clusters":
            return None
        rows = self.points.index_of(ids)
        rows = rows[rows >= 0]
        mask = self.mask()
        if mask is not None:
            rows = rows[mask[rows]]
        view, img = result.view, QImage(result.image)
        if meta.mode == "symbols":
            _paint_symbols(img, view, result.datum, self.points, rows, labels=False)
        else:
            mx, my = self.points.display(result.datum)
            radius = _dot_radius(view)
            px, py, inside = project(view, mx[rows], my[rows], radius + 1)
            _stamp_rows(image_words(img), px[inside], py[inside], self.points.cat[rows][inside], radius, True)
        return replace(result, image=img, data_version=self.data_version)

    def describe(self, obj_id: int) -> str:
        row = self.row_of(obj_id)
        if row < 0:
            return ""
        sym = int(self.points.sym[row])
        kind = premise_type_label(PREMISE_TYPES[sym]) if sym < len(PREMISE_TYPES) else ""
        return f"{self.points.names[row]}\n{kind} · {status_title(int(self.points.cat[row]))}"

    def legend(self, dpr: float) -> list[tuple[Sprite, str]]:
        sprites = premise_sprites(SYMBOL_RADIUS, dpr)
        circle = SHAPES.index("circle")
        disc = cluster_sprite(9, shares([6, 2, 1, 1]), PREMISE_COLORS, dpr)
        return [(sprites[(circle, code)], status_title(code)) for code in range(len(PREMISE_STATUSES))] + [
            (disc, QCoreApplication.translate("MapLegend", "Premises cluster: count, status shares"))]
