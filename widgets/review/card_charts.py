"""The worker card's pyqtgraph charts: a bar per day (score, distance) that reports which bar was clicked,
and the task mix as horizontal bars over the 12 categories."""
from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from widgets.common.chart_axes import set_category_ticks

_BRUSH, _NEGATIVE, _SELECTED = pg.mkBrush("#2f6fb5"), pg.mkBrush("#d9342b"), pg.mkBrush("#f39c12")
_LABEL_EVERY = 5  # a month of day numbers on one axis overlaps; every fifth reads fine


class DayBars(pg.PlotWidget):
    """One bar per day at x = 0…n-1; `sig_bar_clicked(index, double)` when a click lands on a day's column."""

    sig_bar_clicked = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None, colour: str = "#2f6fb5") -> None:
        super().__init__(parent, background="w")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self._brush = pg.mkBrush(colour)
        self.values: list[float] = []
        self.selected: int | None = None
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=self._brush)
        self.addItem(self.bars)
        self.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#888888")))
        self.scene().sigMouseClicked.connect(self._clicked)

    def set_bars(self, values: Sequence[float], labels: Sequence[str]) -> None:
        self.values = list(values)
        positions = list(range(len(values)))
        ticks = [(i, labels[i]) for i in positions]
        self.getAxis("bottom").setTicks([ticks[::_LABEL_EVERY], ticks])
        self.setXRange(-0.6, max(len(values), 1) - 0.4, padding=0)
        low, high = min([*values, 0.0]), max([*values, 0.0])
        self.setYRange(low, high if high > low else low + 1.0, padding=0.08)  # set now, not at the next paint
        self._draw()

    def set_selected(self, index: int | None) -> None:
        self.selected = index
        self._draw()

    def bar_centre(self, index: int):
        """Where bar `index` is on screen (widget coordinates), for tests and tooltips."""
        value = self.values[index] if self.values else 0.0
        scene = self.getViewBox().mapViewToScene(pg.Point(index, value / 2))
        return self.mapFromScene(scene)

    def _draw(self) -> None:
        brushes = [_SELECTED if i == self.selected else _NEGATIVE if v < 0 else self._brush
                   for i, v in enumerate(self.values)]
        self.bars.setOpts(x=list(range(len(self.values))), height=self.values, width=0.7, brushes=brushes)

    def _index_at(self, scene_pos) -> int | None:
        box = self.getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        index = round(box.mapSceneToView(scene_pos).x())
        return index if 0 <= index < len(self.values) else None

    def _clicked(self, event) -> None:
        index = self._index_at(event.scenePos())
        if index is not None and not event.double():
            self.sig_bar_clicked.emit(index, False)

    def mouseDoubleClickEvent(self, event) -> None:
        """Qt delivers the double click to the view; the scene's click signal does not always carry it."""
        super().mouseDoubleClickEvent(event)
        index = self._index_at(self.mapToScene(event.position().toPoint()))
        if index is not None:
            self.sig_bar_clicked.emit(index, True)


class MixChart(pg.PlotWidget):
    """Tasks per category as horizontal bars, the first category on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.invertY(True)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=_BRUSH)
        self.addItem(self.bars)

    def set_mix(self, labels: Sequence[str], counts: Sequence[int]) -> None:
        positions = list(range(len(labels)))
        self.bars.setOpts(x0=[0.0] * len(labels), y=positions, width=list(counts), height=0.7)
        set_category_ticks(self.getAxis("left"), labels)
        self.setYRange(-0.6, max(len(labels), 1) - 0.4, padding=0)
        self.setXRange(0, max([*counts, 1]), padding=0.05)
