"""Ranking (排名) of grid workers, grids, communities or townships for this or last month: a table with the
movement since the month before and a bar chart of the top 20, exported to XLSX as shown.

Activating a worker's row emits `sig_worker_opened(worker_id)` (the window opens that worker's card).
Activating a grid's, community's or township's row drills down: the workers under that unit, with their rank
in the whole jurisdiction, until "Show all"."""
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
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.labels import fill
from console.qtmodels.review_ranking import (
    LEVEL_LABELS,
    PERIOD_LABELS,
    PERIODS,
    ROW_ID_ROLE,
    RankingModel,
    export_ranking_xlsx,
    label,
    period_range,
)
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.rankings import LEVELS
from widgets.common.chart_axes import set_category_ticks
from widgets.review.xlsx_save import save_xlsx

TOP = 20
_BAR_BRUSH = pg.mkBrush("#2f6fb5")
_MIN_SLOTS = 10  # a drill-down of two workers keeps bars of the usual thickness
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
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("rankingScope")
        self.show_all_button = QPushButton(self.tr("Show all"), self)
        self.show_all_button.setObjectName("rankingShowAll")
        self.show_all_button.hide()
        self.export_button = QPushButton(self.tr("Export XLSX…"), self)
        self.export_button.setObjectName("rankingExport")

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
        top.addWidget(self.scope_label)
        top.addWidget(self.show_all_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.model.sig_loaded.connect(self._draw_chart)
        self.level_combo.currentIndexChanged.connect(lambda _: self._level_chosen())
        self.period_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.table.activated.connect(self._activated)
        self.show_all_button.clicked.connect(lambda: self._set_scope(None))
        self.export_button.clicked.connect(self._export)
        self.reload()

    def period(self) -> tuple[date, date]:
        return period_range(self.period_combo.currentData(), self._today)

    def reload(self) -> None:
        start, end = self.period()
        self.range_label.setText(f"{start:%Y-%m-%d} – {end:%Y-%m-%d}")
        self.model.load(self.level_combo.currentData(), start, end)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self.model.level == "worker":
            self.sig_worker_opened.emit(int(index.data(ROW_ID_ROLE)))
            return
        unit = self.model.rows[index.row()]
        self._set_scope(unit.path, unit.name)
        self.level_combo.blockSignals(True)
        self.level_combo.setCurrentIndex(self.level_combo.findData("worker"))
        self.level_combo.blockSignals(False)
        self.reload()

    def _level_chosen(self) -> None:
        self._set_scope(None)
        self.reload()

    def _set_scope(self, path: str | None, name: str = "") -> None:
        """Drilled into a unit (its path and name), or back to the whole jurisdiction (None)."""
        self.model.set_scope(path)
        self.scope_label.setText(fill(self.tr("Within %1"), name) if path else "")
        self.show_all_button.setVisible(path is not None)
        self._draw_chart()

    def _export(self) -> None:
        level, (start, end) = self.model.level, self.period()
        rows = list(self.model.rows)
        save_xlsx(self, self.tr("Export ranking"), f"ranking_{level}_{start:%Y-%m}.xlsx",
                  lambda path: export_ranking_xlsx(path, rows, level, start, end))

    def _draw_chart(self) -> None:
        rows = self.model.rows[:TOP]
        positions = list(range(len(rows)))
        self.bars.setOpts(x0=[0.0] * len(rows), y=positions, width=[r.points for r in rows], height=0.7)
        names = [r.name if len(r.name) <= _NAME_CHARS else r.name[:_NAME_CHARS - 1] + "…" for r in rows]
        set_category_ticks(self.chart.getAxis("left"), names)
        self.chart.setYRange(-0.6, max(len(rows), _MIN_SLOTS) - 0.4, padding=0)
        self.chart.enableAutoRange(axis="x")
