"""Trajectory replay (轨迹回放): pick a worker (and others to compare) and a day, see the filtered tracks in
local metres with stops, check-ins and reports, and play them back on one timeline at ×1…×64. The first
worker's position goes out as `sig_position(lon, lat)` so the map can follow it; the day exports as GPX and
prints as a day sheet."""
from __future__ import annotations

import html
from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.review_replay import SPEEDS, Replay, ReplayModel
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.track_events import CHECKIN, REPORT
from console.services.tracks import from_seconds
from widgets.review.replay_events import EventList
from widgets.review.replay_exports import ReplayExports
from widgets.review.replay_stops import StopLayer
from widgets.review.replay_text import figures_text
from widgets.review.replay_timeline import MarkedSlider

TRACK_COLORS = ("#2f6fb5", "#c2185b", "#00838f", "#6a3d9a", "#8d6e00", "#5d4037")
CHECKIN_COLOR = "#2e9e44"
REPORT_COLOR = "#e0a800"
_MARKER_COLOR = "#d9342b"
_GRID_PEN = pg.mkPen("#e6e6e6")


def _searchable(combo: QComboBox, placeholder: str) -> None:
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(14)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.lineEdit().setPlaceholderText(placeholder)


class TrackReplayPanel(QWidget):
    sig_position = Signal(float, float)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReplayModel(runner, actor, self)
        self.compared: list[int] = []

        self.worker_combo = QComboBox(self)
        self.worker_combo.setObjectName("replayWorker")
        _searchable(self.worker_combo, self.tr("Search workers by name or code"))
        self.compare_combo = QComboBox(self)
        self.compare_combo.setObjectName("replayCompare")
        _searchable(self.compare_combo, self.tr("Compare with…"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("replayAdd")
        self.add_button.setToolTip(self.tr("Replay this worker too, on the same timeline"))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("replayClear")
        self.clear_button.setEnabled(False)

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("replayDay")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        yesterday = date.today() - timedelta(days=1)
        self.date_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("replayPlot")
        self.plot.setAspectLocked(True)
        grid = pg.GridItem(pen=_GRID_PEN, textPen=None)  # the axes' own blended grid doubled the paint time
        grid.setZValue(-10)
        self.plot.addItem(grid)
        self.plot.setLabel("bottom", self.tr("East (m)"))
        self.plot.setLabel("left", self.tr("North (m)"))
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.track_items: list[pg.PlotDataItem] = []
        self.stops = StopLayer(self.plot)
        self.checkins_item = pg.ScatterPlotItem(size=11, symbol="s", brush=pg.mkBrush(CHECKIN_COLOR),
                                                pen=pg.mkPen("w", width=1.5))
        self.reports_item = pg.ScatterPlotItem(size=13, symbol="t1", brush=pg.mkBrush(REPORT_COLOR),
                                               pen=pg.mkPen("#5a4300", width=1))
        for item in (self.checkins_item, self.reports_item):
            item.setZValue(5)
            self.plot.addItem(item)
        self.marker = pg.ScatterPlotItem(size=14, pen=pg.mkPen("w", width=2))
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        self.events = EventList(self)
        self.events.sig_seek.connect(self.model.seek)

        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("replayPlay")
        self.play_button.setEnabled(False)
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("replaySpeed")
        for speed in SPEEDS:
            self.speed_combo.addItem(f"×{speed}", speed)
        self.slider = MarkedSlider(self)
        self.slider.setObjectName("replaySlider")
        self.slider.setEnabled(False)
        self.time_label = QLabel("--:--:--", self)
        self.exports = ReplayExports(self)
        self.figures_label = QLabel(self)
        self.figures_label.setObjectName("replayFigures")
        self.figures_label.setWordWrap(True)
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Worker"), self))
        top.addWidget(self.worker_combo, 2)
        top.addWidget(QLabel(self.tr("Day"), self))
        top.addWidget(self.date_edit)
        top.addSpacing(12)
        top.addWidget(self.compare_combo, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.clear_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.plot)
        split.addWidget(self.events)
        split.setStretchFactor(0, 1)
        split.setSizes([1100, 380])
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.speed_combo)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.exports.gpx_button)
        controls.addWidget(self.exports.sheet_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(controls)
        layout.addWidget(self.figures_label)

        self.model.sig_workers_loaded.connect(self._fill_workers)
        self.model.sig_day_loaded.connect(self._show_replay)
        self.model.sig_index_changed.connect(self._show_index)
        self.model.sig_playing_changed.connect(self._show_playing)
        self.worker_combo.activated.connect(lambda _: self._reload())
        self.compare_combo.activated.connect(lambda _: self.add_compared())
        self.add_button.clicked.connect(self.add_compared)
        self.clear_button.clicked.connect(self.clear_compared)
        self.date_edit.dateChanged.connect(lambda _: self._reload())
        self.slider.valueChanged.connect(self.model.set_index)
        self.play_button.clicked.connect(self._toggle_play)
        self.speed_combo.currentIndexChanged.connect(
            lambda i: self.model.set_speed(self.speed_combo.itemData(i)))
        self.model.load_workers()

    def show_worker(self, worker_id: int, day: date | None = None) -> None:
        """Select a worker (and day) from outside, e.g. a ranking row, and load the replay."""
        index = self.worker_combo.findData(worker_id)
        if index >= 0:
            self.worker_combo.setCurrentIndex(index)
        if day is not None:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            self.date_edit.blockSignals(False)
        self._reload()

    def add_compared(self) -> None:
        """Replay the worker picked in the compare box alongside the others."""
        worker_id = self.compare_combo.currentData()
        if worker_id is not None and int(worker_id) not in self.compared:
            self.compared.append(int(worker_id))
            self._reload()

    def clear_compared(self) -> None:
        self.compared.clear()
        self._reload()

    def _fill_workers(self, workers: list) -> None:
        for combo in (self.worker_combo, self.compare_combo):
            combo.clear()
            for w in workers:
                combo.addItem(f"{w.name} ({w.code})", w.id)
        self.compare_combo.setCurrentIndex(-1)

    def _reload(self) -> None:
        worker_id = self.worker_combo.currentData()
        self.clear_button.setEnabled(bool(self.compared))
        if worker_id is not None:
            self.model.load_days([int(worker_id), *self.compared], self.date_edit.date().toPython())

    def color_of(self, position: int) -> str:
        """The colour of the `position`-th worker in the replay."""
        return TRACK_COLORS[position % len(TRACK_COLORS)]

    def _show_replay(self, replay: Replay) -> None:
        for item in self.track_items:
            self.plot.removeItem(item)
        self.legend.clear()
        self.track_items = []
        for position, day in enumerate(replay.days):
            item = self.plot.plot(day.x, day.y, pen=pg.mkPen(self.color_of(position), width=2),
                                  name=f"{day.name} ({day.code})")
            self.track_items.append(item)
        self.legend.setVisible(len(replay.days) > 1)
        self.stops.show(replay)
        self._show_events(replay)
        self.marker.setData([], [])
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(replay) - 1, 0))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(replay) > 0)
        self.play_button.setEnabled(len(replay) > 0)
        self.exports.set_replay(replay)
        self.time_label.setText("--:--:--")
        self.plot.autoRange()
        self._show_figures(replay)

    def _show_events(self, replay: Replay) -> None:
        """Check-ins and reports on the plot (their times as spot data), marked on the timeline, listed."""
        spots: dict[str, list[dict]] = {CHECKIN: [], REPORT: []}
        marks = []
        for day in replay.days:
            for event, seconds in zip(day.events, day.event_t.tolist()):
                spots[event.kind].append({"pos": day.project(event.lon, event.lat), "data": seconds})
                value = max(int(np.searchsorted(replay.t, seconds, side="right")) - 1, 0)
                marks.append((value, QColor(CHECKIN_COLOR if event.kind == CHECKIN else REPORT_COLOR)))
        self.checkins_item.setData(spots[CHECKIN])
        self.reports_item.setData(spots[REPORT])
        self.slider.set_marks(marks)
        self.events.show_replay(replay, [self.color_of(i) for i in range(len(replay.days))])

    def _show_figures(self, replay: Replay) -> None:
        if len(replay.days) == 1:
            self.figures_label.setText(figures_text(replay.days[0].summary))
            return
        self.figures_label.setText("<br>".join(
            f'<span style="color:{self.color_of(i)}">■</span> {html.escape(day.name)}: '
            f"{html.escape(figures_text(day.summary))}" for i, day in enumerate(replay.days)))

    def _show_index(self, index: int) -> None:
        replay, positions = self.model.replay, self.model.positions()
        spots = [{"pos": (float(day.x[i]), float(day.y[i])),
                  "brush": pg.mkBrush(_MARKER_COLOR if len(replay.days) == 1 else self.color_of(position))}
                 for position, (day, i) in enumerate(zip(replay.days, positions)) if i >= 0]
        self.marker.setData(spots)
        self.slider.blockSignals(True)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self.time_label.setText(from_seconds(float(replay.t[index])).strftime("%H:%M:%S"))
        first = positions[0]
        if first >= 0:
            day = replay.days[0]
            self.sig_position.emit(float(day.lon[first]), float(day.lat[first]))

    def _toggle_play(self) -> None:
        if self.model.playing:
            self.model.pause()
        else:
            self.model.play()

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
