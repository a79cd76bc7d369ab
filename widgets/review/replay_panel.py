"""Trajectory replay (轨迹回放): pick a worker and a day, see the filtered track in local metres with its stops
and their durations, and play it back with a timeline slider at ×1…×64. The marker's position goes out as
`sig_position(lon, lat)` so the map can follow it."""
from __future__ import annotations

import math
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.labels import fill
from console.qtmodels.review_replay import SPEEDS, STOP_RADIUS_M, ReplayDay, ReplayModel
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.tracks import from_seconds

_TRACK_PEN = pg.mkPen("#2f6fb5", width=2)
_STOP_BRUSH = pg.mkBrush(230, 120, 30, 70)
_STOP_PEN = pg.mkPen("#d9682b", width=1.5)
_MARKER_BRUSH = pg.mkBrush("#d9342b")
_LABEL_FILL = pg.mkBrush(255, 255, 255, 200)


def _duration(seconds: float | None) -> str:
    """h:mm, the way duty sheets write durations; None (no grids known) shows as a dash."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _label_groups(day: ReplayDay) -> list[tuple[tuple[float, float], str]]:
    """One label per cluster of stops whose circles overlap (a worker returning to the same doorway), the
    durations joined in time order, so labels never print over each other."""
    groups: list[tuple[tuple[float, float], list[str]]] = []
    for stop in day.summary.track.stops:
        x, y = day.project(stop.lon, stop.lat)
        near = next((g for g in groups if math.hypot(g[0][0] - x, g[0][1] - y) < 2 * STOP_RADIUS_M), None)
        if near is None:
            groups.append(((x, y), [_duration(stop.duration_s)]))
        else:
            near[1].append(_duration(stop.duration_s))
    return [(pos, " + ".join(texts)) for pos, texts in groups]


class TrackReplayPanel(QWidget):
    sig_position = Signal(float, float)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReplayModel(runner, actor, self)

        self.worker_combo = QComboBox(self)
        self.worker_combo.setObjectName("replayWorker")
        self.worker_combo.setEditable(True)
        self.worker_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.worker_combo.setMinimumContentsLength(16)
        completer = self.worker_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.worker_combo.lineEdit().setPlaceholderText(self.tr("Search workers by name or code"))

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("replayDay")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        yesterday = date.today() - timedelta(days=1)
        self.date_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("replayPlot")
        self.plot.setAspectLocked(True)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("bottom", self.tr("East (m)"))
        self.plot.setLabel("left", self.tr("North (m)"))
        self.track_item = self.plot.plot(pen=_TRACK_PEN)
        self.stops_item = pg.ScatterPlotItem(pen=_STOP_PEN, brush=_STOP_BRUSH, pxMode=False)
        self.plot.addItem(self.stops_item)
        self.marker = pg.ScatterPlotItem(size=14, brush=_MARKER_BRUSH, pen=pg.mkPen("w", width=2))
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        self._stop_labels: list[pg.TextItem] = []

        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("replayPlay")
        self.play_button.setEnabled(False)
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("replaySpeed")
        for speed in SPEEDS:
            self.speed_combo.addItem(f"×{speed}", speed)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("replaySlider")
        self.slider.setEnabled(False)
        self.time_label = QLabel("--:--:--", self)
        self.figures_label = QLabel(self)
        self.figures_label.setObjectName("replayFigures")
        self.figures_label.setWordWrap(True)
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Worker"), self))
        top.addWidget(self.worker_combo, 1)
        top.addWidget(QLabel(self.tr("Day"), self))
        top.addWidget(self.date_edit)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.speed_combo)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addLayout(controls)
        layout.addWidget(self.figures_label)

        self.model.sig_workers_loaded.connect(self._fill_workers)
        self.model.sig_day_loaded.connect(self._show_day)
        self.model.sig_index_changed.connect(self._show_index)
        self.model.sig_playing_changed.connect(self._show_playing)
        self.worker_combo.activated.connect(lambda _: self._reload())
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

    def _fill_workers(self, workers: list) -> None:
        self.worker_combo.clear()
        for w in workers:
            self.worker_combo.addItem(f"{w.name} ({w.code})", w.id)

    def _reload(self) -> None:
        worker_id = self.worker_combo.currentData()
        if worker_id is not None:
            self.model.load_day(int(worker_id), self.date_edit.date().toPython())

    def _show_day(self, day: ReplayDay) -> None:
        self.track_item.setData(day.x, day.y)
        for label in self._stop_labels:
            self.plot.removeItem(label)
        self._stop_labels = []
        spots = [{"pos": day.project(stop.lon, stop.lat), "size": 2 * STOP_RADIUS_M}
                 for stop in day.summary.track.stops]
        for (x, y), text in _label_groups(day):
            label = pg.TextItem(text, color="#8a3b0f", anchor=(0.5, 1.0), fill=_LABEL_FILL)
            label.setPos(x, y + STOP_RADIUS_M)
            self.plot.addItem(label)
            self._stop_labels.append(label)
        self.stops_item.setData(spots)
        self.marker.setData([], [])
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(day) - 1, 0))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(day) > 0)
        self.play_button.setEnabled(len(day) > 0)
        self.time_label.setText("--:--:--")
        self.plot.autoRange()
        self._show_figures(day)

    def _show_figures(self, day: ReplayDay) -> None:
        s, track = day.summary, day.summary.track
        if not len(day):
            self.figures_label.setText(self.tr("No positions on this day."))
            return
        locale = QLocale()
        self.figures_label.setText(fill(
            self.tr("Distance %1 km · moving %2 · stopped %3 · %4 stops · inside own grids %5 · outside %6 · "
                    "premises visited %7 of %8 due · %9 fixes dropped"),
            locale.toString(track.distance_m / 1000.0, "f", 2), _duration(track.moving_s),
            _duration(track.stopped_s), locale.toString(len(track.stops)), _duration(track.inside_s),
            _duration(track.outside_s), locale.toString(s.premises_visited), locale.toString(s.premises_due),
            locale.toString(sum(s.dropped.values()))))

    def _show_index(self, index: int) -> None:
        day = self.model.day
        self.marker.setData([float(day.x[index])], [float(day.y[index])])
        self.slider.blockSignals(True)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self.time_label.setText(from_seconds(float(day.t[index])).strftime("%H:%M:%S"))
        self.sig_position.emit(float(day.lon[index]), float(day.lat[index]))

    def _toggle_play(self) -> None:
        if self.model.playing:
            self.model.pause()
        else:
            self.model.play()

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
