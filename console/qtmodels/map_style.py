"""Colours, symbols and label drawing shared by the map's layers, legend and canvas.

Symbols are drawn once into small premultiplied QImages ("sprites") and then blitted per object: a blit is
several times cheaper than building a path per point, and QImage (unlike QPixmap) may be painted in a
render thread."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from console.domain.map_classes import SHAPES

PREMISE_COLORS = ("#2f9e44", "#f2b705", "#e03131", "#212121")
"""green 正常, yellow 部分整改, red 全面整改, black 取缔 — in PREMISE_STATUSES order."""
WORKER_COLORS = ("#1e88e5", "#fb8c00", "#9e9e9e")
INCIDENT_COLORS = ("#d81b60", "#6a1b9a", "#00897b")
OVERDUE_COLOR = "#ff1744"
CAMERA_COLORS = ("#263238", "#90a4ae")
CLUSTER_RING = "#37474f"
SELECTION_COLOR = "#00b0ff"
BACKGROUND = "#f4f2ec"
LABEL_FONT_FAMILY = "WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif"


def argb(color: str) -> int:
    """A colour as the 0xAARRGGBB word a premultiplied 32-bit QImage stores (opaque colours only)."""
    return QColor(color).rgba()


def label_font(point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([f.strip() for f in LABEL_FONT_FAMILY.split(",")])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def draw_label(
    painter: QPainter,
    x: float,
    y: float,
    text: str,
    font: QFont,
    color: str = "#222",
    halo: str = "#ffffff",
    align_center: bool = True,
) -> None:
    """Text with a halo so it reads over fills, tiles and dots alike; (x, y) is the centre or left-middle."""
    painter.setFont(font)
    metrics = painter.fontMetrics()
    left = x - metrics.horizontalAdvance(text) / 2 if align_center else x
    path = QPainterPath()
    path.addText(QPointF(left, y + (metrics.ascent() - metrics.descent()) / 2), font, text)
    painter.setPen(
        QPen(QColor(halo), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawPath(path)


def place_labels(painter: QPainter, items: list[tuple[float, float, str]], font: QFont, dx: float) -> None:
    """Names to the right of their symbols (half-width `dx`), first come first placed; a label that would
    cover another label or any symbol is left out rather than drawn into an unreadable pile."""
    painter.setFont(font)
    metrics = painter.fontMetrics()
    r = dx - 2
    placed = [QRectF(x - r, y - r, 2 * r, 2 * r) for x, y, _ in items]
    for i, (x, y, text) in enumerate(items):
        rect = QRectF(
            x + dx - 2, y - metrics.height() / 2, metrics.horizontalAdvance(text) + 4, metrics.height()
        )
        if any(rect.intersects(other) for j, other in enumerate(placed) if j != i):
            continue
        placed.append(rect)
        draw_label(painter, x + dx, y, text, font, align_center=False)


@dataclass(frozen=True)
class Sprite:
    """A symbol image and the point in it (logical px) that sits on the object's position."""

    image: QImage
    ax: float
    ay: float

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.drawImage(QPointF(x - self.ax, y - self.ay), self.image)


def _sprite(width: float, height: float, dpr: float, scale: float = 1.0) -> tuple[QImage, QPainter]:
    """An empty sprite image; the painter draws in unscaled units, `scale` shrinks the result."""
    img = QImage(
        max(1, math.ceil(width * scale * dpr)),
        max(1, math.ceil(height * scale * dpr)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    img.fill(0)
    img.setDevicePixelRatio(dpr)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    return img, painter


def shape_path(shape: str, cx: float, cy: float, r: float) -> QPainterPath:
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "triangle":
        path.addPolygon(
            QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy + r * 0.8), QPointF(cx - r, cy + r * 0.8)])
        )
        path.closeSubpath()
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)])
        )
        path.closeSubpath()
    elif shape == "house":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - r),
                    QPointF(cx + r, cy - r * 0.1),
                    QPointF(cx + r * 0.75, cy + r),
                    QPointF(cx - r * 0.75, cy + r),
                    QPointF(cx - r, cy - r * 0.1),
                ]
            )
        )
        path.closeSubpath()
    elif shape == "cross":
        w = r * 0.42
        path.addRect(QRectF(cx - w, cy - r, 2 * w, 2 * r))
        path.addRect(QRectF(cx - r, cy - w, 2 * r, 2 * w))
        path = path.simplified()
    else:
        path.addEllipse(QPointF(cx, cy), r, r)
    return path


