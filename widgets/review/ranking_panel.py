"""Ranking (排名) of grid workers, grids, communities or townships for this or last month: a table with the
movement since the month before and a bar chart of the top 20. Activating a worker's row emits
`sig_worker_opened(worker_id)` so the lead can open that worker's card or replay."""
from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.review_ranking import (
    LEVEL_LABELS,
    PERIOD_LABELS,
    PERIODS,
    ROW_ID_ROLE,
    RankingModel,
    label,
    period_range,
)
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.rankings import LEVELS

TOP = 20
_BAR_BRUSH = pg.mkBrush("#2f6fb5")
_NAME_CHARS = 10  # longer unit names are cut on the chart axis; the table shows them whole


class RankingPanel(QWidget):
    sig_worker_opened = Signal(int)

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self.model = RankingModel(runner, actor, self)

        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("rankingLevel")
        for level in LEVELS:
            self.level_combo.addItem(label(LEVEL_LABELS[level]), level)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("rankingPeriod")
        for period in PERIODS:
            self.period_combo.addItem(label(PERIOD_LABELS[period]), period)
        self.range_label = QLabel(self)

        self.table = QTableView(self)
        self.table.setObjectName("rankingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.chart = pg.PlotWidget(self, background="w")
        self.chart.setObjectName("rankingChart")
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        self.chart.setLabel("bottom", self.tr("Points"))
        self.chart.invertY(True)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=_BAR_BRUSH)
        self.chart.addItem(self.bars)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Level"), self))
        top.addWidget(self.level_combo)
        top.addWidget(QLabel(self.tr("Period"), self))
        top.addWidget(self.period_combo)
        top.addWidget(self.range_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.model.sig_loaded.connect(self._draw_chart)
        self.level_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.period_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.table.activated.connect(self._activated)
        self.reload()

    def period(self) -> tuple[date, date]:
        return period_range(self.period_combo.currentData(), self._today)

    def reload(self) -> None:
        start, end = self.period()
        self.range_label.setText(f"{start:%Y-%m-%d} – {end:%Y-%m-%d}")
        self.model.load(self.level_combo.currentData(), start, end)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.level == "worker":
            self.sig_worker_opened.emit(int(index.data(ROW_ID_ROLE)))

    def _draw_chart(self) -> None:
        rows = self.model.rows[:TOP]
        positions = list(range(len(rows)))
        self.bars.setOpts(x0=[0.0] * len(rows), y=positions, width=[r.points for r in rows], height=0.7)
        names = [r.name if len(r.name) <= _NAME_CHARS else r.name[:_NAME_CHARS - 1] + "…" for r in rows]
        self.chart.getAxis("left").setTicks([list(zip(positions, names))])
        self.chart.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
        self.chart.enableAutoRange(axis="x")
