"""The premises layer: four-colour status for 100k–1M points, drawn three ways by how many are in view.

- far out (coarser than CLUSTER_ABOVE_RES m/px): clusters — one disc per 64 px cell with its count and a
  ring split by status share, instead of an unreadable carpet;
- street level: numpy dots — stamped with a dark rim while there are few enough to tell apart, as a
  max-dilated class plane when dense (cost per pixel, not per point);
- building level: a symbol per premise type, and names once few are in view.

A live recolour is stamped straight into the cached picture on the GUI thread, so only the changed dots are
redrawn; other changes re-render this layer alone in the background."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen

from console.domain.map_classes import PREMISE_STATUSES, PREMISE_TYPES, SHAPES, TYPE_SHAPE_CODES
from console.domain.map_points import PointSet
from console.domain.map_raster import (
    Clusters,
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
    CLUSTER_RING,
    PREMISE_COLORS,
    Sprite,
    argb,
    label_font,
    place_labels,
    premise_sprites,
)

CLUSTER_ABOVE_RES = 6.0
CLUSTER_MIN_POINTS = 1500
CLUSTER_CELL_PX = 64
CLUSTER_MIN_SIZE = 4
"""Cells with fewer premises show them as dots: a "1" in a ring tells less than the dot itself."""
SHARE_STEPS = 24
MAX_CLUSTER_SPRITES = 2000
OUTLINE_UP_TO = 60_000
SYMBOLS_UP_TO = 3_000
LABELS_UP_TO = 200
LABELS_BELOW_RES = 1.0
SYMBOL_RADIUS = 5.0
_FILL = np.array([argb(c) for c in PREMISE_COLORS], dtype=np.uint32)
_RIM = np.array([argb("#1b1b1b")] * 3 + [argb("#f5f5f5")], dtype=np.uint32)
_PLANE_COLORS = np.concatenate([[0], _FILL]).astype(np.uint32)
"""class_plane value → pixel word; 0 stays transparent."""


def status_title(code: int) -> str:
    return status_label(PREMISE_STATUSES[code]) if 0 <= code < len(PREMISE_STATUSES) else ""


@dataclass(frozen=True)
class PremisesMeta:
    mode: str
    """'clusters', 'dots' or 'symbols'."""
    clusters: Clusters | None = None
    loose_ids: frozenset[int] = frozenset()
    """In cluster mode, the premises drawn as themselves (in cells too sparse to cluster)."""


def _dot_radius(dpr: float) -> int:
    return max(1, round(1.2 * dpr))


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


def _cluster_sprite(radius: float, shares: tuple[int, ...], dpr: float) -> Sprite:
    """A disc with a ring split by status share (in SHARE_STEPS parts) and a white centre for the count."""
    side = 2 * radius + 2
    img = QImage(math.ceil(side * dpr), math.ceil(side * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    img.setDevicePixelRatio(dpr)
    painter = begin_painter(img)
    rect = QRectF(1, 1, 2 * radius, 2 * radius)
    painter.setPen(QPen(QColor(CLUSTER_RING), 1.0))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(rect)
    painter.setPen(Qt.PenStyle.NoPen)
    start = 90 * 16
    for code, share in enumerate(shares):
        if share:
            span = -round(360 * 16 * share / SHARE_STEPS)
            painter.setBrush(QColor(PREMISE_COLORS[code]))
            painter.drawPie(rect.adjusted(1, 1, -1, -1), start, span)
            start += span
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(rect.center(), radius * 0.62, radius * 0.62)
    painter.end()
    return Sprite(img, side / 2, side / 2)


def _shares(counts: list[int]) -> tuple[int, ...]:
    """Status counts as SHARE_STEPS parts (largest remainders), any present status keeping at least one."""
    total = sum(counts)
    raw = [c * SHARE_STEPS / total for c in counts]
    parts = [max(int(r), 1 if c else 0) for r, c in zip(raw, counts)]
    while sum(parts) > SHARE_STEPS:
        parts[parts.index(max(parts))] -= 1
    while sum(parts) < SHARE_STEPS:
        gaps = [r - p for r, p in zip(raw, parts)]
        parts[gaps.index(max(gaps))] += 1
    return tuple(parts)


def _paint_clusters(img: QImage, view: MapView, clusters: Clusters, sprites: dict) -> None:
    """Clusters from sprites shared by equal size and status mix (kept in `sprites` across renders): a few
    hundred discs cost a few dozen anti-aliased drawings, then none once the mixes have been seen."""
    painter = begin_painter(img)
    painter.setFont(label_font(8.5, bold=True))
    painter.setPen(QColor("#263238"))
    order = np.argsort(clusters.total)
    for x, y, total, counts in zip(
        clusters.sx[order].tolist(),
        clusters.sy[order].tolist(),
        clusters.total[order].tolist(),
        clusters.by_cat[order].tolist(),
    ):
        radius = round(10.0 + 4.5 * math.log10(total))
        key = (view.dpr, radius, _shares(counts))
        if key not in sprites:
            if len(sprites) > MAX_CLUSTER_SPRITES:
                sprites.clear()
            sprites[key] = _cluster_sprite(radius, key[2], view.dpr)
        sprites[key].draw(painter, x, y)
        text = f"{total / 1000:.0f}k" if total >= 10_000 else str(total)
        painter.drawText(
            QRectF(x - radius, y - radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, text
        )
    painter.end()


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
) -> tuple[QImage, PremisesMeta]:
    """The whole layer's picture for `view`; safe in a worker thread. `sprites` caches cluster discs between
    calls (one render at a time may use a given dict)."""
    sprites = {} if sprites is None else sprites
    img = new_image(view)
    if len(points) == 0:
        return img, PremisesMeta("dots")
    mx, my = points.display(datum)
    if mask is not None:
        keep = np.flatnonzero(mask)
        points_cat, mx, my = points.cat[keep], mx[keep], my[keep]
    else:
        keep, points_cat = None, points.cat
    radius = _dot_radius(view.dpr)
    if clustering and view.res > CLUSTER_ABOVE_RES:
        clusters = cluster(view, mx, my, points_cat, len(PREMISE_STATUSES), CLUSTER_CELL_PX, CLUSTER_MIN_SIZE)
        if clusters.total.sum() + len(clusters.loose) >= CLUSTER_MIN_POINTS:
            px, py, inside = project(view, mx[clusters.loose], my[clusters.loose], radius + 1)
            loose_cat = points_cat[clusters.loose]
            _stamp_rows(image_words(img), px[inside], py[inside], loose_cat[inside], radius, outline=True)
            _paint_clusters(img, view, clusters, sprites)
            loose = clusters.loose if keep is None else keep[clusters.loose]
            return img, PremisesMeta("clusters", clusters, frozenset(points.ids[loose].tolist()))
    px, py, inside = project(view, mx, my, radius + 1)
    count = int(np.count_nonzero(inside))
    if count <= SYMBOLS_UP_TO:
        rows = np.flatnonzero(inside)
        labels = count <= LABELS_UP_TO and view.res <= LABELS_BELOW_RES
        _paint_symbols(img, view, datum, points, rows if keep is None else keep[rows], labels)
        return img, PremisesMeta("symbols")
    words = image_words(img)
    if count <= OUTLINE_UP_TO:
        rows = np.flatnonzero(inside)
        _stamp_rows(words, px[rows], py[rows], points_cat[rows], radius, outline=True)
    else:
        plane = class_plane(image_shape(view), px, py, points_cat, radius, inside)
        paint_plane(words, plane, _PLANE_COLORS)
    return img, PremisesMeta("dots")


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

        def render(view: MapView, datum: str) -> tuple[QImage, PremisesMeta]:
            result = render_premises(points, apply_filter(fn, points), view, datum, clustering, sprites)
            points.warm(datum)
            return result

        return render

    def patch(self, result: RenderResult, ids) -> RenderResult | None:
        """Redraw the rows of `ids` into `result`'s picture at once; None when the picture needs a re-render
        (clusters: a recolour changes the counts)."""
        meta = result.meta
        if not isinstance(meta, PremisesMeta) or meta.mode == "clusters":
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
            radius = _dot_radius(view.dpr)
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
        return [(sprites[(circle, code)], status_title(code)) for code in range(len(PREMISE_STATUSES))]
