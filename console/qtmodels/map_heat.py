"""The incident heat map layer (热力图): density of the incidents reported in a chosen period and category,
rendered off the GUI thread like every heavy layer. Off by default; it asks for its data (`wanted`) when
shown or when its period or category changes, and ignores answers to a question it no longer asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from console.domain.map_heat import (
    HEAT_LEVELS,
    HEAT_PERIODS_DAYS,
    MIN_LEVEL,
    density,
    heat_levels,
    heat_palette,
)
from console.domain.map_points import PointSet
from console.domain.map_raster import paint_plane
from console.qtmodels.map_layer import MapLayer, RenderFn, image_words, new_image
from console.qtmodels.map_style import Sprite

HEAT_SIGMA_PX = 14.0
"""Blur in logical pixels: wide enough that a handful of nearby cases merge into one patch."""

RAMP_SIZE = (16, 10)
"""Logical size of the legend's colour ramp."""

HeatQuery = tuple[datetime, datetime, str | None]
"""(since, until, category key or None for all) — what the loader is asked for."""


class HeatLayer(MapLayer):
    wanted = Signal(object)
    """A HeatQuery the layer needs loaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("heat", QCoreApplication.translate("MapLayers", "Incident heat map"), parent)
        self.visible = False
        self.opacity = 0.8
        self.period_days = HEAT_PERIODS_DAYS[1]
        self.category: str | None = None
        self.clock: Callable[[], datetime] = datetime.now
        self.points = PointSet.empty()
        self._asked: tuple[int, str | None] | None = None
        self._palette = heat_palette()

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        if visible:
            self._ask()

    def set_period(self, days: int) -> None:
        if days != self.period_days:
            self.period_days = int(days)
            self._ask()

    def set_category(self, key: str | None) -> None:
        if key != self.category:
            self.category = key or None
            self._ask()

    def refresh(self) -> None:
        """Ask again for the current period (new incidents, or the period has moved on)."""
        self._asked = None
        if self.visible:
            self._ask()

    def _ask(self) -> None:
        if not self.visible or self._asked == (self.period_days, self.category):
            return
        self._asked = (self.period_days, self.category)
        until = self.clock()
        self.wanted.emit((until - timedelta(days=self.period_days), until, self.category))

    def accept(self, query: HeatQuery, points: PointSet) -> bool:
        """Take a loaded answer if it is for the current period and category."""
        since, until, category = query
        if (round((until - since) / timedelta(days=1)), category) != (self.period_days, self.category):
            return False
        self.points = points
        self.invalidate()
        return True

    def render_fn(self) -> RenderFn:
        points, palette = self.points, self._palette

        def render(view, datum):
            img = new_image(view)
            if len(points):
                mx, my = points.display(datum)
                levels = heat_levels(density(view, mx, my, HEAT_SIGMA_PX))
                paint_plane(image_words(img), levels, palette)
            return img, len(points)

        return render

    def legend(self, dpr: float) -> list[tuple[Sprite, str]]:
        """The colour ramp from the faintest drawn level to the peak, left to right."""
        w, h = RAMP_SIZE
        img = QImage(round(w * dpr), round(h * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        columns = np.linspace(MIN_LEVEL, HEAT_LEVELS - 1, img.width()).astype(np.intp)
        image_words(img)[:, : img.width()] = self._palette[columns]
        img.setDevicePixelRatio(dpr)
        text = QCoreApplication.translate("MapLegend", "Incident density: low → high")
        return [(Sprite(img, w / 2, h / 2), text)]
