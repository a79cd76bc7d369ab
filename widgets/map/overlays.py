"""What the canvas paints on top of the map every frame: scale bar, north arrow, legend, selection rings.

The scale bar and arrow are a few primitives and follow the view, so they are painted live; the legend
only changes with the visible layers and is blitted from an image drawn once."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

from console.domain.map_view import MapView, scale_bar
from console.domain.map_zone import Zone
from console.qtmodels.map_style import SELECTION_COLOR, Sprite, label_font

_PANEL = QColor(255, 255, 255, 215)
_INK = QColor("#263238")


def paint_scale_bar(painter: QPainter, view: MapView) -> None:
    _, px, label = scale_bar(view, max_px=130)
    x, y = 14.0, view.height - 18.0
    painter.setFont(label_font(8.5))
    text_w = painter.fontMetrics().horizontalAdvance(label)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_PANEL)
    painter.drawRoundedRect(QRectF(x - 6, y - 20, px + text_w + 24, 28), 4, 4)
    painter.setPen(QPen(_INK, 2.0))
    painter.drawLine(QPointF(x, y), QPointF(x + px, y))
    painter.drawLine(QPointF(x, y - 6), QPointF(x, y + 1))
    painter.drawLine(QPointF(x + px, y - 6), QPointF(x + px, y + 1))
    painter.drawText(QPointF(x + px + 8, y + 4), label)


def paint_north_arrow(painter: QPainter, view: MapView) -> None:
    cx, top = view.width - 30.0, 14.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_PANEL)
    painter.drawEllipse(QPointF(cx, top + 22), 19, 19)
    painter.setBrush(_INK)
    painter.drawPolygon(QPolygonF([QPointF(cx, top + 6), QPointF(cx + 8, top + 32), QPointF(cx, top + 26)]))
    painter.setBrush(QColor("#90a4ae"))
    painter.drawPolygon(QPolygonF([QPointF(cx, top + 6), QPointF(cx - 8, top + 32), QPointF(cx, top + 26)]))
    painter.setPen(_INK)
    painter.setFont(label_font(8, bold=True))
    painter.drawText(QRectF(cx - 10, top + 40, 20, 14), Qt.AlignmentFlag.AlignCenter, "N")


def legend_image(entries: list[tuple[Sprite, str]], dpr: float) -> QImage:
    """The legend panel, one row per symbol of the visible layers; drawn once per layer set, then blitted."""
    font = label_font(8.5)
    metrics = QFontMetricsF(font)
    row_h = 20.0
    width = max((metrics.horizontalAdvance(text) for _, text in entries), default=0) + 44
    height = row_h * len(entries) + 10
    img = QImage(
        max(1, math.ceil(width * dpr)),
        max(1, math.ceil(height * dpr)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    img.fill(0)
    img.setDevicePixelRatio(dpr)
    if not entries:
        return img
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_PANEL)
    painter.drawRoundedRect(QRectF(0, 0, width, height), 5, 5)
    painter.setPen(_INK)
    for i, (sprite, text) in enumerate(entries):
        y = 5 + row_h * i + row_h / 2
        icon = sprite.image
        w, h = icon.width() / icon.devicePixelRatio(), icon.height() / icon.devicePixelRatio()
        scale = min(1.0, 16 / max(w, h))
        painter.drawImage(QRectF(20 - w * scale / 2, y - h * scale / 2, w * scale, h * scale), icon)
        painter.drawText(QPointF(34, y + metrics.ascent() / 2 - 1), text)
    painter.end()
    return img


def paint_legend(painter: QPainter, view: MapView, legend: QImage) -> None:
    """Bottom-right corner."""
    w, h = legend.width() / legend.devicePixelRatio(), legend.height() / legend.devicePixelRatio()
    painter.drawImage(QPointF(view.width - w - 12, view.height - h - 12), legend)


def paint_rings(
    painter: QPainter, points: Iterable[tuple[float, float]], radius: float, width: float
) -> None:
    """Selection / focus rings around objects (screen positions)."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#ffffff"), width + 2.5))
    pts = list(points)
    for x, y in pts:
        painter.drawEllipse(QPointF(x, y), radius, radius)
    painter.setPen(QPen(QColor(SELECTION_COLOR), width))
    for x, y in pts:
        painter.drawEllipse(QPointF(x, y), radius, radius)


def paint_rubber_band(painter: QPainter, rect: QRectF) -> None:
    fill = QColor(SELECTION_COLOR)
    fill.setAlpha(40)
    painter.setBrush(fill)
    painter.setPen(QPen(QColor(SELECTION_COLOR), 1.2, Qt.PenStyle.DashLine))
    painter.drawRect(rect.normalized())


def paint_lasso(painter: QPainter, points: list[QPointF]) -> None:
    """The free-hand line being drawn, closed back to its start and tinted like the rubber band."""
    fill = QColor(SELECTION_COLOR)
    fill.setAlpha(40)
    painter.setBrush(fill)
    painter.setPen(QPen(QColor(SELECTION_COLOR), 1.4, Qt.PenStyle.DashLine))
    painter.drawPolygon(QPolygonF(points))


def paint_attribution(painter: QPainter, view: MapView, text: str) -> None:
    """The basemap's credit line, bottom centre: tile providers' terms ask for it."""
    painter.setFont(label_font(7.5))
    width = painter.fontMetrics().horizontalAdvance(text) + 10
    rect = QRectF((view.width - width) / 2, view.height - 18, width, 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_PANEL)
    painter.drawRect(rect)
    painter.setPen(_INK)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


ZONE_COLORS = ("#d32f2f", "#f57c00", "#fbc02d")
"""封控区 red, 管控区 orange, 防范区 yellow — the colours these rings carry on every command screen."""


def paint_zone(painter: QPainter, canvas, zone: Zone) -> None:
    """The three rings, outermost first; Mercator stretches metres by 1/cos φ, and so do the radii."""
    cx, cy = canvas.screen_of(zone.lon, zone.lat)
    stretch = 1 / math.cos(math.radians(zone.lat)) / canvas.view.res
    for k in reversed(range(len(zone.radii_m))):
        r = zone.radii_m[k] * stretch
        fill = QColor(ZONE_COLORS[k])
        fill.setAlpha(45)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(ZONE_COLORS[k]), 2.0))
        painter.drawEllipse(QPointF(cx, cy), r, r)
    painter.setBrush(QColor(ZONE_COLORS[0]))
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.drawEllipse(QPointF(cx, cy), 4, 4)
