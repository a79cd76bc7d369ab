"""Cluster discs for point layers seen from far out: a ring split by class share around a count.

Discs come from sprites shared by size and class mix, cached across renders: a few hundred clusters cost a
few dozen anti-aliased drawings on the first render and none after."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen

from console.domain.map_raster import Clusters
from console.domain.map_view import MapView
from console.qtmodels.map_layer import begin_painter
from console.qtmodels.map_style import CLUSTER_RING, Sprite, label_font

CLUSTER_CELL_PX = 64
SHARE_STEPS = 24
MAX_CLUSTER_SPRITES = 2000


@dataclass(frozen=True)
class PointsMeta:
    """What a point layer's render drew, kept with the picture for hover and click."""

    mode: str
    """'clusters', 'dots', 'symbols' or 'markers'."""
    clusters: Clusters | None = None
    loose_ids: frozenset[int] = frozenset()
    """In cluster mode, the objects drawn as themselves (in cells too sparse to cluster)."""


def cluster_sprite(radius: float, shares: tuple[int, ...], colors: tuple[str, ...], dpr: float) -> Sprite:
    """A disc with a ring split by class share (in SHARE_STEPS parts) and a white centre for the count."""
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
            painter.setBrush(QColor(colors[code]))
            painter.drawPie(rect.adjusted(1, 1, -1, -1), start, span)
            start += span
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(rect.center(), radius * 0.62, radius * 0.62)
    painter.end()
    return Sprite(img, side / 2, side / 2)


def shares(counts: list[int]) -> tuple[int, ...]:
    """Class counts as SHARE_STEPS parts (largest remainders), any present class keeping at least one."""
    total = sum(counts)
    raw = [c * SHARE_STEPS / total for c in counts]
    parts = [max(int(r), 1 if c else 0) for r, c in zip(raw, counts)]
    while sum(parts) > SHARE_STEPS:
        parts[parts.index(max(parts))] -= 1
    while sum(parts) < SHARE_STEPS:
        gaps = [r - p for r, p in zip(raw, parts)]
        parts[gaps.index(max(gaps))] += 1
    return tuple(parts)


def paint_clusters(img: QImage, view: MapView, clusters: Clusters, colors: tuple[str, ...],
                   sprites: dict) -> None:
    """Draw every cluster, smallest first so big ones stay readable; `sprites` is the caller's cache (one
    render at a time may use a given dict)."""
    painter = begin_painter(img)
    painter.setFont(label_font(8.5, bold=True))
    painter.setPen(QColor("#263238"))
    order = np.argsort(clusters.total)
    for x, y, total, counts in zip(clusters.sx[order].tolist(), clusters.sy[order].tolist(),
                                   clusters.total[order].tolist(), clusters.by_cat[order].tolist()):
        radius = round(10.0 + 4.5 * math.log10(total))
        key = (view.dpr, radius, colors, shares(counts))
        if key not in sprites:
            if len(sprites) > MAX_CLUSTER_SPRITES:
                sprites.clear()
            sprites[key] = cluster_sprite(radius, key[3], colors, view.dpr)
        sprites[key].draw(painter, x, y)
        text = f"{total / 1000:.0f}k" if total >= 10_000 else str(total)
        painter.drawText(QRectF(x - radius, y - radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter,
                         text)
    painter.end()
