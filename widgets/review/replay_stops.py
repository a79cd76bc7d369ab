"""The replay's stops: one translucent circle per stop and a duration label per cluster of stops.

The circles are one path and the labels are reused between days, because drawing a replay must stay
under 100 ms: a scatter item paints each of a busy day's hundred circles on its own, and new text items
cost a few hundred microseconds each to build and add."""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem

from console.qtmodels.labels import fill
from console.qtmodels.review_replay import STOP_RADIUS_M, Replay, ReplayDay
from widgets.review.replay_text import duration_text

_FILL = pg.mkBrush(230, 120, 30, 70)
_LABEL_COLOR = "#8a3b0f"
_LABEL_FILL = pg.mkBrush(255, 255, 255, 200)


def _outline_pen():
    pen = pg.mkPen("#d9682b", width=1.5)
    pen.setCosmetic(True)
    return pen


def label_groups(day: ReplayDay) -> list[tuple[tuple[float, float], str]]:
    """One label per cluster of stops whose circles overlap (a worker returning to the same doorway), so
    labels never print over each other: a single stop shows its duration, a cluster how many stays and
    their total."""
    groups: list[tuple[tuple[float, float], list[float]]] = []
    for stop in day.summary.track.stops:
        x, y = day.project(stop.lon, stop.lat)
        near = next((g for g in groups if math.hypot(g[0][0] - x, g[0][1] - y) < 2 * STOP_RADIUS_M), None)
        if near is None:
            groups.append(((x, y), [stop.duration_s]))
        else:
            near[1].append(stop.duration_s)
    return [(pos, _group_text(durations)) for pos, durations in groups]


def _group_text(durations: list[float]) -> str:
    if len(durations) == 1:
        return duration_text(durations[0])
    return fill(QCoreApplication.translate("TrackReplayPanel", "%1 stays · %2"),
                str(len(durations)), duration_text(sum(durations)))


class StopLayer:
    """Owns the circles item and the label pool on `plot`; `positions` and `labels` are what is shown."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        self._plot = plot
        self.circles = QGraphicsPathItem()
        self.circles.setBrush(_FILL)
        self.circles.setPen(_outline_pen())
        self.circles.setZValue(-5)  # under the tracks, which are re-added for every replay
        plot.addItem(self.circles)
        self.positions: list[tuple[float, float]] = []
        self.labels: list[pg.TextItem] = []
        self._pool: list[pg.TextItem] = []

    def show(self, replay: Replay) -> None:
        """Circles for every worker; labels for a single worker only (compared side by side, everyone's
        labels would bury the tracks; the figures line still counts each one's stops)."""
        self.positions = [day.project(stop.lon, stop.lat) for day in replay.days
                          for stop in day.summary.track.stops]
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for x, y in self.positions:
            path.addEllipse(QPointF(x, y), STOP_RADIUS_M, STOP_RADIUS_M)
        self.circles.setPath(path)
        groups = label_groups(replay.days[0]) if len(replay.days) == 1 else []
        while len(self._pool) < len(groups):
            label = pg.TextItem(color=_LABEL_COLOR, anchor=(0.5, 1.0), fill=_LABEL_FILL)
            label.setZValue(6)  # over the tracks and event markers, under the moving position
            self._plot.addItem(label)
            self._pool.append(label)
        for label, ((x, y), text) in zip(self._pool, groups):
            label.setText(text, color=_LABEL_COLOR)
            label.setPos(x, y + STOP_RADIUS_M)
            label.show()
        for label in self._pool[len(groups):]:
            label.hide()
        self.labels = self._pool[:len(groups)]