def premise_sprites(radius: float, dpr: float) -> dict[tuple[int, int], Sprite]:
    """(shape code, status code) → symbol with a dark outline, for the building-level view."""
    out = {}
    size = 2 * radius + 3
    for s, shape in enumerate(SHAPES):
        for c, color in enumerate(PREMISE_COLORS):
            img, p = _sprite(size, size, dpr)
            p.setPen(QPen(QColor("#ffffff" if c == 3 else "#1b1b1b"), 1.1))
            p.setBrush(QColor(color))
            p.drawPath(shape_path(shape, size / 2, size / 2, radius))
            p.end()
            out[(s, c)] = Sprite(img, size / 2, size / 2)
    return out


def pin_sprite(color: str, radius: float, dpr: float, overdue: bool) -> Sprite:
    """A map pin whose tip marks the spot; an overdue case gets a red ring round its head."""
    width = 2 * radius + 8
    cx, cy = width / 2, radius + 4
    tip = cy + radius * 2.3
    img, p = _sprite(width, tip + 1, dpr)
    path = QPainterPath()
    path.moveTo(cx, tip)
    path.arcTo(QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius), 225, -270)
    path.closeSubpath()
    if overdue:
        p.setPen(QPen(QColor(OVERDUE_COLOR), 3.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(cx, cy), radius + 2.4, radius + 2.4)
    p.setPen(QPen(QColor("#ffffff"), 1.4))
    p.setBrush(QColor(color))
    p.drawPath(path)
    p.setBrush(QColor("#ffffff"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPointF(cx, cy), radius * 0.38, radius * 0.38)
    p.end()
    return Sprite(img, cx, tip)


def dot_sprite(color: str, radius: float, dpr: float, ring: str | None = None) -> Sprite:
    """A small dot with a white rim, optionally inside a coloured ring (a far-out marker)."""
    side = 2 * radius + (8 if ring else 3)
    img, p = _sprite(side, side, dpr)
    centre = QPointF(side / 2, side / 2)
    if ring:
        p.setPen(QPen(QColor(ring), 2.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(centre, radius + 2.5, radius + 2.5)
    p.setPen(QPen(QColor("#ffffff"), 1.0))
    p.setBrush(QColor(color))
    p.drawEllipse(centre, radius, radius)
    p.end()
    return Sprite(img, side / 2, side / 2)


def camera_sprite(color: str, dpr: float, offline: bool, scale: float = 1.0) -> Sprite:
    img, p = _sprite(20, 20, dpr, scale)
    p.setPen(QPen(QColor("#ffffff"), 1.2))
    p.setBrush(QColor(color))
    p.drawRoundedRect(QRectF(2, 6, 11, 9), 2, 2)
    p.drawPolygon(QPolygonF([QPointF(13, 9), QPointF(18, 6.5), QPointF(18, 14.5), QPointF(13, 12)]))
    if offline:
        p.setPen(QPen(QColor("#d32f2f"), 2))
        p.drawLine(QPointF(3, 17), QPointF(17, 4))
    p.end()
    return Sprite(img, 10 * scale, 10 * scale)


def worker_sprite(color: str, dpr: float, scale: float = 1.0) -> Sprite:
    """A dot with a white rim and a person glyph: distinct from premises' status dots at a glance."""
    img, p = _sprite(18, 18, dpr, scale)
    p.setPen(QPen(QColor("#ffffff"), 2))
    p.setBrush(QColor(color))
    p.drawEllipse(QPointF(9, 9), 7.5, 7.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(9, 6.6), 2.2, 2.2)
    p.drawChord(QRectF(5, 9.4, 8, 6.4), 0, 180 * 16)
    p.end()
    return Sprite(img, 9 * scale, 9 * scale)
